"""Reminders: when they ring, what is due now or was missed, snooze and done (keep-in-touch: `keep_in_touch`).

Times of day are wall-clock times ("09:00") in the zone the person is in
*now*, so a reminder at 09:00 rings at 09:00 after the clocks change or a
flight. A time the clocks skip (02:30 on a spring-forward night) rings at the
first moment after the gap; an hour that happens twice rings once, the first
time.

A schedule names the person's own days, as `storage.days.day_of` reads them:
with a day that starts at 03:00, a Monday reminder at 01:00 rings in the small
hours after Monday, and a check-in at 01:30 counts for the day before.

The state of a reminder is two moments: `handled_until` (every occurrence at or
before it was done or is older than the reminder) and `snoozed_until`
(quiet until then, when it rings once for everything it held back). Every rule
here is a pure function given `now`; nothing reads the clock.
"""

from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from itertools import takewhile
from typing import NamedTuple

from storage.checkins.model import with_fixed_offset
from storage.day_words import day_in_words
from storage.days import day_of, today
from storage.reminders.model import EVERY_DAYS_LIMIT, Reminder, ReminderKind, Repeat, clocks_of, in_utc, latest

SEARCH_DAYS = EVERY_DAYS_LIMIT + 7
"""How many days to look through for an occurrence: longer than any repeat, so a valid schedule always shows up."""

MORNING = time(9, 0)
"""When a snooze until "tomorrow morning" ends."""
_SNOOZE_SPANS = {"10 minutes": timedelta(minutes=10), "1 hour": timedelta(hours=1)}


@dataclass(frozen=True)
class Due:
    """A reminder ringing for the occurrence at `at` (the snooze's end, when it was snoozed)."""

    reminder: Reminder
    at: datetime


class _Firing(NamedTuple):
    day: date  # the person's day it belongs to
    at: datetime


def next_occurrence(reminder: Reminder, after: datetime, zone: tzinfo, day_starts_at: int = 0) -> datetime | None:
    """When the reminder next rings after `after`, or None if it never will (a one-off done)."""
    snooze = _pending_snooze(reminder)
    if snooze is not None and snooze > after:
        return snooze
    floor = latest(after, reminder.handled_until, snooze)
    first_day = day_of(floor.astimezone(zone), day_starts_at) - timedelta(days=1)
    return next((firing.at for firing in _scheduled(reminder, first_day, 1, zone, day_starts_at)
                 if firing.at > floor), None)


def due_now(reminders: Iterable[Reminder], now: datetime, zone: tzinfo, checked_in_days: Collection[date] = (),
            day_starts_at: int = 0) -> list[Due]:
    """The reminders ringing now, oldest first, each once, for its latest occurrence not yet handled.

    A check-in reminder rings only on its own day, and not when that day already
    has a check-in (`checked_in_days`, read with the same `day_starts_at`) unless
    it is set to remind always. Your own reminders wait until done or snoozed.
    """
    current = today(now.astimezone(zone), day_starts_at)
    found = []
    for reminder in reminders:
        firings = _unhandled(reminder, now, zone, day_starts_at)
        if reminder.kind == ReminderKind.CHECK_IN:
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
        return with_fixed_offset((in_utc(now) + _SNOOZE_SPANS[choice]).astimezone(zone))  # real time, not the clock
    if choice == "tomorrow morning":
        return wall_clock_moment(today(now.astimezone(zone), day_starts_at) + timedelta(days=1), MORNING, zone)
    if choice != "chosen":
        raise ValueError(f"Please snooze for 10 minutes, 1 hour, until tomorrow morning, or until a time you choose "
                         f"(not {choice!r}).")
    if not isinstance(chosen, datetime) or chosen.utcoffset() is None:
        raise ValueError("Please pick a date and time to be reminded again.")
    if in_utc(chosen) <= in_utc(now):
        raise ValueError("That time has already passed — please pick a time still to come.")
    return with_fixed_offset(chosen)


