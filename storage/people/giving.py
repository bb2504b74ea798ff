"""Giving back: the support you gave someone ("I was there for Sam"), "check on" reminders for someone going
through something, and what both directions say, in words.

Support given is kept in its own file, "support_given", one record a time. A
"check on" plan is an ordinary reminder of your own (repeating every N days)
with a stable id made from the person's, so the reminder engine rings, snoozes
and finishes it like any other, the Reminders screen lists it, and turning it
off deletes it. Every rule here is a pure function given `now`.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from storage.checkins.model import with_fixed_offset
from storage.days import today
from storage.people.model import ago_in_words
from storage.people.repository import PEOPLE_FILE
from storage.records import new_id, parse_stamp, stamp
from storage.reminders.actions import mark_done
from storage.reminders.model import EVERY_DAYS_LIMIT, Reminder, ReminderKind, checked
from storage.reminders.repository import ReminderRepository

GIVEN_FILE = "support_given"
CHECK_ON_PREFIX = "check-on-"
CHECK_ON_TIME = "10:00"
MONTH_DAYS = 30
"""'This month' on a card and in History: the last 30 days."""
GIVING_AT_LEAST = 3
"""Giving 'clearly outweighs' receiving: at least this many times, and at least twice as often as reaching out."""
LOW_MOOD_AVERAGE = 2.5
"""Moods are 'low' when the days with check-ins average below this (Low or Awful on the whole)."""
MOOD_DAYS_AT_LEAST = 3


class Given(StrEnum):
    """What you did for someone."""

    LISTENED = "listened"
    HELPED = "helped"
    CHECKED_ON = "checked on"

    @property
    def word(self) -> str:
        return GIVEN_WORDS[self]


GIVEN_WORDS = {Given.LISTENED: "Listened", Given.HELPED: "Helped with something", Given.CHECKED_ON: "Checked on them"}


@dataclass(frozen=True, kw_only=True)
class SupportGiven:
    """A time you were there for someone."""

    id: str
    person_id: str
    at: datetime
    kind: Given
    created: str
    updated: str


def given_problems(record: dict) -> dict[str, str]:
    """Field → what is wrong with a stored or imported record of support given; empty when Tend can use it."""
    if not isinstance(record.get("person_id"), str) or not record["person_id"]:
        return {"person_id": "this should name the person you were there for, by their id."}
    try:
        parse_stamp(record.get("at"))
    except (TypeError, ValueError):
        return {"at": "this isn't a date and time Tend can read (like 2026-11-23T09:15:02+01:00)."}
    if record.get("kind") not in set(Given):
        return {"kind": f"this should be one of {', '.join(kind.value for kind in Given)}."}
    return {}


def document_from_given(given: SupportGiven) -> dict:
    return {"id": given.id, "person_id": given.person_id, "at": given.at.isoformat(), "kind": given.kind.value,
            "created": given.created, "updated": given.updated}


def given_from_document(doc: dict) -> SupportGiven:
    return SupportGiven(id=doc["id"], person_id=doc["person_id"], at=parse_stamp(doc["at"]), kind=Given(doc["kind"]),
                        created=doc["created"], updated=doc.get("updated", doc["created"]))


# --- actions: what a person does, on the store ---------------------------------------------------------------------


def log_given(store, person_id: str, kind: Given, now: datetime) -> SupportGiven:
    """Remember that you were there for someone now; raises ValueError for a kind Tend doesn't know."""
    made = stamp(now)
    given = SupportGiven(id=new_id(), person_id=person_id, at=now, kind=Given(kind), created=made, updated=made)
    store.put(GIVEN_FILE, document_from_given(given))
    return given


def forget_given(store, given_id: str) -> bool:
    """Undo support logged by mistake."""
    return store.remove(GIVEN_FILE, given_id)


def support_given(store, person_id: str | None = None) -> list[SupportGiven]:
    """Support you gave (to one person, or anyone), oldest first."""
    found = [given_from_document(doc) for doc in store.documents(GIVEN_FILE)
             if person_id is None or doc.get("person_id") == person_id]
    return sorted(found, key=lambda given: given.at)


def check_on_id(person_id: str) -> str:
    return CHECK_ON_PREFIX + person_id


