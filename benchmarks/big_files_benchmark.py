"""Big files against Tend's limits. A script that prints figures, not a test.

Run: .venv/bin/python benchmarks/big_files_benchmark.py [--quick]

- A contacts file of 60,000 small cards (4.3 MB, under the 5 MB limit): reading and checking the first 5,000 (what
  Tend does) against reading all of them (what it did), time and peak memory (tracemalloc, timed apart from it).
- Tend's own export of 20,000 and 200,000 check-ins (five a day, as the storage benchmark makes them): its size
  against the import limit, the export and the import times, peak memory, and the longest the event loop waited
  while the import ran in a worker thread (what a tap waits for meanwhile). --quick leaves out 200,000.
"""

import asyncio
import random
import sys
import time
import tracemalloc
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from storage_benchmark import NOW, PER_DAY, check_in, month_of  # noqa: E402

from storage.people.vcard import MAX_VCARD_BYTES  # noqa: E402
from storage.store.persistence import Store  # noqa: E402
from storage.your_data.exchange import SIZE_LIMIT, export_text  # noqa: E402
from storage.your_data.imports import import_file  # noqa: E402
from views.people.contacts_import import candidates_from  # noqa: E402

CARDS = 60_000
MIB = 2**20


def contacts_file(count: int) -> bytes:
    return "".join(f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person {number}\r\nTEL:+44 7700 9{number:05d}\r\nEND:VCARD\r\n"
                   for number in range(count)).encode()


def timed(work) -> tuple[float, object]:
    start = time.perf_counter()
    result = work()
    return time.perf_counter() - start, result


def peak_mib(work) -> float:
    tracemalloc.start()
    try:
        work()
        return tracemalloc.get_traced_memory()[1] / MIB
    finally:
        tracemalloc.stop()


def filled_store(count: int) -> Store:
    rng = random.Random(count)
    by_month: dict[str, list[dict]] = {}
    for number in range(count):
        moment = NOW - timedelta(days=number // PER_DAY, hours=rng.randint(0, 12), minutes=rng.randint(0, 59))
        by_month.setdefault(month_of(moment), []).append(check_in(moment, rng))
    store = Store.open(None, NOW)
    for name, docs in by_month.items():
        store.put_many(name, docs)
    return store


async def longest_wait_while(work) -> tuple[float, float, object]:
    """(seconds `work` took in a worker thread, the longest a 10 ms timer on the loop was late meanwhile, what
    `work` returned)."""
    latest, running = [0.0], [True]

    async def tick() -> None:
        while running[0]:
            start = time.perf_counter()
            await asyncio.sleep(0.01)
            latest[0] = max(latest[0], time.perf_counter() - start - 0.01)

    ticker = asyncio.create_task(tick())
    start = time.perf_counter()
    result = await asyncio.to_thread(work)
    took = time.perf_counter() - start
    running[0] = False
    await ticker
    return took, latest[0], result


def contacts_figures() -> None:
    data = contacts_file(CARDS)
    now = datetime(2026, 11, 23, tzinfo=timezone.utc)
    print(f"Contacts file: {CARDS:,} cards, {len(data) / MIB:.2f} MiB (limit {MAX_VCARD_BYTES / MIB:.0f} MiB)")
    for label, cards in (("first 5,000 (now)", None), (f"all {CARDS:,} (before)", CARDS)):
        def read():
            return candidates_from(data, now) if cards is None else candidates_from(data, now, max_cards=cards)
        seconds, found = timed(read)
        print(f"  read and check {label:22} {seconds:5.2f} s, peak {peak_mib(read):5.1f} MiB, "
              f"{len(found.people):,} people, {found.not_read:,} not read")


def export_figures(count: int) -> None:
    store = filled_store(count)
    export_seconds, text = timed(lambda: export_text(store, NOW))
    data = text.encode("utf-8")
    del text
    print(f"Tend export of {count:,} check-ins: {len(data) / MIB:.1f} MiB ({len(data) / count:.0f} bytes each), "
          f"{len(data) / SIZE_LIMIT:.0%} of the {SIZE_LIMIT // MIB} MiB limit; export {export_seconds:.1f} s")

    def import_into_empty():
        return import_file(Store.open(None, NOW), "export.json", data, NOW, lambda naive: naive)

    took, longest, report = asyncio.run(longest_wait_while(import_into_empty))
    print(f"  import into an empty Tend {took:.1f} s ({report.added:,} added), the event loop waited at most "
          f"{longest * 1000:.0f} ms; peak {peak_mib(import_into_empty):.0f} MiB")


def main() -> None:
    contacts_figures()
    for count in (20_000,) if "--quick" in sys.argv else (20_000, 200_000):
        export_figures(count)


if __name__ == "__main__":
    main()
