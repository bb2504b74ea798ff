"""What the first-run welcome saves: the people typed on its rows, and the daily check-in reminder."""

from collections.abc import Iterable
from datetime import datetime

from storage.people.model import Person, Support, new_person
from storage.reminders.model import Reminder, ReminderKind, Repeat, new_reminder
from storage.reminders.repository import ReminderRepository
from storage.when_typed import clock_words


def people_typed(rows: Iterable[tuple[str, str, tuple[Support, ...]]], now: datetime) -> list[Person]:
    """The people on the welcome's rows (name, phone, kinds of support), checked by the same rules as the People form:
    Refused if one is wrong. A row with neither a name nor a phone is no one."""
    return [new_person(now, name=name, phones=(phone,), supports=kinds)
            for name, phone, kinds in rows if name.strip() or phone.strip()]


def add_daily_check_in(store, time_typed: str, now: datetime) -> Reminder:
    """Saves a check-in reminder at the time typed, on every day of the week; Refused if it can't be."""
    reminder = new_reminder(now, kind=ReminderKind.CHECK_IN, times=(clock_words(time_typed),), repeat=Repeat.WEEKDAYS)
    ReminderRepository(store).save(reminder, now)
    return reminder
