"""The app lock: 4–8 digit PINs kept only as a salted hash, and a wait that grows after wrong tries."""

from datetime import timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from storage_fixtures import NOW, data_dir, store  # noqa: F401 (fixtures)

from storage.app_lock import (
    LOCK_FILE,
    AppLock,
    PinTry,
    locked_pin,
    next_try_at,
    pin_matches,
    pin_problem,
    should_lock,
    wait_after,
)
from storage.store.persistence import Store

PIN = "48151623"
SALT = bytes(range(16))


@pytest.mark.parametrize("pin", ["0000", "1234", "90210", "12345678"])
def test_four_to_eight_digits_make_a_pin(pin):
    assert pin_problem(pin) is None


@pytest.mark.parametrize("pin", ["", "123", "123456789", "12a4", "12 34", " 1234", "١٢٣٤", "½234", None, 1234])
def test_anything_else_is_refused_with_a_message_that_says_what_a_pin_is(pin):
    assert pin_problem(pin) == "A PIN is 4 to 8 digits, using only the numbers 0–9."
    if isinstance(pin, str):
        with pytest.raises(ValueError, match="4 to 8 digits"):
            locked_pin(pin)


def test_the_stored_record_holds_a_salted_hash_with_its_parameters_and_not_the_pin():
    stored = locked_pin(PIN, salt=SALT)

    assert stored["salt"] == SALT.hex()
    assert (stored["kind"], stored["n"], stored["r"], stored["p"]) == ("scrypt", 2**14, 8, 1)
    assert PIN not in str(stored)
    assert locked_pin(PIN, salt=SALT) == stored  # the same salt gives the same hash ...
    assert locked_pin(PIN)["hash"] != locked_pin(PIN)["hash"]  # ... and each new PIN gets a fresh salt


def test_only_the_right_pin_matches():
    stored = locked_pin("2580")

    assert pin_matches(stored, "2580")
    assert not pin_matches(stored, "2581")
    assert not pin_matches(stored, "25800")
    assert not pin_matches(stored, "")


def test_a_damaged_record_matches_nothing_instead_of_crashing():
    stored = locked_pin("2580")

    assert not pin_matches({**stored, "salt": "not hex"}, "2580")
    assert not pin_matches({**stored, "n": 3}, "2580")
    assert not pin_matches({"hash": stored["hash"]}, "2580")


def test_the_first_three_wrong_tries_cost_nothing_then_the_wait_doubles_up_to_fifteen_minutes():
    waits = [wait_after(failures) for failures in range(0, 12)]

    assert waits[:4] == [timedelta(0)] * 4
    assert waits[4:10] == [timedelta(seconds=seconds) for seconds in (30, 60, 120, 240, 480, 900)]
    assert waits[10:] == [timedelta(minutes=15)] * 2
    assert wait_after(10**9) == timedelta(minutes=15)


@given(st.integers(min_value=0, max_value=10**6))
def test_the_wait_never_shrinks_with_more_failures_and_never_passes_the_cap(failures):
    assert wait_after(failures) <= wait_after(failures + 1) <= timedelta(minutes=15)


def test_the_next_try_is_allowed_once_the_wait_is_over():
    failed = NOW - timedelta(seconds=40)

    assert next_try_at(3, failed, NOW) is None
    assert next_try_at(4, failed, NOW) is None  # 30 s have passed
    assert next_try_at(5, failed, NOW) == failed + timedelta(minutes=1)
    assert next_try_at(0, None, NOW) is None


def test_a_clock_set_back_never_makes_the_wait_longer_than_its_cap():
    assert next_try_at(20, NOW + timedelta(days=300), NOW) == NOW + timedelta(minutes=15)


def test_the_app_locks_at_start_after_minutes_away_and_when_the_clock_jumps_back():
    assert should_lock(None, NOW)
    assert not should_lock(NOW - timedelta(minutes=4, seconds=59), NOW, away_minutes=5)
    assert should_lock(NOW - timedelta(minutes=5), NOW, away_minutes=5)
    assert should_lock(NOW + timedelta(hours=1), NOW, away_minutes=5)


def test_without_a_pin_the_app_is_open(store):
    lock = AppLock(store)

    assert not lock.is_on()
    assert lock.try_pin("", NOW) is PinTry.OPENED


def test_a_wrong_pin_is_refused_and_the_right_one_opens(store):
    lock = AppLock(store)
    lock.set_pin("2580", NOW)

    assert lock.is_on()
    assert lock.try_pin("0852", NOW) is not PinTry.OPENED
    assert lock.try_pin("2580", NOW) is PinTry.OPENED


def test_after_three_wrong_tries_the_person_waits_and_tries_during_the_wait_are_refused(store):
    lock = AppLock(store)
    lock.set_pin("2580", NOW)
    for _ in range(4):
        assert lock.try_pin("1111", NOW) is not PinTry.OPENED

    assert lock.next_try_at(NOW) == NOW + timedelta(seconds=30)
    assert lock.try_pin("2580", NOW + timedelta(seconds=29)) is not PinTry.OPENED  # even the right PIN waits
    assert lock.next_try_at(NOW + timedelta(seconds=29)) == NOW + timedelta(seconds=30)  # and it wasn't counted
    assert lock.try_pin("2580", NOW + timedelta(seconds=30)) is PinTry.OPENED
    assert lock.next_try_at(NOW + timedelta(seconds=30)) is None  # the right PIN clears the count


def test_closing_and_reopening_tend_does_not_skip_the_wait(data_dir):
    opened = Store.open(data_dir, NOW)
    AppLock(opened).set_pin("2580", NOW)
    for _ in range(4):
        AppLock(opened).try_pin("1111", NOW)
    opened.close()

    reopened = Store.open(data_dir, NOW)
    assert AppLock(reopened).next_try_at(NOW + timedelta(seconds=10)) == NOW + timedelta(seconds=30)


def test_the_pin_never_reaches_the_file(data_dir):
    opened = Store.open(data_dir, NOW)
    lock = AppLock(opened)
    lock.set_pin(PIN, NOW)
    lock.try_pin("87654321", NOW)
    lock.try_pin(PIN, NOW)
    opened.close()

    text = (data_dir / f"{LOCK_FILE}.json").read_text()
    assert '"hash"' in text
    assert PIN not in text and "87654321" not in text


def test_turning_the_lock_off_opens_the_app_without_a_pin(store):
    lock = AppLock(store)
    lock.set_pin("2580", NOW)
    lock.turn_off()

    assert not lock.is_on()
    assert lock.try_pin("", NOW) is PinTry.OPENED


@settings(max_examples=20, deadline=None)
@given(st.text(alphabet="0123456789", min_size=4, max_size=8), st.text(alphabet="0123456789", min_size=4, max_size=8))
def test_a_pin_matches_exactly_itself(pin, guess):
    assert pin_matches(locked_pin(pin, salt=SALT), guess) == (pin == guess)
