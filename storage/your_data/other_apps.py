"""Check-ins from the mood apps people leave besides Daylio: Pixels, Daily You and Bearable.

- Pixels (`PIXELS-BACKUP-*.json`): `[{date: "2023-1-5", type: "Mood", scores: [1–5…], notes, tags: [{type,
  entries: [...]}]}]`; older exports `[{date, mood: 1–5, emotions: [...], notes}]`. A day has no time: it is
  placed at noon. Several scores in a day become several check-ins.
- Daily You (JSON): `[{text, mood: −2…2 or null, timeCreated, timeModified}]`: level = mood + 3; an entry
  without a mood is a journal page, not a check-in, and is counted as skipped.
- Bearable (CSV, one row per reading): `date,[date formatted,]weekday,time of day,category,rating/amount,detail,
  notes`, dates like "8th Dec 2021"; only `Mood` rows (1–10) become check-ins. Its scale differs from Tend's, so
  the ten ratings go through the same confirmation as Daylio's mood names (MoodsToConfirm, guess ⌈rating ÷ 2⌉).
  "time of day" is a clock time, or am / mid / pm / pre (placed at 09:00, 13:00, 18:00 and 22:00).

Every entry goes through `daylio.entry_check_in`: the same checks, tags, plain-text notes and content ids, so a
file imported twice adds nothing the second time.
"""

import csv
import io
import json
import re
from collections import Counter
from datetime import date, datetime, time

from storage.checkins.model import document_from_check_in, with_fixed_offset
from storage.checkins.repository import file_for
from storage.your_data.daylio import Localize, Moods, entry_check_in
from storage.your_data.exchange import ImportProblem, shown
from storage.your_data.mood_names import MoodName, MoodsToConfirm, key

NOON = time(12, 0)
BEARABLE_TIMES = {"am": time(9, 0), "mid": time(13, 0), "pm": time(18, 0), "pre": time(22, 0)}
_ORDINAL_DAY = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,})\.?\s+(\d{4})")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_CLOCK = re.compile(r"(\d{1,2}):(\d{2})")

Files = dict[str, list[dict]]


def json_app(content: object) -> str | None:
    """"pixels" or "daily-you" for the JSON those apps export, else None."""
    if not isinstance(content, list) or not content or not all(isinstance(item, dict) for item in content):
        return None
    first = content[0]
    if "timeCreated" in first and "mood" in first:
        return "daily-you"
    if "date" in first and ("scores" in first or "mood" in first):
        return "pixels"
    return None


def is_bearable(text: str) -> bool:
    header = text.lstrip("\ufeff").partition("\n")[0].lower()
    return "rating/amount" in header and "category" in header


def pixels_check_ins(content: list[dict], now: datetime, localize: Localize) -> tuple[Files, int]:
    """(check-in records by month file, entries skipped) from a Pixels export."""
    files: Files = {}
    seen: Counter[str] = Counter()
    skipped = 0
    for number, entry in enumerate(content, start=1):
        where = f"Entry {number}"
        if entry.get("type", "Mood") != "Mood":
            skipped += 1
            continue
        scores = entry.get("scores", [entry.get("mood")])
        if not isinstance(scores, list) or not all(_level(score) for score in scores):
            raise ImportProblem(where, f"its scores ({shown(scores)}) should be 1 to 5.")
        at = _placed(_pixels_day(entry.get("date"), where), NOON, localize, where)
        tags = [word for group in _list(entry.get("tags")) if isinstance(group, dict)
                for word in _list(group.get("entries")) if isinstance(word, str)]
        tags += [word for word in _list(entry.get("emotions")) if isinstance(word, str)]
        for score in scores:
            _add(files, seen, where, entry_check_in(int(score), at, tags, "", _text(entry.get("notes")), now, seen))
    return files, skipped


def daily_you_check_ins(content: list[dict], now: datetime, localize: Localize) -> tuple[Files, int]:
    """(check-in records by month file, entries without a mood) from a Daily You export."""
    files: Files = {}
    seen: Counter[str] = Counter()
    skipped = 0
    for number, entry in enumerate(content, start=1):
        where = f"Entry {number}"
        mood = entry.get("mood")
        if mood is None:
            skipped += 1
            continue
        if isinstance(mood, bool) or not isinstance(mood, int) or not -2 <= mood <= 2:
            raise ImportProblem(where, f"its mood ({shown(mood)}) should be −2 to 2.")
        at = _daily_you_moment(entry.get("timeCreated"), localize, where)
        _add(files, seen, where, entry_check_in(mood + 3, at, [], "", _text(entry.get("text")), now, seen))
    return files, skipped


