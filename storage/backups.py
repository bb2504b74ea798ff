"""Daily rolling backups of the data folder, and reading a file back out of them.

A backup is a zip of every data file, so one file can be restored from it when
the live copy is damaged. Every write replaces files whole (`os.replace`), so
reading them for a zip gives a consistent copy of each file.

Restoring a whole backup first saves the current state as a backup of its own,
named tend-YYYY-MM-DD-before-restore-HHMMSS.zip: a separate name, so restoring
today's backup can't overwrite the backup it restores, and a restore can be
undone by restoring that copy. These copies are listed and pruned like the
daily ones.
"""

import io
import json
import re
import zipfile
import zlib
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from storage import layout
from storage.app_lock import LOCK_FILE
from storage.durable import sync_folder, write_atomically
from storage.errors import StorageError

KEEP = 14
_PREFIX = "tend-"
_BEFORE_RESTORE = "-before-restore-"
_RESTORE_TIME = re.compile(r"\d{6}")
_SKIPPED = ("backups", "damaged")
_UNREADABLE = (OSError, ValueError, EOFError, RuntimeError, NotImplementedError, zipfile.BadZipFile, zlib.error)


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    day: date
    size_bytes: int
    before_restore: bool = False  # the state just before a restore, rather than a daily backup


def backups_folder(data_dir: Path) -> Path:
    return data_dir / "backups"


def list_backups(data_dir: Path) -> list[BackupInfo]:
    """Backups in the data folder, newest first (of one day's, the one written last first)."""
    found = []
    for path in backups_folder(data_dir).glob(f"{_PREFIX}*.zip"):
        day_text, before_restore, restore_time = path.stem[len(_PREFIX):].partition(_BEFORE_RESTORE)
        if before_restore and not _RESTORE_TIME.fullmatch(restore_time):
            continue
        try:
            day = date.fromisoformat(day_text)
            status = path.stat()
        except (ValueError, OSError):
            continue  # not one of ours, or gone meanwhile
        found.append((status.st_mtime_ns, BackupInfo(path, day, status.st_size, bool(before_restore))))
    found.sort(key=lambda pair: (pair[1].day, pair[0]), reverse=True)
    return [info for _, info in found]


def back_up_if_due(data_dir: Path, now: datetime, keep: int = KEEP) -> Path | None:
    """Make today's backup unless there is one already (or nothing to back up)."""
    daily = (info for info in list_backups(data_dir) if not info.before_restore)
    if any(info.day == now.date() for info in daily) or not data_files(data_dir):
        return None
    return back_up_now(data_dir, now, keep)


def back_up_now(data_dir: Path, now: datetime, keep: int = KEEP) -> Path:
    """Write today's backup (replacing an earlier one from today) and keep only the newest `keep`."""
    target = backups_folder(data_dir) / f"{_PREFIX}{now.date().isoformat()}.zip"
    write_atomically(target, zip_of(data_dir))
    _keep_newest(data_dir, keep)
    return target


def restore_backup(data_dir: Path, backup: Path, now: datetime, keep: int = KEEP) -> Path:
    """Make the data files equal `backup`'s, after backing up the current state; returns that new backup.

    The chosen backup is read and checked before anything changes, so a damaged
    one is refused with nothing changed. Each file is replaced atomically, and
    data files the backup doesn't have are removed. The app lock belongs to the
    device, not to the backup: it stays as it is. Callers with open files must
    drop them afterwards (see Store.restore_backup).
    """
    lock = layout.relative_file(LOCK_FILE)
    files = {relative: data for relative, data in backup_contents(backup).items() if relative != lock}
    before = backups_folder(data_dir) / f"{_PREFIX}{now.date().isoformat()}{_BEFORE_RESTORE}{now:%H%M%S}.zip"
    write_atomically(before, zip_of(data_dir))
    for relative, data in files.items():
        write_atomically(data_dir.joinpath(*relative.split("/")), data)
    for relative in data_files(data_dir):
        if _is_tend_file(relative) and relative not in files and relative != lock:
            _remove(data_dir.joinpath(*relative.split("/")))
    _keep_newest(data_dir, keep)
    return before


def backup_contents(backup: Path) -> dict[str, bytes]:
    """The data files in `backup`, by path in the data folder; StorageError if any can't be read.

    Entries Tend would never write (a stray file, a path leading out of the folder) are left out.
    """
    try:
        with zipfile.ZipFile(backup) as archive:
            files = {name: archive.read(name) for name in archive.namelist() if _is_tend_file(name)}
        if not all(isinstance(json.loads(data), dict) for data in files.values()):
            raise ValueError("a data file in the backup is not a JSON object")
    except _UNREADABLE:
        raise StorageError("This backup can't be read, so nothing was restored. Please choose another one.") from None
    return files


def _is_tend_file(relative: str) -> bool:
    """Whether `relative` is a path Tend itself keeps data in."""
    try:
        return layout.relative_file(relative.removesuffix(".json")) == relative
    except ValueError:
        return False


def _remove(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError as error:
        raise StorageError(f"Tend restored your backup but could not remove {path} ({error.strerror}). "
                           "Please try the restore again.") from error
    sync_folder(path.parent)


def _keep_newest(data_dir: Path, keep: int) -> None:
    for old in list_backups(data_dir)[keep:]:
        old.path.unlink(missing_ok=True)


def data_files(data_dir: Path) -> list[str]:
    """Every data file's relative path ('/' separated), leaving out backups and damaged files."""
    return sorted(
        path.relative_to(data_dir).as_posix()
        for path in data_dir.rglob("*.json")
        if path.is_file() and path.relative_to(data_dir).parts[0] not in _SKIPPED
    )


def zip_of(data_dir: Path) -> bytes:
    """A zip holding every data file."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for relative in data_files(data_dir):
            archive.writestr(relative, data_dir.joinpath(relative).read_bytes())
    return buffer.getvalue()


def newest_readable_copy(data_dir: Path, relative_name: str) -> tuple[BackupInfo, bytes] | None:
    """The newest backup holding a copy of `relative_name` that parses as a JSON object, and that copy."""
    for info in list_backups(data_dir):
        try:
            with zipfile.ZipFile(info.path) as archive:
                data = archive.read(relative_name)
            if isinstance(json.loads(data), dict):
                return info, data
        except (KeyError, OSError, ValueError, zipfile.BadZipFile):
            continue  # not in this backup, or this copy is damaged too: try an older one
    return None


def readable_copy(data_dir: Path, relative_name: str) -> bytes | None:
    """The newest backup's readable copy of one file, if any backup has one."""
    found = newest_readable_copy(data_dir, relative_name)
    return None if found is None else found[1]
