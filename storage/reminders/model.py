"""What a reminder is, how it is checked and how it is stored; the rules for when it rings are in `rules`.

A reminder is a frozen dataclass: every change (snooze, done, an edit) makes a
new one, which the repository saves whole. Making or saving one that breaks a
rule raises Refused with every message for the person at once.
"""

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timezone
from enum import StrEnum

from storage.checkins.model import with_fixed_offset
from storage.days import WEEKDAYS
from storage.errors import Refused
from storage.records import new_id, parse_stamp


class ReminderKind(StrEnum):
    """What a reminder is for: checking in (quiet on a day with a check-in), or something of the person's own."""

    CHECK_IN = "check_in"
    OWN = "own"
    MEETING = "meeting"  # a group's weekly meeting, kept in step with the group (storage.people.meetings)


class Repeat(StrEnum):
    """How often a reminder rings; the values are what the files hold."""

    ONCE = "none"
    DAILY = "daily"
    WEEKDAYS = "weekdays"
    WEEKLY = "weekly"
    EVERY_N_DAYS = "every_n_days"


REPEATS = tuple(Repeat)
EVERY_DAY = frozenset(WEEKDAYS)
TEXT_LIMIT = 200
TIMES_LIMIT = 12
EVERY_DAYS_LIMIT = 365
_NEEDS_START = frozenset({Repeat.ONCE, Repeat.WEEKLY, Repeat.EVERY_N_DAYS})


@dataclass(frozen=True, kw_only=True)
class Reminder:
    id: str
    kind: ReminderKind = ReminderKind.CHECK_IN
    text: str = ""
    times: tuple[str, ...] = ("09:00",)  # wall-clock "HH:MM"
    weekdays: frozenset[int] = EVERY_DAY  # Monday = 0; used by repeat "weekdays"
    repeat: Repeat = Repeat.DAILY
    every_days: int = 1  # used by repeat "every_n_days"
    starts_on: date | None = None  # the first day; needed by own reminders and by "none", "weekly", "every_n_days"
    always: bool = False  # check-in reminders: ring even when that day already has a check-in
    snoozed_until: datetime | None = None
    handled_until: datetime | None = None


def reminder_problems(reminder: Reminder) -> dict[str, str]:
    """Field → what is wrong with it, in words for the person; empty when the reminder can be saved."""
    found = {}
    if reminder.kind not in tuple(ReminderKind):
        found["kind"] = "Please choose what the reminder is for: checking in, or something of your own."
    found.update(_text_problems(reminder))
    found.update(_times_problems(reminder.times))
    if reminder.repeat not in REPEATS:
        found["repeat"] = ("Please choose how often it repeats: once, every day, on chosen days, weekly, "
                           "or every few days.")
    elif reminder.repeat == Repeat.WEEKDAYS and (not _is_set_of_weekdays(reminder.weekdays) or not reminder.weekdays):
        found["weekdays"] = "Please choose at least one day of the week."
    elif reminder.repeat == Repeat.EVERY_N_DAYS and not _is_count(reminder.every_days, EVERY_DAYS_LIMIT):
        found["every_days"] = f"Please choose how many days apart, from 1 to {EVERY_DAYS_LIMIT}."
    if reminder.starts_on is None and (reminder.kind == ReminderKind.OWN or reminder.repeat in _NEEDS_START):
        found["starts_on"] = "Please choose the date of the first reminder."
    elif reminder.starts_on is not None and not _is_date(reminder.starts_on):
        found["starts_on"] = "Please choose the first date from the calendar."
    if not isinstance(reminder.always, bool):
        found["always"] = "Switches on a reminder are either on or off."
    return found


def checked(reminder: Reminder) -> Reminder:
    """The reminder itself if it can be saved; Refused (with every problem) if not."""
    found = reminder_problems(reminder)
    if found:
        raise Refused(found)
    return reminder


def new_reminder(now: datetime, **fields) -> Reminder:
    """A fresh reminder with its own id; nothing from before `now` counts as due. Raises Refused."""
    return checked(Reminder(id=new_id(), **fields, handled_until=with_fixed_offset(now)))


