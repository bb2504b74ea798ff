"""Sharing the support card: with the people chosen, by email or text message (their apps open with the card filled
in, and nothing leaves until the person taps Send there), the platform's share sheet in the app, or a .txt file.

Each share is noted for the people chosen, with Undo, so their cards can say who has it.
"""

import asyncio
from collections.abc import Awaitable, Callable
from functools import partial

import flet as ft

from storage.people.model import Person
from storage.people.repository import PeopleRepository
from storage.support_card.card import TITLE
from storage.support_card.links import CannotShare, share_links
from storage.support_card.shares import ShareWay, forget_shares, record_shares
from views.checkins.editing import notice_card
from views.context import use_tend
from views.device.file_saving import save_text_file
from views.device.links import open_link
from views.guard import component
from views.kit.draft import use_draft
from views.kit.labelled import labelled_group, said_as
from views.kit.taps import use_tap_gate

FILE_NAME = "how-to-support-me.txt"
SHARE_SHEET_TIMEOUT_SECONDS = 600
"""The share sheet answers when the person has chosen or closed it; a client without one never answers."""
WAY_WORDS = {ShareWay.EMAIL: "by email", ShareWay.TEXT: "by text message", ShareWay.SHARE_SHEET: "shared",
             ShareWay.FILE: "as a file"}


@component
def ShareCard(card_text: str, save_typed: Callable[[], str | None]) -> ft.Control:
    """`card_text` is the card as last saved; `save_typed` saves what is typed now and answers the card's text (None
    when it could not be saved, and the screen says why)."""
    tend = use_tend()
    page = ft.context.page
    people = tend.read(lambda: PeopleRepository(tend.store).people(), [])
    draft = use_draft(lambda: {"chosen": ()})  # ids, in the order chosen; Share must see the last pick (kit.draft)
    noted, set_noted = ft.use_state(None)  # (words, shares) after a share, for Undo
    problem, set_problem = ft.use_state(None)
    taps = use_tap_gate()

    def toggle(person_id: str) -> None:
        chosen = draft.values["chosen"]
        draft.choose("chosen", tuple(i for i in chosen if i != person_id) if person_id in chosen
                     else (*chosen, person_id))

    def note(way: ShareWay, sent_to: list[Person]) -> None:
        shares = []

        def write():
            nonlocal shares
            shares = record_shares(tend.store, [person.id for person in sent_to], way, tend.now())

        if sent_to and tend.wrote(write):
            names = " and ".join(filter(None, [", ".join(p.name for p in sent_to[:-1]), sent_to[-1].name]))
            words = (f"Noted: {names} {'has' if len(sent_to) == 1 else 'have'} your card ({WAY_WORDS[way]}, today). "
                     "If you didn't send it after all, you can undo this.")
            set_noted((words, shares))

    def undo() -> None:
        if noted and tend.wrote(lambda: forget_shares(tend.store, noted[1])):
            set_noted(None)

    def picked() -> list[Person]:
        by_id = {person.id: person for person in people}
        return [by_id[i] for i in draft.values["chosen"] if i in by_id]

    async def by_link(way: ShareWay) -> None:
        text = save_typed()
        if text is None:
            return
        to = picked()
        try:
            links = share_links(to, way, TITLE, text)
        except CannotShare as cannot:
            set_problem(str(cannot))
            return
        set_problem(None)
        opened = []
        for group, link in zip([[person] for person in to] if way is ShareWay.TEXT else [to], links):
            if not await open_link(link):  # one message a person by text, one mail to everyone
                tend.tell(f"This device could not open your {'mail' if way is ShareWay.EMAIL else 'messages'} app. "
                          "You can save the card as a .txt file and send that instead.")
                break
            opened.extend(group)
        note(way, opened)

    async def by_share_sheet() -> None:
        text = save_typed()
        if not text:
            set_problem(None if text is None else "Your card is empty. Write a line or two in any part first.")
            return
        set_problem(None)
        try:
            result = await asyncio.wait_for(ft.Share().share_text(text, subject=TITLE), SHARE_SHEET_TIMEOUT_SECONDS)
        except Exception:  # noqa: BLE001 - no share sheet here, or no answer: nothing was shared
            tend.tell("This device has no share sheet Tend can open. You can send the card by email or text "
                      "message, or save it as a .txt file.")
            return
        if result.status is not ft.ShareResultStatus.DISMISSED:
            note(ShareWay.SHARE_SHEET, picked())

    async def as_file() -> None:
        text = save_typed()
        if not text:
            set_problem(None if text is None else "Your card is empty. Write a line or two in any part first.")
            return
        set_problem(None)
        if await save_text_file(tend, "Save your support card", FILE_NAME, text):
            note(ShareWay.FILE, picked())

    def button(kind, word: str, spoken: str, icon, action: Callable[[], Awaitable[None]], target) -> ft.Control:
        return said_as(kind, word, spoken, icon=icon, on_click=taps.once(target, action, until_done=True))

    chips = [said_as(ft.Chip, person.name, person.name, selected=person.id in draft.values["chosen"],
                     on_select=lambda _, i=person.id: toggle(i)) for person in people]
    return ft.Column(
        [
            ft.Text("Choose who gets it: one person or several. Tend opens your mail or messages with the card "
                    "filled in, and nothing is sent until you tap Send there."),
            labelled_group("Share with", ft.Row(chips, wrap=True) if chips else
                           ft.Text("Add the people you'd like to share it with on the People screen."), problem),
            ft.Row(
                [
                    button(ft.FilledButton, "Email", "Share by email", ft.Icons.EMAIL_OUTLINED,
                           partial(by_link, ShareWay.EMAIL), "email"),
                    button(ft.FilledTonalButton, "Text message", "Share by text message", ft.Icons.SMS_OUTLINED,
                           partial(by_link, ShareWay.TEXT), "text"),
                    *([button(ft.FilledTonalButton, "Share…", "Share with another app", ft.Icons.SHARE,
                              by_share_sheet, "sheet")] if not page.web else []),
                    button(ft.TextButton, "Save as .txt", "Save the card as a text file", ft.Icons.DOWNLOAD,
                           as_file, "file"),
                ],
                wrap=True,
            ),
            *([notice_card(noted[0], [ft.TextButton("Undo", on_click=undo)])] if noted else []),
        ],
        spacing=12,
    )
