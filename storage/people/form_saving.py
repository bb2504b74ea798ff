"""Saving what the person form holds: a new or revised person checked, saved with their group's meeting reminder,
and every way it can fail told as the form's problems, so the form has one thing to show."""

from datetime import datetime

from storage.errors import ChangedElsewhere, Refused, StorageError
from storage.people.meetings import save_person
from storage.people.model import Person, new_person, revised_person

SAVE = "save"
"""The problem not about one field: shown by the form's buttons."""


def save_from_form(store, original: Person | None, fields: dict, now: datetime, day_starts_at: int) -> Person:
    """The person saved from `fields` (a revision of `original` when editing). Refused, with nothing saved,
    for what the rules refuse, a change made to them elsewhere since the form opened, or a device that refused."""
    try:
        person = revised_person(original, now, **fields) if original else new_person(now, **fields)
        save_person(store, person, original, now, day_starts_at)
    except ChangedElsewhere:
        raise Refused({SAVE: f"{original.name} was changed in another window or tab since you opened this. "
                                    "Nothing was saved here: please close this form and open them again."}) from None
    except StorageError as error:
        raise Refused({SAVE: error.message}) from None
    return person
