"""Nothing saved is lost when a file is damaged, the disk is full or the folder is read-only."""

import errno
import json
import os
from datetime import timedelta

import pytest
from storage_fixtures import NOW, data_dir, record, store, write_json  # noqa: F401 (fixtures)

from storage.errors import StorageError
from storage.store import backups, durable
from storage.store.persistence import Store

FULL = ("Your device is full, so Tend could not save this. Everything saved before is safe. "
        "Free some space and try again.")
GARBAGE = b'{"_meta": {"1": {"schema": 1}}, "records": {"a": {"id": "a"}}}}} trailing bytes'


def saved_store(data_dir, name, count=2):
    opened = Store.open(data_dir, NOW)
    docs = [record(number=n) for n in range(count)]
    for doc in docs:
        opened.put(name, doc)
    return opened, docs


def test_a_damaged_file_is_set_aside_and_the_newest_good_backup_restored(data_dir):
    opened, older = saved_store(data_dir, "people")
    opened.back_up_now(NOW - timedelta(days=2))
    newer = record(number=9)
    opened.put("people", newer)
    opened.back_up_now(NOW - timedelta(days=1))
    opened.close()
    people = data_dir / "people.json"
    people.write_bytes(GARBAGE)
    opened.back_up_now(NOW)  # today's backup caught the damage: it must be skipped

    reopened = Store.open(data_dir, NOW)
    assert reopened.recovery_notes == []  # people are read on first use
    assert reopened.documents("people") == [*older, newer]

    [aside] = (data_dir / "damaged").iterdir()
    assert aside.read_bytes() == GARBAGE
    [note] = reopened.recovery_notes
    assert "could not read your saved list of people" in note
    assert "backup of 22 November 2026" in note
    assert str(aside) in note and "not deleted" in note
    assert json.loads(people.read_text())["records"][newer["id"]] == newer


def test_without_a_backup_the_file_starts_empty_and_the_damaged_one_is_kept(data_dir):
    opened, _ = saved_store(data_dir, "checkins/2026-11")
    opened.close()
    month = data_dir / "checkins" / "2026-11.json"
    month.write_bytes(b"[1, 2, 3]")  # valid JSON, wrong shape

    reopened = Store.open(data_dir, NOW, clock=lambda: NOW)
    assert reopened.documents("checkins/2026-11") == []
    [aside] = (data_dir / "damaged").iterdir()
    assert aside.name == "checkins-2026-11-20261123-091502.json"
    assert aside.read_bytes() == b"[1, 2, 3]"
    [note] = reopened.recovery_notes
    assert "check-ins from November 2026" in note and "started this part fresh" in note and str(aside) in note

    fresh = record()
    reopened.put("checkins/2026-11", fresh)
    del reopened  # killed
    assert Store.open(data_dir, NOW).documents("checkins/2026-11") == [fresh]


def test_damaged_settings_are_recovered_when_the_store_opens(data_dir):
    write_json(data_dir / "settings.json", {"_meta": {"1": {"schema": "one"}}, "records": {}})
    opened = Store.open(data_dir, NOW)
    assert len(opened.recovery_notes) == 1 and "settings" in opened.recovery_notes[0]


def test_the_same_file_damaged_twice_keeps_both_copies(data_dir):
    for content in (b"first", b"second"):
        (data_dir / "people.json").parent.mkdir(parents=True, exist_ok=True)
        (data_dir / "people.json").write_bytes(content)
        Store.open(data_dir, NOW).documents("people")
    assert sorted(p.read_bytes() for p in (data_dir / "damaged").iterdir()) == [b"first", b"second"]


def failing(error_number):
    def fail(*args, **kwargs):
        raise OSError(error_number, os.strerror(error_number))
    return fail


def test_a_full_disk_loses_nothing_and_says_so_plainly(store, monkeypatch):
    kept = record(mood=4)
    store.put("people", kept)
    if store.data_dir is None:
        pytest.skip("the memory store never touches a disk")
    before = files_in(store.data_dir)
    monkeypatch.setattr(durable.os, "fsync", failing(errno.ENOSPC))

    with pytest.raises(StorageError) as full:
        store.put("people", record(mood=1))
    with pytest.raises(StorageError):
        store.remove("people", kept["id"])

    assert full.value.message == FULL
    assert store.documents("people") == [kept]  # memory still equals the disk
    assert files_in(store.data_dir) == before  # the journal's half-written change was cut off again
    assert not any(p.name.endswith(".tmp") for p in store.data_dir.iterdir())
    monkeypatch.undo()
    store.close()
    assert Store.open(store.data_dir, NOW).documents("people") == [kept]


