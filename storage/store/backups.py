"""Daily rolling backups of the data folder, and reading files back out of them.

A backup is a zip of Tend's data files, so one file can be restored from it when
the live copy is damaged, or the whole folder when a person asks. Two things are
never in it: the app lock (`lock.json` holds the PIN's check, which a copied zip
would let anyone attack at leisure; it belongs to this device) and the log.

Making one is split so the store's lock is held only while the files are read
(`files_to_back_up`, after a checkpoint): zipping and writing the zip
(`save_daily`) happen outside it, so saves go on meanwhile. Every write replaces
a file whole (`os.replace`) and the lock keeps them still while they are read,
so the copy is consistent.

Restoring a whole backup first saves the current state as a backup of its own,
named tend-YYYY-MM-DD-before-restore-HHMMSS.zip: a separate name, so restoring
today's backup can't overwrite the backup it restores, and a restore can be
undone by restoring that copy. These copies are listed and pruned like the
daily ones. How a restore finishes or is undone after a kill: `storage.store.intents`.
"""

import io
import json
import re
import zipfile
import zlib
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from storage.app_lock import LOCK_FILE
from storage.errors import StorageError
from storage.store import layout
from storage.store.durable import sync_folder, write_atomically

KEEP = 14
_PREFIX = "tend-"
_BEFORE_RESTORE = "-before-restore-"
_RESTORE_TIME = re.compile(r"\d{6}")
_LOCK = layout.relative_file(LOCK_FILE)
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
        named = _named(path)
        try:
            status = path.stat()
        except OSError:
            continue  # gone meanwhile
        if named is not None:
            found.append((status.st_mtime_ns, BackupInfo(path, named[0], status.st_size, named[1])))
    found.sort(key=lambda pair: (pair[1].day, pair[0]), reverse=True)
    return [info for _, info in found]


def _named(path: Path) -> tuple[date, bool] | None:
    """The day and kind a backup's name gives, or None for a name Tend doesn't give."""
    if not (path.name.startswith(_PREFIX) and path.suffix == ".zip"):
        return None
    day_text, before_restore, restore_time = path.stem[len(_PREFIX):].partition(_BEFORE_RESTORE)
    if before_restore and not _RESTORE_TIME.fullmatch(restore_time):
        return None
    try:
        return date.fromisoformat(day_text), bool(before_restore)
    except ValueError:
        return None


def described(backup: Path) -> str:
    """A person's words for a backup: 'your backup from 3 December 2026'."""
    named = _named(backup)
    if named is None:
        return f"the backup “{backup.name}”"
    day, before_restore = named
    said = f"your backup from {day.day} {day:%B %Y}"
    return f"{said} (the one made before a restore)" if before_restore else said


def is_due(data_dir: Path, now: datetime) -> bool:
    """Whether today has no daily backup yet and there is something to back up."""
    daily = (info for info in list_backups(data_dir) if not info.before_restore)
    return not any(info.day == now.date() for info in daily) and any(map(_is_backed_up, data_files(data_dir)))


def files_to_back_up(data_dir: Path) -> dict[str, bytes]:
    """The bytes of every file a backup holds, by path in the data folder. Quick: call it under the store's lock."""
    files = {}
    for relative in filter(_is_backed_up, data_files(data_dir)):
        try:
            files[relative] = data_dir.joinpath(*relative.split("/")).read_bytes()
        except FileNotFoundError:
            continue
        except OSError as error:
            raise StorageError(f"Tend could not read {relative} to back it up ({error.strerror}). "
                               "Everything saved is safe; no backup was made.") from error
    return files


def save_daily(data_dir: Path, files: dict[str, bytes], now: datetime, keep: int = KEEP) -> Path:
    """Write `files` as today's backup (replacing an earlier one from today) and keep only the newest `keep`."""
    target = backups_folder(data_dir) / f"{_PREFIX}{now.date().isoformat()}.zip"
    write_atomically(target, zipped(files))
    prune(data_dir, keep)
    return target


def save_before_restore(data_dir: Path, files: dict[str, bytes], now: datetime) -> Path:
    """Write `files`, the state a restore is about to replace, as a backup of its own."""
    target = backups_folder(data_dir) / f"{_PREFIX}{now.date().isoformat()}{_BEFORE_RESTORE}{now:%H%M%S}.zip"
    write_atomically(target, zipped(files))
    return target


def zipped(files: dict[str, bytes]) -> bytes:
    """A zip holding `files`: the slow part of a backup, done outside the store's lock."""
    buffer = io.BytesIO()
    # The fastest compression: the first start of the day waits for this backup, and level 1 zips 50 k check-ins
    # in a third of the default's time for a file a fifth larger (measured by benchmarks/storage_benchmark.py).
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for relative, data in sorted(files.items()):
            archive.writestr(relative, data)
    return buffer.getvalue()


def backup_contents(backup: Path) -> dict[str, bytes]:
    """The data files in `backup`, by path in the data folder; StorageError if any can't be read."""
    try:
        data = backup.read_bytes()
    except OSError:
        raise StorageError("This backup can't be read, so nothing was restored. Please choose another one.") from None
    return contents_of(data)


def contents_of(backup: bytes) -> dict[str, bytes]:
    """The data files in a backup's bytes; StorageError if any can't be read.

    Entries Tend would never write (a stray file, a path leading out of the
    folder) are left out, and so is an app lock an older backup may hold.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(backup)) as archive:
            files = {name: archive.read(name) for name in archive.namelist() if _is_backed_up(name)}
        if not all(isinstance(json.loads(data), dict) for data in files.values()):
            raise ValueError("a data file in the backup is not a JSON object")
    except _UNREADABLE:
        raise StorageError("This backup can't be read, so nothing was restored. Please choose another one.") from None
    return files


def replace_data_files(data_dir: Path, files: dict[str, bytes]) -> None:
    """Make Tend's data files equal `files`: each written atomically, the ones not in `files` removed.

    The app lock stays as it is. Safe to repeat, which is what lets a restore cut short finish later.
    """
    for relative, data in files.items():
        if _is_backed_up(relative):
            write_atomically(data_dir.joinpath(*relative.split("/")), data)
    for relative in data_files(data_dir):
        if _is_backed_up(relative) and relative not in files:
            _remove(data_dir.joinpath(*relative.split("/")))


def _is_tend_file(relative: str) -> bool:
    """Whether `relative` is a path Tend itself keeps data in."""
    try:
        return layout.relative_file(relative.removesuffix(".json")) == relative
    except ValueError:
        return False


def _is_backed_up(relative: str) -> bool:
    """Whether a backup holds `relative`: Tend's data files, but never the app lock."""
    return relative != _LOCK and _is_tend_file(relative)


def _remove(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError as error:
        raise StorageError(f"Tend could not remove {path} while restoring a backup ({error.strerror}).") from error
    sync_folder(path.parent)


def prune(data_dir: Path, keep: int = KEEP) -> None:
    """Keep only the newest `keep` backups."""
    for old in list_backups(data_dir)[keep:]:
        old.path.unlink(missing_ok=True)


def data_files(data_dir: Path) -> list[str]:
    """Every data file's relative path ('/' separated), leaving out the folders Tend keeps for itself."""
    return sorted(
        path.relative_to(data_dir).as_posix()
        for path in data_dir.rglob("*.json")
        if path.is_file() and path.relative_to(data_dir).parts[0] not in layout.RESERVED_FOLDERS
    )


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
