"""Makes sure the browser tests have a Chromium to drive, so the README's one test command sets up a fresh machine.

Run by that command between installing the packages and pytest: `python tests/browser_setup.py`. In this order:
Playwright's own Chromium, downloaded by `playwright install` where its download site can be reached; else a
Chromium or Chrome on the system's usual paths (Linux, macOS); else Debian's `chromium` package, installed with
apt-get when this user may install packages (root, or sudo without a password). If none can be had, it stops
with one line saying what to install. The tests find the browser with the same `find_chromium`, so both always
agree; this script prints the one it found.
"""

import os
import shutil
import subprocess
import sys
from collections.abc import Sequence

SYSTEM_CHROMIUMS = (
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
    "/usr/bin/google-chrome-stable",
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
)
PLAYWRIGHT_INSTALL_SECONDS = 600
"""Enough to download Playwright's Chromium (about 170 MB) on a slow line; offline it fails within seconds."""
APT_SECONDS = 900
NO_CHROMIUM = ("The browser tests need Chromium and none could be installed: install Google Chrome or Chromium "
               "(on Debian or Ubuntu: `sudo apt-get install chromium`), or run `python -m playwright install "
               "chromium` where its download site can be reached, then run the tests again.")


def is_program(path: str | os.PathLike) -> bool:
    return os.path.isfile(path) and os.access(path, os.X_OK)


def find_chromium(playwright_chromium: str, system_chromiums: Sequence[str] = SYSTEM_CHROMIUMS) -> str | None:
    """The browser to drive: Playwright's own Chromium when it is installed (`playwright_chromium`, where Playwright
    keeps it: `playwright.chromium.executable_path`), else the first Chromium or Chrome on the usual paths."""
    return next((path for path in (playwright_chromium, *system_chromiums) if path and is_program(path)), None)


def playwright_chromium_path() -> str:
    """Where Playwright keeps its own Chromium, installed or not."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        return playwright.chromium.executable_path


def say(line: str) -> None:
    print(f"browser set-up: {line}", file=sys.stderr, flush=True)


def run(command: list[str], timeout: float) -> bool:
    """Runs a set-up step with its output on stderr; whether it succeeded in time."""
    try:
        return subprocess.run(command, stdout=sys.stderr, stderr=sys.stderr, timeout=timeout,
                              env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"}).returncode == 0
    except (OSError, subprocess.TimeoutExpired) as problem:
        say(f"{command[0]} did not finish: {problem}")
        return False


def install_playwright_chromium() -> bool:
    say("downloading Playwright's Chromium (`playwright install chromium`)")
    try:
        finished = subprocess.run([sys.executable, "-m", "playwright", "install", "chromium"], capture_output=True,
                                  text=True, timeout=PLAYWRIGHT_INSTALL_SECONDS)
    except subprocess.TimeoutExpired:
        say(f"Playwright's download did not finish within {PLAYWRIGHT_INSTALL_SECONDS} s")
        return False
    if finished.returncode != 0:
        reason = next((line.strip() for line in finished.stderr.splitlines() if line.strip().startswith("Error")),
                      f"exit code {finished.returncode}")
        say(f"Playwright's Chromium could not be downloaded ({reason})")
    return finished.returncode == 0


def as_administrator() -> list[str] | None:
    """The prefix that runs a command as root without asking for a password, or None if there is none."""
    if os.name != "posix":
        return None
    if os.geteuid() == 0:
        return []
    sudo = shutil.which("sudo")
    if sudo and subprocess.run([sudo, "-n", "true"], capture_output=True).returncode == 0:
        return [sudo, "-n"]
    return None


def install_debian_chromium() -> bool:
    """Debian's `chromium` through apt-get, where apt-get exists and may be run as root. `--reinstall` also brings
    back a browser whose files were removed while dpkg still lists the package; the package lists are fetched only
    when apt-get doesn't know the package yet (a fresh container has none)."""
    apt_get, prefix = shutil.which("apt-get"), as_administrator()
    if apt_get is None or prefix is None:
        return False
    say("installing Debian's chromium with apt-get")
    install = [*prefix, apt_get, "install", "-y", "-qq", "--reinstall", "chromium"]
    return run(install, APT_SECONDS) or (run([*prefix, apt_get, "update", "-qq"], APT_SECONDS)
                                         and run(install, APT_SECONDS))


def ensure_chromium() -> str | None:
    """Finds a Chromium, installing one the first way that works; None if none could be had."""
    own = playwright_chromium_path()
    if is_program(own) or (install_playwright_chromium() and is_program(own)):
        return own
    found = find_chromium("")
    if found:
        return found
    if install_debian_chromium():
        return find_chromium("")
    return None


def main() -> int:
    found = ensure_chromium()
    if found is None:
        print(NO_CHROMIUM, file=sys.stderr)
        return 1
    say(f"the browser tests will drive {found}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
