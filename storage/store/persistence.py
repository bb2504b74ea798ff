"""The data folder as a set of small TinyDB files, behind one lock. The only module that imports tinydb.

Why it looks like this:
- TinyDB reads and writes a whole file on every operation, so data is split
  into small files ("settings", "people", "checkins/2026-11"): a change
  re-encodes one month in memory, and a checkpoint rewrites only the files
  that changed, never years of history.
- Each file is read once and kept in memory as JSON text. Every change is
  first appended to the folder's journal (`storage.store.journal`), which is one
  small fsynced write, and memory only changes after that worked. The files
  themselves are rewritten with `write_atomically` at a checkpoint (when the
  journal has grown, before a backup or a restore, and at close), so a kill
  or a full disk never leaves a half-written file and never loses a change.
- One Tend per folder: the store takes the folder (`storage.store.ownership`)
  before it reads anything, since two processes each keeping memory of the
  same files would overwrite each other's saves.
- Flet 1.0.5 runs sync handlers on the asyncio loop thread, but Tend moves
  slow work (backups, restores, imports, exports) off the loop with
  `asyncio.to_thread`, so the store is reached from several threads, and
  TinyDB is not thread-safe: one lock guards every access.
- Nothing read can stop Tend: a record that fails the app's own rules (given
  as `record_problems`), or a journal line that can't be applied, is moved to
  `damaged/` and told in `recovery_notes`, and the rest loads. A folder that
  can't be written opens read-only (`read_only` says why) and refuses changes
  with that message.
- Callers get fresh copies, never live documents, so editing a returned value
  can't change the database behind its back.

File format (see `storage.store.migrations`):
    {"_meta": {"1": {"schema": 1}}, "records": {"<id>": {"id": "<id>", "created": ..., "updated": ..., ...}}}
"""

import json
import logging
import threading
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from pathlib import Path

from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Table

from storage.store import backups, intents, journal, layout, migrations, ownership, recovery
from storage.store.durable import FOLDER_MODE, message_for, write_atomically
from storage.errors import DamagedFile, StorageError

_EAGER = ("settings",)
CHECKPOINT_BYTES = 256 * 1024
"""Journal size past which the files catch up: a rare, slower save keeps replays at start short."""
RecordProblems = Callable[[str, dict], dict[str, str]]
"""(file name, record) → field → what is wrong with it; empty when the app can use the record."""
log = logging.getLogger("tend.storage")


def _encoded(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":"))


def _shape_problem(tables) -> str | None:
    """Why `tables` is not a Tend data file, or None if it is one."""
    if not isinstance(tables, dict):
        return "the file does not hold a JSON object"
    for table_name, table in tables.items():
        if not isinstance(table, dict) or not all(isinstance(doc, dict) for doc in table.values()):
            return f"table {table_name!r} is not a set of records"
    try:
        migrations.schema_of(tables)
    except (ValueError, AttributeError) as error:
        return str(error)
    return None


class MemoryFirstStorage(Storage):
    """A TinyDB storage that reads its file once and then serves it from memory.

    TinyDB's writes change memory only; `Store` has made them durable in the
    journal before, and `flush` brings the file up to date at a checkpoint.
    `path=None` keeps everything in memory only (the test fake). The file must
    not be changed by anyone else while it is open: this storage owns it.
    """

    def __init__(self, path: Path | None = None, empty: dict | None = None):
        self._path = path
        self._text = None
        self.lax = False
        """Whether the file holds NaN or Infinity, which Tend never writes: its records must be checked."""
        if path is not None:
            self._text, self.lax = self._file_text(path)
        self.saved = self._text is not None
        """Whether the data is durable somewhere: in its file, or in the journal."""
        self.dirty = False
        """Whether memory holds changes the file doesn't yet."""
        if self._text is None:
            self._text = _encoded(empty or {})

    @staticmethod
    def _file_text(path: Path) -> tuple[str | None, bool]:
        """The file's text (None if there is no file), and whether it holds NaN or Infinity."""
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return None, False
        except OSError as error:
            raise StorageError(f"Tend could not read its data file {path} ({error.strerror}).") from error
        constants = []
        try:
            text = raw.decode("utf-8")
            problem = _shape_problem(json.loads(text, parse_constant=lambda name: constants.append(name) or 0.0))
        except (ValueError, RecursionError) as error:  # bad UTF-8 or bad JSON
            raise DamagedFile(path, str(error)) from error
        if problem:
            raise DamagedFile(path, problem)
        return text, bool(constants)

    def read(self) -> dict:
        """A fresh copy of the data, so no caller can change the stored state by accident."""
        return json.loads(self._text)

    def write(self, data: dict) -> None:
        """Called by TinyDB once the change is in the journal: the file catches up at `flush`."""
        self._text = _encoded(data)
        self.saved = True
        self.dirty = self._path is not None

    def flush(self) -> None:
        """Bring the file up to date with memory, all or nothing."""
        if self.dirty:
            write_atomically(self._path, self._text.encode("utf-8"))
            self.dirty = False

    def save_now(self, data: dict) -> None:
        """Write `data` to the file at once, for changes the journal doesn't carry (migrations)."""
        if self._path is not None:
            write_atomically(self._path, _encoded(data).encode("utf-8"))
        self.write(data)
        self.dirty = False


