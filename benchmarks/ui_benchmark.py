"""Tend's screens in a real browser against its speed goals. A script that prints figures, not a test.

Run: .venv/bin/python benchmarks/ui_benchmark.py   (needs Chromium: tests/browser_setup.py finds or installs it)

Goals:
1. History's first paint with five years of check-ins (~5,500) takes at most 1.5x the time it takes
   with 10: from the tap on the History tab to the first entry of "All check-ins" being shown.
2. Saving a mood takes at most 1.5x a plain Flet app's tap: from the tap on "Log mood: Okay" to
   the new "Saved: Okay" card and the new entry being shown, against the tap on a plain app's
   "Tap" button to its text "Tapped N" being shown (benchmarks/plain_button_app.py).
   Every save is made on the same kind of day: three check-ins already listed (a morning, an
   afternoon and an evening, saved untimed first), and each timed save is then undone, untimed, so
   the list does not grow with the number of runs. Every timed tap, here and in the plain app, comes
   SETTLE_MS after the last one finished: Flutter repaints for about half a second after a tap (the
   ink ripple), and taps back to back would time that repainting of the tap before.
3. Start-up with five years of check-ins takes at most 1.3x a plain Flet app's: from launching the server
   (`python main.py --web --port N --data-dir D`, against `python benchmarks/plain_button_app.py N`) to the five
   mood buttons (the plain app's "Tap" button) being shown in a fresh browser page. Tend is started on a fresh copy
   of its folder each time, both as the first start of the day (which first zips today's backup) and as a later
   start (today's backup already made). The kinds of launch take turns, in a new order each round.
4. History's cold first paint, the first visit after such a launch, is held to goal 1 too: a five-year folder
   against a 10-check-in one, both at their first start of the day.

How it measures: every server (big store, small store, plain app) runs at once, each in its own
phone-sized page of one headless Chromium, and the runs take turns, so a busy moment of the
machine hits every case alike. The time is taken inside the page: from the `pointerdown` of the
tap to the moment the accessibility tree (the DOM Flutter keeps for screen readers) first shows
the expected control with a non-empty box, noticed by a MutationObserver. That leaves out
Playwright's own round trips; the "wall" column (Python's clock around Playwright's click and
wait) is shown too, as a check. A wrapped WebSocket splits each total into the client handing the
tap over, the server answering, and the client drawing the answer. A launch is timed from Python's clock
before the process starts to the page's clock (performance.timeOrigin, the same system clock) when the
buttons are first in the accessibility tree; each launch gets its own browser context, so nothing of the
web client is cached, as for a browser meeting a new server. The server's CPU time (from /proc) when it
listens and when the buttons show is printed too: on a busy machine it says more than the clock does.

Run with --quick for fewer rounds of everything, to check that the script works; --rounds N for more launches.
"""

import argparse
import json
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))
sys.path.insert(0, str(PROJECT / "tests"))

from browser import (  # noqa: E402
    FLUTTER_PROBES,
    PHONE,
    free_loopback_port,
    go_to,
    launch_chromium,
    open_flet_page,
    open_tend,
    running_server,
    running_tend,
    stop,
)
from page_probes import LAUNCH_PROBE, LAUNCH_TIMING, PROBE, SOCKET_LOG  # noqa: E402
from playwright.sync_api import Browser, Page, expect, sync_playwright  # noqa: E402

from storage.checkins.model import Mood, document_from_check_in, new_check_in  # noqa: E402
from storage.checkins.repository import file_for  # noqa: E402
from storage.store.durable import write_atomically  # noqa: E402
from storage.store.persistence import Store  # noqa: E402

GOAL = 1.5
START_GOAL = 1.3
HISTORY_RUNS = 7
SAVE_RUNS = 30
START_ROUNDS = 5
EARLIER_TODAY = ("Good", "Great", "Good")
SETTLE_MS = 600
"""Pause before each timed tap, so the ripple of the tap before (Flutter paints it for ~0.5 s) has ended."""
BIG_DAYS = 1834  # five years and a bit, three check-ins a day: 5,502 check-ins
SMALL_COUNT = 10
TIMEOUT_MS = 30_000
START_TIMEOUT_S = 60
PLAIN_APP = PROJECT / "benchmarks" / "plain_button_app.py"
MOOD_BUTTONS = [f"Log mood: {mood.word}" for mood in Mood]
EDIT_ENTRY = re.compile("^Edit the check-in of")

# ---------------------------------------------------------------- data


