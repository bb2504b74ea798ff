"""What happens when a person logs how they feel: the check-in is saved, and Tend decides whether to offer
reaching out. A plain function, so the rule is tested without a screen."""

from dataclasses import dataclass
from datetime import datetime

from storage.checkins.model import CheckIn, Mood, new_check_in
from storage.checkins.repository import CheckInRepository
from storage.days import today
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
