"""Reminders as the phone's own notifications, through the flet-notifications extension, so they ring with Tend
closed. Only a built Android or iPhone app has that service. The web mode and Flet's ready-made desktop window
don't: there a call on it is never answered, and merely registering the unknown service upsets the web client
(measured: its navigation stopped following taps), so it is tried on phones only, and every call has a short
timeout in case a phone build lacks it. Without it, Tend relies on its in-app reminders.
"""

import asyncio
from dataclasses import dataclass
from datetime import datetime, timedelta

from storage.reminders.model import Reminder, ReminderKind
from storage.reminders.rules import next_occurrence

ANSWER_TIMEOUT_SECONDS = 3
PERMISSION_TIMEOUT_SECONDS = 120  # a person reading the phone's permission dialog
AHEAD = timedelta(days=7)
MOST_SCHEDULED = 48  # phones cap pending notifications (iOS: 64); a week ahead is plenty, rescheduled on every change

UNAVAILABLE = ("Reminders show here in Tend while it is open. This window has no phone notifications; the Android "
               "and iPhone apps can also remind you when Tend is closed.")
ASK = ("Tend can also remind you when it is closed, as your phone's own notifications. Your phone will ask whether "
       "to allow them; Tend only uses them for the reminders you set here.")
ON = "Your phone will also remind you when Tend is closed."
DENIED = ("Phone notifications are turned off for Tend, so reminders show only while Tend is open. You can allow "
          "them in your phone's settings.")


@dataclass(frozen=True)
class Upcoming:
    at: datetime
    words: str


def upcoming(reminders: list[Reminder], now: datetime, zone, day_starts_at: int) -> list[Upcoming]:
    """The next week's occurrences of every reminder, soonest first, as many as a phone will hold."""
    found = []
    for reminder in reminders:
        after = now
        while (moment := next_occurrence(reminder, after, zone, day_starts_at)) and moment - now <= AHEAD:
            words = "Time to check in" if reminder.kind == ReminderKind.CHECK_IN else reminder.text
            found.append(Upcoming(moment, words))
            after = moment
    return sorted(found, key=lambda item: item.at)[:MOST_SCHEDULED]


async def notification_service(page):
    """The phone's notification service, or None where this client has none (noticed within a few seconds)."""
    if page.web or not page.platform.is_mobile():
        return None
    try:
        from flet_notifications import LocalNotifications
    except ImportError:
        return None
    service = LocalNotifications()
    try:
        await asyncio.wait_for(service.get_pending_notifications(), ANSWER_TIMEOUT_SECONDS)
    except Exception:  # noqa: BLE001 - no answer in time, or an error: either way, no notifications here
        return None
    return service


async def allowed(service) -> bool:
    """Asks the phone for permission (after Tend has said why); False if refused or unanswered."""
    try:
        return bool(await asyncio.wait_for(service.request_permissions(), PERMISSION_TIMEOUT_SECONDS))
    except Exception:  # noqa: BLE001
        return False


async def reschedule(service, items: list[Upcoming]) -> bool:
    """Replaces what the phone will show with `items`; False if the phone stopped answering."""
    try:
        await asyncio.wait_for(service.cancel_pending(), ANSWER_TIMEOUT_SECONDS)
        for number, item in enumerate(items, start=1):
            await asyncio.wait_for(service.schedule(id=number, when=item.at, title="Tend", body=item.words),
                                   ANSWER_TIMEOUT_SECONDS)
    except Exception:  # noqa: BLE001
        return False
    return True
