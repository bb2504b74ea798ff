"""Killing Tend at any moment never costs an acknowledged save, and never leaves a file unreadable.

A writer process saves and removes check-ins; it is killed with SIGKILL at a
random moment, over and over on the same folder. After every kill each file
must load, and every write the writer heard back about must be there. The one
operation in flight at the kill may or may not have landed.
Set TEND_CRASH_KILLS (e.g. 500) for a longer run by hand; use -s to see the figures.
"""

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from storage.persistence import Store
from storage_fixtures import NOW

WRITER = Path(__file__).with_name("crash_writer.py")
MONTHS = ("checkins/2026-09", "checkins/2026-10", "checkins/2026-11")


def run_until_killed(data_dir: Path, log: Path, seed: int, rng: random.Random) -> list[str]:
    """Start the writer, kill it at a random moment once it is writing, and return its log lines."""
    log.write_bytes(b"")
    writer = subprocess.Popen([sys.executable, str(WRITER), str(data_dir), str(log), str(seed)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 20
    while not log.read_bytes().startswith(b"ready") and writer.poll() is None and time.monotonic() < deadline:
        time.sleep(0.002)
    time.sleep(rng.uniform(0, 0.06))
    writer.send_signal(signal.SIGKILL)
    _, errors = writer.communicate()
    assert writer.returncode == -signal.SIGKILL, errors.decode()
    # A kill can cut the log's last line short; that operation had not started (the store is called after it).
    complete = log.read_text().rpartition("\n")[0]
    return complete.split("\n") if complete else []


def acknowledged_and_in_flight(lines: list[str]) -> tuple[list[dict], dict | None]:
    begun, acked = {}, set()
    for line in lines:
        word, _, rest = line.partition(" ")
        if word == "begin":
            op = json.loads(rest)
            begun[op["seq"]] = op
        elif word == "ack":
            acked.add(int(rest))
    in_flight = [op for seq, op in begun.items() if seq not in acked]
    assert len(in_flight) <= 1
    return [begun[seq] for seq in sorted(acked)], (in_flight[0] if in_flight else None)


def applied(state: dict, op: dict) -> dict:
    changed = {name: dict(docs) for name, docs in state.items()}
    if op["op"] == "put":
        changed[op["name"]][op["doc"]["id"]] = op["doc"]
    else:
        changed[op["name"]].pop(op["id"], None)
    return changed


def test_killing_the_writer_never_loses_an_acknowledged_write(tmp_path):
    kills = int(os.environ.get("TEND_CRASH_KILLS", "60"))
    rng, data_dir, log = random.Random(20261123), tmp_path / "data", tmp_path / "log"
    known = {name: {} for name in MONTHS}
    unreadable = lost = landed_unacknowledged = operations = 0
    started = time.monotonic()
    for kill in range(kills):
        acknowledged, in_flight = acknowledged_and_in_flight(run_until_killed(data_dir, log, kill, rng))
        operations += len(acknowledged)
        expected = known
        for op in acknowledged:
            expected = applied(expected, op)
        maybe = applied(expected, in_flight) if in_flight else expected

        for path in data_dir.rglob("*.json"):
            try:
                json.loads(path.read_bytes())
            except ValueError:
                unreadable += 1
        store = Store.open(data_dir, NOW)
        actual = {name: {doc["id"]: doc for doc in store.documents(name)} for name in MONTHS}
        unreadable += len(store.recovery_notes)
        store.close()
        for name in MONTHS:
            for record_id in expected[name].keys() | actual[name].keys():
                found = actual[name].get(record_id)
                if found != expected[name].get(record_id):
                    if found == maybe[name].get(record_id):
                        landed_unacknowledged += 1
                    else:
                        lost += 1
        known = actual

    print(f"\ncrash test: {kills} kills, {operations} acknowledged operations, {unreadable} unreadable files, "
          f"{lost} lost acknowledged writes, {landed_unacknowledged} unacknowledged writes that landed, "
          f"{time.monotonic() - started:.1f} s")
    assert operations > kills  # the kills really came while writing
    assert unreadable == 0
    assert lost == 0


def test_the_log_reader_sees_one_operation_in_flight_at_most():
    begin = 'begin {"seq": %d, "op": "remove", "name": "checkins/2026-09", "id": "x"}'
    done, in_flight = acknowledged_and_in_flight([begin % 3, "ack 3", begin % 4])
    assert [op["seq"] for op in done] == [3] and in_flight["seq"] == 4