def revised(reminder: Reminder, now: datetime, **changes) -> Reminder:
    """The reminder with `changes`, starting afresh from `now`: no backlog and no old snooze, so a time moved
    earlier than now doesn't ring at once. Raises Refused."""
    return checked(replace(reminder, **changes, snoozed_until=None,
                           handled_until=with_fixed_offset(latest(reminder.handled_until, now))))


def document_from_reminder(reminder: Reminder) -> dict:
    """A JSON-safe dict for the store; moments as ISO 8601 with their offset."""
    return {
        "id": reminder.id,
        "kind": reminder.kind,
        "text": reminder.text,
        "times": list(reminder.times),
        "weekdays": sorted(reminder.weekdays),
        "repeat": reminder.repeat,
        "every_days": reminder.every_days,
        "starts_on": None if reminder.starts_on is None else reminder.starts_on.isoformat(),
        "always": reminder.always,
        "snoozed_until": _text_of(reminder.snoozed_until),
        "handled_until": _text_of(reminder.handled_until),
    }


def reminder_from_document(doc: dict) -> Reminder:
    """The reminder a stored document describes (the inverse of document_from_reminder)."""
    return Reminder(
        id=doc["id"],
        kind=ReminderKind(doc["kind"]),
        text=doc["text"],
        times=tuple(doc["times"]),
        weekdays=frozenset(doc["weekdays"]),
        repeat=Repeat(doc["repeat"]),
        every_days=doc["every_days"],
        starts_on=None if doc["starts_on"] is None else date.fromisoformat(doc["starts_on"]),
        always=doc["always"],
        snoozed_until=_moment_of(doc["snoozed_until"]),
        handled_until=_moment_of(doc["handled_until"]),
    )


def latest(*moments: datetime | None) -> datetime | None:
    """The latest of the moments given, None if none is."""
    present = [moment for moment in moments if moment is not None]
    return max(present, key=in_utc) if present else None


def in_utc(moment: datetime) -> datetime:
    """`moment` in UTC, so comparing moments in one zone can't be fooled by a repeated hour."""
    return moment.astimezone(timezone.utc)


def _clock(text: object) -> time | None:
    """The time of day "HH:MM" (or "H:MM") names, or None."""
    if not isinstance(text, str):
        return None
    hours, colon, minutes = text.strip().partition(":")
    if not (colon and hours.isdigit() and len(hours) <= 2 and minutes.isdigit() and len(minutes) == 2):
        return None
    try:
        return time(int(hours), int(minutes))
    except ValueError:
        return None


def clocks_of(times: Iterable[str]) -> list[time]:
    """The times of day a reminder's "HH:MM" texts name, leaving out any that name none."""
    return [clock for clock in map(_clock, times) if clock is not None]


def _text_problems(reminder: Reminder) -> dict[str, str]:
    if not isinstance(reminder.text, str):
        return {"text": "The reminder's words should be text."}
    if reminder.kind == ReminderKind.OWN and not reminder.text.strip():
        return {"text": "Please write what you'd like to be reminded of."}
    if len(reminder.text) > TEXT_LIMIT:
        return {"text": f"A reminder can be up to {TEXT_LIMIT} characters; this one has {len(reminder.text)}. "
                        "Nothing was saved — please shorten it."}
    return {}


def _times_problems(times: object) -> dict[str, str]:
    if isinstance(times, str) or not isinstance(times, (tuple, list)) or not times:
        return {"times": "Please choose at least one time of day."}
    bad = [text for text in times if _clock(text) is None]
    if bad:
        return {"times": f"Please write times as hours:minutes, for example 09:30 or 21:00; “{bad[0]}” isn't one."}
    if len(times) > TIMES_LIMIT:
        return {"times": f"A reminder can ring up to {TIMES_LIMIT} times a day; this one has {len(times)}."}
    return {}


def _is_set_of_weekdays(weekdays: object) -> bool:
    return isinstance(weekdays, (set, frozenset)) and all(
        isinstance(day, int) and not isinstance(day, bool) and day in WEEKDAYS for day in weekdays)


def _is_count(value: object, limit: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= limit


def _is_date(value: object) -> bool:
    return isinstance(value, date) and not isinstance(value, datetime)


def _text_of(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()


def _moment_of(text: str | None) -> datetime | None:
    return None if text is None else parse_stamp(text)
