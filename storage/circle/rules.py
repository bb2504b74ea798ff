"""Your network at a glance: who gives which kind of support, which kinds nobody gives yet, and how near each one is
drawn (recent contact nearer). Pure rules given `now`; the picture and the words below it are both built from them.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import IntEnum

from storage.circle.guides import IDEAS, QUESTIONS
from storage.people.gatherings import PersonKind
from storage.people.model import Person, Support

NEAR_DAYS = 7
MIDDLE_DAYS = 30


class Ring(IntEnum):
    """How near the centre someone is drawn: the ring of the last contact."""

    NEAR = 0
    MIDDLE = 1
    FAR = 2

    @property
    def words(self) -> str:
        return RING_WORDS[self]


RING_WORDS = {
    Ring.NEAR: "in touch this week",
    Ring.MIDDLE: "in touch this month",
    Ring.FAR: "not in touch for a while",
}


def ring_for(last: datetime | None, now: datetime) -> Ring:
    """Nearer for a more recent contact: within 7 days, within 30, or longer ago (or never, or a clock gone back
    past it counts as today)."""
    if last is None:
        return Ring.FAR
    days = (now.date() - last.astimezone(now.tzinfo).date()).days
    if days <= NEAR_DAYS:
        return Ring.NEAR
    return Ring.MIDDLE if days <= MIDDLE_DAYS else Ring.FAR


@dataclass(frozen=True)
class Member:
    """Someone (or a group or place) in the circle, as drawn and as told."""

    id: str
    name: str
    kind: PersonKind
    supports: tuple[Support, ...]
    ring: Ring
    contacted: bool

    @property
    def nearness_words(self) -> str:
        if not self.contacted:
            return "no contact logged yet" if self.kind is PersonKind.PERSON else "not been yet"
        return self.ring.words

    @property
    def spoken(self) -> str:
        """'Sam, a group, in touch this week': what a screen reader says for a dot in the picture."""
        what = "" if self.kind is PersonKind.PERSON else f", a {self.kind.value}"
        return f"{self.name}{what}, {self.nearness_words}"


@dataclass(frozen=True)
class Covered:
    support: Support
    members: tuple[Member, ...]
    """Nearest first, then by name."""


@dataclass(frozen=True)
class Gap:
    support: Support
    question: str
    ideas: tuple[str, ...]


@dataclass(frozen=True)
class Circle:
    members: tuple[Member, ...]
    covered: tuple[Covered, ...]
    gaps: tuple[Gap, ...]
    unsorted: tuple[Member, ...]
    """People given no kind of support yet: in the picture and the words, but in no kind."""


def gap_for(support: Support) -> Gap:
    return Gap(support, QUESTIONS[support], IDEAS[support])


def circle_of(people: Iterable[Person], last_contacts: Mapping[str, datetime], now: datetime) -> Circle:
    """Everyone by the kinds of support they give, each kind covered or a gap, in the order of `Support`."""
    members = tuple(sorted(
        (Member(p.id, p.name, p.kind, tuple(p.supports), ring_for(last_contacts.get(p.id), now),
                p.id in last_contacts) for p in people),
        key=lambda m: (m.ring, not m.contacted, m.name.casefold(), m.id)))
    covered, gaps = [], []
    for support in Support:
        givers = tuple(m for m in members if support in m.supports)
        if givers:
            covered.append(Covered(support, givers))
        else:
            gaps.append(gap_for(support))
    return Circle(members, tuple(covered), tuple(gaps), tuple(m for m in members if not m.supports))


def names_in_words(names: Iterable[str]) -> str:
    """'Sam', 'Sam and Dee', 'Sam, Dee and Ali'."""
    names = list(names)
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def covered_in_words(covered: Covered) -> str:
    """'Emotional support: Sam (in touch this week) and Dee (no contact logged yet)'."""
    return f"{covered.support.word} support: " + names_in_words(
        f"{m.name} ({m.nearness_words})" for m in covered.members)


def summary_in_words(circle: Circle) -> str:
    """One sentence that says what the picture shows, for screen readers and as its caption."""
    count = len(circle.members)
    if not count:
        return "Your circle is empty so far: just you in the middle."
    near = sum(1 for m in circle.members if m.ring is Ring.NEAR)
    who = "1 person, group or place" if count == 1 else f"{count} people, groups and places"
    kinds = len(circle.covered)
    return (f"You in the middle, with {who} around you, giving {kinds} of the {len(Support)} kinds of support. "
            f"{near} of them you've been in touch with this week, drawn nearest.")