def done(reminder: Reminder, occurrence: datetime) -> Reminder:
    """The reminder after its occurrence at `occurrence` was done: it next rings after that one, snooze cleared.

    A one-off reminder of your own has no occurrence left after this.
    """
    return replace(reminder, snoozed_until=None,
                   handled_until=with_fixed_offset(latest(reminder.handled_until, occurrence)))


def already_handled(reminder: Reminder, occurrence: datetime) -> bool:
    """Whether the occurrence at `occurrence` was already done, or passed over by a change to the reminder:
    a Done or Snooze for it now would only repeat or undo something newer."""
    return reminder.handled_until is not None and in_utc(occurrence) <= in_utc(reminder.handled_until)


def wall_clock_moment(day: date, clock: time, zone: tzinfo) -> datetime:
    """The moment a clock in `zone` shows `clock` on `day`, with the offset in force then.

    In an hour that happens twice, the first; in a gap the clocks skip, the first moment after it.
    """
    naive = datetime.combine(day, clock)
    moment = naive.replace(tzinfo=zone)  # fold=0: the first of a repeated hour
    if moment.astimezone(timezone.utc).astimezone(zone).replace(tzinfo=None) != naive:
        moment = _end_of_gap(naive, zone)
    return with_fixed_offset(moment)


# --- helpers -----------------------------------------------------------------------------------------------------


def _scheduled(reminder: Reminder, from_day: date, step: int, zone: tzinfo, day_starts_at: int) -> Iterator[_Firing]:
    """Scheduled occurrences day by day from `from_day`, forwards (step 1) or backwards (step -1)."""
    clocks = clocks_of(reminder.times)
    for day in _scheduled_days(reminder, from_day, step):
        moments = sorted(_wall_clock_on(day, clock, zone, day_starts_at) for clock in clocks)
        for moment in (moments if step > 0 else reversed(moments)):
            yield _Firing(day, moment)


def _scheduled_days(reminder: Reminder, from_day: date, step: int) -> Iterator[date]:
    """The days the reminder rings on, from `from_day` on in the direction of `step`; a one-off has just its date."""
    start = reminder.starts_on
    if reminder.repeat == Repeat.ONCE:
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
    if reminder.repeat == Repeat.WEEKDAYS:
        return day.weekday() in reminder.weekdays
    if reminder.repeat == Repeat.WEEKLY:
        return day.weekday() == reminder.starts_on.weekday()
    if reminder.repeat == Repeat.EVERY_N_DAYS:
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
    if snooze is not None and snooze > until:
        return
    floor = latest(reminder.handled_until, snooze)
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
        if reminder.kind != ReminderKind.CHECK_IN or reminder.always or firing.day not in checked_in_days:
            return [Due(reminder, firing.at)]
    return []


def _pending_snooze(reminder: Reminder) -> datetime | None:
    snooze, handled = reminder.snoozed_until, reminder.handled_until
    return snooze if snooze is not None and (handled is None or snooze > handled) else None


def _in_time_order(found: list[Due]) -> list[Due]:
    return sorted(found, key=lambda due: (in_utc(due.at), due.reminder.id))




def never_rings_problem(reminder: Reminder, now: datetime, zone: tzinfo, day_starts_at: int = 0) -> str | None:
    """Why a one-off reminder as typed can't be saved: every moment it names has passed, so it could never ring
    (it would only be listed as finished). None for a repeating one, which rings again whatever its first date."""
    if reminder.repeat != Repeat.ONCE or reminder.starts_on is None or not clocks_of(reminder.times):
        return None
    if next_occurrence(reminder, now, zone, day_starts_at) is not None:
        return None
    last = max(clocks_of(reminder.times))
    when = f"{day_in_words(reminder.starts_on, now.astimezone(zone).date())} at {last:%H:%M}"
    return f"{when} has already passed, so this reminder would never ring. Please choose a date or time still to come."
