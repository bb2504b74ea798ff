"""What a history of check-ins says: moods per day, how often someone checked in, charts and a calendar.

Pure functions over lists of CheckIn. Every day is read with `day_of`, so the
same `day_starts_at` rule and each entry's own offset apply everywhere.
"""

import calendar
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from storage.checkins.model import CheckIn, Mood
from storage.days import day_of, today

LOW_DAY_AVERAGE = 2.0
"""A day whose average mood is at or below this is a low day (Low or Awful on the whole)."""


@dataclass(frozen=True)
class CalendarDay:
    date: date
    average: float | None
    mood: Mood | None


def mood_of_average(average: float) -> Mood:
    """The mood an average is closest to; halves round up (2.5 reads as Okay), to be kind."""
    return Mood(min(5, max(1, int(average + 0.5))))


def daily_moods(entries: Iterable[CheckIn], day_starts_at: int) -> dict[date, float]:
    """The average mood of each day that has at least one check-in."""
    moods: dict[date, list[int]] = defaultdict(list)
    for entry in entries:
        moods[day_of(entry.at, day_starts_at)].append(int(entry.mood))
    return {day: sum(values) / len(values) for day, values in moods.items()}


def checked_in_days(entries: Iterable[CheckIn], now: datetime, day_starts_at: int, span: int = 7) -> int:
    """On how many of the last `span` days (today included) there was a check-in.

    Counting days in a window, rather than an unbroken streak, means one missed
    day never wipes out the rest.
    """
    last = today(now, day_starts_at)
    first = last - timedelta(days=span - 1)
    return len({day for day in (day_of(entry.at, day_starts_at) for entry in entries) if first <= day <= last})


def days_since_low_day(entries: Iterable[CheckIn], now: datetime, day_starts_at: int) -> int | None:
    """Days since the most recent low day (0 if today is one), or None if there has never been one."""
    current = today(now, day_starts_at)
    low_days = [
        day
        for day, average in daily_moods(entries, day_starts_at).items()
        if average <= LOW_DAY_AVERAGE and day <= current
    ]
    return (current - max(low_days)).days if low_days else None


@dataclass(frozen=True)
class ReachingOut:
    """Average mood on days someone reached out to a person, against other days with check-ins."""

    days_with: int
    average_with: float
    days_without: int
    average_without: float


ENOUGH_DAYS = 5
"""Fewer days than this on either side say nothing worth showing."""


def reaching_out_moods(entries: Iterable[CheckIn], contact_times: Iterable[datetime],
                       day_starts_at: int) -> ReachingOut | None:
    """Mood on days with a logged contact against days without; None until each side has ENOUGH_DAYS days."""
    daily = daily_moods(entries, day_starts_at)
    reached = {day_of(at, day_starts_at) for at in contact_times}
    with_contact = [average for day, average in daily.items() if day in reached]
    without = [average for day, average in daily.items() if day not in reached]
    if len(with_contact) < ENOUGH_DAYS or len(without) < ENOUGH_DAYS:
        return None
    return ReachingOut(len(with_contact), sum(with_contact) / len(with_contact),
                       len(without), sum(without) / len(without))


def mood_series(
    entries: Iterable[CheckIn], now: datetime, day_starts_at: int, span_days: int
) -> list[tuple[date, float | None]]:
    """One (day, average mood) point per day for the last `span_days` days, oldest first; None where no entry."""
    daily = daily_moods(entries, day_starts_at)
    last = today(now, day_starts_at)
    days = (last - timedelta(days=offset) for offset in range(span_days - 1, -1, -1))
    return [(day, daily.get(day)) for day in days]


def month_grid(year: int, month: int, daily: dict[date, float]) -> list[list[CalendarDay | None]]:
    """The month as weeks of seven cells, Monday to Sunday; None for cells outside the month."""
    weeks = calendar.Calendar(firstweekday=calendar.MONDAY).monthdatescalendar(year, month)
    return [[_calendar_day(day, daily) if day.month == month else None for day in week] for week in weeks]


def entries_by_day(entries: Iterable[CheckIn], day_starts_at: int) -> list[tuple[date, list[CheckIn]]]:
    """Check-ins grouped by day: newest day first, and newest check-in first within a day."""
    by_day: dict[date, list[CheckIn]] = defaultdict(list)
    for entry in entries:
        by_day[day_of(entry.at, day_starts_at)].append(entry)
    return [
        (day, sorted(by_day[day], key=lambda entry: (entry.at, entry.created, entry.id), reverse=True))
        for day in sorted(by_day, reverse=True)
    ]


def _calendar_day(day: date, daily: dict[date, float]) -> CalendarDay:
    average = daily.get(day)
    return CalendarDay(day, average, None if average is None else mood_of_average(average))


MOOD_SCALE = (float(min(Mood)), float(max(Mood)))
"""The chart's scale: nothing is drawn above Great or below Awful."""


def chart_segments(series: list[tuple[date, float | None]]) -> list[list[tuple[int, float]]]:
    """The honest line for a mood series: (day index, mood) runs of consecutive days with check-ins, each mood
    clamped to the scale. A day without a check-in ends a run, so the chart never bridges it as if there were data;
    a run of one day is a lone point. The view draws each run as straight segments, never a smoothed curve."""
    low, high = MOOD_SCALE
    runs: list[list[tuple[int, float]]] = []
    current: list[tuple[int, float]] = []
    for index, (_, value) in enumerate(series):
        if value is None:
            if current:
                runs.append(current)
            current = []
        else:
            current.append((index, min(high, max(low, value))))
    if current:
        runs.append(current)
    return runs
