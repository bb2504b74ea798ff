"""A one-off reminder dated in the past could never ring: it is refused kindly, and dates show their year when it
isn't this year (issue 14, point 6)."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from storage_fixtures import store  # noqa: F401 (fixture)

from storage.day_words import day_in_words, moment_in_words
from storage.errors import Refused
from storage.reminders.actions import save_from_form
from storage.reminders.model import ReminderKind, Repeat
from storage.reminders.repository import ReminderRepository
from storage.reminders.rules import done

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 12, 4, 10, 0, tzinfo=LONDON)  # a Friday


def own(starts_on: date, times=("09:00",), repeat=Repeat.ONCE) -> dict:
    return dict(kind=ReminderKind.OWN, text="Dentist", times=times, repeat=repeat, starts_on=starts_on)


@pytest.mark.parametrize("day, times", [
    (date(2025, 11, 30), ("09:00",)),  # last year
    (date(2026, 12, 3), ("20:00",)),  # yesterday evening
    (date(2026, 12, 4), ("09:00", "09:59")),  # earlier today, every time of it
])
def test_a_one_off_whose_moment_has_passed_is_refused_and_nothing_is_saved(store, day, times):
    with pytest.raises(Refused) as refused:
        save_from_form(store, None, own(day, times), NOW, LONDON)
    [message] = refused.value.problems.values()
    assert "has already passed, so this reminder would never ring" in message
    assert "Please choose a date or time still to come." in message
    assert ReminderRepository(store).all() == []


def test_the_refusal_names_the_moment_with_its_year_when_it_is_not_this_year(store):
    with pytest.raises(Refused) as refused:
        save_from_form(store, None, own(date(2025, 11, 30)), NOW, LONDON)
    assert refused.value.problems["starts_on"].startswith("Sunday 30 November 2025 at 09:00 has already passed")
    with pytest.raises(Refused) as refused:
        save_from_form(store, None, own(date(2026, 12, 4)), NOW, LONDON)
    assert refused.value.problems["starts_on"].startswith("Friday 4 December at 09:00 has already passed")


@pytest.mark.parametrize("fields", [
    own(date(2026, 12, 4), ("10:30",)),  # later today
    own(date(2026, 12, 4), ("08:00", "18:00")),  # one of its times is still to come
    own(date(2027, 1, 4)),  # next year
    own(date(2025, 1, 1), repeat=Repeat.WEEKLY),  # a repeating one rings again whatever its first date
    own(date(2025, 1, 1), repeat=Repeat.DAILY),
])
def test_a_reminder_that_will_still_ring_is_saved(store, fields):
    saved = save_from_form(store, None, fields, NOW, LONDON)
    assert ReminderRepository(store).get(saved.id) == saved


def test_a_one_off_moved_from_the_past_to_the_future_is_saved_but_not_kept_in_the_past(store):
    soon = save_from_form(store, None, own(date(2026, 12, 5)), NOW, LONDON)
    later = NOW + timedelta(days=2)
    rang = done(soon, datetime(2026, 12, 5, 9, 0, tzinfo=LONDON))
    with pytest.raises(Refused):  # edited after it rang, still on its old date: it could never ring again
        save_from_form(store, rang, {**own(date(2026, 12, 5)), "text": "Dentist at 9"}, later, LONDON)
    moved = save_from_form(store, rang, own(date(2026, 12, 12)), later, LONDON)
    assert ReminderRepository(store).get(soon.id).starts_on == moved.starts_on == date(2026, 12, 12)


def test_a_check_in_reminder_has_no_date_and_is_never_refused_for_one(store):
    fields = dict(kind=ReminderKind.CHECK_IN, times=("07:00",), repeat=Repeat.WEEKDAYS)
    assert save_from_form(store, None, fields, NOW, LONDON).starts_on is None


def test_days_show_their_year_only_when_it_is_not_this_year():
    today = date(2026, 12, 4)
    assert day_in_words(date(2026, 12, 25), today) == "Friday 25 December"
    assert day_in_words(date(2027, 1, 1), today) == "Friday 1 January 2027"
    assert day_in_words(date(2025, 12, 25), today, weekday=False) == "25 December 2025"
    assert moment_in_words(datetime(2027, 1, 1, 9, 5, tzinfo=LONDON), today) == "Friday 1 January 2027, 09:05"
