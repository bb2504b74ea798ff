"""What every stored record carries: a stable id and when it was created and last changed.

Ids are random UUIDs so that saving the same record twice (say, after a kill
that landed the write but not the reply) updates it instead of adding a copy.
"""

import uuid
from datetime import datetime


def new_id() -> str:
    """A fresh record id."""
    return str(uuid.uuid4())


def stamp(now: datetime) -> str:
    """`now` as ISO 8601 with its UTC offset, to the second, e.g. 2026-11-23T09:15:02+01:00.

    The offset is kept so a day is read as the person lived it, even after travel.
    """
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("stamp needs a time with a time zone")
    return now.replace(microsecond=0).isoformat()


def parse_stamp(text: str) -> datetime:
    """Read a stamp back into an aware datetime."""
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        raise ValueError(f"stamp {text!r} has no UTC offset")
    return moment


def with_times(doc: dict, now: datetime) -> dict:
    """A copy of `doc` with `created` set if it was missing and `updated` set to now."""
    stamped = dict(doc)
    stamped.setdefault("created", stamp(now))
    stamped["updated"] = stamp(now)
    return stamped
