"""A write-ahead journal: every change to the data folder is first one small appended, fsynced line.

Why: rewriting a month file safely (temp file, fsync, rename, fsync of the folder) takes milliseconds,
and a tap on a mood should not wait for that. Appending one line and syncing it is the same promise,
since once `append` returns the change survives a kill or a power cut, at a fraction of the cost.
The data files catch up later, all at once (`Store` calls that a checkpoint), and the journal is
then emptied. At the next start, whatever the journal still holds is applied to the files again;
changes are by record id, so applying one twice gives the same result.

Each change is written as a newline and then one JSON object. A kill in the middle of an append
leaves a partial object behind: it never parses (an object only closes at its last byte), it was
never acknowledged, and the next change starts on a fresh line after it, so it is skipped.
"""

import json
import os
from pathlib import Path

from storage.durable import FILE_MODE, flush_to_disk, message_for, sync_folder
from storage.errors import StorageError

FILE_NAME = "journal.log"


def path_in(data_dir: Path) -> Path:
    return data_dir / FILE_NAME


def changes_in(path: Path) -> list[dict]:
    """The complete changes in the journal at `path`, oldest first; none if there is no journal."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return []
    except OSError as error:
        raise StorageError(f"Tend could not read its journal {path} ({error.strerror}).") from error
    changes = []
    for line in raw.split(b"\n"):
        try:
            change = json.loads(line)
        except ValueError:
            continue  # empty, or an append a kill cut short: it was never acknowledged
        if _is_change(change):
            changes.append(change)
    return changes


def put(name: str, records: dict[str, dict]) -> dict:
    return {"file": name, "put": records}


def removal(name: str, record_id: str) -> dict:
    return {"file": name, "remove": record_id}


def _is_change(change: object) -> bool:
    return isinstance(change, dict) and isinstance(change.get("file"), str) and (
        isinstance(change.get("put"), dict) or isinstance(change.get("remove"), str))


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
                self._fd = os.open(self._path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), FILE_MODE)
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
