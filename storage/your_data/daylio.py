"""Reading Daylio's CSV export into check-ins, so people can bring their history when they switch to Tend.

Daylio writes `full_date,date,weekday,time,mood,activities,note_title,note`
(older versions have no note_title); columns are found by name. Its five moods
map onto Tend's five, its activities become tags. Daylio keeps no UTC offset,
so the local one is attached by `localize`. Each entry's id is derived from
its content, so importing the same file twice adds nothing the second time.
"""

import csv
import io
import re
import uuid
from collections.abc import Callable
from datetime import date, datetime, time

from storage.checkins.repository import file_for
from storage.checkins.model import CheckIn, Mood, check_in_problems, document_from_check_in, with_fixed_offset
from storage.your_data.exchange import ImportProblem, ImportReport, import_text, merge_into, shown
from storage.records import stamp

MOODS = {"rad": 5, "good": 4, "meh": 3, "bad": 2, "awful": 1}
NEEDED_COLUMNS = ("full_date", "time", "mood")
_NAMESPACE = uuid.UUID("6f1c7d2e-93c4-4c55-9a57-0d0d8f2a7c11")
_CLOCK = re.compile(r"(\d{1,2}):(\d{2})\s*(?:([AaPp])\.?\s*[Mm]\.?)?")
_COLUMN_OF = {"at": "time", "tags": "activities"}
"""Which Daylio column to name when a check-in field is refused."""

Localize = Callable[[datetime], datetime]


def _local(naive: datetime) -> datetime:
    return naive.astimezone()


def import_daylio(store, data: bytes | str, now: datetime, localize: Localize = _local,
                  source: str = "") -> ImportReport:
    """Add a Daylio export's entries as check-ins: all of them, or none and an ImportProblem naming the line."""
    return merge_into(store, daylio_check_ins(import_text(data), now, localize), now, source)


def daylio_check_ins(text: str, now: datetime, localize: Localize = _local) -> dict[str, list[dict]]:
    """Check-in records by month file from a Daylio export, each one checked; ImportProblem at the first fault."""
    rows = csv.reader(io.StringIO(text, newline=""), strict=True)  # an unclosed quote would swallow lines
    files: dict[str, list[dict]] = {}
    line = 1
    try:
        columns = _columns(next(rows, []))
        line = rows.line_num + 1
        for row in rows:
            if any(cell.strip() for cell in row):
                check_in = _check_in(dict(zip(columns, row)), line, now, localize)
                files.setdefault(file_for(check_in), []).append(document_from_check_in(check_in))
            line = rows.line_num + 1
    except csv.Error:
        raise ImportProblem(f"Line {line}", "this line can't be read as CSV: a quote may be missing, "
                                            "or a field is far too long. Please export it again.") from None
    return files


def _columns(header: list[str]) -> list[str]:
    columns = [name.strip().lower() for name in header]
    missing = [name for name in NEEDED_COLUMNS if name not in columns]
    if missing:
        raise ImportProblem("Line 1", "this doesn't look like a Daylio export: its first line should name the "
                                      f"columns {', '.join(NEEDED_COLUMNS)}. Please choose the CSV file Daylio made.")
    return columns


def _check_in(row: dict[str, str], line: int, now: datetime, localize: Localize) -> CheckIn:
    """The check-in one Daylio row describes, or ImportProblem naming the line and column."""
    mood_text = _cell(row, "mood")
    mood = MOODS.get(mood_text.lower())
    if mood is None:
        raise _refused(line, "mood", f"{shown(mood_text)} is not one of {', '.join(MOODS)}. "
                                     "Please change it to one of them and import again.")
    at = _moment(row, line, localize)
    tags = [tag for tag in dict.fromkeys(part.strip().lower() for part in _cell(row, "activities").split("|")) if tag]
    note = "\n".join(part for part in (_cell(row, "note_title"), _cell(row, "note")) if part)
    problems = check_in_problems(mood, tags=tags, note=note, at=at, now=now)
    if problems:
        field, problem = next(iter(problems.items()))
        raise _refused(line, _COLUMN_OF.get(field, field), problem)
    content = "\x1f".join((at.isoformat(), str(mood), *tags, "\x1e", note))
    made = stamp(at)  # "changed when it happened", so a second import of the same file finds nothing newer
    return CheckIn(id=str(uuid.uuid5(_NAMESPACE, content)), mood=Mood(mood), at=at, tags=tuple(tags), note=note,
                   created=made, updated=made)


def _moment(row: dict[str, str], line: int, localize: Localize) -> datetime:
    day_text, clock_text = _cell(row, "full_date"), _cell(row, "time")
    try:
        day = date.fromisoformat(day_text)
    except ValueError:
        raise _refused(line, "full_date", f"{shown(day_text)} is not a date like 2026-11-20.") from None
    clock = _clock(clock_text)
    if clock is None:
        raise _refused(line, "time", f"{shown(clock_text)} is not a time like 8:30 PM or 20:30.")
    try:
        return with_fixed_offset(localize(datetime.combine(day, clock)))
    except (ValueError, OverflowError, OSError):
        raise _refused(line, "full_date", f"Tend can't place {shown(day_text)} on this device's calendar. "
                                          "Please check the date.") from None


def _refused(line: int, column: str, problem: str) -> ImportProblem:
    return ImportProblem(f"Line {line}, field '{column}'", problem)


def _cell(row: dict[str, str], column: str) -> str:
    return (row.get(column) or "").strip()


def _clock(text: str) -> time | None:
    """"8:30 PM", "8:30pm" or "20:30" as a time of day, or None."""
    match = _CLOCK.fullmatch(text)
    if match is None:
        return None
    hour, minute, half = int(match[1]), int(match[2]), (match[3] or "").lower()
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "p" else 0)
    try:
        return time(hour, minute)
    except ValueError:
        return None
