"""Which day a moment belongs to, and which monthly files hold a span of days.

A day is read on the entry's own wall clock (its stored offset), so a trip
never moves past entries to another day. Night owls can let a day start a few
hours after midnight: with `day_starts_at=4`, 02:30 still belongs to yesterday.
"""

from datetime import date, datetime, timedelta, tzinfo

from storage.when_typed import clock_from_text, day_from_text

DAY_STARTS = range(0, 5)
"""The hours a day may start at: midnight to 04:00."""
WEEKDAYS = range(7)
"""The days of the week as `date.weekday()` numbers them: Monday = 0 to Sunday = 6."""
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
"""Each weekday's name, by its number; its first three letters are its short name ("Mon")."""


def day_of(at: datetime, day_starts_at: int) -> date:
    """The day `at` belongs to, on its own wall clock, for a day starting at `day_starts_at` o'clock."""
    if at.tzinfo is None or at.utcoffset() is None:
        raise ValueError("day_of needs a time with a time zone")
    if day_starts_at not in DAY_STARTS:
        raise ValueError(f"a day can start at {DAY_STARTS[0]} to {DAY_STARTS[-1]} o'clock, not {day_starts_at!r}")
    wall_clock = at.replace(tzinfo=None)
    return (wall_clock - timedelta(hours=day_starts_at)).date()


def today(now: datetime, day_starts_at: int) -> date:
    """The day it is for the person right now."""
    return day_of(now, day_starts_at)


def month_key(at: datetime) -> str:
    """"YYYY-MM" of `at`'s local calendar date: the monthly file an entry is kept in."""
    return f"{at.year:04d}-{at.month:02d}"


def month_keys_covering(first_day: date, last_day: date) -> list[str]:
    """The monthly files that can hold entries for the days first_day..last_day, oldest first.

    Includes the month of the day after last_day: an entry at 01:00 on the 1st
    can belong to the last day of the month before.
    """
    if last_day < first_day:
        return []
    end = last_day if last_day == date.max else last_day + timedelta(days=1)
    keys = []
    year, month = first_day.year, first_day.month
    while (year, month) <= (end.year, end.month):
        keys.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return keys


def moment_from_text(day_text: str, time_text: str, zone: tzinfo | None = None, today: date | None = None) -> datetime:
    """The aware moment a person typed ("30/11/2026" or "2026-11-30", "8pm" or "20:00"), with the offset in force
    there and then. `today` lets "yesterday" and two-digit years be read too.

    `zone` defaults to this device's zone, so a back-filled summer entry gets the summer offset.
    Raises ValueError with a message for the person.
    """
    day = day_from_text(day_text, today)
    clock = clock_from_text(time_text)
    naive = datetime.combine(day, clock)
    return naive.replace(tzinfo=zone) if zone else naive.astimezone()
