"""Contacts from vCard files (.vcf), as the Contacts apps of Android and iPhone export them.

Reads vCard 2.1, 3.0 and 4.0: folded lines, CRLF or LF, "item1."-style groups,
TYPE parameters, each value in its own CHARSET (quoted-printable or 8-bit,
Shift_JIS too; cards of different encodings in one file), backslash escapes, a
byte order mark, and 2.1 cards nested in a card. Only what Tend keeps is read:
a name, up to PHONES_LIMIT numbers one can call or text (preferred first, then
mobiles; fax, pager and modem numbers and any beyond the limit are listed in
`left_out`), with Android's pause and wait letters as "," and ";", and the
first usable email address.

Parsing never raises: a card that can't be used is reported in `skipped` with a
plain reason, so one odd contact never costs the others. It stops after
MAX_CARDS cards and says how many more the file holds: 60,000 tiny cards fit
in the size limit, and no one chooses whom to add from a list that long.
"""

import math
import re
from dataclasses import dataclass

from storage.people.model import PHONES_LIMIT
from storage.people.phones import email_problem, normalised_phone
from storage.people.vcard_syntax import (
    CARD_START,
    Property,
    all_named,
    cards,
    components,
    decoded,
    logical_lines,
    text_of,
    value_text,
    with_card_charset,
)

MAX_VCARD_BYTES = 5 * 1024 * 1024
"""Room for thousands of contacts without photos, while keeping an import quick and small on a phone."""
MAX_CARDS = 5000
"""Far more than anyone's phone book; reading 5,000 cards and checking them takes about 0.15 s here."""

_NOT_DIALLED = {"FAX", "PAGER", "MODEM", "BBS", "TTY-TDD-FAX"}
"""TEL types that no one can call or text; left out of Call and Text."""
_MOBILE = {"CELL", "MOBILE", "IPHONE", "X-MOBILE"}
_PAUSE_AND_WAIT = str.maketrans("pPwW", ",,;;")
"""Android writes a dialer's pause as "p" and its wait as "w"; dialers take "," and ";"."""
_DIAL_LETTERS = re.compile(r"[\d\s+*#,;().\-/]*[pPwW][\d\s+*#,;().\-/pPwW]*")
_NAME_ORDER = (3, 1, 2, 0, 4)
"""N is Family;Given;Additional;Prefix;Suffix; a name reads Prefix Given Additional Family Suffix."""


@dataclass(frozen=True)
class VCardContact:
    name: str
    phones: tuple[str, ...]  # normalised, as normalised_phone gives them, without repeats: preferred, mobile, rest
    email: str  # the first usable address, or ""
    left_out: tuple[str, ...] = ()
    """Numbers not kept, each with why in words: a fax, pager or modem, or more than PHONES_LIMIT numbers."""


@dataclass(frozen=True)
class Skipped:
    number: int  # which card in the file, counting from 1
    reason: str  # why it was left out, in words for the person


@dataclass(frozen=True)
class VCardResult:
    contacts: tuple[VCardContact, ...]
    skipped: tuple[Skipped, ...]
    not_read: int = 0
    """Cards after the first MAX_CARDS, left unread (counted by their BEGIN:VCARD lines)."""


def decoded_vcard_file(data: bytes) -> str:
    """The text of a .vcf file; ValueError with a kind message if it is too big, unreadable or not contacts.

    UTF-16 when the file starts with its byte order mark (some desktop exports); otherwise UTF-8
    (with or without a byte order mark), where bytes that aren't UTF-8 are kept as they were (Python's
    "surrogateescape"), so each value is read later in its own CHARSET (Shift_JIS from a Japanese
    phone), or as UTF-8 once folded lines are joined, else as Windows-1252: one file can mix them.
    """
    too_large = size_problem(len(data))
    if too_large:
        raise ValueError(too_large)
    text = text_of(bytes(data))
    if text is None:
        raise ValueError(
            "Tend couldn't read the letters in this file. Please export your contacts again as a vCard (.vcf) "
            "file, choosing UTF-8 if you are asked."
        )
    if "BEGIN:VCARD" not in text.upper():
        raise ValueError(
            "This file has no contacts in it that Tend can read. Please choose a vCard (.vcf) file "
            "exported from your Contacts app."
        )
    return text


def size_problem(size_bytes: int) -> str | None:
    """Why a contacts file of this size can't be read, in words, or None: asked with the size the file picker
    reports, before a byte is read, and again of the bytes themselves."""
    if size_bytes <= MAX_VCARD_BYTES:
        return None
    return (f"This file is {math.ceil(size_bytes / 1024 / 1024 * 10) / 10} MB; Tend can read contact files up to "
            f"{MAX_VCARD_BYTES // 1024 // 1024} MB. Please export fewer contacts at a time, or without photos.")


