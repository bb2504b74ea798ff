"""What happens when a person logs how they feel: the check-in is saved, and Tend decides whether to offer
reaching out; and what happens when they save a check-in's details. Plain functions, so the rules are tested
without a screen."""

from dataclasses import dataclass
from datetime import datetime

from storage.checkins.model import CheckIn, Mood, check_in_problems, new_check_in, revised
from storage.checkins.repository import CheckInRepository
from storage.days import moment_from_text, today
from storage.errors import Refused
from storage.prompts import dismissed_on, offers_reaching_out


@dataclass(frozen=True)
class Logged:
    check_in: CheckIn
    offer_reaching_out: bool
    """A low mood, on a day the low-day card wasn't put aside: show it."""


def log_mood(store, mood: Mood, now: datetime, day_starts_at: int) -> Logged:
    """Save a one-tap check-in of `mood` at `now`. Raises StorageError (nothing saved) when the device refuses."""
    check_in = new_check_in(mood, now)
    CheckInRepository(store).save(check_in)
    offer = offers_reaching_out(mood, today(check_in.at, day_starts_at), dismissed_on(store))
    return Logged(check_in, offer)


def save_details(store, original: CheckIn | None, mood: object, day: str, time: str, now: datetime,
                 **details) -> CheckIn:
    """A check-in changed (or back-filled, `original` None) with what the details form holds, saved: its mood, the
    day and time as typed, and the details (energy, sleep, anxiety, tags, note). Refused, with a message by
    field and nothing saved, when it breaks a rule; StorageError when the device refuses."""
    try:
        at = moment_from_text(day, time, today=now.date())
    except ValueError as error:
        raise Refused({"at": str(error)}) from None
    found = check_in_problems(mood, at=at, now=now, **details)
    if found:
        raise Refused(found)
    if original is None:
        check_in = new_check_in(mood, now, at=at, **details)
    else:  # an unchanged moment keeps the offset it was made with, even if the person is elsewhere now
        check_in = revised(original, now, mood=mood, **details, **({} if at == original.at else {"at": at}))
    CheckInRepository(store).save(check_in, previous=original)
    return check_in
