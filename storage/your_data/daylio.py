"""Reading Daylio's CSV export into check-ins, so people can bring their history when they switch to Tend.

Daylio has written four headers: `year,date,weekday,time,mood,activities,note`
(the date localised, the year apart), then `full_date,…` without and with
`note_title`, and the newest with `scales`; columns are found by name, and a
file whose header was lost is read by its number of columns. Its five English
default moods map onto Tend's five; any other name (renamed, added, another
language) is asked once (MoodsToConfirm) before anything is written. Its
activities become tags, rich-text notes plain text, a note title the first line. Daylio keeps no UTC offset,
so the local one is attached by `localize`. Each entry's id is derived from
its content (and, for repeated identical rows, which repeat it is), so importing
the same file twice adds nothing the second time.
"""

import csv
import html
import io
import re
import uuid
from collections import Counter
from collections.abc import Callable
from datetime import date, datetime, time

from storage.checkins.model import (
    TAG_LIMIT,
    CheckIn,
    Mood,
    check_in_problems,
    document_from_check_in,
    with_fixed_offset,
)
from storage.checkins.repository import file_for
from storage.records import stamp
from storage.your_data.exchange import ImportProblem, ImportReport, import_text, merge_into, shown
from storage.your_data.mood_names import MoodsToConfirm, key, mood_names, needs_confirming, placed

HEADERS = {
    7: ("full_date", "date", "weekday", "time", "mood", "activities", "note"),
    8: ("full_date", "date", "weekday", "time", "mood", "activities", "note_title", "note"),
    9: ("full_date", "date", "weekday", "time", "mood", "activities", "scales", "note_title", "note"),
}
"""Daylio's headers by their number of columns, for a file whose header line was lost; the fourth, older one
(`year,date,weekday,time,mood,activities,note`) always has its header."""
_NAMESPACE = uuid.UUID("6f1c7d2e-93c4-4c55-9a57-0d0d8f2a7c11")
_CLOCK = re.compile(r"(\d{1,2})[:.](\d{2})\s*(?:([AaPp])\.?\s*[Mm]\.?)?")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_COLUMN_OF = {"at": "time", "tags": "activities"}
"""Which Daylio column to name when a check-in field is refused."""
_LINE_TAGS = re.compile(r"<\s*(?:br|/p|/div|/li|/h[1-6])\s*/?\s*>", re.IGNORECASE)
_RICH_TAGS = re.compile(r"</?\s*(?:p|div|b|i|u|s|em|strong|strike|span|font|ul|ol|li|h[1-6]|a|br)\b[^>]*>",
                        re.IGNORECASE)
_MONTHS = {
    1: "january jan januar janvier enero gennaio janeiro januari styczeń stycznia январь января",
    2: "february feb februar février fevrier febrero febbraio fevereiro februari luty lutego "
       "февраль февраля",
    3: "march mar märz maerz mars marzo março marco maart marzec marca март марта",
    4: "april apr avril abril aprile kwiecień kwietnia апрель апреля",
    5: "may mai mayo maggio maio mei maj maja май мая",
    6: "june jun juni juin junio giugno junho czerwiec czerwca июнь июня",
    7: "july jul juli juillet julio luglio julho lipiec lipca июль июля",
    8: "august aug août aout agosto augustus sierpień sierpnia август августа",
    9: "september sep sept septembre septiembre settembre setembro wrzesień września "
       "сентябрь сентября",
    10: "october oct oktober octobre octubre ottobre outubro październik października октябрь октября",
    11: "november nov novembre noviembre novembro listopad listopada ноябрь ноября",
    12: "december dec dezember décembre decembre diciembre dicembre dezembro grudzień grudnia "
        "декабрь декабря",
}
_MONTH_OF = {word: month for month, words in _MONTHS.items() for word in words.split()}

Localize = Callable[[datetime], datetime]
Moods = dict[str, int]
"""A confirmed mapping: mood name (as `mood_names.key` gives it) → Tend mood 1–5."""


def _local(naive: datetime) -> datetime:
    return naive.astimezone()


def import_daylio(store, data: bytes | str, now: datetime, localize: Localize = _local,
                  source: str = "", moods: Moods | None = None) -> ImportReport:
    """Add a Daylio export's entries as check-ins: all of them, or none and an ImportProblem naming the line.

    MoodsToConfirm (nothing written) when the file has mood names Tend can't place and no `moods` were given.
    """
    return merge_into(store, daylio_check_ins(import_text(data), now, localize, moods), now, source)


def daylio_check_ins(text: str, now: datetime, localize: Localize = _local,
                     moods: Moods | None = None) -> dict[str, list[dict]]:
    """Check-in records by month file from a Daylio export, each one checked; ImportProblem at the first fault."""
    rows = _rows(text)
    counted = _counted_moods(rows)
    if moods is None and needs_confirming(counted):
        raise MoodsToConfirm(mood_names(counted))
    files: dict[str, list[dict]] = {}
    seen: Counter[str] = Counter()
    for line, row in rows:
        check_in = _check_in(row, line, now, localize, moods or {}, seen)
        files.setdefault(file_for(check_in), []).append(document_from_check_in(check_in))
    return files


