"""Killing Tend at any moment never costs an acknowledged save, never leaves a file unreadable, and never leaves
half a restore or half an import.

A writer process saves and removes check-ins, backs up, restores backups and imports 58 months of check-ins; it is
killed with SIGKILL at a random moment, over and over on the same folder, each round aimed at one kind of operation
(see crash_writer.FOCUSES). After every kill each file must load, every write the writer heard back about must be
there, and every backup must hold what it was made from. The one operation in flight at the kill may or may not have
landed, but a restore or an import must be wholly there or wholly absent, and when Tend tells what became of one it
must be true. Set TEND_CRASH_KILLS (e.g. 500) for a longer run by hand; use -s to see the figures.
"""

import json
import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from crash_writer import ALL_MONTHS, FOCUSES, imported
from storage_fixtures import NOW

from storage.store import backups, intents
from storage.store.persistence import Store

WRITER = Path(__file__).with_name("crash_writer.py")
KILL_WITHIN = {"writes": 0.06, "backup": 0.1, "restore": 1.0, "import": 1.5}
"""Seconds after the writer is ready within which the kill comes: about the time a few of its operations take here
(a backup ~10 ms; a restore 0.15-0.8 s and an import 0.4-0.8 s, most of it rewriting 59 month files)."""
NEVER = ("unreadable files", "lost acknowledged writes", "half-done", "untrue notes", "intents left behind",
         "backups not holding what they were made from")
"""What no kill may ever leave, whatever it hit."""
TOLD_OUTCOME = {"it finished the restore now": "complete", "nothing was changed": "absent",
                "it finished the import now": "complete", "nothing was imported": "absent"}


