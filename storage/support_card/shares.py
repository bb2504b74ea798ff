"""Who has the support card, and since when: one record per person per share in file "support_card_shares".

A share is noted when Tend hands the card to the messaging app, mail, the share sheet or a saved file for the people
chosen; it is the person who then taps Send, and Undo forgets a share noted by mistake. A person's card says the
latest time, as that is the version they have.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from storage.records import new_id, parse_stamp, stamp

SHARES_FILE = "support_card_shares"


class ShareWay(StrEnum):
    EMAIL = "email"
    TEXT = "text"
    SHARE_SHEET = "share sheet"
    FILE = "file"


@dataclass(frozen=True, kw_only=True)
class CardShare:
    id: str
    person_id: str
    at: datetime
    way: ShareWay


def record_shares(store, person_ids: Iterable[str], way: ShareWay, now: datetime) -> list[CardShare]:
    """Note that the card went to each of these people now, in one write."""
    shares = [CardShare(id=new_id(), person_id=person_id, at=now, way=ShareWay(way)) for person_id in person_ids]
    if shares:
        store.put_many(SHARES_FILE, [{"id": share.id, "created": stamp(now), "updated": stamp(now),
                                      "person_id": share.person_id, "at": stamp(share.at), "way": share.way.value}
                                     for share in shares])
    return shares


def forget_shares(store, shares: Iterable[CardShare]) -> None:
    """Undo: the shares just noted are forgotten."""
    for share in shares:
        store.remove(SHARES_FILE, share.id)


def latest_shares(store) -> dict[str, datetime]:
    """Person id → the last time they were given the card."""
    latest: dict[str, datetime] = {}
    for doc in store.documents(SHARES_FILE):
        at = parse_stamp(doc["at"])
        if doc["person_id"] not in latest or at > latest[doc["person_id"]]:
            latest[doc["person_id"]] = at
    return latest


def has_card_words(at: datetime, now: datetime) -> str:
    """'Has your support card since 3 Dec' (with the year when it isn't this one)."""
    day = f"{at.day} {at:%b}" if at.year == now.year else f"{at.day} {at:%b %Y}"
    return f"Has your support card since {day}"


def share_problems(name: str, record: dict) -> dict[str, str]:
    """The rules a stored or imported share meets (see storage.your_data.record_checks)."""
    if not isinstance(record.get("person_id"), str) or not record["person_id"]:
        return {"person_id": "this should name the person given the card, by their id."}
    try:
        parse_stamp(record.get("at"))
    except (TypeError, ValueError):
        return {"at": "this isn't a date and time Tend can read (like 2026-11-23T09:15:02+01:00)."}
    if record.get("way") not in {way.value for way in ShareWay}:
        return {"way": f"this should be one of {', '.join(way.value for way in ShareWay)}."}
    return {}
