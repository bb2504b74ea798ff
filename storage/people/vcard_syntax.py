"""How a vCard file is written down, read without knowing what Tend keeps: its text, folded lines, cards and
properties, and each value decoded in its own CHARSET and unescaped. storage.people.vcard picks the contacts out.
"""

import codecs
import quopri
import re
from collections.abc import Iterator
from dataclasses import dataclass

_KEPT = "surrogateescape"
"""Bytes that aren't UTF-8 stay in the text as they were, to be read in their value's own CHARSET."""
_FOLDED = (" ", "\t")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
CARD_START = re.compile(r"(?<![^\r\n])[ \t\ufeff]*(?:[^:;\r\n]*\.)?BEGIN[ \t]*:[ \t]*VCARD[ \t]*(?![^\r\n])",
                         re.IGNORECASE)
"""A BEGIN:VCARD line, as `cards` reads one (whatever the line breaks), to count the cards left unread."""
_ESCAPE = re.compile(r"\\(.)", re.DOTALL)
_UNESCAPED = {"n": "\n", "N": "\n"}


@dataclass(frozen=True)
class Property:
    name: str  # upper case, without its group: "TEL" for "item1.TEL"
    parameters: tuple[str, ...]  # as written, e.g. ("TYPE=CELL", "PREF")
    value: str  # as written, before decoding or unescaping


def text_of(data: bytes) -> str | None:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return None
    return data.removeprefix(codecs.BOM_UTF8).decode("utf-8", _KEPT)


def logical_lines(text: str) -> Iterator[str]:
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


def cards(lines: Iterator[str]) -> Iterator[tuple[int, list[Property] | None, str | None]]:
    """Each card as (its number in the file, its properties, None), or (number, None, why it is incomplete), in
    the order the cards end. A 2.1 card may hold whole cards (an AGENT's): those are read as the cards they are."""
    open_cards: list[tuple[int, list[Property]]] = []
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


def _is_version_21(card: list[Property]) -> bool:
    return any(prop.name == "VERSION" and prop.value.strip() == "2.1" for prop in card)


def _property(line: str) -> Property | None:
    """A content line split into name, parameters and value; None for a blank or nameless line."""
    head, value = _split_at_colon(line)
    if head is None:
        return None
    name, *parameters = head.split(";")
    name = name.rpartition(".")[2].strip().upper()
    return Property(name, tuple(parameters), value) if name else None


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


def with_card_charset(card: list[Property]) -> list[Property]:
    """A value in 8-bit text without a CHARSET of its own is read in the one its card names elsewhere (phones that
    mark only the name as Shift_JIS write the address in it too)."""
    charset = next((parameter.strip() for prop in card for parameter in prop.parameters
                    if parameter.strip().upper().startswith("CHARSET=")), None)
    if charset is None:
        return card
    return [Property(prop.name, (*prop.parameters, charset), prop.value)
            if _has_kept_bytes(prop.value) and not _has_charset(prop) else prop for prop in card]


def _has_charset(prop: Property) -> bool:
    return any(parameter.strip().upper().startswith("CHARSET=") for parameter in prop.parameters)


def all_named(card: list[Property], name: str) -> list[Property]:
    return [prop for prop in card if prop.name == name]


def value_text(prop: Property) -> str:
    return _unescaped(decoded(prop))


def components(value: str) -> list[str]:
    """A structured value (N, ORG) split at the semicolons that aren't escaped, each unescaped.

    (A value ending in an escaped backslash just before a ";" is read as one part; names never do that.)
    """
    return [_unescaped(part) for part in re.split(r"(?<!\\);", value)]


def _unescaped(value: str) -> str:
    return _ESCAPE.sub(lambda match: _UNESCAPED.get(match[1], match[1]), value)


def decoded(prop: Property) -> str:
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
