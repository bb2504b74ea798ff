"""Settings → Your data: export everything or the check-ins, import a Tend or Daylio file (asking once what its own
mood names mean, before anything is written), and the backups.

Exports, imports and reading the picked file run off the event loop (views.kit.background): years of entries take a
moment to write out or check, and no session should freeze meanwhile. A file over the import limit is refused by
the size the picker reports, before it is read.
"""

import flet as ft

from views.context import use_tend
from views.guard import component
from views.kit.background import progress_line, use_outcome, use_work
from views.settings.data_files import export_jobs, use_importing
from views.settings.data_replaced import use_following_replaced_data
from views.settings.mood_mapping import MoodMapping

BACKUPS_ROUTE = "/settings/backups"
DATA_WORK = "your-data"
"""Exports, imports, backups and restores: one at a time in a session, whichever screen starts them."""


@component
def YourData() -> ft.Control:
    tend = use_tend()
    follow_replaced_data = use_following_replaced_data()
    page = ft.context.page
    outcome, report = use_outcome(tend.tell)  # (message, went wrong) after an import
    work = use_work(DATA_WORK)
    exports = export_jobs(tend)
    importing = use_importing(report, work, lambda: follow_replaced_data())

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
                                         on_click=start("Preparing your export…", exports.everything)),
                    ft.TextButton("Export check-ins as CSV", icon=ft.Icons.TABLE_VIEW_OUTLINED, disabled=work.busy,
                                  on_click=start("Preparing your check-ins…", exports.check_ins)),
                ],
                wrap=True,
            ),
            ft.Text("Import adds what a Tend export or a Daylio export (CSV) or backup (.daylio) holds. A file with a "
                    "problem changes nothing, and Tend backs up your data just before an import."),
            ft.Row(
                [
                    ft.FilledTonalButton("Import", icon=ft.Icons.UPLOAD_FILE, disabled=work.busy,
                                         on_click=start("Waiting for a file…", importing.pick_and_import)),
                    ft.TextButton("Backups", icon=ft.Icons.HISTORY, on_click=lambda: page.navigate(BACKUPS_ROUTE)),
                ],
                wrap=True,
            ),
            *([MoodMapping(importing.asking[0], importing.asking[2].names, importing.confirm_moods,
                           importing.cancel_moods)] if importing.asking else []),
            *([progress_line(work.words)] if work.words else []),
            *([outcome_text(*outcome)] if outcome else []),
        ],
        spacing=12,
    )


def outcome_text(message: str, went_wrong: bool) -> ft.Control:
    """What an import or restore did, read out by screen readers as soon as it appears."""
    return ft.Semantics(live_region=True, content=ft.Text(message, color=ft.Colors.ERROR if went_wrong else None))
