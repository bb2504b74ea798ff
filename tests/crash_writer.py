"""A writer for the crash test: saves and removes check-ins until it is killed.

Usage: crash_writer.py DATA_DIR LOG SEED

For every operation it appends "begin <json>" to LOG before calling the store
and "ack <seq>" after the call returned, so the test knows exactly which
writes were acknowledged when the kill came.
"""

import json
import os
import random
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from storage.persistence import Store  # noqa: E402
from storage.records import with_times  # noqa: E402

MONTHS = ("checkins/2026-09", "checkins/2026-10", "checkins/2026-11")
IDS_PER_MONTH = 40
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=timezone(timedelta(hours=1)))


def main(data_dir: str, log_path: str, seed: str) -> None:
    rng = random.Random(int(seed))
    log = os.open(log_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    store = Store.open(Path(data_dir), NOW)
    present = {name: {doc["id"] for doc in store.documents(name)} for name in MONTHS}
    os.write(log, b"ready\n")
    for seq in range(1_000_000):
        name = rng.choice(MONTHS)
        record_id = f"{name[-7:]}-{rng.randrange(IDS_PER_MONTH):02d}"
        if record_id in present[name] and rng.random() < 0.3:
            op = {"seq": seq, "op": "remove", "name": name, "id": record_id}
        else:  # insert or update; notes of very different sizes make the file grow and shrink
            note = "n" * rng.choice([0, 10, 200, 2000, 8000])
            doc = with_times({"id": record_id, "mood": rng.randint(1, 5), "seq": seq, "note": note}, NOW)
            op = {"seq": seq, "op": "put", "name": name, "doc": doc}
        os.write(log, f"begin {json.dumps(op)}\n".encode())
        if op["op"] == "put":
            store.put(name, op["doc"])
            present[name].add(record_id)
        else:
            store.remove(name, record_id)
            present[name].discard(record_id)
        os.write(log, f"ack {seq}\n".encode())


if __name__ == "__main__":
    main(*sys.argv[1:])
