"""Reminders in the store: saving and reading back, keep-in-touch snoozes, and what was missed while closed.

Every test that takes `store` runs twice: on the in-memory store and on real files.
"""

from dataclasses import replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from storage_fixtures import NOW, store  # noqa: F401 (fixture)

from storage.errors import Refused
from storage.reminders.keep_in_touch import TouchPlan, overdue
from storage.reminders.model import Reminder, new_reminder
from storage.reminders.repository import FILE, ReminderRepository
from storage.reminders.rules import Due, done, due_now, missed_since, snooze_ends_at
from storage.store.persistence import Store

LONDON = ZoneInfo("Europe/London")
TOKYO = ZoneInfo("Asia/Tokyo")


def london(*wall_clock) -> datetime:
    return datetime(*wall_clock, tzinfo=LONDON)


def tablets(now=NOW) -> Reminder:
    return new_reminder(now, kind="own", text="Take my tablets", times=("09:00", "21:00"), repeat="weekdays",
                        weekdays=frozenset({0, 2, 4}), starts_on=date(2026, 11, 1))


def test_a_saved_reminder_reads_back_the_same(store):
    repository = ReminderRepository(store)
    check_in = new_reminder(NOW, times=("08:30", "20:00"), always=True)
    own = tablets()
    repository.save(check_in, NOW)
    repository.save(own, NOW)

    assert repository.all() == [check_in, own]
    assert repository.get(own.id) == own
    assert repository.get("no-such-id") is None


def test_saving_again_replaces_the_reminder_and_keeps_when_it_was_made(store):
    repository = ReminderRepository(store)
    reminder = tablets()
    repository.save(reminder, NOW)
    later = NOW + timedelta(days=2)
    handled = done(reminder, london(2026, 11, 25, 9))
    repository.save(handled, later)
    repository.save(handled, later)  # a repeat after a kill changes nothing

    assert repository.all() == [handled]
    doc = store.get(FILE, reminder.id)
    assert (doc["created"], doc["updated"]) == ("2026-11-23T09:15:02+01:00", "2026-11-25T09:15:02+01:00")


def test_a_reminder_that_cannot_work_is_refused_and_nothing_is_saved(store):
    repository = ReminderRepository(store)
    with pytest.raises(Refused) as refused:
        repository.save(Reminder(id="r", times=()), NOW)
    assert refused.value.problems == {"times": "Please choose at least one time of day."}
    assert repository.all() == []
    assert store.names(FILE) == []


def test_delete_removes_a_reminder_once_and_leaves_the_bookkeeping_alone(store):
    repository = ReminderRepository(store)
    keep, drop = tablets(), new_reminder(NOW)
    repository.save(keep, NOW)
    repository.save(drop, NOW)
    repository.mark_seen(NOW)

    assert repository.delete(drop.id) is True
    assert repository.delete(drop.id) is False
    assert repository.delete("last-seen") is False
    assert repository.all() == [keep]
    assert repository.last_seen() == NOW


def test_keep_in_touch_snoozes_are_kept_per_person_and_a_new_one_replaces_the_old(store):
    repository = ReminderRepository(store)
    assert repository.touch_snoozes() == {}
    repository.snooze_touch("sam", london(2026, 11, 24, 9), NOW)
    repository.snooze_touch("ana", datetime(2026, 11, 30, 9, tzinfo=TOKYO), NOW)
    repository.snooze_touch("sam", london(2026, 11, 25, 9), NOW)

    snoozes = repository.touch_snoozes()
    assert snoozes == {"sam": london(2026, 11, 25, 9), "ana": datetime(2026, 11, 30, 9, tzinfo=TOKYO)}
    assert snoozes["ana"].utcoffset() == timedelta(hours=9)
    assert repository.all() == []


def test_a_snoozed_person_stays_off_the_losing_touch_list_until_the_snooze_ends(store):
    repository = ReminderRepository(store)
    sam = TouchPlan("sam", "Sam", 7, london(2026, 11, 10, 18), london(2026, 1, 1, 12))
    repository.snooze_touch("sam", london(2026, 11, 24, 9), NOW)
    assert overdue([sam], london(2026, 11, 23, 12), repository.touch_snoozes()) == []
    assert [entry.plan for entry in overdue([sam], london(2026, 11, 24, 10), repository.touch_snoozes())] == [sam]


def test_last_seen_starts_empty_and_remembers_the_latest_look(store):
    repository = ReminderRepository(store)
    assert repository.last_seen() is None
    assert store.names(FILE) == []  # reading never creates the file
    repository.mark_seen(NOW)
    repository.mark_seen(NOW + timedelta(hours=3))
    assert repository.last_seen() == NOW + timedelta(hours=3)
    assert repository.last_seen().utcoffset() == timedelta(hours=1)


def test_what_was_missed_while_closed_is_shown_once(store):
    repository = ReminderRepository(store)
    reminder = tablets(now=london(2026, 11, 1, 8))
    repository.save(reminder, london(2026, 11, 1, 8))
    repository.mark_seen(london(2026, 11, 20, 22))  # Friday night: then the app stayed closed

    opened = london(2026, 11, 23, 12)  # Monday lunchtime
    first_look = missed_since(repository.all(), repository.last_seen(), opened, LONDON)
    assert first_look == [Due(reminder, london(2026, 11, 23, 9))]
    repository.mark_seen(opened)
    assert missed_since(repository.all(), repository.last_seen(), opened + timedelta(minutes=5), LONDON) == []


def test_done_and_snooze_survive_closing_the_app(tmp_path):
    first = Store.open(tmp_path, NOW)
    reminder = tablets(now=london(2026, 11, 1, 8))
    ReminderRepository(first).save(done(reminder, london(2026, 11, 23, 21)), NOW)  # done early for the day
    other = new_reminder(london(2026, 11, 1, 8), kind="own", text="Call the GP", starts_on=date(2026, 11, 23),
                         times=("09:00",), repeat="none")
    ReminderRepository(first).save(replace(other, snoozed_until=snooze_ends_at("tomorrow morning", NOW, LONDON)), NOW)
    ReminderRepository(first).mark_seen(NOW)
    first.close()

    again = Store.open(tmp_path, NOW)
    repository = ReminderRepository(again)
    assert due_now(repository.all(), london(2026, 11, 23, 12), LONDON) == []
    [due] = due_now(repository.all(), london(2026, 11, 24, 9, 30), LONDON)
    assert (due.reminder.text, due.at) == ("Call the GP", london(2026, 11, 24, 9))
    assert repository.last_seen() == NOW
    again.close()
