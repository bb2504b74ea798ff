"""Everything Tend holds as one JSON file, and reading such a file back in.

An export imported into an empty Tend gives back exactly the same records. An
import is checked in full before anything is written, today's backup is renewed
just before it, and then it is saved as one change (`Store.import_records`), so
a bad file changes nothing, a kill lands all of a good one or none of it, and
it can be undone. Records are merged by id: the newer change (`updated`) wins.
Neither an export nor a backup ever holds the app lock.

The format:
    {"format": "tend-export", "version": 1, "exported": "<stamp>", "files": {"<name>": [<record>, ...]}}

What each kind of record must be is in `storage.your_data.record_checks`,
which the store also reads its files by.
"""

import json
import math
from dataclasses import dataclass
from datetime import datetime

from storage.app_lock import LOCK_FILE
from storage.records import parse_stamp, stamp
from storage.store.layout import checked_name
from storage.your_data.record_checks import RECORD_CHECKS, record_problems, shown

FORMAT = "tend-export"
VERSION = 1
SIZE_LIMIT = 100 * 1024 * 1024
"""Holds Tend's own export of decades of heavy use: an exported check-in takes about 300 bytes, so this holds about
340,000 (ten a day for 90 years; 200,000 made 57.6 MB), and reading that much stays within a phone's memory."""


class ImportProblem(ValueError):
    """Why a file can't be imported: where, what is wrong and how to fix it. Raised before anything changed."""

    def __init__(self, where: str, problem: str):
        located = f"{where}: {problem}" if where else problem
        self.message = f"{located} Nothing was imported, so your data is as it was."
        super().__init__(self.message)


@dataclass(frozen=True)
class ImportReport:
    """What an import did: records added, updated, and skipped because Tend had the same or a newer version."""

    added: int = 0
    updated: int = 0
    skipped: int = 0

    @property
    def summary(self) -> str:
        return (f"Added {self.added}, updated {self.updated}, and left {self.skipped} as they were "
                "(Tend already had the same or a newer version).")


def exported(store, now: datetime) -> dict:
    """Every record Tend holds, by file, as one JSON-safe dict; the app lock stays on this device."""
    names = set(store.names(""))
    for folder in (key for key in RECORD_CHECKS if key.endswith("/")):
        names.update(store.names(folder))  # `names("")` lists only the top folder of a data folder
    names.discard(LOCK_FILE)
    return {"format": FORMAT, "version": VERSION, "exported": stamp(now),
            "files": {name: store.documents(name) for name in sorted(names)}}


def export_text(store, now: datetime) -> str:
    """The export as readable JSON text, one field a line, so an import problem can name a line."""
    return json.dumps(exported(store, now), ensure_ascii=False, allow_nan=False, indent=1)


def import_tend_export(store, data: bytes | str, now: datetime, source: str = "") -> ImportReport:
    """Merge a Tend export into the store: all of it, or nothing and an ImportProblem saying why.

    `source` names the file, for a note at the next start if Tend is closed halfway.
    """
    return merge_into(store, export_files(import_text(data)), now, source)


def import_text(data: bytes | str) -> str:
    """The text of a file to import; ImportProblem if it is too big or not UTF-8."""
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")  # broken text is then refused below, with its line
    if len(data) > SIZE_LIMIT:
        raise ImportProblem("", f"This file is {math.ceil(len(data) / 2**20)} MB, more than the "
                                f"{SIZE_LIMIT // 2**20} MB Tend can import. Please check it is the right file.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[:error.start].count(b"\n") + 1
        raise ImportProblem(f"Line {line}", "this isn't readable text (UTF-8). "
                                            "Please export the file again, or save it as UTF-8.") from None


def export_files(text: str) -> dict[str, list[dict]]:
    """The records of a Tend export by file, every one checked; ImportProblem naming the first fault."""
    try:
        content = json.loads(text)
    except json.JSONDecodeError as error:
        raise ImportProblem(f"Line {error.lineno}", f"this isn't valid JSON ({error.msg} at column {error.colno}). "
                                                    "The file may have been changed or cut short; "
                                                    "please export it again.") from None
    except RecursionError:
        raise ImportProblem("", "This file is nested too deeply to be a Tend export.") from None
    files = _checked_envelope(content)
    for name, records in files.items():
        _check_file(name, records)
    return files


def merge_into(store, files: dict[str, list[dict]], now: datetime, source: str = "") -> ImportReport:
    """Save each checked record that is new, or newer than the stored one; back up first if anything changes.

    Every record lands in one change, so a kill or a full disk leaves all of them imported or none.
    """
    writes, report = _merge_plan(store, files)
    if writes:
        store.import_records(writes, source, now)
    return report


def _merge_plan(store, files: dict[str, list[dict]]) -> tuple[dict[str, list[dict]], ImportReport]:
    writes: dict[str, list[dict]] = {}
    added = updated = skipped = 0
    for name, records in files.items():
        stored = {doc["id"]: doc for doc in store.documents(name)}
        changes: dict[str, dict] = {}
        for record in records:
            earlier = changes.get(record["id"]) or stored.get(record["id"])
            if earlier is None:
                added += 1
            elif _is_newer(record, earlier):
                updated += 1
            else:
                skipped += 1
                continue
            changes[record["id"]] = record
        if changes:
            writes[name] = list(changes.values())
    return writes, ImportReport(added, updated, skipped)


def _is_newer(record: dict, earlier: dict) -> bool:
    try:
        return parse_stamp(record["updated"]) > parse_stamp(earlier["updated"])
    except (KeyError, TypeError, ValueError):
        return True  # the stored copy has no readable stamp: the checked import is the better one


def _checked_envelope(content: object) -> dict:
    if not isinstance(content, dict) or content.get("format") != FORMAT:
        raise ImportProblem("", "This isn't a Tend export. Please choose a file made with Export in Tend's Settings.")
    version = content.get("version")
    whole_number = isinstance(version, int) and not isinstance(version, bool)
    if whole_number and version > VERSION:
        raise ImportProblem("", "This export comes from a newer version of Tend. "
                                "Please update Tend, then import it again.")
    if not whole_number or version != VERSION:
        raise ImportProblem("", f"This export has a version Tend doesn't know ({shown(version)}). "
                                "Please export it again.")
    files = content.get("files")
    if not isinstance(files, dict):
        raise ImportProblem("", "This export has no list of files. Please export it again.")
    return files


def _check_file(name: str, records: object) -> None:
    where = f"File “{name}”"
    try:
        checked_name(name)
    except ValueError:
        raise ImportProblem(where, "this isn't a name Tend uses for its data. "
                                   "Please export the file again rather than edit it.") from None
    if name == LOCK_FILE:
        raise ImportProblem(where, "an app lock is never imported. Please remove it from the file; "
                                   "you can set a PIN in Settings.")
    if not isinstance(records, list):
        raise ImportProblem(where, "this should be a list of records.")
    first_with_id: dict[str, int] = {}
    for number, record in enumerate(records, start=1):
        where = f"In “{name}”, record {number}"
        if not isinstance(record, dict):
            raise ImportProblem(where, "this should be a record (a JSON object).")
        problems = record_problems(name, record)
        if problems:
            field, message = next(iter(problems.items()))
            raise ImportProblem(f"{where}, field '{field}'", message)
        first = first_with_id.setdefault(record["id"], number)
        if first != number:
            raise ImportProblem(f"{where}, field 'id'", f"record {first} has the same id. Each record needs its own.")
