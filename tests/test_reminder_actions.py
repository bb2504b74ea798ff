"""What a person does with what is due, acting on the stored reminder by id; and a timer that writes nothing while
nothing rings. Tests taking `store` run on the in-memory store and on real files."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from storage_fixtures import NOW, store  # noqa: F401 (fixture)

from storage.people.model import Support, new_person
from storage.people.repository import PeopleRepository
from storage.reminders.actions import mark_done, missed_while_closed, note_looked_at, snooze, snooze_person
from storage.reminders.model import new_reminder, revised
from storage.reminders.repository import FILE, ReminderRepository
from storage.reminders.rules import Due, done, due_now, snooze_ends_at
from storage.store import journal
from storage.store.persistence import Store

LONDON = ZoneInfo("Europe/London")


def london(*wall_clock) -> datetime:
    return datetime(*wall_clock, tzinfo=LONDON)


def tablets(store):
    """Morning and evening tablets, made the day before; saved."""
    made = london(2026, 11, 22, 12)
    reminder = new_reminder(made, kind="own", text="Take my tablets", times=("09:00", "21:00"), repeat="daily",
                            starts_on=date(2026, 11, 1))
    ReminderRepository(store).save(reminder, made)
    return reminder


def due(store, now) -> list[Due]:
    return due_now(ReminderRepository(store).all(), now, LONDON)


def test_done_moves_the_stored_reminder_on_and_a_second_done_writes_nothing(store):
    reminder = tablets(store)
    [banner] = due(store, london(2026, 11, 23, 9, 5))
    assert banner.at == london(2026, 11, 23, 9)

    assert mark_done(store, reminder.id, banner.at, london(2026, 11, 23, 9, 6)) is not None
    assert due(store, london(2026, 11, 23, 9, 7)) == []
    written = store.get(FILE, reminder.id)
    assert mark_done(store, reminder.id, banner.at, london(2026, 11, 23, 9, 8)) is None  # the second tap
    assert store.get(FILE, reminder.id) == written


def test_a_stale_copy_does_not_undo_a_newer_snooze(store):
    reminder = tablets(store)
    [morning] = due(store, london(2026, 11, 23, 9, 5))  # the banner as it was drawn
    mark_done(store, reminder.id, morning.at, london(2026, 11, 23, 9, 6))
    [evening] = due(store, london(2026, 11, 23, 21, 5))
    until = snooze_ends_at("1 hour", london(2026, 11, 23, 21, 5), LONDON)
    assert snooze(store, reminder.id, evening.at, until, london(2026, 11, 23, 21, 5)) is not None

    # The morning's banner, tapped again (a frozen screen, another tab): saving its copy would end the snooze ...
    assert due_now([done(morning.reminder, morning.at)], london(2026, 11, 23, 21, 30), LONDON) != []
    # ... but Done acts on what is stored, where that morning is long done.
    assert mark_done(store, reminder.id, morning.at, london(2026, 11, 23, 21, 10)) is None
    assert due(store, london(2026, 11, 23, 21, 30)) == []
    [again] = due(store, london(2026, 11, 23, 22, 6))
    assert again.at == until


def test_a_stale_copy_does_not_undo_an_edit(store):
    reminder = tablets(store)
    [banner] = due(store, london(2026, 11, 23, 9, 5))
    edited = revised(ReminderRepository(store).get(reminder.id), london(2026, 11, 23, 9, 6), times=("10:00",))
    ReminderRepository(store).save(edited, london(2026, 11, 23, 9, 6))

    later = london(2026, 11, 23, 9, 7)
    assert mark_done(store, reminder.id, banner.at, later) is None
    assert snooze(store, reminder.id, banner.at, later + timedelta(hours=1), later) is None
    assert ReminderRepository(store).get(reminder.id) == edited


def test_a_banner_for_a_deleted_reminder_brings_nothing_back(store):
    reminder = tablets(store)
    [banner] = due(store, london(2026, 11, 23, 9, 5))
    ReminderRepository(store).delete(reminder.id)

    now = london(2026, 11, 23, 9, 6)
    assert mark_done(store, reminder.id, banner.at, now) is None
    assert snooze(store, reminder.id, banner.at, now + timedelta(minutes=10), now) is None
    assert ReminderRepository(store).all() == []


def test_snoozing_keeping_in_touch_needs_the_person_still_there(store):
    people = PeopleRepository(store)
    sam = new_person(NOW, name="Sam", phones=("07700 900123",), supports=(Support.PEER,), stay_in_touch_days=7)
    people.save(sam)
    until = NOW + timedelta(days=1)
    assert snooze_person(store, sam.id, until, NOW)
    assert ReminderRepository(store).touch_snoozes() == {sam.id: until}

    people.delete(sam)
    assert not snooze_person(store, sam.id, until + timedelta(days=1), NOW)
    assert ReminderRepository(store).touch_snoozes() == {sam.id: until}


def journal_size(store: Store) -> int:
    path = journal.path_in(store.data_dir)
    return path.stat().st_size if path.exists() else 0


def test_a_look_with_nothing_due_writes_nothing(tmp_path):
    opened = Store.open(tmp_path / "data", NOW)
    tablets(opened)
    first = london(2026, 11, 23, 10)
    assert note_looked_at(opened, first, LONDON, 0)  # never looked at before: where "missed" starts
    size = journal_size(opened)
    for tick in range(1, 200):  # an hour of ticks, every 20 s, with nothing ringing
        assert not note_looked_at(opened, first + timedelta(seconds=20 * tick), LONDON, 0)
    assert journal_size(opened) == size
    assert ReminderRepository(opened).last_seen() == first
    opened.close()


def test_what_rings_while_tend_is_open_is_noted_once_and_not_told_as_missed_later(store):
    reminder = tablets(store)
    ReminderRepository(store).mark_seen(london(2026, 11, 23, 8, 30))
    assert not note_looked_at(store, london(2026, 11, 23, 8, 59, 50), LONDON, 0)

    rang = london(2026, 11, 23, 9, 0, 10)
    assert note_looked_at(store, rang, LONDON, 0)  # the tick that showed its banner
    assert not note_looked_at(store, rang + timedelta(seconds=20), LONDON, 0)  # still showing: nothing to add
    assert [item.reminder.id for item in due(store, rang + timedelta(seconds=20))] == [reminder.id]

    opened_again = london(2026, 11, 23, 12)
    assert missed_while_closed(store, opened_again, LONDON, set(), 0) == []


def test_without_a_note_what_rang_would_be_told_as_missed(store):
    tablets(store)
    ReminderRepository(store).mark_seen(london(2026, 11, 23, 8, 30))
    [missed] = missed_while_closed(store, london(2026, 11, 23, 12), LONDON, set(), 0)
    assert missed.at == london(2026, 11, 23, 9)