def files_in(folder) -> dict:
    return {path: path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.mark.parametrize("error_number", [errno.EACCES, errno.EROFS, errno.EPERM])
def test_a_folder_that_cannot_be_written_loses_nothing(data_dir, monkeypatch, error_number):
    opened, docs = saved_store(data_dir, "people")
    monkeypatch.setattr(durable.os, "write", failing(error_number))

    with pytest.raises(StorageError) as refused:
        opened.put("people", record())
    assert refused.value.message == (
        f"Tend's data folder can't be written to ({data_dir}). Everything saved before is safe.")
    assert opened.documents("people") == docs
    assert not any(p.name.endswith(".tmp") for p in data_dir.iterdir())
    monkeypatch.undo()
    opened.close()
    assert Store.open(data_dir, NOW).documents("people") == docs


def test_files_that_cannot_catch_up_with_the_journal_lose_nothing(data_dir, monkeypatch):
    opened, docs = saved_store(data_dir, "people")
    monkeypatch.setattr(durable.os, "replace", failing(errno.ENOSPC))
    opened.close()  # the checkpoint is refused; the journal keeps every change
    monkeypatch.undo()
    assert not (data_dir / "people.json").exists()
    assert Store.open(data_dir, NOW).documents("people") == docs
    assert (data_dir / "people.json").exists()  # the next start wrote the file


def test_a_read_only_folder_can_still_be_read(data_dir):
    opened, docs = saved_store(data_dir, "people")
    opened.close()
    data_dir.chmod(0o500)
    try:
        if os.access(data_dir, os.W_OK):
            pytest.skip("running as a user who can write anyway (root); the monkeypatched tests cover this")
        reopened = Store.open(data_dir, NOW)
        assert reopened.documents("people") == docs
        with pytest.raises(StorageError, match="can't be written to"):
            reopened.put("people", record())
        assert reopened.documents("people") == docs
    finally:
        data_dir.chmod(0o700)


def test_other_write_failures_still_reassure(data_dir, monkeypatch):
    opened, docs = saved_store(data_dir, "people")
    monkeypatch.setattr(durable.os, "fsync", failing(errno.EIO))
    with pytest.raises(StorageError, match="Everything saved before is safe"):
        opened.put("people", record())
    assert opened.documents("people") == docs


def test_replacing_is_retried_while_another_program_holds_the_file(tmp_path, monkeypatch):
    target, attempts, pauses = tmp_path / "x.json", [], []
    real_replace = os.replace

    def busy_twice(source, destination):
        attempts.append(source)
        if len(attempts) <= 2:
            raise PermissionError(errno.EACCES, "in use")
        real_replace(source, destination)

    source = tmp_path / "source"
    source.write_bytes(b"new")
    monkeypatch.setattr(durable.os, "replace", busy_twice)
    durable.replace_with_retries(source, target, attempts=5, pause=pauses.append)
    assert target.read_bytes() == b"new" and len(attempts) == 3 and len(pauses) == 2


def test_files_are_private_to_their_owner(data_dir):
    opened, _ = saved_store(data_dir, "checkins/2026-11")
    opened.back_up_now(NOW)
    for path in [data_dir / "checkins" / "2026-11.json", *backups.backups_folder(data_dir).iterdir()]:
        assert path.stat().st_mode & 0o777 == 0o600


def test_backups_are_made_at_most_once_a_day_and_only_fourteen_kept(data_dir):
    opened, _ = saved_store(data_dir, "people")
    assert opened.back_up_if_due(NOW) is not None
    assert opened.back_up_if_due(NOW + timedelta(hours=2)) is None
    for day in range(1, 20):
        opened.put("people", record())
        opened.back_up_if_due(NOW + timedelta(days=day))

    found = backups.list_backups(data_dir)
    assert len(found) == 14
    assert [info.day for info in found] == [(NOW + timedelta(days=d)).date() for d in range(19, 5, -1)]
    assert all(info.size_bytes == info.path.stat().st_size > 0 for info in found)
    assert found[0].size_bytes > found[-1].size_bytes  # newer backups hold more people


def test_a_memory_store_makes_no_backups():
    memory = Store.open(None, NOW)
    memory.put("people", record())
    assert memory.back_up_if_due(NOW) is None and memory.back_up_now(NOW) is None


def test_a_backup_gives_back_a_readable_copy_of_one_file(data_dir):
    opened, docs = saved_store(data_dir, "checkins/2026-11")
    opened.back_up_now(NOW)
    _backup, copy = backups.newest_readable_copy(data_dir, "checkins/2026-11.json")
    assert list(json.loads(copy)["records"].values()) == docs
    assert backups.newest_readable_copy(data_dir, "people.json") is None


def test_temp_files_left_by_a_crash_are_cleared_by_daily_upkeep(data_dir):
    opened, _ = saved_store(data_dir, "people")
    left = data_dir / ".people.json.dead.tmp"
    left.write_bytes(b"half")
    os.utime(left, (0, 0))
    opened.back_up_if_due(NOW)
    assert not left.exists()
    assert opened.names("") == ["people"]
