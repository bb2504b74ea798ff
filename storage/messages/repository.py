"""The messages in file "messages": the person's own, and what they changed of Tend's.

Tend's own messages live in code (storage.messages.library), so they need no
writing on first use and read the same on every device. The file keeps only
what the person did: their own messages, Tend's that they edited, and Tend's
that they removed (kept as the message with "removed": true, so a removal
survives an import of an older export, which merges by newest change).
"""

from datetime import datetime

from storage.messages.library import TENDS_BY_ID, TENDS_MESSAGES
from storage.messages.model import (
    DayKind,
    Message,
    MessageKind,
    document_from_message,
    message_from_document,
    new_message,
    reworded,
)
from storage.records import stamp

FILE = "messages"
_DAY_ORDER = list(DayKind)


class MessageRepository:
    def __init__(self, store):
        self._store = store

    def messages(self, kind: MessageKind | None = None, day: DayKind | None = None) -> list[Message]:
        """The messages to offer: for `kind` (all for None), the ones written for a day like `day` first, then
        the person's own before Tend's, each in the order they were written."""
        stored = {doc["id"]: doc for doc in self._store.documents(FILE)}
        tends = [message_from_document(stored[m.id]) if m.id in stored else m for m in TENDS_MESSAGES
                 if not stored.get(m.id, {}).get("removed")]
        own = sorted((message_from_document(doc) for doc in stored.values()
                      if doc["id"] not in TENDS_BY_ID and not doc.get("removed")), key=lambda m: m.created)
        offered = [m for m in own + tends if kind is None or m.kind is kind]
        if day is None:
            return offered
        return sorted(offered, key=lambda m: abs(_DAY_ORDER.index(m.day) - _DAY_ORDER.index(day)))

    def get(self, message_id: str) -> Message | None:
        doc = self._store.get(FILE, message_id)
        if doc is None:
            return TENDS_BY_ID.get(message_id)
        return None if doc.get("removed") else message_from_document(doc)

    def add(self, kind: MessageKind, wording: str, now: datetime) -> Message:
        """A new message of the person's own; Refused (nothing saved) if the wording is refused."""
        message = new_message(kind, wording, now)
        self._store.put(FILE, document_from_message(message))
        return message

    def edit(self, message: Message, wording: str, now: datetime) -> Message:
        """New wording for any message, Tend's too; Refused (nothing saved) if the wording is refused."""
        changed = reworded(message, wording, now)
        self._store.put(FILE, document_from_message(changed))
        return changed

    def remove(self, message: Message, now: datetime) -> None:
        """Take a message out of the picker; Tend's are remembered as removed, so Restore can bring them back."""
        if message.id in TENDS_BY_ID:
            self._store.put(FILE, {**document_from_message(message), "removed": True, "updated": stamp(now)})
        else:
            self._store.remove(FILE, message.id)

    def put_back(self, message: Message, now: datetime) -> None:
        """Undo a removal: the message as it was before."""
        self._store.put(FILE, {**document_from_message(message), "updated": stamp(now)})

    def restore_tends_own(self, now: datetime) -> int:
        """Tend's messages as Tend wrote them, the removed ones back too; the person's own stay. How many changed."""
        changed = [doc for doc in self._store.documents(FILE) if doc["id"] in TENDS_BY_ID
                   and (doc.get("removed") or doc["wording"] != TENDS_BY_ID[doc["id"]].wording)]
        if changed:
            self._store.put_many(FILE, [{**document_from_message(TENDS_BY_ID[doc["id"]]), "updated": stamp(now)}
                                        for doc in changed])
        return len(changed)
