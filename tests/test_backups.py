"""Backups hold the data and nothing that would open the app lock, and making one never holds saves up."""

import threading
import zipfile
from datetime import timedelta

from storage_fixtures import NOW, data_dir, record  # noqa: F401 (fixture)

from storage.app_lock import AppLock, PinTry
from storage.store import backups
from storage.store.logs import FILE_NAME as LOG_FILE
from storage.store.logs import FOLDER_NAME as LOG_FOLDER
from storage.store.persistence import Store
from storage.your_data.exchange import export_text


def names_in(backup) -> list[str]:
    with zipfile.ZipFile(backup) as archive:
        return sorted(archive.namelist())


def locked_store_with_a_log(data_dir) -> Store:
    opened = Store.open(data_dir, NOW - timedelta(days=1))
    opened.put("people", record(name="Sam"))
    opened.put("checkins/2026-11", record(mood=4))
    AppLock(opened).set_pin("2580", NOW)
    (data_dir / LOG_FOLDER).mkdir()
    (data_dir / LOG_FOLDER / LOG_FILE).write_text("2026-11-23 09:15:02 INFO tend: started\n")
    (data_dir / LOG_FOLDER / "settings.json").write_text("{}")  # a .json in logs/ is still not data
    return opened


def test_no_backup_holds_the_app_lock_or_the_log(data_dir):
    opened = locked_store_with_a_log(data_dir)

    daily = opened.back_up_if_due(NOW)
    now = opened.back_up_now(NOW + timedelta(hours=1))
    before_restore = opened.restore_backup(now, NOW + timedelta(hours=2))

    for backup in (daily, now, before_restore):
        assert names_in(backup) == ["checkins/2026-11.json", "people.json"], backup.name
    assert AppLock(opened).try_pin("2580", NOW) is PinTry.OPENED  # the lock itself is still there, on this device only


def test_an_export_holds_no_app_lock_and_no_log(data_dir):
    opened = locked_store_with_a_log(data_dir)

    text = export_text(opened, NOW)

    assert '"lock"' not in text and LOG_FOLDER not in text and "started" not in text


def test_saves_go_on_while_a_backup_is_zipped_and_are_kept(data_dir, monkeypatch):
    opened = Store.open(data_dir, NOW)
    sam, ana = record(name="Sam"), record(name="Ana")
    opened.put("people", sam)
    saved_while_zipping = []
    zipped = backups.zipped

    def zip_while_someone_saves(files):
        saver = threading.Thread(target=opened.put, args=("people", ana))
        saver.start()
        saver.join(timeout=10)  # a bound for a failure only: the save waits for nothing when it works
        saved_while_zipping.append(not saver.is_alive())
        result = zipped(files)
        saver.join()
        return result

    monkeypatch.setattr(backups, "zipped", zip_while_someone_saves)
    backup = opened.back_up_now(NOW)

    assert saved_while_zipping == [True]
    assert [doc["name"] for doc in opened.documents("people")] == ["Sam", "Ana"]
    opened.close()
    assert [doc["name"] for doc in Store.open(data_dir, NOW).documents("people")] == ["Sam", "Ana"]
    assert b"Ana" not in zipfile.ZipFile(backup).read("people.json")  # it came after the copy was taken
