"""Restores and imports are all or nothing, even when Tend is killed halfway through one.

Both change many files, and a kill, a crash or a power cut can come between
any two writes. How each is kept whole:

- An import is ONE line in the journal (`journal.batch`): every record it adds
  or updates, in every file, is appended and flushed to disk in a single write.
  The journal skips a line a kill cut short and replays a whole one at the next
  start, so an import is either all there or not there at all. Nothing to undo.
- A restore replaces files one by one, which no single write can cover. Before
  the first data file changes, the backup it restores and a backup of the state
  before it are both on disk, so the restore can always be redone: at the next
  start it is finished from that backup (roll forward), and replacing a file
  twice is harmless. Only if that backup can no longer be read as it was (its
  SHA-256 is in the intent) is the state before put back instead (roll back).

Either way the person must hear what happened, so each first writes an intent
record (`operation.intent`, atomically, beside the data) saying what it is
about to do, and removes it once done. An intent found when the store opens
(once the journal is replayed) means Tend was closed in the middle: a restore
is finished (or undone) then, and an import is judged by one of its records,
whose hash the intent holds: stored exactly so, the import landed (an import
only ever writes records that differ from the stored ones); otherwise nothing
changed. A note in plain words goes to `Store.recovery_notes`. The intent is
written before anything else the operation does (an import's backup
included), and nothing else writes data while a restore's intent exists (the
store holds its lock throughout).
"""

import hashlib
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from storage.errors import StorageError
from storage.records import stamp
from storage.store import backups
from storage.store.durable import sync_folder, write_atomically

FILE_NAME = "operation.intent"
CUT_SHORT = "Tend was closed while "
"""How every note about an operation cut short begins."""
_RESTORE = "restore"
_IMPORT = "import"


def path_in(data_dir: Path) -> Path:
    return data_dir / FILE_NAME


def restore(data_dir: Path, backup: Path, now: datetime) -> Path:
    """Make the data files equal `backup`'s, after backing up the current state; returns that new backup.

    The chosen backup is read and checked before anything changes, so a damaged
    one is refused with nothing changed. The app lock belongs to the device,
    not to the backup: it stays as it is. The caller holds the store's lock,
    has checkpointed, and drops its open files afterwards (Store.restore_backup).
    """
    try:
        raw = backup.read_bytes()
    except OSError:
        raw = b""  # refused just below, like any unreadable backup
    files = backups.contents_of(raw)
    current = backups.files_to_back_up(data_dir)
    before = backups.save_before_restore(data_dir, current, now)
    _begin(data_dir, {"operation": _RESTORE, "backup": str(backup), "sha256": hashlib.sha256(raw).hexdigest(),
                      "before": str(before), "what": backups.described(backup), "started": stamp(now)})
    try:
        backups.replace_data_files(data_dir, files)
    except StorageError as error:
        _put_back(data_dir, current, error)
        raise
    end(data_dir)
    backups.prune(data_dir)
    return before


def _put_back(data_dir: Path, current: dict[str, bytes], error: StorageError) -> None:
    """A restore the device refused halfway is undone at once, so Tend never goes on with a mix of both."""
    try:
        backups.replace_data_files(data_dir, current)
    except StorageError:
        raise StorageError(f"{error.message} Tend could not finish restoring the backup; it will finish it the "
                           "next time it starts.") from error
    end(data_dir)


def begin_import(data_dir: Path, source: str, file_name: str, record: dict, now: datetime) -> str:
    """Note that an import is about to be written, with one `record` of it (in `file_name`) to tell later whether it
    landed; returns the id its journal line carries."""
    batch_id = str(uuid.uuid4())
    _begin(data_dir, {"operation": _IMPORT, "id": batch_id, "source": source, "started": stamp(now),
                      "probe": {"file": file_name, "id": record["id"], "sha256": _hash(record)}})
    return batch_id


