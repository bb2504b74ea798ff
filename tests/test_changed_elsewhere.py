"""Two windows editing one record: the second save is told, never silently written over the first."""

from datetime import timedelta

import pytest
from storage_fixtures import NOW, store  # noqa: F401 - fixture

from storage.errors import ChangedElsewhere
from storage.help.safety_plan import load_plan, save_plan, with_step
from storage.people.model import new_person, revised_person
from storage.people.repository import PeopleRepository

LATER = NOW + timedelta(minutes=1)


def test_a_plan_saved_in_another_window_is_not_overwritten(store):
    shown_here = shown_there = load_plan(store)
    save_plan(store, with_step(shown_there, "reasons", text="My sister"), NOW, base=shown_there)
    with pytest.raises(ChangedElsewhere) as changed:
        save_plan(store, with_step(shown_here, "coping", text="A walk"), NOW, base=shown_here)
    assert changed.value.current.text("reasons") == "My sister"
    assert load_plan(store).text("coping") == ""


def test_a_plan_saved_in_the_same_second_elsewhere_is_still_noticed(store):
    base = save_plan(store, with_step(load_plan(store), "reasons", text="A"), NOW)
    save_plan(store, with_step(base, "reasons", text="B"), NOW, base=base)  # same stamp, other words
    with pytest.raises(ChangedElsewhere):
        save_plan(store, with_step(base, "reasons", text="C"), NOW, base=base)


def test_choosing_to_keep_ones_own_words_saves_over_the_newer_plan(store):
    first = load_plan(store)
    newer = save_plan(store, with_step(first, "reasons", text="My sister"), NOW, base=first)
    kept = save_plan(store, with_step(first, "coping", text="A walk"), LATER, base=newer)
    assert load_plan(store) == kept


def test_a_person_edited_in_another_window_is_not_overwritten(store):
    people = PeopleRepository(store)
    sam = new_person(NOW, name="Sam")
    people.save(sam)
    people.save(revised_person(sam, LATER, name="Sam B"), base=sam)
    with pytest.raises(ChangedElsewhere) as changed:
        people.save(revised_person(sam, LATER, note="Evenings"), base=sam)
    assert changed.value.current.name == "Sam B"
    assert people.get(sam.id).note == ""
