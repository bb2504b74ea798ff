"""Where each logical file ("settings", "checkins/2026-11") lives in the data folder.

Names are checked so a name can never reach outside the data folder or into
the folders Tend keeps for backups, damaged files and its log.
"""

import os
import re
from datetime import datetime, timedelta
from pathlib import Path

from storage.store.durable import TEMP_SUFFIX
from storage.store.logs import FOLDER_NAME as LOG_FOLDER

_NAME = re.compile(r"[a-z0-9][a-z0-9_-]*(/[a-z0-9][a-z0-9_-]*)*")
RESERVED_FOLDERS = ("backups", "damaged", LOG_FOLDER)
_STALE_AFTER = timedelta(hours=1)


def checked_name(name: str) -> str:
    """`name` itself if it is a valid logical file name, else ValueError."""
    if not isinstance(name, str) or not _NAME.fullmatch(name):
        raise ValueError(f"{name!r} is not a valid file name: use lowercase words joined by '/'")
    if name.split("/")[0] in RESERVED_FOLDERS:
        raise ValueError(f"{name!r} is inside a folder Tend keeps for itself")
    return name


def relative_file(name: str) -> str:
    """The file's path inside the data folder, with '/' separators (as in backups)."""
    return f"{checked_name(name)}.json"


def path_for(data_dir: Path, name: str) -> Path:
    """The file that holds logical file `name`."""
    return data_dir.joinpath(*relative_file(name).split("/"))


def names_on_disk(data_dir: Path, prefix: str) -> list[str]:
    """Logical names starting with `prefix`, from one folder listing (no file is opened)."""
    folder_part, _, start = prefix.rpartition("/")
    folder = data_dir.joinpath(*folder_part.split("/")) if folder_part else data_dir
    try:
        entries = list(os.scandir(folder))
    except (FileNotFoundError, NotADirectoryError):
        return []
    found = []
    for entry in entries:
        stem = entry.name[: -len(".json")]
        if entry.name.endswith(".json") and stem.startswith(start) and entry.is_file():
            name = f"{folder_part}/{stem}" if folder_part else stem
            if _NAME.fullmatch(name) and name.split("/")[0] not in RESERVED_FOLDERS:
                found.append(name)
    return sorted(found)


def remove_stale_temp_files(data_dir: Path, now: datetime) -> None:
    """Delete temp files left by writes that a crash cut short; they never hold the only copy."""
    cutoff = (now - _STALE_AFTER).timestamp()
    for folder, _, files in os.walk(data_dir):
        for file_name in files:
            if file_name.startswith(".") and file_name.endswith(TEMP_SUFFIX):
                temp = os.path.join(folder, file_name)
                try:
                    if os.stat(temp).st_mtime < cutoff:
                        os.unlink(temp)
                except OSError:
                    pass  # read-only folder or already gone: harmless