def run_until_killed(data_dir: Path, log: Path, seed: int, focus: str, rng: random.Random) -> list[str]:
    """Start the writer, kill it at a random moment once it is writing, and return its log lines."""
    log.write_bytes(b"")
    writer = subprocess.Popen([sys.executable, str(WRITER), str(data_dir), str(log), str(seed), focus],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 20
    while not log.read_bytes().startswith(b"ready") and writer.poll() is None and time.monotonic() < deadline:
        time.sleep(0.002)
    time.sleep(rng.uniform(0, KILL_WITHIN[focus]))
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


class Model:
    """What the folder must hold: the check-ins of every month, and what each backup (by path) was made from."""

    def __init__(self, data_dir: Path):
        self.data_dir = data_dir
        self.months = {name: {} for name in ALL_MONTHS}
        self.backups: dict[str, dict] = {}

    def after(self, op: dict, seed: int) -> "Model":
        """The model once `op` has landed."""
        changed = Model(self.data_dir)
        changed.months = {name: dict(docs) for name, docs in self.months.items()}
        changed.backups = dict(self.backups)
        if op["op"] == "put":
            changed.months[op["name"]][op["doc"]["id"]] = op["doc"]
        elif op["op"] == "remove":
            changed.months[op["name"]].pop(op["id"], None)
        elif op["op"] == "backup":
            changed.backups[self._named("")] = filled(self.months)
        elif op["op"] == "restore":
            changed.months = filled(self.backups[op["backup"]])
            changed.backups[self._named("-before-restore-090000")] = filled(self.months)
        else:  # every record an import brings is newer than any stored before (see crash_writer.imported)
            changed.backups[self._named("")] = filled(self.months)
            for name, records in imported(seed, op["seq"]).items():
                changed.months[name].update({doc["id"]: doc for doc in records})
        return changed

    def _named(self, kind: str) -> str:
        """The path of the writer's backup of `kind` (its clock stands still, so there is one of each)."""
        return str(backups.backups_folder(self.data_dir) / f"tend-{NOW.date().isoformat()}{kind}.zip")


def months_in_backup(path: str) -> dict | None:
    """Every month's check-ins as the backup at `path` holds them; None if there is none (a kill came first)."""
    if not Path(path).exists():
        return None
    files = backups.backup_contents(Path(path))
    return filled({name: json.loads(files[f"{name}.json"])["records"] for name in ALL_MONTHS
                   if f"{name}.json" in files})


def filled(months: dict) -> dict:
    return {name: dict(months.get(name, {})) for name in ALL_MONTHS}


def test_killing_the_writer_never_loses_an_acknowledged_write_nor_leaves_half_an_operation(tmp_path):
    kills = int(os.environ.get("TEND_CRASH_KILLS", "60"))
    rng, data_dir, log = random.Random(20261123), tmp_path / "data", tmp_path / "log"
    model = Model(data_dir)
    counts = Counter(dict.fromkeys(NEVER, 0))
    started = time.monotonic()
    for kill in range(kills):
        focus = FOCUSES[kill % len(FOCUSES)]
        acknowledged, in_flight = acknowledged_and_in_flight(run_until_killed(data_dir, log, kill, focus, rng))
        counts["operations"] += len(acknowledged)
        counts.update(f"acknowledged {op['op']}" for op in acknowledged)
        for op in acknowledged:
            model = model.after(op, kill)
        maybe = model.after(in_flight, kill) if in_flight else model

        for path in data_dir.rglob("*.json"):
            try:
                json.loads(path.read_bytes())
            except ValueError:
                counts["unreadable files"] += 1
        store = Store.open(data_dir, NOW)
        actual = {name: {doc["id"]: doc for doc in store.documents(name)} for name in ALL_MONTHS}
        told = [note for note in store.recovery_notes if note.startswith(intents.CUT_SHORT)]
        counts["unreadable files"] += len(store.recovery_notes) - len(told)
        store.close()
        counts["intents left behind"] += intents.path_in(data_dir).exists()

        outcome = judged(model.months, maybe.months, actual, counts)
        if in_flight:
            counts[f"{outcome} {in_flight['op']}"] += 1
        check_told(told, in_flight, {"absent": model.months, "complete": maybe.months}, actual, counts)
        model.months = actual
        for path in model.backups.keys() | maybe.backups.keys():
            found = months_in_backup(path)
            if found not in (model.backups.get(path), maybe.backups.get(path)):
                counts["backups not holding what they were made from"] += 1
            model.backups[path] = found

    print(f"\ncrash test: {kills} kills ({time.monotonic() - started:.1f} s): "
          + ", ".join(f"{count} {what}" for what, count in sorted(counts.items())))
    assert counts["operations"] > kills  # the kills really came while writing
    assert {bad: counts[bad] for bad in NEVER} == dict.fromkeys(NEVER, 0)


def judged(expected: dict, maybe: dict, actual: dict, counts: Counter) -> str:
    """Whether the operation in flight is 'complete' or 'absent'; a record that is neither is lost, and a mix of
    records from before and after it is half-done."""
    lost = sum(1 for name in ALL_MONTHS for record_id in expected[name].keys() | actual[name].keys()
               if actual[name].get(record_id) not in (expected[name].get(record_id), maybe[name].get(record_id)))
    counts["lost acknowledged writes"] += lost
    if actual == expected:
        return "absent"
    if actual == maybe:
        counts["unacknowledged operations that landed"] += 1
        return "complete"
    if lost:
        return "broken"
    counts["half-done"] += 1
    return "half-done"


def check_told(told: list[str], in_flight: dict | None, outcomes: dict[str, dict], actual: dict,
               counts: Counter) -> None:
    """A note about an operation cut short is only given for the one in flight, and says what really became of it
    (`outcomes`: the data if it is absent, and if it is complete)."""
    if not told:
        return
    said = [what for phrase, what in TOLD_OUTCOME.items() if phrase in told[0]]
    kind = {"restore": "restoring", "import": "importing"}.get(in_flight["op"] if in_flight else None)
    if len(told) > 1 or kind is None or kind not in told[0] or len(said) != 1 or outcomes[said[0]] != actual:
        counts["untrue notes"] += 1
    else:
        counts[f"told {in_flight['op']} {said[0]}"] += 1


def test_the_log_reader_sees_one_operation_in_flight_at_most():
    begin = 'begin {"seq": %d, "op": "remove", "name": "checkins/2026-09", "id": "x"}'
    done, in_flight = acknowledged_and_in_flight([begin % 3, "ack 3", begin % 4])
    assert [op["seq"] for op in done] == [3] and in_flight["seq"] == 4
