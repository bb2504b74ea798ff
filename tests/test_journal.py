"""The journal: a save is one appended line on disk, the files catch up later, and a kill never loses a change.

tests/test_crash.py kills a real writer over and over; these cases pin down each rule on its own.
"""

import json

from storage_fixtures import NOW, data_dir, record  # noqa: F401 (fixture)

from storage.store import backups, journal
from storage.store.persistence import CHECKPOINT_BYTES, Store

PEOPLE = "people"


def journal_lines(data_dir) -> list[dict]:
    return journal.changes_in(journal.path_in(data_dir))


def test_a_save_is_in_the_journal_at_once_and_in_its_file_after_a_checkpoint(data_dir):
    opened = Store.open(data_dir, NOW)
    sam = record(name="Sam")
    opened.put(PEOPLE, sam)
    opened.remove(PEOPLE, sam["id"])
    ana = record(name="Ana")
    opened.put(PEOPLE, ana)

    assert journal_lines(data_dir) == [journal.put(PEOPLE, {sam["id"]: sam}), journal.removal(PEOPLE, sam["id"]),
                                       journal.put(PEOPLE, {ana["id"]: ana})]
    assert not (data_dir / "people.json").exists()  # the month or list file is not rewritten on every tap

    opened.close()
    assert journal_lines(data_dir) == [] and journal.path_in(data_dir).stat().st_size == 0
    assert list(json.loads((data_dir / "people.json").read_text())["records"].values()) == [ana]


def test_a_store_that_was_never_closed_gives_back_every_change_at_the_next_start(data_dir):
    killed = Store.open(data_dir, NOW)  # never closed: as if the app were killed right after these saves
    kept, dropped = record(name="Sam"), record(name="Ana")
    killed.put_many(PEOPLE, [kept, dropped])
    killed.remove(PEOPLE, dropped["id"])
    killed.put("checkins/2026-11", record(mood=2))

    left = journal.path_in(data_dir).read_bytes()
    del killed  # its process is gone, and with it the lock it held on the folder

    reopened = Store.open(data_dir, NOW)
    assert reopened.documents(PEOPLE) == [kept]
    assert len(reopened.documents("checkins/2026-11")) == 1
    assert journal_lines(data_dir) == []  # applied to the files when the store opened
    del reopened

    # A kill after the files were written but before the journal was emptied: applying it again changes nothing.
    journal.path_in(data_dir).write_bytes(left)
    again = Store.open(data_dir, NOW)
    assert again.documents(PEOPLE) == [kept] and len(again.documents("checkins/2026-11")) == 1


def test_a_change_cut_short_by_a_kill_is_skipped_and_the_next_one_is_kept(data_dir):
    opened = Store.open(data_dir, NOW)
    sam = record(name="Sam")
    opened.put(PEOPLE, sam)
    del opened  # killed
    path = journal.path_in(data_dir)
    whole = path.read_bytes()
    path.write_bytes(whole + whole[: len(whole) // 2])  # an append the kill stopped half way: never acknowledged

    Store.open(data_dir, NOW).close()  # reads the journal, skipping the broken change
    assert [doc["name"] for doc in Store.open(data_dir, NOW).documents(PEOPLE)] == ["Sam"]

    path.write_bytes(whole + whole[: len(whole) // 2])
    again, ana = Store.open(data_dir, NOW), record(name="Ana")
    again.put(PEOPLE, ana)  # appended after the broken bytes, on a line of its own
    del again
    assert [doc["name"] for doc in Store.open(data_dir, NOW).documents(PEOPLE)] == ["Sam", "Ana"]


def test_the_files_catch_up_once_the_journal_grows(data_dir):
    opened = Store.open(data_dir, NOW)
    note = "n" * 4000
    count = CHECKPOINT_BYTES // len(note) + 2
    for _ in range(count):
        opened.put("checkins/2026-11", record(note=note))

    on_disk = json.loads((data_dir / "checkins" / "2026-11.json").read_text())["records"]
    assert len(on_disk) + len(journal_lines(data_dir)) >= count
    assert journal.path_in(data_dir).stat().st_size < CHECKPOINT_BYTES


def test_a_backup_holds_the_changes_still_only_in_the_journal(data_dir):
    opened = Store.open(data_dir, NOW)
    sam = record(name="Sam")
    opened.put(PEOPLE, sam)
    backup = opened.back_up_now(NOW)
    assert list(json.loads(backups.backup_contents(backup)["people.json"])["records"].values()) == [sam]


def test_changes_to_one_file_are_applied_in_their_order(data_dir):
    killed = Store.open(data_dir, NOW)
    sam = record(name="Sam")
    killed.put(PEOPLE, sam)
    killed.put(PEOPLE, {**sam, "name": "Sam Jones"})
    killed.remove(PEOPLE, sam["id"])
    killed.put(PEOPLE, {**sam, "name": "Sam J."})  # back again after the removal
    del killed

    assert Store.open(data_dir, NOW).documents(PEOPLE) == [{**sam, "name": "Sam J."}]
