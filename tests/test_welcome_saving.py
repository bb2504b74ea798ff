"""What the first-run welcome saves: only the rows someone typed in, checked like the People form, and a daily
check-in reminder at the time typed."""

import pytest
from storage_fixtures import NOW, store  # noqa: F401 - fixture

from storage.errors import Refused
from storage.people.model import Support
from storage.reminders.model import ReminderKind
from storage.reminders.repository import ReminderRepository
from storage.welcome import add_daily_check_in, people_typed


def test_only_the_rows_with_a_name_or_a_phone_become_people_with_their_kinds_of_support():
    people = people_typed([("Sam", "07700 900123", (Support.EMOTIONAL, Support.PEER)), ("", "  ", ()),
                           ("Ana", "", ())], NOW)
    assert [person.name for person in people] == ["Sam", "Ana"]
    assert people[0].name == "Sam" and people[0].supports == (Support.EMOTIONAL, Support.PEER)


def test_a_row_the_people_form_would_refuse_is_refused_with_its_reason():
    with pytest.raises(Refused, match="name"):
        people_typed([("", "07700 900456", ())], NOW)


def test_the_daily_check_in_is_saved_at_the_time_as_people_write_it(store):
    add_daily_check_in(store, "8pm", NOW)
    [reminder] = ReminderRepository(store).all()
    assert reminder.kind == ReminderKind.CHECK_IN and reminder.times == ("20:00",)


def test_a_time_that_is_no_time_is_refused_and_nothing_is_saved(store):
    with pytest.raises(Refused):
        add_daily_check_in(store, "soon", NOW)
    assert ReminderRepository(store).all() == []
