"""Daily rolling backups of the data folder, and reading a file back out of them.

A backup is a zip of every data file, so one file can be restored from it when
the live copy is damaged. Every write replaces files whole (`os.replace`), so
reading them for a zip gives a consistent copy of each file.
"""

import io
import json
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from storage.durable import write_atomically

KEEP = 14
_PREFIX = "tend-"
_SKIPPED = ("backups", "damaged")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    day: date
    size_bytes: int


def backups_folder(data_dir: Path) -> Path:
    return data_dir / "backups"


def list_backups(data_dir: Path) -> list[BackupInfo]:
    """Backups in the data folder, newest first."""
    found = []
    for path in backups_folder(data_dir).glob(f"{_PREFIX}*.zip"):
        try:
            day = date.fromisoformat(path.stem[len(_PREFIX):])
            found.append(BackupInfo(path, day, path.stat().st_size))
        except (ValueError, OSError):
            continue  # not one of ours, or gone meanwhile
    return sorted(found, key=lambda info: info.day, reverse=True)


def back_up_if_due(data_dir: Path, now: datetime, keep: int = KEEP) -> Path | None:
    """Make today's backup unless there is one already (or nothing to back up)."""
    if any(info.day == now.date() for info in list_backups(data_dir)) or not data_files(data_dir):
        return None
    return back_up_now(data_dir, now, keep)


def back_up_now(data_dir: Path, now: datetime, keep: int = KEEP) -> Path:
    """Write today's backup (replacing an earlier one from today) and keep only the newest `keep`."""
    target = backups_folder(data_dir) / f"{_PREFIX}{now.date().isoformat()}.zip"
    write_atomically(target, zip_of(data_dir))
    for old in list_backups(data_dir)[keep:]:
        old.path.unlink(missing_ok=True)
    return target


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
