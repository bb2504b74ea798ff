"""Restoring a backup: the data becomes the backup's, the state before is backed up, and the open store sees it."""

import zipfile
from datetime import timedelta

import pytest
from storage_fixtures import NOW, data_dir, record  # noqa: F401 (fixture)

from storage.app_lock import AppLock, PinTry
from storage.errors import StorageError
from storage.store import backups
from storage.store.persistence import Store
from storage.your_data.exchange import exported

YESTERDAY = NOW - timedelta(days=1)


def snapshot(store) -> dict:
    return exported(store, NOW)["files"]


def with_people(data_dir) -> Store:
    opened = Store.open(data_dir, YESTERDAY)
    opened.put_many("people", [record(name="Sam"), record(name="Ana")])
    opened.put("checkins/2026-11", record(mood=4, at="2026-11-22T08:00:00+00:00"))
    return opened


def changed(opened: Store) -> None:
    """Edits after a backup: one record changed, one removed, a new month file, a new file."""
    sam, ana = opened.documents("people")
    opened.put("people", {**sam, "name": "Sam Jones"})
    opened.remove("people", ana["id"])
    opened.put("checkins/2026-12", record(mood=2, at="2026-12-01T08:00:00+00:00"))
    opened.put("contacts", record(person=sam["id"]))


def test_the_open_store_serves_exactly_the_backups_data_after_a_restore(data_dir):
    opened = with_people(data_dir)
    backed_up = snapshot(opened)
    backup = opened.back_up_now(YESTERDAY)
    changed(opened)

    opened.restore_backup(backup, NOW)

    assert snapshot(opened) == backed_up
    assert backups.data_files(data_dir) == ["checkins/2026-11.json", "people.json"]  # files added since are gone
    assert opened.names("checkins/") == ["checkins/2026-11"] and "contacts" not in opened.names("")


def test_a_change_after_a_restore_is_kept(data_dir):
    opened = with_people(data_dir)
    backup = opened.back_up_now(YESTERDAY)
    changed(opened)
    opened.restore_backup(backup, NOW)

    later = record(name="Dee")
    opened.put("people", later)  # a store still holding the old file would lose this, or bring the old data back
    opened.close()

    reopened = Store.open(data_dir, NOW)
    assert [doc["name"] for doc in reopened.documents("people")] == ["Sam", "Ana", "Dee"]


def test_the_state_before_the_restore_is_backed_up_and_restoring_that_undoes_the_restore(data_dir):
    opened = with_people(data_dir)
    backup = opened.back_up_now(YESTERDAY)
    changed(opened)
    before = snapshot(opened)

    safety_copy = opened.restore_backup(backup, NOW)

    assert safety_copy.name == "tend-2026-11-23-before-restore-091502.zip"
    [newest, oldest] = backups.list_backups(data_dir)
    assert (newest.path, newest.day, newest.before_restore) == (safety_copy, NOW.date(), True)
    assert (oldest.path, oldest.before_restore) == (backup, False)

    opened.restore_backup(safety_copy, NOW + timedelta(minutes=1))
    assert snapshot(opened) == before


def test_restoring_todays_backup_works_although_the_state_before_is_backed_up_first(data_dir):
    opened = with_people(data_dir)
    todays = opened.back_up_now(NOW)
    backed_up = snapshot(opened)
    changed(opened)

    opened.restore_backup(todays, NOW)

    assert snapshot(opened) == backed_up
    assert {info.path for info in backups.list_backups(data_dir)} == {
        todays, backups.backups_folder(data_dir) / "tend-2026-11-23-before-restore-091502.zip"}


def test_restoring_the_same_backup_twice_in_one_second_keeps_the_state_before(data_dir):
    opened = with_people(data_dir)
    backup = opened.back_up_now(YESTERDAY)
    changed(opened)
    before = snapshot(opened)
    safety_copy = opened.restore_backup(backup, NOW)

    opened.restore_backup(safety_copy, NOW)  # it is read before the state it restores over is backed up

    assert snapshot(opened) == before


def test_the_app_lock_is_not_part_of_a_restore(data_dir):
    opened = with_people(data_dir)
    backup = opened.back_up_now(YESTERDAY)
    AppLock(opened).set_pin("2580", NOW)

    opened.restore_backup(backup, NOW)

    assert AppLock(opened).is_on() and AppLock(opened).try_pin("2580", NOW) is PinTry.OPENED


def test_a_damaged_backup_is_refused_and_nothing_changes(data_dir):
    opened = with_people(data_dir)
    backup = opened.back_up_now(YESTERDAY)
    changed(opened)
    before = snapshot(opened)
    backup.write_bytes(backup.read_bytes()[:-30])

    with pytest.raises(StorageError, match="^This backup can't be read, so nothing was restored."):
        opened.restore_backup(backup, NOW)

    assert snapshot(opened) == before
    assert [info.path for info in backups.list_backups(data_dir)] == [backup]


def zip_holding(path, files: dict[str, str]):
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    return path