def check_on_reminder(person_id: str, name: str, every_days: int, now: datetime, day_starts_at: int = 0) -> Reminder:
    """A reminder to check on someone every `every_days` days from now on, at 10:00; Refused if the
    number of days can't be used."""
    usable = isinstance(every_days, int) and 1 <= every_days <= EVERY_DAYS_LIMIT
    return checked(Reminder(
        id=check_on_id(person_id), kind=ReminderKind.OWN, text=f"Check on {name}", times=(CHECK_ON_TIME,),
        repeat="every_n_days", every_days=every_days,
        starts_on=today(now, day_starts_at) + timedelta(days=every_days if usable else 0),
        handled_until=with_fixed_offset(now)))


def start_checking_on(store, person_id: str, name: str, every_days: int, now: datetime,
                      day_starts_at: int = 0) -> Reminder:
    """Be reminded to check on someone every N days until turned off; replaces an earlier plan for them."""
    reminder = check_on_reminder(person_id, name, every_days, now, day_starts_at)
    ReminderRepository(store).save(reminder, now)
    return reminder


def stop_checking_on(store, person_id: str) -> bool:
    """Turn off the check-on reminder for someone; False if there was none."""
    return ReminderRepository(store).delete(check_on_id(person_id))


def checking_on(store, person_id: str) -> Reminder | None:
    """The check-on reminder for someone, if it is on."""
    return ReminderRepository(store).get(check_on_id(person_id))


# --- rules ---------------------------------------------------------------------------------------------------------


def this_month(moments: Iterable[datetime], now: datetime) -> int:
    """How many of `moments` fall in the last MONTH_DAYS days up to now."""
    since = now - timedelta(days=MONTH_DAYS)
    return sum(1 for moment in moments if since <= moment <= now)


def both_ways_words(name: str, given_times: Iterable[datetime], contact_times: Iterable[datetime],
                    now: datetime) -> str | None:
    """The two directions over the last month, in words, never as numbers; None when you weren't there for them
    (reaching out alone is already told by "Last reached out")."""
    gave, reached = this_month(given_times, now), this_month(contact_times, now)
    if not gave:
        return None
    return "You've been there for each other this month" if reached else f"You've been there for {name} this month"


def last_given_words(given: list[SupportGiven], now: datetime) -> str | None:
    """'Last there for them: listened, 3 days ago', from the newest record; None if there is none."""
    if not given:
        return None
    newest = max(given, key=lambda record: record.at)
    return f"Last there for them: {newest.kind.word.lower()}, {ago_in_words(newest.at, now)}"


def looking_after_yourself(given_times: Iterable[datetime], contact_times: Iterable[datetime],
                           daily: dict[date, float], now: datetime, day_starts_at: int = 0) -> bool:
    """Whether, over the last 30 days, giving clearly outweighs receiving and the person's moods are low: then
    History gently notes it. `daily` is each day's average mood."""
    gave, reached = this_month(given_times, now), this_month(contact_times, now)
    if gave < GIVING_AT_LEAST or gave < 2 * reached:
        return False
    current = today(now, day_starts_at)
    recent = [average for day, average in daily.items() if 0 <= (current - day).days < MONTH_DAYS]
    return len(recent) >= MOOD_DAYS_AT_LEAST and sum(recent) / len(recent) < LOW_MOOD_AVERAGE


SELF_CARE_NOTE = ("Over the last 30 days you've been there for others more often than you've reached out for "
                  "yourself, and your moods have been low. Being there for people matters, and so do you.")


def checked_on_person(reminder_id: str) -> str | None:
    """The person a check-on reminder is about, from its id; None for any other reminder."""
    return reminder_id.removeprefix(CHECK_ON_PREFIX) if reminder_id.startswith(CHECK_ON_PREFIX) else None


def done_with_reminder(store, reminder_id: str, occurrence: datetime, now: datetime) -> Reminder | None:
    """Done with a reminder's occurrence (`mark_done`); for a check-on reminder, Done means you checked on them, so
    that is noted with their card too. None, and nothing written, when the occurrence was already handled."""
    finished = mark_done(store, reminder_id, occurrence, now)
    person_id = checked_on_person(reminder_id)
    if finished is not None and person_id is not None and store.get(PEOPLE_FILE, person_id) is not None:
        log_given(store, person_id, Given.CHECKED_ON, now)
    return finished
