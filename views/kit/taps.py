"""One tap, one action: a tap that only repeats the one before it (a shaky double tap, an impatient second press)
is let go, so it never makes a second check-in, a second person or a second call.

Flet runs each tap's handler as its own task on the session's event loop: two taps sent back to back both run, one
after the other, and an async handler lets the next tap in at each of its awaits. So the gate is asked at the very
start of a handler, before any await.
"""

import inspect
import time
from collections.abc import Callable, Hashable
from contextlib import contextmanager
from dataclasses import dataclass

import flet as ft

REPEAT_WITHIN_SECONDS = 1.0
"""A second tap on the same thing sooner than this is a repeat; two deliberate taps are further apart."""


@dataclass(frozen=True)
class Tap:
    target: Hashable
    """What was tapped, e.g. ("mood", Mood.GOOD) or "save"."""
    at: float
    """When, in seconds of a monotonic clock (never the person's clock, which tests may hold still)."""


def is_repeat(last: Tap | None, tap: Tap, within: float = REPEAT_WITHIN_SECONDS) -> bool:
    """Whether `tap` only repeats `last`, the tap acted on before it: the same target, less than `within` later."""
    return last is not None and last.target == tap.target and 0 <= tap.at - last.at < within


class TapGate:
    """Lets through the first tap of a burst on one target, and (when asked) none while its action still runs."""

    def __init__(self, within: float = REPEAT_WITHIN_SECONDS, clock: Callable[[], float] = time.monotonic):
        self._within = within
        self._clock = clock
        self._last: Tap | None = None
        self._running: set[Hashable] = set()

    def accepts(self, target: Hashable) -> bool:
        """True for a tap to act on (and remembers it); False for a repeat, which the caller drops."""
        tap = Tap(target, self._clock())
        if target in self._running or is_repeat(self._last, tap, self._within):
            return False
        self._last = tap
        return True

    @contextmanager
    def running(self, target: Hashable):
        """While the block runs, every tap on `target` is a repeat, however long it takes. Use it only around waits
        that end (a launch with a timeout): a wait that never ends would leave the button dead."""
        self._running.add(target)
        try:
            yield
        finally:
            self._running.discard(target)

    def refused(self, target: Hashable) -> None:
        """The action of the last tap on `target` did nothing (a form refused what it held): the next tap is a new
        try, however soon, so a quick Save after fixing a mistake is never dropped as a repeat."""
        if self._last is not None and self._last.target == target:
            self._last = None

    def once(self, target: Hashable, action: Callable, *, until_done: bool = False) -> Callable:
        """A handler that runs `action` (sync or async, with or without the event) only for an accepted tap;
        `until_done` holds an async action's target while it runs (see `running`). An action that answers False
        was refused (see `refused`)."""
        wants_event = bool(_parameter_count(action))

        def answered(result):
            if result is False:
                self.refused(target)
            return result

        def call(event):
            return answered(action(event) if wants_event else action())

        async def call_async(event):
            return answered(await (action(event) if wants_event else action()))

        if inspect.iscoroutinefunction(action):
            async def handler(event=None):
                if not self.accepts(target):
                    return
                if not until_done:
                    return await call_async(event)
                with self.running(target):
                    return await call_async(event)
        else:
            def handler(event=None):
                if self.accepts(target):
                    return call(event)
        return handler


def use_tap_gate(within: float = REPEAT_WITHIN_SECONDS) -> TapGate:
    """A gate that lasts as long as the component calling it, whatever it re-renders."""
    return ft.use_ref(lambda: TapGate(within)).current


def _parameter_count(action: Callable) -> int:
    try:
        return len(inspect.signature(action).parameters)
    except (TypeError, ValueError):
        return 0
