"""What is due now, kept current while Tend is open, and the actions on it, shared by the banner, Today, People and
Reminders through Flet's context (with the people and their last contacts, so every screen shows the same).

A timer looks again every few seconds, so a reminder that comes due while the app is open is noticed without
anyone tapping anything. Every rule (what is due, snooze, done) is a storage function given `now`.

While nothing rings, a look writes nothing and reads no more than it must: "last seen" (where what is told as
missed at the next start begins) is noted only when something rang since the last note
(`storage.reminders.actions.note_looked_at`), and the last contacts stay in memory, updated as contacts are logged.
"""

import asyncio
import logging
import os
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Awaitable, Callable

import flet as ft

from storage import prompts
from storage.checkins.repository import CheckInRepository
from storage.days import day_of, today
from storage.people.giving import done_with_reminder
from storage.people.meetings import went_to_meeting
from storage.people.model import Contact, Person, Way
from storage.people.repository import PeopleRepository
from storage.records import parse_stamp
from storage.reminders.actions import missed_while_closed, note_looked_at, snooze, snooze_person
from storage.reminders.keep_in_touch import Overdue, TouchPlan, overdue
from storage.reminders.model import ReminderKind
from storage.reminders.repository import ReminderRepository
from storage.reminders.rules import Due, due_now, snooze_ends_at
from views.context import Tend, use_tend
from views.device import phone_notifications
from views.kit.taps import use_tap_gate
from views.reminders.snooze import snooze_dialog

CHECK_EVERY_VARIABLE = "TEND_REMINDER_CHECK_SECONDS"
CHECK_EVERY_SECONDS = 20.0
NOTHING_DUE = ((), (), {}, {})
"""What the screens show when what is due can't be read: nothing, rather than a screen that fails."""

log = logging.getLogger("tend.reminders")


@dataclass(frozen=True)
class Reminding:
    due: tuple[Due, ...]
    overdue: tuple[Overdue, ...]
    people: dict[str, Person]
    last_contacts: dict[str, datetime]
    """Each person's latest contact: one reading for every screen, kept in memory and updated as contacts are
    logged (the contacts file only grows; the timer doesn't read it again)."""
    missed: tuple[Due, ...]
    """What rang while Tend was closed, shown once when it opens."""
    done: Callable[[Due], None]
    """Done with the item's occurrence; acts on the stored reminder by id, so a banner drawn earlier can't save an
    old copy over a newer snooze or edit, and a second tap changes nothing."""
    ask_snooze: Callable[[Due | Overdue], None]
    """Ask how long to snooze a reminder or a person (10 minutes, 1 hour, tomorrow morning, or a chosen time)."""
    seen_missed: Callable[[], None]
    refresh: Callable[[], None]
    """Read everything again and look (after a check-in, a change to people or reminders, an import or a restore)."""
    log_contact: Callable[..., Contact]
    """Log that you reached someone (person, way, and how you felt after or None), and look again; raises
    StorageError if the device refuses."""
    forget_contact: Callable[[Contact], bool]
    """Undo a logged contact, and look again; raises StorageError if the device refuses."""
    notifications: str
    """Whether the phone's own notifications remind too, in words for the Reminders screen."""
    allow_notifications: Callable[[], Awaitable[None]] | None
    """Asks the phone's permission, when it has notifications and hasn't been asked yet."""


RemindingContext: ft.ContextProvider["Reminding | None"] = ft.create_context(None)


def use_reminding() -> Reminding:
    reminding = ft.use_context(RemindingContext)
    assert reminding is not None, "screens are rendered inside Shell, which provides RemindingContext"
    return reminding


def checked_in_days(tend: Tend, now: datetime) -> set[date]:
    """The days (by the person's day start) around now that already have a check-in."""
    day_start = tend.settings.day_starts_at
    current = today(now, day_start)
    entries = CheckInRepository(tend.store, day_start).between(current - timedelta(days=1), current)
    return {day_of(entry.at, day_start) for entry in entries}


def touch_plans(people: list[Person], last_contacts: dict[str, datetime]) -> list[TouchPlan]:
    return [TouchPlan(p.id, p.name, p.stay_in_touch_days, last_contacts.get(p.id), parse_stamp(p.created))
            for p in people if p.stay_in_touch_days]


def check_interval(environ=os.environ) -> float:
    """Seconds between looks; tests make it short, so a moved clock is noticed at once."""
    return float(environ.get(CHECK_EVERY_VARIABLE) or CHECK_EVERY_SECONDS)


async def look_regularly(look: Callable[[], None], interval: Callable[[], float] = check_interval) -> None:
    """Calls `look` every `interval()` seconds until cancelled. A look that fails is logged and the next one still
    comes: a timer that died would leave every reminder silent for the rest of the session."""
    while True:
        await asyncio.sleep(interval())
        try:
            look()
        except Exception:  # noqa: BLE001 - whatever broke this look, the next may work
            log.exception("Looking at what is due failed; looking again in %.0f s", interval())


