"""The rules every record meets, on import and whenever the store reads a file: what each kind of record needs.

Kept in one table (RECORD_CHECKS) so an import and the store's reading judge a
record alike: a record changed by hand or by a bug is refused by the one and
set aside by the other, never shown. To check a new kind of record, add its
file name (or folder, ending in "/") and a checker to RECORD_CHECKS.
"""

import json
from collections.abc import Callable
from datetime import datetime

from storage.checkins.model import check_in_problems
from storage.checkins.repository import EMOTION_TAGS_ID, LISTS_FILE, emotion_tags_problem
from storage.checkins.repository import PREFIX as CHECKINS
from storage.days import month_key
from storage.messages.model import message_record_problems
from storage.messages.repository import FILE as MESSAGES_FILE
from storage.people.feelings import felt_problem
from storage.people.gatherings import GATHERING_DEFAULTS
from storage.people.giving import GIVEN_FILE, given_problems
from storage.people.model import Way, person_problems
from storage.people.repository import CONTACTS_FILE, PEOPLE_FILE
from storage.records import parse_stamp
from storage.reminders.model import reminder_from_document, reminder_problems
from storage.reminders.repository import FILE as REMINDERS_FILE
from storage.support_card.card import FILE as SUPPORT_CARD_FILE
from storage.support_card.card import support_card_problems
from storage.support_card.shares import SHARES_FILE as SUPPORT_CARD_SHARES_FILE
from storage.support_card.shares import share_problems

STAMP_EXAMPLE = "2026-11-23T09:15:02+01:00"

RecordCheck = Callable[[str, dict], dict[str, str]]
"""(file name, record) → field → what is wrong with it, in words for the person."""


def record_problems(name: str, record: dict) -> dict[str, str]:
    """What is wrong with one record of file `name`, by the rules every import meets; empty when Tend can use it.

    The store checks what it reads against the same rules (Store.open's `record_problems`), so a record changed
    by hand or by a bug is set aside instead of reaching a screen.
    """
    checks = [check for key, check in RECORD_CHECKS.items() if _covers(key, name)]
    return _first_problems(name, record, [_record_problems, *checks, _unsavable_fields])


def shown(value: object, limit: int = 40) -> str:
    """A value as quoted in a message, shortened so one bad field can't fill the screen."""
    text = repr(value)
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _covers(key: str, name: str) -> bool:
    """Whether a RECORD_CHECKS key names file `name`, or a folder holding it."""
    return name == key or (key.endswith("/") and name.startswith(key))


def _first_problems(name: str, record: dict, checks: list[RecordCheck]) -> dict[str, str]:
    """The problems the first failing check finds; later checks may rely on the earlier ones passing."""
    for check in checks:
        problems = check(name, record)
        if problems:
            return problems
    return {}


def _record_problems(name: str, record: dict) -> dict[str, str]:
    """What every record needs: an id, and when it was created and last changed."""
    problems = {}
    if not isinstance(record.get("id"), str) or not record["id"]:
        problems["id"] = "every record needs an id (some text)."
    for field in ("created", "updated"):
        if _moment(record.get(field)) is None:
            problems[field] = f"{shown(record.get(field))} isn't a date and time Tend can read (like {STAMP_EXAMPLE})."
    return problems


def _unsavable_fields(name: str, record: dict) -> dict[str, str]:
    """Values JSON can read but Tend can't write back (NaN, broken text), which would fail halfway through."""
    if _encodable(record):
        return {}  # the usual case, in one encoding instead of one per field
    problems = {}
    for field, value in record.items():
        try:
            json.dumps({field: value}, ensure_ascii=False, allow_nan=False).encode("utf-8")
        except (ValueError, RecursionError):
            problems[field] = "this holds a value Tend can't save (not a number, or broken text)."
    return problems


def _encodable(record: dict) -> bool:
    try:
        json.dumps(record, ensure_ascii=False, allow_nan=False).encode("utf-8")
    except (ValueError, RecursionError):
        return False
    return True


def _check_in_problems(name: str, record: dict) -> dict[str, str]:
    at = _moment(record.get("at"))
    if at is None:
        return {"at": f"{shown(record.get('at'))} isn't a date and time Tend can read (like {STAMP_EXAMPLE})."}
    problems = check_in_problems(record.get("mood"), record.get("energy"), record.get("sleep"),
                                 record.get("anxiety"), record.get("tags", []), record.get("note", ""), at=at)
    if not problems and name != CHECKINS + month_key(at):
        problems["at"] = f"this check-in is from {month_key(at)}, so it belongs in “{CHECKINS}{month_key(at)}”."
    return problems


def _lists_problems(name: str, record: dict) -> dict[str, str]:
    if record["id"] != EMOTION_TAGS_ID:
        return {}
    tags = record.get("tags")
    problem = "this should be a list of words." if not isinstance(tags, list) else emotion_tags_problem(tags)
    return {"tags": problem} if problem else {}


def _person_problems(name: str, record: dict) -> dict[str, str]:
    fields = ("name", "phones", "email", "supports", "helps_with", "note", "preferred", "stay_in_touch_days",
              *GATHERING_DEFAULTS)
    given = {field: record[field] for field in fields if field in record}
    if isinstance(given.get("phones"), list):
        given["phones"] = tuple(given["phones"])
    if isinstance(given.get("supports"), list):
        given["supports"] = tuple(given["supports"])
    return person_problems(**{"name": None, **given})


def _contact_problems(name: str, record: dict) -> dict[str, str]:
    if not isinstance(record.get("person_id"), str):
        return {"person_id": "this should name the person reached, by their id."}
    if _moment(record.get("at")) is None:
        return {"at": f"{shown(record.get('at'))} isn't a date and time Tend can read (like {STAMP_EXAMPLE})."}
    if record.get("way") not in {way.value for way in Way}:
        return {"way": f"{shown(record.get('way'))} isn't one of {', '.join(way.value for way in Way)}."}
    felt = felt_problem(record.get("felt"))
    return {"felt": f"{shown(record.get('felt'))}: {felt}"} if felt else {}


def _reminder_problems(name: str, record: dict) -> dict[str, str]:
    if record.get("type") != "reminder":
        moment = record.get("until", record.get("at"))
        return {} if moment is None or _moment(moment) else {"at": f"{shown(moment)} isn't a date and time."}
    try:
        problems = reminder_problems(reminder_from_document(record))
    except (KeyError, TypeError, ValueError, AttributeError):
        return {"times": "this isn't a reminder Tend can read."}
    return problems


def _moment(text: object) -> datetime | None:
    if not isinstance(text, str):
        return None
    try:
        return parse_stamp(text)
    except ValueError:
        return None


RECORD_CHECKS: dict[str, RecordCheck] = {
    CHECKINS: _check_in_problems,
    LISTS_FILE: _lists_problems,
    PEOPLE_FILE: _person_problems,
    CONTACTS_FILE: _contact_problems,
    REMINDERS_FILE: _reminder_problems,
    GIVEN_FILE: lambda name, record: given_problems(record),
    MESSAGES_FILE: lambda name, record: message_record_problems(record),
    SUPPORT_CARD_FILE: support_card_problems,
    SUPPORT_CARD_SHARES_FILE: share_problems,
}
