"""The links that hand the card to mail or messages, for one person or several; nothing leaves until the person taps
Send there.

Built on storage.people.phones, whose checks keep anything typed from adding a recipient or a header.
"""

from storage.errors import Refused
from storage.people.model import Person
from storage.people.phones import email_link_to_several, text_link
from storage.support_card.shares import ShareWay

MISSING_WORDS = {ShareWay.EMAIL: "email address", ShareWay.TEXT: "number"}
"""What a person lacks when the card can't go to them this way."""


def share_links(people: list[Person], way: ShareWay, subject: str, body: str) -> list[str]:
    """The links to open, in order: one mailto: for everyone by email, one sms: per person by text.

    Refused when no one is chosen, the card is empty, or someone has no address or number for this way.
    """
    if not body.strip():
        raise Refused({"card": "Your card is empty. Write a line or two in any part first; that is enough to share."})
    if not people:
        raise Refused({"to": "Choose who to share it with first."})
    if way not in MISSING_WORDS:
        raise ValueError(f"{way} is not shared by a link")
    missing = [person.name for person in people if not (person.email if way is ShareWay.EMAIL else person.phones)]
    if missing:
        raise Refused({"to": f"Tend has no {MISSING_WORDS[way]} for {_names(missing)}. You can add one on People, "
                             "or share the card another way. Nothing was sent."})
    try:
        if way is ShareWay.EMAIL:
            return [email_link_to_several([person.email for person in people], subject, body)]
        return [text_link(person.first_phone, body) for person in people]
    except ValueError as error:  # a broken character (half an emoji), or an address or number kept from before
        raise Refused({"to": str(error)}) from None


def _names(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
