"""The store keeps what it is given, hands out copies, and survives threads and format changes."""

import json
import threading
import uuid
from datetime import datetime

import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from storage_fixtures import NOW, data_dir, record, store, write_json  # noqa: F401 (fixtures)

from storage.errors import StorageError
from storage.records import parse_stamp, stamp, with_times
from storage.settings import Settings, load_settings, save_settings
from storage.store import migrations
from storage.store.persistence import Store

MONTH = "checkins/2026-11"


def test_a_saved_record_can_be_read_back_listed_and_removed(store):
    first, second = record(mood=2), record(mood=4)
    store.put(MONTH, first)
    store.put(MONTH, second)

    assert store.get(MONTH, first["id"]) == first
    assert store.documents(MONTH) == [first, second]
    assert store.remove(MONTH, first["id"]) is True
    assert store.remove(MONTH, first["id"]) is False
    assert store.get(MONTH, first["id"]) is None
    assert store.documents(MONTH) == [second]


def test_an_unknown_file_reads_as_empty(store):
    assert store.documents("people") == []
    assert store.get("people", "nobody") is None


def test_saving_twice_keeps_one_record_and_the_latest_content(store):
    entry = record(mood=3, tags=["tired"])
    store.put(MONTH, entry)
    store.put(MONTH, entry)
    changed = {k: v for k, v in entry.items() if k != "tags"} | {"mood": 5}
    store.put(MONTH, changed)

    assert store.documents(MONTH) == [changed]


def test_changing_returned_records_changes_nothing_stored(store):
    entry = record(tags=["calm"], note="walk")
    store.put(MONTH, entry)
    entry["tags"].append("after put")

    fetched = store.get(MONTH, entry["id"])
    fetched["tags"].append("edited")
    fetched["note"] = "changed"
    listed = store.documents(MONTH)
    listed[0]["tags"].clear()
    listed.clear()

    assert store.get(MONTH, entry["id"])["tags"] == ["calm"]
    assert store.documents(MONTH)[0]["note"] == "walk"


def test_records_need_an_id_and_times(store):
    with pytest.raises(ValueError):
        store.put(MONTH, {"mood": 3, "created": stamp(NOW), "updated": stamp(NOW)})
    with pytest.raises(ValueError):
        store.put(MONTH, {"id": "x"})
    with pytest.raises(ValueError):
        store.put("../outside", record())
    assert store.names("checkins/") == []


def test_records_have_a_uuid_and_times_with_an_offset(store):
    entry = record(mood=1)
    store.put(MONTH, entry)
    saved = store.get(MONTH, entry["id"])

    assert uuid.UUID(saved["id"]).version == 4
    assert saved["created"] == saved["updated"] == "2026-11-23T09:15:02+01:00"
    assert parse_stamp(saved["created"]) == NOW
    later = with_times(saved, NOW.replace(hour=10))
    assert later["created"] == saved["created"] and later["updated"].startswith("2026-11-23T10:15:02")
    with pytest.raises(ValueError):
        stamp(datetime(2026, 1, 1))


def test_names_lists_files_under_a_folder_including_new_ones(store):
    store.put("checkins/2024-01", record())
    store.put("checkins/2026-11", record())
    store.put("people", record())
    store.documents("checkins/2025-05")  # read, never saved: does not exist

    assert store.names("checkins/") == ["checkins/2024-01", "checkins/2026-11"]
    assert store.names("checkins/2026") == ["checkins/2026-11"]
    assert "people" in store.names("")


def test_names_does_not_open_files(data_dir):
    write_json(data_dir / "checkins" / "2024-01.json", {"_meta": {"1": {"schema": 1}}, "records": {}})
    (data_dir / "checkins" / "2024-02.json").write_text("{not json")
    opened = Store.open(data_dir, NOW)

    assert opened.names("checkins/") == ["checkins/2024-01", "checkins/2024-02"]
    assert opened.recovery_notes == []  # the damaged file was not read


def test_data_survives_reopening_and_files_carry_their_schema(data_dir):
    entry = record(mood=4)
    first = Store.open(data_dir, NOW)
    first.put(MONTH, entry)
    first.close()

    assert Store.open(data_dir, NOW).get(MONTH, entry["id"]) == entry
    on_disk = json.loads((data_dir / "checkins" / "2026-11.json").read_text())
    assert on_disk["_meta"] == {"1": {"schema": migrations.CURRENT_SCHEMA}}
    assert on_disk["records"][entry["id"]] == entry
    assert (data_dir / "checkins" / "2026-11.json").stat().st_mode & 0o777 == 0o600


