"""Keeping in touch: who is due a call or a message, every N days since the person last reached out to them.

A plan is built from a person record (`stay_in_touch_days`) and the log of
contacts; nothing here is stored, and every rule is a pure function given `now`.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from storage.days import day_of, today
from storage.reminders.model import in_utc


@dataclass(frozen=True)
class TouchPlan:
    """Reaching out to one person every `every_days` days; built from a person record, never stored here."""

    person_id: str
    name: str
    every_days: int
    last_contact: datetime | None
    since: datetime  # when the plan began: counts as the last contact until there is one


@dataclass(frozen=True)
class Overdue:
    plan: TouchPlan
    due_at: datetime
    days_overdue: int  # 0 on the day it falls due


def touch_due_at(plan: TouchPlan) -> datetime:
    """When it is time to reach out again: `every_days` after the last contact (or the plan's start)."""
    return (plan.last_contact or plan.since) + timedelta(days=plan.every_days)


def overdue(plans: Iterable[TouchPlan], now: datetime, snoozes: Mapping[str, datetime],
            day_starts_at: int = 0) -> list[Overdue]:
    """The people due a call or message, most overdue first; someone is due all of the day their time comes.

    A person snoozed until after `now` is left out, and so is a plan of less than a day (no plan).
    """
    current = today(now, day_starts_at)
    found = []
    for plan in plans:
        snooze = snoozes.get(plan.person_id)
        if plan.every_days < 1 or (snooze is not None and in_utc(snooze) > in_utc(now)):
            continue
        due_at = touch_due_at(plan)
        late = (current - day_of(due_at, day_starts_at)).days
        if late >= 0:
            found.append(Overdue(plan, due_at, late))
    return sorted(found, key=lambda entry: (-entry.days_overdue, in_utc(entry.due_at), entry.plan.name.casefold()))

