"""Whether the phone's own notifications remind too, and keeping them in step with the reminders: found once when
Tend opens (only a built phone app has them, see views.device.phone_notifications), scheduled again whenever the
reminders change, and told in words on the Reminders screen, with "Allow notifications" while the phone hasn't
been asked yet.
"""

from dataclasses import dataclass
from typing import Awaitable, Callable

import flet as ft

from storage import prompts
from views.context import use_tend
from views.device import phone_notifications
from views.reminders.due import DueNow


@ft.observable
@dataclass(eq=False)  # one object for the session, told apart by identity
class PhoneNotifications:
    words: str = phone_notifications.UNAVAILABLE
    """Whether the phone's own notifications remind too, in words for the Reminders screen."""
    allow: Callable[[], Awaitable[None]] | None = None
    """Asks the phone's permission, when it has notifications and hasn't been asked yet."""


NotificationsContext: ft.ContextProvider["PhoneNotifications | None"] = ft.create_context(None)


def use_notifications() -> PhoneNotifications:
    """The phone's notifications in words; the component is drawn again when that changes."""
    notifications = ft.use_context(NotificationsContext)
    assert notifications is not None, "screens are rendered inside WithReminders, which provides NotificationsContext"
    return notifications


def use_notifications_service(due: DueNow) -> PhoneNotifications:
    """Called once, above the router (WithReminders in views/app.py), with what is due (every reminder in it)."""
    tend = use_tend()
    page = ft.context.page
    state = ft.use_ref(PhoneNotifications)
    service = ft.use_ref(None)  # the phone's notification service, once found
    scheduled = ft.use_ref(None)  # the reminders as last scheduled on the phone

    def tell(words: str) -> None:
        state.current.allow = allow if words == phone_notifications.ASK else None
        state.current.words = words

    def schedule_on_phone() -> None:
        """Schedules the coming week's reminders on the phone, when they changed since they were last."""
        on = service.current is not None and state.current.words == phone_notifications.ON
        if not on or scheduled.current == due.reminders:
            return
        scheduled.current = due.reminders
        items = phone_notifications.upcoming(list(due.reminders), tend.now(), tend.zone, tend.settings.day_starts_at)
        page.run_task(phone_notifications.reschedule, service.current, items)

    async def find() -> None:
        found = await phone_notifications.notification_service(page)
        if found is None:
            return
        service.current = found
        asked = prompts.done_with(tend.store, prompts.NOTIFICATIONS)
        if asked and await phone_notifications.allowed(found):
            tell(phone_notifications.ON)
        else:
            tell(phone_notifications.DENIED if asked else phone_notifications.ASK)
        schedule_on_phone()

    async def allow() -> None:
        permitted = await phone_notifications.allowed(service.current)
        tend.wrote(lambda: prompts.finish(tend.store, prompts.NOTIFICATIONS, tend.now()))
        tell(phone_notifications.ON if permitted else phone_notifications.DENIED)
        schedule_on_phone()

    latest = ft.use_ref(None)
    latest.current = schedule_on_phone  # the listener, made once, schedules with this render's settings
    listener = ft.use_ref(lambda: lambda _due, _field: latest.current())  # held: observables hold theirs weakly

    def start() -> Callable[[], None]:
        stop_following = due.subscribe(listener.current)
        page.run_task(find)
        return stop_following

    ft.use_effect(start, [])
    return state.current