def test_an_older_file_is_migrated_and_written_back(data_dir):
    old = {"id": "a", "created": "2025-01-02T08:00:00+01:00", "mood": 2}
    write_json(data_dir / "people.json", {"records": {"a": old}})  # version 0: no _meta, no 'updated'

    opened = Store.open(data_dir, NOW)

    assert opened.get("people", "a")["updated"] == old["created"]
    on_disk = json.loads((data_dir / "people.json").read_text())
    assert on_disk["_meta"]["1"]["schema"] == 1 and on_disk["records"]["a"]["updated"] == old["created"]


def test_migration_steps_run_in_order_from_the_files_version(data_dir):
    def add_energy(tables):  # a pretend version 1 -> 2 step
        return {**tables, "records": {k: {**d, "energy": None} for k, d in tables["records"].items()}}

    write_json(data_dir / "people.json", {"records": {"a": {"id": "a", "created": "c"}}})
    opened = Store.open(data_dir, NOW, migration_steps=(*migrations.STEPS, add_energy))

    assert opened.get("people", "a") == {"id": "a", "created": "c", "updated": "c", "energy": None}
    assert json.loads((data_dir / "people.json").read_text())["_meta"]["1"]["schema"] == 2


def test_a_file_from_a_newer_tend_is_refused_and_left_untouched(data_dir):
    write_json(data_dir / "people.json", {"_meta": {"1": {"schema": 99}}, "records": {"a": {"id": "a"}}})
    before = (data_dir / "people.json").read_bytes()
    opened = Store.open(data_dir, NOW)

    with pytest.raises(StorageError, match="newer version of Tend"):
        opened.documents("people")
    with pytest.raises(StorageError):
        opened.put("people", record())
    assert (data_dir / "people.json").read_bytes() == before


def test_newer_settings_stop_the_store_from_opening(data_dir):
    write_json(data_dir / "settings.json", {"_meta": {"1": {"schema": 2}}, "records": {}})
    with pytest.raises(StorageError) as refused:
        Store.open(data_dir, NOW)
    assert "untouched" in refused.value.message


def test_four_threads_saving_at_once_lose_nothing(store):
    def save_many(worker):
        for number in range(300):
            store.put(MONTH, record(worker=worker, number=number))

    threads = [threading.Thread(target=save_many, args=(worker,)) for worker in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    saved = store.documents(MONTH)
    assert len(saved) == 1200
    assert {(d["worker"], d["number"]) for d in saved} == {(w, n) for w in range(4) for n in range(300)}
    if store.data_dir is not None:
        store.close()
        reopened = Store.open(store.data_dir, NOW)
        assert len(reopened.documents(MONTH)) == 1200


def test_settings_round_trip_and_defaults(store):
    assert load_settings(store) == Settings()
    chosen = Settings(theme="dark", day_starts_at=3, country="GB", show_streaks=False)
    save_settings(store, chosen, NOW)
    assert load_settings(store) == chosen
    assert store.get("settings", "settings")["created"] == stamp(NOW)


def test_settings_refuse_values_they_cannot_use(store):
    with pytest.raises(ValueError, match="theme"):
        save_settings(store, Settings(theme="purple"), NOW)
    with pytest.raises(ValueError, match="4 am"):
        save_settings(store, Settings(day_starts_at=7), NOW)
    store.put("settings", with_times({"id": "settings", "theme": "neon", "day_starts_at": 2}, NOW))
    assert load_settings(store) == Settings(day_starts_at=2)


operations = st.lists(st.tuples(st.sampled_from(["put", "remove"]), st.integers(0, 5), st.integers(0, 9)),
                      max_size=30)


@hypothesis_settings(max_examples=40, deadline=None)
@given(steps=operations)
def test_the_store_behaves_like_a_dict(steps):
    opened, model = Store.open(None, NOW), {}
    for action, key, value in steps:
        record_id = f"r{key}"
        if action == "put":
            model[record_id] = with_times({"id": record_id, "value": value}, NOW)
            opened.put(MONTH, model[record_id])
        else:
            assert opened.remove(MONTH, record_id) == (model.pop(record_id, None) is not None)
    assert {d["id"]: d for d in opened.documents(MONTH)} == model
    assert opened.names("checkins/") == ([MONTH] if any(action == "put" for action, *_ in steps) else [])
