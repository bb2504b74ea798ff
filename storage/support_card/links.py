"""The links that hand the card to mail or messages, for one person or several; nothing leaves until the person taps
Send there.

Built on storage.people.phones, whose checks keep anything typed from adding a recipient or a header.
"""

import re
from urllib.parse import quote

from storage.people.model import Person
from storage.people.phones import email_link, text_link
from storage.support_card.shares import ShareWay


class CannotShare(ValueError):
    """Why the card can't go out this way, in kind words; nothing was opened or noted."""


def email_link_with_body(addresses: list[str], subject: str, body: str) -> str:
    """One mailto: link to every address, with subject and body (line breaks as CRLF, as RFC 6068 asks)."""
    recipients = ",".join(email_link(address).removeprefix("mailto:") for address in addresses)
    body = re.sub(r"\r\n|\r|\n", "\r\n", body)
    try:
        return f"mailto:{recipients}?subject={quote(subject, safe='')}&body={quote(body, safe='')}"
    except UnicodeEncodeError:
        raise CannotShare("Your card has a broken character in it (often half of an emoji). "
                          "Please delete it and type it again.") from None


def share_links(people: list[Person], way: ShareWay, subject: str, body: str) -> list[str]:
    """The links to open, in order: one mailto: for everyone by email, one sms: per person by text.

    CannotShare when no one is chosen, the card is empty, or someone has no address or number for this way.
    """
    if not body.strip():
        raise CannotShare("Your card is empty. Write a line or two in any part first; that is enough to share.")
    if not people:
        raise CannotShare("Choose who to share it with first.")
    if way is ShareWay.EMAIL:
        missing = [person.name for person in people if not person.email]
        if missing:
            raise CannotShare(f"Tend has no email address for {_names(missing)}. You can add one on People, or "
                              "share the card another way. Nothing was sent.")
        return [email_link_with_body([person.email for person in people], subject, body)]
    if way is ShareWay.TEXT:
        missing = [person.name for person in people if not person.phones]
        if missing:
            raise CannotShare(f"Tend has no number for {_names(missing)}. You can add one on People, or share "
                              "the card another way. Nothing was sent.")
        try:
            return [text_link(person.first_phone, body) for person in people]
        except UnicodeEncodeError:
            raise CannotShare("Your card has a broken character in it (often half of an emoji). "
                              "Please delete it and type it again.") from None
        except ValueError as error:  # a number stored before today's checks
            raise CannotShare(str(error)) from None
    raise ValueError(f"{way} is not shared by a link")


def _names(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