def use_reminding_service() -> Reminding:
    """Called once, above the router (WithReminders in views/app.py): owns the timer and the state every screen
    reads."""
    tend = use_tend()
    page = ft.context.page
    changes, set_changes = ft.use_state(0)
    missed, set_missed = ft.use_state(())
    phone, set_phone = ft.use_state((None, phone_notifications.UNAVAILABLE))  # (service, words)
    reminders = ReminderRepository(tend.store)
    people_kept = ft.use_ref(lambda: PeopleRepository(tend.store))  # keeps the last contacts in memory
    taps = use_tap_gate()
    zone, day_start = tend.zone, tend.settings.day_starts_at

    def start_timer():
        """Looks again every few seconds, and on open notes what was missed while Tend was closed."""
        now = tend.now()
        set_missed(tuple(tend.read(
            lambda: missed_while_closed(tend.store, now, zone, checked_in_days(tend, now), day_start), [])))

        async def find_phone_notifications():
            service = await phone_notifications.notification_service(page)
            if service is None:
                return
            asked = prompts.done_with(tend.store, prompts.NOTIFICATIONS)
            if asked and await phone_notifications.allowed(service):
                set_phone((service, phone_notifications.ON))
            else:
                set_phone((service, phone_notifications.DENIED if asked else phone_notifications.ASK))

        timer = page.run_task(look_regularly, lambda: latest.current())
        page.run_task(find_phone_notifications)
        return timer.cancel

    ft.use_effect(start_timer, [])

    def schedule_on_phone():
        service, words = phone
        if service is not None and words == phone_notifications.ON:
            items = phone_notifications.upcoming(reminders.all(), tend.now(), zone, day_start)
            page.run_task(phone_notifications.reschedule, service, items)

    ft.use_effect(schedule_on_phone, [changes, phone])

    async def allow_notifications() -> None:
        service = phone[0]
        permitted = await phone_notifications.allowed(service)
        tend.wrote(lambda: prompts.finish(tend.store, prompts.NOTIFICATIONS, tend.now()))
        set_phone((service, phone_notifications.ON if permitted else phone_notifications.DENIED))

    def current():
        now = tend.now()
        people_repository = people_kept.current
        people = people_repository.people()
        due = due_now(reminders.all(), now, zone, checked_in_days(tend, now), day_start)
        last_contacts = people_repository.last_contacts()
        late = overdue(touch_plans(people, last_contacts), now, reminders.touch_snoozes(), day_start)
        return tuple(due), tuple(late), {p.id: p for p in people}, last_contacts

    snapshot, set_snapshot = ft.use_state(lambda: tend.read(current, NOTHING_DUE))

    def look() -> None:
        """Sets what is due, re-rendering the screens only when that changed."""
        found = tend.read(current, None)
        if found is not None and found != snapshot:
            set_snapshot(found)

    def look_and_note() -> None:
        """One tick of the timer: what is due now, and (only if something rang) that it was seen."""
        look()
        tend.wrote(lambda: note_looked_at(tend.store, tend.now(), zone, day_start))

    latest = ft.use_ref(None)
    latest.current = look_and_note  # the timer, started once, always looks with this render's settings
    ft.use_effect(look, [changes, day_start])
    due, late, people, last_contacts = snapshot

    def look_again() -> None:
        set_changes(lambda n: n + 1)

    def refresh() -> None:
        people_kept.current = PeopleRepository(tend.store)  # people or contacts may have changed behind it
        look_again()

    def log_contact(person: Person, way: Way, felt=None) -> Contact:
        contact = people_kept.current.log_contact(person, way, tend.now(), felt)
        went_to_meeting(tend.store, person.id, tend.now(), zone, day_start)  # "I went" finishes its reminder
        look_again()
        return contact

    def forget_contact(contact: Contact) -> bool:
        forgotten = people_kept.current.forget_contact(contact)
        look_again()
        return forgotten

    def finish(item: Due) -> None:
        # A second quick tap is that tap again. It reaches the control it was aimed at, whose item it carries (a
        # banner or row that took that one's place is a new control), and an occurrence already done is not done
        # twice; keyed by item, a deliberate Done on the next reminder a moment later still counts.
        if taps.accepts(("done", item.reminder.id, item.at)) and tend.wrote(lambda: done_with_reminder(tend.store, item.reminder.id, item.at, tend.now())):
            look_again()

    def quieten(item: Due | Overdue, choice: str, chosen: datetime | None = None) -> None:
        now = tend.now()
        try:
            until = snooze_ends_at(choice, now, zone, chosen, day_start)
        except ValueError as problem:
            tend.tell(str(problem))
            return
        if isinstance(item, Due):
            write = lambda: snooze(tend.store, item.reminder.id, item.at, until, now)  # noqa: E731
        else:
            write = lambda: snooze_person(tend.store, item.plan.person_id, until, now)  # noqa: E731
        if tend.wrote(write):
            look_again()  # the banner going away says it: a message would be one more thing to put away

    asking, set_asking = ft.use_state(None)  # the item being snoozed, while its dialog is open

    def snooze_chosen(choice: str, chosen: datetime | None) -> None:
        item = asking
        set_asking(None)
        if item is not None and taps.accepts(("snooze", describe(item))):
            quieten(item, choice, chosen)

    # The dialog lives here, above every screen, not in the banner or row that asked: snoozing takes that row
    # away, and a dialog belongs to a component that outlives what it does.
    ft.use_dialog(snooze_dialog(describe(asking), snooze_chosen, lambda: set_asking(None)) if asking else None)

    def seen_missed() -> None:
        set_missed(())
        tend.wrote(lambda: note_looked_at(tend.store, tend.now(), zone, day_start))

    return Reminding(due, late, people, last_contacts, missed, finish, set_asking, seen_missed, refresh, log_contact,
                     forget_contact, phone[1], allow_notifications if phone[1] == phone_notifications.ASK else None)


def describe(item: Due | Overdue) -> str:
    """What a due item asks of the person, in a few calm words."""
    if isinstance(item, Overdue):
        late = item.days_overdue
        return f"Stay in touch with {item.plan.name}" + (f" ({late} days since it was due)" if late > 1 else "")
    if item.reminder.kind == ReminderKind.CHECK_IN:
        return f"Time to check in ({item.at:%H:%M})"
    return item.reminder.text
