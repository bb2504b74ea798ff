"""What a person does with their people, as the use-cases a screen calls (their rules live beside them)."""

from datetime import datetime, tzinfo

from storage.people.feelings import Felt
from storage.people.meetings import went_to_meeting
from storage.people.model import Contact, Person, Way
from storage.people.repository import PeopleRepository


def log_contact(people: PeopleRepository, store, person: Person, way: Way, now: datetime, zone: tzinfo,
                day_starts_at: int = 0, felt: Felt | None = None) -> Contact:
    """Notes that you reached `person` (and how you felt after, if you said). Reaching a group while its meeting
    reminder rings is going to it: that finishes the reminder, as "I went" does. `people` is the repository a screen
    keeps, so its last contacts stay current without reading the contacts file again."""
    contact = people.log_contact(person, way, now, felt)
    went_to_meeting(store, person.id, now, zone, day_starts_at)
    return contact
