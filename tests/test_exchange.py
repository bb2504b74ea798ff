"""Tend's own export: everything as one JSON file that imports back exactly, merged by id, all or nothing."""

import json
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from storage_fixtures import NOW, data_dir, record, store  # noqa: F401 (fixtures)

from storage.app_lock import AppLock
from storage.checkins.model import new_check_in
from storage.checkins.repository import CheckInRepository, save_emotion_tags
from storage.errors import StorageError
from storage.records import stamp
from storage.settings import Settings, save_settings
from storage.store import backups, intents, journal
from storage.store.persistence import Store
from storage.your_data import exchange
from storage.your_data.checkins_csv import every_check_in
from storage.your_data.exchange import ImportProblem, ImportReport, export_text, exported, import_tend_export

LONDON = ZoneInfo("Europe/London")
LATER = NOW + timedelta(days=1)
NOTHING_CHANGED = "Nothing was imported, so your data is as it was."


def filled(store) -> Store:
    """A store with a bit of everything Tend keeps."""
    repository = CheckInRepository(store)
    for at, mood, details in [
        (datetime(2026, 9, 30, 23, 30, tzinfo=LONDON), 2, {"note": "Couldn't sleep, wrote instead."}),
        (datetime(2026, 11, 20, 8, 5, tzinfo=LONDON), 4, {"energy": 3, "tags": ["calm", "hopeful"]}),
        (datetime(2026, 11, 22, 21, 0, tzinfo=ZoneInfo("Asia/Tokyo")), 5, {"sleep": 5, "note": "Tokyo, at last."}),
    ]:
        repository.save(new_check_in(mood, at, at=at, **details))
    save_settings(store, Settings(theme="dark", day_starts_at=3), NOW)
    save_emotion_tags(store, ["calm", "hopeful", "seen"], NOW)
    sam = record(name="Sam", phones=["+44 20 7946 0000"], supports=["emotional", "peer"])
    store.put("people", sam)
    store.put("people", record(name="Samaritans", phones=["116 123"], supports=["crisis"]))
    store.put("contacts", record(person_id=sam["id"], at=stamp(NOW - timedelta(days=2)), way="call"))
    return store


def snapshot(store) -> dict:
    return exported(store, NOW)["files"]


def test_an_export_imported_into_an_empty_tend_gives_back_exactly_the_same_data(store, tmp_path):
    text = export_text(filled(store), NOW)
    copy = Store.open(tmp_path / "copy", NOW)

    report = import_tend_export(copy, text, NOW)

    files = json.loads(text)["files"]
    assert set(files) == {"checkins/2026-09", "checkins/2026-11", "contacts", "lists", "people", "settings"}
    for name, records in files.items():
        assert copy.documents(name) == store.documents(name) == records
    assert report == ImportReport(added=sum(map(len, files.values())))
    assert export_text(copy, NOW) == text
    copy.close()
    assert snapshot(Store.open(tmp_path / "copy", NOW)) == snapshot(store)  # and it is on disk


def test_the_app_lock_stays_on_this_device(store):
    AppLock(filled(store)).set_pin("2580", NOW)

    assert "lock" not in exported(store, NOW)["files"]


def test_the_newer_change_wins_and_the_report_says_what_happened(store):
    kept_newer = record(name="Ana", phone="1")
    replaced = record(name="Bo")
    unchanged = record(name="Cy")
    store.put_many("people", [{**kept_newer, "updated": stamp(LATER)}, replaced, unchanged])
    incoming = [
        {**kept_newer, "phone": "old number"},  # older than what Tend has
        {**replaced, "name": "Bo Jones", "updated": stamp(LATER)},
        {**unchanged, "name": "Same time, other text"},  # equal stamps: Tend keeps its own
        record(name="Dee"),
    ]

    report = import_tend_export(store, export_of({"people": incoming}), NOW)

    assert report == ImportReport(added=1, updated=1, skipped=2)
    assert store.documents("people") == [
        {**kept_newer, "updated": stamp(LATER)}, {**replaced, "name": "Bo Jones", "updated": stamp(LATER)},
        unchanged, incoming[3]]
    assert report.summary == ("Added 1, updated 1, and left 2 as they were "
                              "(Tend already had the same or a newer version).")


