"""What a person does with what is due (done, snooze, snooze keeping in touch with someone), and noting that
reminders were looked at.

Each action takes ids and plain values and reads the stored record first. A banner or a row was drawn from a copy
of the reminder that may be older than what is stored now (another tap, another tab, an edit); saving that copy
back would undo a newer snooze or edit, or bring back a deleted reminder. So an action applies its rule to what is
stored, and does nothing when its occurrence was already handled or its record is gone.
"""

from collections.abc import Collection
from dataclasses import replace
from datetime import date, datetime, tzinfo

from storage.errors import Refused
from storage.people.repository import PeopleRepository
from storage.reminders.model import Reminder, new_reminder, revised
from storage.reminders.repository import ReminderRepository
from storage.reminders.rules import Due, already_handled, done, missed_since, never_rings_problem


def mark_done(store, reminder_id: str, occurrence: datetime, now: datetime) -> Reminder | None:
    """The reminder's occurrence at `occurrence` is done: it next rings after that one. Answers the reminder as
    saved, or None when nothing was written (the reminder is gone, or that occurrence was already handled: a second
    tap, or a banner from before)."""
    repository = ReminderRepository(store)
    stored = repository.get(reminder_id)
    if stored is None or already_handled(stored, occurrence):
        return None
    finished = done(stored, occurrence)
    repository.save(finished, now)
    return finished


def snooze(store, reminder_id: str, occurrence: datetime, until: datetime, now: datetime) -> Reminder | None:
    """Keep the reminder ringing for `occurrence` quiet until `until` (see `storage.reminders.rules.snooze_ends_at`).
    None, and nothing written, when the reminder is gone or that occurrence was already handled."""
    repository = ReminderRepository(store)
    stored = repository.get(reminder_id)
    if stored is None or already_handled(stored, occurrence):
        return None
    quieter = replace(stored, snoozed_until=until)
    repository.save(quieter, now)
    return quieter


def snooze_person(store, person_id: str, until: datetime, now: datetime) -> bool:
    """Leave someone off the "losing touch" list until `until`; False, and nothing written, if they were deleted."""
    if PeopleRepository(store).get(person_id) is None:
        return False
    ReminderRepository(store).snooze_touch(person_id, until, now)
    return True


def missed_while_closed(store, now: datetime, zone: tzinfo, checked_in_days: Collection[date],
                        day_starts_at: int) -> list[Due]:
    """What rang since reminders were last looked at and still needs the person (see `missed_since`)."""
    repository = ReminderRepository(store)
    return missed_since(repository.all(), repository.last_seen(), now, zone, checked_in_days, day_starts_at)


def note_looked_at(store, now: datetime, zone: tzinfo, day_starts_at: int) -> bool:
    """Remember that reminders were looked at `now`, so what rang is not told again as missed at the next start.

    Written only when that changes anything: when something rang since the last note and is still open (whatever
    the day's check-ins, which a later start sees differently), or there was never a note. A timer looking every
    few seconds then writes once for each reminder that rings, and nothing while nothing does. Answers whether it
    wrote.
    """
    repository = ReminderRepository(store)
    last_seen = repository.last_seen()
    if last_seen is not None and not missed_since(repository.all(), last_seen, now, zone, (), day_starts_at):
        return False
    repository.mark_seen(now)
    return True


def save_from_form(store, original: Reminder | None, fields: dict, now: datetime, zone: tzinfo,
                   day_starts_at: int = 0) -> Reminder:
    """A reminder made (`original` None) or changed with what the form holds, and saved. Refused, with
    every message, if it breaks a rule or is a one-off whose moment has passed: it could never ring."""
    reminder = revised(original, now, **fields) if original else new_reminder(now, **fields)
    passed = never_rings_problem(reminder, now, zone, day_starts_at)
    if passed:
        raise Refused({"starts_on": passed})
    ReminderRepository(store).save(reminder, now)
    return reminder
