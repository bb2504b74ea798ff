"""Drives the real Tend web app in Chromium: starting the server, switching on Flutter's accessibility tree, and
finding controls by their spoken names."""

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
import zlib
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from browser_setup import NO_CHROMIUM, find_chromium
from playwright.sync_api import Browser, Locator, Page, Playwright, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from storage import prompts
from storage.people.model import new_person
from storage.people.repository import PeopleRepository
from storage.settings import Settings, save_settings
from storage.store.persistence import Store

PROJECT = Path(__file__).resolve().parent.parent
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
POINTER_QUIET_MS = 600
"""How long after the last pointer event Flutter's web engine takes clicks on accessibility nodes again (its
timer is 500 ms)."""
# What Flutter's web engine is doing, told to the tests, which otherwise see only the accessibility tree: whether it
# has a frame to draw (an animation running, a change not yet painted), on which text field it listens for typing,
# when a pointer last moved, and how many files it is still fetching.
FLUTTER_PROBES = r"""
(() => {
  if (window.__tend) return;
  const probes = window.__tend = {framesDue: new Set(), listening: new WeakSet()};
  const request = window.requestAnimationFrame.bind(window), cancel = window.cancelAnimationFrame.bind(window);
  window.requestAnimationFrame = callback => {
    const id = request(time => { probes.framesDue.delete(id); callback(time); });
    probes.framesDue.add(id);
    return id;
  };
  window.cancelAnimationFrame = id => { probes.framesDue.delete(id); cancel(id); };
  const listen = EventTarget.prototype.addEventListener, unlisten = EventTarget.prototype.removeEventListener;
  const isField = node => node instanceof HTMLInputElement || node instanceof HTMLTextAreaElement;
  EventTarget.prototype.addEventListener = function (type, ...rest) {
    if (type === 'input' && isField(this)) probes.listening.add(this);
    return listen.call(this, type, ...rest);
  };
  EventTarget.prototype.removeEventListener = function (type, ...rest) {
    if (type === 'input' && isField(this)) probes.listening.delete(this);
    return unlisten.call(this, type, ...rest);
  };
  // When a pointer last moved or pressed: for half a second after, Flutter's web engine takes a click on an
  // accessibility node for one the pointer already made and drops it (EngineSemantics.shouldAcceptBrowserGesture).
  probes.pointerAt = -Infinity;
  for (const type of ['pointerdown', 'pointermove', 'pointerleave', 'pointerup', 'pointercancel', 'touchstart',
                      'touchend', 'touchmove', 'touchcancel', 'mousedown', 'mousemove', 'mouseleave', 'mouseup',
                      'wheel']) {
    listen.call(window, type, () => { probes.pointerAt = performance.now(); }, {capture: true, passive: true});
  }
  // How many files the page is still fetching, bodies included: Flutter fetches the bundled fonts after its own.
  probes.fetching = 0;
  const fetchNow = window.fetch.bind(window);
  window.fetch = (...args) => {
    probes.fetching++;
    const done = () => { probes.fetching--; };
    const fetched = fetchNow(...args);
    fetched.then(response => {
      try { response.clone().arrayBuffer().then(done, done); } catch (unreadable) { done(); }
    }, done);
    return fetched;
  };
  // What the page has told the app: the last messages sent over Flet's WebSocket, as bytes.
  probes.sent = [];
  const send = WebSocket.prototype.send;
  WebSocket.prototype.send = function (data) {
    const bytes = typeof data === 'string' ? new TextEncoder().encode(data)
      : data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer || []);
    probes.sent.push(bytes);
    if (probes.sent.length > 50) probes.sent.shift();
    return send.call(this, data);
  };
  probes.told = text => {
    const wanted = new TextEncoder().encode(text);
    return probes.sent.some(bytes => {
      outer: for (let i = 0; i + wanted.length <= bytes.length; i++) {
        for (let j = 0; j < wanted.length; j++) if (bytes[i + j] !== wanted[j]) continue outer;
        return true;
      }
      return false;
    });
  };
})();
"""
PHONE = {"width": 412, "height": 915}
DESKTOP = {"width": 1280, "height": 800}
SCREENSHOTS = PROJECT / "screenshots"


