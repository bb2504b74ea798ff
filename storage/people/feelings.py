"""How time with someone felt, asked once after a contact is logged, and what a few answers say.

Only ever an observation in words: never a score, never a verdict on a person,
never a hint to see them less. Pure rules given `now`.
"""

from collections import Counter
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from enum import StrEnum

FEW_ANSWERS = 3
"""Fewer answers than this about one person say nothing worth showing on their card."""
RECENT_ANSWERS = 10
"""Only the latest answers count: how time with someone feels can change."""
ANSWERS_SPAN_DAYS = 365


class Felt(StrEnum):
    """How you felt after a contact."""

    LIFTED = "lifted"
    SAME = "same"
    DRAINED = "drained"

    @property
    def word(self) -> str:
        """The button's word: 'Lifted', 'About the same', 'Drained'."""
        return FELT_WORDS[self]


FELT_WORDS = {Felt.LIFTED: "Lifted", Felt.SAME: "About the same", Felt.DRAINED: "Drained"}
USUALLY = {
    Felt.LIFTED: "Usually leaves you feeling lifted",
    Felt.SAME: "Usually leaves you feeling about the same",
    Felt.DRAINED: "Lately, time together often leaves you feeling drained",
}
MIXED = "How you feel after time together varies"


def felt_problem(value: object) -> str | None:
    """What is wrong with a stored or imported answer, in words for the person; None when it is fine (or absent)."""
    if value is None or value in set(Felt):
        return None
    return f"this should be one of {', '.join(felt.value for felt in Felt)}, or left out."


def usual_feeling_words(answers: Iterable[tuple[datetime, Felt | None]], now: datetime) -> str | None:
    """The quiet line for a person's card from (when, how it felt) of their contacts, or None until there are
    FEW_ANSWERS answers in the last year. One feeling is "usual" when it is more than half of the latest answers."""
    since = now - timedelta(days=ANSWERS_SPAN_DAYS)
    answered = sorted(((at, felt) for at, felt in answers if felt is not None and since <= at <= now),
                      key=lambda pair: pair[0])[-RECENT_ANSWERS:]
    if len(answered) < FEW_ANSWERS:
        return None
    felt, count = Counter(felt for _, felt in answered).most_common(1)[0]
    return USUALLY[felt] if count * 2 > len(answered) else MIXED


def days_after_lifting(contacts: Iterable[tuple[datetime, Felt | None]], day_of) -> set[date]:
    """The days after a contact that left you lifted (`day_of` reads a moment as the person's day)."""
    return {day_of(at) + timedelta(days=1) for at, felt in contacts if felt is Felt.LIFTED}


def lifted_moods(daily: dict[date, float], contacts: Iterable[tuple[datetime, Felt | None]], day_of,
                 enough_days: int):
    """Average mood on the days after contacts that left you lifted, against the other days with check-ins, as
    (days after, their average, other days, their average); None until each side has `enough_days` days.
    `daily` is each day's average mood (storage.checkins.trends.daily_moods)."""
    after = days_after_lifting(contacts, day_of)
    with_lift = [average for day, average in daily.items() if day in after]
    others = [average for day, average in daily.items() if day not in after]
    if len(with_lift) < enough_days or len(others) < enough_days:
        return None
    return len(with_lift), sum(with_lift) / len(with_lift), len(others), sum(others) / len(others)
