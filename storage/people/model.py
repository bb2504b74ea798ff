"""The people and services someone can turn to, by the kinds of support they give, and the rules for choosing.

A person is kept as typed (numbers stay readable, "020 7946 0958"); only a
number that normalises to what a dialer accepts is ever stored, and links are
built from the normalised form at the moment they are used.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum

from storage.errors import Refused
from storage.people import gatherings
from storage.people.feelings import Felt
from storage.people.phones import email_problem, phone_problem
from storage.records import new_id, stamp

NAME_LIMIT = 100
HELPS_WITH_LIMIT = 200
NOTE_LIMIT = 2000
PHONES_LIMIT = 5
LONGEST_TOUCH_GAP = 365


class Support(StrEnum):
    EMOTIONAL = "emotional"
    PRACTICAL = "practical"
    INFORMATIONAL = "informational"
    PEER = "peer"
    PROFESSIONAL = "professional"
    CRISIS = "crisis"

    @property
    def word(self) -> str:
        """'Emotional', as shown on a chip."""
        return self.value.capitalize()

    @property
    def meaning(self) -> str:
        """What this kind of support is, in a few words, for people choosing it."""
        return SUPPORT_MEANINGS[self]


SUPPORT_MEANINGS = {
    Support.EMOTIONAL: "listens and cares",
    Support.PRACTICAL: "helps with tasks",
    Support.INFORMATIONAL: "knows about treatment and resources",
    Support.PEER: "has been there",
    Support.PROFESSIONAL: "therapist, doctor or counsellor",
    Support.CRISIS: "a crisis line or emergency service",
}


class Way(StrEnum):
    """How someone can be reached, and how a contact happened."""

    CALL = "call"
    TEXT = "text"
    EMAIL = "email"
    IN_PERSON = "in person"
    OTHER = "other"


REACHABLE_BY = (Way.CALL, Way.TEXT, Way.EMAIL)
"""The ways Tend can open for you (a preferred way is one of these)."""


@dataclass(frozen=True, kw_only=True)
class Person(gatherings.Gathering):
    id: str
    name: str
    phones: tuple[str, ...] = ()
    email: str = ""
    supports: tuple[Support, ...] = ()
    helps_with: str = ""
    note: str = ""
    preferred: Way | None = None
    stay_in_touch_days: int | None = None
    created: str
    updated: str

    @property
    def first_phone(self) -> str:
        return self.phones[0] if self.phones else ""


@dataclass(frozen=True, kw_only=True)
class Contact:
    """A time someone reached out to a person."""

    id: str
    person_id: str
    at: datetime
    way: Way
    created: str
    updated: str
    felt: Felt | None = None
    """How you felt after, if you said (optional: contacts logged before it was asked have none)."""


def person_problems(
    name: object,
    phones: object = (),
    email: object = "",
    supports: object = (),
    helps_with: object = "",
    note: object = "",
    preferred: object = None,
    stay_in_touch_days: object = None,
    **gathering: object,  # a group's or place's own fields: see storage.people.gatherings
) -> dict[str, str]:
    """Field name → what is wrong with it, in words for the person; empty when all is well.

    A phone field's key is "phones" for the list, or "phone 2" for the second number.
    """
    problems: dict[str, str] = {}
    if not isinstance(name, str) or not name.strip():
        problems["name"] = gatherings.name_missing(gathering.get("kind"))
    elif len(name.strip()) > NAME_LIMIT:
        problems["name"] = f"A name can be up to {NAME_LIMIT} characters."
    if not isinstance(phones, (list, tuple)) or len(phones) > PHONES_LIMIT:
        problems["phones"] = f"You can keep up to {PHONES_LIMIT} numbers for one person."
    else:
        for index, number in enumerate(phones, start=1):
            message = phone_problem(number) if isinstance(number, str) else "A phone number should be text."
            if message:
                problems[f"phone {index}"] = message
    if not isinstance(email, str):
        problems["email"] = "An email address should be text."
    elif email.strip():
        message = email_problem(email.strip())
        if message:
            problems["email"] = message
    if not isinstance(supports, (list, tuple)) or any(kind not in set(Support) for kind in supports):
        problems["supports"] = "Please pick kinds of support from the list."
    for field, value, limit in (("helps_with", helps_with, HELPS_WITH_LIMIT), ("note", note, NOTE_LIMIT)):
        if not isinstance(value, str):
            problems[field] = "This should be text."
        elif len(value) > limit:
            problems[field] = f"This can be up to {limit:,} characters; it has {len(value):,}. Please shorten it."
    if preferred is not None and preferred not in set(REACHABLE_BY):
        problems["preferred"] = "Please pick call, text or email."
    if stay_in_touch_days is not None and (
            not isinstance(stay_in_touch_days, int) or isinstance(stay_in_touch_days, bool)
            or not 1 <= stay_in_touch_days <= LONGEST_TOUCH_GAP):
        problems["stay_in_touch_days"] = f"Please give a number of days from 1 to {LONGEST_TOUCH_GAP}, or leave it empty."
    problems.update(gatherings.gathering_problems(**gathering))
    if not problems and preferred is not None:
        problems.update(_unreachable_preference(Way(preferred), phones, email))
    return problems


def new_person(now: datetime, **fields) -> Person:
    """A fresh person; raises Refused rather than build one the rules would refuse."""
    made = stamp(now)
    return Person(id=new_id(), created=made, updated=made, **_checked(fields))


def revised_person(person: Person, now: datetime, **changes) -> Person:
    """`person` with `changes` applied and `updated` set to now."""
    fields = {name: getattr(person, name) for name in _FIELDS} | changes
    return replace(person, updated=stamp(now), **_checked(fields))


def new_contact(person: Person, way: Way, now: datetime, felt: Felt | None = None) -> Contact:
    made = stamp(now)
    return Contact(id=new_id(), person_id=person.id, at=now, way=Way(way), created=made, updated=made,
                   felt=Felt(felt) if felt else None)


def people_for(kind: Support | None, people: Iterable[Person], last_contacts: Mapping[str, datetime]) -> list[Person]:
    """Who to turn to for `kind` (everyone for None): the ones not reached for longest first, never-reached before
    them; then anyone whose kinds of support aren't set yet (they may give it: a person added in a hurry is never
    lost); and crisis services always at the end, so the people you know come first."""

    def order(person: Person) -> tuple:
        last = last_contacts.get(person.id)
        is_service = Support.CRISIS in person.supports and kind is not Support.CRISIS
        unset = kind is not None and not person.supports
        return is_service, unset, last is not None, last.timestamp() if last else 0.0, person.name.casefold()

    return sorted((p for p in people if kind is None or kind in p.supports or not p.supports), key=order)


def last_contacts(contacts: Iterable[Contact], known: Mapping[str, datetime] | None = None) -> dict[str, datetime]:
    """Each person's most recent contact, among `contacts` and the latest ones already `known`."""
    latest: dict[str, datetime] = dict(known or {})
    for contact in contacts:
        if contact.person_id not in latest or contact.at > latest[contact.person_id]:
            latest[contact.person_id] = contact.at
    return latest


