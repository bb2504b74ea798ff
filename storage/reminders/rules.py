"""Reminders: when they fire, what is due now, snooze, done and skip; and who is due a keep-in-touch.

Times of day are wall-clock times ("09:00") in the zone the person is in
*now*, so a reminder at 09:00 rings at 09:00 after the clocks change or a
flight. A time the clocks skip (02:30 on a spring-forward night) rings at the
first moment after the gap; an hour that happens twice rings once, the first
time.

A schedule names the person's own days, as `storage.days.day_of` reads them:
with a day that starts at 03:00, a Monday reminder at 01:00 rings in the small
hours after Monday, and a check-in at 01:30 counts for the day before.

The state of a reminder is two moments: `handled_until` (every occurrence at or
before it was done, skipped or is older than the reminder) and `snoozed_until`
(quiet until then, when it rings once for everything it held back). Every rule
here is a pure function given `now`; nothing reads the clock.
"""

from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from itertools import takewhile
from typing import NamedTuple

from storage.checkins.model import with_fixed_offset
from storage.days import day_of, today
from storage.records import new_id, parse_stamp

CHECK_IN, OWN = KINDS = ("check_in", "own")
REPEATS = ("none", "daily", "weekdays", "weekly", "every_n_days")
EVERY_DAY = frozenset(range(7))
TEXT_LIMIT = 200
TIMES_LIMIT = 12
EVERY_DAYS_LIMIT = 365
SEARCH_DAYS = EVERY_DAYS_LIMIT + 7
"""How many days to look through for an occurrence: longer than any repeat, so a valid schedule always shows up."""

SNOOZE_CHOICES = ("10 minutes", "1 hour", "tomorrow morning", "chosen")
MORNING = time(9, 0)
"""When a snooze until "tomorrow morning" ends."""
_SNOOZE_SPANS = {"10 minutes": timedelta(minutes=10), "1 hour": timedelta(hours=1)}
_NEEDS_START = frozenset({"none", "weekly", "every_n_days"})


@dataclass(frozen=True, kw_only=True)
class Reminder:
    id: str
    kind: str = CHECK_IN
    text: str = ""
    times: tuple[str, ...] = ("09:00",)  # wall-clock "HH:MM"
    weekdays: frozenset[int] = EVERY_DAY  # Monday = 0; used by repeat "weekdays"
    repeat: str = "daily"
    every_days: int = 1  # used by repeat "every_n_days"
    starts_on: date | None = None  # the first day; needed by own reminders and by "none", "weekly", "every_n_days"
    always: bool = False  # check-in reminders: ring even when that day already has a check-in
    enabled: bool = True
    snoozed_until: datetime | None = None
    handled_until: datetime | None = None


@dataclass(frozen=True)
class Due:
    """A reminder ringing for the occurrence at `at` (the snooze's end, when it was snoozed)."""

    reminder: Reminder
    at: datetime


@dataclass(frozen=True)
class TouchPlan:
    """Reaching out to one person every `every_days` days; built from a person record, never stored here."""

    person_id: str
    name: str
    every_days: int
    last_contact: datetime | None
    since: datetime  # when the plan began: counts as the last contact until there is one


@dataclass(frozen=True)
class Overdue:
    plan: TouchPlan
    due_at: datetime
    days_overdue: int  # 0 on the day it falls due


class ReminderProblems(ValueError):
    """Raised when asked to make or save a reminder that `reminder_problems` would refuse."""

    def __init__(self, problems: list[str]):
        super().__init__(" ".join(problems))
        self.problems = problems


class _Firing(NamedTuple):
    day: date  # the person's day it belongs to
    at: datetime


# --- making and checking reminders -------------------------------------------------------------------------------