def parse_vcards(text: str, max_cards: int = MAX_CARDS) -> VCardResult:
    """The usable contacts among the first `max_cards` cards in `text`, which cards were left out and why, and
    how many cards after those were not read."""
    contacts, skipped = [], []
    read = 0
    for read, (number, card, problem) in enumerate(cards(logical_lines(text)), start=1):
        contact, problem = _contact(card) if card is not None else (None, problem)
        if contact:
            contacts.append((number, contact))
        else:
            skipped.append(Skipped(number, problem))
        if read == max_cards:
            break
    not_read = max(0, len(CARD_START.findall(text)) - max_cards) if read == max_cards else 0
    return VCardResult(tuple(contact for _, contact in sorted(contacts, key=lambda found: found[0])),
                       tuple(sorted(skipped, key=lambda skip: skip.number)), not_read)


def _contact(card: list[Property]) -> tuple[VCardContact | None, str]:
    card = with_card_charset(card)
    name = _name(card)
    if not name:
        return None, "It has no name. You can add this person in Tend by hand, or give them a name and export again."
    phones, left_out = _phones(card)
    email = next((address for address in (value_text(prop).strip() for prop in all_named(card, "EMAIL"))
                  if not email_problem(address)), "")
    if not phones and not email:
        return None, f"“{name}” has no phone number or email address that Tend can use."
    return VCardContact(name, phones, email, left_out), ""


def _phones(card: list[Property]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(the first PHONES_LIMIT numbers one can call or text: preferred first, then mobiles, then the rest;
    every number left out, with why)."""
    ranked, left_out = [], []
    for position, prop in enumerate(all_named(card, "TEL")):
        number = normalised_phone(_phone_text(prop))
        if not number:
            continue
        types = _types(prop)
        kind = next((kind for kind in ("FAX", "PAGER", "MODEM", "BBS") if kind in types), None)
        if kind:
            left_out.append(f"{number} (a {kind.lower()} number)")
            continue
        ranked.append((_preference(prop, types), 0 if types & _MOBILE else 1, position, number))
    numbers = list(dict.fromkeys(number for *_, number in sorted(ranked)))
    left_out.extend(f"{number} (more than {PHONES_LIMIT} numbers)" for number in numbers[PHONES_LIMIT:])
    return tuple(numbers[:PHONES_LIMIT]), tuple(left_out)


def _types(prop: Property) -> set[str]:
    """A property's types in upper case: "TYPE=WORK,FAX", 'TYPE="cell,voice"' and 2.1's bare "FAX" alike."""
    types = set()
    for parameter in prop.parameters:
        name, equals, value = parameter.strip().partition("=")
        if not equals:
            value = name
        elif name.strip().upper() != "TYPE":
            continue
        types.update(part.strip().strip('"').upper() for part in value.split(","))
    return types


def _preference(prop: Property, types: set[str]) -> int:
    """0 for PREF (or 4.0's PREF=1), 1 to 100 for 4.0's PREF=N, 101 for none: lower is more preferred."""
    if "PREF" in types:
        return 0
    for parameter in prop.parameters:
        name, _, value = parameter.strip().partition("=")
        if name.strip().upper() == "PREF" and value.strip().strip('"').isdigit():
            return min(int(value.strip().strip('"')), 100)
    return 101


def _name(card: list[Property]) -> str:
    """FN; else the parts of N in reading order; else the organisation (how phones save a service)."""
    for prop in all_named(card, "FN"):
        name = _tidy(value_text(prop))
        if name:
            return name
    for prop in all_named(card, "N"):
        parts = components(decoded(prop))
        name = _tidy(" ".join(parts[index] for index in _NAME_ORDER if index < len(parts)))
        if name:
            return name
    for prop in all_named(card, "ORG"):
        name = _tidy(" ".join(components(decoded(prop))))
        if name:
            return name
    return ""


def _phone_text(prop: Property) -> str:
    """The number in a TEL value; a vCard 4.0 "tel:" URI loses its scheme and any ";ext=" part."""
    text = value_text(prop).strip()
    if text[:4].lower() == "tel:":
        text = text[4:].partition(";")[0]
    if _DIAL_LETTERS.fullmatch(text):
        text = text.translate(_PAUSE_AND_WAIT)
    return text


def _tidy(name: str) -> str:
    """The name on one line, with runs of spaces made single."""
    return " ".join(name.split())
