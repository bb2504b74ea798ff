"""Each data file read once and served from memory by TinyDB: the only module that imports tinydb.

Why: TinyDB reads and writes a whole file on every operation, so Tend keeps a
file's JSON text in memory and lets TinyDB's writes change only that; `Store`
has made every change durable in the journal before, and `flush` brings the
file itself up to date at a checkpoint, atomically.
"""

import json
from pathlib import Path

from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Table

from storage.errors import DamagedFile, StorageError
from storage.store import migrations
from storage.store.durable import write_atomically


def encoded(data: dict) -> str:
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
            self._text = encoded(empty or {})

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
        self._text = encoded(data)
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
            write_atomically(self._path, encoded(data).encode("utf-8"))
        self.write(data)
        self.dirty = False


class RecordTable(Table):
    """Records keyed by their UUID string."""

    document_id_class = str

    def apply(self, changes: list[dict]) -> None:
        """Journal changes to this file, in order, in one read and one write of memory however many there are.

        The one use of TinyDB's private `_update_table` (TinyDB 4.9.0, pinned), on purpose: its public API decodes and
        re-encodes the whole file for each record (`upsert` twice for a new one), so replaying a full journal
        (800 changes) into a month of 300 check-ins took 5.4 s that way against 3 ms here, and into 3,000
        records 75 s against 12 ms (measured here). `tests/test_store.py` and `tests/test_journal.py` fail
        if a TinyDB release changes it.
        """

        def apply_all(table: dict) -> None:
            for change in changes:
                if "put" in change:
                    table.update(change["put"])
                else:
                    table.pop(change["remove"], None)

        self._update_table(apply_all)


class FileDB(TinyDB):
    table_class = RecordTable


def checked_record(doc: dict) -> dict:
    if not isinstance(doc, dict):
        raise TypeError("a record must be a dict")
    if not isinstance(doc.get("id"), str) or not doc["id"]:
        raise ValueError("a record needs a string 'id' (use records.new_id())")
    if not isinstance(doc.get("created"), str) or not isinstance(doc.get("updated"), str):
        raise ValueError("a record needs 'created' and 'updated' stamps (use records.with_times())")
    return dict(doc)