def reminder_problems(reminder: Reminder) -> list[str]:
    """What is wrong with the reminder, in words for the person; empty when it can be saved."""
    found = []
    if reminder.kind not in KINDS:
        found.append("Please choose what the reminder is for: checking in, or something of your own.")
    found.extend(_text_problems(reminder))
    found.extend(_times_problems(reminder.times))
    if reminder.repeat not in REPEATS:
        found.append("Please choose how often it repeats: once, every day, on chosen days, weekly, "
                     "or every few days.")
    elif reminder.repeat == "weekdays" and (not _is_set_of_weekdays(reminder.weekdays) or not reminder.weekdays):
        found.append("Please choose at least one day of the week.")
    elif reminder.repeat == "every_n_days" and not _is_count(reminder.every_days, EVERY_DAYS_LIMIT):
        found.append(f"Please choose how many days apart, from 1 to {EVERY_DAYS_LIMIT}.")
    if reminder.starts_on is None and (reminder.kind == OWN or reminder.repeat in _NEEDS_START):
        found.append("Please choose the date of the first reminder.")
    elif reminder.starts_on is not None and not _is_date(reminder.starts_on):
        found.append("Please choose the first date from the calendar.")
    if not isinstance(reminder.always, bool) or not isinstance(reminder.enabled, bool):
        found.append("Switches on a reminder are either on or off.")
    return found


def checked(reminder: Reminder) -> Reminder:
    """The reminder itself if it can be saved; ReminderProblems (with every message) if not."""
    found = reminder_problems(reminder)
    if found:
        raise ReminderProblems(found)
    return reminder


def new_reminder(now: datetime, **fields) -> Reminder:
    """A fresh reminder with its own id; nothing from before `now` counts as due. Raises ReminderProblems."""
    return checked(Reminder(id=new_id(), **fields, handled_until=with_fixed_offset(now)))


def revised(reminder: Reminder, now: datetime, **changes) -> Reminder:
    """The reminder with `changes`, starting afresh from `now`: no backlog and no old snooze, so a time moved
    earlier than now doesn't ring at once. Raises ReminderProblems."""
    return checked(replace(reminder, **changes, snoozed_until=None,
                           handled_until=with_fixed_offset(_latest(reminder.handled_until, now))))


# --- the schedule ------------------------------------------------------------------------------------------------


def next_occurrence(reminder: Reminder, after: datetime, zone: tzinfo, day_starts_at: int = 0) -> datetime | None:
    """When the reminder next rings after `after`, or None if it never will (switched off, or a one-off done)."""
    if not reminder.enabled:
        return None
    snooze = _pending_snooze(reminder)
    if snooze is not None and snooze > after:
        return snooze
    floor = _latest(after, reminder.handled_until, snooze)
    first_day = day_of(floor.astimezone(zone), day_starts_at) - timedelta(days=1)
    return next((firing.at for firing in _scheduled(reminder, first_day, 1, zone, day_starts_at)
                 if firing.at > floor), None)


def due_now(reminders: Iterable[Reminder], now: datetime, zone: tzinfo, checked_in_days: Collection[date] = (),
            day_starts_at: int = 0) -> list[Due]:
    """The reminders ringing now, oldest first, each once, for its latest occurrence not yet handled.

    A check-in reminder rings only on its own day, and not when that day already
    has a check-in (`checked_in_days`, read with the same `day_starts_at`) unless
    it is set to remind always. Your own reminders wait until done, skipped or snoozed.
    """
    current = today(now.astimezone(zone), day_starts_at)
    found = []
    for reminder in reminders:
        firings = _unhandled(reminder, now, zone, day_starts_at)
        if reminder.kind == CHECK_IN:
            firings = takewhile(lambda firing: firing.day >= current, firings)
        found.extend(_first_wanted(reminder, firings, checked_in_days))
    return _in_time_order(found)


