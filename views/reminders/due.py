"""What is due now, kept current while Tend is open, and the actions on it (done, snooze), shared by the banner,
Today, People and Reminders through Flet's context.

A timer looks again every few seconds, so a reminder that comes due while the app is open is noticed without
anyone tapping anything. Every rule (what is due, snooze, done) is a storage function given `now`. What is due is
an observable object that stays the same for the session: a look that finds something new draws again only the
components that read it, and the actions live apart from it.

While nothing rings, a look writes nothing and reads no more than it must: "last seen" (where what is told as
missed at the next start begins) is noted only when something rang since the last note
(`storage.reminders.actions.note_looked_at`); the people and their last contacts come from views.people.your_people,
and what is due is looked at again whenever they change.
"""

import asyncio
import logging
import os
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Callable

import flet as ft

from storage.checkins.repository import CheckInRepository
from storage.days import day_of, today
from storage.people.giving import done_with_reminder
from storage.people.model import Person
from storage.records import parse_stamp
from storage.reminders.actions import missed_while_closed, note_looked_at, snooze, snooze_person
from storage.reminders.keep_in_touch import Overdue, TouchPlan, overdue
from storage.reminders.model import Reminder, ReminderKind
from storage.reminders.repository import ReminderRepository
from storage.reminders.rules import Due, due_now, snooze_ends_at
from views.context import Tend, use_tend
from views.kit.taps import use_tap_gate
from views.people.your_people import PeopleActions, YourPeople
from views.reminders.snooze import snooze_dialog

CHECK_EVERY_VARIABLE = "TEND_REMINDER_CHECK_SECONDS"
CHECK_EVERY_SECONDS = 20.0
NOTHING_DUE = ((), (), ())
"""What the screens show when what is due can't be read: nothing, rather than a screen that fails."""

log = logging.getLogger("tend.reminders")


@ft.observable
@dataclass(eq=False)  # one object for the session, told apart by identity
class DueNow:
    due: tuple[Due, ...]
    overdue: tuple[Overdue, ...]
    reminders: tuple[Reminder, ...]
    """Every reminder as last read: the Reminders screen lists them, phone notifications are scheduled from them."""
    missed: tuple[Due, ...] = ()
    """What rang while Tend was closed, shown once when it opens."""

    def show(self, due: tuple[Due, ...], overdue_: tuple[Overdue, ...], reminders: tuple[Reminder, ...]) -> None:
        """Takes a new look; the readers are drawn again (once) only if it differs from the one they show."""
        if (due, overdue_, reminders) != (self.due, self.overdue, self.reminders):
            for name, value in (("due", due), ("overdue", overdue_), ("reminders", reminders)):
                object.__setattr__(self, name, value)
            self.notify()


@dataclass(frozen=True)
class DueActions:
    done: Callable[[Due], None]
    """Done with the item's occurrence; acts on the stored reminder by id, so a banner drawn earlier can't save an
    old copy over a newer snooze or edit, and a second tap changes nothing."""
    ask_snooze: Callable[[Due | Overdue], None]
    """Ask how long to snooze a reminder or a person (10 minutes, 1 hour, tomorrow morning, or a chosen time)."""
    seen_missed: Callable[[], None]
    read_again: Callable[[], None]
    """Reminders or check-ins changed (a check-in, a reminder saved or deleted, an import, a restore): look again."""


DueContext: ft.ContextProvider["DueNow | None"] = ft.create_context(None)
DueActionsContext: ft.ContextProvider["DueActions | None"] = ft.create_context(None)


def use_due() -> DueNow:
    """What is due now; the component is drawn again when that changes."""
    due = ft.use_context(DueContext)
    assert due is not None, "screens are rendered inside WithReminders, which provides DueContext"
    return due


def use_due_actions() -> DueActions:
    actions = ft.use_context(DueActionsContext)
    assert actions is not None, "screens are rendered inside WithReminders, which provides DueActionsContext"
    return actions


def provide_due(due: DueNow, actions: DueActions, content: Callable[[], ft.Control]) -> ft.Control:
    return DueContext(due, lambda: DueActionsContext(actions, content))


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


