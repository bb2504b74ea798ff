"""Check-ins in the store, one small file per month ("checkins/2026-11"), and the editable emotion tags.

A month is the month of the check-in's own local date, so saving a check-in
rewrites one small file however long the history grows, and a span of days
reads only the months that can hold it.

An edit that moves a check-in to another month is saved into the new file
first and only then removed from the old one: a crash in between leaves at
worst two copies with the same id, never none. Reads keep the copy with the
newest `updated`.
"""

from collections.abc import Callable, Iterable
from datetime import date, datetime

from storage.checkins.model import (
    DEFAULT_EMOTION_TAGS,
    CheckIn,
    check_in_from_document,
    document_from_check_in,
    tag_problem,
)
from storage.days import day_of, month_key, month_keys_covering
from storage.errors import Refused
from storage.records import parse_stamp, with_times

PREFIX = "checkins/"
LISTS_FILE = "lists"
EMOTION_TAGS_ID = "emotion-tags"
EMOTION_TAGS_LIMIT = 60


class CheckInRepository:
    """Saves and finds check-ins. `day_starts_at` is an hour (0–4) or a function giving the current setting."""

    def __init__(self, store, day_starts_at: int | Callable[[], int] = 0):
        self._store = store
        self._day_starts_at = day_starts_at

    def save(self, check_in: CheckIn, previous: CheckIn | None = None) -> None:
        """Save a new or edited check-in; safe to repeat.

        Pass the check-in as it was before an edit as `previous`, so a change of
        month also takes it out of its old file (after the new file has it).
        """
        self._store.put(file_for(check_in), document_from_check_in(check_in))
        if previous is not None and file_for(previous) != file_for(check_in):
            self._store.remove(file_for(previous), previous.id)

    def delete(self, check_in: CheckIn) -> bool:
        """Remove a check-in; False if it was already gone."""
        return self._store.remove(file_for(check_in), check_in.id)

    def between(self, first_day: date, last_day: date, day_starts_at: int | None = None) -> list[CheckIn]:
        """Check-ins that belong to the days first_day..last_day (inclusive), oldest first."""
        hour = self.day_starts_at() if day_starts_at is None else day_starts_at
        names = _files(month_keys_covering(first_day, last_day))
        found = [entry for entry in self._read(names) if first_day <= day_of(entry.at, hour) <= last_day]
        return _in_time_order(found)

    def on(self, day: date) -> list[CheckIn]:
        """The check-ins of one day, oldest first."""
        return self.between(day, day)

    def months(self) -> list[str]:
        """Keys ("YYYY-MM") of the months that have a file, newest first; a month may hold no check-ins."""
        return sorted((name[len(PREFIX):] for name in self._store.names(PREFIX)), reverse=True)

    def in_month(self, key: str) -> list[CheckIn]:
        """The check-ins kept in month `key`'s file (by their local date), oldest first."""
        return _in_time_order(self._read(_files([key])))

    def newest(self, count: int) -> list[CheckIn]:
        """The `count` latest check-ins, newest first, reading month files only until there are enough,
        so the first screenful costs the same after five years as after five days."""
        found: list[CheckIn] = []
        for key in self.months():
            found.extend(reversed(self.in_month(key)))
            if len(found) >= count:
                break
        return found[:count]

    def get(self, check_in_id: str, month_hint: str | None = None) -> CheckIn | None:
        """One check-in by id, looking in `month_hint` first and then, if needed, in every month."""
        if month_hint is not None:
            found = self._read(_files([month_hint]), only_id=check_in_id)
            if found:
                return found[0]
        found = self._read(self._store.names(PREFIX), only_id=check_in_id)
        return found[0] if found else None

    def day_starts_at(self) -> int:
        """The hour a day starts at, as set now."""
        return self._day_starts_at() if callable(self._day_starts_at) else self._day_starts_at

    def _read(self, names: Iterable[str], only_id: str | None = None) -> list[CheckIn]:
        existing = set(self._store.names(PREFIX))
        newest: dict[str, CheckIn] = {}
        for name in names:
            if name not in existing:
                continue
            if only_id is not None:
                doc = self._store.get(name, only_id)
                docs = [] if doc is None else [doc]
            else:
                docs = self._store.documents(name)
            for entry in map(check_in_from_document, docs):
                kept = newest.get(entry.id)
                if kept is None or parse_stamp(entry.updated) >= parse_stamp(kept.updated):
                    newest[entry.id] = entry
        return list(newest.values())


def file_for(check_in: CheckIn) -> str:
    """The name of the file a check-in is kept in."""
    return PREFIX + month_key(check_in.at)


def emotion_tags(store) -> list[str]:
    """The person's emotion tags, or the defaults if they never changed them."""
    doc = store.get(LISTS_FILE, EMOTION_TAGS_ID)
    return list(DEFAULT_EMOTION_TAGS) if doc is None else list(doc["tags"])


def emotion_tags_problem(tags: Iterable[str]) -> str | None:
    """Why this list can't be saved as the emotion tags, or None if it can."""
    tags = list(tags)
    if len(tags) > EMOTION_TAGS_LIMIT:
        return f"There can be up to {EMOTION_TAGS_LIMIT} tags; this list has {len(tags)}."
    for tag in tags:
        message = tag_problem(tag)
        if message:
            return message
    return None


def save_emotion_tags(store, tags: Iterable[str], now: datetime) -> list[str]:
    """Save the emotion tags (trimmed, repeats dropped) and return them; Refused (nothing saved) if invalid."""
    tags = list(tags)
    problem = emotion_tags_problem(tags)
    if problem:
        raise Refused({"tags": problem})
    cleaned = _without_repeats(tag.strip() for tag in tags)
    earlier = store.get(LISTS_FILE, EMOTION_TAGS_ID) or {"id": EMOTION_TAGS_ID}
    store.put(LISTS_FILE, with_times({**earlier, "tags": cleaned}, now))
    return cleaned


def _files(keys: Iterable[str]) -> list[str]:
    return [PREFIX + key for key in keys]


def _in_time_order(entries: list[CheckIn]) -> list[CheckIn]:
    return sorted(entries, key=lambda entry: (entry.at, entry.id))


def _without_repeats(tags: Iterable[str]) -> list[str]:
    """Tags in order, dropping any that differ from an earlier one only in case."""
    seen: set[str] = set()
    kept = []
    for tag in tags:
        if tag.casefold() not in seen:
            seen.add(tag.casefold())
            kept.append(tag)
    return kept