def missed_since(reminders: Iterable[Reminder], last_seen: datetime | None, now: datetime, zone: tzinfo,
                 checked_in_days: Collection[date] = (), day_starts_at: int = 0) -> list[Due]:
    """Occurrences that rang after `last_seen` and up to `now` without being handled, oldest first.

    Each reminder appears at most once, for its latest such occurrence, so a
    week away brings one line per reminder rather than a pile. Nothing is missed
    on the very first run (`last_seen` None).
    """
    if last_seen is None:
        return []
    found = []
    for reminder in reminders:
        firings = takewhile(lambda firing: firing.at > last_seen, _unhandled(reminder, now, zone, day_starts_at))
        found.extend(_first_wanted(reminder, firings, checked_in_days))
    return _in_time_order(found)


def snooze_ends_at(choice: str, now: datetime, zone: tzinfo, chosen: datetime | None = None,
                   day_starts_at: int = 0) -> datetime:
    """When a snooze chosen at `now` ends: in 10 minutes, in 1 hour, at 09:00 on the person's next day, or `chosen`.

    Raises ValueError with a message for the person if the choice can't be used.
    """
    if choice in _SNOOZE_SPANS:
        return with_fixed_offset((_utc(now) + _SNOOZE_SPANS[choice]).astimezone(zone))  # real time, not the clock
    if choice == "tomorrow morning":
        return wall_clock_moment(today(now.astimezone(zone), day_starts_at) + timedelta(days=1), MORNING, zone)
    if choice != "chosen":
        raise ValueError(f"Please snooze for 10 minutes, 1 hour, until tomorrow morning, or until a time you choose "
                         f"(not {choice!r}).")
    if not isinstance(chosen, datetime) or chosen.utcoffset() is None:
        raise ValueError("Please pick a date and time to be reminded again.")
    if _utc(chosen) <= _utc(now):
        raise ValueError("That time has already passed — please pick a time still to come.")
    return with_fixed_offset(chosen)


def snoozed(reminder: Reminder, choice: str, now: datetime, zone: tzinfo, chosen: datetime | None = None,
            day_starts_at: int = 0) -> Reminder:
    """The reminder kept quiet until the snooze ends; it then rings once for everything it held back."""
    return replace(reminder, snoozed_until=snooze_ends_at(choice, now, zone, chosen, day_starts_at))


def done(reminder: Reminder, occurrence: datetime) -> Reminder:
    """The reminder after its occurrence at `occurrence` was done: it next rings after that one, snooze cleared.

    A one-off reminder of your own has no occurrence left after this.
    """
    return replace(reminder, snoozed_until=None,
                   handled_until=with_fixed_offset(_latest(reminder.handled_until, occurrence)))


def already_handled(reminder: Reminder, occurrence: datetime) -> bool:
    """Whether the occurrence at `occurrence` was already done, skipped, or passed over by a change to the reminder:
    a Done or Snooze for it now would only repeat or undo something newer."""
    return reminder.handled_until is not None and _utc(occurrence) <= _utc(reminder.handled_until)


def skipped(reminder: Reminder, occurrence: datetime) -> Reminder:
    """The reminder after `occurrence` was skipped: the schedule moves on exactly as after done, and nothing counts
    against the person."""
    return done(reminder, occurrence)


def wall_clock_moment(day: date, clock: time, zone: tzinfo) -> datetime:
    """The moment a clock in `zone` shows `clock` on `day`, with the offset in force then.

    In an hour that happens twice, the first; in a gap the clocks skip, the first moment after it.
    """
    naive = datetime.combine(day, clock)
    moment = naive.replace(tzinfo=zone)  # fold=0: the first of a repeated hour
    if moment.astimezone(timezone.utc).astimezone(zone).replace(tzinfo=None) != naive:
        moment = _end_of_gap(naive, zone)
    return with_fixed_offset(moment)


# --- keeping in touch ---------------------------------------------------------------------------------------------


def touch_due_at(plan: TouchPlan) -> datetime:
    """When it is time to reach out again: `every_days` after the last contact (or the plan's start)."""
    return (plan.last_contact or plan.since) + timedelta(days=plan.every_days)


