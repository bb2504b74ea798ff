"""Every file Tend writes is readable by its owner only: also the backup made just before an import, the one made
before a restore, the app lock and the journal (test_store and test_recovery cover the data files and the daily backup)."""

import json
import os
from datetime import timedelta

import pytest
from storage_fixtures import NOW, data_dir, record  # noqa: F401 (fixture)

from storage.app_lock import AppLock
from storage.records import stamp
from storage.store import backups, journal
from storage.store.persistence import Store
from storage.your_data.exchange import exported, import_tend_export

pytestmark = pytest.mark.skipif(os.name == "nt", reason="Windows has no owner-only mode bits")


def mode(path) -> int:
    return path.stat().st_mode & 0o777


def test_backups_before_an_import_and_a_restore_and_the_lock_file_are_owner_only(data_dir):
    opened = Store.open(data_dir, NOW)
    opened.put("people", record(name="Sam"))
    AppLock(opened).set_pin("739164", NOW)
    export = exported(opened, NOW)
    (sam,) = export["files"]["people"]
    export["files"]["people"] = [{**sam, "name": "Sam Jones", "updated": stamp(NOW + timedelta(hours=1))}]

    assert import_tend_export(opened, json.dumps(export), NOW).updated == 1
    (before_import,) = backups.list_backups(data_dir)
    opened.restore_backup(before_import.path, NOW)
    made = backups.list_backups(data_dir)

    assert [info.before_restore for info in made] == [True, False]
    for path in [*(info.path for info in made), data_dir / "lock.json", data_dir / "people.json", journal.path_in(data_dir)]:
        assert mode(path) == 0o600, path
    assert mode(backups.backups_folder(data_dir)) == 0o700
