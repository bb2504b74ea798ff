"""PIN tries are taken one at a time however fast they come: each check is counted before it runs, and a try that
comes during the wait or while another is being checked is refused unchecked."""

import threading
from datetime import timedelta

from storage_fixtures import NOW, store  # noqa: F401 (fixtures)

from storage import app_lock
from storage.app_lock import (
    CHECK_TAKES_AT_MOST,
    AppLock,
    PinTry,
    after_checking,
    counted_before_checking,
    locked_pin,
    refusal,
    wait_after,
)
from storage.errors import StorageError
from storage.records import stamp

PIN = "2580"
WRONG = "1111"
GUESSERS = 12


def watch_checks(monkeypatch) -> dict:
    """Counts the PIN checks made, and the most made at the same moment."""
    seen = {"checks": 0, "now": 0, "most_at_once": 0}
    guard = threading.Lock()
    real_check = app_lock.pin_matches

    def watched(stored, pin):
        with guard:
            seen["checks"] += 1
            seen["now"] += 1
            seen["most_at_once"] = max(seen["most_at_once"], seen["now"])
        try:
            return real_check(stored, pin)
        finally:
            with guard:
                seen["now"] -= 1

    monkeypatch.setattr(app_lock, "pin_matches", watched)
    return seen


def guess_at_once(lock: AppLock, now, guessers: int = GUESSERS) -> list[PinTry]:
    """`guessers` threads, released together, each try the wrong PIN once."""
    start = threading.Barrier(guessers)
    results = []

    def guess():
        start.wait()
        results.append(lock.try_pin(WRONG, now))

    threads = [threading.Thread(target=guess) for _ in range(guessers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def test_many_threads_guessing_at_once_have_every_check_counted_and_the_wait_grows(store, monkeypatch):
    lock = AppLock(store)
    lock.set_pin(PIN, NOW)
    seen = watch_checks(monkeypatch)
    moment, waits, wrong = NOW, [], 0
    for _ in range(6):  # six bursts, each as soon as Tend allows another try
        results = guess_at_once(lock, moment)
        assert set(results) <= {PinTry.WRONG, PinTry.CHECKING, PinTry.WAITING}
        wrong += results.count(PinTry.WRONG)
        assert lock.wrong_tries() == wrong == seen["checks"]  # every guess checked was counted
        waits.append(wait_after(lock.wrong_tries()))
        assert lock.next_try_at(moment) == (moment + waits[-1] if waits[-1] else None)
        moment = lock.next_try_at(moment) or moment
    assert seen["most_at_once"] == 1  # never two checks at the same moment
    assert wrong >= 6 and waits == sorted(waits) and waits[-1] >= timedelta(minutes=1)


def test_a_guess_that_comes_while_another_is_checked_is_refused_unchecked(store, monkeypatch):
    lock = AppLock(store)
    lock.set_pin(PIN, NOW)
    real_check = app_lock.pin_matches
    meanwhile = []

    def check_with_a_guess_arriving(stored, pin):
        meanwhile.append(lock.try_pin(PIN, NOW))  # even the right PIN waits for the check under way
        return real_check(stored, pin)

    monkeypatch.setattr(app_lock, "pin_matches", check_with_a_guess_arriving)
    assert lock.try_pin(WRONG, NOW) is PinTry.WRONG
    assert meanwhile == [PinTry.CHECKING]
    assert lock.wrong_tries() == 1
    monkeypatch.setattr(app_lock, "pin_matches", real_check)
    assert lock.try_pin(PIN, NOW) is PinTry.OPENED  # the check is over: tries are taken again
    assert lock.wrong_tries() == 0


def test_a_try_is_counted_before_its_check_and_a_check_cut_short_stops_holding_off_tries():
    record = {"pin": locked_pin(PIN), "failures": 2, "last_failure": None}
    checking = counted_before_checking(record, NOW)

    assert (checking["failures"], checking["last_failure"]) == (3, stamp(NOW))  # a kill now leaves it counted
    assert refusal(checking, NOW + CHECK_TAKES_AT_MOST - timedelta(seconds=1)) is PinTry.CHECKING
    assert refusal(checking, NOW + CHECK_TAKES_AT_MOST) is None
    assert refusal(checking, NOW - timedelta(hours=1)) is None  # a clock set back doesn't hold tries off for long


def test_after_the_check_the_right_pin_clears_the_count_and_a_wrong_one_stays_counted():
    checking = counted_before_checking({"pin": locked_pin(PIN), "failures": 4}, NOW)

    assert after_checking(checking, matched=True) == {**checking, "failures": 0, "last_failure": None,
                                                      "checking": None}
    assert after_checking(checking, matched=False) == {**checking, "checking": None}
    assert refusal(after_checking(checking, matched=False), NOW) is PinTry.WAITING  # five wrong: a minute's wait


class RefusingStore:
    """A store on a device that refuses every write (a full disk, a read-only folder)."""

    def __init__(self, store):
        self._store = store
        self.get = store.get
        self.exclusively = store.exclusively

    def put(self, name, doc):
        raise StorageError("Tend couldn't save: the disk is full.")


def test_the_right_pin_still_opens_tend_on_a_device_that_refuses_to_save_the_count(store):
    AppLock(store).set_pin(PIN, NOW)
    lock = AppLock(RefusingStore(store))

    assert lock.try_pin(WRONG, NOW) is PinTry.WRONG
    assert lock.try_pin(PIN, NOW) is PinTry.OPENED
    assert lock.wrong_tries() == 0
