"""Durable, all-or-nothing file writes.

A kill, a power cut or a full disk must never leave a half-written file: the
data goes to a temporary file in the same folder, reaches the disk, and only
then replaces the old file in one step (`os.replace`). Readers see the old
file or the new one, never a mix.
"""

import errno
import os
import secrets
import time
from pathlib import Path

from storage.errors import StorageError

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None

TEMP_SUFFIX = ".tmp"
FILE_MODE = 0o600
FOLDER_MODE = 0o700
_REPLACE_ATTEMPTS = 6 if os.name == "nt" else 1
_REPLACE_PAUSES = (0.01, 0.02, 0.05, 0.1, 0.2)

_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_NOT_WRITABLE = {errno.EROFS, errno.EACCES, errno.EPERM}


def write_atomically(path: Path, data: bytes) -> None:
    """Replace `path` with `data` so that after a crash it holds the old or the new bytes.

    Raises StorageError with a message for people; the old file is then untouched.
    """
    folder = path.parent
    temp = folder / f".{path.name}.{secrets.token_hex(4)}{TEMP_SUFFIX}"
    fd = None
    try:
        folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), FILE_MODE)
        _write_all(fd, data)
        flush_to_disk(fd)
        os.close(fd)
        fd = None
        replace_with_retries(temp, path)
    except OSError as error:
        if fd is not None:
            _quietly(os.close, fd)
        _quietly(os.unlink, temp)
        raise StorageError(message_for(error, folder)) from error
    sync_folder(folder)


def message_for(error: OSError, folder: Path) -> str:
    """Say in plain words why saving failed, and that earlier data is safe."""
    if error.errno in _FULL:
        return ("Your device is full, so Tend could not save this. Everything saved before is safe. "
                "Free some space and try again.")
    if error.errno in _NOT_WRITABLE:
        return f"Tend's data folder can't be written to ({folder}). Everything saved before is safe."
    return ("Tend could not save this because of a problem with the device's storage. "
            "Everything saved before is safe. Please try again.")


def flush_to_disk(fd: int) -> None:
    """Push a file's bytes to the disk itself; on macOS plain fsync stops at the drive's cache."""
    if fcntl is not None and hasattr(fcntl, "F_FULLFSYNC"):
        try:
            fcntl.fcntl(fd, fcntl.F_FULLFSYNC)
            return
        except OSError:
            pass  # some file systems refuse it; fsync is the best left
    os.fsync(fd)


def replace_with_retries(source: Path, target: Path, attempts: int = _REPLACE_ATTEMPTS, pause=time.sleep) -> None:
    """`os.replace`, retried briefly: on Windows an indexer or antivirus can hold the file for a moment."""
    for attempt in range(attempts):
        try:
            os.replace(source, target)
            return
        except PermissionError:
            if attempt == attempts - 1:
                raise
            pause(_REPLACE_PAUSES[min(attempt, len(_REPLACE_PAUSES) - 1)])


def sync_folder(folder: Path) -> None:
    """Make the rename itself durable; skipped where folders can't be opened (Windows)."""
    if not hasattr(os, "O_DIRECTORY"):
        return
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # the new file is already in place; only the timing of its durability is unknown
    finally:
        os.close(fd)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _quietly(action, *args) -> None:
    try:
        action(*args)
    except OSError:
        pass
