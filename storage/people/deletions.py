"""A person deleted by mistake can be brought back: for a while after the deletion, wherever you have gone since.

The deleted person is held by the session that deleted them (the contacts logged with them are never removed, so
Undo brings them back exactly as they were); this rule says how long the offer lasts.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from storage.people.model import Person

UNDO_DELETION_FOR = timedelta(minutes=30)
"""Long enough to notice a mistake after leaving the screen, short enough that an old offer doesn't linger."""


@dataclass(frozen=True)
class Deletion:
    person: Person
    at: datetime


def still_undoable(deletion: Deletion | None, now: datetime) -> bool:
    """Whether Undo is still offered for `deletion` at `now` (a clock set back counts as within the window)."""
    return deletion is not None and now - deletion.at < UNDO_DELETION_FOR


def undo_words(deletion: Deletion) -> tuple[str, str]:
    """What the notice says, and what its Undo button is called for a screen reader: it names what it undoes."""
    name = deletion.person.name
    return f"Deleted {name}.", f"Undo deleting {name}"
