"""The optional app lock: a PIN asked at start and after a few minutes away.

The PIN itself is never stored: only a salted scrypt hash, with the scrypt
parameters beside it so they can be raised later without locking anyone out.
After a few wrong tries each further try waits longer, and the count is saved,
so closing and reopening Tend doesn't skip the wait. Tries are taken one at a
time however fast they come: a try is counted before its slow check (and
counted back if the PIN was right), and a try that comes while another is being
checked is refused unchecked, so guesses sent at once can't all be checked
against one count.

The lock guards the screen on a shared or lost phone; it does not encrypt the
data files.
"""

import hashlib
import hmac
import secrets
from datetime import datetime, timedelta
from enum import Enum

from storage.errors import StorageError
from storage.records import parse_stamp, stamp, with_times

LOCK_FILE = "lock"
"""The file the lock lives in. It belongs to this device: never exported, imported or restored from a backup."""
PIN_LENGTHS = range(4, 9)
AWAY_MINUTES = 5
FREE_TRIES = 3
FIRST_WAIT = timedelta(seconds=30)
LONGEST_WAIT = timedelta(minutes=15)
CHECK_TAKES_AT_MOST = timedelta(seconds=10)
"""How long a try counts as being checked: a check cut short by a crash stops holding off other tries after this."""
SCRYPT = {"n": 2**14, "r": 8, "p": 1}
"""About 90 ms on a small laptop: slow enough to make guessing every PIN from a copied file costly."""
_SALT_BYTES = 16
_HASH_BYTES = 32
_MAX_MEMORY = 64 * 1024 * 1024
_RECORD_ID = "lock"


class PinTry(Enum):
    """What became of one PIN typed to open Tend."""

    OPENED = "opened"
    WRONG = "wrong"  # checked, and counted
    WAITING = "waiting"  # refused unchecked and uncounted: the wait after several wrong tries is not over
    CHECKING = "checking"  # refused unchecked and uncounted: another PIN is being checked right now


def pin_problem(pin: object) -> str | None:
    """Why `pin` can't be used as a PIN, or None if it can."""
    if not isinstance(pin, str) or not pin.isascii() or not pin.isdigit() or len(pin) not in PIN_LENGTHS:
        return f"A PIN is {PIN_LENGTHS.start} to {PIN_LENGTHS.stop - 1} digits, using only the numbers 0–9."
    return None


def chosen_pin_problem(pin: object, again: object) -> str | None:
    """Why a PIN being chosen, typed twice, can't be kept, or None if it can."""
    if problem := pin_problem(pin):
        return problem
    return None if again == pin else "The two PINs are different. Please type the same PIN in both fields."


def locked_pin(pin: str, salt: bytes | None = None) -> dict:
    """What is stored for `pin`: a salted scrypt hash and its parameters, never the PIN. ValueError if invalid."""
    problem = pin_problem(pin)
    if problem:
        raise ValueError(problem)
    salt = secrets.token_bytes(_SALT_BYTES) if salt is None else salt
    return {"kind": "scrypt", **SCRYPT, "salt": salt.hex(), "hash": _scrypt(pin, salt, SCRYPT).hex()}


def pin_matches(stored: dict, pin: str) -> bool:
    """Whether `pin` is the PIN `stored` was made from, compared in constant time."""
    if pin_problem(pin):
        return False
    try:
        salt, expected = bytes.fromhex(stored["salt"]), bytes.fromhex(stored["hash"])
        given = _scrypt(pin, salt, stored)
    except (KeyError, TypeError, ValueError, OverflowError, MemoryError):
        return False  # a damaged record matches nothing rather than crashing the lock screen
    return hmac.compare_digest(given, expected)


def wait_after(failures: int) -> timedelta:
    """How long to wait after `failures` wrong tries in a row: nothing for the first few, then doubling to a cap."""
    if failures <= FREE_TRIES:
        return timedelta(0)
    doublings = min(failures - FREE_TRIES - 1, 6)  # 30 s · 2⁶ is already past the cap
    return min(FIRST_WAIT * 2**doublings, LONGEST_WAIT)


def next_try_at(failures: int, last_failure: datetime | None, now: datetime) -> datetime | None:
    """When the next try is allowed, or None if it is allowed now.

    A last failure "in the future" (the clock was set back) counts from now, so the wait never grows past its cap.
    """
    if last_failure is None:
        return None
    ready = min(last_failure, now) + wait_after(failures)
    return ready if ready > now else None


