"""A writer for the crash test: saves and removes check-ins, backs up, restores and imports, until it is killed.

Usage: crash_writer.py DATA_DIR LOG SEED FOCUS

FOCUS is "writes" (saves and removals only), or "backup", "restore" or "import": then every other operation or so
is that one, so a kill at a random moment mostly lands inside it. For every operation the writer appends
"begin <json>" to LOG before calling the store and "ack <seq>" after the call returned, so the test knows exactly
which operations were acknowledged when the kill came. An import's records follow from SEED and its seq
(`imported`), so the test can work out what it holds without a huge log line.
"""

import json
import os
import random
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from storage.records import stamp, with_times  # noqa: E402
from storage.store import backups  # noqa: E402
from storage.store.persistence import Store  # noqa: E402
from storage.your_data.imports import import_file  # noqa: E402

MONTHS = ("checkins/2026-09", "checkins/2026-10", "checkins/2026-11")
IMPORT_MONTHS = tuple(f"checkins/{year}-{month:02d}" for year in range(2022, 2027) for month in range(1, 13))[:58]
"""The 58 months of the finding (2022-01 to 2026-10), two of them shared with the saves."""
ALL_MONTHS = tuple(sorted(set(MONTHS) | set(IMPORT_MONTHS)))
IDS_PER_MONTH = 40
IMPORTED_PER_MONTH = 6
IMPORT_FILE = "crash-test-export.json"
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=timezone(timedelta(hours=1)))
FOCUSES = ("writes", "backup", "restore", "import")


def imported(seed: int, seq: int) -> dict[str, list[dict]]:
    """The check-ins import `seq` of run `seed` brings: the same ids every time, each newer than any before."""
    rng = random.Random(f"{seed}-{seq}")
    changed = stamp(NOW + timedelta(seconds=seed * 100_000 + seq))
    return {name: [{"id": f"imp-{name[-7:]}-{number}", "at": f"{name[-7:]}-15T12:00:00+01:00",
                    "mood": rng.randint(1, 5), "note": "i" * rng.choice([0, 50, 800, 2500]), "seed": seed, "seq": seq,
                    "created": stamp(NOW), "updated": changed}
                   for number in range(IMPORTED_PER_MONTH)]
            for name in IMPORT_MONTHS}


def export_of(files: dict[str, list[dict]]) -> bytes:
    return json.dumps({"format": "tend-export", "version": 1, "exported": stamp(NOW), "files": files}).encode()


def main(data_dir: str, log_path: str, seed: str, focus: str) -> None:
    rng, seed = random.Random(int(seed)), int(seed)
    log = os.open(log_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    store = Store.open(Path(data_dir), NOW)
    present = {name: {doc["id"] for doc in store.documents(name)} for name in MONTHS}
    os.write(log, b"ready\n")
    for seq in range(1_000_000):
        op = next_operation(seq, focus, rng, present, Path(data_dir))
        os.write(log, f"begin {json.dumps(op)}\n".encode())
        if op["op"] == "put":
            store.put(op["name"], op["doc"])
            present[op["name"]].add(op["doc"]["id"])
        elif op["op"] == "remove":
            store.remove(op["name"], op["id"])
            present[op["name"]].discard(op["id"])
        elif op["op"] == "backup":
            store.back_up_now(NOW)
        elif op["op"] == "restore":
            store.restore_backup(Path(op["backup"]), NOW)
        else:
            import_file(store, IMPORT_FILE, export_of(imported(seed, seq)), NOW, lambda naive: naive)
        if op["op"] in ("restore", "import"):
            present = {name: {doc["id"] for doc in store.documents(name)} for name in MONTHS}
        os.write(log, f"ack {seq}\n".encode())


def next_operation(seq: int, focus: str, rng: random.Random, present: dict[str, set], data_dir: Path) -> dict:
    if focus != "writes" and rng.random() < 0.5:
        found = backups.list_backups(data_dir)
        if focus == "restore" and found:  # mostly the daily backup: the copy before a restore is rewritten by it
            chosen = rng.choices(found, [1 if info.before_restore else 3 for info in found])[0]
            return {"seq": seq, "op": "restore", "backup": str(chosen.path)}
        return {"seq": seq, "op": "backup" if focus != "import" else "import"}
    name = rng.choice(MONTHS)
    record_id = f"{name[-7:]}-{rng.randrange(IDS_PER_MONTH):02d}"
    if record_id in present[name] and rng.random() < 0.3:
        return {"seq": seq, "op": "remove", "name": name, "id": record_id}
    # insert or update; notes of very different sizes make the file grow and shrink
    note = "n" * rng.choice([0, 10, 200, 2000, 8000])
    doc = with_times({"id": record_id, "mood": rng.randint(1, 5), "seq": seq, "note": note}, NOW)
    return {"seq": seq, "op": "put", "name": name, "doc": doc}


if __name__ == "__main__":
    main(*sys.argv[1:])
