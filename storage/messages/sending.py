"""From a chosen message to the links that open the person's own messaging app with it: never sent by Tend.

Pure: given the people, the text and whether this device's messages app takes
several numbers in one sms: link (Android does, comma-separated), it answers
which links to open, in order, and who can't be reached the chosen way. The
person taps Send in their own app, once per link.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from storage.errors import Refused
from storage.messages.model import MessageKind, draft_for, message_problem
from storage.people.model import Person, Support, Way
from storage.people.phones import email_link, text_link_to_several

PEOPLE_AT_ONCE = 10
"""More than a group text or a handful of emails should reach at once; "I need…" lists the few who fit."""


@dataclass(frozen=True)
class Sending:
    """One link to open, and whom it reaches (several only for a group text)."""

    link: str
    people: tuple[Person, ...]
    way: Way


def way_to_send(person: Person, chosen: Way | None = None) -> Way | None:
    """How a message reaches `person`: the `chosen` way if they have its address, else as they prefer (a text for
    "call"), else whatever Tend has for them; None when Tend has no number or email."""
    wanted = [chosen] if chosen else [person.preferred or Way.TEXT, Way.TEXT, Way.EMAIL]
    for way in wanted:
        way = Way.TEXT if way is Way.CALL else way
        if (way is Way.TEXT and person.phones) or (way is Way.EMAIL and person.email):
            return way
    return None


def who_to_message(people: Sequence[Person], kind: MessageKind) -> list[Person]:
    """Of the people listed for a need, the ones one message can go to together: those Tend has a number or email
    for, not the crisis services listed at the end (unless it is crisis support), at most PEOPLE_AT_ONCE."""
    fitting = [p for p in people if way_to_send(p) and (kind is MessageKind.CRISIS or Support.CRISIS not in p.supports)]
    return fitting[:PEOPLE_AT_ONCE]


def unreachable_words(person: Person, chosen: Way | None = None) -> str:
    """Why nothing was opened for `person`, kindly, and what to do."""
    if chosen is Way.EMAIL:
        missing = "an email address"
    elif chosen in (Way.TEXT, Way.CALL):
        missing = "a phone number"
    else:
        missing = "a phone number or an email address"
    return (f"Tend doesn't have {missing} for {person.name} yet, so nothing was opened. "
            "You can add one on People.")


def sendings(people: Sequence[Person], text: str, kind: MessageKind, *, together: bool = False,
             greet: bool = False, chosen: Way | None = None) -> tuple[list[Sending], list[Person]]:
    """The links that carry `text` to `people`, in their order, and the people it can't reach that way.

    `greet` starts each person's message with "Hi <name>," (for a message written once for several people);
    `together` puts everyone reached by text into one sms: link (one message with no name in it). Refused
    (nothing to open) for text the rules refuse or more than PEOPLE_AT_ONCE people.
    """
    problem = message_problem(text)
    if problem:
        raise Refused({"wording": problem})
    if len(people) > PEOPLE_AT_ONCE:
        raise Refused({"to": f"One message can go to up to {PEOPLE_AT_ONCE} people at once. "
                             "Please choose fewer, and send it again to the others."})
    text = text.strip()
    links: list[Sending] = []
    unreachable: list[Person] = []
    by_text = [p for p in people if way_to_send(p, chosen) is Way.TEXT]
    grouped = together and len(by_text) > 1
    for person in people:
        way = way_to_send(person, chosen)
        if way is None:
            unreachable.append(person)
        elif grouped and way is Way.TEXT:
            if person is by_text[0]:
                links.append(Sending(text_link_to_several([p.first_phone for p in by_text], text), tuple(by_text),
                                     Way.TEXT))
        else:
            body = draft_for(person.name, text) if greet else text
            link = (text_link_to_several([person.first_phone], body) if way is Way.TEXT
                    else email_link(person.email, kind.subject, body))
            links.append(Sending(link, (person,), way))
    return links, unreachable
