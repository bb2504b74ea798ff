"""What Tend has already offered or asked, so it doesn't ask again: the low-day card (once a day), the welcome
(once ever), and the phone's notification permission (asked once, after saying why). Kept in file "prompts"."""

from datetime import date, datetime

from storage.checkins.model import Mood
from storage.records import with_times

FILE = "prompts"
LOW_DAY_CARD, WELCOME, NOTIFICATIONS = "low-day-card", "welcome", "notifications"


def offers_reaching_out(mood: Mood, day: date, dismissed_on: date | None) -> bool:
    """After a low check-in, unless the offer was put aside earlier the same day: a hard day isn't met with the
    same question over and over."""
    return mood <= Mood.LOW and dismissed_on != day


def dismissed_on(store) -> date | None:
    """The day the low-day card was last put aside."""
    doc = store.get(FILE, LOW_DAY_CARD)
    return date.fromisoformat(doc["dismissed_on"]) if doc and doc.get("dismissed_on") else None


def dismiss(store, day: date, now: datetime) -> None:
    _remember(store, LOW_DAY_CARD, now, dismissed_on=day.isoformat())


def done_with(store, prompt: str) -> bool:
    """Whether a once-only prompt (WELCOME, NOTIFICATIONS) was already finished or skipped."""
    doc = store.get(FILE, prompt)
    return bool(doc and doc.get("done"))


def finish(store, prompt: str, now: datetime) -> None:
    _remember(store, prompt, now, done=True)


def _remember(store, prompt: str, now: datetime, **values) -> None:
    previous = store.get(FILE, prompt) or {"id": prompt}
    store.put(FILE, with_times({**previous, **values}, now))


def needs_welcome(store) -> bool:
    """Only a new Tend shows the welcome: once finished or skipped, or once anyone has checked in or added a person
    (say, by importing their data), never again."""
    return not done_with(store, WELCOME) and not store.names("checkins/") and not store.documents("people")
