"""Days and moments in words for the person, with the year only when it isn't this year: "Monday 3 December",
"Sunday 30 November 2025". A date shown without its year reads as this year's, so a reminder from last year
would otherwise look like one still to come."""

from datetime import date, datetime


def day_in_words(day: date, today: date, weekday: bool = True) -> str:
    """'Monday 3 December', or 'Monday 3 December 2025' when `day` is in another year than `today`."""
    words = f"{day:%A} {day.day} {day:%B}" if weekday else f"{day.day} {day:%B}"
    return words if day.year == today.year else f"{words} {day.year}"


def moment_in_words(at: datetime, today: date) -> str:
    """'Monday 3 December, 09:00', with the year when it isn't `today`'s."""
    return f"{day_in_words(at.date(), today)}, {at:%H:%M}"
