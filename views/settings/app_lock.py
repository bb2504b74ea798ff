"""Settings → App lock: turning the PIN on (typed twice) or off (after the current PIN), and what it protects."""

import asyncio
import dataclasses
from collections.abc import Callable

import flet as ft

from storage.app_lock import AppLock, PinTry, chosen_pin_problem
from storage.errors import StorageError
from views.context import use_tend
from views.guard import component
from views.kit.dialog import dialog
from views.kit.labelled import switch_row
from views.kit.pin_field import pin_field
from views.lock.screen import refused_message, tried_pin

WHAT_IT_PROTECTS = (
    "With a PIN, Tend asks for it when it opens, after 5 minutes away, and when its page in a browser is reloaded or "
    "reopened (on a phone with a fingerprint or face "
    "unlock, that opens it too). It hides your screens from someone who "
    "picks up this device. It does not encrypt Tend's files on this device, and backups and export files are not "
    "locked. Get help now stays reachable on the lock screen, and from it your safety plan, to read only (changing "
    "it needs the PIN), unless you keep the plan behind the lock below. Tend keeps no copy of your PIN, only a "
    "scrambled check of it, so if you forget it, it can't be shown to you; your entries are not lost, though: "
    "deleting the file lock.json in Tend's data folder turns the lock off."
)


@component
def AppLockSettings() -> ft.Control:
    tend = use_tend()
    lock = AppLock(tend.store)
    is_on, set_is_on = ft.use_state(lock.is_on)
    ask = use_pin_dialogs(lock, set_is_on)
    return ft.Column(
        [
            ft.Text(WHAT_IT_PROTECTS),
            ft.Text("The app lock is on." if is_on else "The app lock is off."),
            ft.FilledTonalButton("Turn off the app lock", icon=ft.Icons.LOCK_OPEN, on_click=lambda: ask("off"))
            if is_on else
            ft.FilledTonalButton("Lock Tend with a PIN", icon=ft.Icons.LOCK_OUTLINE, on_click=lambda: ask("set")),
            switch_row("Keep my safety plan behind the lock too", tend.settings.safety_plan_locked,
                       lambda e: tend.change_settings(dataclasses.replace(
                           tend.settings, safety_plan_locked=bool(e.control.value)))),
            ft.Text("On: Get help now still has your emergency number and crisis lines, but reading your plan asks "
                    "for the PIN." if tend.settings.safety_plan_locked else
                    "Off: someone holding this device can read your safety plan from Get help now without the PIN."),
        ],
        spacing=12,
    )


def use_pin_dialogs(lock: AppLock, set_is_on: Callable[[bool], None]) -> Callable[[str | None], None]:
    """The dialogs that turn the lock on ("set": a PIN typed twice) or off ("off": the current PIN); answers
    `ask`, which opens one of them, or closes it with None."""
    tend = use_tend()
    asking, set_asking = ft.use_state(None)  # "set" or "off" while a dialog is open
    problem, set_problem = ft.use_state(None)
    typed = ft.use_ref(dict).current  # see CheckInForm

    def ask(what: str | None) -> None:
        typed.clear()
        set_problem(None)
        set_asking(what)

    async def set_pin() -> None:
        pin = typed.get("pin", "")
        found = chosen_pin_problem(pin, typed.get("again"))
        if found:
            set_problem(found)
            return
        try:  # scrypt takes about a tenth of a second on purpose: off the event loop, so no session freezes
            await asyncio.to_thread(lock.set_pin, pin, tend.now())
        except StorageError as error:
            set_problem(error.message)
            return
        ask(None)
        set_is_on(True)
        tend.tell("Done: Tend will ask for your PIN when it opens.")

    async def turn_off() -> None:
        result = await tried_pin(tend, lock, typed.get("pin", ""))
        if result is None:
            return
        if result is not PinTry.OPENED:
            set_problem(refused_message(result, lock.next_try_at(tend.now())))
            return
        if tend.wrote(lock.turn_off):
            ask(None)
            set_is_on(False)
            tend.tell("Done: Tend opens without a PIN now.")

    ft.use_dialog(lock_dialog(asking, typed, problem, set_pin, turn_off, lambda: ask(None)))
    return ask


def lock_dialog(asking: str | None, typed: dict, problem: str | None, set_pin, turn_off, close) -> ft.AlertDialog | None:
    """The dialog `asking` names ("set" or "off"), or None."""
    if asking == "set":
        return pin_dialog("Lock Tend with a PIN", [
            ft.Text("Use 4 to 8 digits."),
            pin_field("Choose a PIN", typed, "pin", autofocus=True),
            pin_field("Type it again", typed, "again", error=problem, on_submit=set_pin),
        ], "Turn on the lock", set_pin, close)
    if asking == "off":
        return pin_dialog("Turn off the app lock", [
            ft.Text("Type your PIN to turn the lock off."),
            pin_field("Your PIN", typed, "pin", error=problem, on_submit=turn_off, autofocus=True),
        ], "Turn off the lock", turn_off, close)
    return None


def pin_dialog(title: str, controls: list[ft.Control], action: str, on_action, on_cancel) -> ft.AlertDialog:
    return dialog(title, ft.Column(controls, tight=True, spacing=12, width=360),
                  [ft.TextButton("Cancel", on_click=on_cancel), ft.FilledButton(action, on_click=on_action)],
                  modal=True, back="Back to the PIN")
