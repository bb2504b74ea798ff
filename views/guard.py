"""Keeps one failure from freezing Tend.

In Flet 1.0.5 an exception while a component renders ends the session's update loop (`Session.__updates_scheduler`
in `flet/messaging/session.py` guards effects but not updates): nothing is redrawn again, silently, while taps
still run stale handlers. So:

- every Tend component is made with `component` below instead of `ft.component`: if its body raises, the error is
  logged with its traceback and a calm card takes its place, so the rest of the app keeps working;
- `keep_updates_running` wraps Flet's update loop for what slips past that (a failure inside Flet's own diffing):
  the loop is logged, started again, and the app told through the session's store, so it can show the card.

Reported upstream as: "An exception raised while a component renders stops Session.__updates_scheduler for good".
"""

import functools
import logging
from typing import Callable

import flet as ft
from flet.messaging.session import Session

FLET_VERSION = "1.0.5"
"""The guard wraps a private name of this Flet version; tests/test_guard.py fails if it moves."""
LOOP_NAME = "_Session__updates_scheduler"
FAILURE_HANDLER_KEY = "tend.on_update_failure"
"""Where, in each session's store, the app puts what to do when an update failed outside any component."""
SCREEN_FAILED = "Something went wrong on this screen. Your data is safe."

log = logging.getLogger("tend.render")


def error_card() -> ft.Control:
    """What stands in for a part of a screen that failed: plain words and a way back. Uses no hooks, because it
    replaces a render that may have stopped halfway through its own."""

    def go_to_today() -> None:
        ft.context.page.navigate("/")

    return ft.Column([ft.Card(  # in a column, so the card is as tall as its words wherever it stands in
        ft.Container(
            ft.Column(
                [
                    ft.Row([ft.Icon(ft.Icons.HEALING_OUTLINED), ft.Text(SCREEN_FAILED, expand=True)]),
                    ft.Text("Get help now, at the top, still works. The problem was noted in Tend's log."),
                    ft.FilledTonalButton("Go to Today", on_click=go_to_today),
                ],
                tight=True,
                spacing=12,
            ),
            padding=16,
        ),
    )], tight=True)


def component(fn: Callable | None = None, *, fallback: Callable[[], ft.Control] = error_card):
    """`ft.component` whose render never raises: a failure is logged and `fallback()` is shown in its place."""
    if fn is None:
        return functools.partial(component, fallback=fallback)

    @functools.wraps(fn)
    def rendered(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except Exception:
            log.exception("Showing %s failed", fn.__qualname__)
            return fallback()

    return ft.component(rendered)


def keep_updates_running(session_class: type = Session) -> None:
    """Wrap Flet's update loop so that a failure is logged, told to the app, and the loop goes on. Idempotent."""
    loop = getattr(session_class, LOOP_NAME)
    if getattr(loop, "is_tend_guard", False):
        return

    @functools.wraps(loop)
    async def guarded(session) -> None:
        while True:
            try:
                return await loop(session)
            except Exception as error:
                log.exception("Updating the screen failed")
                on_failure = session.store.get(FAILURE_HANDLER_KEY)
                if on_failure is not None:
                    on_failure(error)

    guarded.is_tend_guard = True
    setattr(session_class, LOOP_NAME, guarded)