def overdue(plans: Iterable[TouchPlan], now: datetime, snoozes: Mapping[str, datetime],
            day_starts_at: int = 0) -> list[Overdue]:
    """The people due a call or message, most overdue first; someone is due all of the day their time comes.

    A person snoozed until after `now` is left out, and so is a plan of less than a day (no plan).
    """
    current = today(now, day_starts_at)
    found = []
    for plan in plans:
        snooze = snoozes.get(plan.person_id)
        if plan.every_days < 1 or (snooze is not None and _utc(snooze) > _utc(now)):
            continue
        due_at = touch_due_at(plan)
        late = (current - day_of(due_at, day_starts_at)).days
        if late >= 0:
            found.append(Overdue(plan, due_at, late))
    return sorted(found, key=lambda entry: (-entry.days_overdue, _utc(entry.due_at), entry.plan.name.casefold()))


# --- documents ---------------------------------------------------------------------------------------------------


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
        "enabled": reminder.enabled,
        "snoozed_until": _text_of(reminder.snoozed_until),
        "handled_until": _text_of(reminder.handled_until),
    }


def reminder_from_document(doc: dict) -> Reminder:
    """The reminder a stored document describes (the inverse of document_from_reminder)."""
    return Reminder(
        id=doc["id"],
        kind=doc["kind"],
        text=doc["text"],
        times=tuple(doc["times"]),
        weekdays=frozenset(doc["weekdays"]),
        repeat=doc["repeat"],
        every_days=doc["every_days"],
        starts_on=None if doc["starts_on"] is None else date.fromisoformat(doc["starts_on"]),
        always=doc["always"],
        enabled=doc["enabled"],
        snoozed_until=_moment_of(doc["snoozed_until"]),
        handled_until=_moment_of(doc["handled_until"]),
    )


# --- helpers -----------------------------------------------------------------------------------------------------


def _scheduled(reminder: Reminder, from_day: date, step: int, zone: tzinfo, day_starts_at: int) -> Iterator[_Firing]:
    """Scheduled occurrences day by day from `from_day`, forwards (step 1) or backwards (step -1)."""
    clocks = _clocks(reminder.times)
    for day in _scheduled_days(reminder, from_day, step):
        moments = sorted(_wall_clock_on(day, clock, zone, day_starts_at) for clock in clocks)
        for moment in (moments if step > 0 else reversed(moments)):
            yield _Firing(day, moment)


def _scheduled_days(reminder: Reminder, from_day: date, step: int) -> Iterator[date]:
    """The days the reminder rings on, from `from_day` on in the direction of `step`; a one-off has just its date."""
    start = reminder.starts_on
    if reminder.repeat == "none":
        if start is not None and (start - from_day).days * step >= 0:
            yield start
        return
    day = max(from_day, start) if start is not None and step > 0 else from_day
    for _ in range(SEARCH_DAYS):
        if start is not None and day < start:
            return
        if _falls_on(reminder, day):
            yield day
        day += timedelta(days=step)


def _falls_on(reminder: Reminder, day: date) -> bool:
    """Whether a repeating reminder rings on `day` (from its start on)."""
    if reminder.repeat == "weekdays":
        return day.weekday() in reminder.weekdays
    if reminder.repeat == "weekly":
        return day.weekday() == reminder.starts_on.weekday()
    if reminder.repeat == "every_n_days":
        return (day - reminder.starts_on).days % reminder.every_days == 0
    return True  # daily


def _wall_clock_on(day: date, clock: time, zone: tzinfo, day_starts_at: int) -> datetime:
    """The moment of `clock` on the person's `day`: a time before the day starts falls in the night after it."""
    calendar_day = day + timedelta(days=1) if clock.hour < day_starts_at else day
    return wall_clock_moment(calendar_day, clock, zone)


