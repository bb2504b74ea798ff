"""When Today offers "Would talking to someone help?": after a low check-in, and never again on a day it was
dismissed, so a hard day isn't met with the same question over and over."""

from datetime import date, datetime

from storage.checkins import Mood
from storage.records import with_times

FILE = "prompts"
RECORD_ID = "low-day-card"


def offers_reaching_out(mood: Mood, day: date, dismissed_on: date | None) -> bool:
    return mood <= Mood.LOW and dismissed_on != day


def dismissed_on(store) -> date | None:
    doc = store.get(FILE, RECORD_ID)
    return date.fromisoformat(doc["dismissed_on"]) if doc and doc.get("dismissed_on") else None


def dismiss(store, day: date, now: datetime) -> None:
    previous = store.get(FILE, RECORD_ID) or {"id": RECORD_ID}
    store.put(FILE, with_times({**previous, "dismissed_on": day.isoformat()}, now))
