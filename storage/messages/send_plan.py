"""What Send does with a message for the people ticked: the links to open one after another, and who was left out,
in words; or why nothing can be opened. The picker (views.messages.send_flow) opens them and says the rest."""

from collections.abc import Sequence
from dataclasses import dataclass

from storage.errors import Refused
from storage.messages.model import MessageKind
from storage.messages.sending import Sending, sendings, unreachable_words
from storage.people.model import Person, Way

NOBODY_CHOSEN = "Please choose who to send it to."


@dataclass(frozen=True)
class SendPlan:
    links: tuple[Sending, ...]
    left_out: str
    """Why some of the people ticked get nothing, kindly; "" when all are reached."""


def plan_sending(people: Sequence[Person], text: str, kind: MessageKind, *, together: bool, greet: bool,
                 chosen: Way | None) -> SendPlan:
    """See storage.messages.sending.sendings; Refused (or ValueError for broken text) when there is nothing
    to open, with why: the text, nobody ticked, or nobody reachable this way."""
    links, unreachable = sendings(people, text, kind, together=together, greet=greet, chosen=chosen)
    left_out = " ".join(unreachable_words(person, chosen) for person in unreachable)
    if not links:
        raise Refused({"to": left_out or NOBODY_CHOSEN})
    return SendPlan(tuple(links), left_out)


def addresses(sending: Sending) -> str:
    """The numbers or addresses one link was for, to send to by hand when no app could open it."""
    return ", ".join(person.first_phone if sending.way is Way.TEXT else person.email for person in sending.people)
