"""What Tend says after handing the card on: who has it now and how, with the way back if it wasn't sent."""

from storage.support_card.links import _names as names_together
from storage.support_card.shares import ShareWay

WAY_WORDS = {ShareWay.EMAIL: "by email", ShareWay.TEXT: "by text message", ShareWay.SHARE_SHEET: "shared",
             ShareWay.FILE: "as a file"}
EMPTY_CARD = "Your card is empty. Write a line or two in any part first."
"""Why the share sheet or a file was not offered: there is nothing to share yet."""


def noted_words(names: list[str], way: ShareWay) -> str:
    """'Noted: Sam and Dee have your card (by email, today). …' for the people the card was handed on for."""
    verb = "has" if len(names) == 1 else "have"
    return (f"Noted: {names_together(names)} {verb} your card ({WAY_WORDS[way]}, today). "
            "If you didn't send it after all, you can undo this.")


def app_not_opened_words(way: ShareWay) -> str:
    """When the mail or messages app could not be opened for a link."""
    return (f"This device could not open your {'mail' if way is ShareWay.EMAIL else 'messages'} app. "
            "You can save the card as a .txt file and send that instead.")


def groups_by_link(people: list, way: ShareWay) -> list[list]:
    """Who each link reaches, in the order of `share_links`: one message a person by text, one mail to everyone."""
    return [[person] for person in people] if way is ShareWay.TEXT else [people]
