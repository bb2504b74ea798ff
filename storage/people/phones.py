"""Phone numbers and email addresses: what a phone can dial or mail, and the links that open them.

A number is kept as its dialer would take it: a leading "+", digits, and the
dialer characters * # and the pause (",") and wait (";"). Spaces, dots, dashes,
brackets and slashes are only there for the eye, so they are dropped; anything
else is refused with a message rather than guessed at. Links are built only
from numbers and addresses that pass these checks, percent-encoded, so nothing
typed can add a header, a recipient or a message to a link.
"""

import re
import unicodedata
from collections.abc import Sequence
from urllib.parse import quote

MIN_DIGITS = 3
"""Short enough for emergency numbers such as 999, 112 and 000."""
MAX_DIGITS = 20
MAX_EMAIL_LENGTH = 254
DIALER_CHARACTERS = "*#,;"
VISUAL_SEPARATORS = ".-()/\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
"""Dots, dashes (ASCII and typographic), brackets and slashes, as people write numbers."""
NOT_IN_EMAIL = '<>()[]\\,;:"'

_TRUNK_ZERO = re.compile(r"\(\s*0\s*\)")
"""The "(0)" in "+44 (0)20 …": a 0 dialled only from inside the country, never after a country code."""


def normalised_phone(text: str) -> str | None:
    """The number as a dialer takes it (e.g. "+442079460958"), or None if it can't be dialled."""
    number, _ = _dialable(text)
    return number


def phone_problem(text: str) -> str | None:
    """Why `text` can't be used as a phone number, in words for the person, or None if it can."""
    _, problem = _dialable(text)
    return problem


def email_problem(text: str) -> str | None:
    """Why `text` can't be used as an email address, or None if it can; surrounding spaces are ignored."""
    address = text.strip() if isinstance(text, str) else ""
    if not address:
        return "Please enter an email address, like name@example.com."
    if len(address) > MAX_EMAIL_LENGTH:
        return f"Email addresses can be up to {MAX_EMAIL_LENGTH} characters; this one has {len(address):,}."
    if any(char.isspace() for char in address):
        return "Email addresses have no spaces in them. Please check for a space or a line break."
    if not all(char.isprintable() for char in address):
        return "This address has an invisible character in it. Please type it again, like name@example.com."
    odd = next((char for char in address if char in NOT_IN_EMAIL), None)
    if odd:
        return f"Email addresses don't use “{odd}”. Please type just the address, like name@example.com."
    if "@" not in address:
        return "An email address needs an @, like name@example.com."
    if address.count("@") > 1:
        return "An email address has only one @. Please check for an extra one."
    local, domain = address.split("@")
    if not local:
        return "Please add the part before the @, like name@example.com."
    if "." not in domain or "" in domain.split("."):
        return "The part after the @ needs a dot between words, like example.com."
    return None


def call_link(number: str) -> str:
    """A tel: link that rings `number`; ValueError (with a kind message) if it can't be dialled."""
    return "tel:" + _encoded(_checked_phone(number))


def text_link(number: str, body: str = "") -> str:
    """An sms: link that starts a message to `number`, with `body` filled in when given."""
    return text_link_to_several((number,), body)


def text_link_to_several(numbers: Sequence[str], body: str = "") -> str:
    """One sms: link to every number, separated by commas as Android's messages app takes them (elsewhere, send one
    link a person); ValueError (with a kind message) if there is no number or one can't be dialled."""
    if not numbers:
        raise ValueError("Please add a phone number first.")
    link = "sms:" + ",".join(_encoded(_checked_phone(number)) for number in numbers)
    return link + "?body=" + _encoded_text(body) if body else link


def email_link(address: str, subject: str = "", body: str = "") -> str:
    """A mailto: link to `address`, with `subject` and `body` when given (see `email_link_to_several`)."""
    return email_link_to_several((address,), subject, body)


def email_link_to_several(addresses: Sequence[str], subject: str = "", body: str = "") -> str:
    """One mailto: link to every address, with `subject` and `body` when given; ValueError (with a kind message)
    if there is none or one isn't a usable address.

    Everything but letters, digits, "@", "+" and "._-~" is percent-encoded, so a "?", "&" or
    line break can never add a subject, a copy or a header; line breaks in the body are sent as
    CR LF, as mail wants them (RFC 6068), and in the subject as spaces.
    """
    if not addresses:
        raise ValueError("Please add an email address first.")
    for address in addresses:
        problem = email_problem(address)
        if problem:
            raise ValueError(problem)
    subject = re.sub(r"\r\n|\r|\n", " ", subject)  # a subject is one line
    fields = [f"{name}={_encoded_text(value)}" for name, value in (("subject", subject), ("body", _crlf(body)))
              if value]
    recipients = ",".join(quote(address.strip(), safe="@+") for address in addresses)
    return "mailto:" + recipients + ("?" + "&".join(fields) if fields else "")


def _encoded_text(text: str) -> str:
    """`text` as UTF-8, every byte but letters, digits and "_.-~" percent-encoded; ValueError (with a kind message)
    for text that has no UTF-8 form (a lone half of an emoji, left by a broken copy)."""
    try:
        return quote(text, safe="")
    except UnicodeEncodeError:
        raise ValueError("This message has a broken character in it (often half of an emoji). "
                         "Please delete it and type it again.") from None


def _crlf(text: str) -> str:
    return re.sub(r"\r\n|\r|\n", "\r\n", text)


def _checked_phone(number: str) -> str:
    normalised, problem = _dialable(number)
    if normalised is None:
        raise ValueError(problem)
    return normalised


def _encoded(number: str) -> str:
    """The number with everything but digits and "+" percent-encoded ("#" as %23, ";" as %3B)."""
    return quote(number, safe="+")


def _dialable(text: object) -> tuple[str | None, str | None]:
    """(the normalised number, None) or (None, why it can't be dialled)."""
    if not isinstance(text, str):
        return None, "Please enter a phone number."
    text = unicodedata.normalize("NFKC", text)  # full-width digits and "＋" become plain ones
    if _first_mark(text) == "+":
        text = _TRUNK_ZERO.sub("", text, count=1)
    kept = []
    for char in text:
        if _is_separator(char):
            continue
        digit = unicodedata.decimal(char, None)
        if digit is not None:
            kept.append(str(digit))
        elif char == "+" or char in DIALER_CHARACTERS:
            kept.append(char)
        elif char.isalpha():
            return None, "This number has letters in it. Please use only digits, spaces and a leading +."
        else:
            shown = f"“{char}”" if char.isprintable() else "a character"
            return None, f"This number has {shown} in it, which a phone can't dial. " \
                         "Please use only digits, spaces and a leading +."
    number = "".join(kept)
    digits = sum(char.isdigit() for char in number)
    if not number:
        return None, "Please enter a phone number."
    if "+" in number[1:]:
        return None, "A + can only go at the very start of a number, before the country code."
    if digits < MIN_DIGITS:
        return None, f"This number looks too short. Please enter at least {MIN_DIGITS} digits."
    if digits > MAX_DIGITS:
        return None, f"This number has {digits} digits, more than any phone number. Please check for extra digits."
    return number, None


def _is_separator(char: str) -> bool:
    """Spaces, invisible formatting marks (phones add them when copying) and visual separators."""
    return char.isspace() or char in VISUAL_SEPARATORS or unicodedata.category(char) == "Cf"


def _first_mark(text: str) -> str:
    """The first character that isn't a separator, or "" if there is none."""
    return next((char for char in text if not _is_separator(char)), "")
