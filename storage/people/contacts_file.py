"""The people a contacts file (.vcf) holds, checked by the same rules as the form: for the app's import dialog and
the command line alike."""

from dataclasses import dataclass
from datetime import datetime

from storage.errors import Refused
from storage.people.model import Person, new_person
from storage.people.vcard import MAX_CARDS, decoded_vcard_file, parse_vcards


@dataclass(frozen=True)
class Candidates:
    people: tuple[Person, ...]
    skipped: tuple[str, ...]
    """Why each card that can't be added was left out, in words."""
    not_read: int = 0
    """Cards after the first MAX_CARDS, not read."""
    left_out: tuple[str, ...] = ()
    """For each person added without some of their numbers, which were left out and why, in words."""


def candidates_from(data: bytes, now: datetime, max_cards: int = MAX_CARDS) -> Candidates:
    """The people a contacts file holds, checked by the same rules as the form; ValueError for an unusable file."""
    result = parse_vcards(decoded_vcard_file(data), max_cards)
    people, skipped = [], [f"Card {skip.number}: {skip.reason}" for skip in result.skipped]
    left_out = []
    for number, contact in enumerate(result.contacts, start=1):
        try:
            people.append(new_person(now, name=contact.name, phones=contact.phones, email=contact.email))
        except Refused as refused:
            skipped.append(f"{contact.name[:40] or f'Contact {number}'}: {' '.join(refused.problems.values())}")
            continue
        if contact.left_out:
            left_out.append(f"{contact.name[:40]}: not kept {', '.join(contact.left_out)}.")
    return Candidates(tuple(people), tuple(skipped), result.not_read, tuple(left_out))
