"""Tend's composition root: read the command line, open the store, start Flet."""

import argparse
import logging
import os
import sys
from pathlib import Path

import flet as ft
from platformdirs import user_data_dir

from storage.errors import StorageError
from storage.store.durable import message_for
from storage.store.logs import set_up_logging
from storage.store.ownership import FolderInUse
from storage.store.persistence import Store
from storage.your_data.command_line import COMMANDS
from storage.your_data.command_line import run as run_command
from storage.your_data.exchange import record_problems
from views.app import App
from views.device.clock import clock_for, local_zone
from views.device.launch import desktop_window_problem
from views.device.picked_files import accept_web_uploads
from views.guard import keep_updates_running

ASSETS = Path(__file__).parent / "assets"
log = logging.getLogger("tend")


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="tend", description="Tend: check in, know who to call, be reminded.")
    parser.add_argument("--web", action="store_true", help="serve Tend in your browser instead of a window")
    parser.add_argument("--port", type=int, default=8550, help="port for the web mode (default 8550)")
    parser.add_argument("--data-dir", type=Path, help="folder for Tend's data (default: your user data folder)")
    parser.add_argument("--verbose", action="store_true", help="log debug lines too (to stderr and logs/tend.log)")
    return parser.parse_args(argv)


def default_data_dir() -> Path:
    """Flet's own app folder when it gives one (flet run, phone builds), otherwise the OS's user data folder."""
    return Path(os.environ.get("FLET_APP_STORAGE_DATA") or user_data_dir("Tend", "Tend"))


def open_store(data_dir: Path, clock) -> Store:
    """The data folder's store, checked by the app's own rules; FolderInUse if another Tend has it.

    Tend always starts, so Get help now always works: a folder that can't be opened at all gives a store in memory
    that refuses changes and says why.
    """
    try:
        return Store.open(data_dir, clock(), clock=clock, record_problems=record_problems)
    except FolderInUse:
        raise
    except StorageError as error:
        log.warning("The data folder could not be opened: %s", type(error.__cause__ or error).__name__)
        message = f"Tend can't open your data in {data_dir} right now. {error.message} You can still use Get help now."
        return Store.open(None, clock(), clock=clock, read_only=message)


def daily_backup_problem(store: Store, now) -> str | None:
    """Make today's backup if it is due; what to tell the person if the device refused (full, read-only)."""
    try:
        store.back_up_if_due(now)
    except (StorageError, OSError) as error:
        log.warning("The daily backup failed: %s", type(error.__cause__ or error).__name__)
        log.debug("The daily backup failed", exc_info=True)
        reason = error.message if isinstance(error, StorageError) else message_for(error, store.data_dir)
        return f"Tend could not make today's backup. {reason}"
    return None


def main(argv: list[str]) -> None:
    if argv[:1] and argv[0] in COMMANDS:  # `export FILE` or `import FILE`: no window, the same code as the buttons
        zone = local_zone()
        sys.exit(run_command(argv, default_data_dir(), clock_for(zone), zone))
    args = parse_arguments(argv)
    data_dir = args.data_dir or default_data_dir()
    zone = local_zone()
    clock = clock_for(zone)
    try:
        store = open_store(data_dir, clock)
    except FolderInUse as in_use:
        sys.exit(in_use.message)  # one line, before logging opens a file: a second Tend writes nothing
    set_up_logging(data_dir, args.verbose)
    keep_updates_running()
    notice = store.read_only or daily_backup_problem(store, clock())

    def start(page: ft.Page) -> None:
        page.render_views(App, store=store, assets_dir=ASSETS, clock=clock, zone=zone, notice_at_start=notice)

    problem = None if args.web else desktop_window_problem()
    if args.web or problem:
        if problem:
            print(f"{problem} Serving Tend in your browser instead.")
        from views.device.web_access import serve_in_browser  # here: phone builds have no web server to import

        accept_web_uploads(data_dir)  # picked files reach Tend by upload, not as one WebSocket message
        # The address with its token, where a second Tend on this folder sends the person.
        serve_in_browser(start, args.port, ASSETS, also_tell=store.announce)
    else:
        ft.run(start, assets_dir=str(ASSETS))
    store.close()


if __name__ == "__main__":
    main(sys.argv[1:])
