"""Groups and places beside people: a support group that meets weekly (Tuesday at 19:00), at an address or online,
and a safe place to go (a community centre, a library, a park).

They are kept as people are (`storage.people.model.Person`), with the kinds of support they give, because they are
turned to in the same way; these fields say what else they are. Every field is optional with a default, so a file
from before reads unchanged, and a person is stored with only the fields that differ from the default.
"""

import re
from dataclasses import dataclass, fields
from datetime import time
from enum import StrEnum
from urllib.parse import quote, urlsplit

from storage.days import WEEKDAY_NAMES, WEEKDAYS

ADDRESS_LIMIT = 300
LINK_LIMIT = 500


class PersonKind(StrEnum):
    """Who or what someone on People is."""

    PERSON = "person"
    GROUP = "group"
    PLACE = "place"

    @property
    def word(self) -> str:
        return self.value.capitalize()


@dataclass(frozen=True, kw_only=True)
class Gathering:
    """The fields a group or place adds to a person (`storage.people.model.Person` has them all)."""

    kind: PersonKind = PersonKind.PERSON
    meets_on: int | None = None  # a group's weekly meeting: the weekday (Monday = 0) ...
    meets_at: str = ""  # ... and the time, "HH:MM"
    address: str = ""
    join_link: str = ""  # to join online
    remind_meeting: bool = False


GATHERING_DEFAULTS = {field.name: field.default for field in fields(Gathering)}
"""Each of those fields with what a person has (and what a file from before they existed means)."""

_CLOCK = re.compile(r"^(\d{1,2})(?:\s*[:.h]\s*(\d{2}))?\s*(?:([ap])\.?\s*m\.?)?$")


def meeting_time(text: object) -> str | None:
    """The time of day a person typed ("19:00", "7pm", "7.30 p.m.", "19h30", "9") as "HH:MM", or None if it names
    none. Without am or pm, an hour is read on the 24-hour clock."""
    if not isinstance(text, str):
        return None
    found = _CLOCK.match(text.strip().casefold())
    if not found:
        return None
    hour, minute, half = int(found[1]), int(found[2] or 0), found[3]
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "p" else 0)
    if hour > 23 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}"


def meeting_clock(meets_at: str) -> time:
    """The time of day a stored (checked) "HH:MM" names."""
    hours, minutes = meets_at.split(":")
    return time(int(hours), int(minutes))


def name_missing(kind: object) -> str:
    """What to say when a name is left empty, in words that fit what is being added."""
    if kind == PersonKind.GROUP:
        return "Please give the group a name, like “Tuesday peer support”, so you can find it when you need it."
    if kind == PersonKind.PLACE:
        return "Please give the place a name, like “Riverside library”, so you can find it when you need it."
    return "Please give a name, so you can find them when you need them."


def gathering_problems(kind: object = PersonKind.PERSON, meets_on: object = None, meets_at: object = "",
                       address: object = "", join_link: object = "", remind_meeting: object = False) -> dict[str, str]:
    """Field name → what is wrong with a group's or place's own fields, in words for the person; empty when well."""
    if kind not in set(PersonKind):
        return {"kind": "Please choose whether this is a person, a group or a place."}
    problems = {}
    has_day, has_time = meets_on is not None, meets_at not in ("", None)
    if (has_day or has_time) and kind != PersonKind.GROUP:
        problems["meets_at"] = "Only a group has a meeting time: choose Group, or leave the day and time empty."
    elif has_day and (not isinstance(meets_on, int) or isinstance(meets_on, bool) or meets_on not in WEEKDAYS):
        problems["meets_on"] = "Please pick the day of the week it meets."
    elif has_time and meeting_time(meets_at) is None:
        problems["meets_at"] = "Please write the time it meets as hours:minutes, like 19:00 or 7:30pm."
    elif has_time and not has_day:
        problems["meets_on"] = "Please pick the day of the week it meets, as well as the time."
    elif has_day and not has_time:
        problems["meets_at"] = "Please write the time it meets, like 19:00, as well as the day."
    if not isinstance(remind_meeting, bool):
        problems["remind_meeting"] = "Reminding is either on or off."
    elif remind_meeting and not (has_day and has_time) and "meets_at" not in problems and "meets_on" not in problems:
        problems["meets_at"] = "To be reminded, please give the day and time it meets."
    if not isinstance(address, str):
        problems["address"] = "An address should be text."
    elif len(address) > ADDRESS_LIMIT:
        problems["address"] = f"An address can be up to {ADDRESS_LIMIT} characters; this one has {len(address):,}."
    link_problem = _link_problem(join_link)
    if link_problem:
        problems["join_link"] = link_problem
    return problems


def tidy_gathering(values: dict) -> dict:
    """A checked group's or place's fields as stored: the kind as itself, the time as "HH:MM", text trimmed."""
    meets_at = values["meets_at"]
    return {"kind": PersonKind(values["kind"]), "meets_on": values["meets_on"],
            "meets_at": meeting_time(meets_at) if meets_at else "", "address": values["address"].strip(),
            "join_link": values["join_link"].strip(), "remind_meeting": values["remind_meeting"]}


def gathering_document(person) -> dict:
    """The fields of `person` (a Person) that differ from a person's defaults, as JSON, so people stay as before."""
    return {field: getattr(person, field) for field, default in GATHERING_DEFAULTS.items()
            if getattr(person, field) != default}


def gathering_from_document(doc: dict) -> dict:
    """The group and place fields of a stored person, with the defaults for those it hasn't."""
    found = {field: doc.get(field, default) for field, default in GATHERING_DEFAULTS.items()}
    return {**found, "kind": PersonKind(found["kind"])}


def meeting_words(meets_on: int, meets_at: str) -> str:
    """'Meets every Tuesday at 19:00'."""
    return f"Meets every {WEEKDAY_NAMES[meets_on]} at {meets_at}"


def maps_link(address: str, android: bool) -> str:
    """A link that opens `address` in a maps app: geo: on Android (its maps app, whichever the person chose), else
    an OpenStreetMap search in the browser. Tend sends nothing itself: the device opens the link if the person taps."""
    query = quote(" ".join(address.split()), safe="")
    return f"geo:0,0?q={query}" if android else f"https://www.openstreetmap.org/search?query={query}"


def _link_problem(link: object) -> str | None:
    if not isinstance(link, str):
        return "A link should be text."
    link = link.strip()
    if not link:
        return None
    if len(link) > LINK_LIMIT:
        return f"A link can be up to {LINK_LIMIT} characters; this one has {len(link):,}."
    if any(char.isspace() or not char.isprintable() for char in link):
        return "A link has no spaces in it. Please paste it again, like https://meet.example.org/tuesday."
    parts = urlsplit(link)
    if parts.scheme.casefold() not in ("https", "http") or not parts.netloc:
        return "Please give the whole link to join online, starting with https://, like https://meet.example.org/a."
    return None
