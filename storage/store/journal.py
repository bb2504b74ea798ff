"""A write-ahead journal: every change to the data folder is first one small appended, fsynced line.

Why: rewriting a month file safely (temp file, fsync, rename, fsync of the folder) takes milliseconds,
and a tap on a mood should not wait for that. Appending one line and syncing it is the same promise,
since once `append` returns the change survives a kill or a power cut, at a fraction of the cost.
The data files catch up later, all at once (`Store` calls that a checkpoint), and the journal is
then emptied. At the next start, whatever the journal still holds is applied to the files again;
changes are by record id, so applying one twice gives the same result.

Each change is written as a newline and then one JSON object. A kill in the middle of an append
leaves a partial object behind: it never parses (an object only closes at its last byte), it was
never acknowledged, and the next change starts on a fresh line after it, so it is skipped. A line that
is whole but can't be applied (NaN, which Tend never writes; something that isn't a change) is handed back
as unusable, for the store to keep aside and tell: it never stops a start. NUL bytes (what some file systems
leave where a power cut caught an append) count as line breaks, so they can't glue a good line to nothing.

The file is opened in append mode, so even two writers that should never be (see `storage.store.ownership`)
could not write over each other's lines.
"""

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from storage.errors import StorageError
from storage.store.durable import FILE_MODE, flush_to_disk, message_for, sync_folder

FILE_NAME = "journal.log"


def path_in(data_dir: Path) -> Path:
    return data_dir / FILE_NAME


@dataclass(frozen=True)
class Contents:
    """What a journal holds: the changes to apply, and whole lines that can't be."""

    changes: list[dict] = field(default_factory=list)
    unusable: list[tuple[str, str]] = field(default_factory=list)
    """(the line, why it can't be applied), oldest first."""
    empty: bool = True
    """Whether the file holds nothing at all, not even the tail of an append a kill cut short."""


class NotStrictJson(ValueError):
    """JSON that only Python reads: NaN or Infinity."""


def read(path: Path) -> Contents:
    """The journal at `path`: its complete changes, oldest first, and its unusable lines; empty if there is none."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Contents()
    except OSError as error:
        raise StorageError(f"Tend could not read its journal {path} ({error.strerror}).") from error
    lines = [line for line in raw.replace(b"\0", b"\n").split(b"\n") if line.strip()]
    contents = Contents(empty=not raw)
    for number, line in enumerate(lines, start=1):
        try:
            change = loads_strictly(line)
        except NotStrictJson:
            contents.unusable.append((_text(line), "it holds a number JSON can't keep (NaN or Infinity)"))
            continue
        except (ValueError, RecursionError):
            if number < len(lines):  # only the last append can have been cut short by a kill
                contents.unusable.append((_text(line), "it can't be read as a change"))
            continue
        if _is_change(change):
            contents.changes.append(change)
        elif _is_batch(change) and all(map(_is_change, change["changes"])):
            contents.changes.extend({**part, "batch": change["batch"]} for part in change["changes"])
        else:  # a batch is all or nothing: one part that isn't a change sets the whole line aside
            contents.unusable.append((_text(line), "it isn't a change Tend makes"))
    return contents


def changes_in(path: Path) -> list[dict]:
    """The complete changes in the journal at `path`, oldest first; none if there is no journal."""
    return read(path).changes


def loads_strictly(text: str | bytes) -> object:
    """`json.loads`, refusing what Python's json accepts but JSON doesn't (NaN, Infinity): NotStrictJson."""
    return json.loads(text, parse_constant=_refuse_constant)


def _refuse_constant(name: str) -> object:
    raise NotStrictJson(f"{name} is not JSON")


def _text(line: bytes) -> str:
    return line.decode("utf-8", "replace")


def put(name: str, records: dict[str, dict]) -> dict:
    return {"file": name, "put": records}


def removal(name: str, record_id: str) -> dict:
    return {"file": name, "remove": record_id}


def batch(batch_id: str, changes: list[dict]) -> dict:
    """Several changes as one line, so they land together or not at all (an import, see storage.store.intents).

    `changes_in` gives them back one by one, each tagged with "batch": `batch_id`.
    """
    return {"batch": batch_id, "changes": changes}


def _is_batch(line: object) -> bool:
    return isinstance(line, dict) and isinstance(line.get("batch"), str) and isinstance(line.get("changes"), list)


def _is_change(change: object) -> bool:
    if not isinstance(change, dict) or not isinstance(change.get("file"), str):
        return False
    records = change.get("put")
    if isinstance(records, dict):
        return all(isinstance(record, dict) for record in records.values())
    return isinstance(change.get("remove"), str)


class Journal:
    """The open journal of one data folder. Not thread-safe: `Store` calls it under its lock."""

    def __init__(self, path: Path):
        self._path = path
        self._fd: int | None = None
        self.size = 0
        """Bytes appended since the journal was last emptied, so the store knows when to checkpoint."""

    def append(self, change: dict) -> None:
        """Make `change` durable. On failure the journal is as it was and StorageError says why, kindly."""
        line = b"\n" + json.dumps(change, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode()
        fd = self._open()
        end = os.lseek(fd, 0, os.SEEK_END)
        try:
            view = memoryview(line)
            while view:
                view = view[os.write(fd, view):]
            flush_to_disk(fd)
        except OSError as error:
            self._cut_back(fd, end)
            raise StorageError(message_for(error, self._path.parent)) from error
        self.size += len(line)

    def empty(self) -> None:
        """Forget every change; call only once the data files hold them all on disk."""
        if self._fd is None and not self._path.exists():
            return
        fd = self._open()
        try:
            os.ftruncate(fd, 0)
            flush_to_disk(fd)
        except OSError as error:
            raise StorageError(message_for(error, self._path.parent)) from error
        self.size = 0

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def _open(self) -> int:
        if self._fd is None:
            created = not self._path.exists()
            try:
                flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_BINARY", 0)
                self._fd = os.open(self._path, flags, FILE_MODE)
            except OSError as error:
                raise StorageError(message_for(error, self._path.parent)) from error
            if created:
                sync_folder(self._path.parent)  # the journal's own name must survive a power cut too
        return self._fd

    @staticmethod
    def _cut_back(fd: int, end: int) -> None:
        """Drop a partly written change; if even that fails, the next change still starts on its own line."""
        try:
            os.ftruncate(fd, end)
        except OSError:
            pass