def launch_chromium(playwright: Playwright) -> Browser:
    """Starts the Chromium that tests/browser_setup.py made sure of (Playwright's own, else the system's)."""
    executable = find_chromium(playwright.chromium.executable_path)
    if executable is None:
        raise LookupError(NO_CHROMIUM)
    return playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)


def free_loopback_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def running_tend(data_dir: Path, extra_env: dict[str, str] | None = None, new: bool = False):
    """Runs `python main.py --web` on a free loopback port and yields the address it prints (with this run's
    token) once it answers.

    An empty data folder is first given a finished welcome, as a person's Tend has once they set it up, unless the
    test is of a `new` Tend (the welcome's own tests). Rarely, in full runs (3 times in about 700 starts), a tap on
    "Skip for now" left the welcome open; that is not explained yet, and the welcome's tests still meet it."""
    if not new and not (data_dir.exists() and any(data_dir.iterdir())):
        finish_the_welcome(data_dir)
    port = free_loopback_port()
    # A neutral locale, so no country (and no emergency number) is preselected unless a test picks one.
    # And a time zone of no listed country, since Tend guesses the country from the zone too.
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TZ": "Etc/UTC",
           **(extra_env or {})}
    command = [sys.executable, "main.py", "--web", "--port", str(port), "--data-dir", str(data_dir)]
    with running_server(command, port, data_dir.parent / f"tend-server-{port}.log", env) as url:
        yield url


def finish_the_welcome(data_dir: Path) -> None:
    """Notes the welcome as done in a new data folder, through Tend's own storage (dated before any test's clock)."""
    moment = datetime(2026, 1, 1, tzinfo=timezone.utc)
    store = Store.open(data_dir, moment)
    try:
        prompts.finish(store, prompts.WELCOME, moment)
    finally:
        store.close()


def seeded(data_dir, theme: str = "light", **people: dict) -> None:
    """Tend as someone finds it after the welcome: their people saved, and a theme."""
    now = datetime.now().astimezone()
    store = Store.open(data_dir, now)
    PeopleRepository(store).save_many(new_person(now, name=name, **fields) for name, fields in people.items())
    save_settings(store, Settings(theme=theme), now)
    prompts.finish(store, prompts.WELCOME, now)
    store.close()


@contextmanager
def running_server(command: list[str], port: int, log_path: Path, env: dict[str, str] | None = None):
    """Runs a Flet web server from the project folder and yields its address once it answers: the one it prints
    for its port (Tend's carries the token it requires), or the plain loopback address when it prints none."""
    with open(log_path, "w") as log:
        server = subprocess.Popen(command, cwd=PROJECT, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            yield wait_until_serving(port, log_path, server)
        finally:
            stop(server)


def stop(server: subprocess.Popen) -> None:
    """Asks the server to stop (Tend then closes its store), and kills it if it hasn't within 10 s."""
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def wait_until_serving(port: int, log_path: Path, server: subprocess.Popen, timeout: float = 60) -> str:
    """The server's address once a browser would get its page there (following the token's redirect with its
    cookie, as a browser does)."""
    plain = f"http://127.0.0.1:{port}"
    printed = re.compile(rf"{re.escape(plain)}/\S*")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"The server exited early with code {server.returncode}:\n{log_path.read_text()}")
        found = printed.search(log_path.read_text(errors="replace"))
        url = found.group(0) if found else plain
        browser_like = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())
        try:
            with browser_like.open(url, timeout=2) as response:
                if response.status == 200:
                    return url
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"Nothing answered at {plain} within {timeout} s")


def open_tend(page: Page, url: str, heading: str = "Today", welcome: str = "skip") -> None:
    """Loads the app and switches on Flutter's accessibility tree, so controls become DOM nodes with names.

    A new Tend first shows its welcome: `welcome="skip"` skips it as a person may, "keep" leaves it open.
    """
    welcoming = page.get_by_role("heading", name="Welcome to Tend")
    open_flet_page(page, url, page.get_by_role("heading", name=heading).or_(welcoming))
    if welcome == "skip" and welcoming.is_visible():
        tap(page.get_by_role("button", name="Skip for now"))
        expect(welcoming).to_have_count(0)
        expect(page.get_by_role("heading", name=heading)).to_be_visible()