def seed(data_dir: Path, days: list[int], per_day: int, rng: random.Random, now: datetime) -> int:
    """Check-ins on the given days back from today (never today itself), made through the storage layer."""
    by_month: dict[str, list[dict]] = {}
    slots = [(7, 10), (12, 16), (18, 23)][:per_day]
    for days_back in days:
        day = now - timedelta(days=days_back)
        for first_hour, last_hour in slots:
            at = day.replace(hour=rng.randint(first_hour, last_hour - 1), minute=rng.randint(0, 59),
                             second=rng.randint(0, 59), microsecond=0)
            details = {}
            if rng.random() < 0.4:
                details["energy"] = rng.randint(1, 5)
            if rng.random() < 0.25:
                details["tags"] = rng.sample(["calm", "tired", "anxious", "hopeful", "lonely", "grateful"],
                                             rng.randint(1, 3))
            if rng.random() < 0.15:
                details["note"] = rng.choice(["Slept badly.", "Walked by the river with Sam.",
                                              "Hard morning but the afternoon was better."])
            check_in = new_check_in(rng.randint(1, 5), at, at=at, **details)
            by_month.setdefault(file_for(check_in), []).append(document_from_check_in(check_in))
    store = Store.open(data_dir, now)
    try:
        for name, docs in by_month.items():
            store.put_many(name, docs)
    finally:
        store.close()
    return sum(map(len, by_month.values()))


# ---------------------------------------------------------------- servers and pages


@contextmanager
def running_plain_app(work: Path):
    port = free_loopback_port()
    command = [sys.executable, str(PROJECT / "benchmarks" / "plain_button_app.py"), str(port)]
    with running_server(command, port, work / f"plain-app-{port}.log") as url:
        yield url


def open_plain_app(page: Page, url: str) -> None:
    open_flet_page(page, url, page.get_by_role("button", name="Tap"))


TIMING = r"""
() => {
  const {start, end} = window.__bench;
  const during = window.__socketLog.filter(([, at]) => at >= start && at <= end);
  const sent = during.find(([way]) => way === 'out');
  const replies = during.filter(([way, at]) => way === 'in' && (!sent || at >= sent[1]));
  return {start, end, sent: sent ? sent[1] : null, first_reply: replies.length ? replies[0][1] : null,
          last_reply: replies.length ? replies[replies.length - 1][1] : null,
          bytes_in: replies.reduce((total, [, , size]) => total + size, 0)};
}
"""


def timed_tap(page: Page, kind: str, arg, tap: Callable[[], None], wait: Callable[[], None]) -> dict[str, float]:
    """How long from the tap to the condition `kind` holding, in ms, and where the time went."""
    page.bring_to_front()
    page.evaluate("([kind, arg]) => window.__bench.arm(kind, arg)", [kind, arg])
    started = time.perf_counter()
    tap()
    page.wait_for_function("() => window.__bench.end !== null", polling="raf", timeout=TIMEOUT_MS)
    wait()
    wall = (time.perf_counter() - started) * 1000
    t = page.evaluate(TIMING)
    if t["start"] is None or t["sent"] is None or t["first_reply"] is None:
        raise RuntimeError(f"the tap or its reply was not seen: {t}")
    return {"total": t["end"] - t["start"], "wall": wall, "to_server": t["sent"] - t["start"],
            "server": t["last_reply"] - t["sent"], "drawing": t["end"] - t["last_reply"],
            "kb_in": t["bytes_in"] / 1024}


# ---------------------------------------------------------------- the three measurements


def history_paint(page: Page) -> dict[str, float]:
    """From the History tab to the first 'All check-ins' entry; then back to Today, untimed."""
    if page.evaluate("() => window.__bench.holds('history')"):
        raise RuntimeError("an entry is already shown before History opens; the data must have none today")
    entry = page.get_by_role("button", name=EDIT_ENTRY).first
    timing = timed_tap(page, "history", None,
                       lambda: page.get_by_role("tab", name="History", exact=True).click(),
                       lambda: entry.wait_for(state="visible", timeout=TIMEOUT_MS))
    go_to(page, "Today")
    page.wait_for_function("() => !window.__bench.holds('history')", timeout=TIMEOUT_MS)
    return timing


def log_untimed(page: Page, word: str) -> None:
    before = page.evaluate("() => window.__bench.editCount()")
    page.get_by_role("button", name=f"Log mood: {word}").click()
    expect(page.get_by_role("button", name=EDIT_ENTRY)).to_have_count(before + 1, timeout=TIMEOUT_MS)


