"""The reminder timer's loop, without a browser: it outlives a look that fails; and the shared state (what is due,
your people) tells its readers only when what it holds changed."""

import asyncio
import logging
from datetime import datetime, timezone

from storage.reminders.model import Reminder
from storage.reminders.rules import Due
from views.people.your_people import YourPeople
from views.reminders.due import DueNow, describe, look_regularly


def test_a_look_that_fails_is_logged_and_the_timer_goes_on(caplog):
    looks = []

    def look():
        looks.append(len(looks))
        if len(looks) == 1:
            raise ValueError("the clock file was read half-written")
        if len(looks) == 3:
            raise asyncio.CancelledError  # stands in for the screen going away

    with caplog.at_level(logging.ERROR, logger="tend.reminders"):
        try:
            asyncio.run(look_regularly(look, lambda: 0))
        except asyncio.CancelledError:
            pass
    assert looks == [0, 1, 2]
    [failure] = caplog.records
    assert failure.exc_info[0] is ValueError and "half-written" not in failure.getMessage()


def test_a_due_reminder_is_described_in_a_few_calm_words():
    at = datetime(2026, 11, 23, 9, tzinfo=timezone.utc)
    assert describe(Due(Reminder(id="r"), at)) == "Time to check in (09:00)"
    assert describe(Due(Reminder(id="r", kind="own", text="Water the plants", starts_on=at.date()), at)) == \
        "Water the plants"


def told(state) -> list:
    heard = []
    listener = lambda sender, field: heard.append(field)  # noqa: E731 - held here: observables hold it weakly
    state.subscribe(listener)
    state._held = listener  # keeps it alive as long as the state (a private name: not told)
    return heard


def test_what_is_due_tells_its_readers_once_and_only_when_it_changed():
    at = datetime(2026, 11, 23, 9, tzinfo=timezone.utc)
    due = DueNow((), (), ())
    heard = told(due)
    due.show((), (), ())
    assert heard == []
    ringing = (Due(Reminder(id="r"), at),)
    due.show(ringing, (), (Reminder(id="r"),))
    assert heard == [None] and due.due == ringing
    due.show(ringing, (), (Reminder(id="r"),))
    assert heard == [None]


def test_your_people_tell_their_readers_once_and_only_when_a_reading_differs():
    at = datetime(2026, 11, 23, 9, tzinfo=timezone.utc)
    people = YourPeople({}, {})
    heard = told(people)
    people.show({}, {})
    assert heard == []
    people.show({}, {"p1": at})
    assert heard == [None] and people.last_contacts == {"p1": at}
