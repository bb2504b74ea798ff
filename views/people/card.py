"""One person in a list: who they are, what they help with, when you last reached out, and one-tap Call, Text, Email."""

from typing import Awaitable, Callable

import flet as ft

from storage.people.model import Person, Way
from views.kit.labelled import icon_action, said_as
from views.people.gatherings import can_be_there_for, gathering_details, log_words
from views.people.two_ways import TwoWays
from views.support_card.holder_line import CardHolderLine

SUPPORT_NOT_SET = "Kind of support not set"
"""Shown for someone added without kinds of support (in the welcome, say): listed under every "I need…"."""
WAY_BUTTONS = ((Way.CALL, "Call", ft.Icons.CALL), (Way.TEXT, "Text", ft.Icons.SMS_OUTLINED),
               (Way.EMAIL, "Email", ft.Icons.EMAIL_OUTLINED))


def can_reach(person: Person, way: Way) -> bool:
    return bool(person.email if way is Way.EMAIL else person.phones)


def reach_buttons(person: Person, on_reach: Callable[[Person, Way], Awaitable[None]]) -> list[ft.Control]:
    """Call, Text and Email, for the ways this person can be reached; the way they prefer stands out."""

    def reach_by(way: Way):
        async def reach() -> None:
            await on_reach(person, way)
        return reach

    buttons = []
    for way, word, icon in WAY_BUTTONS:
        if can_reach(person, way):
            kind = ft.FilledButton if way is (person.preferred or Way.CALL) else ft.FilledTonalButton
            buttons.append(said_as(kind, word, f"{word} {person.name}", icon=icon, on_click=reach_by(way)))
    return buttons


def person_card(person: Person, last_reached: str, on_reach, on_log_by_hand, on_edit, on_ask=None) -> ft.Control:
    """`on_ask`: opens the ready-made messages for this person ("Ask for help")."""
    kinds = " · ".join(kind.word for kind in person.supports)
    return ft.Card(
        ft.Container(
            ft.Column(
                [
                    ft.Row(
                        [
                            ft.Text(person.name, theme_style=ft.TextThemeStyle.TITLE_MEDIUM, expand=True),
                            *([icon_action(ft.Icons.EDIT_OUTLINED, f"Edit {person.name}", lambda: on_edit(person))]
                              if on_edit else []),
                        ],
                    ),
                    *gathering_details(person),
                    ft.Text(kinds or SUPPORT_NOT_SET, theme_style=ft.TextThemeStyle.LABEL_LARGE,
                            italic=not kinds),
                    *([ft.Text(person.first_phone)] if person.phones else []),  # the number a Call dials
                    *([ft.Text(f"Helps with: {person.helps_with}")] if person.helps_with else []),
                    ft.Text(last_reached, theme_style=ft.TextThemeStyle.BODY_SMALL),
                    CardHolderLine(person.id),
                    *([TwoWays(person, key=f"two-ways/{person.id}")] if can_be_there_for(person) else []),
                    ft.Row(
                        [*reach_buttons(person, on_reach),
                         said_as(ft.TextButton, *log_words(person), on_click=lambda: on_log_by_hand(person)),
                         *([said_as(ft.TextButton, "Ask for help", f"Ask {person.name} for help",
                                    icon=ft.Icons.CHAT_OUTLINED, on_click=lambda: on_ask(person))] if on_ask else [])],
                        wrap=True,
                    ),
                ],
                spacing=6,
            ),
            padding=16,
        ),
    )