def undo_untimed(page: Page) -> None:
    before = page.evaluate("() => window.__bench.editCount()")
    page.get_by_role("button", name=re.compile(r"^Undo saving ")).click()
    expect(page.get_by_role("button", name=EDIT_ENTRY)).to_have_count(before - 1, timeout=TIMEOUT_MS)


def save_okay(page: Page) -> dict[str, float]:
    """From 'Log mood: Okay' to a new 'Saved: Okay' card and one more entry in today's list."""
    page.wait_for_timeout(SETTLE_MS)
    before = page.evaluate("() => window.__bench.editCount()")
    entries = page.get_by_role("button", name=EDIT_ENTRY)

    def wait() -> None:
        expect(entries).to_have_count(before + 1, timeout=TIMEOUT_MS)
        # The card's words are the aria-label of its group, not text content, so get_by_text alone misses them.
        saved = re.compile("^Saved: Okay")
        page.get_by_text(saved).or_(page.get_by_label(saved)).first.wait_for(state="visible", timeout=TIMEOUT_MS)

    return timed_tap(page, "saved", ["Okay", before],
                     lambda: page.get_by_role("button", name="Log mood: Okay").click(), wait)


def plain_tap(page: Page, number: int) -> dict[str, float]:
    label = f"Tapped {number}"
    page.wait_for_timeout(SETTLE_MS)
    return timed_tap(page, "tapped", label, lambda: page.get_by_role("button", name="Tap").click(),
                     lambda: page.get_by_text(label, exact=True).wait_for(state="visible", timeout=TIMEOUT_MS))


# ---------------------------------------------------------------- start-up


@dataclass(frozen=True)
class LaunchKind:
    """One way of starting a server: Tend on a copy of `pristine`, or the plain app when it is None."""
    short: str
    label: str
    pristine: Path | None = None

    @property
    def ready(self) -> list[str]:
        """The buttons whose showing means the app is ready for a tap."""
        return ["Tap"] if self.pristine is None else MOOD_BUTTONS


ANNOUNCED = re.compile(r"running at (http://\S+)")
"""The line main.py prints with the address to open (which may carry a token)."""


def wait_until_ready(port: int, server: subprocess.Popen, log_path: Path, announces: bool) -> tuple[float, str]:
    """time.time() when the server first accepts a connection (and, for Tend, has printed its address), and the
    address to open; checked every 10 ms."""
    deadline = time.monotonic() + START_TIMEOUT_S
    address, listening = None if announces else f"http://127.0.0.1:{port}", False
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"The server exited early with code {server.returncode}: see {log_path}")
        if address is None:
            found = ANNOUNCED.search(log_path.read_text(errors="replace"))
            address = found.group(1) if found else None
        if not listening:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    listening = True
            except OSError:
                pass
        if listening and address is not None:
            return time.time(), address
        time.sleep(0.01)
    raise TimeoutError(f"Nothing listened on port {port} within {START_TIMEOUT_S} s")