def test_an_import_first_renews_todays_backup(data_dir):
    opened = Store.open(data_dir, NOW)
    before = record(name="Sam")
    opened.put("people", before)

    import_tend_export(opened, export_of({"people": [record(name="Ana")]}), NOW)

    [backup] = backups.list_backups(data_dir)
    assert json.loads(backups.backup_contents(backup.path)["people.json"])["records"] == {before["id"]: before}
    assert len(opened.documents("people")) == 2


def test_importing_a_file_twice_changes_nothing_the_second_time(store):
    text = export_text(filled(store), NOW)
    copy = Store.open(None, NOW)
    import_tend_export(copy, text, NOW)

    assert import_tend_export(copy, text, NOW) == ImportReport(skipped=sum(map(len, snapshot(store).values())))


def export_of(files: dict) -> str:
    return json.dumps({"format": "tend-export", "version": 1, "exported": stamp(NOW), "files": files}, indent=1)


def with_record(store, name: str, number: int, **changes) -> str:
    """The store's export with record `number` (from 1) of file `name` changed."""
    files = snapshot(store)
    files[name][number - 1].update(changes)
    return export_of(files)


@pytest.mark.parametrize("changes, where, message", [
    ({"mood": "meh!"}, "field 'mood'", "Please pick one of the five moods, from Awful to Great."),
    ({"energy": 9}, "field 'energy'", "Energy can be 1 to 5, or left empty."),
    ({"tags": "calm"}, "field 'tags'", "Tags should be a list of words."),
    ({"note": "x" * 5001}, "field 'note'", "Notes can be up to 5,000 characters; this one has 5,001."),
    ({"at": "yesterday"}, "field 'at'", "'yesterday' isn't a date and time Tend can read"),
    ({"at": "2026-10-31T22:00:00+00:00"}, "field 'at'",
     "this check-in is from 2026-10, so it belongs in “checkins/2026-10”."),
    ({"updated": "2026-11-23T09:15:02"}, "field 'updated'", "isn't a date and time Tend can read"),
    ({"id": 7}, "field 'id'", "every record needs an id (some text)."),
])
def test_a_bad_check_in_is_named_by_file_record_and_field_and_nothing_changes(store, changes, where, message):
    before = snapshot(filled(store))

    with pytest.raises(ImportProblem) as refused:
        import_tend_export(store, with_record(store, "checkins/2026-11", 2, **changes), NOW)

    assert refused.value.message.startswith(f"In “checkins/2026-11”, record 2, {where}: ")
    assert message in refused.value.message and refused.value.message.endswith(NOTHING_CHANGED)
    assert snapshot(store) == before


@pytest.mark.parametrize("text, message", [
    ('{"format": "tend-export"', "Line 1: this isn't valid JSON (Expecting ',' delimiter at column 25)."),
    ("[1, 2]", "This isn't a Tend export. Please choose a file made with Export in Tend's Settings."),
    ('{"format": "tend-export", "version": 2, "files": {}}',
     "This export comes from a newer version of Tend. Please update Tend, then import it again."),
    ('{"format": "tend-export", "version": "1", "files": {}}', "This export has a version Tend doesn't know ('1')."),
    ('{"format": "tend-export", "version": 1, "files": []}', "This export has no list of files."),
    (export_of({"backups/x": []}), "File “backups/x”: this isn't a name Tend uses for its data."),
    (export_of({"../people": []}), "File “../people”: this isn't a name Tend uses for its data."),
    (export_of({"lock": []}), "File “lock”: an app lock is never imported."),
    (export_of({"people": {}}), "File “people”: this should be a list of records."),
    (export_of({"people": [[]]}), "In “people”, record 1: this should be a record (a JSON object)."),
    (export_of({"lists": [record(id="emotion-tags", tags=[" "])]}),
     "In “lists”, record 1, field 'tags': A tag needs at least one letter."),
    (export_of({"people": [record(id="a", name="Ana"), record(id="a", name="Ana")]}),
     "In “people”, record 2, field 'id': record 1 has the same id. Each record needs its own."),
    (export_of({"people": [record(name="Sam"), record(name="Dee", score=float("nan"))]}),
     "In “people”, record 2, field 'score': this holds a value Tend can't save"),
    (export_of({"people": [record(name="\udc80")]}), "In “people”, record 1, field 'name': this holds a value"),
    (b'{\n "format": "tend-export",\n "version": \xff1\n}', "Line 3: this isn't readable text (UTF-8)."),
])
def test_a_broken_file_says_what_is_wrong_and_changes_nothing(store, text, message):
    before = snapshot(filled(store))

    with pytest.raises(ImportProblem) as refused:
        import_tend_export(store, text, NOW)

    assert refused.value.message.startswith(message) and refused.value.message.endswith(NOTHING_CHANGED)
    assert snapshot(store) == before


