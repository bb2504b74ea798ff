"""One "Import" for every file Tend can read: a Tend export (JSON), a Daylio export (CSV) or backup (.daylio), and
the exports of Pixels and Daily You (JSON) and Bearable (CSV).

People pick a file, not a format, so the file itself says which reader it needs.
Both readers check everything before writing, so a wrong guess only ever gives a
kind message and changes nothing.

Files over SIZE_LIMIT are refused by the size the file picker reports, before a
byte is read, with the same limit the readers hold the bytes to. The limit holds
Tend's own exports of decades of check-ins (see storage.your_data.exchange.SIZE_LIMIT);
an export that would not fit is told when it is made.
"""

import math
from dataclasses import dataclass
from datetime import datetime
from pathlib import PurePath

from storage.your_data.daylio import Localize, Moods, import_daylio
from storage.your_data.daylio_backup import import_daylio_backup, is_daylio_backup
from storage.your_data.exchange import (
    SIZE_LIMIT,
    ImportProblem,
    ImportReport,
    import_tend_export,
    import_text,
    merge_into,
)
from storage.your_data.other_apps import (
    bearable_check_ins,
    daily_you_check_ins,
    is_bearable,
    json_app,
    parsed_json,
    pixels_check_ins,
)

_JSON_STARTS = (b"{", b"[")
_BLANK = b"\xef\xbb\xbf \t\r\n"  # a byte order mark and white space before the first character


def is_tend_export(file_name: str, data: bytes) -> bool:
    """A .json name, or JSON inside whatever the name: a Daylio CSV starts with its column names instead."""
    return PurePath(file_name).suffix.lower() == ".json" or data.lstrip(_BLANK)[:1] in _JSON_STARTS


def import_file(store, file_name: str, data: bytes, now: datetime, localize: Localize,
                moods: Moods | None = None) -> ImportReport:
    """Import a picked file with the reader it needs; ImportProblem (nothing changed) if it can't be imported,
    MoodsToConfirm (nothing changed) if its mood names need the person's word first, given back as `moods`."""
    if is_daylio_backup(file_name, data):
        return import_daylio_backup(store, data, now, source=file_name)
    if is_tend_export(file_name, data):
        content = parsed_json(import_text(data))
        app = json_app(content)
        if app == "pixels":
            return _with_others(merge_into, store, pixels_check_ins(content, now, localize), now, file_name)
        if app == "daily-you":
            return _with_others(merge_into, store, daily_you_check_ins(content, now, localize), now, file_name)
        return import_tend_export(store, data, now, source=file_name)
    if is_bearable(import_text(data)):
        found = bearable_check_ins(import_text(data), now, localize, moods)
        return _with_others(merge_into, store, found, now, file_name)
    return import_daylio(store, data, now, localize, source=file_name, moods=moods)


@dataclass(frozen=True)
class OtherAppReport(ImportReport):
    """An import from another app, which may hold entries that aren't moods (a journal page, a sleep reading)."""

    not_moods: int = 0

    @property
    def summary(self) -> str:
        if not self.not_moods:
            return super().summary
        what = "entry that isn't a check-in" if self.not_moods == 1 else "entries that aren't check-ins"
        return f"{super().summary} Left out {self.not_moods:,} {what} (no mood, or another kind of reading)."

    @property
    def read(self) -> int:
        return self.added + self.updated + self.skipped + self.not_moods


def _with_others(merge, store, found: tuple[dict, int], now: datetime, source: str) -> OtherAppReport:
    files, not_moods = found
    report = merge(store, files, now, source)
    return OtherAppReport(report.added, report.updated, report.skipped, not_moods)


def size_problem(size_bytes: int) -> ImportProblem | None:
    """Why a file of this size won't be imported, or None; asked of the size the picker reports, so a file that is
    far too big (a video picked by mistake) is never read at all."""
    if size_bytes <= SIZE_LIMIT:
        return None
    return ImportProblem("", f"This file is {_megabytes(size_bytes)} MB, more than the {_megabytes(SIZE_LIMIT)} MB "
                             "Tend can import. Please check it is the right file.")


def too_big_to_import_again(size_bytes: int) -> str | None:
    """What to tell someone whose export is over the import limit (it can still be kept and read elsewhere), or
    None for every export that Tend can import again."""
    if size_bytes <= SIZE_LIMIT:
        return None
    return (f"This export is {_megabytes(size_bytes)} MB, more than the {_megabytes(SIZE_LIMIT)} MB Tend can "
            "import, so Tend can't read it back in one go. Your data is still safe in Tend.")


def _megabytes(size_bytes: int) -> int:
    return math.ceil(size_bytes / 2**20)
