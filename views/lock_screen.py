"""The app lock's gate: a PIN screen instead of the content at start and after 5 minutes away.

The navigation and "Get help now" stay above it, so someone locked out in a
crisis still reaches crisis lines and their emergency number.
"""

import asyncio
from datetime import datetime

import flet as ft

from storage.app_lock import AppLock, should_lock
from storage.errors import StorageError
from views.context import Tend, use_tend
from views.device_unlock import device_unlock, unlocked_by_device
from views.guard import component
from views.pin_field import pin_field

AWAY = (ft.AppLifecycleState.INACTIVE, ft.AppLifecycleState.HIDE, ft.AppLifecycleState.PAUSE)
BACK = (ft.AppLifecycleState.SHOW, ft.AppLifecycleState.RESUME, ft.AppLifecycleState.RESTART)


async def pin_opens(tend: Tend, lock: AppLock, pin: str) -> bool | None:
    """Whether `pin` opens Tend now (a wrong one is counted); None if the device refused to save the count.
    Checking takes about a tenth of a second on purpose, so it runs off the event loop."""
    try:
        return await asyncio.to_thread(lock.unlocks, pin, tend.now())
    except StorageError as error:
        tend.tell(error.message)
        return None


def refused_message(next_try: datetime | None) -> str:
    if next_try is None:
        return "That PIN didn't open Tend. Please try again."
    return f"That PIN didn't open Tend. After several tries Tend waits a little: you can try again at {next_try:%H:%M}."


@component
def LockGate(content: ft.Control) -> ft.Control:
    """`content`, or the lock screen while the app lock is on and Tend has not been opened with the PIN."""
    tend = use_tend()
    page = ft.context.page
    lock = AppLock(tend.store)
    locked, set_locked = ft.use_state(lock.is_on)
    left_at = ft.use_ref(None)

    def follow_coming_and_going() -> None:
        def changed(e: ft.AppLifecycleStateChangeEvent) -> None:
            if e.state in AWAY:
                left_at.current = left_at.current or tend.now()
            elif e.state in BACK and left_at.current is not None:
                if lock.is_on() and should_lock(left_at.current, tend.now()):
                    set_locked(True)
                left_at.current = None

        page.on_app_lifecycle_state_change = changed

    ft.use_effect(follow_coming_and_going, [])
    if not locked:
        return content
    return ft.Container(LockScreen(lambda: set_locked(False)), expand=True, alignment=ft.Alignment.TOP_CENTER,
                        padding=16)


@component
def LockScreen(on_opened) -> ft.Control:
    tend = use_tend()
    lock = AppLock(tend.store)
    typed = ft.use_ref(dict).current  # see CheckInForm
    problem, set_problem = ft.use_state(lambda: waiting(lock.next_try_at(tend.now())))
    checking, set_checking = ft.use_state(False)
    tries, set_tries = ft.use_state(0)
    device, set_device = ft.use_state(None)  # the phone's fingerprint/face check, where it has one
    page = ft.context.page

    def find_device_unlock():
        async def find():
            service = await device_unlock(page)
            if service is not None:  # no re-render otherwise: it would reset a PIN being typed
                set_device(service)
        page.run_task(find)

    ft.use_effect(find_device_unlock, [])

    async def unlock_with_device() -> None:
        if await unlocked_by_device(device):
            on_opened()

    async def unlock() -> None:
        set_checking(True)
        opened = await pin_opens(tend, lock, typed.get("pin", ""))
        set_checking(False)
        if opened:
            on_opened()
        elif opened is False:
            typed["pin"] = ""
            set_tries(tries + 1)
            set_problem(refused_message(lock.next_try_at(tend.now())))

    return ft.Column(
        [
            ft.Icon(ft.Icons.LOCK_OUTLINE, size=48),
            ft.Semantics(header=True, content=ft.Text("Tend is locked", theme_style=ft.TextThemeStyle.HEADLINE_MEDIUM)),
            ft.Text("Type your PIN to open Tend."),
            pin_field("PIN", typed, "pin", error=problem, on_submit=unlock, autofocus=True, key=f"pin-{tries}"),
            ft.FilledButton("Unlock", icon=ft.Icons.LOCK_OPEN, on_click=unlock, disabled=checking),
            *([ft.TextButton("Use fingerprint or face", icon=ft.Icons.FINGERPRINT, on_click=unlock_with_device)]
              if device else []),
            ft.Text("Need help right now? “Get help now” at the top works without your PIN: it has your "
                    "emergency number and crisis lines."),
        ],
        spacing=16,
        width=420,
        scroll=ft.ScrollMode.AUTO,
        horizontal_alignment=ft.CrossAxisAlignment.CENTER,
    )


def waiting(next_try: datetime | None) -> str | None:
    """A wait left over from earlier wrong tries, even after Tend was closed and opened again."""
    return None if next_try is None else f"After several tries Tend waits a little: you can try again at {next_try:%H:%M}."