def refusal(record: dict, now: datetime) -> PinTry | None:
    """Why a try must be refused unchecked now (WAITING or CHECKING), or None if it may be checked."""
    started = record.get("checking")
    if started is not None and timedelta(0) <= now - parse_stamp(started) < CHECK_TAKES_AT_MOST:
        return PinTry.CHECKING
    last = record.get("last_failure")
    if next_try_at(record.get("failures", 0), None if last is None else parse_stamp(last), now) is not None:
        return PinTry.WAITING
    return None


def counted_before_checking(record: dict, now: datetime) -> dict:
    """`record` with a try counted as wrong and marked as being checked: written before the slow check, so that
    tries coming at once each see the count of the ones before them, and a crash mid-check leaves it counted."""
    return {**record, "failures": record.get("failures", 0) + 1, "last_failure": stamp(now), "checking": stamp(now)}


def after_checking(record: dict, matched: bool) -> dict:
    """`record` once the check is over: the right PIN clears the count; a wrong one was counted already."""
    done = {**record, "checking": None}
    return {**done, "failures": 0, "last_failure": None} if matched else done


def should_lock(last_active: datetime | None, now: datetime, away_minutes: int = AWAY_MINUTES) -> bool:
    """Whether to ask for the PIN: at start, after `away_minutes` away, or when the clock went backwards."""
    if last_active is None:
        return True
    away = now - last_active
    return not timedelta(0) <= away < timedelta(minutes=away_minutes)


class AppLock:
    """The PIN and the wrong-try count in the store, in file "lock"."""

    def __init__(self, store):
        self._store = store

    def is_on(self) -> bool:
        """Whether a PIN is set."""
        return self._record().get("pin") is not None

    def set_pin(self, pin: str, now: datetime) -> None:
        """Turn the lock on with `pin` (or change it); ValueError with a kind message if it can't be a PIN."""
        self._save({"pin": locked_pin(pin), "failures": 0, "last_failure": None}, now)

    def turn_off(self) -> None:
        """Remove the PIN. Ask for the current PIN (with `try_pin`) before offering this."""
        self._store.remove(LOCK_FILE, _RECORD_ID)

    def next_try_at(self, now: datetime) -> datetime | None:
        """When the person may try a PIN again, or None if they may now."""
        record = self._record()
        last = record.get("last_failure")
        return next_try_at(record.get("failures", 0), None if last is None else parse_stamp(last), now)

    def wrong_tries(self) -> int:
        """How many wrong tries in a row are counted now."""
        return self._record().get("failures", 0)

    def try_pin(self, pin: str, now: datetime) -> PinTry:
        """Check `pin`, one try at a time: the try is counted before the check, which takes about a tenth of a
        second on purpose (run it off the event loop), and a try during the wait or during another check is refused.

        If the device refuses to save the count (a full disk, a read-only folder), the PIN is still checked: only
        someone who can change the files could cause that, and they could delete lock.json as well.
        """
        with self._store.exclusively():
            record = self._record()
            if record.get("pin") is None:
                return PinTry.OPENED
            refused = refusal(record, now)
            if refused is not None:
                return refused
            counted = self._saved(counted_before_checking(record, now), now)
        matched = pin_matches(record["pin"], pin)
        if counted:
            with self._store.exclusively():
                current = self._record()
                if current.get("pin") is not None:  # unless the lock was turned off meanwhile
                    self._saved(after_checking(current, matched), now)
        return PinTry.OPENED if matched else PinTry.WRONG

    def _record(self) -> dict:
        return self._store.get(LOCK_FILE, _RECORD_ID) or {}

    def _saved(self, fields: dict, now: datetime) -> bool:
        try:
            self._save(fields, now)
        except StorageError:
            return False
        return True

    def _save(self, fields: dict, now: datetime) -> None:
        earlier = self._store.get(LOCK_FILE, _RECORD_ID) or {"id": _RECORD_ID}
        self._store.put(LOCK_FILE, with_times({**earlier, **fields}, now))


def _scrypt(pin: str, salt: bytes, params: dict) -> bytes:
    return hashlib.scrypt(pin.encode("ascii"), salt=salt, n=params["n"], r=params["r"], p=params["p"],
                          maxmem=_MAX_MEMORY, dklen=_HASH_BYTES)
