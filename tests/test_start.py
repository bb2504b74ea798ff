"""Tend always starts, so Get help now always works: from a read-only folder (opened for reading, saying so), on a
full disk at the first start of the day (the backup fails, kindly), and from a folder it can't open at all."""

import errno
import json
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
from datetime import timedelta
from pathlib import Path

import pytest
from storage_fixtures import NOW, data_dir  # noqa: F401 (fixture)

import main
from storage.errors import StorageError
from storage.people.model import document_from_person, new_person
from storage.store import durable, journal
from storage.store.persistence import Store

PROJECT = Path(__file__).resolve().parent.parent
FULL = ("Your device is full, so Tend could not save this. Everything saved before is safe. "
        "Free some space and try again.")


def clock():
    return NOW


def person(name: str) -> dict:
    return document_from_person(new_person(NOW, name=name, phones=("020 7946 0958",)))


def snapshot(folder: Path) -> dict:
    return {path: (path.read_bytes(), path.stat().st_mtime_ns) for path in sorted(folder.rglob("*")) if path.is_file()}


def read_only_message(data_dir) -> str:
    return (f"Tend can't save changes in {data_dir} right now: the folder can't be written to. Everything saved "
            "before is safe. You can still look at everything and use Get help now.")


def lived_in_folder(data_dir) -> None:
    """A folder as a day of use leaves it: files, a change still only in the journal (killed), a person who fails
    the rules, a month that can't be read."""
    first = Store.open(data_dir, NOW)
    first.put_many("people", [person("Sam"), {**person("Jo"), "name": ""}])
    first.close()
    killed = Store.open(data_dir, NOW)
    killed.put("people", person("Ana"))
    del killed
    (data_dir / "checkins").mkdir()
    (data_dir / "checkins" / "2026-10.json").write_bytes(b'{"records": {')


def refusing_writes_in(folder: Path, error_number: int):
    """os.open as on a read-only mount (EROFS) or a folder that isn't ours (EACCES): reading works, writing doesn't."""
    real_open = os.open

    def opened(path, flags, *args, **kwargs):
        writing = flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND)
        if writing and Path(path).resolve().is_relative_to(folder.resolve()):
            raise OSError(error_number, os.strerror(error_number), str(path))
        return real_open(path, flags, *args, **kwargs)

    return opened


@pytest.mark.parametrize("error_number", [errno.EROFS, errno.EACCES])
def test_a_read_only_folder_opens_for_reading_says_so_and_changes_nothing(data_dir, monkeypatch, error_number):
    lived_in_folder(data_dir)
    before = snapshot(data_dir)
    monkeypatch.setattr(os, "open", refusing_writes_in(data_dir, error_number))

    store = main.open_store(data_dir, clock)

    assert store.read_only == read_only_message(data_dir)
    assert sorted(doc["name"] for doc in store.documents("people")) == ["Ana", "Sam"]  # Ana from the journal
    assert store.documents("checkins/2026-10") == []
    with pytest.raises(StorageError) as refused:
        store.put("people", person("Kim"))
    assert refused.value.message == read_only_message(data_dir)
    notes = "\n".join(store.recovery_notes)
    assert "could not use one entry in your saved list of people" in notes and "until Tend can save again" in notes
    assert "can't repair it while its folder can't be written to" in notes
    store.close()
    assert snapshot(data_dir) == before


def test_a_full_disk_at_the_first_start_of_the_day_is_told_and_tend_starts(data_dir, monkeypatch):
    lived_in_folder(data_dir)
    monkeypatch.setattr(durable.os, "fsync", failing(errno.ENOSPC))

    store = main.open_store(data_dir, clock)
    notice = store.read_only or main.daily_backup_problem(store, NOW)

    assert notice == f"Tend could not make today's backup. {FULL}"
    assert sorted(doc["name"] for doc in store.documents("people")) == ["Ana", "Sam"]
    with pytest.raises(StorageError, match="Your device is full"):
        store.put("people", person("Kim"))
    monkeypatch.undo()
    store.put("people", person("Kim"))  # once there is room again, saving simply works
    assert main.daily_backup_problem(store, NOW + timedelta(days=1)) is None


def test_any_failure_of_the_daily_backup_is_told_in_plain_words(data_dir, monkeypatch):
    store = Store.open(data_dir, NOW)
    store.put("people", person("Sam"))
    monkeypatch.setattr(store, "back_up_if_due", failing(errno.EROFS))
    assert main.daily_backup_problem(store, NOW) == (
        f"Tend could not make today's backup. Tend's data folder can't be written to ({data_dir}). "
        "Everything saved before is safe.")


def failing(error_number):
    def fail(*args, **kwargs):
        raise OSError(error_number, os.strerror(error_number))
    return fail


def test_a_folder_that_cannot_be_opened_at_all_gives_a_tend_that_can_still_help(tmp_path):
    not_a_folder = tmp_path / "data"
    not_a_folder.write_text("a file where the folder should be")

    store = main.open_store(not_a_folder, clock)

    assert store.read_only.startswith(f"Tend can't open your data in {not_a_folder} right now. ")
    assert store.read_only.endswith(" You can still use Get help now.")
    with pytest.raises(StorageError):
        store.put("people", person("Sam"))
    assert not_a_folder.read_text() == "a file where the folder should be"


def test_settings_from_a_newer_tend_still_let_tend_start(data_dir):
    data_dir.mkdir()
    (data_dir / "settings.json").write_text(json.dumps({"_meta": {"1": {"schema": 99}}, "records": {}}))
    store = main.open_store(data_dir, clock)
    assert "came from a newer version of Tend" in store.read_only


NOBODY = 65534
AS_NOBODY = textwrap.dedent("""
    import json, sys
    from datetime import datetime, timezone
    from pathlib import Path
    import main
    from storage.errors import StorageError
    now = datetime(2026, 11, 23, 9, tzinfo=timezone.utc)
    store = main.open_store(Path(sys.argv[1]), lambda: now)
    notice = store.read_only or main.daily_backup_problem(store, now)
    try:
        store.put("people", {"id": "k", "name": "Kim", "created": "c", "updated": "c"})
        refused = None
    except StorageError as error:
        refused = error.message
    print(json.dumps({"notice": notice, "people": sorted(d["name"] for d in store.documents("people")),
                      "refused": refused}))
    store.close()
""")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0 or shutil.which("setpriv") is None,
                    reason="needs root to run Tend as another user (setpriv)")
def test_a_folder_made_read_only_for_its_owner_really_opens_read_only():
    """The same as the simulated case, for real: chmod 0500 stops writes only for someone who isn't root."""
    parent = Path(tempfile.mkdtemp(prefix="tend-read-only-"))
    try:
        parent.chmod(0o755)
        data_dir = parent / "data"
        lived_in_folder(data_dir)
        for path in [data_dir, *data_dir.rglob("*")]:
            os.chown(path, NOBODY, NOBODY)
        data_dir.chmod(0o500)
        before = snapshot(data_dir)

        ran = subprocess.run(
            ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups",
             sys.executable, "-c", AS_NOBODY, str(data_dir)],
            cwd=PROJECT, env={**os.environ, "HOME": str(parent)}, capture_output=True, text=True, timeout=120)

        assert ran.returncode == 0, ran.stderr
        seen = json.loads(ran.stdout.splitlines()[-1])
        assert seen == {"notice": read_only_message(data_dir), "people": ["Ana", "Sam"],
                        "refused": read_only_message(data_dir)}
        assert snapshot(data_dir) == before
        assert journal.changes_in(journal.path_in(data_dir))  # Ana's change is still waiting, untouched
    finally:
        shutil.rmtree(parent)