def open_flet_page(page: Page, url: str, ready: Locator) -> None:
    """Loads a Flet web app, switches on its accessibility tree, and waits until `ready` is shown."""
    page.add_init_script(FLUTTER_PROBES)
    page.goto(url)
    placeholder = page.locator("flt-semantics-placeholder")
    placeholder.wait_for(state="attached", timeout=60_000)
    placeholder.evaluate("node => node.click()")
    expect(ready).to_be_visible(timeout=30_000)
    # The bundled fonts (15 MB) can still be arriving when the first screen shows; when they do, Flutter lays every
    # text out again. A person meets a settled screen: wait until nothing is being fetched and no frame is due.
    page.wait_for_function("() => window.__tend.fetching === 0", polling=50, timeout=60_000)
    wait_until_still(page)


def wait_until_still(page: Page, timeout: float = 10_000) -> None:
    """Waits until Flutter has no frame left to draw: what the accessibility tree already shows has also been
    painted, and whatever was moving (a screen sliding in, a dialog growing, a tap's ripple) has stopped. A blinking
    cursor draws a frame now and then and is still in between."""
    page.wait_for_function("() => window.__tend.framesDue.size === 0", polling=50, timeout=timeout)


def screenshot(page: Page, name: str) -> Path:
    """Saves what a person would see, once the canvas has caught up with the accessibility tree. Something that
    moves for as long as it is shown (a progress bar) is pictured as it is after 5 s: a picture is for people to
    look at, and no test's verdict depends on it."""
    SCREENSHOTS.mkdir(exist_ok=True)
    try:
        wait_until_still(page, timeout=5_000)
    except PlaywrightTimeoutError:
        pass
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path))
    return path


def go_to(page: Page, place: str) -> None:
    """Taps a place in the navigation: a tab in the phone's bottom bar, a 'Name Tab n of 5' button in the rail. A
    person taps it on a screen that has stopped moving: a pointer that comes down while a screen slides or a list
    still scrolls is taken by that movement (seen once in a loaded run: the Settings tab tapped during a scroll)."""
    wait_until_still(page)
    in_bar = page.get_by_role("tab", name=place, exact=True)
    in_rail = page.get_by_role("button", name=re.compile(rf"^(Current place )?{place} Tab \d of \d$"))
    in_bar.or_(in_rail).first.click()
    expect(page.get_by_role("heading", name=place, exact=True)).to_be_visible()


def add_person(page: Page, name: str, phone: str, support: str | None = None) -> None:
    """Adds someone through the People form, as a person would, from the People screen."""
    tap(page.get_by_role("button", name="Add someone"))
    fill(page, "Name", name)
    fill(page, "Phone", phone)
    if support:
        tap(page.get_by_role("checkbox", name=re.compile(rf"^{support}:")))
    tap(page.get_by_role("button", name="Save"))
    expect(page.get_by_role("group", name=re.compile(rf"^{name} "))).to_be_visible()


def pixel(page: Page, x: int, y: int) -> tuple[int, int, int]:
    """The colour a person sees at (x, y), read from a one-pixel screenshot (a PNG with one row)."""
    return pixels_in_row(page, x, y, 1)[0]


