"""One tap, one action: the rule for a repeated tap, and the gate every quick action goes through."""

import asyncio

import pytest

from views.kit.taps import REPEAT_WITHIN_SECONDS, Tap, TapGate, is_repeat


class StillClock:
    """A monotonic clock that moves only when told."""

    def __init__(self):
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.mark.parametrize("last, tap, repeat", [
    (None, Tap("save", 0.0), False),  # the first tap
    (Tap("save", 0.0), Tap("save", 0.05), True),  # a double tap
    (Tap("save", 0.0), Tap("save", REPEAT_WITHIN_SECONDS - 0.01), True),
    (Tap("save", 0.0), Tap("save", REPEAT_WITHIN_SECONDS), False),  # a second, deliberate tap
    (Tap("save", 0.0), Tap("save", 3.0), False),
    (Tap(("mood", 4), 0.0), Tap(("mood", 3), 0.1), False),  # something else: a tap of its own
    (Tap("save", 5.0), Tap("save", 4.0), False),  # a clock that went back never swallows taps
])
def test_a_tap_repeats_the_last_only_on_the_same_target_within_the_window(last, tap, repeat):
    assert is_repeat(last, tap) is repeat


def test_a_double_tap_is_one_and_taps_a_few_seconds_apart_are_two():
    clock = StillClock()
    gate = TapGate(clock=clock)
    assert gate.accepts("mood")
    clock.now += 0.2
    assert not gate.accepts("mood")
    clock.now += 3
    assert gate.accepts("mood")


def test_the_window_runs_from_the_tap_acted_on_so_a_long_burst_still_acts_once_a_second():
    clock = StillClock()
    gate = TapGate(clock=clock)
    accepted = []
    for _ in range(6):  # a tap every 0.4 s for 2 s
        accepted.append(gate.accepts("done"))
        clock.now += 0.4
    assert accepted == [True, False, False, True, False, False]


def test_once_runs_a_handler_for_the_first_tap_with_or_without_the_event():
    clock = StillClock()
    gate = TapGate(clock=clock)
    seen = []
    plain = gate.once("later", lambda: seen.append("later"))
    with_event = gate.once("save", lambda event: seen.append(event))
    plain("event")
    plain("event")
    with_event("event")
    with_event("event")
    assert seen == ["later", "event"]


def test_nothing_gets_through_while_an_async_action_still_runs_however_long_it_takes():
    clock = StillClock()
    gate = TapGate(clock=clock)
    calls = []

    async def scenario():
        launched = asyncio.Event()
        answer = asyncio.Event()

        async def open_dialer():
            calls.append("dialer")
            launched.set()
            await answer.wait()  # the device takes its time to answer

        call = gate.once("call", open_dialer, until_done=True)
        first = asyncio.create_task(call())
        await launched.wait()
        clock.now += 3  # well past the window, and still opening
        await call()
        answer.set()
        await first
        await call()  # once it has answered, a new tap is a new call

    asyncio.run(scenario())
    assert calls == ["dialer", "dialer"]


def test_an_action_that_fails_lets_the_next_tap_through():
    gate = TapGate(clock=StillClock())
    with pytest.raises(RuntimeError):
        with gate.running("call"):
            raise RuntimeError("the launcher is missing")
    assert gate.accepts("call")


def test_a_refused_action_lets_a_quick_next_tap_through_and_a_done_one_does_not():
    gate = TapGate(clock=StillClock())
    answers = [False, None]  # the form refuses what it holds, then saves once it is fixed
    saves = []

    def save():
        saves.append("save")
        return answers[len(saves) - 1]

    handler = gate.once("save", save)
    handler()
    handler()  # a moment later, after fixing the mistake: a new try
    handler()  # a double tap on the save that went through: let go
    assert saves == ["save", "save"]


def test_a_refused_async_action_lets_the_next_tap_through():
    gate = TapGate(clock=StillClock())
    saves = []

    async def save():
        saves.append("save")
        return False

    handler = gate.once("save", save)
    asyncio.run(handler())
    asyncio.run(handler())
    assert saves == ["save", "save"]
