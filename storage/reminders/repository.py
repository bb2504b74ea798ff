"""Reminders in the store, with the keep-in-touch snoozes and when reminders were last looked at.

All three live in one small file, "reminders", told apart by a "type" field:
they are read together whenever Today shows what is due, there are only tens
of them, and one file means one read. Ids are stable (a reminder's UUID,
"touch-snooze/<person id>", "last-seen"), so every save is safe to repeat and
a second snooze of the same person replaces the first.
"""

from datetime import datetime

from storage.records import parse_stamp, stamp, with_times
from storage.reminders.model import Reminder, checked, document_from_reminder, reminder_from_document

FILE = "reminders"
REMINDER, TOUCH_SNOOZE, LAST_SEEN = "reminder", "touch-snooze", "last-seen"


class ReminderRepository:
    """Saves and finds reminders and their bookkeeping in one store."""

    def __init__(self, store):
        self._store = store

    def all(self) -> list[Reminder]:
        """Every reminder, in the order they were first saved."""
        return [reminder_from_document(doc) for doc in self._of_type(REMINDER)]

    def get(self, reminder_id: str) -> Reminder | None:
        """One reminder by id, or None."""
        doc = self._store.get(FILE, reminder_id)
        return None if doc is None or doc.get("type") != REMINDER else reminder_from_document(doc)

    def save(self, reminder: Reminder, now: datetime) -> None:
        """Save a new or changed reminder, keeping when it was first made; raises Refused if it can't be."""
        self._put({**document_from_reminder(checked(reminder)), "type": REMINDER}, now)

    def delete(self, reminder_id: str) -> bool:
        """Remove a reminder; False if it was already gone."""
        return self.get(reminder_id) is not None and self._store.remove(FILE, reminder_id)

    def touch_snoozes(self) -> dict[str, datetime]:
        """Person id → until when keeping in touch with them is snoozed."""
        return {doc["person_id"]: parse_stamp(doc["until"]) for doc in self._of_type(TOUCH_SNOOZE)}

    def snooze_touch(self, person_id: str, until: datetime, now: datetime) -> None:
        """Leave a person off the "losing touch" list until `until`; replaces an earlier snooze."""
        self._put({"id": f"{TOUCH_SNOOZE}/{person_id}", "type": TOUCH_SNOOZE, "person_id": person_id,
                   "until": until.isoformat()}, now)

    def last_seen(self) -> datetime | None:
        """When reminders were last looked at, or None before the first time: the start of "missed"."""
        doc = self._store.get(FILE, LAST_SEEN)
        return None if doc is None else parse_stamp(doc["at"])

    def mark_seen(self, now: datetime) -> None:
        """Remember that reminders were looked at `now`, so what was missed is shown only once."""
        self._put({"id": LAST_SEEN, "type": LAST_SEEN, "at": stamp(now)}, now)

    def _of_type(self, kind: str) -> list[dict]:
        return [doc for doc in self._store.documents(FILE) if doc.get("type") == kind]

    def _put(self, doc: dict, now: datetime) -> None:
        earlier = self._store.get(FILE, doc["id"])
        kept = {} if earlier is None else {"created": earlier["created"]}
        self._store.put(FILE, with_times({**doc, **kept}, now))
