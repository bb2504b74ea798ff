"""The files Settings → Your data writes and reads: the two exports, and an import from a file the person picks
(asking once what another app's mood names mean, before anything is written).

Making an export, reading the picked file and checking it run off the event loop: years of entries take a moment,
and no session should freeze meanwhile. A file over the import limit is refused by the size the picker reports,
before it is read.
"""

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import flet as ft

from storage.errors import StorageError
from storage.your_data.checkins_csv import check_ins_csv, every_check_in
from storage.your_data.exchange import ImportProblem, export_text
from storage.your_data.imports import import_file, size_problem, too_big_to_import_again
from storage.your_data.mood_names import MoodsToConfirm
from views.context import Tend, use_tend
from views.device.file_saving import save_file
from views.device.picked_files import FileReader, NotRead
from views.kit.background import Say, Work

NOT_READ = "That file could not be read. Nothing was imported, so your data is as it was."
Job = Callable[[Say], Awaitable[None]]


@dataclass(frozen=True)
class Exports:
    everything: Job
    check_ins: Job


def export_jobs(tend: Tend) -> Exports:
    """Export everything (JSON) or the check-ins (CSV), each saved where the person chooses."""

    async def exported(make_text) -> bytes | None:
        """The export's bytes, made in a worker thread; None (and the reason told) if a file can't be read."""
        try:
            return await asyncio.to_thread(lambda: make_text().encode("utf-8"))
        except StorageError as error:
            tend.tell(error.message)
            return None

    async def export_everything(say: Say) -> None:
        now = tend.now()
        data = await exported(lambda: export_text(tend.store, now))
        if data is not None and await save_file(tend, "Save everything Tend holds",
                                                f"tend-export-{now:%Y-%m-%d}.json", data):
            too_big = too_big_to_import_again(len(data))
            if too_big:
                tend.tell(too_big)

    async def export_check_ins(say: Say) -> None:
        now = tend.now()
        data = await exported(lambda: check_ins_csv(every_check_in(tend.store)))
        if data is not None:
            await save_file(tend, "Save your check-ins", f"tend-check-ins-{now:%Y-%m-%d}.csv", data)

    return Exports(export_everything, export_check_ins)


async def pick_and_read(tend: Tend, say: Say, report) -> tuple[str, bytes] | None:
    """The picked file's name and bytes, read with its progress said; None when nothing was picked, or the file is
    too big or can't be read (and then `report` is told why)."""
    reader = FileReader()
    picked = await reader.pick("Choose a Tend export (.json) or a Daylio export (.csv) or backup (.daylio)",
                               ["json", "csv", "daylio"])
    if picked is None:
        return None
    report(None)
    too_large = size_problem(picked.size)
    if too_large:
        report(too_large.message, True)
        return None
    name = picked.name
    say(f"Reading “{name}”…")
    try:
        data = await reader.read(picked, tend.store.data_dir, lambda part: say(f"Reading “{name}”… {part:.0%}"))
    except NotRead:
        report(NOT_READ, True)
        return None
    return name, data


@dataclass(frozen=True)
class Importing:
    pick_and_import: Job
    asking: tuple | None
    """(file name, its bytes, MoodsToConfirm) while the person is asked what the file's mood names mean."""
    confirm_moods: Callable[[dict[str, int]], None]
    cancel_moods: Callable[[], None]


def use_importing(report, work: Work, follow_replaced_data: Callable[[], None]) -> Importing:
    tend = use_tend()
    page = ft.context.page
    asking, set_asking = ft.use_state(None)

    async def import_a_file(say: Say) -> None:
        picked = await pick_and_read(tend, say, report)
        if picked is not None:
            await import_data(say, *picked, None)

    async def import_data(say: Say, name: str, data: bytes, moods: dict[str, int] | None) -> None:
        """Check and import read bytes; a file whose mood names need the person's word asks first."""
        say(f"Checking and importing “{name}”…")
        try:
            imported = await asyncio.to_thread(import_file, tend.store, name, data, tend.now(),
                                               lambda naive: naive.replace(tzinfo=tend.zone), moods)
        except MoodsToConfirm as question:
            set_asking((name, data, question))
            return
        except (ImportProblem, StorageError) as problem:
            report(problem.message, True)
            return
        follow_replaced_data()
        report(f"Imported “{name}”. {imported.summary} Today and History show the imported check-ins.")

    def confirm_moods(moods: dict[str, int]) -> None:
        name, data, _ = asking
        set_asking(None)
        page.run_task(work.run, f"Checking and importing “{name}”…",
                      lambda say: import_data(say, name, data, moods))

    def cancel_moods() -> None:
        set_asking(None)
        report("Nothing was imported, so your data is as it was.")

    return Importing(import_a_file, asking, confirm_moods, cancel_moods)