def test_a_backup_with_a_data_file_that_is_not_json_is_refused(data_dir):
    opened = with_people(data_dir)
    before = snapshot(opened)
    crafted = zip_holding(data_dir.parent / "crafted.zip", {"people.json": '{"_meta": {}, "records": {'})

    with pytest.raises(StorageError, match="nothing was restored"):
        opened.restore_backup(crafted, NOW)

    assert snapshot(opened) == before


def test_only_files_tend_keeps_data_in_are_restored_or_removed(data_dir):
    opened = with_people(data_dir)
    stray = data_dir / "Notes from my therapist.json"
    stray.write_text("[]")
    backup = opened.back_up_now(YESTERDAY)
    crafted = zip_holding(data_dir.parent / "crafted.zip", {
        **{name: data.decode() for name, data in backups.backup_contents(backup).items()},
        "../outside.json": "{}", "backups/tend-2026-11-22.zip.json": "{}", "people.txt": "{}"})

    opened.restore_backup(crafted, NOW)

    assert [doc["name"] for doc in opened.documents("people")] == ["Sam", "Ana"]
    assert stray.read_text() == "[]"
    assert not (data_dir.parent / "outside.json").exists() and not (data_dir / "people.txt").exists()


def test_copies_made_before_restores_are_pruned_like_daily_backups(data_dir):
    opened = with_people(data_dir)
    for days_ago in range(20, 0, -1):
        opened.back_up_now(NOW - timedelta(days=days_ago))

    safety_copy = opened.restore_backup(backups.list_backups(data_dir)[0].path, NOW)

    kept = backups.list_backups(data_dir)
    assert len(kept) == backups.KEEP
    assert kept[0].path == safety_copy
    assert kept[-1].day == (NOW - timedelta(days=backups.KEEP - 1)).date()


def test_a_restore_today_does_not_stand_in_for_todays_daily_backup(data_dir):
    opened = with_people(data_dir)
    backup = opened.back_up_now(YESTERDAY)
    opened.restore_backup(backup, NOW)

    assert opened.back_up_if_due(NOW + timedelta(hours=1)) == backups.backups_folder(data_dir) / "tend-2026-11-23.zip"


def test_a_memory_only_store_has_nothing_to_restore(tmp_path):
    with pytest.raises(StorageError, match="no backups to restore"):
        Store.open(None, NOW).restore_backup(tmp_path / "tend-2026-11-22.zip", NOW)


# A restore cut short (Tend killed, or the device refusing halfway) is finished or undone, and told.

class Killed(BaseException):
    """A kill, as seen from inside: nothing after it runs."""


def killed_at_the_first_removal(monkeypatch) -> None:
    """By then the backup's files are written but the files it doesn't have are still there: a mix of both."""
    def kill(path):
        raise Killed

    monkeypatch.setattr(backups, "_remove", kill)


def restore_killed_halfway(data_dir, monkeypatch):
    """A store whose restore of yesterday's backup was killed halfway; returns the data of the backup and before."""
    opened = with_people(data_dir)
    backup = opened.back_up_now(YESTERDAY)
    backed_up = snapshot(opened)
    changed(opened)
    before = snapshot(opened)
    killed_at_the_first_removal(monkeypatch)
    with pytest.raises(Killed):
        opened.restore_backup(backup, NOW)
    monkeypatch.undo()
    people = (data_dir / "people.json").read_text()
    assert "Ana" in people and "Sam Jones" not in people and (data_dir / "contacts.json").exists()  # a mix
    return backup, backed_up, before


def test_a_restore_killed_halfway_is_finished_at_the_next_start_and_told(data_dir, monkeypatch):
    backup, backed_up, _ = restore_killed_halfway(data_dir, monkeypatch)

    reopened = Store.open(data_dir, NOW)

    assert reopened.recovery_notes == ["Tend was closed while restoring your backup from 22 November 2026; it "
                                       "finished the restore now, so your data is as it was in that backup."]
    assert snapshot(reopened) == backed_up
    reopened.close()
    assert Store.open(data_dir, NOW).recovery_notes == []  # told once


def test_a_restore_killed_halfway_whose_backup_changed_since_is_undone_and_told(data_dir, monkeypatch):
    backup, _, before = restore_killed_halfway(data_dir, monkeypatch)
    backup.write_bytes(b"damaged meanwhile")

    reopened = Store.open(data_dir, NOW)

    assert reopened.recovery_notes == [
        "Tend was closed while restoring your backup from 22 November 2026, and that backup can't be read as it was "
        "any more, so Tend put back your data as it was before the restore: nothing was changed."]
    assert snapshot(reopened) == before


def test_a_restore_the_device_refuses_halfway_is_undone_at_once(data_dir, monkeypatch):
    opened = with_people(data_dir)
    backup = opened.back_up_now(YESTERDAY)
    changed(opened)
    before = snapshot(opened)
    write = backups.write_atomically
    refusals = []

    def full_once(path, data):
        if path.name == "people.json" and not refusals:
            refusals.append(path)
            raise StorageError("Your device is full.")
        write(path, data)

    monkeypatch.setattr(backups, "write_atomically", full_once)
    with pytest.raises(StorageError, match="^Your device is full.$"):
        opened.restore_backup(backup, NOW)

    assert snapshot(opened) == before
    opened.close()
    assert Store.open(data_dir, NOW).recovery_notes == []  # nothing left to finish
