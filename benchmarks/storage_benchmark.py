"""Storage speed and memory against Tend's goals. A script that prints figures, not a test.

Run: .venv/bin/python benchmarks/storage_benchmark.py

Goals: saving one check-in into a store with 50 k check-ins costs at most 5x the
floor (one durable write of a tiny file) and at most 1.5x saving into a store
with 1 k; opening a store with 50 k costs at most 2x opening one with 1 k.
"""

import random
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from storage.durable import write_atomically  # noqa: E402
from storage.persistence import Store  # noqa: E402
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


def floor_ms(folder: Path, runs: int = 300) -> float:
    target, data, samples = folder / "floor.json", b"x" * 200, []
    for _ in range(runs):
        start = time.perf_counter()
        write_atomically(target, data)
        samples.append(time.perf_counter() - start)
    return median_ms(samples)


def save_ms(data_dir: Path, runs: int = 200) -> float:
    """Median time to save one new check-in; each is removed again (untimed) so the month stays its size."""
    store, rng, samples = Store.open(data_dir, NOW), random.Random(1), []
    for _ in range(runs):
        entry = check_in(NOW, rng)
        start = time.perf_counter()
        store.put(month_of(NOW), entry)
        samples.append(time.perf_counter() - start)
        store.remove(month_of(NOW), entry["id"])
    store.close()
    return median_ms(samples)


def open_ms(data_dir: Path, runs: int = 30) -> float:
    """Median time for what the app does at start: open, read settings, list this month's check-ins."""
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        store = Store.open(data_dir, NOW)
        load_settings(store)
        store.documents(month_of(NOW))
        samples.append(time.perf_counter() - start)
        store.close()
    return median_ms(samples)


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
        floor = floor_ms(root)
        print(f"floor: durable atomic write of a 200-byte file: {floor:.3f} ms (median)")
        saves, opens, peaks = {}, {}, {}
        for count in (1_000, 10_000, 50_000):
            data_dir = root / f"store-{count}"
            start = time.perf_counter()
            seeded_store(data_dir, count)
            seeded = time.perf_counter() - start
            files = len(list((data_dir / "checkins").glob("*.json")))
            saves[count], opens[count], peaks[count] = save_ms(data_dir), open_ms(data_dir), open_peak_kib(data_dir)
            print(f"{count:>6} check-ins ({files} month files, seeded in {seeded:.1f} s): "
                  f"save {saves[count]:.3f} ms, open {opens[count]:.3f} ms, open peak {peaks[count]:.0f} KiB")
        print(f"saving at 50 k vs floor:     {verdict(saves[50_000] / floor, 5)}")
        print(f"saving at 50 k vs at 1 k:    {verdict(saves[50_000] / saves[1_000], 1.5)}")
        print(f"opening 50 k vs opening 1 k: {verdict(opens[50_000] / opens[1_000], 2)}")
        print(f"process peak RSS (ru_maxrss): {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.1f} MiB")


if __name__ == "__main__":
    main()
