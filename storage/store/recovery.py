"""Getting damaged data out of the way without ever deleting it.

A file that can't be read is moved into `damaged/` (so nothing is lost and a
person or a helper can look at it later), and the live file is put back from
the newest backup that holds a readable copy, or started empty. A single
record that fails the app's rules, or a journal line that can't be applied,
is copied into `damaged/` the same way (`keep_aside`) and the rest is used.
"""

import json
import os
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from storage.errors import StorageError
from storage.records import stamp
from storage.store import backups, layout
from storage.store.durable import sync_folder, write_atomically
from storage.store.journal import FILE_NAME as JOURNAL_FILE

FOLDER_NAME = "damaged"
JOURNAL = "journal"
"""The name lines set aside from the journal go under."""

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
    folder = data_dir / FOLDER_NAME
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        aside = _unused_path(folder, f"{name.replace('/', '-')}-{now.strftime('%Y%m%d-%H%M%S')}")
        os.replace(path, aside)
    except OSError as error:
        raise StorageError(
            f"Tend could not read its saved {label(name)}, and could not repair it because its data "
            f"folder can't be written to ({data_dir}). The file was left as it is.") from error
    sync_folder(folder)
    sync_folder(path.parent)
    return aside


def _unused_path(folder: Path, base: str) -> Path:
    aside = folder / f"{base}.json"
    counter = 1
    while aside.exists():
        counter += 1
        aside = folder / f"{base}-{counter}.json"
    return aside


@dataclass
class SetAside:
    """Records of one file (or lines of the journal) taken out of use, and where their copy went once it is safe."""

    name: str
    entries: list[dict]
    """{"record": ..., "problems": {field: message}} or, from the journal, {"line": ..., "why": ...}."""
    from_journal: bool = False
    path: Path | None = field(default=None)


def keep_aside(data_dir: Path, aside: SetAside, now: datetime) -> Path:
    """Write what was set aside into damaged/, durably and never over an earlier copy; StorageError if refused."""
    if aside.path is None:
        source = JOURNAL_FILE if aside.from_journal or aside.name == JOURNAL else layout.relative_file(aside.name)
        kept = {"from": source, "set_aside": stamp(now), "entries": aside.entries}
        # A keepsake of what was there, NaN included: Tend never reads it back, a person or a helper may.
        data = json.dumps(kept, ensure_ascii=True, allow_nan=True, indent=1).encode("ascii")
        base = f"{aside.name.replace('/', '-')}-set-aside-{now.strftime('%Y%m%d-%H%M%S')}"
        target = _unused_path(data_dir / FOLDER_NAME, base)
        write_atomically(target, data)
        aside.path = target
    return aside.path


def set_aside_note(aside: SetAside, problem: str | None = None) -> str:
    """Tell the person, in plain words, what was set aside, that the rest is there, and where it was kept (or, if
    it could not be copied yet, that it stays where it was, and the `problem` that stopped the copy)."""
    count = len(aside.entries)
    what = "one entry" if count == 1 else f"{count} entries"
    it = "it" if count == 1 else "them"
    if aside.name == JOURNAL:
        told = (f"Tend could not apply {'one' if count == 1 else count} of your latest changes, "
                f"so it set {it} aside and applied the rest.")
    elif aside.from_journal:
        told = (f"Tend could not use {what} among your latest changes to your {label(aside.name)}, "
                f"so it set {it} aside and kept the rest.")
    else:
        told = f"Tend could not use {what} in your saved {label(aside.name)}, so it set {it} aside and loaded the rest."
    if aside.path is not None:
        return f"{told} {'It was' if count == 1 else 'They were'} kept, not deleted, at: {aside.path}"
    stays = (f"{told} {'It stays' if count == 1 else 'They stay'} where {'it was' if count == 1 else 'they were'}, "
             "untouched, until Tend can save again.")
    return f"{stays} {problem}" if problem else stays


def unrepaired_note(name: str, path: Path) -> str:
    """For a file that can't be read in a folder that can't be written: nothing was moved or changed."""
    return (f"Tend could not read your saved {label(name)}, and can't repair it while its folder can't be written "
            f"to. The file was left as it is, at: {path}")


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
