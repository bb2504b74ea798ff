"""Backups: the automatic daily copies of your data, making one now, and bringing one back.

Both zip or unzip every data file: they run off the event loop (views.kit.background), one at a time, with the
buttons disabled and a word of progress while they take.
"""

import math
from collections.abc import Callable

import flet as ft

from storage.store.backups import BackupInfo, list_backups
from views.context import use_tend
from views.guard import component
from views.kit.background import Say, Work, progress_line, use_outcome, use_work, wrote_in_background
from views.kit.dialog import dialog
from views.kit.labelled import said_as
from views.kit.screen import screen, section_title
from views.settings.data_replaced import use_following_replaced_data
from views.settings.your_data import DATA_WORK, outcome_text


def day_in_words(info: BackupInfo) -> str:
    return f"{info.day.day} {info.day:%B %Y}"


def size_in_words(size_bytes: int) -> str:
    if size_bytes < 1024:
        return f"{size_bytes} bytes"
    if size_bytes < 1024 * 1024:
        return f"{math.ceil(size_bytes / 1024)} KB"
    return f"{size_bytes / 1024 / 1024:.1f} MB"


def described(info: BackupInfo) -> str:
    """"23 November 2026 · 14 KB", and whether it holds the state just before a restore."""
    parts = [day_in_words(info), size_in_words(info.size_bytes)]
    return " · ".join(parts + ["before a restore"] if info.before_restore else parts)


@component
def BackupsScreen() -> ft.Control:
    tend = use_tend()
    follow_replaced_data = use_following_replaced_data()
    data_dir = tend.store.data_dir
    found, set_found = ft.use_state(lambda: list_backups(data_dir) if data_dir else [])
    outcome, report = use_outcome(tend.tell)
    work = use_work(DATA_WORK)

    def list_changed() -> None:
        set_found(list_backups(data_dir) if data_dir else [])

    async def back_up(say: Say) -> None:
        now = tend.now()
        if await wrote_in_background(tend, lambda: tend.store.back_up_now(now)):
            report("Backed up just now. It is at the top of the list.")
            list_changed()

    async def back_up_now() -> None:
        report(None)
        await work.run("Backing up your data…", back_up)

    ask_to_restore = use_restoring(report, work, lambda: follow_replaced_data(), list_changed)

    if data_dir is None:
        return screen("Backups", ft.Text("Tend is keeping your data in memory only this time, so there are no "
                                         "backups. Start Tend with a data folder to have them."))
    return screen(
        "Backups",
        ft.Text(f"Tend backs up your data once a day, when it starts, and keeps the newest 14 backups in "
                f"{data_dir / 'backups'}. Like your data, backups are not locked or encrypted."),
        ft.FilledTonalButton("Back up now", icon=ft.Icons.BACKUP_OUTLINED, disabled=work.busy,
                             on_click=back_up_now),
        *([progress_line(work.words)] if work.words else []),
        *([outcome_text(*outcome)] if outcome else []),
        section_title("Your backups, newest first"),
        *([backup_row(info, ask_to_restore, work.busy) for info in found]
          or [ft.Text("No backups yet. Tend makes the first one the next time it starts, or tap Back up now.")]),
    )


def use_restoring(report, work: Work, follow_replaced_data: Callable[[], None],
                  list_changed: Callable[[], None]) -> Callable[[BackupInfo], None]:
    """Restoring a backup, once the person has confirmed it in a dialog; answers what asks them about one. A second
    tap on Restore, after the first one answered the dialog, restores nothing more."""
    tend = use_tend()
    confirming, set_confirming = ft.use_state(None)
    unanswered = ft.use_ref(None)  # the backup the open dialog asks about, until its first answer

    def ask_to_restore(info: BackupInfo) -> None:
        unanswered.current = info
        set_confirming(info)

    def cancel() -> None:
        unanswered.current = None
        set_confirming(None)

    async def restore_confirmed() -> None:
        info, unanswered.current = unanswered.current, None
        set_confirming(None)
        if info is None:
            return
        report(None)

        async def restoring(say: Say) -> None:
            now = tend.now()
            if not await wrote_in_background(tend, lambda: tend.store.restore_backup(info.path, now)):
                return
            follow_replaced_data()
            report(f"Restored the backup from {day_in_words(info)}: Tend now holds your data as it was then. "
                   "What you had just before is kept as the backup marked “before a restore”, so you can undo "
                   "this by restoring that one.")
            list_changed()

        await work.run("Restoring your backup…", restoring)

    ft.use_dialog(confirm_dialog(confirming, restore_confirmed, cancel) if confirming else None)
    return ask_to_restore


def backup_row(info: BackupInfo, on_restore, busy: bool) -> ft.Control:
    return ft.Row(
        [
            ft.Text(described(info), expand=True),
            said_as(ft.OutlinedButton, "Restore", f"Restore {described(info)}", disabled=busy,
                    on_click=lambda: on_restore(info)),
        ],
    )


def confirm_dialog(info: BackupInfo, on_restore, on_cancel) -> ft.AlertDialog:
    return dialog(
        "Restore this backup?",
        ft.Text(f"Your data will become what it was in the backup from {described(info)}. Changes since "
                "then will no longer show. Tend first backs up what you have now, so you can go back to it. "
                "Your app lock stays as it is."),
        [
            ft.TextButton("Cancel", on_click=on_cancel),
            ft.FilledButton("Restore", on_click=on_restore),
        ],
        modal=True,
    )