def end(data_dir: Path) -> None:
    """The operation is complete: forget its intent. A failure here only means a note at the next start."""
    try:
        path_in(data_dir).unlink(missing_ok=True)
    except OSError:
        return
    sync_folder(data_dir)  # gone for good before anything else is written


@dataclass(frozen=True)
class Finished:
    """What became of an operation a kill cut short."""

    note: str
    """What to tell the person."""
    files_replaced: bool
    """Whether data files were rewritten under the store (a restore), so it must read them again."""


StoredRecord = Callable[[str, str], dict | None]
"""(file name, record id) → the record as the store holds it now, or None."""


def finish_interrupted(data_dir: Path, stored: StoredRecord) -> Finished | None:
    """Finish or undo an operation a kill cut short and say what became of it; None if there was none.

    Call once the journal is replayed, so an import that landed is found in the store.
    """
    intent = _read(data_dir)
    if intent is None:
        return None
    if intent.get("operation") == _RESTORE:
        try:
            finished = Finished(_finished_restore(data_dir, intent), files_replaced=True)
        except StorageError as error:  # a full or read-only device: keep the intent and try again next time
            return Finished(f"{CUT_SHORT}restoring {intent.get('what', 'a backup')}, and could not finish it now: "
                            f"{error.message} Tend will try again the next time it starts.", files_replaced=True)
    elif intent.get("operation") == _IMPORT:
        finished = Finished(_told_import(intent, stored), files_replaced=False)
    else:
        finished = None  # not an intent this version writes: nothing it could finish
    end(data_dir)
    return finished


def _finished_restore(data_dir: Path, intent: dict) -> str:
    what = intent.get("what", "a backup")
    backup = _readable(intent.get("backup"), intent.get("sha256"))
    if backup is not None:
        backups.replace_data_files(data_dir, backup)
        backups.prune(data_dir)
        return f"{CUT_SHORT}restoring {what}; it finished the restore now, so your data is as it was in that backup."
    before = _readable(intent.get("before"), None)
    if before is not None:
        backups.replace_data_files(data_dir, before)
        return (f"{CUT_SHORT}restoring {what}, and that backup can't be read as it was any more, so Tend put back "
                "your data as it was before the restore: nothing was changed.")
    return (f"{CUT_SHORT}restoring {what}, and neither that backup nor the copy of your data made just before it "
            "can be read now, so some of your data may be from the backup and some from before. Your backups are "
            f"in {backups.backups_folder(data_dir)}.")


def _readable(path: object, sha256: str | None) -> dict[str, bytes] | None:
    """The data files of the backup at `path`, if it can be read (and, given `sha256`, is unchanged)."""
    if not isinstance(path, str):
        return None
    try:
        raw = Path(path).read_bytes()
        if sha256 is not None and hashlib.sha256(raw).hexdigest() != sha256:
            return None
        return backups.contents_of(raw)
    except (OSError, StorageError):
        return None


def _told_import(intent: dict, stored: StoredRecord) -> str:
    source = intent.get("source")
    what = f"importing “{source}”" if isinstance(source, str) and source else "importing a file"
    probe = intent.get("probe")
    try:
        record = stored(probe["file"], probe["id"])
        landed = record is not None and _hash(record) == probe["sha256"]
    except (TypeError, KeyError, ValueError, StorageError):  # no probe, or its file can't be read: it can't count
        landed = False
    if landed:
        return f"{CUT_SHORT}{what}; it finished the import now, so everything in the file is in Tend."
    return f"{CUT_SHORT}{what}; nothing was imported, so your data is as it was. You can import the file again."


def _hash(record: dict) -> str:
    return hashlib.sha256(json.dumps(record, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()


def _begin(data_dir: Path, intent: dict) -> None:
    write_atomically(path_in(data_dir), json.dumps(intent, ensure_ascii=False).encode("utf-8"))


def _read(data_dir: Path) -> dict | None:
    try:
        intent = json.loads(path_in(data_dir).read_bytes())
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        return {}  # written atomically, so only a damaged disk gets here: nothing to go on, so it is dropped
    return intent if isinstance(intent, dict) else {}
