"""Tend's composition root: read the command line, open the store, start Flet."""

import argparse
import os
import sys
from pathlib import Path

import flet as ft
from platformdirs import user_data_dir

from storage.logs import set_up_logging
from storage.persistence import Store
from views.app import App
from views.clock import clock_for, local_zone
from views.guard import keep_updates_running
from views.launch import desktop_window_problem

ASSETS = Path(__file__).parent / "assets"


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


def main(argv: list[str]) -> None:
    args = parse_arguments(argv)
    data_dir = args.data_dir or default_data_dir()
    set_up_logging(data_dir, args.verbose)
    keep_updates_running()
    zone = local_zone()
    clock = clock_for(zone)
    store = Store.open(data_dir, clock(), clock=clock)
    store.back_up_if_due(clock())

    def start(page: ft.Page) -> None:
        page.render_views(App, store=store, assets_dir=ASSETS, clock=clock, zone=zone)

    problem = None if args.web else desktop_window_problem()
    if args.web or problem:
        if problem:
            print(f"{problem} Serving Tend in your browser instead.")
        from views.web_access import serve_in_browser  # here: phone builds have no web server to import

        serve_in_browser(start, args.port, ASSETS)
    else:
        ft.run(start, assets_dir=str(ASSETS))
    store.close()


if __name__ == "__main__":
    main(sys.argv[1:])
