"""People in file "people" and the times someone reached out to them in file "contacts".

Deleting a person leaves their contacts in place, so Undo brings back the
person exactly as they were, "last reached out" included.

"contacts" only ever grows, and what is due is looked at every few seconds, so
a repository keeps each person's latest contact in memory once it has read
them: its own `log_contact` and `forget_contact` keep that current. A change
made through another repository (an import, a restore) is seen by a new one.
"""

from collections.abc import Iterable
from datetime import datetime

from storage.errors import ChangedElsewhere
from storage.people.feelings import Felt
from storage.people.model import (
    Contact,
    Person,
    Way,
    contact_from_document,
    document_from_contact,
    document_from_person,
    last_contacts,
    new_contact,
    person_from_document,
)

PEOPLE_FILE = "people"
CONTACTS_FILE = "contacts"


class PeopleRepository:
    def __init__(self, store):
        self._store = store
        self._last_contacts: dict[str, datetime] | None = None  # read on first use

    def people(self) -> list[Person]:
        """Everyone, by name."""
        found = [person_from_document(doc) for doc in self._store.documents(PEOPLE_FILE)]
        return sorted(found, key=lambda person: person.name.casefold())

    def get(self, person_id: str) -> Person | None:
        doc = self._store.get(PEOPLE_FILE, person_id)
        return None if doc is None else person_from_document(doc)

    def save(self, person: Person, base: Person | None = None) -> None:
        """Save a new or edited person; safe to repeat. `base` is the person as the form read them: if they were
        changed elsewhere since (another window), ChangedElsewhere is raised and nothing is written."""
        if base is not None:
            stored = self.get(person.id)
            if stored != base:
                raise ChangedElsewhere(stored)
        self._store.put(PEOPLE_FILE, document_from_person(person))

    def save_many(self, people: Iterable[Person]) -> None:
        """Add several people in one write: an import lands whole or not at all."""
        self._store.put_many(PEOPLE_FILE, [document_from_person(person) for person in people])

    def delete(self, person: Person) -> bool:
        return self._store.remove(PEOPLE_FILE, person.id)

    def log_contact(self, person: Person, way: Way, now: datetime, felt: Felt | None = None) -> Contact:
        """Remember that you reached out to `person` now (and how you felt after, if you said)."""
        contact = new_contact(person, way, now, felt)
        self._store.put(CONTACTS_FILE, document_from_contact(contact))
        if self._last_contacts is not None:
            self._last_contacts = last_contacts([contact], self._last_contacts)
        return contact

    def forget_contact(self, contact: Contact) -> bool:
        """Undo a contact logged by mistake."""
        removed = self._store.remove(CONTACTS_FILE, contact.id)
        if removed:
            self._last_contacts = None  # the one before it is somewhere in the file: read them again when asked
        return removed

    def contacts(self) -> list[Contact]:
        """Every logged contact, oldest first."""
        found = [contact_from_document(doc) for doc in self._store.documents(CONTACTS_FILE)]
        return sorted(found, key=lambda contact: contact.at)

    def last_contacts(self) -> dict[str, datetime]:
        """Each person's most recent contact, by person id: read from the file once, then kept in memory."""
        if self._last_contacts is None:
            self._last_contacts = last_contacts(contact_from_document(doc)
                                                for doc in self._store.documents(CONTACTS_FILE))
        return dict(self._last_contacts)
