"""A person's card, a little further: how time with them usually feels (once there are a few answers), the
support going both ways in words, and "I was there for them" with check-on reminders.

Quiet lines only: no numbers, no colours, nothing that reads as a verdict on anyone.
"""

from collections.abc import Callable
from dataclasses import dataclass

import flet as ft

from storage.errors import Refused
from storage.people.feelings import usual_feeling_words
from storage.people.giving import (
    Given,
    both_ways_words,
    checking_on,
    forget_given,
    last_given_words,
    log_given,
    start_checking_on,
    stop_checking_on,
    support_given,
)
from storage.people.model import Person
from storage.people.repository import PeopleRepository
from views.context import use_tend
from views.guard import component
from views.kit.dialog import dialog
from views.kit.labelled import said_as
from views.kit.notice import notice_card
from views.kit.taps import use_tap_gate
from views.people.your_people import use_people
from views.reminders.due import use_due, use_due_actions

CHECK_ON_CHOICES = ((2, "Every 2 days"), (3, "Every 3 days"), (7, "Every week"))
NOTHING_KNOWN = ((), (), None)


def check_on_words(every_days: int) -> str:
    return "every day" if every_days == 1 else "every week" if every_days == 7 else f"every {every_days} days"


@component
def TwoWays(person: Person) -> ft.Control:
    """The lines and the "I was there for them" button under a person's card."""
    tend = use_tend()
    due = use_due()  # read this person's again when a contact is logged or a reminder done
    read_due_again = use_due_actions().read_again
    revision, set_revision = ft.use_state(0)
    last_contact = use_people().last_contacts.get(person.id)

    def read():
        contacts = [contact for contact in PeopleRepository(tend.store).contacts() if contact.person_id == person.id]
        return tuple(contacts), tuple(support_given(tend.store, person.id)), checking_on(tend.store, person.id)

    contacts, given, check_on = ft.use_memo(lambda: tend.read(read, NOTHING_KNOWN),
                                            [person.id, last_contact, revision, due.due])
    now = tend.now()

    def changed() -> None:
        set_revision(lambda n: n + 1)
        read_due_again()  # a check-on reminder is due or not, like any other

    giving = use_giving(person, changed)
    ft.use_dialog(_giving_dialog(person, check_on, giving.give, giving.check_every, giving.stop, giving.close)
                  if giving.open else None)
    return ft.Column(
        [
            *[ft.Text(line, theme_style=ft.TextThemeStyle.BODY_SMALL)
              for line in lines_about(person, contacts, given, check_on, now) if line],
            said_as(ft.TextButton, "I was there for them", f"I was there for {person.name}",
                    icon=ft.Icons.VOLUNTEER_ACTIVISM_OUTLINED, on_click=giving.show),
            *([notice_card(f"Noted: you were there for {person.name}.", [ft.TextButton("Undo", on_click=giving.undo)])]
              if giving.logged else []),
        ],
        spacing=4,
        tight=True,
    )


def lines_about(person: Person, contacts, given, check_on, now) -> list[str | None]:
    """How time with them usually feels, support both ways, the last support given and a check-on reminder, each
    None when there is nothing to say yet."""
    return [
        usual_feeling_words(((contact.at, contact.felt) for contact in contacts), now),
        both_ways_words(person.name, (record.at for record in given), (contact.at for contact in contacts), now),
        last_given_words(list(given), now),
        f"Reminding you to check on them {check_on_words(check_on.every_days)}" if check_on else None,
    ]


@dataclass(frozen=True)
class Giving:
    open: bool
    """Whether the "I was there for them" dialog is open."""
    show: Callable[[], None]
    close: Callable[[], None]
    logged: object
    """The support just noted, while its Undo shows; else None."""
    give: Callable[[Given], None]
    undo: Callable[[], None]
    check_every: Callable[[int], None]
    stop: Callable[[], None]


def use_giving(person: Person, changed: Callable[[], None]) -> Giving:
    """Noting support you gave someone (with Undo) and reminding you to check on them; `changed` after each."""
    tend = use_tend()
    open_, set_open = ft.use_state(False)
    logged, set_logged = ft.use_state(None)
    taps = use_tap_gate()

    def give(kind: Given) -> None:
        set_open(False)
        if not taps.accepts(("given", person.id)):
            return
        noted = []
        if tend.wrote(lambda: noted.append(log_given(tend.store, person.id, kind, tend.now()))):
            set_logged(noted[0])
            changed()

    def undo() -> None:
        if logged is not None and tend.wrote(lambda: forget_given(tend.store, logged.id)):
            set_logged(None)
            changed()

    def check_every(days: int) -> None:
        set_open(False)  # the card's own line says it is on
        try:
            done = tend.wrote(lambda: start_checking_on(tend.store, person.id, person.name, days, tend.now(),
                                                        tend.settings.day_starts_at))
        except Refused as problem:
            tend.tell(str(problem))
            return
        if done:
            changed()

    def stop() -> None:
        set_open(False)
        if tend.wrote(lambda: stop_checking_on(tend.store, person.id)):
            changed()

    return Giving(open_, lambda: set_open(True), lambda: set_open(False), logged, give, undo, check_every, stop)


def _giving_dialog(person: Person, check_on, give, check_every, stop, close) -> ft.AlertDialog:
    if check_on:
        reminder = [ft.Text(f"Tend reminds you to check on {person.name} {check_on_words(check_on.every_days)}, "
                            "at 10:00, until you stop it."),
                    ft.TextButton("Stop reminding me", on_click=lambda: stop())]
    else:
        reminder = [ft.Text(f"Is {person.name} going through something? Tend can remind you to check on them."),
                    ft.Row([said_as(ft.OutlinedButton, words, f"Remind me to check on {person.name} {words.lower()}",
                                    on_click=lambda _, d=days: check_every(d))
                            for days, words in CHECK_ON_CHOICES], wrap=True)]
    return dialog(
        f"I was there for {person.name}",
        ft.Column(
            [
                ft.Text("What did you do? It stays with their card, so you can see support going both ways."),
                *[ft.FilledTonalButton(kind.word, on_click=lambda _, k=kind: give(k)) for kind in Given],
                ft.Divider(),
                *reminder,
            ],
            tight=True,
            spacing=8,
        ),
        [ft.TextButton("Close", on_click=close)],
        on_dismiss=close,
    )