def bearable_check_ins(text: str, now: datetime, localize: Localize, moods: Moods | None) -> tuple[Files, int]:
    """(check-in records by month file, rows that aren't moods) from Bearable's CSV; MoodsToConfirm first."""
    try:
        rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"), newline=""), strict=True))
    except csv.Error:
        raise ImportProblem("", "A line of this file can't be read as CSV: a quote may be missing. "
                                "Please export it from Bearable again.") from None
    mood_rows = [(line, row) for line, row in enumerate(rows, start=2)
                 if (row.get("category") or "").strip().lower() == "mood"]
    if moods is None:
        counted = Counter((row.get("rating/amount") or "").strip() for _, row in mood_rows)
        raise MoodsToConfirm([MoodName(rating, counted[rating], _bearable_guess(rating))
                              for rating in sorted(counted, key=_rating_order, reverse=True)])
    files: Files = {}
    seen: Counter[str] = Counter()
    for line, row in mood_rows:
        where = f"Line {line}"
        rating = (row.get("rating/amount") or "").strip()
        level = moods.get(key(rating))
        if level is None:
            raise ImportProblem(f"{where}, field 'rating/amount'", f"{shown(rating)} has no Tend mood. "
                                                                    "Please choose one for it and import again.")
        day = _bearable_day((row.get("date") or "").strip(), where)
        at = _placed(day, _bearable_time((row.get("time of day") or "").strip(), where), localize, where)
        _add(files, seen, where, entry_check_in(level, at, [], "", (row.get("notes") or ""), now, seen))
    return files, len(rows) - len(mood_rows)


def _add(files: Files, seen, where: str, made) -> None:
    problems, check_in = made
    if problems:
        field, problem = next(iter(problems.items()))
        raise ImportProblem(f"{where}, field '{field}'", problem)
    files.setdefault(file_for(check_in), []).append(document_from_check_in(check_in))


def _level(score: object) -> bool:
    return isinstance(score, int) and not isinstance(score, bool) and 1 <= score <= 5


def _pixels_day(text: object, where: str) -> date:
    try:
        year, month, day = (int(part) for part in str(text).split("-"))
        return date(year, month, day)
    except ValueError:
        raise ImportProblem(where, f"its date ({shown(text)}) isn't a date like 2023-1-5.") from None


def _daily_you_moment(value: object, localize: Localize, where: str) -> datetime:
    try:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return with_fixed_offset(datetime.fromtimestamp(value / 1000).astimezone())
        moment = datetime.fromisoformat(str(value))
        return with_fixed_offset(moment if moment.tzinfo else localize(moment))
    except (ValueError, OverflowError, OSError):
        raise ImportProblem(where, f"its time ({shown(value)}) isn't one Tend can read.") from None


def _bearable_day(text: str, where: str) -> date:
    match = _ORDINAL_DAY.fullmatch(text)
    try:
        if match and match[2][:3].lower() in _MONTHS:
            return date(int(match[3]), _MONTHS.index(match[2][:3].lower()) + 1, int(match[1]))
        return date.fromisoformat(text[:10])
    except ValueError:
        raise ImportProblem(f"{where}, field 'date'", f"{shown(text)} isn't a date like 8th Dec 2021.") from None


def _bearable_time(text: str, where: str) -> time:
    clock = _CLOCK.fullmatch(text)
    if clock and int(clock[1]) < 24 and int(clock[2]) < 60:
        return time(int(clock[1]), int(clock[2]))
    if text.lower() in BEARABLE_TIMES:
        return BEARABLE_TIMES[text.lower()]
    raise ImportProblem(f"{where}, field 'time of day'", f"{shown(text)} isn't a time like 21:35, am, mid, pm "
                                                         "or pre.")


def _placed(day: date, clock: time, localize: Localize, where: str) -> datetime:
    try:
        return with_fixed_offset(localize(datetime.combine(day, clock)))
    except (ValueError, OverflowError, OSError):
        raise ImportProblem(where, f"Tend can't place {day} on this device's calendar.") from None


def _rating_order(rating: str) -> float:
    try:
        return float(rating)
    except ValueError:
        return -1


def _bearable_guess(rating: str) -> int:
    """A 1–10 rating on Tend's 1–5: 1–2 Awful … 9–10 Great."""
    value = _rating_order(rating)
    return min(5, max(1, int(-(-value // 2)))) if value >= 0 else 3


def _list(value: object) -> list:
    return value if isinstance(value, list) else []


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def parsed_json(text: str) -> object:
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        return None