def ago_in_words(then: datetime, now: datetime) -> str:
    """'today', 'yesterday', '3 days ago', '3 weeks ago', '2 months ago': calm, plain, counted in local days."""
    days = (now.date() - then.astimezone(now.tzinfo).date()).days
    if days <= 0:
        return "today"
    if days == 1:
        return "yesterday"
    if days < 14:
        return f"{days} days ago"
    if days < 60:
        return f"{days // 7} weeks ago"
    if days < 365:
        return f"{days // 30} months ago"
    years = days // 365
    return "a year ago" if years == 1 else f"{years} years ago"


def document_from_person(person: Person) -> dict:
    return {
        "id": person.id,
        "name": person.name,
        "phones": list(person.phones),
        "email": person.email,
        "supports": [kind.value for kind in person.supports],
        "helps_with": person.helps_with,
        "note": person.note,
        "preferred": person.preferred.value if person.preferred else None,
        "stay_in_touch_days": person.stay_in_touch_days,
        **gatherings.gathering_document(person),
        "created": person.created,
        "updated": person.updated,
    }


def person_from_document(doc: dict) -> Person:
    return Person(
        id=doc["id"],
        name=doc["name"],
        phones=tuple(doc.get("phones", ())),
        email=doc.get("email", ""),
        supports=tuple(Support(kind) for kind in doc.get("supports", ())),
        helps_with=doc.get("helps_with", ""),
        note=doc.get("note", ""),
        preferred=Way(doc["preferred"]) if doc.get("preferred") else None,
        stay_in_touch_days=doc.get("stay_in_touch_days"),
        **gatherings.gathering_from_document(doc),
        created=doc["created"],
        updated=doc.get("updated", doc["created"]),
    )


def document_from_contact(contact: Contact) -> dict:
    """A contact as stored; "felt" only when answered, so a contact without it is kept as before."""
    return {"id": contact.id, "person_id": contact.person_id, "at": contact.at.isoformat(),
            "way": contact.way.value, "created": contact.created, "updated": contact.updated,
            **({"felt": contact.felt.value} if contact.felt else {})}


def contact_from_document(doc: dict) -> Contact:
    return Contact(id=doc["id"], person_id=doc["person_id"], at=datetime.fromisoformat(doc["at"]),
                   way=Way(doc["way"]), created=doc["created"], updated=doc.get("updated", doc["created"]),
                   felt=Felt(doc["felt"]) if doc.get("felt") else None)


_FIELDS = ("name", "phones", "email", "supports", "helps_with", "note", "preferred", "stay_in_touch_days",
           *gatherings.GATHERING_DEFAULTS)


def _checked(fields: dict) -> dict:
    """Fields tidied as stored (trimmed text, blank numbers dropped, kinds in a fixed order), or Refused."""
    unknown = set(fields) - set(_FIELDS)
    if unknown:
        raise TypeError(f"unknown person fields: {', '.join(sorted(unknown))}")
    tidy = {"phones": (), "email": "", "supports": (), "helps_with": "", "note": "", "preferred": None,
            "stay_in_touch_days": None, **gatherings.GATHERING_DEFAULTS, **fields}
    if isinstance(tidy["phones"], (list, tuple)):
        tidy["phones"] = tuple(n.strip() for n in tidy["phones"] if not isinstance(n, str) or n.strip())
    for field in ("name", "email", "helps_with", "note"):
        if isinstance(tidy[field], str):
            tidy[field] = tidy[field].strip()
    problems = person_problems(**tidy)
    if problems:
        raise Refused(problems)
    chosen = set(tidy["supports"])
    tidy["supports"] = tuple(kind for kind in Support if kind in chosen)
    tidy["preferred"] = Way(tidy["preferred"]) if tidy["preferred"] else None
    return tidy | gatherings.tidy_gathering(tidy)


def _unreachable_preference(preferred: Way, phones, email) -> dict[str, str]:
    if preferred in (Way.CALL, Way.TEXT) and not phones:
        return {"preferred": f"To {preferred.value} them, please add a phone number."}
    if preferred is Way.EMAIL and not (isinstance(email, str) and email.strip()):
        return {"preferred": "To email them, please add an email address."}
    return {}
