"""Ready-made messages: pick one, the name is filled in, edit it if you like, and Send opens your own messaging app
with it. Tend never sends anything itself: the message leaves only when the person taps Send there.

`use_messaging` is the door every screen uses ("Ask for help" on a card, "Send a message" on the low-day card, in
"I need…" and on a keep-in-touch reminder): it opens the picker and, once the person says it went, logs a contact
with each person it went to, as Call does.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import flet as ft

from storage.messages.model import DayKind, MessageKind
from storage.messages.sending import who_to_message
from storage.people.model import Person, Support, Way
from views.context import use_tend
from views.guard import component
from views.kit.dialog import dialog
from views.kit.labelled import said_as
from views.kit.notice import notice_card
from views.kit.taps import use_tap_gate
from views.messages.composer import MessageComposer
from views.people.your_people import use_people_actions

ASK_ICON = ft.Icons.CHAT_OUTLINED


@dataclass(frozen=True)
class Messaging:
    ask: Callable[[Sequence[Person], MessageKind], None]
    """Open the picker for these people, with the messages of this kind first."""
    notice: ft.Control | None
    """'Logged: you reached out to Sam today. Undo' once a message went."""


def kind_for(person: Person, need: Support | None = None) -> MessageKind:
    """The messages to offer someone: for the support asked for, else the first kind they give, else emotional."""
    support = need or next(iter(person.supports), Support.EMOTIONAL)
    return MessageKind(support.value)


def names_in_words(people: Sequence[Person]) -> str:
    names = [person.name for person in people]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def use_messaging(day: DayKind | None = None) -> Messaging:
    """`day`: how hard a day it is, so the messages written for one like it come first."""
    tend = use_tend()
    people_actions = use_people_actions()
    asking, set_asking = ft.use_state(None)  # (people, kind) while the picker is open
    logged, set_logged = ft.use_state(None)  # (people, contacts) after a message went
    taps = use_tap_gate()

    def sent(reached: list[tuple[Person, Way]]) -> None:
        set_asking(None)
        if not taps.accepts("log"):
            return  # "Yes, I sent it" tapped twice logs each contact once
        contacts = []

        def write() -> None:
            for person, way in reached:
                contacts.append(people_actions.log_contact(person, way))

        tend.wrote(write)
        if contacts:  # those written before a refusal stay logged, and Undo can take them back
            set_logged((tuple(person for person, _ in reached[:len(contacts)]), tuple(contacts)))

    def forget(contacts) -> None:
        if taps.accepts("forget") and tend.wrote(lambda: [people_actions.forget_contact(c) for c in contacts]):
            set_logged(None)

    def close() -> None:
        set_asking(None)

    picker = None
    if asking:
        people, kind = asking
        picker = dialog(f"A message to {names_in_words(people)}", MessageComposer(people, kind, day, sent, close),
                        on_dismiss=close, back="Back to the message")
    ft.use_dialog(picker)
    notice = None
    if logged:
        people, contacts = logged
        notice = notice_card(f"Logged: you reached out to {names_in_words(people)} today.",
                             [ft.TextButton("Undo", on_click=lambda: forget(contacts))])
    return Messaging(lambda people, kind: set_asking((tuple(people), MessageKind(kind))), notice)


def message_button(messaging: Messaging, person: Person, kind: MessageKind, shown: str = "Send a message",
                   filled: bool = False) -> ft.Control:
    """'Send a message' (or 'Ask for help') for one person, spoken with their name."""
    spoken = f"{shown} to {person.name}" if shown == "Send a message" else f"{shown}: {person.name}"
    return said_as(ft.FilledTonalButton if filled else ft.TextButton, shown, spoken, icon=ASK_ICON,
                   on_click=lambda: messaging.ask([person], kind))


def message_everyone_button(messaging: Messaging, people: Sequence[Person], need: Support | None) -> list[ft.Control]:
    """'Send one message to several', from "I need…": for the people listed who can get one, when there are two."""
    if need is None:
        return []
    kind = MessageKind(need.value)
    reachable = who_to_message(people, kind)
    if len(reachable) < 2:
        return []
    return [said_as(ft.OutlinedButton, "Send one message to several", f"Send one message to several people for "
                                                                      f"{need.value} support",
                    icon=ft.Icons.FORUM_OUTLINED, on_click=lambda: messaging.ask(reachable, kind))]


@component
def ManageMessagesButton() -> ft.Control:
    """Settings' way to the messages: add, edit, remove, restore Tend's; in a dialog of its own."""
    from views.messages.manage import MessagesManager  # here: the manager is only loaded when opened

    managing, set_managing = ft.use_state(False)
    ft.use_dialog(dialog("Your messages", MessagesManager(MessageKind.EMOTIONAL, lambda: set_managing(False), "Close"),
                         on_dismiss=lambda: set_managing(False), back="Back to your messages") if managing else None)
    return ft.Column(
        [
            ft.Text("Ready-made messages for asking for help or keeping in touch: change Tend's, or add your own."),
            ft.Row([ft.OutlinedButton("Manage messages", icon=ASK_ICON, on_click=lambda: set_managing(True))]),
        ],
        spacing=8,
    )
