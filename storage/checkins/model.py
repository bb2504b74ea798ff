"""A check-in: how someone felt at a moment, with optional details.

The moment (`at`) keeps the local time and UTC offset where the check-in was
made and is never converted, so a day is read as the person lived it even after
they travel. Validation returns kind messages for the person instead of
raising, and never shortens anything silently.
"""

from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone
from enum import IntEnum

from storage.errors import Refused
from storage.records import new_id, parse_stamp, stamp

NOTE_LIMIT = 5000
TAG_LIMIT = 40
SCALE = range(1, 6)
SCALES = ("energy", "sleep", "anxiety")
FUTURE_GRACE = timedelta(minutes=5)
"""How far ahead of the clock a time may be, so a slightly slow clock or a quick edit isn't refused."""

DEFAULT_EMOTION_TAGS = (
    "calm",
    "hopeful",
    "grateful",
    "content",
    "motivated",
    "tired",
    "anxious",
    "sad",
    "lonely",
    "irritable",
    "overwhelmed",
    "numb",
)

_DETAILS = frozenset({"at", "energy", "sleep", "anxiety", "tags", "note"})


class Mood(IntEnum):
    AWFUL = 1
    LOW = 2
    OKAY = 3
    GOOD = 4
    GREAT = 5

    @property
    def word(self) -> str:
        """The word shown and spoken next to the mood, e.g. "Okay"."""
        return self.name.capitalize()


@dataclass(frozen=True, kw_only=True)
class CheckIn:
    id: str
    mood: Mood
    at: datetime
    energy: int | None = None
    sleep: int | None = None
    anxiety: int | None = None
    tags: tuple[str, ...] = ()
    note: str = ""
    created: str
    updated: str


def tag_problem(tag: object) -> str | None:
    """Why `tag` can't be used as an emotion tag, or None if it can."""
    if not isinstance(tag, str) or not tag.strip():
        return "A tag needs at least one letter."
    if len(tag.strip()) > TAG_LIMIT:
        return f"Tags can be up to {TAG_LIMIT} characters; “{tag.strip()[:20]}…” has {len(tag.strip())}."
    return None


def check_in_problems(
    mood: object,
    energy: object = None,
    sleep: object = None,
    anxiety: object = None,
    tags: object = (),
    note: object = "",
    at: object = None,
    now: datetime | None = None,
) -> dict[str, str]:
    """Field name → what is wrong with it, in words for the person. Empty when all is well.

    `at` is checked against `now` only when both are given.
    """
    problems: dict[str, str] = {}
    if not _on_scale(mood):
        problems["mood"] = "Please pick one of the five moods, from Awful to Great."
    for name, value in zip(SCALES, (energy, sleep, anxiety)):
        if value is not None and not _on_scale(value):
            problems[name] = f"{name.capitalize()} can be 1 to 5, or left empty."
    tag_message = _tags_problem(tags)
    if tag_message:
        problems["tags"] = tag_message
    if not isinstance(note, str):
        problems["note"] = "The note should be text."
    elif len(note) > NOTE_LIMIT:
        problems["note"] = (
            f"Notes can be up to {NOTE_LIMIT:,} characters; this one has {len(note):,}. "
            "Nothing was saved — please shorten it."
        )
    at_message = _at_problem(at, now)
    if at_message:
        problems["at"] = at_message
    return problems


def new_check_in(mood: int, now: datetime, **details) -> CheckIn:
    """A fresh check-in made at `now` (or at `details["at"]` when back-filling).

    Details: at, energy, sleep, anxiety, tags, note. Raises Refused
    rather than build a check-in the rules would refuse.
    """
    unknown = set(details) - _DETAILS
    if unknown:
        raise TypeError(f"unknown check-in details: {', '.join(sorted(unknown))}")
    fields = {"at": now, "energy": None, "sleep": None, "anxiety": None, "tags": (), "note": "", **details}
    _refuse_problems(mood=mood, now=now, **fields)
    made = stamp(now)
    return CheckIn(id=new_id(), mood=Mood(mood), created=made, updated=made, **_tidied(fields))


def revised(check_in: CheckIn, now: datetime, **changes) -> CheckIn:
    """`check_in` with `changes` applied and `updated` set to now; raises Refused if they don't fit."""
    unknown = set(changes) - _DETAILS - {"mood"}
    if unknown:
        raise TypeError(f"unknown check-in details: {', '.join(sorted(unknown))}")
    fields = {name: getattr(check_in, name) for name in _DETAILS | {"mood"}} | changes
    _refuse_problems(now=now, **fields)
    mood = Mood(fields.pop("mood"))
    return replace(check_in, mood=mood, updated=stamp(now), **_tidied(fields))


def document_from_check_in(check_in: CheckIn) -> dict:
    """A JSON-safe dict for the store; `at` as ISO 8601 with its own offset."""
    return {
        "id": check_in.id,
        "mood": int(check_in.mood),
        "at": check_in.at.isoformat(),
        "energy": check_in.energy,
        "sleep": check_in.sleep,
        "anxiety": check_in.anxiety,
        "tags": list(check_in.tags),
        "note": check_in.note,
        "created": check_in.created,
        "updated": check_in.updated,
    }


def check_in_from_document(doc: dict) -> CheckIn:
    """The check-in a stored document describes (the inverse of document_from_check_in)."""
    return CheckIn(
        id=doc["id"],
        mood=Mood(doc["mood"]),
        at=parse_stamp(doc["at"]),
        energy=doc.get("energy"),
        sleep=doc.get("sleep"),
        anxiety=doc.get("anxiety"),
        tags=tuple(doc.get("tags", ())),
        note=doc.get("note", ""),
        created=doc["created"],
        updated=doc.get("updated", doc["created"]),
    )


def with_fixed_offset(at: datetime) -> datetime:
    """`at` with its zone replaced by the plain UTC offset in force, which is all that is stored.

    Doing this on the way in makes a check-in equal to itself after a save and a load.
    """
    return at.replace(tzinfo=timezone(at.utcoffset()))


def _on_scale(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value in SCALE


def _tags_problem(tags: object) -> str | None:
    if isinstance(tags, str) or not isinstance(tags, (list, tuple)):
        return "Tags should be a list of words."
    for tag in tags:
        message = tag_problem(tag)
        if message:
            return message
    return None


def _at_problem(at: object, now: datetime | None) -> str | None:
    if at is None:
        return None
    if not isinstance(at, datetime) or at.utcoffset() is None:
        return "Please pick a date and time."
    if now is not None and at > now + FUTURE_GRACE:
        return "That time is still to come — please pick a time up to now."
    return None


def _refuse_problems(**fields) -> None:
    problems = check_in_problems(**fields)
    if problems:
        raise Refused(problems)


def _tidied(fields: dict) -> dict:
    """Fields as stored: tags trimmed and without repeats, `at` with a fixed offset."""
    tags = tuple(dict.fromkeys(tag.strip() for tag in fields["tags"]))
    return {**fields, "tags": tags, "at": with_fixed_offset(fields["at"])}
