"""The app lock's gate: a PIN screen instead of the content at start, after 5 minutes away, and whenever the
browser tab comes back (a reload, a reopened tab, a dropped connection).

The navigation and "Get help now" stay above it, so someone locked out in a
crisis still reaches crisis lines and their emergency number.
"""

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

import flet as ft

from storage.app_lock import AppLock, PinTry, should_lock
from storage.errors import StorageError
from views.context import Tend, use_tend
from views.device.disconnected import carried_out_at_once
from views.device.unlock import device_unlock, unlocked_by_device
from views.guard import component
from views.help.get_help import plan_readable_without_pin
from views.kit.pin_field import pin_field

AWAY = (ft.AppLifecycleState.INACTIVE, ft.AppLifecycleState.HIDE, ft.AppLifecycleState.PAUSE)
BACK = (ft.AppLifecycleState.SHOW, ft.AppLifecycleState.RESUME, ft.AppLifecycleState.RESTART)


async def tried_pin(tend: Tend, lock: AppLock, pin: str) -> PinTry | None:
    """What became of `pin` (a wrong one is counted); None if reading the lock failed, which Tend has told.
    Checking takes about a tenth of a second on purpose, so it runs off the event loop."""
    try:
        return await asyncio.to_thread(lock.try_pin, pin, tend.now())
    except StorageError as error:
        tend.tell(error.message)
        return None


def refused_message(result: PinTry, next_try: datetime | None) -> str:
    """What to say when a PIN didn't open Tend. Only a PIN that was checked is called wrong: one typed during the
    wait is neither checked nor counted, and saying so keeps the person from thinking they forgot their PIN."""
    if result is PinTry.CHECKING:
        return "Tend is still checking a PIN typed a moment ago. Please try again."
    wait = f"Please wait until {ready_minute(next_try)}, then try again." if next_try else "Please try again."
    if result is PinTry.WAITING:
        return f"{wait} Tend didn't check this PIN, and it doesn't count as a try."
    return f"That PIN didn't open Tend. {wait}"


def ready_minute(next_try: datetime) -> str:
    """The first whole minute at which the wait is surely over ("07:21" for 07:20:30): a person who tries at the
    minute shown is never refused again."""
    rounded_up = next_try + timedelta(seconds=59, microseconds=999_999)
    return f"{rounded_up:%H:%M}"


@component
def LockGate(content: ft.Control) -> ft.Control:
    """`content`, or the lock screen while the app lock is on and Tend has not been opened with the PIN."""
    tend = use_tend()
    page = ft.context.page
    lock = AppLock(tend.store)
    locked, set_locked = ft.use_state(lock.is_on)
    left_at = ft.use_ref(None)
    # The lock screen is what the page will first draw: at start, and for a tab that comes back.
    first_drawn, set_first_drawn = ft.use_state(True)

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

    def lock_when_the_tab_goes_away() -> None:
        """Flet keeps a session for an hour after its tab goes away and gives it back, as it was, to the same tab
        reloaded or reopened: so lock as it goes, and the page that tab is sent back is already the lock screen."""
        def lock_now() -> None:
            if lock.is_on():
                with carried_out_at_once(page.session):
                    set_first_drawn(True)
                    set_locked(True)

        page.on_disconnect = lambda e: lock_now()
        page.on_connect = lambda e: lock_now()  # in case the tab came back some other way: lock all the same

    ft.use_effect(lock_when_the_tab_goes_away, [])
    if not locked:
        return content

    def opened() -> None:
        set_first_drawn(False)
        set_locked(False)

    return ft.Container(LockScreen(opened, focus_at_once=not first_drawn), expand=True,
                        alignment=ft.Alignment.TOP_CENTER, padding=16)


@component
def LockScreen(on_opened, focus_at_once: bool = True) -> ft.Control:
    """The PIN field and Unlock. `focus_at_once=False` for a screen the page first draws: a field focused then stays
    apart from the accessibility tree switched on after it, and a screen reader would hear nothing typed there."""
    tend = use_tend()
    typed = ft.use_ref(dict).current  # see CheckInForm
    pin = use_pin_unlock(typed, on_opened)
    device, unlock_with_device = use_device_unlock(on_opened)
    return ft.Column(
        [
            ft.Icon(ft.Icons.LOCK_OUTLINE, size=48),
            ft.Semantics(header=True, content=ft.Text("Tend is locked", theme_style=ft.TextThemeStyle.HEADLINE_MEDIUM)),
            ft.Text("Type your PIN to open Tend."),
            pin_field("PIN", typed, "pin", error=pin.problem, on_submit=pin.unlock,
                      autofocus=focus_at_once or pin.tries > 0, key=f"pin-{pin.tries}"),
            ft.FilledButton("Unlock", icon=ft.Icons.LOCK_OPEN, on_click=pin.unlock, disabled=pin.checking),
            *([ft.TextButton("Use fingerprint or face", icon=ft.Icons.FINGERPRINT, on_click=unlock_with_device)]
              if device else []),
            ft.Text("Need help right now? “Get help now” at the top works without your PIN: it has your "
                    "emergency number and crisis lines"
                    + (", and your safety plan to read." if plan_readable_without_pin(tend) else ".")),
        ],
        spacing=16,
        width=420,
        scroll=ft.ScrollMode.AUTO,
        horizontal_alignment=ft.CrossAxisAlignment.CENTER,
    )


@dataclass(frozen=True)
class PinUnlock:
    unlock: Callable[[], Awaitable[None]]
    problem: str | None
    """Why the last PIN didn't open Tend, or a wait left over from earlier wrong tries."""
    checking: bool
    tries: int
    """Refused tries on this screen: each one draws an empty, focused field."""


def use_pin_unlock(typed: dict, on_opened) -> PinUnlock:
    """Checking the PIN in `typed["pin"]`: `on_opened` when it is right, else a cleared field and why."""
    tend = use_tend()
    lock = AppLock(tend.store)
    problem, set_problem = ft.use_state(lambda: waiting(lock.next_try_at(tend.now())))
    checking, set_checking = ft.use_state(False)
    tries, set_tries = ft.use_state(0)
    in_hand = ft.use_ref(False)  # a PIN of this screen is being checked

    async def unlock() -> None:
        if in_hand.current:  # Enter and a tap together are one try, not two
            return
        in_hand.current = True
        set_checking(True)
        try:
            result = await tried_pin(tend, lock, typed.get("pin", ""))
        finally:
            in_hand.current = False
            set_checking(False)
        if result is PinTry.OPENED:
            on_opened()
        elif result is not None:
            typed["pin"] = ""
            set_tries(lambda done: done + 1)
            set_problem(refused_message(result, lock.next_try_at(tend.now())))

    return PinUnlock(unlock, problem, checking, tries)


def use_device_unlock(on_opened):
    """(the phone's fingerprint/face check, or None where it has none; what its button does)."""
    device, set_device = ft.use_state(None)
    page = ft.context.page

    async def find_device_unlock() -> None:
        service = await device_unlock(page)
        if service is not None:  # no re-render otherwise: it would reset a PIN being typed
            set_device(service)

    ft.use_effect(find_device_unlock, [])

    async def unlock_with_device() -> None:
        if await unlocked_by_device(device):
            on_opened()

    return device, unlock_with_device


def waiting(next_try: datetime | None) -> str | None:
    """A wait left over from earlier wrong tries, even after Tend was closed and opened again."""
    if next_try is None:
        return None
    return f"After several wrong tries Tend waits a little. Please wait until {ready_minute(next_try)}, then try again."
