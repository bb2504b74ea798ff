"""Reaching out: one tap opens the dialer, messages or mail, and afterwards Tend gently asks whether you got through.

Shared by People, Today's low-day card and the safety plan, so every Call
button behaves the same way.
"""

from dataclasses import dataclass
from datetime import datetime
from typing import Awaitable, Callable

import flet as ft

from storage.people.model import Person, Way, ago_in_words
from storage.people.phones import call_link, email_link, text_link
from views.context import Tend, use_tend
from views.device.links import open_link
from views.kit.dialog import dialog
from views.kit.labelled import said_as
from views.kit.notice import notice_card
from views.kit.taps import use_tap_gate
from views.people.felt_question import felt_picker
from views.people.gatherings import is_gathering, last_contact_words, logged_words, went_dialog
from views.people.your_people import use_people, use_people_actions

HAND_LOGGED_WAYS = ((Way.CALL, "A call"), (Way.TEXT, "A message"), (Way.EMAIL, "An email"),
                    (Way.IN_PERSON, "In person"), (Way.OTHER, "Another way"))


@dataclass(frozen=True)
class ReachingOut:
    reach: Callable[[Person, Way], Awaitable[None]]
    """Open the dialer, messages or mail for a person, then ask whether they were reached; a second tap while the
    first is opening, or just after, opens nothing more."""
    log_by_hand: Callable[[Person], None]
    """Ask how you reached someone, and log it."""
    last_contacts: dict[str, datetime]
    notice: ft.Control | None
    """'Logged: you reached Sam. Undo' after a contact was logged."""


def link_for(person: Person, way: Way) -> str:
    if way is Way.CALL:
        return call_link(person.first_phone)
    if way is Way.TEXT:
        return text_link(person.first_phone)
    return email_link(person.email)


def address_for(person: Person, way: Way) -> str:
    """What to dial or write to, shown when the device can't open the link itself."""
    return person.email if way is Way.EMAIL else person.first_phone


async def open_contact_link(tend: Tend, url: str, fallback: str) -> bool:
    """Open a tel:/sms:/mailto: link; if the device can't, say so and show what to dial or write to."""
    if await open_link(url):
        return True
    tend.tell(f"This device could not open that. You can reach them at {fallback}.")
    return False


def use_reaching_out() -> ReachingOut:
    tend = use_tend()
    people_actions = use_people_actions()  # a logged contact changes who is due, and "last reached out" everywhere
    last_contacts = use_people().last_contacts
    asking, set_asking = ft.use_state(None)  # (person, way or None): None asks how, a way asks "did you reach them?"
    logged, set_logged = ft.use_state(None)
    felt, set_felt = ft.use_state(None)  # "How do you feel after?", asked in the same dialog, never required
    taps = use_tap_gate()

    def ask(question) -> None:
        set_felt(None)
        set_asking(question)

    def log(person: Person, way: Way) -> None:
        set_asking(None)
        if not taps.accepts(("log", person.id)):
            return  # "Yes, I reached them" tapped twice is one contact
        contact = None

        def write():
            nonlocal contact
            contact = people_actions.log_contact(person, way, felt)

        if tend.wrote(write):
            set_logged((person, contact))

    def forget(contact) -> None:
        if taps.accepts(("forget", contact.id)) and tend.wrote(lambda: people_actions.forget_contact(contact)):
            set_logged(None)

    async def reach(person: Person, way: Way) -> None:
        target = ("reach", person.id, way)
        if not taps.accepts(target):
            return
        with taps.running(target):  # the launcher answers within open_link's timeout
            opened = await open_contact_link(tend, link_for(person, way), address_for(person, way))
        if opened:
            ask((person, way))

    ft.use_dialog(_asking_dialog(asking, log, lambda: set_asking(None), felt_picker(felt, set_felt))
                  if asking else None)
    notice = None
    if logged:
        person, contact = logged
        notice = _logged_notice(person, lambda: forget(contact), contact.id)
    return ReachingOut(reach, lambda person: ask((person, Way.IN_PERSON if is_gathering(person) else None)),
                       last_contacts, notice)


def last_reached_words(person: Person, last_contacts: dict[str, datetime], now: datetime) -> str:
    last = last_contacts.get(person.id)
    return last_contact_words(person, ago_in_words(last, now) if last else None)


def _asking_dialog(asking, log, close, feeling: ft.Control) -> ft.AlertDialog:
    """Whether (or how) you reached someone, with "How do you feel after?" to answer or skip in the same step."""
    person, way = asking
    if is_gathering(person):
        return went_dialog(person, feeling, lambda: log(person, Way.IN_PERSON), close)
    if way is None:
        return dialog(
            f"How did you reach {person.name}?",
            ft.Column([feeling, *[ft.TextButton(words, on_click=lambda _, w=w: log(person, w))
                                  for w, words in HAND_LOGGED_WAYS]], tight=True),
            [ft.TextButton("Cancel", on_click=close)],
            on_dismiss=close,
        )
    return dialog(
        f"Did you reach {person.name}?",
        ft.Column([ft.Text("If you did, Tend will remember when, so you can see who you've been in touch with. "
                           "If not, that's okay: you can try again later, or try someone else."), feeling],
                  tight=True, spacing=12),
        [
            ft.TextButton("Not this time", on_click=close),
            ft.FilledButton("Yes, I reached them", on_click=lambda: log(person, way)),
        ],
        on_dismiss=close,
    )


def _logged_notice(person: Person, undo, contact_id: str) -> ft.Control:
    """Keyed by the contact, so a screen that shows one Undo at a time can tell a new one from the last."""
    did = logged_words(person)
    card = notice_card(f"Logged: you {did} today.",
                       [said_as(ft.TextButton, "Undo", f"Undo logging that you {did}", on_click=undo)])
    card.key = contact_id
    return card
