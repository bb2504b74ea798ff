"""One Tend per data folder: an OS lock on `tend.lock`, held for as long as the store is open.

Why: each Tend keeps the folder's files in memory and owns its journal. Two of them on one folder (two windows, or
the web mode beside the desktop) lose acknowledged saves: the first checkpoint empties the other's journal lines
and the last close writes back a stale copy of every file. So the store takes this lock before it reads anything,
and a second Tend is refused before it has written a byte.

The lock is the operating system's (`flock` on Linux, macOS, Android and iOS; `msvcrt.locking` on Windows): it
goes with the process, so a Tend that was killed never leaves the folder locked. The file itself only carries, in
the web mode, the address the owner can be reached at, so the one refused can say where it is.
"""

import errno
import logging
import os
from pathlib import Path

from storage.errors import StorageError
from storage.store.durable import FILE_MODE, message_for

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None
    import msvcrt

FILE_NAME = "tend.lock"
_WINDOWS_LOCK_AT = 1 << 30
"""Windows locks bytes, and a locked byte can't be read by anyone else: lock one far past the address."""
_HELD_ELSEWHERE = {errno.EAGAIN, errno.EWOULDBLOCK, errno.EACCES, getattr(errno, "EDEADLOCK", errno.EDEADLK)}
_NOT_WRITABLE = {errno.EROFS, errno.EACCES, errno.EPERM}
_ADDRESS_LIMIT = 300
log = logging.getLogger("tend.storage")


class FolderInUse(StorageError):
    """Another Tend has this data folder open; nothing was read or written."""

    def __init__(self, data_dir: Path, address: str):
        where = f", at {address}" if address else ""
        super().__init__(f"Tend is already open on this data folder ({data_dir}){where}. "
                         "Please use that one; this one stopped without changing anything.")
        self.address = address


class Ownership:
    """This process's hold on a data folder. `cannot_write` says why the folder refuses writes, or is None."""

    def __init__(self, path: Path, fd: int | None, cannot_write: OSError | None):
        self._path = path
        self._fd = fd
        self.cannot_write = cannot_write

    def announce(self, address: str) -> None:
        """Leave where this Tend can be reached in the lock file, for a second one to tell (best effort: only the
        words of that refusal depend on it)."""
        if self._fd is None or self.cannot_write is not None:
            return
        try:
            os.ftruncate(self._fd, 0)
            os.lseek(self._fd, 0, os.SEEK_SET)
            os.write(self._fd, address.encode("utf-8")[:_ADDRESS_LIMIT])
        except OSError:
            pass

    def release(self) -> None:
        """Let go of the folder: closing the file is what unlocks it, on every system."""
        if self._fd is not None:
            self.announce("")  # an address of a Tend that is gone would mislead
            fd, self._fd = self._fd, None
            os.close(fd)

    def __del__(self) -> None:
        # A store dropped without closing (a test standing in for a killed process) lets go like a dead process.
        self.release()


def take(data_dir: Path) -> Ownership:
    """Take the folder for this process; FolderInUse if another Tend has it.

    A folder that can't be written is still taken when its lock file exists (a read-only Tend must not show stale
    data beside a live one); without a lock file, nothing could be written there by anyone, so none is needed.
    """
    path = data_dir / FILE_NAME
    cannot_write = None
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), FILE_MODE)
    except OSError as error:
        if error.errno not in _NOT_WRITABLE:
            raise StorageError(message_for(error, data_dir)) from error
        cannot_write = error
        try:
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
        except OSError:
            return Ownership(path, None, cannot_write)
    if not _locked(fd):
        address = _address_in(fd)
        os.close(fd)
        raise FolderInUse(data_dir, address)
    owned = Ownership(path, fd, cannot_write or _write_refused(data_dir))
    owned.announce("")  # a killed Tend's address would mislead
    return owned


def _locked(fd: int) -> bool:
    """Lock `fd` without waiting: False when another process holds it."""
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        else:
            os.lseek(fd, _WINDOWS_LOCK_AT, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
    except OSError as error:
        if error.errno in _HELD_ELSEWHERE:
            return False
        # A file system without locks (some network shares): refusing to start would be worse than going on.
        log.warning("The data folder can't be locked (%s); a second Tend on it would not be stopped.",
                    os.strerror(error.errno or 0))
    return True


def _address_in(fd: int) -> str:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        text = os.read(fd, _ADDRESS_LIMIT).decode("utf-8", "replace")
    except OSError:
        return ""
    return text.splitlines()[0].strip() if text.strip() else ""


def _write_refused(data_dir: Path) -> OSError | None:
    """Why files can't be made in `data_dir` (say a folder made read-only), or None when they can."""
    if os.access(data_dir, os.W_OK):
        return None
    return PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(data_dir))