def cpu_ms(pid: int) -> float:
    """CPU time (user and system) the process has used so far, in ms: unlike the clock, hardly moved by other work
    on the machine. NaN where /proc is not there (not Linux)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


@contextmanager
def launched(command: list[str], port: int, log_path: Path, announces: bool):
    """Starts a server process as running_tend does; yields time.time() of the launch, of its readiness, the
    address to open and the process id; stops the process afterwards."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
    with open(log_path, "w") as log:
        launched_at = time.time()
        server = subprocess.Popen(command, cwd=PROJECT, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            yield (launched_at, *wait_until_ready(port, server, log_path, announces), server.pid)
        finally:
            stop(server)


def one_launch(browser: Browser, kind: LaunchKind, folder: Path) -> dict[str, float]:
    """Launch to the ready buttons in a new browser context, in ms, with where the time went; for Tend, then
    History's cold first paint (`history`, as history_paint gives it), after a person's pause."""
    port = free_loopback_port()
    folder.mkdir()
    if kind.pristine is None:
        command = [sys.executable, str(PLAIN_APP), str(port)]
    else:
        data_dir = Path(shutil.copytree(kind.pristine, folder / "data"))
        command = [sys.executable, "main.py", "--web", "--port", str(port), "--data-dir", str(data_dir)]
    context = browser.new_context(viewport=PHONE)
    try:
        page = context.new_page()
        page.add_init_script(FLUTTER_PROBES)  # what go_to waits on (no frame left to draw)
        page.add_init_script(SOCKET_LOG)
        page.add_init_script(f"({LAUNCH_PROBE})({json.dumps(kind.ready)})")
        announces = kind.pristine is not None
        with launched(command, port, folder / "server.log", announces) as (launched_at, listening_at, address, pid):
            cpu_listening = cpu_ms(pid)
            page.bring_to_front()
            page.goto(address, wait_until="commit")
            page.wait_for_function("() => window.__launch.shown !== null", polling=50,
                                   timeout=START_TIMEOUT_S * 1000)
            cpu = cpu_ms(pid)
            t = page.evaluate(LAUNCH_TIMING)
            if t["first_sent"] is None or t["last_received"] is None:
                raise RuntimeError(f"the page's WebSocket was not seen: {t}")
            launched_ms, listening_ms = launched_at * 1000, listening_at * 1000
            figures = {"total": t["origin"] + t["shown"] - launched_ms, "listening": listening_ms - launched_ms,
                       "client": t["origin"] + t["first_sent"] - listening_ms,
                       "server": t["last_received"] - t["first_sent"], "drawing": t["shown"] - t["last_received"],
                       "kb_in": t["kb_in"], "cpu": cpu, "cpu_listening": cpu_listening}
            if kind.pristine is not None:
                page.evaluate(PROBE)
                page.wait_for_timeout(SETTLE_MS)
                figures["history"] = history_paint(page)
        return figures
    finally:
        context.close()
        shutil.rmtree(folder, ignore_errors=True)


def measure_launches(browser: Browser, kinds: list[LaunchKind], work: Path, rounds: int) -> dict[str, list[dict]]:
    """`rounds` launches of every kind, taking turns in a new order each round, after one untimed launch of each
    (so the first timed one doesn't also pay for cold disk caches)."""
    for kind in kinds:
        one_launch(browser, kind, work / f"warm-up-{kinds.index(kind)}")
    samples: dict[str, list[dict]] = {kind.label: [] for kind in kinds}
    for number in range(rounds):
        order = kinds[number % len(kinds):] + kinds[:number % len(kinds)]
        for kind in order:
            samples[kind.label].append(one_launch(browser, kind, work / f"launch-{number}-{kinds.index(kind)}"))
        print(f"  round {number + 1} of {rounds}: "
              + ", ".join(f"{kind.short} {samples[kind.label][-1]['total']:.0f} ms" for kind in kinds), flush=True)
    return samples


def today_backed_up(pristine: Path, copy: Path, now: datetime) -> Path:
    """A copy of `pristine` that has already made today's backup: what a later start of the day finds."""
    shutil.copytree(pristine, copy)
    store = Store.open(copy, now)
    try:
        if store.back_up_if_due(now) is None:
            raise RuntimeError(f"no backup was made in {copy}")
    finally:
        store.close()
    return copy


# ---------------------------------------------------------------- report

def med(samples: list[dict[str, float]], key: str = "total") -> float:
    return statistics.median(sample[key] for sample in samples)


def row(name: str, samples: list[dict[str, float]]) -> str:
    totals = [sample["total"] for sample in samples]
    figures = [med(samples), min(totals), max(totals), med(samples, "wall"), med(samples, "to_server"),
               med(samples, "server"), med(samples, "drawing")]
    return f"  {name:<32}" + "".join(f"{figure:>8.0f}" for figure in figures) + f"{med(samples, 'kb_in'):>8.1f}" \
        + f"{len(samples):>6}"


def durable_write_floor(folder: Path, runs: int = 15) -> float:
    """Median ms of one atomic, fsynced write of a tiny file: what any durable save costs at least here."""
    target, samples = folder / "floor.json", []
    for _ in range(runs):
        started = time.perf_counter()
        write_atomically(target, b"x" * 200)
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def measure_steady(browser: Browser, big_dir: Path, small_dir: Path, work: Path, history_runs: int,
                   save_runs: int) -> tuple[dict, dict, list, dict]:
    """Warm History paints and saves in one long-running server per store, and the plain app's taps."""
    history: dict[str, list[dict[str, float]]] = {"big": [], "small": []}
    saves: dict[str, list[dict[str, float]]] = {"big": [], "small": []}
    plain: list[dict[str, float]] = []
    listed: dict[str, int] = {}
    with ExitStack() as stack:
        urls = {"big": stack.enter_context(running_tend(big_dir)),
                "small": stack.enter_context(running_tend(small_dir))}
        plain_url = stack.enter_context(running_plain_app(work))
        contexts = {name: browser.new_context(viewport=PHONE) for name in ("big", "small", "plain")}
        for context in contexts.values():
            stack.callback(context.close)
        pages = {name: context.new_page() for name, context in contexts.items()}
        for page in pages.values():
            page.add_init_script(SOCKET_LOG)
        for name, url in urls.items():
            open_tend(pages[name], url)
        open_plain_app(pages["plain"], plain_url)
        for page in pages.values():
            page.evaluate(PROBE)
        print(f"Servers up and pages open; measuring {history_runs} warm History paints and {save_runs} saves "
              "and taps, taking turns.", flush=True)

        for _ in range(history_runs):
            for name in ("big", "small"):
                history[name].append(history_paint(pages[name]))
        for name in ("big", "small"):  # how many entries the first paint of History holds
            go_to(pages[name], "History")
            pages[name].get_by_role("button", name=EDIT_ENTRY).first.wait_for(state="visible")
            listed[name] = pages[name].evaluate("() => window.__bench.editCount()")
            go_to(pages[name], "Today")
        for name in ("big", "small"):
            for word in EARLIER_TODAY:
                log_untimed(pages[name], word)
        for number in range(1, save_runs + 1):
            for name in ("big", "small"):
                saves[name].append(save_okay(pages[name]))
                undo_untimed(pages[name])
            plain.append(plain_tap(pages["plain"], number))
    return history, saves, plain, listed


def launch_row(name: str, samples: list[dict[str, float]]) -> str:
    totals = [sample["total"] for sample in samples]
    figures = [med(samples), min(totals), max(totals), med(samples, "listening"), med(samples, "client"),
               med(samples, "server"), med(samples, "drawing"), med(samples, "cpu_listening"), med(samples, "cpu")]
    return f"  {name:<44}" + "".join(f"{figure:>8.0f}" for figure in figures) + f"{med(samples, 'kb_in'):>8.1f}" \
        + f"{len(samples):>6}"


def judged(name: str, ratio: float, goal: float) -> str:
    return f"  {name:<48}{ratio:5.2f}x   goal <= {goal}x   {'PASS' if ratio <= goal else 'MISS'}"


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true",
                        help="2 launch rounds, 3 History paints and 5 saves: to check that the script works")
    parser.add_argument("--rounds", type=int, help=f"launch rounds (default {START_ROUNDS}); more on a busy machine")
    return parser.parse_args(argv)


