"""Settings → Your data: export everything or the check-ins, import a Tend or Daylio file, and the backups.

Exports and imports run off the event loop: years of entries take a moment to
write out or check, and no session should freeze meanwhile.
"""

import asyncio
from pathlib import Path

import flet as ft

from storage.checkins_csv import check_ins_csv, every_check_in
from storage.errors import StorageError
from storage.exchange import SIZE_LIMIT, ImportProblem, export_text
from storage.imports import import_file
from views.context import use_tend
from views.data_replaced import follow_replaced_data
from views.guard import component
from views.reminding import use_reminding
from views.file_saving import save_text_file

BACKUPS_ROUTE = "/settings/backups"


@component
def YourData() -> ft.Control:
    tend = use_tend()
    reminding = use_reminding()
    page = ft.context.page
    outcome, set_outcome = ft.use_state(None)  # (message, went wrong) after an import

    async def export_everything() -> None:
        now = tend.now()
        text = await asyncio.to_thread(export_text, tend.store, now)
        await save_text_file(tend, "Save everything Tend holds", f"tend-export-{now:%Y-%m-%d}.json", text)

    async def export_check_ins() -> None:
        now = tend.now()
        text = await asyncio.to_thread(lambda: check_ins_csv(every_check_in(tend.store)))
        await save_text_file(tend, "Save your check-ins", f"tend-check-ins-{now:%Y-%m-%d}.csv", text)

    async def import_a_file() -> None:
        files = await ft.FilePicker().pick_files(
            dialog_title="Choose a Tend export (.json) or a Daylio export (.csv)",
            file_type=ft.FilePickerFileType.CUSTOM, allowed_extensions=["json", "csv"], with_data=True)
        if not files:
            return
        picked = files[0]
        if picked.size > SIZE_LIMIT:
            set_outcome((f"That file is too large to be an export from Tend or Daylio "
                         f"({picked.size / 2**20:.0f} MB). Nothing was imported, so your data is as it was.", True))
            return
        try:
            data = picked.bytes if picked.bytes is not None else Path(picked.path).read_bytes()
            report = await asyncio.to_thread(import_file, tend.store, picked.name, data, tend.now(),
                                             lambda naive: naive.replace(tzinfo=tend.zone))
        except ImportProblem as problem:
            set_outcome((problem.message, True))
            return
        except StorageError as error:
            set_outcome((error.message, True))
            return
        except OSError:
            set_outcome(("That file could not be read. Nothing was imported, so your data is as it was.", True))
            return
        follow_replaced_data(tend, reminding)
        set_outcome((f"Imported “{picked.name}”. {report.summary} Today and History show the imported check-ins.",
                     False))

    return ft.Column(
        [
            ft.Text("Everything Tend holds stays on this device. Take it with you whenever you like: as one file "
                    "to import into Tend elsewhere, or your check-ins as a spreadsheet (CSV). An export file is not "
                    "locked or encrypted, so keep it somewhere private."),
            ft.Row(
                [
                    ft.FilledTonalButton("Export everything", icon=ft.Icons.DOWNLOAD, on_click=export_everything),
                    ft.TextButton("Export check-ins as CSV", icon=ft.Icons.TABLE_VIEW_OUTLINED,
                                  on_click=export_check_ins),
                ],
                wrap=True,
            ),
            ft.Text("Import adds what a Tend export or a Daylio export (CSV) holds. A file with a problem changes "
                    "nothing, and Tend backs up your data just before an import."),
            ft.Row(
                [
                    ft.FilledTonalButton("Import", icon=ft.Icons.UPLOAD_FILE, on_click=import_a_file),
                    ft.TextButton("Backups", icon=ft.Icons.HISTORY, on_click=lambda: page.navigate(BACKUPS_ROUTE)),
                ],
                wrap=True,
            ),
            *([outcome_text(*outcome)] if outcome else []),
        ],
        spacing=12,
    )


def outcome_text(message: str, went_wrong: bool) -> ft.Control:
    """What an import or restore did, read out by screen readers as soon as it appears."""
    return ft.Semantics(live_region=True, content=ft.Text(message, color=ft.Colors.ERROR if went_wrong else None))
