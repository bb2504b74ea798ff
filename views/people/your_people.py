"""Your people and when you last reached each of them: one reading for every screen that shows them (People, the
circle, the safety plan, Get help now, the low-day card, what is due), provided through Flet's context.

The state is an observable object that stays the same object for the whole session: when what it holds changes,
only the components that read it are drawn again, not every screen. The actions (log a contact, forget one, read
everything again) live apart from it, so asking for them doesn't redraw a component when people change.
"""

from dataclasses import dataclass
from datetime import datetime
from typing import Callable

import flet as ft

from storage.people.actions import log_contact
from storage.people.model import Contact, Person, Way
from storage.people.repository import PeopleRepository
from views.context import use_tend


@ft.observable
@dataclass(eq=False)  # one object for the session, told apart by identity
class YourPeople:
    people: dict[str, Person]
    """Everyone (people, groups and places) by id."""
    last_contacts: dict[str, datetime]
    """Each person's latest contact, kept in memory and updated as contacts are logged (the contacts file only
    grows, so it is read again only when it changed behind Tend: an import, a restore)."""

    def show(self, people: dict[str, Person], last_contacts: dict[str, datetime]) -> None:
        """Takes a new reading; the readers are drawn again (once) only if it differs from the one they show."""
        if (people, last_contacts) != (self.people, self.last_contacts):
            object.__setattr__(self, "people", people)  # both fields, then one notification
            object.__setattr__(self, "last_contacts", last_contacts)
            self.notify()


@dataclass(frozen=True)
class PeopleActions:
    log_contact: Callable[..., Contact]
    """Log that you reached someone (person, way, and how you felt after or None); "I went" to a group also
    finishes its meeting reminder. Raises StorageError if the device refuses."""
    forget_contact: Callable[[Contact], bool]
    """Undo a logged contact; raises StorageError if the device refuses."""
    read_again: Callable[[], None]
    """People or their contacts changed (added, edited, deleted, imported, restored): read them all again."""
    look: Callable[[], None]
    """Read the people again, keeping the last contacts in memory (the reminder timer's look)."""


YourPeopleContext: ft.ContextProvider["YourPeople | None"] = ft.create_context(None)
PeopleActionsContext: ft.ContextProvider["PeopleActions | None"] = ft.create_context(None)


def use_people() -> YourPeople:
    """Your people and their last contacts; the component is drawn again when they change."""
    people = ft.use_context(YourPeopleContext)
    assert people is not None, "screens are rendered inside WithReminders, which provides YourPeopleContext"
    return people


def use_people_actions() -> PeopleActions:
    actions = ft.use_context(PeopleActionsContext)
    assert actions is not None, "screens are rendered inside WithReminders, which provides PeopleActionsContext"
    return actions


def provide_people(people: YourPeople, actions: PeopleActions, content: Callable[[], ft.Control]) -> ft.Control:
    return YourPeopleContext(people, lambda: PeopleActionsContext(actions, content))


def use_people_service() -> tuple[YourPeople, PeopleActions]:
    """Called once, above the router (WithReminders in views/app.py): owns the reading every screen shares."""
    tend = use_tend()
    kept = ft.use_ref(lambda: PeopleRepository(tend.store))  # keeps the last contacts in memory

    def reading() -> tuple[dict[str, Person], dict[str, datetime]]:
        return {person.id: person for person in kept.current.people()}, kept.current.last_contacts()

    state = ft.use_ref(lambda: YourPeople(*tend.read(reading, ({}, {}))))

    def look() -> None:
        found = tend.read(reading, None)
        if found is not None:
            state.current.show(*found)

    def read_again() -> None:
        kept.current = PeopleRepository(tend.store)  # people or contacts may have changed behind it
        look()

    def log_and_look(person: Person, way: Way, felt=None) -> Contact:
        contact = log_contact(kept.current, tend.store, person, way, tend.now(), tend.zone, tend.settings.day_starts_at,
                              felt)
        look()
        return contact

    def forget_contact(contact: Contact) -> bool:
        forgotten = kept.current.forget_contact(contact)
        look()
        return forgotten

    return state.current, PeopleActions(log_and_look, forget_contact, read_again, look)
