"""The data folder as a set of small TinyDB files, behind one lock: `Store`, the one way in to Tend's data.

Why it looks like this:
- TinyDB reads and writes a whole file on every operation, so data is split
  into small files ("settings", "people", "checkins/2026-11"): a change
  re-encodes one month in memory, and a checkpoint rewrites only the files
  that changed, never years of history.
- Each file is read once and kept in memory (`storage.store.memory_files`).
  Every change is first appended to the journal (`storage.store.journal`), one
  small fsynced write, and memory only changes after that worked. The files
  are rewritten atomically at a checkpoint (when the journal has grown, before
  a backup or a restore, and at close), so a kill or a full disk never leaves
  a half-written file and never loses a change.
- One Tend per folder: the store takes the folder (`storage.store.ownership`)
  before it reads anything, since two processes each keeping memory of the
  same files would overwrite each other's saves.
- Flet 1.0.5 runs sync handlers on the asyncio loop thread, but Tend moves
  slow work (backups, restores, imports, exports) off the loop with
  `asyncio.to_thread`, so the store is reached from several threads, and
  TinyDB is not thread-safe: one lock guards every access.
- Nothing read can stop Tend: what is wrong is repaired or set aside and told
  (`storage.store.salvage`). A folder that can't be written opens read-only
  (`read_only` says why) and refuses changes with that message.
- Callers get fresh copies, never live documents, so editing a returned value
  can't change the database behind its back.

File format (see `storage.store.migrations`):
    {"_meta": {"1": {"schema": 1}}, "records": {"<id>": {"id": "<id>", "created": ..., "updated": ..., ...}}}
"""

import threading
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from pathlib import Path

from storage.errors import StorageError
from storage.store import backups, intents, journal, layout, migrations, ownership, recovery
from storage.store.durable import FOLDER_MODE, message_for
from storage.store.memory_files import FileDB, RecordTable, checked_record
from storage.store.salvage import Salvage

_EAGER = ("settings",)
CHECKPOINT_BYTES = 256 * 1024
"""Journal size past which the files catch up: a rare, slower save keeps replays at start short."""
RecordProblems = Callable[[str, dict], dict[str, str]]
"""(file name, record) → field → what is wrong with it; empty when the app can use the record."""


def _local_now() -> datetime:
    return datetime.now().astimezone()


class Store(Salvage):
    """Tend's data: named files of records with string ids. Safe to share between threads."""

    def __init__(self, data_dir: Path | None, clock: Callable[[], datetime], steps: Sequence[migrations.Migration],
                 owner: ownership.Ownership | None = None, record_problems: RecordProblems | None = None,
                 read_only: str | None = None):
        self._data_dir = data_dir
        self._clock = clock
        self._steps = tuple(steps)
        self._lock = threading.RLock()
        self._databases: dict[str, FileDB] = {}
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
        record = checked_record(doc)
        self._change(name, journal.put(name, {record["id"]: record}))

    def put_many(self, name: str, docs: Iterable[dict]) -> None:
        """Save several records into one file with a single write (imports, seeding)."""
        self._change(name, journal.put(name, {record["id"]: record for record in map(checked_record, docs)}))

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
        changes = [journal.put(name, {record["id"]: record for record in map(checked_record, docs)})
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

    def _table(self, name: str) -> RecordTable:
        """The records table of file `name`, opening (and if needed recovering or migrating) it on first use."""
        if self._closed:
            raise RuntimeError("this store is closed")
        db = self._databases.get(layout.checked_name(name))
        if db is None:
            storage = self._storage_for(name)
            db = FileDB(storage=lambda: storage)
            self._databases[name] = db
        return db.table(migrations.RECORDS_TABLE)


def cannot_save_message(data_dir: Path) -> str:
    """What a person hears when Tend opens a folder it can't write to (read-only), and at every save then."""
    return (f"Tend can't save changes in {data_dir} right now: the folder can't be written to. "
            "Everything saved before is safe. You can still look at everything and use Get help now.")