def test_a_syntax_error_names_the_line_it_is_on(store):
    lines = export_text(filled(store), NOW).splitlines()
    broken = next(number for number, line in enumerate(lines, start=1) if '"name": "Samaritans"' in line)
    lines[broken - 1] = lines[broken - 1].replace('",', '"')

    with pytest.raises(ImportProblem, match=rf"^Line {broken + 1}: this isn't valid JSON"):
        import_tend_export(store, "\n".join(lines), NOW)


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(store, monkeypatch):
    monkeypatch.setattr(exchange, "SIZE_LIMIT", 3 * 2**20)

    with pytest.raises(ImportProblem, match="^This file is 4 MB, more than the 3 MB Tend can import."):
        import_tend_export(store, b"[" * (4 * 2**20), NOW)


# Fuzzing: whatever the file holds, the import either succeeds with data Tend can read back,
# or raises ImportProblem having changed nothing.

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=6,
)
FIELDS = st.sampled_from(["id", "created", "updated", "mood", "at", "energy", "sleep", "anxiety", "tags", "note"])


def fuzzed_store() -> Store:
    return filled(Store.open(None, NOW))


def imports_all_or_nothing(store, text) -> None:
    before = snapshot(store)
    try:
        import_tend_export(store, text, NOW)
    except ImportProblem:
        assert snapshot(store) == before
    else:
        every_check_in(store)  # whatever got in can be read back as check-ins


@settings(max_examples=150, deadline=None)
@given(st.text() | st.binary())
def test_random_files_are_refused_and_change_nothing(text):
    imports_all_or_nothing(fuzzed_store(), text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_files_with_any_field_of_any_record_changed_are_refused_or_merged_whole(data):
    store = fuzzed_store()
    files = snapshot(store)
    name = data.draw(st.sampled_from(sorted(files)))
    number = data.draw(st.integers(0, len(files[name]) - 1))
    files[name][number][data.draw(FIELDS)] = data.draw(JSON_VALUES)
    files[name][number]["updated"] = stamp(LATER)  # so a still-valid record would really be imported

    imports_all_or_nothing(store, export_of(files))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_files_with_bytes_cut_or_added_anywhere_are_refused_or_merged_whole(data):
    store = fuzzed_store()
    text = export_text(store, NOW)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, min(len(text), start + 8)))
    inserted = data.draw(st.text(alphabet='{}[]",:0123456789.-+eTZ ntrufalsmod\\\n', max_size=6))

    imports_all_or_nothing(store, text[:start] + inserted + text[end:])