class _RecordTable(Table):
    """Records keyed by their UUID string."""

    document_id_class = str

    def apply(self, changes: list[dict]) -> None:
        """Journal changes to this file, in order, in one read and one write of memory however many there are
        (TinyDB's own `upsert` would read and write twice for a single new record)."""

        def apply_all(table: dict) -> None:
            for change in changes:
                if "put" in change:
                    table.update(change["put"])
                else:
                    table.pop(change["remove"], None)

        self._update_table(apply_all)


class _FileDB(TinyDB):
    table_class = _RecordTable


def _checked_record(doc: dict) -> dict:
    if not isinstance(doc, dict):
        raise TypeError("a record must be a dict")
    if not isinstance(doc.get("id"), str) or not doc["id"]:
        raise ValueError("a record needs a string 'id' (use records.new_id())")
    if not isinstance(doc.get("created"), str) or not isinstance(doc.get("updated"), str):
        raise ValueError("a record needs 'created' and 'updated' stamps (use records.with_times())")
    return dict(doc)


def _local_now() -> datetime:
    return datetime.now().astimezone()


class Store:
    """Tend's data: named files of records with string ids. Safe to share between threads."""

    def __init__(self, data_dir: Path | None, clock: Callable[[], datetime], steps: Sequence[migrations.Migration],
                 owner: ownership.Ownership | None = None, record_problems: RecordProblems | None = None,
                 read_only: str | None = None):
        self._data_dir = data_dir
        self._clock = clock
        self._steps = tuple(steps)
        self._lock = threading.RLock()
        self._databases: dict[str, _FileDB] = {}
        self._journal = None if data_dir is None else journal.Journal(journal.path_in(data_dir))
        self._closed = False
        self._owner = owner
        self._record_problems = record_problems
        self._asides: list[recovery.SetAside] = []
        """Records and journal lines taken out of use, still to be copied into damaged/ (see _keep_asides)."""
        self.recovery_notes: list[str] = []
        self.read_only = read_only
        """Why this store refuses every change, in words for the person; None when it takes them."""

    @classmethod
    def open(cls, data_dir: Path | None, now: datetime, *, clock: Callable[[], datetime] = _local_now,
             migration_steps: Sequence[migrations.Migration] = migrations.STEPS,
             record_problems: RecordProblems | None = None, read_only: str | None = None) -> "Store":
        """Open the data folder (None: keep everything in memory). Only settings are read now; the rest on first use.

        FolderInUse if another Tend has the folder; nothing is read or written then. `record_problems` is the app's
        rules for a record: what fails them is set aside when its file is read. A folder that can't be written
        opens read-only; `read_only` makes a memory store refuse changes too (a Tend that could not open its data).
        """
        owner = None
        if data_dir is not None:
            data_dir = Path(data_dir)
            try:
                if not data_dir.is_dir():  # an existing read-only folder must still open for reading
                    data_dir.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
            except OSError as error:
                raise StorageError(message_for(error, data_dir)) from error
            owner = ownership.take(data_dir)
            if owner.cannot_write is not None:
                read_only = read_only or cannot_save_message(data_dir)
        store = cls(data_dir, clock, migration_steps, owner, record_problems, read_only)
        with store._lock:
            store._replay_journal()
            store._finish_interrupted()
            for name in _EAGER:
                store._table(name)
        return store

    @property
    def data_dir(self) -> Path | None:
        return self._data_dir

    def announce(self, address: str) -> None:
        """Say where this Tend can be reached (the web mode's address), for a second Tend on the folder to tell."""
        if self._owner is not None:
            self._owner.announce(address)

    def documents(self, name: str) -> list[dict]:
        """Copies of every record in file `name`, in the order they were first saved."""
        with self._lock:
            return [dict(doc) for doc in self._table(name).all()]

    def get(self, name: str, record_id: str) -> dict | None:
        """A copy of one record, or None."""
        if not isinstance(record_id, str):
            raise TypeError("record ids are strings")
        with self._lock:
            doc = self._table(name).get(doc_id=record_id)
            return None if doc is None else dict(doc)

    def put(self, name: str, doc: dict) -> None:
        """Save `doc` in file `name`, replacing any record with the same id. Safe to repeat."""
        record = _checked_record(doc)
        self._change(name, journal.put(name, {record["id"]: record}))

    def put_many(self, name: str, docs: Iterable[dict]) -> None:
        """Save several records into one file with a single write (imports, seeding)."""
        self._change(name, journal.put(name, {record["id"]: record for record in map(_checked_record, docs)}))

    def remove(self, name: str, record_id: str) -> bool:
        """Delete one record; False if it was not there (then nothing is written)."""
        with self._lock:
            if self._table(name).get(doc_id=record_id) is None:
                return False
            self._change(name, journal.removal(name, record_id))
            return True

    def exclusively(self) -> threading.RLock:
        """`with store.exclusively():` holds every other reader and writer off, for a read and a write that must not
        interleave (a count that tries coming at once would otherwise all read alike). Keep what runs inside short."""
        return self._lock

    def names(self, prefix: str = "") -> list[str]:
        """Existing file names starting with `prefix` (e.g. "checkins/"), sorted, without opening any file."""
        with self._lock:
            found = set(layout.names_on_disk(self._data_dir, prefix)) if self._data_dir else set()
            found.update(name for name, db in self._databases.items()
                         if name.startswith(prefix) and db.storage.saved)
            return sorted(found)

    def back_up_if_due(self, now: datetime) -> Path | None:
        """Daily upkeep: today's backup if none was made yet, and clearing temp files left by crashes.

        Both walk the whole folder, so they run here once a day, not at every open.
        Returns the new backup, or None (memory-only store, or not due).
        """
        if self._data_dir is None:
            return None
        with self._lock:
            self._checkpoint()  # so the files on disk hold every change, to be backed up or not
            if not backups.is_due(self._data_dir, now):
                return None
            files = backups.files_to_back_up(self._data_dir)
        made = backups.save_daily(self._data_dir, files, now)
        layout.remove_stale_temp_files(self._data_dir, now)
        return made

    def back_up_now(self, now: datetime) -> Path | None:
        """A backup now (replacing today's), e.g. before an import; None in memory-only stores."""
        if self._data_dir is None:
            return None
        with self._lock:  # held only to read the files: zipping and writing the zip wait for no save
            self._checkpoint()
            files = backups.files_to_back_up(self._data_dir)
        return backups.save_daily(self._data_dir, files, now)

    def import_records(self, files: dict[str, list[dict]], source: str, now: datetime) -> None:
        """Save an import: today's backup is renewed first, so it can be undone, then every record lands in one
        change, so a kill lands all of them or none, and is told at the next start (see storage.store.intents).

        `source` names what is imported (a file name), for that note.
        """
        changes = [journal.put(name, {record["id"]: record for record in map(_checked_record, docs)})
                   for name, docs in files.items() if docs]
        if not changes:
            return
        if self.read_only:
            raise StorageError(self.read_only)
        if self._data_dir is None:
            self._import(changes, None)
            return
        first = changes[0]
        batch_id = intents.begin_import(self._data_dir, source, first["file"], next(iter(first["put"].values())), now)
        try:
            self.back_up_now(now)
            self._import(changes, batch_id)
        except Exception:
            intents.end(self._data_dir)  # nothing was imported
            raise
        intents.end(self._data_dir)

    def _import(self, changes: list[dict], batch_id: str | None) -> None:
        with self._lock:
            tables = [self._table(change["file"]) for change in changes]  # a file that can't be opened: before
            if self._journal is not None:
                self._journal.append(journal.batch(batch_id, changes))
            for table, change in zip(tables, changes):
                table.apply([change])
            self._checkpoint_if_due()

    def restore_backup(self, backup: Path, now: datetime) -> Path:
        """Bring back the data in `backup`, all or nothing (intents.restore); returns the backup of the state before.

        TinyDB never notices a file replaced under it, so every open file is
        dropped and the next access reads the restored one.
        """
        with self._lock:
            if self._data_dir is None:
                raise StorageError("Tend is keeping your data in memory only, so there are no backups to restore.")
            self._checkpoint()  # so the backup of the state before holds every change
            try:
                return intents.restore(self._data_dir, Path(backup), now)
            finally:
                self._drop_open_files()

    def close(self) -> None:
        """Bring the files up to date; if the device refuses, the journal still holds every change."""
        with self._lock:
            if self._closed:
                return
            try:
                self._checkpoint()
            except StorageError:
                pass
            if self._journal is not None:
                self._journal.close()
            self._drop_open_files()
            self._closed = True
            if self._owner is not None:
                self._owner.release()

    def _change(self, name: str, change: dict) -> None:
        """Make a change durable in the journal, then apply it in memory; if the device refuses, StorageError is
        raised and nothing changes."""
        with self._lock:
            if self.read_only:
                raise StorageError(self.read_only)
            table = self._table(name)
            if self._journal is not None:
                self._journal.append(change)
            table.apply([change])
            self._checkpoint_if_due()

    def _finish_interrupted(self) -> None:
        """Finish or undo a restore or an import that a kill cut short, and tell (see storage.store.intents)."""
        if self._data_dir is None:
            return
        finished = intents.finish_interrupted(self._data_dir, self.get)
        if finished is not None:
            self.recovery_notes.append(finished.note)
            if finished.files_replaced:
                self._drop_open_files()

    def _replay_journal(self) -> None:
        """Apply what a kill left in the journal (again: it is harmless to), then write it to the files.

        A line or a record that can't be applied is set aside and told; the rest is applied all the same.
        """
        if self._journal is None:
            return
        contents = journal.read(journal.path_in(self._data_dir))
        if contents.empty:
            return
        unusable = [{"line": line, "why": why} for line, why in contents.unusable]
        by_file: dict[str, list[dict]] = {}
        for change in contents.changes:
            by_file.setdefault(change["file"], []).append(change)
        for name, file_changes in by_file.items():
            try:
                table = self._table(name)
            except ValueError:  # not a name Tend would write
                unusable.extend({"line": _encoded(change), "why": "it names no file Tend keeps"}
                                for change in file_changes)
                continue
            table.apply(self._usable_changes(name, file_changes))
        if unusable:
            self._set_aside(recovery.JOURNAL, unusable)
        try:
            self._checkpoint()  # even with no change to apply: a tail a kill cut short must not stay mid-journal
        except StorageError:
            pass  # a read-only or full device: memory and the journal still hold every change

    def _usable_changes(self, name: str, changes: list[dict]) -> list[dict]:
        """`changes` without the records that fail the rules, which are set aside instead."""
        usable, refused = [], []
        for change in changes:
            if "put" in change:
                records = {}
                for record_id, doc in change["put"].items():
                    problems = self._problems_in(name, doc, check_json=False)  # the journal reads JSON strictly
                    if problems:
                        refused.append({"record": doc, "problems": problems})
                    else:
                        records[record_id] = doc
                change = {**change, "put": records}
            usable.append(change)
        if refused:
            self._set_aside(name, refused, from_journal=True)
        return usable

    def _checkpoint(self) -> None:
        """Write every changed file, then empty the journal; a failure leaves the journal whole.

        What was set aside is copied into damaged/ first: until then its files and the journal still hold it.
        """
        if self._journal is None:
            return
        if self.read_only:
            raise StorageError(self.read_only)
        self._keep_asides()
        for db in self._databases.values():
            db.storage.flush()
        self._journal.empty()

    def _checkpoint_if_due(self) -> None:
        if self._journal is not None and self._journal.size > CHECKPOINT_BYTES:
            try:
                self._checkpoint()
            except StorageError:
                pass  # the change itself is safe in the journal; the files catch up at the next checkpoint

    def _drop_open_files(self) -> None:
        for db in self._databases.values():
            db.close()
        self._databases.clear()

    def _table(self, name: str) -> _RecordTable:
        """The records table of file `name`, opening (and if needed recovering or migrating) it on first use."""
        if self._closed:
            raise RuntimeError("this store is closed")
        db = self._databases.get(layout.checked_name(name))
        if db is None:
            storage = self._storage_for(name)
            db = _FileDB(storage=lambda: storage)
            self._databases[name] = db
        return db.table(migrations.RECORDS_TABLE)

    def _storage_for(self, name: str) -> MemoryFirstStorage:
        path = None if self._data_dir is None else layout.path_for(self._data_dir, name)
        empty = migrations.with_schema({}, len(self._steps))
        try:
            storage = MemoryFirstStorage(path, empty)
        except DamagedFile:
            if self.read_only:  # it can't be moved aside or repaired: leave it untouched and say so
                self.recovery_notes.append(recovery.unrepaired_note(name, path))
                return MemoryFirstStorage(None, empty)
            done = recovery.recovered(self._data_dir, name, self._clock())
            try:
                storage = MemoryFirstStorage(path, empty)
            except DamagedFile:  # the backup's copy was JSON but not Tend data: set it aside too
                recovery.set_aside(self._data_dir, name, path, self._clock())
                done = recovery.Recovery(done.aside, None)
                storage = MemoryFirstStorage(path, empty)
            self.recovery_notes.append(recovery.note(name, done))
        self._bring_up_to_date(name, storage)
        self._set_aside_bad_records(name, storage)
        return storage

    def _bring_up_to_date(self, name: str, storage: MemoryFirstStorage) -> None:
        """Migrate an older file and save it; refuse a newer one without touching it."""
        tables = storage.read()
        version, current = migrations.schema_of(tables), len(self._steps)
        if version > current:
            raise StorageError(
                f"Your saved {recovery.label(name)} came from a newer version of Tend. This version left it "
                "untouched so nothing is lost. Please update Tend to open it.")
        if version < current:
            migrated = migrations.migrated(tables, self._steps)
            if self.read_only:
                storage.write(migrated)  # for reading only: a read-only store never writes its files
            else:
                storage.save_now(migrated)

    def _set_aside_bad_records(self, name: str, storage: MemoryFirstStorage) -> None:
        """Take the records that fail the rules out of use, so no screen ever gets one; the rest loads."""
        if self._record_problems is None and not storage.lax:
            return
        tables = storage.read()
        records = tables.get(migrations.RECORDS_TABLE, {})
        refused = []
        for record_id, doc in list(records.items()):
            problems = self._problems_in(name, doc, check_json=storage.lax)
            if problems:
                refused.append({"record": records.pop(record_id), "problems": problems})
        if refused:
            storage.write(tables)  # memory only: the file keeps them until their copy is safe (_keep_asides)
            if self._set_aside(name, refused):
                try:
                    storage.flush()  # out of the file at once, so the next start doesn't find them again
                except StorageError:
                    pass  # the next checkpoint writes it

    def _problems_in(self, name: str, doc: dict, check_json: bool) -> dict[str, str]:
        """What is wrong with a stored record: JSON that Tend can't write back, or what the app's rules find."""
        if check_json:
            try:
                _encoded(doc).encode("utf-8")
            except (ValueError, RecursionError):
                return {"record": "it holds a value JSON can't keep (NaN, Infinity or broken text)"}
        return {} if self._record_problems is None else self._record_problems(name, doc)

    def _set_aside(self, name: str, entries: list[dict], from_journal: bool = False) -> bool:
        """Keep `entries` (records or journal lines of `name`) out of use, copy them into damaged/ now if the
        device lets Tend, and tell the person once. True when the copy is already safe."""
        aside = recovery.SetAside(name, entries, from_journal)
        self._asides.append(aside)
        log.warning("Set aside %d unusable %s of %s%s", len(entries), "lines" if name == recovery.JOURNAL else
                    "records", name, " from the journal" if from_journal else "")
        problem = None
        if not self.read_only:  # read-only: the banner already says why nothing can be moved
            try:
                self._keep_asides()
            except StorageError as error:
                problem = error.message
        self.recovery_notes.append(recovery.set_aside_note(aside, problem))
        return aside.path is not None

    def _keep_asides(self) -> None:
        """Copy what was set aside into damaged/, durably; StorageError (and nothing else written) if refused."""
        while self._asides:
            recovery.keep_aside(self._data_dir, self._asides[0], self._clock())
            self._asides.pop(0)


def cannot_save_message(data_dir: Path) -> str:
    """What a person hears when Tend opens a folder it can't write to (read-only), and at every save then."""
    return (f"Tend can't save changes in {data_dir} right now: the folder can't be written to. "
            "Everything saved before is safe. You can still look at everything and use Get help now.")
