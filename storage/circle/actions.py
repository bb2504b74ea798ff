"""What a person does on the circle screen: add someone who gives a kind of support, in one step."""

from datetime import datetime

from storage.people.model import Person, Support, new_person
from storage.people.repository import PeopleRepository


def add_someone_for(store, name: str, support: Support, now: datetime) -> Person:
    """Save a new person who gives `support`, named as typed; raises Refused (nothing saved) for a name the
    People rules refuse, StorageError if the device refuses the write."""
    person = new_person(now, name=name, supports=(Support(support),))
    PeopleRepository(store).save(person)
    return person
