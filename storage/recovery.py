"""Getting a damaged data file out of the way without ever deleting it.

A file that can't be read is moved into `damaged/` (so nothing is lost and a
person or a helper can look at it later), and the live file is put back from
the newest backup that holds a readable copy, or started empty.
"""

import os
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from storage import backups, layout
from storage.durable import sync_folder, write_atomically
from storage.errors import StorageError

_MONTHS = ("January", "February", "March", "April", "May", "June", "July",
           "August", "September", "October", "November", "December")


@dataclass(frozen=True)
class Recovery:
    """What happened to one damaged file."""
    aside: Path
    backup_day: date | None


def recovered(data_dir: Path, name: str, now: datetime) -> Recovery:
    """Move the damaged file for `name` aside and put back the newest readable backup copy, if any."""
    path = layout.path_for(data_dir, name)
    aside = set_aside(data_dir, name, path, now)
    found = backups.newest_readable_copy(data_dir, layout.relative_file(name))
    if found is None:
        return Recovery(aside, None)
    info, data = found
    write_atomically(path, data)
    return Recovery(aside, info.day)


def set_aside(data_dir: Path, name: str, path: Path, now: datetime) -> Path:
    """Move `path` into damaged/ under a name that says what and when; never overwrite an earlier one."""
    folder = data_dir / "damaged"
    base = f"{name.replace('/', '-')}-{now.strftime('%Y%m%d-%H%M%S')}"
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        aside = folder / f"{base}.json"
        counter = 1
        while aside.exists():
            counter += 1
            aside = folder / f"{base}-{counter}.json"
        os.replace(path, aside)
    except OSError as error:
        raise StorageError(
            f"Tend could not read its saved {label(name)}, and could not repair it because its data "
            f"folder can't be written to ({data_dir}). The file was left as it is.") from error
    sync_folder(folder)
    sync_folder(path.parent)
    return aside


def note(name: str, recovery: Recovery) -> str:
    """Tell the person, in plain words, what happened and where the damaged file is."""
    if recovery.backup_day is None:
        what = ("No backup held a readable copy, so Tend started this part fresh. "
                "Everything else you saved is unaffected.")
    else:
        what = (f"Tend put back the copy from the backup of {recovery.backup_day:%d %B %Y}. "
                "Anything saved there after that backup may be missing.")
    return (f"Tend could not read your saved {label(name)}. {what} "
            f"The unreadable file was kept, not deleted, at: {recovery.aside}")


def label(name: str) -> str:
    """A person's words for a logical file name: 'checkins/2026-11' -> 'check-ins from November 2026'."""
    folder, _, rest = name.rpartition("/")
    if folder == "checkins":
        try:
            year, month = (int(part) for part in rest.split("-"))
            return f"check-ins from {_MONTHS[month - 1]} {year}"
        except (ValueError, IndexError):
            pass
    return {"settings": "settings", "people": "list of people"}.get(name, f"data ({name})")