@pytest.mark.parametrize("name, record, field", [
    ("people", {"name": "", "phones": []}, "name"),
    ("people", {"name": "Sam", "phones": ["call me"]}, "phone 1"),
    ("people", {"name": "Sam", "supports": ["moral"]}, "supports"),
    ("contacts", {"person_id": "p1", "at": "yesterday", "way": "call"}, "at"),
    ("contacts", {"person_id": "p1", "at": "2026-11-20T10:00:00+00:00", "way": "pigeon"}, "way"),
    ("reminders", {"type": "reminder", "kind": "own", "text": "", "times": ["25:00"]}, None),
])
def test_people_contacts_and_reminders_are_checked_before_an_import(store, name, record, field):
    full = {"id": "r1", "created": "2026-11-20T10:00:00+00:00", "updated": "2026-11-20T10:00:00+00:00", **record}
    text = json.dumps({"format": "tend-export", "version": 1, "exported": "2026-11-23T09:00:00+00:00",
                       "files": {name: [full]}})
    with pytest.raises(ImportProblem) as refused:
        import_tend_export(store, text, NOW)
    assert f"In “{name}”, record 1" in refused.value.message
    if field:
        assert f"field '{field}'" in refused.value.message
    assert store.documents(name) == []


# An import cut short (Tend killed, or the device refusing) lands whole or not at all, and is told.

def import_killed_before_its_end(data_dir, monkeypatch) -> tuple[dict, dict]:
    """Import into a store that is then dropped as if killed, its intent still there; returns the data before and
    the data the import gives."""
    opened = filled(Store.open(data_dir, NOW))
    before = snapshot(opened)
    incoming = {f"checkins/2026-{month:02d}": [record(mood=3, at=f"2026-{month:02d}-15T12:00:00+00:00")]
                for month in range(1, 9)}
    monkeypatch.setattr(intents, "end", lambda data_dir: None)  # killed before the intent is removed
    import_tend_export(opened, export_of({**incoming, "people": [record(name="Dee")]}), NOW, source="phone.json")
    after = snapshot(opened)
    monkeypatch.undo()
    return before, after


def test_an_import_killed_once_its_line_is_written_is_complete_at_the_next_start_and_told(data_dir, monkeypatch):
    _, after = import_killed_before_its_end(data_dir, monkeypatch)

    reopened = Store.open(data_dir, NOW)

    assert reopened.recovery_notes == ["Tend was closed while importing “phone.json”; it finished the import now, "
                                       "so everything in the file is in Tend."]
    assert snapshot(reopened) == after


def test_an_import_killed_while_its_line_was_written_changes_nothing_and_is_told(data_dir, monkeypatch):
    before, _ = import_killed_before_its_end(data_dir, monkeypatch)
    log = journal.path_in(data_dir)
    log.write_bytes(log.read_bytes()[:-100])  # the kill came before the last bytes of the import's line

    reopened = Store.open(data_dir, NOW)

    assert reopened.recovery_notes == ["Tend was closed while importing “phone.json”; nothing was imported, so your "
                                       "data is as it was. You can import the file again."]
    assert snapshot(reopened) == before


def test_an_import_is_one_line_in_the_journal_whatever_it_holds(data_dir):
    opened = Store.open(data_dir, NOW)
    incoming = {f"checkins/20{year}-{month:02d}": [record(mood=3, at=f"20{year}-{month:02d}-15T12:00:00+00:00")]
                for year in (24, 25) for month in range(1, 13)}

    import_tend_export(opened, export_of({**incoming, "people": [record(name="Dee")]}), NOW)

    assert journal.path_in(data_dir).read_bytes().count(b"\n") == 1
    assert not intents.path_in(data_dir).exists()


def test_an_import_the_device_refuses_changes_nothing_and_leaves_nothing_to_tell(data_dir, monkeypatch):
    opened = filled(Store.open(data_dir, NOW))
    before = snapshot(opened)

    def full(self, change):
        raise StorageError("Your device is full.")

    monkeypatch.setattr(journal.Journal, "append", full)
    with pytest.raises(StorageError, match="full"):
        import_tend_export(opened, export_of({"people": [record(name="Dee")]}), NOW)
    monkeypatch.undo()

    assert snapshot(opened) == before
    opened.close()
    reopened = Store.open(data_dir, NOW)
    assert reopened.recovery_notes == [] and snapshot(reopened) == before
