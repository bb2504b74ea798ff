"""Settings → Your data: export everything or the check-ins, import a Tend or Daylio file (asking once what its own
mood names mean, before anything is written), and the backups.

Exports, imports and reading the picked file run off the event loop (views.kit.background): years of entries take a
moment to write out or check, and no session should freeze meanwhile. A file over the import limit is refused by
the size the picker reports, before it is read.
"""

import asyncio

import flet as ft

from storage.errors import StorageError
from storage.your_data.checkins_csv import check_ins_csv, every_check_in
from storage.your_data.exchange import ImportProblem, export_text
from storage.your_data.imports import import_file, size_problem, too_big_to_import_again
from storage.your_data.mood_names import MoodsToConfirm
from views.context import use_tend
from views.device.file_saving import save_file
from views.device.picked_files import FileReader, NotRead
from views.guard import component
from views.kit.background import Say, progress_line, use_outcome, use_work
from views.reminders.due import use_reminding
from views.settings.data_replaced import follow_replaced_data
from views.settings.mood_mapping import MoodMapping

BACKUPS_ROUTE = "/settings/backups"
DATA_WORK = "your-data"
"""Exports, imports, backups and restores: one at a time in a session, whichever screen starts them."""
NOT_READ = "That file could not be read. Nothing was imported, so your data is as it was."


@component
def YourData() -> ft.Control:
    tend = use_tend()
    reminding = use_reminding()
    page = ft.context.page
    outcome, report = use_outcome(tend.tell)  # (message, went wrong) after an import
    work = use_work(DATA_WORK)
    asking, set_asking = ft.use_state(None)  # (file name, its bytes, MoodsToConfirm) while moods are asked

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

    async def import_a_file(say: Say) -> None:
        reader = FileReader()
        picked = await reader.pick("Choose a Tend export (.json) or a Daylio export (.csv) or backup (.daylio)",
                                   ["json", "csv", "daylio"])
        if picked is None:
            return
        report(None)
        too_large = size_problem(picked.size)
        if too_large:
            report(too_large.message, True)
            return
        name = picked.name
        say(f"Reading “{name}”…")
        try:
            data = await reader.read(picked, tend.store.data_dir,
                                     lambda part: say(f"Reading “{name}”… {part:.0%}"))
        except NotRead:
            report(NOT_READ, True)
            return
        await import_data(say, name, data, None)

    async def import_data(say: Say, name: str, data: bytes, moods: dict[str, int] | None) -> None:
        """Check and import read bytes; a file whose mood names need the person's word asks first."""
        say(f"Checking and importing “{name}”…")
        try:
            imported = await asyncio.to_thread(import_file, tend.store, name, data, tend.now(),
                                               lambda naive: naive.replace(tzinfo=tend.zone), moods)
        except MoodsToConfirm as question:
            set_asking((name, data, question))
            return
        except ImportProblem as problem:
            report(problem.message, True)
            return
        except StorageError as error:
            report(error.message, True)
            return
        follow_replaced_data(tend, reminding)
        report(f"Imported “{name}”. {imported.summary} Today and History show the imported check-ins.")

    def confirm_moods(moods: dict[str, int]) -> None:
        name, data, _ = asking
        set_asking(None)
        page.run_task(work.run, f"Checking and importing “{name}”…",
                      lambda say: import_data(say, name, data, moods))

    def cancel_moods() -> None:
        set_asking(None)
        report("Nothing was imported, so your data is as it was.")

    def start(words: str, job):
        async def handler() -> None:
            await work.run(words, job)
        return handler

    return ft.Column(
        [
            ft.Text("Everything Tend holds stays on this device. Take it with you whenever you like: as one file "
                    "to import into Tend elsewhere, or your check-ins as a spreadsheet (CSV). An export file is not "
                    "locked or encrypted, so keep it somewhere private."),
            ft.Row(
                [
                    ft.FilledTonalButton("Export everything", icon=ft.Icons.DOWNLOAD, disabled=work.busy,
                                         on_click=start("Preparing your export…", export_everything)),
                    ft.TextButton("Export check-ins as CSV", icon=ft.Icons.TABLE_VIEW_OUTLINED, disabled=work.busy,
                                  on_click=start("Preparing your check-ins…", export_check_ins)),
                ],
                wrap=True,
            ),
            ft.Text("Import adds what a Tend export or a Daylio export (CSV) or backup (.daylio) holds. A file with a "
                    "problem changes nothing, and Tend backs up your data just before an import."),
            ft.Row(
                [
                    ft.FilledTonalButton("Import", icon=ft.Icons.UPLOAD_FILE, disabled=work.busy,
                                         on_click=start("Waiting for a file…", import_a_file)),
                    ft.TextButton("Backups", icon=ft.Icons.HISTORY, on_click=lambda: page.navigate(BACKUPS_ROUTE)),
                ],
                wrap=True,
            ),
            *([MoodMapping(asking[0], asking[2].names, confirm_moods, cancel_moods)] if asking else []),
            *([progress_line(work.words)] if work.words else []),
            *([outcome_text(*outcome)] if outcome else []),
        ],
        spacing=12,
    )


def outcome_text(message: str, went_wrong: bool) -> ft.Control:
    """What an import or restore did, read out by screen readers as soon as it appears."""
    return ft.Semantics(live_region=True, content=ft.Text(message, color=ft.Colors.ERROR if went_wrong else None))
