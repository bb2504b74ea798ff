"""One Tend per data folder: a second one is refused in one line and writes nothing, and the journal is appended
to so that no writer can overwrite another's lines."""

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from storage_fixtures import NOW, data_dir, record  # noqa: F401 (fixture)

from storage.store import journal
from storage.store.ownership import FolderInUse
from storage.store.persistence import Store

PROJECT = Path(__file__).resolve().parent.parent


def snapshot(folder: Path) -> dict:
    """Every file under `folder` with its bytes and modification time: what "wrote nothing" is checked against."""
    return {path: (path.read_bytes(), path.stat().st_mtime_ns) for path in sorted(folder.rglob("*")) if path.is_file()}


def test_a_second_store_on_the_same_folder_is_refused_and_writes_nothing(data_dir):
    first = Store.open(data_dir, NOW)
    sam = record(name="Sam")
    first.put("people", sam)
    before = snapshot(data_dir)

    with pytest.raises(FolderInUse) as refused:
        Store.open(data_dir, NOW)

    assert refused.value.message.startswith(f"Tend is already open on this data folder ({data_dir})")
    assert "\n" not in refused.value.message
    assert snapshot(data_dir) == before
    first.put("people", record(name="Ana"))  # the first goes on as if nothing happened
    first.close()
    assert [doc["name"] for doc in Store.open(data_dir, NOW).documents("people")] == ["Sam", "Ana"]


def test_once_the_first_closes_the_folder_is_free_again(data_dir):
    Store.open(data_dir, NOW).close()
    Store.open(data_dir, NOW).close()


def test_a_second_tend_started_from_the_command_line_says_where_the_first_is_and_writes_nothing(data_dir):
    first = Store.open(data_dir, NOW)
    first.put("people", record(name="Sam"))
    first.announce("http://127.0.0.1:8551")
    before = snapshot(data_dir)

    second = subprocess.run([sys.executable, "main.py", "--web", "--port", "8552", "--data-dir", str(data_dir)],
                            cwd=PROJECT, capture_output=True, text=True, timeout=120)

    assert second.returncode == 1
    assert second.stdout == ""
    assert second.stderr.splitlines() == [
        f"Tend is already open on this data folder ({data_dir}), at http://127.0.0.1:8551. "
        "Please use that one; this one stopped without changing anything."]
    assert snapshot(data_dir) == before
    first.close()


WRITER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from storage.store import journal
    log = journal.Journal(Path(sys.argv[1]))
    for number in range(int(sys.argv[3])):
        log.append(journal.put("people", {f"{sys.argv[2]}-{number}": {"id": f"{sys.argv[2]}-{number}"}}))
""")


def test_two_writers_appending_at_once_keep_every_line(data_dir):
    """What two Tends on one folder did before the lock (74 of 6,000 lines lost): the journal itself must never
    let one writer's line land on another's."""
    data_dir.mkdir()
    path = journal.path_in(data_dir)
    count = 1500
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, str(path), name, str(count)], cwd=PROJECT)
               for name in ("a", "b")]
    for writer in writers:
        assert writer.wait(timeout=120) == 0

    written = [record_id for change in journal.changes_in(path) for record_id in change["put"]]
    assert sorted(written) == sorted(f"{name}-{number}" for name in ("a", "b") for number in range(count))


def test_the_lock_goes_with_a_process_that_was_killed(data_dir):
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from pathlib import Path; from storage.store.persistence import Store; "
                               "from datetime import datetime, timezone; "
                               "held = Store.open(Path(sys.argv[1]), datetime.now(timezone.utc)); print('open', flush=True); "
                               "time.sleep(60)", str(data_dir)],
        cwd=PROJECT, stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline() == "open\n"
    with pytest.raises(FolderInUse):
        Store.open(data_dir, NOW)
    holder.kill()
    holder.wait()
    Store.open(data_dir, NOW).close()


def test_the_address_of_a_tend_that_is_gone_is_not_told(data_dir):
    first = Store.open(data_dir, NOW)
    first.announce("http://127.0.0.1:8551")
    first.close()
    holder = Store.open(data_dir, NOW)
    with pytest.raises(FolderInUse) as refused:
        Store.open(data_dir, NOW)
    assert "8551" not in refused.value.message
    holder.close()
