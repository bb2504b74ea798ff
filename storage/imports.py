"""One "Import" for every file Tend can read: a Tend export (JSON) or a Daylio export (CSV).

People pick a file, not a format, so the file itself says which reader it needs.
Both readers check everything before writing, so a wrong guess only ever gives a
kind message and changes nothing.
"""

from datetime import datetime
from pathlib import PurePath

from storage.daylio import Localize, import_daylio
from storage.exchange import ImportReport, import_tend_export

_JSON_STARTS = (b"{", b"[")
_BLANK = b"\xef\xbb\xbf \t\r\n"  # a byte order mark and white space before the first character


def is_tend_export(file_name: str, data: bytes) -> bool:
    """A .json name, or JSON inside whatever the name: a Daylio CSV starts with its column names instead."""
    return PurePath(file_name).suffix.lower() == ".json" or data.lstrip(_BLANK)[:1] in _JSON_STARTS


def import_file(store, file_name: str, data: bytes, now: datetime, localize: Localize) -> ImportReport:
    """Import a picked file with the reader it needs; ImportProblem (nothing changed) if it can't be imported."""
    if is_tend_export(file_name, data):
        return import_tend_export(store, data, now, source=file_name)
    return import_daylio(store, data, now, localize, source=file_name)
