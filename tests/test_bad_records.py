"""One bad record, or one bad journal line, never stops Tend: it is set aside (kept, named, told once) and the rest
loads. Each case is one that was found: a check-in with mood 6, a person with no name, a journal line holding NaN,
a journal with NUL bytes."""

import json
import math
from datetime import timedelta

import pytest
from storage_fixtures import NOW, data_dir, record, store  # noqa: F401 (fixtures)

from storage.checkins.model import document_from_check_in, new_check_in
from storage.checkins.repository import CheckInRepository, file_for
from storage.people.model import document_from_person, new_person
from storage.people.repository import PeopleRepository
from storage.store import journal
from storage.store.persistence import Store
from storage.your_data.exchange import record_problems

PEOPLE = "people"


def opened_as_tend_does(data_dir) -> Store:
    """The store with the app's own rules for records, as main.py opens it."""
    return Store.open(data_dir, NOW, clock=lambda: NOW, record_problems=record_problems)


def person(name: str) -> dict:
    return document_from_person(new_person(NOW, name=name, phones=("020 7946 0958",)))


def set_aside_files(data_dir) -> list[dict]:
    return [json.loads(path.read_text()) for path in sorted((data_dir / "damaged").glob("*.json"))]


def test_a_check_in_with_mood_6_is_set_aside_and_the_rest_of_the_month_loads(data_dir):
    plain = Store.open(data_dir, NOW)
    good = [new_check_in(mood, NOW - timedelta(hours=mood)) for mood in (2, 4)]
    for check_in in good:
        CheckInRepository(plain).save(check_in)
    bad = {**document_from_check_in(new_check_in(3, NOW)), "mood": 6}
    plain.put(file_for(good[0]), bad)  # as a hand edit or an older bug would leave it
    plain.close()

    tend = opened_as_tend_does(data_dir)

    assert CheckInRepository(tend).in_month("2026-11") == sorted(good, key=lambda entry: entry.at)
    [note] = tend.recovery_notes
    [kept] = set_aside_files(data_dir)
    assert kept["from"] == "checkins/2026-11.json"
    assert kept["entries"] == [{"record": bad, "problems": {"mood": "Please pick one of the five moods, from Awful "
                                                                    "to Great."}}]
    assert note.startswith("Tend could not use one entry in your saved check-ins from November 2026, so it set it "
                           "aside and loaded the rest. It was kept, not deleted, at: ")
    assert note.endswith(str(data_dir / "damaged" / "checkins-2026-11-set-aside-20261123-091502.json"))
    tend.close()

    again = opened_as_tend_does(data_dir)  # told once: it is no longer in the month's file
    assert len(CheckInRepository(again).in_month("2026-11")) == 2 and again.recovery_notes == []
    assert len(set_aside_files(data_dir)) == 1


def test_a_person_with_no_name_is_set_aside_and_everyone_else_loads(data_dir):
    plain = Store.open(data_dir, NOW)
    sam, ana, nameless = person("Sam"), person("Ana"), {**person("Jo"), "name": ""}
    plain.put_many(PEOPLE, [sam, nameless, ana])
    plain.close()

    tend = opened_as_tend_does(data_dir)

    assert [someone.name for someone in PeopleRepository(tend).people()] == ["Ana", "Sam"]
    [note] = tend.recovery_notes
    assert note.startswith("Tend could not use one entry in your saved list of people")
    [kept] = set_aside_files(data_dir)
    assert kept["from"] == "people.json" and kept["entries"][0]["record"] == nameless
    assert "name" in kept["entries"][0]["problems"]
    assert nameless["id"] not in json.loads((data_dir / "people.json").read_text())["records"]


