"""Check-ins as a CSV file, one row per entry, for spreadsheets and other apps.

Each row keeps the local date and time the person lived, with its UTC offset
beside it, and the mood as both a number (for charts) and a word (for people).
"""

import csv
import io
from collections.abc import Iterable
from datetime import datetime

from storage.checkins.model import CheckIn
from storage.checkins.repository import CheckInRepository

COLUMNS = ("id", "date", "time", "utc_offset", "mood", "mood_word", "energy", "sleep", "anxiety", "tags", "note")
TAG_SEPARATOR = "; "


def check_ins_csv(check_ins: Iterable[CheckIn]) -> str:
    """CSV text with a header and one row per check-in; notes with commas, quotes or new lines are quoted."""
    text = io.StringIO()
    writer = csv.writer(text)
    writer.writerow(COLUMNS)
    writer.writerows(map(csv_row, check_ins))
    return text.getvalue()


def csv_row(check_in: CheckIn) -> list:
    """One check-in's cells, in the order of COLUMNS; empty cells for details left out."""
    at = check_in.at
    scales = ("" if value is None else value for value in (check_in.energy, check_in.sleep, check_in.anxiety))
    return [check_in.id, at.date().isoformat(), at.strftime("%H:%M"), utc_offset(at),
            int(check_in.mood), check_in.mood.word, *scales, TAG_SEPARATOR.join(check_in.tags), check_in.note]


def utc_offset(at: datetime) -> str:
    """`at`'s offset as +HH:MM, e.g. +01:00 or -05:30."""
    minutes = round(at.utcoffset().total_seconds() / 60)
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def every_check_in(store) -> list[CheckIn]:
    """Every stored check-in, oldest first, read one month file at a time."""
    repository = CheckInRepository(store)
    return [entry for key in reversed(repository.months()) for entry in repository.in_month(key)]
