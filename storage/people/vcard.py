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

import codecs
import math
import quopri
import re
from collections.abc import Iterator
from dataclasses import dataclass

from storage.people.model import PHONES_LIMIT
from storage.people.phones import email_problem, normalised_phone

MAX_VCARD_BYTES = 5 * 1024 * 1024
"""Room for thousands of contacts without photos, while keeping an import quick and small on a phone."""
MAX_CARDS = 5000
"""Far more than anyone's phone book; reading 5,000 cards and checking them takes about 0.15 s here."""

_KEPT = "surrogateescape"
"""Bytes that aren't UTF-8 stay in the text as they were, to be read in their value's own CHARSET."""
_NOT_DIALLED = {"FAX", "PAGER", "MODEM", "BBS", "TTY-TDD-FAX"}
"""TEL types that no one can call or text; left out of Call and Text."""
_MOBILE = {"CELL", "MOBILE", "IPHONE", "X-MOBILE"}
_PAUSE_AND_WAIT = str.maketrans("pPwW", ",,;;")
"""Android writes a dialer's pause as "p" and its wait as "w"; dialers take "," and ";"."""
_DIAL_LETTERS = re.compile(r"[\d\s+*#,;().\-/]*[pPwW][\d\s+*#,;().\-/pPwW]*")
_FOLDED = (" ", "\t")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_CARD_START = re.compile(r"(?<![^\r\n])[ \t\ufeff]*(?:[^:;\r\n]*\.)?BEGIN[ \t]*:[ \t]*VCARD[ \t]*(?![^\r\n])",
                         re.IGNORECASE)
"""A BEGIN:VCARD line, as `_cards` reads one (whatever the line breaks), to count the cards left unread."""
_ESCAPE = re.compile(r"\\(.)", re.DOTALL)
_UNESCAPED = {"n": "\n", "N": "\n"}
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


@dataclass(frozen=True)
class _Property:
    name: str  # upper case, without its group: "TEL" for "item1.TEL"
    parameters: tuple[str, ...]  # as written, e.g. ("TYPE=CELL", "PREF")
    value: str  # as written, before decoding or unescaping


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
    text = _text_of(bytes(data))
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
    for read, (number, card, problem) in enumerate(_cards(_logical_lines(text)), start=1):
        contact, problem = _contact(card) if card is not None else (None, problem)
        if contact:
            contacts.append((number, contact))
        else:
            skipped.append(Skipped(number, problem))
        if read == max_cards:
            break
    not_read = max(0, len(_CARD_START.findall(text)) - max_cards) if read == max_cards else 0
    return VCardResult(tuple(contact for _, contact in sorted(contacts, key=lambda found: found[0])),
                       tuple(sorted(skipped, key=lambda skip: skip.number)), not_read)


def _text_of(data: bytes) -> str | None:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return None
    return data.removeprefix(codecs.BOM_UTF8).decode("utf-8", _KEPT)


def _logical_lines(text: str) -> Iterator[str]:
    """Lines with folding undone: a line starting with a space or tab continues the one before,
    and so does any line after a quoted-printable value that ends in a soft break ("=").
    One at a time, so reading can stop after the first cards without going through the rest."""
    previous: list[str] | None = None
    for raw in _LINE_BREAK.split(text):
        raw = raw.lstrip("\ufeff")  # a byte order mark, also where exported files were joined together
        if previous and raw.startswith(_FOLDED):
            previous.append(raw[1:])
        elif previous and previous[-1].endswith("=") and _is_quoted_printable(previous[0]):
            previous[-1] = previous[-1][:-1]
            previous.append(raw)
        else:
            if previous is not None:
                yield "".join(previous)
            previous = [raw]
    if previous is not None:
        yield "".join(previous)


def _is_quoted_printable(line: str) -> bool:
    head, _, _ = line.partition(":")
    return "QUOTED-PRINTABLE" in head.upper()


def _cards(lines: Iterator[str]) -> Iterator[tuple[int, list[_Property] | None, str | None]]:
    """Each card as (its number in the file, its properties, None), or (number, None, why it is incomplete), in
    the order the cards end. A 2.1 card may hold whole cards (an AGENT's): those are read as the cards they are."""
    open_cards: list[tuple[int, list[_Property]]] = []
    number = 0
    for line in lines:
        found = _property(line)
        if found is None:
            continue
        marker = found.value.strip().upper() == "VCARD"
        if found.name == "BEGIN" and marker:
            if open_cards and not _is_version_21(open_cards[-1][1]):
                yield open_cards.pop()[0], None, "It stops before its END:VCARD line, so part of it may be missing."
            number += 1
            open_cards.append((number, []))
        elif found.name == "END" and marker:
            if open_cards:
                yield *open_cards.pop(), None
            else:
                number += 1
                yield number, None, "It has no BEGIN:VCARD line, so it isn't clear where it starts."
        elif open_cards:
            open_cards[-1][1].append(found)
    for number, _ in reversed(open_cards):
        yield number, None, "The file ends in the middle of this contact, so it may have been cut short."


def _is_version_21(card: list[_Property]) -> bool:
    return any(prop.name == "VERSION" and prop.value.strip() == "2.1" for prop in card)


def _property(line: str) -> _Property | None:
    """A content line split into name, parameters and value; None for a blank or nameless line."""
    head, value = _split_at_colon(line)
    if head is None:
        return None
    name, *parameters = head.split(";")
    name = name.rpartition(".")[2].strip().upper()
    return _Property(name, tuple(parameters), value) if name else None