def _rows(text: str) -> list[tuple[int, dict[str, str]]]:
    """(line number, cells by column) for every row that isn't blank; ImportProblem if the CSV can't be read."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)  # an unclosed quote would swallow lines
    found = []
    line = 1
    try:
        first = next(reader, [])
        columns = _columns(first)
        if columns is None:  # the header line was lost: the first line is an entry
            columns = list(HEADERS[len(first)])
            found.append((1, dict(zip(columns, first))))
        line = reader.line_num + 1
        for row in reader:
            if any(cell.strip() for cell in row):
                found.append((line, dict(zip(columns, row))))
            line = reader.line_num + 1
    except csv.Error:
        raise ImportProblem(f"Line {line}", "this line can't be read as CSV: a quote may be missing, "
                                            "or a field is far too long. Please export it again.") from None
    return found


def _columns(header: list[str]) -> list[str] | None:
    """The columns a header line names; None for a header-less file that starts with an entry."""
    columns = [name.strip().lstrip("\ufeff").strip().lower() for name in header]
    if columns and _ISO_DAY.fullmatch(columns[0]) and len(columns) in HEADERS:
        return None
    dated = "full_date" in columns or {"year", "date"} <= set(columns)
    if not dated or "time" not in columns or "mood" not in columns:
        raise ImportProblem("Line 1", "this doesn't look like a Daylio export: its first line should name the "
                                      "columns full_date (or year and date), time and mood. "
                                      "Please choose the CSV file Daylio made.")
    return columns


def _counted_moods(rows: list[tuple[int, dict[str, str]]]) -> dict[str, tuple[str, int]]:
    """Mood names by key: (as first written, how many entries)."""
    counted: dict[str, tuple[str, int]] = {}
    for _, row in rows:
        written = _cell(row, "mood")
        if written:
            first, entries = counted.get(key(written), (written, 0))
            counted[key(written)] = (first, entries + 1)
    return counted


def _check_in(row: dict[str, str], line: int, now: datetime, localize: Localize, moods: Moods,
              seen: Counter) -> CheckIn:
    """The check-in one Daylio row describes, or ImportProblem naming the line and column."""
    mood_text = _cell(row, "mood")
    mood = moods.get(key(mood_text)) or placed(mood_text)
    if mood is None:
        raise _refused(line, "mood", f"{shown(mood_text)} has no Tend mood. Please choose one for it and "
                                     "import again.")
    at = _moment(row, line, localize)
    tags = [part for tag in _cell(row, "activities").split("|")  # " | " between them; "," in files made by hand
            for part in (tag.split(",") if len(tag.strip()) > TAG_LIMIT else [tag])]
    problems, check_in = entry_check_in(mood, at, tags, _cell(row, "note_title"), _cell(row, "note"), now, seen)
    if problems:
        field, problem = next(iter(problems.items()))
        raise _refused(line, _COLUMN_OF.get(field, field), problem)
    return check_in


def entry_check_in(mood: int, at: datetime, tags: list[str], note_title: str, note: str, now: datetime,
                   seen: Counter) -> tuple[dict[str, str], CheckIn | None]:
    """(problems by field, None), or ({}, the check-in) for one Daylio entry, from its CSV row or its backup.

    Its id comes from its content, so the same entry from a CSV and from a backup is the same check-in, and
    `seen` counts identical entries so that repeats stay separate entries."""
    tags = [tag for tag in dict.fromkeys(part.strip().lower() for part in tags) if tag]
    note = "\n".join(part for part in (plain_text(note_title.strip()), plain_text(note.strip())) if part)
    problems = check_in_problems(mood, tags=tags, note=note, at=at, now=now)
    if problems:
        return problems, None
    content = "\x1f".join((at.isoformat(), str(mood), *tags, "\x1e", note))
    seen[content] += 1
    if seen[content] > 1:  # the same entry twice in Daylio is two entries in Tend too
        content += f"\x1d{seen[content]}"
    made = stamp(at)  # "changed when it happened", so a second import of the same file finds nothing newer
    return {}, CheckIn(id=str(uuid.uuid5(_NAMESPACE, content)), mood=Mood(mood), at=at, tags=tuple(tags),
                       note=note, created=made, updated=made)


def plain_text(note: str) -> str:
    """A note from Daylio's rich editor as plain text: its line and paragraph breaks kept, its styling dropped."""
    if "<" not in note and "&" not in note:
        return note
    text = _RICH_TAGS.sub("", _LINE_TAGS.sub("\n", note))
    text = html.unescape(text).replace("\xa0", " ")
    return "\n".join(line.rstrip() for line in text.strip().splitlines())


def _moment(row: dict[str, str], line: int, localize: Localize) -> datetime:
    day_column = "full_date" if "full_date" in row else "date"
    day_text, clock_text = _cell(row, day_column), _cell(row, "time")
    day = _day(day_text, _cell(row, "year")) if day_column == "date" else _iso_day(day_text)
    if day is None:
        example = "2026-11-20" if day_column == "full_date" else "November 20 (with the year in its own column)"
        raise _refused(line, day_column, f"{shown(day_text)} is not a date like {example}.")
    clock = _clock(clock_text)
    if clock is None:
        raise _refused(line, "time", f"{shown(clock_text)} is not a time like 8:30 PM or 20:30.")
    try:
        return with_fixed_offset(localize(datetime.combine(day, clock)))
    except (ValueError, OverflowError, OSError):
        raise _refused(line, day_column, f"Tend can't place {shown(day_text)} on this device's calendar. "
                                         "Please check the date.") from None


def _iso_day(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _day(text: str, year_text: str) -> date | None:
    """Older exports' "June 22", "7 września" or "22. Juni" in the row's year."""
    words = re.findall(r"[^\W\d_]+\.?|\d+", text.casefold())
    days = [int(word) for word in words if word.isdigit()]
    months = [_MONTH_OF[word.rstrip(".")] for word in words if word.rstrip(".") in _MONTH_OF]
    if len(days) != 1 or len(months) != 1 or not year_text.strip().isdigit():
        return None
    try:
        return date(int(year_text), months[0], days[0])
    except ValueError:
        return None


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