def pixels_in_row(page: Page, x: int, y: int, width: int) -> list[tuple[int, int, int]]:
    """The colours a person sees from (x, y) rightwards, `width` of them: a screenshot one pixel tall, its PNG row
    unfiltered by hand (with no row above, each filter only looks to the left)."""
    png = page.screenshot(clip={"x": x, "y": y, "width": width, "height": 1})
    chunks, at = b"", 8
    while at < len(png):
        length = int.from_bytes(png[at:at + 4], "big")
        if png[at + 4:at + 8] == b"IDAT":
            chunks += png[at + 8:at + 8 + length]
        at += 12 + length
    row = zlib.decompress(chunks)
    kind, raw = row[0], row[1:]
    step = len(raw) // width  # 3 (RGB) or 4 (RGBA) bytes a pixel
    out = bytearray(raw)
    for i in range(len(out)):
        left = out[i - step] if i >= step else 0
        # None, Sub, Up (nothing above), Average (half the left) and Paeth (the left, with nothing above)
        out[i] = (out[i] + (0, left, 0, left // 2, left)[kind]) & 0xFF
    return [tuple(out[i:i + 3]) for i in range(0, len(out), step)]


def tap(control: Locator) -> None:
    """Activates a control the way a screen reader does, through its accessibility node. Unlike a mouse click at
    its coordinates, this still works when the control sits in a scrolled part of a dialog.

    Two states come first, as they do for a person using a screen reader. The screen has settled: while it slides
    in or redraws, Flutter may replace the node, and a tap on the old one is lost. And no pointer has moved or
    pressed for half a second: until then Flutter's web engine takes such a click for the pointer's own and drops
    it (`EngineSemantics.shouldAcceptBrowserGesture`, a 500 ms timer), which lost taps made just after `go_to`'s
    click or a scroll with the wheel."""
    page = control.page
    wait_until_still(page)
    page.wait_for_function(f"() => performance.now() - window.__tend.pointerAt > {POINTER_QUIET_MS}", polling=50)
    control.dispatch_event("click")


def fill(page: Page, name: str, text: str) -> None:
    """Types into a text field as a person would: focus it, wait until Flutter's own editing element has the focus,
    then replace its text. (Filling the accessibility node directly can race Flutter's set-up of that element, and
    then the app never hears of the text.)"""
    # A person types into a screen that has arrived: while one slides in, Flutter may still replace its fields,
    # and text typed into the old one is lost (seen on the safety plan, which opens as a new view).
    wait_until_still(page)
    page.get_by_role("textbox", name=name).focus()
    # Flutter connects its text input to the focused field a moment after the focus: until it listens there for
    # typing, what is typed goes into the page but never reaches the app.
    try:
        page.wait_for_function("() => window.__tend.listening.has(document.activeElement)")
    except PlaywrightTimeoutError as never:
        focus = page.evaluate("() => { const node = document.activeElement; return `${node.tagName} `"
                              " + (node.getAttribute('aria-label') || node.getAttribute('role') || ''); }")
        raise AssertionError(f"Flutter never listened for typing in {name!r}; the focus is on {focus}; "
                             f"picture: {screenshot(page, 'fill-never-listened')}") from never
    page.keyboard.press("Control+A")
    page.keyboard.insert_text(text)
    expect(page.get_by_role("textbox", name=name)).to_have_value(text)
    # The page tells the app what was typed a frame or more later: wait until it has, so the next tap reaches an
    # app that knows the text (a person's next tap never comes that fast).
    page.wait_for_function("text => window.__tend.told(text)", arg=text)


def set_clock(path: Path, moment: str) -> None:
    """Sets the moment Tend reads from its clock file (TEND_CLOCK_FILE): written beside it and renamed over it, so
    Tend, reading at any instant, finds either the old moment or the new one, never an empty or half-written file."""
    draft = path.with_name(path.name + ".draft")
    draft.write_text(moment)
    os.replace(draft, path)


def wait_for_colour(page: Page, x: int, y: int, looks_right, timeout: float = 10) -> tuple[int, int, int]:
    """The colour at (x, y) once `looks_right(rgb)`, or after `timeout` seconds. A colour is only pixels, not in the
    accessibility tree, so this looks again every 200 ms until it has changed: a wait for that state, not for
    time."""
    deadline = time.monotonic() + timeout
    while True:
        rgb = pixel(page, x, y)
        if looks_right(rgb) or time.monotonic() > deadline:
            return rgb
        page.wait_for_timeout(200)


def wait_for_brightness(page: Page, dark: bool, x: int = 200, y: int = 600, timeout: float = 10) -> float:
    """The screen's brightness at (x, y) once it is dark (or light), or after `timeout` seconds."""
    rgb = wait_for_colour(page, x, y, lambda rgb: sum(rgb) / 3 < 60 if dark else sum(rgb) / 3 > 200, timeout)
    return sum(rgb) / 3
