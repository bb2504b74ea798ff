"""What the support card's share buttons do: save the card as typed, hand it on by a link, the share sheet or a
file, and note it for the people chosen (with Undo). The buttons are drawn in views.support_card.sharing."""

import asyncio
from collections.abc import Callable
from dataclasses import dataclass

import flet as ft

from storage.errors import Refused
from storage.people.model import Person
from storage.support_card.card import TITLE
from storage.support_card.links import share_links
from storage.support_card.noting import EMPTY_CARD, app_not_opened_words, groups_by_link, noted_words
from storage.support_card.shares import ShareWay, forget_shares, record_shares
from views.context import use_tend
from views.device.file_saving import save_text_file
from views.device.links import open_link

FILE_NAME = "how-to-support-me.txt"
SHARE_SHEET_TIMEOUT_SECONDS = 600
"""The share sheet answers when the person has chosen or closed it; a client without one never answers."""


@dataclass(frozen=True)
class ShareActions:
    noted: tuple | None
    """(words, shares) after a share, for Undo."""
    problem: str | None
    undo: Callable
    by_link: Callable
    by_share_sheet: Callable
    as_file: Callable


def use_share_actions(save_typed: Callable[[], str | None], picked: Callable[[], list[Person]]) -> ShareActions:
    """`picked()` answers the people chosen as they are at the tap (see kit.draft)."""
    tend = use_tend()
    noted, set_noted = ft.use_state(None)
    problem, set_problem = ft.use_state(None)

    def note(way: ShareWay, sent_to: list[Person]) -> None:
        shares = []

        def write():
            shares.extend(record_shares(tend.store, [person.id for person in sent_to], way, tend.now()))

        if sent_to and tend.wrote(write):
            set_noted((noted_words([person.name for person in sent_to], way), shares))

    def undo() -> None:
        if noted and tend.wrote(lambda: forget_shares(tend.store, noted[1])):
            set_noted(None)

    def card_text() -> str:
        """The card saved as typed, "" (with the problem said) when there is nothing to hand on."""
        text = save_typed()
        set_problem(None if text is None or text else EMPTY_CARD)
        return text or ""

    async def by_link(way: ShareWay) -> None:
        text = save_typed()
        if text is None:
            return
        to = picked()
        try:
            links = share_links(to, way, TITLE, text)
        except Refused as cannot:
            set_problem(str(cannot))
            return
        set_problem(None)
        note(way, await _opened(tend, way, groups_by_link(to, way), links))

    async def by_share_sheet() -> None:
        text = card_text()
        if text and await _shared_by_sheet(tend, text):
            note(ShareWay.SHARE_SHEET, picked())

    async def as_file() -> None:
        text = card_text()
        if text and await save_text_file(tend, "Save your support card", FILE_NAME, text):
            note(ShareWay.FILE, picked())

    return ShareActions(noted, problem, undo, by_link, by_share_sheet, as_file)


async def _opened(tend, way: ShareWay, groups: list[list[Person]], links: list[str]) -> list[Person]:
    """Opens the links one after another and answers whom they reached; the first that can't open stops it, said."""
    opened = []
    for group, link in zip(groups, links):
        if not await open_link(link):
            tend.tell(app_not_opened_words(way))
            break
        opened.extend(group)
    return opened


async def _shared_by_sheet(tend, text: str) -> bool:
    """Whether the platform's share sheet took the card (not closed without choosing); said when there is none."""
    try:
        result = await asyncio.wait_for(ft.Share().share_text(text, subject=TITLE), SHARE_SHEET_TIMEOUT_SECONDS)
    except Exception:  # noqa: BLE001 - no share sheet here, or no answer: nothing was shared
        tend.tell("This device has no share sheet Tend can open. You can send the card by email or text "
                  "message, or save it as a .txt file.")
        return False
    return result.status is not ft.ShareResultStatus.DISMISSED
