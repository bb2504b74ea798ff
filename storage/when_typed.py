"""Dates and times as people write them: "30/11/2026", "30.11.26", "yesterday", "8pm", "8:30 am", "20.00".

The pickers are the easy way in; these rules are for a person who types. A date is read day first (as most of the
world writes it) unless only month first makes sense ("11/30/2026"). Each answer is plain (`date`, `time`), and
what can't be read raises ValueError with words for the person.
"""

import re
from datetime import date, datetime, time, timedelta, timezone

DATE_HELP = "Please write the date as day/month/year, for example 30/11/2026, or pick it from the calendar."
TIME_HELP = "Please write the time as hours:minutes, for example 20:00 or 8pm, or pick it from the clock."
_RELATIVE_DAYS = {"today": 0, "yesterday": -1, "tomorrow": 1}
_PARTS = re.compile(r"^(\d{1,4})\s*[/.\-\s]\s*(\d{1,2})\s*[/.\-\s]\s*(\d{1,4})$")
_CLOCK = re.compile(r"^(\d{1,2})(?:\s*[:.h]\s*(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.|a|p)?$")
_PACKED_CLOCK = re.compile(r"^(\d{2})(\d{2})$")  # "2030", as typed on a number pad


def day_from_text(text: str, today: date | None) -> date:
    """The day `text` names; `today` resolves "today", "yesterday" and a two-digit year (without it, only a date
    written out in full is read)."""
    words = text.strip().casefold()
    if words in _RELATIVE_DAYS and today is not None:
        return today + timedelta(days=_RELATIVE_DAYS[words])
    found = _PARTS.match(words)
    if not found:
        raise ValueError(DATE_HELP)
    first, second, third = found.groups()
    if len(first) == 4:  # year first: 2026-11-30, 2026/11/30
        year, month, day = int(first), int(second), int(third)
    else:
        day, month, year = int(first), int(second), _full_year(third, today)
        if month > 12 >= day:  # 11/30/2026 can only be month first
            day, month = month, day
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(DATE_HELP) from None


def clock_from_text(text: str) -> time:
    """The time of day `text` names: "20:00", "8pm", "8:30 am", "20.30", "2030", "12am" (midnight)."""
    words = text.strip().casefold().replace("\u00a0", " ")
    packed = _PACKED_CLOCK.match(words)
    found = _CLOCK.match(words) if not packed else None
    if packed:
        hour, minute, half = int(packed.group(1)), int(packed.group(2)), None
    elif found:
        hour, minute, half = int(found.group(1)), int(found.group(2) or 0), found.group(3)
    else:
        raise ValueError(TIME_HELP)
    if half:
        if not 1 <= hour <= 12:
            raise ValueError(TIME_HELP)
        hour = hour % 12 + (12 if half.startswith("p") else 0)
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        raise ValueError(TIME_HELP)
    return time(hour, minute)


def clock_words(text: str) -> str:
    """`text` as "HH:MM" when it names a time of day, else unchanged (so the rules can say what is wrong)."""
    try:
        return f"{clock_from_text(text):%H:%M}"
    except ValueError:
        return text.strip()


def picked_day(value: date | datetime) -> date:
    """The calendar day a date picker answered. The browser sends its local midnight as a UTC moment, which is
    within 12 hours of midnight of the day picked, in any zone from UTC-12 to UTC+12."""
    if isinstance(value, datetime):
        if value.tzinfo is None:
            return value.date()
        return (value.astimezone(timezone.utc) + timedelta(hours=12)).date()
    return value


def back_fill_days(today: date) -> dict[str, date]:
    """The shortcuts offered when adding a past check-in."""
    return {"Earlier today": today, "Yesterday": today - timedelta(days=1)}


def _full_year(text: str, today: date | None) -> int:
    """"26" → 2026: the two-digit year nearest to this one."""
    if len(text) != 2:
        return int(text)
    if today is None:
        raise ValueError(DATE_HELP)
    century = today.year - today.year % 100
    year = century + int(text)
    return year - 100 if year > today.year + 50 else year


def moment_on(day: date | None, now: datetime) -> datetime:
    """Where a new check-in's form starts: now, or now's time of day on `day` (one picked in the calendar)."""
    return now if day is None else now.replace(year=day.year, month=day.month, day=day.day)
