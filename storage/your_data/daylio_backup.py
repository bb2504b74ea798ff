"""Reading Daylio's own backup (.daylio) into check-ins: every custom mood placed exactly, no question asked.

A backup is a zip holding `backup.daylio`: base64 of one JSON object (as open-source readers of it describe,
and as a real backup here shows). What Tend reads of it:
    customMoods: [{id, custom_name, mood_group_id 1 (best) … 5 (worst), …}]   level = 6 − mood_group_id
    tags:        [{id, name, …}]
    dayEntries:  [{datetime (ms since 1970, UTC), timeZoneOffset (ms), mood (a customMoods id), tags (ids),
                   note, note_title, …}]
Nothing else is read, so a `pin` or the reminders a backup may hold never reach Tend. Entries get the same ids as
the same entries from Daylio's CSV export, so importing both adds each entry once.
"""

import base64
import binascii
import io
import json
import zipfile
from collections import Counter
from datetime import datetime, timedelta, timezone

from storage.checkins.model import document_from_check_in
from storage.checkins.repository import file_for
from storage.your_data.daylio import entry_check_in
from storage.your_data.exchange import SIZE_LIMIT, ImportProblem, ImportReport, merge_into, shown

BACKUP_MEMBER = "backup.daylio"
_NOT_A_BACKUP = ("This doesn't look like a Daylio backup. Please choose the .daylio file Daylio made "
                 "(More → Backup & Restore), or its CSV export.")


def is_daylio_backup(file_name: str, data: bytes) -> bool:
    """A .daylio name, or a zip (every .daylio file is one)."""
    return file_name.lower().endswith(".daylio") or data[:4] == b"PK\x03\x04"


def import_daylio_backup(store, data: bytes, now: datetime, source: str = "") -> ImportReport:
    """Add a Daylio backup's entries as check-ins: all of them, or none and an ImportProblem saying which."""
    return merge_into(store, daylio_backup_check_ins(backup_content(data), now), now, source)


def backup_content(data: bytes) -> dict:
    """The JSON object a .daylio file holds; ImportProblem if it isn't one."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            member = next((name for name in archive.namelist() if name.rpartition("/")[2] == BACKUP_MEMBER), None)
            if member is None or archive.getinfo(member).file_size > SIZE_LIMIT:
                raise ImportProblem("", _NOT_A_BACKUP)
            encoded = archive.read(member)
        content = json.loads(base64.b64decode(b"".join(encoded.split())).decode("utf-8"))
    except (zipfile.BadZipFile, binascii.Error, UnicodeDecodeError, ValueError, RecursionError, OSError):
        raise ImportProblem("", _NOT_A_BACKUP) from None
    if not isinstance(content, dict) or not isinstance(content.get("dayEntries"), list):
        raise ImportProblem("", _NOT_A_BACKUP)
    return content


def daylio_backup_check_ins(content: dict, now: datetime) -> dict[str, list[dict]]:
    """Check-in records by month file from a backup's entries, each one checked; ImportProblem at the first fault."""
    levels = _levels(content.get("customMoods"))
    tag_names = {tag.get("id"): str(tag.get("name") or "") for tag in _objects(content.get("tags"))
                 if isinstance(tag.get("id"), (int, str))}
    files: dict[str, list[dict]] = {}
    seen: Counter[str] = Counter()
    for number, entry in enumerate(content["dayEntries"], start=1):
        where = f"Entry {number}"
        if not isinstance(entry, dict):
            raise ImportProblem(where, "this isn't an entry Tend can read. Please make the backup again.")
        mood = entry.get("mood")
        level = levels.get(mood) if isinstance(mood, (int, str)) else None
        if level is None:
            raise ImportProblem(where, f"its mood ({shown(entry.get('mood'))}) isn't among the backup's moods. "
                                       "Please make the backup again.")
        at = _moment(entry, where)
        tag_ids = entry.get("tags") if isinstance(entry.get("tags"), list) else []
        tags = [tag_names.get(tag_id, "") for tag_id in tag_ids if isinstance(tag_id, (int, str))]
        problems, check_in = entry_check_in(level, at, tags, _text(entry.get("note_title")), _text(entry.get("note")),
                                            now, seen)
        if problems:
            field, problem = next(iter(problems.items()))
            raise ImportProblem(f"{where} ({at:%Y-%m-%d %H:%M})", f"{field}: {problem}")
        files.setdefault(file_for(check_in), []).append(document_from_check_in(check_in))
    return files


def _levels(moods: object) -> dict[object, int]:
    """Mood id → Tend level; group 1 is Daylio's best, so level = 6 − group."""
    levels = {}
    for mood in _objects(moods):
        group = mood.get("mood_group_id")
        if isinstance(group, int) and 1 <= group <= 5 and isinstance(mood.get("id"), (int, str)):
            levels[mood.get("id")] = 6 - group
    return levels


def _moment(entry: dict, where: str) -> datetime:
    """When the entry was made, at the UTC offset its device had then."""
    try:
        offset = timezone(timedelta(milliseconds=int(entry.get("timeZoneOffset") or 0)))
        return datetime.fromtimestamp(int(entry["datetime"]) / 1000, offset).replace(second=0, microsecond=0)
    except (KeyError, TypeError, ValueError, OverflowError, OSError):
        raise ImportProblem(where, f"its time ({shown(entry.get('datetime'))}) isn't one Tend can read. "
                                   "Please make the backup again.") from None


def _objects(items: object) -> list[dict]:
    return [item for item in items if isinstance(item, dict)] if isinstance(items, list) else []


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""
