"""How `Store` opens data that is not as it should be, so that nothing read can stop Tend.

At start it applies what a kill left in the journal and finishes or undoes a
restore or an import cut short; on a file's first use it recovers a damaged
file from a backup, migrates an older one, and sets aside the records that fail
the app's rules. What is set aside is copied into `damaged/` and told in
`recovery_notes`, and the rest loads. Kept apart from `Store`'s everyday reads
and writes because it runs only on what went wrong.
"""

import logging

from storage.errors import DamagedFile, StorageError
from storage.store import intents, journal, layout, migrations, recovery
from storage.store.memory_files import MemoryFirstStorage, encoded

log = logging.getLogger("tend.storage")


class Salvage:
    """The part of `Store` that repairs what it reads; it relies on `Store`'s folder, journal, clock, lock and
    `_table`, `_checkpoint` and `_drop_open_files`."""

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
                unusable.extend({"line": encoded(change), "why": "it names no file Tend keeps"}
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
                encoded(doc).encode("utf-8")
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