def test_a_journal_line_holding_nan_is_set_aside_and_the_start_goes_on(data_dir):
    killed = Store.open(data_dir, NOW)
    sam, ana = person("Sam"), person("Ana")
    killed.put(PEOPLE, sam)
    killed.put(PEOPLE, ana)
    del killed
    path = journal.path_in(data_dir)
    nan_line = '{"file":"people","put":{"x":{"id":"x","name":"Jo","stay_in_touch_days":NaN}}}'
    _, sam_line, ana_line = path.read_bytes().split(b"\n")
    path.write_bytes(b"\n".join([b"", sam_line, nan_line.encode(), ana_line]))  # Ana's change comes after it

    tend = opened_as_tend_does(data_dir)

    assert [someone.name for someone in PeopleRepository(tend).people()] == ["Ana", "Sam"]
    [note] = tend.recovery_notes
    assert note.startswith("Tend could not apply one of your latest changes, so it set it aside and applied the "
                           "rest. It was kept, not deleted, at: ")
    [kept] = set_aside_files(data_dir)
    assert kept["from"] == "journal.log" and kept["entries"][0]["line"] == nan_line
    assert journal.changes_in(path) == []  # the files caught up; the line lives on in damaged/ only
    tend.close()
    assert opened_as_tend_does(data_dir).recovery_notes == []


def test_a_journal_line_holding_nan_never_stops_a_plain_store_either(data_dir):
    """The store's own rule, without the app's: JSON that Tend could never write back is refused on the way in."""
    data_dir.mkdir()
    journal.path_in(data_dir).write_text('\n{"file":"people","put":{"x":{"id":"x","n":Infinity}}}')
    opened = Store.open(data_dir, NOW)
    assert opened.documents(PEOPLE) == [] and len(opened.recovery_notes) == 1


@pytest.mark.parametrize("damage", [
    pytest.param(lambda good: good + b"\0" * 64, id="zeros after the last change"),
    pytest.param(lambda good: good.replace(b"\n{", b"\n\0\0\0{"), id="zeros before a change"),
    pytest.param(lambda good: good.replace(b"}\n", b"}\0\0\n\0"), id="zeros between changes"),
])
def test_nul_bytes_in_the_journal_lose_no_change(data_dir, damage):
    killed = Store.open(data_dir, NOW)
    people = [person(name) for name in ("Sam", "Ana", "Jo")]
    for someone in people:
        killed.put(PEOPLE, someone)
    del killed
    path = journal.path_in(data_dir)
    path.write_bytes(damage(path.read_bytes()))

    tend = opened_as_tend_does(data_dir)

    assert sorted(doc["name"] for doc in tend.documents(PEOPLE)) == ["Ana", "Jo", "Sam"]
    assert tend.recovery_notes == []  # nothing was lost, so there is nothing to tell


def test_a_record_in_the_journal_that_fails_the_rules_is_set_aside_and_the_rest_applied(data_dir):
    killed = Store.open(data_dir, NOW)
    sam, nameless = person("Sam"), {**person("Jo"), "name": " "}
    killed.put_many(PEOPLE, [sam, nameless])
    del killed

    tend = opened_as_tend_does(data_dir)

    assert [doc["name"] for doc in tend.documents(PEOPLE)] == ["Sam"]
    [note] = tend.recovery_notes
    assert note.startswith("Tend could not use one entry among your latest changes to your list of people")
    [kept] = set_aside_files(data_dir)
    assert kept["from"] == "journal.log" and kept["entries"][0]["record"] == nameless


def test_a_file_holding_nan_sets_aside_that_record_and_can_still_be_written(data_dir):
    plain = Store.open(data_dir, NOW)
    sam = record(name="Sam")
    plain.put(PEOPLE, sam)
    plain.close()
    people_file = data_dir / "people.json"
    people_file.write_text(people_file.read_text().replace(
        '"records":{', '"records":{"x":{"id":"x","created":"c","updated":"c","n":NaN},'))

    opened = Store.open(data_dir, NOW)
    assert opened.documents(PEOPLE) == [sam] and len(opened.recovery_notes) == 1
    opened.put(PEOPLE, record(name="Ana"))
    opened.close()  # the checkpoint writes the file: it would fail if the NaN were still in it
    assert "NaN" not in people_file.read_text()


def test_a_value_json_cannot_keep_is_refused_when_saved(store):
    sam = record(name="Sam")
    store.put(PEOPLE, sam)
    for value in (math.nan, math.inf):
        with pytest.raises(ValueError):
            store.put(PEOPLE, record(name="Jo", stay_in_touch_days=value))
    assert store.documents(PEOPLE) == [sam]
    if store.data_dir is not None:
        assert journal.changes_in(journal.path_in(store.data_dir)) == [journal.put(PEOPLE, {sam["id"]: sam})]
