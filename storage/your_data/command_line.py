"""`main.py export FILE [--csv]` and `main.py import FILE [--map-moods …]`: Tend's own import and export for people
who script their backups, through the same functions as the app's buttons, printing the same report.

A Daylio file with mood names Tend can't place is imported only with `--map-moods NAME=1..5,…` (or `auto`, Tend's
guesses); without it the names and guesses are printed and nothing is written. A contacts file (.vcf) adds every
usable person by the same rules as the app, and says who was skipped and which numbers were not kept.
"""

import argparse
from collections.abc import Callable
from datetime import datetime, tzinfo
from pathlib import Path, PurePath

from storage.errors import StorageError
from storage.people.contacts_file import candidates_from
from storage.people.repository import PeopleRepository
from storage.store.persistence import Store
from storage.your_data.checkins_csv import check_ins_csv, every_check_in
from storage.your_data.exchange import ImportProblem, export_text
from storage.your_data.imports import OtherAppReport, import_file, size_problem
from storage.your_data.mood_names import MoodsToConfirm, key, parse_mapping
from storage.your_data.record_checks import record_problems

COMMANDS = ("export", "import")
CONTACTS_SUFFIXES = (".vcf", ".vcard")
Print = Callable[[str], None]


def arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="tend", description="Export or import Tend's data from the command line.")
    commands = parser.add_subparsers(dest="command", required=True)
    export = commands.add_parser("export", help="write everything Tend holds to FILE (JSON), or the check-ins (CSV)")
    export.add_argument("file", type=Path)
    export.add_argument("--csv", action="store_true", help="only the check-ins, as a spreadsheet (CSV)")
    imported = commands.add_parser("import", help="import a Tend export, a Daylio CSV or a contacts file (.vcf)")
    imported.add_argument("file", type=Path)
    imported.add_argument("--map-moods", metavar="NAME=1..5,…|auto",
                          help="which Tend mood (1 Awful … 5 Great) each of a Daylio file's mood names means; "
                               "auto takes Tend's guesses")
    for command in (export, imported):
        command.add_argument("--data-dir", type=Path, help="folder for Tend's data (default: your user data folder)")
    return parser.parse_args(argv)


def run(argv: list[str], default_data_dir: Path, clock: Callable[[], datetime], zone: tzinfo,
        say: Print = print) -> int:
    """Do the command; 0 when done, 1 when refused (nothing changed), 2 when moods need mapping first."""
    args = arguments(argv)
    try:
        store = Store.open(args.data_dir or default_data_dir, clock(), clock=clock, record_problems=record_problems)
    except StorageError as error:  # FolderInUse too: the app has the folder open
        say(error.message)
        return 1
    try:
        if args.command == "export":
            return _export(store, args.file, args.csv, clock(), say)
        return _import(store, args.file, args.map_moods, clock(), zone, say)
    except StorageError as error:
        say(error.message)
        return 1
    finally:
        store.close()


def _export(store, file: Path, as_csv: bool, now: datetime, say: Print) -> int:
    text = check_ins_csv(every_check_in(store)) if as_csv else export_text(store, now)
    try:
        file.write_text(text, encoding="utf-8")
    except OSError as error:
        say(f"Tend couldn't write {file}: {error.strerror}.")
        return 1
    what = f"{len(every_check_in(store)):,} check-ins" if as_csv else "everything Tend holds"
    say(f"Exported {what} to {file}.")
    return 0


def _import(store, file: Path, map_moods: str | None, now: datetime, zone: tzinfo, say: Print) -> int:
    try:
        too_big = size_problem(file.stat().st_size)
        data = b"" if too_big else file.read_bytes()
    except OSError as error:
        say(f"Tend couldn't read {file}: {error.strerror}. Nothing was imported.")
        return 1
    if too_big:
        say(too_big.message)
        return 1
    if PurePath(file.name).suffix.lower() in CONTACTS_SUFFIXES:
        return _import_contacts(store, data, now, say)
    try:
        moods = None if map_moods in (None, "auto") else parse_mapping(map_moods)
    except ValueError as wrong:
        say(f"--map-moods: {wrong} Nothing was imported.")
        return 1
    try:
        try:
            report = import_file(store, file.name, data, now, lambda naive: naive.replace(tzinfo=zone), moods)
        except MoodsToConfirm as question:
            if map_moods != "auto":
                say(_question(question))
                return 2
            guesses = {key(name.name): name.guess for name in question.names}
            report = import_file(store, file.name, data, now, lambda naive: naive.replace(tzinfo=zone), guesses)
    except ImportProblem as problem:
        say(problem.message)
        return 1
    read = report.read if isinstance(report, OtherAppReport) else report.added + report.updated + report.skipped
    say(f"Read {_counted(read, 'entry', 'entries')} from {file.name}. {report.summary}")
    return 0


def _question(question: MoodsToConfirm) -> str:
    lines = ["This file has mood names Tend can't place by itself. Nothing was imported.",
             "Tend's guesses (1 Awful, 2 Low, 3 Okay, 4 Good, 5 Great):"]
    lines += [f"  {name.name} = {name.guess}   ({_counted(name.entries, 'entry', 'entries')})"
              for name in question.names]
    mapping = ",".join(f"{name.name}={name.guess}" for name in question.names)
    lines.append(f"Import again with --map-moods auto to take these guesses, or --map-moods '{mapping}' changed "
                 "where they are wrong.")
    return "\n".join(lines)


def _import_contacts(store, data: bytes, now: datetime, say: Print) -> int:
    try:
        found = candidates_from(data, now)
    except ValueError as problem:
        say(f"{problem} Nothing was added.")
        return 1
    if found.people:
        PeopleRepository(store).save_many(found.people)
    read = len(found.people) + len(found.skipped) + found.not_read
    lines = [f"Read {_counted(read, 'contact', 'contacts')}: added {_counted(len(found.people), 'person', 'people')}, "
             f"skipped {len(found.skipped):,}."]
    lines += [f"  Skipped: {reason}" for reason in found.skipped]
    lines += [f"  {line}" for line in found.left_out]
    if found.not_read:
        lines.append(f"  {found.not_read:,} contacts after the first {read - found.not_read:,} were not read.")
    say("\n".join(lines))
    return 0


def _counted(count: int, one: str, many: str) -> str:
    return f"{count:,} {one if count == 1 else many}"