def main(argv: list[str]) -> None:
    args = parse_arguments(argv)
    start_rounds, history_runs, save_runs = (2, 3, 5) if args.quick else (START_ROUNDS, HISTORY_RUNS, SAVE_RUNS)
    start_rounds = args.rounds or start_rounds
    began = time.perf_counter()
    work = Path(tempfile.mkdtemp(prefix="tend-ui-bench-"))
    now = datetime.now().astimezone()
    rng = random.Random(20261123)
    try:
        big_dir, small_dir = work / "big" / "data", work / "small" / "data"
        for folder in (big_dir, small_dir):
            folder.parent.mkdir()
        seeding = time.perf_counter()
        big_count = seed(big_dir, list(range(1, BIG_DAYS + 1)), 3, rng, now)
        small_count = seed(small_dir, [1, 2, 3], 3, rng, now) + seed(small_dir, [4], 1, rng, now)
        big_later = today_backed_up(big_dir, work / "big-later", now)
        print(f"Seeded {big_count:,} check-ins over {BIG_DAYS} days and {small_count} over 4 days "
              f"in {time.perf_counter() - seeding:.1f} s (none today, so Today starts with no entries).")
        kinds = [LaunchKind("plain", "Plain Flet app (plain_button_app.py)"),
                 LaunchKind("big first", f"Tend, {big_count:,} check-ins, first start of day", big_dir),
                 LaunchKind("big later", f"Tend, {big_count:,} check-ins, later start", big_later),
                 LaunchKind("small first", f"Tend, {small_count} check-ins, first start of day", small_dir)]

        with ExitStack() as stack:
            playwright = stack.enter_context(sync_playwright())
            browser = launch_chromium(playwright)
            stack.callback(browser.close)
            print(f"Launching each server {start_rounds} times (after one untimed launch each), taking turns:",
                  flush=True)
            launches = measure_launches(browser, kinds, work, start_rounds)
            history, saves, plain, listed = measure_steady(browser, big_dir, small_dir, work, history_runs,
                                                           save_runs)
        floor = durable_write_floor(work)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    plain_start, big_first, big_later_start, small_first = (launches[kind.label] for kind in kinds)
    cold = {kind.short: [sample["history"] for sample in launches[kind.label]] for kind in kinds[1:]}

    print()
    print("  Start-up, ms (median unless said): from launching the server process to the ready buttons (Tend's "
          "five moods, the plain app's Tap) in the accessibility tree of a new browser context")
    print(f"  {'':<44}" + "".join(f"{head:>8}" for head in
                                  ("total", "min", "max", "listen", "client", "server", "drawing", "CPU lis",
                                   "CPU rdy", "KB in", "runs")))
    for kind in kinds:
        print(launch_row(kind.label, launches[kind.label]))
    print("  listen = launch to the port accepting connections and Tend's address printed (Python start, imports,")
    print("  opening the store, the backup);")
    print("  client = from then to the page's first WebSocket message (loading and starting Flutter's web client);")
    print("  server = to the last message before the buttons showed; drawing = from it to the buttons showing;")
    print("  CPU lis, CPU rdy = CPU time (user + system) the server process had used when it listened and when the")
    print("  buttons showed: unlike the clock, hardly moved by other work on the machine.")
    print()
    print("  History's cold first paint: History tab -> first entry, the first visit after each launch above, "
          f"{SETTLE_MS / 1000} s after the buttons showed; columns as for the warm paints below")
    print(f"  {'':<32}" + "".join(f"{head:>8}" for head in
                                   ("total", "min", "max", "wall", "tap>ws", "server", "drawing", "KB in", "runs")))
    for kind in kinds[1:]:
        print(row(kind.label.removeprefix("Tend, ").removesuffix(" of day"), cold[kind.short]))
    print()
    print("  Warm, ms (median unless said); total = in the page, from pointerdown to the control in the "
          "accessibility tree")
    print(f"  {'':<32}" + "".join(f"{head:>8}" for head in
                                   ("total", "min", "max", "wall", "tap>ws", "server", "drawing", "KB in", "runs")))
    print("  History tab -> first entry (a server that has shown History before)")
    print(row(f"  {big_count:,} check-ins", history["big"]))
    print(row(f"  {small_count} check-ins", history["small"]))
    print("  Log mood: Okay -> Saved: Okay")
    print(row(f"  into {big_count:,} check-ins", saves["big"]))
    print(row(f"  into {small_count} check-ins", saves["small"]))
    print(row("Plain Flet: Tap -> Tapped N", plain))
    print()
    print("  wall = Python's clock around Playwright's click and wait (adds Playwright's round trips and polling);")
    print("  tap>ws = pointerdown to the event leaving on the WebSocket; server = to the server's last reply;")
    print("  drawing = from that reply to the control showing; KB in = WebSocket bytes received.")
    print(f"  Entries in History's first paint: big {listed['big']}, small {listed['small']}.")
    print(f"  Floor of a durable save here (atomic fsynced write of a 200-byte file): {floor:.1f} ms.")
    print()
    print(judged("Start-up, big, first start of day / plain Flet", med(big_first) / med(plain_start), START_GOAL))
    print(judged("Start-up, big, later start / plain Flet", med(big_later_start) / med(plain_start), START_GOAL))
    print(f"  (start-up, small, first start of day / plain Flet  {med(small_first) / med(plain_start):5.2f}x, "
          "for comparison)")
    cpu_first, cpu_later = (med(samples, "cpu") / med(plain_start, "cpu") for samples in (big_first, big_later_start))
    print(f"  (server CPU to the buttons / plain Flet's: big, first start of day {cpu_first:5.2f}x, later start "
          f"{cpu_later:5.2f}x)")
    cold_ratio = med(cold["big first"]) / med(cold["small first"])
    print(judged("History cold first paint, big / small", cold_ratio, GOAL))
    print(judged("History warm first paint, big / small", med(history["big"]) / med(history["small"]), GOAL))
    print(judged("Saving, big store / plain Flet", med(saves["big"]) / med(plain), GOAL))
    print(f"  (saving, small store / plain Flet              {med(saves['small']) / med(plain):5.2f}x, "
          "for comparison)")
    print(f"\nTotal time {time.perf_counter() - began:.0f} s.")


if __name__ == "__main__":
    main(sys.argv[1:])
