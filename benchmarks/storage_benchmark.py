"""Storage speed and memory against Tend's goals. A script that prints figures, not a test.

Run: .venv/bin/python benchmarks/storage_benchmark.py

Goals: saving one check-in into a store with 50 k check-ins costs at most 5x the
floor (one durable write of a tiny file) and at most 1.5x saving into a store
with 1 k; opening a store with 50 k costs at most 2x opening one with 1 k.
"""

import random
import resource
import shutil
import statistics
import sys
import tempfile
import time
import tracemalloc
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from storage.durable import write_atomically  # noqa: E402
from storage import journal  # noqa: E402
from storage.persistence import CHECKPOINT_BYTES, Store  # noqa: E402
from storage.records import new_id, stamp  # noqa: E402
from storage.settings import load_settings, save_settings, Settings  # noqa: E402

NOW = datetime(2026, 11, 23, 21, 40, 0).astimezone()
PER_DAY = 5
TAGS = ["calm", "tired", "anxious", "hopeful", "lonely", "grateful", "restless", "okay"]
NOTES = ["", "", "Slept badly.", "Walked by the river with Sam.", "Hard morning but the afternoon was better.",
         "Called my sister, felt lighter afterwards. Remember to thank her."]


def month_of(moment: datetime) -> str:
    return f"checkins/{moment:%Y-%m}"


def check_in(moment: datetime, rng: random.Random) -> dict:
    """A realistic check-in of about 250 bytes."""
    return {"id": new_id(), "created": stamp(moment), "updated": stamp(moment), "at": stamp(moment),
            "mood": rng.randint(1, 5), "energy": rng.choice([None, 1, 2, 3, 4, 5]),
            "tags": rng.sample(TAGS, rng.randint(0, 3)), "note": rng.choice(NOTES)}


def seeded_store(data_dir: Path, count: int) -> None:
    """`count` check-ins, five a day going back from NOW, written a month file at a time."""
    rng = random.Random(count)
    by_month: dict[str, list[dict]] = {}
    for number in range(count):
        moment = NOW - timedelta(days=number // PER_DAY, hours=rng.randint(0, 12), minutes=rng.randint(0, 59))
        by_month.setdefault(month_of(moment), []).append(check_in(moment, rng))
    store = Store.open(data_dir, NOW)
    save_settings(store, Settings(theme="dark"), NOW)
    for name, docs in by_month.items():
        store.put_many(name, docs)
    store.close()


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def one_save(store: Store, rng: random.Random) -> float:
    """Time saving one new check-in; it is removed again (untimed) so the month keeps its size."""
    entry = check_in(NOW, rng)
    start = time.perf_counter()
    store.put(month_of(NOW), entry)
    elapsed = time.perf_counter() - start
    store.remove(month_of(NOW), entry["id"])
    return elapsed


def one_open(data_dir: Path) -> float:
    """Time what the app does at start: open, read settings, list this month's check-ins."""
    start = time.perf_counter()
    store = Store.open(data_dir, NOW)
    load_settings(store)
    store.documents(month_of(NOW))
    elapsed = time.perf_counter() - start
    store.close()
    return elapsed


def interleaved_ms(stores: dict[int, Path], floor_file: Path,
                   rounds: int = 200) -> tuple[float, dict[int, float], dict[int, float]]:
    """Median floor, save and open times per store size, measured in turns so a busy machine hurts all alike.

    Saves go to a store that stays open, as in the app; opens are timed on a copy of the folder, since a store
    opened beside a live one would find that one's journal and apply it, which is the cost of a start after a kill.
    """
    opened = {count: Store.open(data_dir, NOW) for count, data_dir in stores.items()}
    copies = {count: shutil.copytree(data_dir, data_dir.with_name(data_dir.name + "-copy"))
              for count, data_dir in stores.items()}
    rng = random.Random(1)
    saves = {count: [] for count in stores}
    opens = {count: [] for count in stores}
    floor = []
    for _ in range(rounds):
        start = time.perf_counter()
        write_atomically(floor_file, b"x" * 200)
        floor.append(time.perf_counter() - start)
        for count in stores:
            saves[count].append(one_save(opened[count], rng))
            opens[count].append(one_open(copies[count]))
    for store in opened.values():
        store.close()
    return (median_ms(floor), {count: median_ms(samples) for count, samples in saves.items()},
            {count: median_ms(samples) for count, samples in opens.items()})


def open_after_a_kill_ms(data_dir: Path) -> tuple[int, float]:
    """A start after a kill, with the journal as full as it gets (just short of a checkpoint): how many changes it
    held, and the ms to open the store, apply them and write the files."""
    killed, rng, changes = Store.open(data_dir, NOW), random.Random(2), 0
    path = journal.path_in(data_dir)
    while not path.exists() or path.stat().st_size < CHECKPOINT_BYTES - 1024:
        killed.put(month_of(NOW), check_in(NOW, rng))
        changes += 1
    start = time.perf_counter()  # `killed` is never closed, as if the app had died here
    Store.open(data_dir, NOW).close()
    return changes, (time.perf_counter() - start) * 1000


def open_peak_kib(data_dir: Path) -> float:
    tracemalloc.start()
    store = Store.open(data_dir, NOW)
    load_settings(store)
    store.documents(month_of(NOW))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    store.close()
    return peak / 1024


def verdict(ratio: float, goal: float) -> str:
    return f"{ratio:5.2f}x (goal <= {goal}x) {'PASS' if ratio <= goal else 'MISS'}"


def main() -> None:
    with tempfile.TemporaryDirectory() as temp:
        root = Path(temp)
        stores = {}
        for count in (1_000, 10_000, 50_000):
            stores[count] = root / f"store-{count}"
            start = time.perf_counter()
            seeded_store(stores[count], count)
            files = len(list((stores[count] / "checkins").glob("*.json")))
            print(f"seeded {count:>6} check-ins into {files} month files in {time.perf_counter() - start:.1f} s")
        floor, saves, opens = interleaved_ms(stores, root / "floor.json")
        print(f"floor: durable atomic write of a 200-byte file: {floor:.3f} ms (median)")
        for count, data_dir in stores.items():
            print(f"{count:>6} check-ins: save {saves[count]:.3f} ms, open {opens[count]:.3f} ms, "
                  f"open peak {open_peak_kib(data_dir):.0f} KiB (tracemalloc)")
        print(f"saving at 50 k vs floor:     {verdict(saves[50_000] / floor, 5)}")
        print(f"saving at 50 k vs at 1 k:    {verdict(saves[50_000] / saves[1_000], 1.5)}")
        print(f"opening 50 k vs opening 1 k: {verdict(opens[50_000] / opens[1_000], 2)}")
        changes, replay = open_after_a_kill_ms(stores[50_000])
        print(f"start after a kill, the journal holding {changes} changes: {replay:.1f} ms")
        print(f"process peak RSS (ru_maxrss): {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.1f} MiB")


if __name__ == "__main__":
    main()
