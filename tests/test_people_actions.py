"""Logging a contact, the use-case every "I reached out" calls (fixed dates, memory and file stores)."""

from datetime import datetime, timezone

from storage_fixtures import store  # noqa: F401 - fixture

from storage.people.actions import log_contact
from storage.people.feelings import Felt
from storage.people.gatherings import PersonKind
from storage.people.meetings import save_person
from storage.people.model import Way, new_person
from storage.people.repository import PeopleRepository
from storage.reminders.repository import ReminderRepository
from storage.reminders.rules import due_now

UTC = timezone.utc
MONDAY = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
TUESDAY_EVENING = datetime(2026, 11, 24, 18, 30, tzinfo=UTC)  # the group's reminder rings from 18:00


def test_a_contact_is_logged_with_how_it_felt_and_the_kept_repository_knows_at_once(store):
    sam = new_person(MONDAY, name="Sam", phones=("07700 900123",))
    people = PeopleRepository(store)
    people.save(sam)
    people.last_contacts()  # read once, as a screen does: later contacts must not need a second read

    contact = log_contact(people, store, sam, Way.CALL, MONDAY, UTC, felt=Felt.LIFTED)

    assert (contact.person_id, contact.way, contact.felt) == (sam.id, Way.CALL, Felt.LIFTED)
    assert people.last_contacts()[sam.id] == MONDAY
    assert PeopleRepository(store).last_contacts()[sam.id] == MONDAY


def test_reaching_a_group_while_its_meeting_rings_finishes_that_reminder(store):
    group = new_person(MONDAY, name="Tuesday peer group", kind=PersonKind.GROUP, meets_on=1, meets_at="19:00",
                       remind_meeting=True)
    save_person(store, group, None, MONDAY)
    assert due_now(ReminderRepository(store).all(), TUESDAY_EVENING, UTC) != []

    log_contact(PeopleRepository(store), store, group, Way.IN_PERSON, TUESDAY_EVENING, UTC)

    assert due_now(ReminderRepository(store).all(), TUESDAY_EVENING, UTC) == []
