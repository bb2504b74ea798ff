"""Saving the person form: one kind of answer (the form's problems) for every way a save can fail, and nothing
written when it does."""

from datetime import timedelta

import pytest
from storage_fixtures import NOW, store  # noqa: F401 - fixture

from storage.errors import Refused
from storage.people.form_saving import SAVE, save_from_form
from storage.people.repository import PeopleRepository

LATER = NOW + timedelta(minutes=1)


def test_someone_new_is_saved_and_an_edit_keeps_who_they_are(store):
    sam = save_from_form(store, None, {"name": "Sam"}, NOW, 0)
    edited = save_from_form(store, sam, {"name": "Sam", "note": "Walks on Sundays"}, LATER, 0)
    assert edited.id == sam.id
    assert [person.note for person in PeopleRepository(store).people()] == ["Walks on Sundays"]


def test_what_the_rules_refuse_is_told_by_field_and_nothing_is_saved(store):
    with pytest.raises(Refused) as refused:
        save_from_form(store, None, {"name": ""}, NOW, 0)
    assert "name" in refused.value.problems
    assert PeopleRepository(store).people() == []


def test_a_change_made_in_another_window_is_told_and_not_written_over(store):
    opened_here = save_from_form(store, None, {"name": "Sam"}, NOW, 0)
    save_from_form(store, opened_here, {"name": "Sam", "note": "From the other tab"}, LATER, 0)
    with pytest.raises(Refused) as refused:
        save_from_form(store, opened_here, {"name": "Sam", "note": "From here"}, LATER, 0)
    assert refused.value.problems[SAVE].startswith("Sam was changed in another window or tab since you opened this.")
    assert [person.note for person in PeopleRepository(store).people()] == ["From the other tab"]
