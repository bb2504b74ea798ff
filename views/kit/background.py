"""Slow work (a backup, a restore, an import, an export, reading a picked file) off the event loop, one at a time,
with a word of progress.

Every session's handlers and updates run on one asyncio loop: a second of zipping or parsing there freezes every
window. So the work itself runs in a worker thread, and only its start and end touch the screen, from the loop
(Flet's state setters are not thread-safe). While it runs, a second tap on the same button does nothing, and the
buttons say so by being disabled; words with a spinning ring appear only if it takes longer than a glance.
"""

import asyncio
import functools
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import flet as ft

from storage.errors import StorageError
from views.context import Tend

SHOW_PROGRESS_AFTER_SECONDS = 0.3
"""Quicker work finishes before a ring could be read; showing one would only flicker."""

Say = Callable[[str], None]
"""Changes the words shown while the work runs ("Reading “x.json”… 40 %")."""


@dataclass(frozen=True)
class Work:
    busy: bool
    """True from the tap until the work has finished: the buttons that start work are disabled."""
    words: str
    """What is being done, once it has taken longer than SHOW_PROGRESS_AFTER_SECONDS; "" before and after."""
    run: Callable[[str, Callable[[Say], Awaitable[None]]], Awaitable[None]]
    """`await run(words, job)` runs `job(say)` unless work is already running (a second tap), showing `words`."""


class LastScreen:
    """Hands a value that outlives a screen (work running, its outcome) to the one screen that showed it last.

    Not to every mounted screen: in Tend's router layout Flet 1.0.5 does not unmount a component nested in a
    screen the person has left (its effect cleanups ran only when the session ended), so screens left behind would
    keep listening forever and re-render unseen."""

    def __init__(self) -> None:
        self._listener: Callable | None = None

    def listen(self, listener: Callable) -> Callable[[], None]:
        """`listener` hears from now on, instead of the screen before it; returns how to stop."""
        self._listener = listener

        def stop() -> None:
            if self._listener is listener:
                self._listener = None

        return stop

    def tell(self, value) -> bool:
        """Whether a screen was there to hear `value`."""
        if self._listener is None:
            return False
        self._listener(value)
        return True


class OneAtATime:
    """The rule behind `use_work`, apart from Flet: a job starts only when none is running, and the screen hears
    what to show (None idle, "" running, else the words)."""

    def __init__(self, show_after: float = SHOW_PROGRESS_AFTER_SECONDS):
        self.shown: str | None = None
        self.screen = LastScreen()
        self._show_after = show_after

    def _show(self, shown: str | None) -> None:
        self.shown = shown
        self.screen.tell(shown)

    async def run(self, words: str, job: Callable[[Say], Awaitable[None]]) -> None:
        if self.shown is not None:  # set before the first await, so a second tap sees it before any re-render
            return
        latest, visible = [words], [False]

        def say(new_words: str) -> None:
            latest[0] = new_words
            if visible[0]:
                self._show(new_words)

        def show_words() -> None:
            visible[0] = True
            self._show(latest[0])

        self._show("")
        timer = asyncio.get_running_loop().call_later(self._show_after, show_words)
        try:
            await job(say)
        finally:
            timer.cancel()
            self._show(None)


def _in_session(key: str, make: Callable):
    """The session's one `key` (Flet's per-session store, so two browser tabs never share one)."""
    store = ft.context.page.session.store
    found = store.get(key)
    if found is None:
        found = make()
        store.set(key, found)
    return found


def _listening(screen: LastScreen, listener: Callable, current: Callable | None = None) -> None:
    """While the calling component is shown, it is the one `screen` tells; `current()`, if given, is what it
    should hear at once, in case it changed between the first render and now."""
    stop = ft.use_ref(None)

    def start() -> None:
        stop.current = screen.listen(listener)
        if current is not None:
            listener(current())

    # Given as `cleanup=`: Flet 1.0.5 forgets a cleanup that the setup returns at the component's next render.
    ft.use_effect(start, [], cleanup=lambda: stop.current and stop.current())


def use_work(kind: str) -> Work:
    """The session's one piece of `kind` of work at a time, and what to show about it. It outlives the screen
    that started it: a person who leaves and comes back finds the buttons still disabled until it is done."""
    runner = _in_session(f"tend.work.{kind}", OneAtATime)
    shown, set_shown = ft.use_state(runner.shown)
    _listening(runner.screen, set_shown, lambda: runner.shown)
    return Work(busy=shown is not None, words=shown or "", run=runner.run)


def use_outcome(tell: Callable[[str], None]) -> tuple[tuple[str, bool] | None, Callable[..., None]]:
    """What the last piece of work came to, (message, went wrong), shown on the screen that started it, even if
    the person left and came back meanwhile; if they are elsewhere when it ends, it is told above every screen
    (`tell`) instead, so it is never lost. `report(None)` clears it."""
    page = ft.context.page
    route = page.route
    screen = _in_session(f"tend.outcome.{route}", LastScreen)
    outcome, set_outcome = ft.use_state(None)
    _listening(screen, set_outcome)

    def report(message: str | None, went_wrong: bool = False) -> None:
        if message is None:
            screen.tell(None)
        elif page.route != route or not screen.tell((message, went_wrong)):
            tell(message)

    return outcome, report


def progress_line(words: str) -> ft.Control:
    """A spinning ring and what is being done; the words are read out by screen readers as they appear (the
    ring alone would merge them into an unnamed group)."""
    return ft.Row(
        [
            ft.ProgressRing(width=24, height=24, stroke_width=3),
            ft.Semantics(live_region=True, content=ft.Text(words), expand=True),
        ],
        spacing=12,
    )


async def wrote_in_background(tend: Tend, write: Callable[[], object]) -> bool:
    """`Tend.wrote` for a write too slow for the event loop: it runs in a worker thread, and a refusal (a full
    disk, a read-only folder) is told by `Tend.wrote` itself, back on the loop."""
    try:
        await asyncio.to_thread(write)
    except StorageError as refused:
        return tend.wrote(functools.partial(_raise, refused))
    return True


def _raise(error: Exception) -> None:
    raise error
