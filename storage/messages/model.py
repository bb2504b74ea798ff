"""Ready-made messages: what to say when asking for help is the hard part.

A message has a kind (one of the kinds of support, or keeping in touch), its
wording, how hard a day it is written for, and whether it is one of Tend's own
(those can be edited or removed, and restored as Tend wrote them). The
person's name is never stored in a message: a draft greets them when it is
sent ("Hi Sam," on its own line), so one message serves everyone.
"""

from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum

from storage.errors import Refused
from storage.people.model import Support
from storage.records import new_id, stamp

MESSAGE_LIMIT = 1000
"""Long enough for a heartfelt paragraph, short enough for one text (phones split longer ones into several)."""


class MessageKind(StrEnum):
    """The kinds of support, and keeping in touch, which asks for nothing."""

    EMOTIONAL = Support.EMOTIONAL.value
    PRACTICAL = Support.PRACTICAL.value
    INFORMATIONAL = Support.INFORMATIONAL.value
    PEER = Support.PEER.value
    PROFESSIONAL = Support.PROFESSIONAL.value
    CRISIS = Support.CRISIS.value
    KEEPING_IN_TOUCH = "keeping in touch"

    @property
    def word(self) -> str:
        """'Emotional support', 'Keeping in touch', as a heading."""
        return self.value.capitalize() if self is MessageKind.KEEPING_IN_TOUCH else f"{self.value.capitalize()} support"

    @property
    def subject(self) -> str:
        """An email's subject for a message of this kind: plain, and never alarming in an inbox preview except
        where it must be."""
        return SUBJECTS[self]


SUBJECTS = {
    MessageKind.EMOTIONAL: "Could we talk?",
    MessageKind.PRACTICAL: "A favour",
    MessageKind.INFORMATIONAL: "A question",
    MessageKind.PEER: "Going together?",
    MessageKind.PROFESSIONAL: "About my care",
    MessageKind.CRISIS: "I need help now",
    MessageKind.KEEPING_IN_TOUCH: "Thinking of you",
}


class DayKind(StrEnum):
    """How hard a day a message is written for, so the fitting ones come first."""

    ANY_DAY = "any day"
    HARD_DAY = "hard day"
    VERY_HARD_DAY = "very hard day"


@dataclass(frozen=True, kw_only=True)
class Message:
    id: str
    kind: MessageKind
    wording: str
    day: DayKind = DayKind.ANY_DAY
    tends_own: bool = False
    """One of Tend's own messages (edited or not), which "Restore Tend's messages" brings back as written."""
    created: str
    updated: str


def message_problem(wording: object) -> str | None:
    """Why `wording` can't be a message, in kind words for the person, or None if it can."""
    if not isinstance(wording, str) or not wording.strip():
        return "Please write a few words first. Even a short message is enough."
    if len(wording.strip()) > MESSAGE_LIMIT:
        return (f"A message can be up to {MESSAGE_LIMIT:,} characters; this one has {len(wording.strip()):,}. "
                "A shorter one is easier to read, too.")
    try:
        wording.encode("utf-8")
    except UnicodeEncodeError:
        return "This message has a broken character in it (often half of an emoji). Please delete it and type it again."
    return None


def message_problems(kind: object, wording: object, day: object = DayKind.ANY_DAY.value,
                     tends_own: object = False) -> dict[str, str]:
    """Field name → what is wrong with it; empty when all is well (for imports and the store's reading)."""
    problems = {}
    if kind not in {k.value for k in MessageKind}:
        problems["kind"] = f"this should be one of: {', '.join(k.value for k in MessageKind)}."
    problem = message_problem(wording)
    if problem:
        problems["wording"] = problem
    if day not in {d.value for d in DayKind}:
        problems["day"] = f"this should be one of: {', '.join(d.value for d in DayKind)}."
    if not isinstance(tends_own, bool):
        problems["tends_own"] = "this should be true or false."
    return problems


def new_message(kind: MessageKind, wording: str, now: datetime, day: DayKind = DayKind.ANY_DAY) -> Message:
    """One of the person's own messages; Refused if the wording is empty, too long or broken."""
    made = stamp(now)
    return Message(id=new_id(), kind=MessageKind(kind), wording=_checked(wording), day=DayKind(day),
                   created=made, updated=made)


def reworded(message: Message, wording: str, now: datetime) -> Message:
    """`message` with new wording; Refused if the rules refuse it (and nothing changes)."""
    return replace(message, wording=_checked(wording), updated=stamp(now))


def draft_for(name: str, wording: str) -> str:
    """The message as sent to one person: greeted by name on its own line, so no wording has to fit a name in."""
    return f"Hi {name.strip()},\n{wording}" if name.strip() else wording


def document_from_message(message: Message) -> dict:
    return {"id": message.id, "kind": message.kind.value, "wording": message.wording, "day": message.day.value,
            "tends_own": message.tends_own, "created": message.created, "updated": message.updated}


def message_from_document(doc: dict) -> Message:
    return Message(id=doc["id"], kind=MessageKind(doc["kind"]), wording=doc["wording"],
                   day=DayKind(doc.get("day", DayKind.ANY_DAY.value)), tends_own=doc.get("tends_own", False),
                   created=doc["created"], updated=doc.get("updated", doc["created"]))


def _checked(wording: str) -> str:
    problem = message_problem(wording)
    if problem:
        raise Refused({"wording": problem})
    return wording.strip()


def message_record_problems(record: dict) -> dict[str, str]:
    """What is wrong with a stored or imported message record (its id and times are checked elsewhere)."""
    problems = message_problems(record.get("kind"), record.get("wording"), record.get("day", DayKind.ANY_DAY.value),
                                record.get("tends_own", False))
    if not problems and not isinstance(record.get("removed", False), bool):
        problems["removed"] = "this should be true or false."
    return problems
