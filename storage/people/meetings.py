"""A group's weekly meeting as a reminder, kept in step with the group, and the use-cases that save or delete a
person, group or place with it.

The group says whether to be reminded (`remind_meeting`); its reminder, in "reminders" with the stable id
"meeting/<group id>", follows from it. Saving, deleting or bringing back a group brings the reminder in line, so the
two can't disagree past the next save, and everything is checked before anything is written. The reminder rings an
hour before the meeting (time to get there) and stays until "I went", Done or Snooze, like your own reminders.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from storage.checkins.model import with_fixed_offset
from storage.days import today
from storage.people.gatherings import PersonKind, meeting_clock
from storage.people.model import Person
from storage.people.repository import PeopleRepository
from storage.reminders.actions import mark_done
from storage.reminders.model import Reminder, ReminderKind, Repeat, checked, revised
from storage.reminders.repository import ReminderRepository
from storage.reminders.rules import due_now

REMIND_BEFORE = timedelta(hours=1)
MEETING_PREFIX = "meeting/"
_A_MONDAY = date(2024, 1, 1)


@dataclass(frozen=True)
class MeetingSchedule:
    """When a group's reminder rings: `times` on the person's days that share `weekday`, with its words."""

    times: tuple[str, ...]
    weekday: int
    text: str


def meeting_reminder_id(group_id: str) -> str:
    return MEETING_PREFIX + group_id


def group_id_of(reminder: Reminder) -> str | None:
    """The id of the group whose meeting `reminder` is about, or None for any other reminder."""
    if reminder.kind != ReminderKind.MEETING or not reminder.id.startswith(MEETING_PREFIX):
        return None
    return reminder.id.removeprefix(MEETING_PREFIX)


def meeting_schedule(group: Person, day_starts_at: int = 0) -> MeetingSchedule | None:
    """When to remind of `group`'s meeting, or None when no reminder is wanted (not a group, no meeting, switched
    off). An hour before it, on the person's own day: with a day that starts at 03:00, a reminder at 01:00 on a
    Wednesday belongs to their Tuesday."""
    if group.kind != PersonKind.GROUP or not group.remind_meeting or group.meets_on is None or not group.meets_at:
        return None
    meeting = datetime.combine(_A_MONDAY + timedelta(days=group.meets_on), meeting_clock(group.meets_at))
    rings = meeting - REMIND_BEFORE
    person_day = (rings - timedelta(hours=day_starts_at)).weekday()
    return MeetingSchedule((f"{rings:%H:%M}",), person_day, f"{group.name} meets at {group.meets_at}")


def meeting_reminder(group: Person, stored: Reminder | None, now: datetime,
                     day_starts_at: int = 0) -> Reminder | None:
    """The reminder `group`'s meeting should have now, given the one `stored`: that one itself when its schedule
    is unchanged (keeping its snooze and what was done), else a new or revised one starting afresh from `now`.
    None when there should be none. Raises Refused for a schedule the engine would refuse."""
    schedule = meeting_schedule(group, day_starts_at)
    if schedule is None:
        return None
    current = today(now, day_starts_at)
    starts_on = current - timedelta(days=(current.weekday() - schedule.weekday) % 7)  # its latest day up to today
    if stored is not None and (stored.times, stored.starts_on.weekday(), stored.text) == (
            schedule.times, schedule.weekday, schedule.text):
        return stored
    fields = {"kind": ReminderKind.MEETING, "text": schedule.text, "times": schedule.times,
              "repeat": Repeat.WEEKLY, "starts_on": starts_on}
    if stored is not None:
        return revised(stored, now, **fields)
    return checked(Reminder(id=meeting_reminder_id(group.id), **fields, handled_until=with_fixed_offset(now)))


def save_person(store, person: Person, base: Person | None, now: datetime, day_starts_at: int = 0) -> None:
    """Save a new, edited or restored person, group or place, and bring a group's meeting reminder in line.

    `base` is the person as the form read them (see PeopleRepository.save): if they changed elsewhere since,
    ChangedElsewhere is raised. The reminder is worked out (and checked) before anything is written.
    """
    reminders = ReminderRepository(store)
    stored = reminders.get(meeting_reminder_id(person.id))
    wanted = meeting_reminder(person, stored, now, day_starts_at)
    PeopleRepository(store).save(person, base=base)
    if wanted is None:
        if stored is not None:
            reminders.delete(stored.id)
    elif wanted != stored:
        reminders.save(wanted, now)


def delete_person(store, person: Person) -> bool:
    """Delete a person, group or place, and a group's meeting reminder with it (bringing them back with
    `save_person` sets the reminder again). Their contacts stay, so Undo brings back "last went" too."""
    ReminderRepository(store).delete(meeting_reminder_id(person.id))
    return PeopleRepository(store).delete(person)



def went_to_meeting(store, group_id: str, now: datetime, zone: tzinfo, day_starts_at: int = 0) -> Reminder | None:
    """Going to a group finishes its meeting reminder if it is ringing now, so "I went" on the reminder or on the
    group's card is one thing done. Answers the reminder as saved, or None when nothing was ringing."""
    stored = ReminderRepository(store).get(meeting_reminder_id(group_id))
    ringing = due_now([stored], now, zone, (), day_starts_at) if stored is not None else []
    return mark_done(store, stored.id, ringing[0].at, now) if ringing else None
