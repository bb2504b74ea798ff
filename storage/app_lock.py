"""The optional app lock: a PIN asked at start and after a few minutes away.

The PIN itself is never stored: only a salted scrypt hash, with the scrypt
parameters beside it so they can be raised later without locking anyone out.
After a few wrong tries each further try waits longer, and the count is saved,
so closing and reopening Tend doesn't skip the wait.

The lock guards the screen on a shared or lost phone; it does not encrypt the
data files.
"""

import hashlib
import hmac
import secrets
from datetime import datetime, timedelta

from storage.records import parse_stamp, stamp, with_times

LOCK_FILE = "lock"
"""The file the lock lives in. It belongs to this device: never exported, imported or restored from a backup."""
PIN_LENGTHS = range(4, 9)
AWAY_MINUTES = 5
FREE_TRIES = 3
FIRST_WAIT = timedelta(seconds=30)
LONGEST_WAIT = timedelta(minutes=15)
SCRYPT = {"n": 2**14, "r": 8, "p": 1}
"""About 90 ms on a small laptop: slow enough to make guessing every PIN from a copied file costly."""
_SALT_BYTES = 16
_HASH_BYTES = 32
_MAX_MEMORY = 64 * 1024 * 1024
_RECORD_ID = "lock"


def pin_problem(pin: object) -> str | None:
    """Why `pin` can't be used as a PIN, or None if it can."""
    if not isinstance(pin, str) or not pin.isascii() or not pin.isdigit() or len(pin) not in PIN_LENGTHS:
        return f"A PIN is {PIN_LENGTHS.start} to {PIN_LENGTHS.stop - 1} digits, using only the numbers 0–9."
    return None


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
        """Remove the PIN. Ask for the current PIN (with `unlocks`) before offering this."""
        self._store.remove(LOCK_FILE, _RECORD_ID)

    def next_try_at(self, now: datetime) -> datetime | None:
        """When the person may try a PIN again, or None if they may now."""
        record = self._record()
        last = record.get("last_failure")
        return next_try_at(record.get("failures", 0), None if last is None else parse_stamp(last), now)

    def unlocks(self, pin: str, now: datetime) -> bool:
        """Whether `pin` opens the app now. A wrong PIN is counted; a try during the wait is refused uncounted."""
        record = self._record()
        if record.get("pin") is None:
            return True
        if self.next_try_at(now) is not None:
            return False
        if pin_matches(record["pin"], pin):
            if record.get("failures"):
                self._save({**record, "failures": 0, "last_failure": None}, now)
            return True
        self._save({**record, "failures": record.get("failures", 0) + 1, "last_failure": stamp(now)}, now)
        return False

    def _record(self) -> dict:
        return self._store.get(LOCK_FILE, _RECORD_ID) or {}

    def _save(self, fields: dict, now: datetime) -> None:
        earlier = self._store.get(LOCK_FILE, _RECORD_ID) or {"id": _RECORD_ID}
        self._store.put(LOCK_FILE, with_times({**earlier, **fields}, now))


def _scrypt(pin: str, salt: bytes, params: dict) -> bytes:
    return hashlib.scrypt(pin.encode("ascii"), salt=salt, n=params["n"], r=params["r"], p=params["p"],
                          maxmem=_MAX_MEMORY, dklen=_HASH_BYTES)