def use_due_service(people: YourPeople, people_actions: PeopleActions) -> tuple[DueNow, DueActions]:
    """Called once, above the router (WithReminders in views/app.py): owns the timer and what every screen reads."""
    tend = use_tend()
    state = ft.use_ref(lambda: DueNow(*tend.read(lambda: reading(tend, people), NOTHING_DUE)))
    look = use_looking(tend, state.current, people, people_actions)
    taps = use_tap_gate()
    ask_snooze = use_snooze_question(tend, look, taps)

    def finish(item: Due) -> None:
        # A second quick tap is that tap again. It reaches the control it was aimed at, whose item it carries (a
        # banner or row that took that one's place is a new control), and an occurrence already done is not done
        # twice; keyed by item, a deliberate Done on the next reminder a moment later still counts.
        if taps.accepts(("done", item.reminder.id, item.at)) and tend.wrote(
                lambda: done_with_reminder(tend.store, item.reminder.id, item.at, tend.now())):
            look()

    def seen_missed() -> None:
        state.current.missed = ()
        tend.wrote(lambda: note_looked_at(tend.store, tend.now(), tend.zone, tend.settings.day_starts_at))

    return state.current, DueActions(finish, ask_snooze, seen_missed, look)


def reading(tend: Tend, people: YourPeople) -> tuple[tuple[Due, ...], tuple[Overdue, ...], tuple[Reminder, ...]]:
    """What is due now, who is overdue for a contact, and every reminder, read from the store."""
    now, zone, day_start = tend.now(), tend.zone, tend.settings.day_starts_at
    repository = ReminderRepository(tend.store)
    reminders = repository.all()
    due = due_now(reminders, now, zone, checked_in_days(tend, now), day_start)
    plans = touch_plans(list(people.people.values()), people.last_contacts)
    late = overdue(plans, now, repository.touch_snoozes(), day_start)
    return tuple(due), tuple(late), tuple(reminders)


def use_looking(tend: Tend, state: DueNow, people: YourPeople, people_actions: PeopleActions) -> Callable[[], None]:
    """Looks at what is due on a timer, whenever the people change and when the day starts at another hour; on
    open, notes what was missed while Tend was closed. Returns the look."""
    page = ft.context.page
    zone, day_start = tend.zone, tend.settings.day_starts_at

    def look() -> None:
        found = tend.read(lambda: reading(tend, people), None)
        if found is not None:
            state.show(*found)

    def tick() -> None:
        """One tick of the timer: the people, what is due now, and (only if something rang) that it was seen."""
        people_actions.look()
        look()
        tend.wrote(lambda: note_looked_at(tend.store, tend.now(), zone, day_start))

    latest = ft.use_ref(None)
    latest.current = (look, tick)  # the timer, started once, always looks with this render's settings
    following = ft.use_ref(None)  # the listener, held here: an observable holds its listeners weakly

    def start() -> Callable[[], None]:
        now = tend.now()
        state.missed = tuple(tend.read(
            lambda: missed_while_closed(tend.store, now, zone, checked_in_days(tend, now), day_start), []))
        following.current = lambda _people, _field: latest.current[0]()
        stop_following = people.subscribe(following.current)
        timer = page.run_task(look_regularly, lambda: latest.current[1]())
        return lambda: (timer.cancel(), stop_following())

    ft.use_effect(start, [])
    ft.use_effect(look, [day_start])
    return look


def use_snooze_question(tend: Tend, look: Callable[[], None], taps) -> Callable[[Due | Overdue], None]:
    """Asks how long to snooze an item, and snoozes it. The dialog lives here, above every screen, not in the
    banner or row that asked: snoozing takes that row away, and a dialog belongs to a component that outlives what
    it does. Returns "ask about this item"."""
    asking, set_asking = ft.use_state(None)  # the item being snoozed, while its dialog is open

    def quieten(item: Due | Overdue, choice: str, chosen: datetime | None = None) -> None:
        now = tend.now()
        try:
            until = snooze_ends_at(choice, now, tend.zone, chosen, tend.settings.day_starts_at)
        except ValueError as problem:
            tend.tell(str(problem))
            return
        if isinstance(item, Due):
            write = lambda: snooze(tend.store, item.reminder.id, item.at, until, now)  # noqa: E731
        else:
            write = lambda: snooze_person(tend.store, item.plan.person_id, until, now)  # noqa: E731
        if tend.wrote(write):
            look()  # the banner going away says it: a message would be one more thing to put away

    def snooze_chosen(choice: str, chosen: datetime | None) -> None:
        item = asking
        set_asking(None)
        if item is not None and taps.accepts(("snooze", describe(item))):
            quieten(item, choice, chosen)

    ft.use_dialog(snooze_dialog(describe(asking), snooze_chosen, lambda: set_asking(None)) if asking else None)
    return set_asking


def describe(item: Due | Overdue) -> str:
    """What a due item asks of the person, in a few calm words."""
    if isinstance(item, Overdue):
        late = item.days_overdue
        return f"Stay in touch with {item.plan.name}" + (f" ({late} days since it was due)" if late > 1 else "")
    if item.reminder.kind == ReminderKind.CHECK_IN:
        return f"Time to check in ({item.at:%H:%M})"
    return item.reminder.text