def _end_of_gap(naive: datetime, zone: tzinfo) -> datetime:
    """The first real moment after `naive`, a wall-clock time the clocks skipped, found by halving (to the second)."""
    before = int(naive.replace(tzinfo=zone, fold=1).timestamp())  # read with the offset after: before the change
    after = int(naive.replace(tzinfo=zone, fold=0).timestamp())  # read with the offset before: after the change
    new_offset = datetime.fromtimestamp(after, zone).utcoffset()
    while after - before > 1:
        middle = (before + after) // 2
        if datetime.fromtimestamp(middle, zone).utcoffset() == new_offset:
            after = middle
        else:
            before = middle
    return datetime.fromtimestamp(after, zone)


def _unhandled(reminder: Reminder, until: datetime, zone: tzinfo, day_starts_at: int) -> Iterator[_Firing]:
    """Occurrences at or before `until` that still need the person, latest first; a snooze's end stands for all it
    held back. Nothing rings while snoozed."""
    snooze = _pending_snooze(reminder)
    if not reminder.enabled or (snooze is not None and snooze > until):
        return
    floor = _latest(reminder.handled_until, snooze)
    last_day = day_of(until.astimezone(zone), day_starts_at) + timedelta(days=1)
    for firing in _scheduled(reminder, last_day, -1, zone, day_starts_at):
        if floor is not None and firing.at <= floor:
            break
        if firing.at <= until:
            yield firing
    if snooze is not None:
        yield _Firing(day_of(snooze.astimezone(zone), day_starts_at), snooze)


def _first_wanted(reminder: Reminder, firings: Iterable[_Firing], checked_in_days: Collection[date]) -> list[Due]:
    """A Due for the first firing that needs the person: a check-in reminder is quiet on a day with a check-in."""
    for firing in firings:
        if reminder.kind != CHECK_IN or reminder.always or firing.day not in checked_in_days:
            return [Due(reminder, firing.at)]
    return []


def _pending_snooze(reminder: Reminder) -> datetime | None:
    snooze, handled = reminder.snoozed_until, reminder.handled_until
    return snooze if snooze is not None and (handled is None or snooze > handled) else None


def _latest(*moments: datetime | None) -> datetime | None:
    present = [moment for moment in moments if moment is not None]
    return max(present, key=_utc) if present else None


def _utc(moment: datetime) -> datetime:
    """`moment` in UTC, so comparing moments in one zone can't be fooled by a repeated hour."""
    return moment.astimezone(timezone.utc)


def _in_time_order(found: list[Due]) -> list[Due]:
    return sorted(found, key=lambda due: (_utc(due.at), due.reminder.id))


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


def _clocks(times: Iterable[str]) -> list[time]:
    return [clock for clock in map(_clock, times) if clock is not None]


def _text_problems(reminder: Reminder) -> list[str]:
    if not isinstance(reminder.text, str):
        return ["The reminder's words should be text."]
    if reminder.kind == OWN and not reminder.text.strip():
        return ["Please write what you'd like to be reminded of."]
    if len(reminder.text) > TEXT_LIMIT:
        return [f"A reminder can be up to {TEXT_LIMIT} characters; this one has {len(reminder.text)}. "
                "Nothing was saved — please shorten it."]
    return []


def _times_problems(times: object) -> list[str]:
    if isinstance(times, str) or not isinstance(times, (tuple, list)) or not times:
        return ["Please choose at least one time of day."]
    bad = [text for text in times if _clock(text) is None]
    if bad:
        return [f"Please write times as hours:minutes, for example 09:30 or 21:00; “{bad[0]}” isn't one."]
    if len(times) > TIMES_LIMIT:
        return [f"A reminder can ring up to {TIMES_LIMIT} times a day; this one has {len(times)}."]
    return []


def _is_set_of_weekdays(weekdays: object) -> bool:
    return isinstance(weekdays, (set, frozenset)) and all(
        isinstance(day, int) and not isinstance(day, bool) and 0 <= day <= 6 for day in weekdays)


def _is_count(value: object, limit: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= limit


def _is_date(value: object) -> bool:
    return isinstance(value, date) and not isinstance(value, datetime)


def _text_of(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()


def _moment_of(text: str | None) -> datetime | None:
    return None if text is None else parse_stamp(text)
