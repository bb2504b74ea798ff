"""Sharing the support card: with the people chosen, by email or text message (their apps open with the card filled
in, and nothing leaves until the person taps Send there), the platform's share sheet in the app, or a .txt file.

Each share is noted for the people chosen, with Undo, so their cards can say who has it.
"""

from collections.abc import Awaitable, Callable
from functools import partial

import flet as ft

from storage.people.model import Person
from storage.people.repository import PeopleRepository
from storage.support_card.shares import ShareWay
from views.context import use_tend
from views.guard import component
from views.kit.draft import use_draft
from views.kit.labelled import labelled_group, said_as
from views.kit.notice import notice_card
from views.kit.taps import use_tap_gate
from views.support_card.share_actions import use_share_actions


@component
def ShareCard(card_text: str, save_typed: Callable[[], str | None]) -> ft.Control:
    """`card_text` is the card as last saved; `save_typed` saves what is typed now and answers the card's text (None
    when it could not be saved, and the screen says why)."""
    tend = use_tend()
    page = ft.context.page
    people = tend.read(lambda: PeopleRepository(tend.store).people(), [])
    draft = use_draft(lambda: {"chosen": ()})  # ids, in the order chosen; Share must see the last pick (kit.draft)

    def picked() -> list[Person]:
        by_id = {person.id: person for person in people}
        return [by_id[i] for i in draft.values["chosen"] if i in by_id]

    actions = use_share_actions(save_typed, picked)
    taps = use_tap_gate()

    def toggle(person_id: str) -> None:
        chosen = draft.values["chosen"]
        draft.choose("chosen", tuple(i for i in chosen if i != person_id) if person_id in chosen
                     else (*chosen, person_id))

    def button(kind, word: str, spoken: str, icon, action: Callable[[], Awaitable[None]], target) -> ft.Control:
        return said_as(kind, word, spoken, icon=icon, on_click=taps.once(target, action, until_done=True))

    chips = [said_as(ft.Chip, person.name, person.name, selected=person.id in draft.values["chosen"],
                     on_select=lambda _, i=person.id: toggle(i)) for person in people]
    return ft.Column(
        [
            ft.Text("Choose who gets it: one person or several. Tend opens your mail or messages with the card "
                    "filled in, and nothing is sent until you tap Send there."),
            labelled_group("Share with", ft.Row(chips, wrap=True) if chips else
                           ft.Text("Add the people you'd like to share it with on the People screen."),
                           actions.problem),
            ft.Row(
                [
                    button(ft.FilledButton, "Email", "Share by email", ft.Icons.EMAIL_OUTLINED,
                           partial(actions.by_link, ShareWay.EMAIL), "email"),
                    button(ft.FilledTonalButton, "Text message", "Share by text message", ft.Icons.SMS_OUTLINED,
                           partial(actions.by_link, ShareWay.TEXT), "text"),
                    *([button(ft.FilledTonalButton, "Share…", "Share with another app", ft.Icons.SHARE,
                              actions.by_share_sheet, "sheet")] if not page.web else []),
                    button(ft.TextButton, "Save as .txt", "Save the card as a text file", ft.Icons.DOWNLOAD,
                           actions.as_file, "file"),
                ],
                wrap=True,
            ),
            *([notice_card(actions.noted[0], [ft.TextButton("Undo", on_click=actions.undo)])] if actions.noted else []),
        ],
        spacing=12,
    )