def _split_at_colon(line: str) -> tuple[str | None, str]:
    """(what comes before the first ":" outside double quotes, what follows), or (None, "")."""
    colon = line.find(":")
    if colon < 0:
        return None, ""
    if '"' not in line[:colon]:  # the usual case, and quick even for a long photo line
        return line[:colon], line[colon + 1:]
    quoted = False
    for at, char in enumerate(line):
        if char == '"':
            quoted = not quoted
        elif char == ":" and not quoted:
            return line[:at], line[at + 1:]
    return None, ""


def _contact(card: list[_Property]) -> tuple[VCardContact | None, str]:
    card = _with_card_charset(card)
    name = _name(card)
    if not name:
        return None, "It has no name. You can add this person in Tend by hand, or give them a name and export again."
    phones, left_out = _phones(card)
    email = next((address for address in (_text(prop).strip() for prop in _all(card, "EMAIL"))
                  if not email_problem(address)), "")
    if not phones and not email:
        return None, f"“{name}” has no phone number or email address that Tend can use."
    return VCardContact(name, phones, email, left_out), ""


def _with_card_charset(card: list[_Property]) -> list[_Property]:
    """A value in 8-bit text without a CHARSET of its own is read in the one its card names elsewhere (phones that
    mark only the name as Shift_JIS write the address in it too)."""
    charset = next((parameter.strip() for prop in card for parameter in prop.parameters
                    if parameter.strip().upper().startswith("CHARSET=")), None)
    if charset is None:
        return card
    return [_Property(prop.name, (*prop.parameters, charset), prop.value)
            if _has_kept_bytes(prop.value) and not _has_charset(prop) else prop for prop in card]


def _has_charset(prop: _Property) -> bool:
    return any(parameter.strip().upper().startswith("CHARSET=") for parameter in prop.parameters)


def _phones(card: list[_Property]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(the first PHONES_LIMIT numbers one can call or text: preferred first, then mobiles, then the rest;
    every number left out, with why)."""
    ranked, left_out = [], []
    for position, prop in enumerate(_all(card, "TEL")):
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


def _types(prop: _Property) -> set[str]:
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


def _preference(prop: _Property, types: set[str]) -> int:
    """0 for PREF (or 4.0's PREF=1), 1 to 100 for 4.0's PREF=N, 101 for none: lower is more preferred."""
    if "PREF" in types:
        return 0
    for parameter in prop.parameters:
        name, _, value = parameter.strip().partition("=")
        if name.strip().upper() == "PREF" and value.strip().strip('"').isdigit():
            return min(int(value.strip().strip('"')), 100)
    return 101


def _name(card: list[_Property]) -> str:
    """FN; else the parts of N in reading order; else the organisation (how phones save a service)."""
    for prop in _all(card, "FN"):
        name = _tidy(_text(prop))
        if name:
            return name
    for prop in _all(card, "N"):
        parts = _components(_decoded(prop))
        name = _tidy(" ".join(parts[index] for index in _NAME_ORDER if index < len(parts)))
        if name:
            return name
    for prop in _all(card, "ORG"):
        name = _tidy(" ".join(_components(_decoded(prop))))
        if name:
            return name
    return ""


def _phone_text(prop: _Property) -> str:
    """The number in a TEL value; a vCard 4.0 "tel:" URI loses its scheme and any ";ext=" part."""
    text = _text(prop).strip()
    if text[:4].lower() == "tel:":
        text = text[4:].partition(";")[0]
    if _DIAL_LETTERS.fullmatch(text):
        text = text.translate(_PAUSE_AND_WAIT)
    return text


def _all(card: list[_Property], name: str) -> list[_Property]:
    return [prop for prop in card if prop.name == name]


def _text(prop: _Property) -> str:
    return _unescaped(_decoded(prop))


def _components(value: str) -> list[str]:
    """A structured value (N, ORG) split at the semicolons that aren't escaped, each unescaped.

    (A value ending in an escaped backslash just before a ";" is read as one part; names never do that.)
    """
    return [_unescaped(part) for part in re.split(r"(?<!\\);", value)]


def _unescaped(value: str) -> str:
    return _ESCAPE.sub(lambda match: _UNESCAPED.get(match[1], match[1]), value)


def _decoded(prop: _Property) -> str:
    """The value with quoted-printable undone, read in its own CHARSET; without one, as UTF-8 if it is, else as
    Windows-1252. Plain text that is already UTF-8 (the usual case) is given back as it is."""
    upper = [parameter.strip().upper() for parameter in prop.parameters]
    quoted = "QUOTED-PRINTABLE" in upper or "ENCODING=QUOTED-PRINTABLE" in upper
    charset = next((parameter[len("CHARSET="):].strip('"') for parameter in upper if parameter.startswith("CHARSET=")),
                   "")
    if not quoted and not _has_kept_bytes(prop.value):
        return prop.value  # UTF-8 as it stands, whatever CHARSET says: exporters that say Latin-1 often mean it
    data = prop.value.encode("utf-8", _KEPT)
    if quoted:
        data = quopri.decodestring(data)
    for encoding in filter(None, (charset, "utf-8")):
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("cp1252", "replace")


def _has_kept_bytes(text: str) -> bool:
    """Whether `text` holds bytes that weren't UTF-8 (kept by surrogateescape as U+DC80…U+DCFF)."""
    return any("\udc80" <= char <= "\udcff" for char in text)


def _tidy(name: str) -> str:
    """The name on one line, with runs of spaces made single."""
    return " ".join(name.split())
