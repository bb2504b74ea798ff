"""The editing flow Today and History share: open the form, refresh after a change, undo a delete."""

from dataclasses import dataclass
from datetime import date
from typing import Callable

import flet as ft

from storage.checkins.model import CheckIn
from storage.checkins.repository import CheckInRepository
from views.checkins.editor import EditorCallbacks, check_in_dialog
from views.context import use_tend
from views.kit.labelled import said_as
from views.kit.notice import notice_card


@dataclass(frozen=True)
class CheckInEditing:
    open: Callable[[CheckIn | None], None]
    """Open the form for a check-in, or for a new past one with None."""
    open_new_on: Callable[[date], None]
    """Open the form for a new check-in on a day picked in the calendar."""
    undo_card: ft.Control | None
    """'Check-in deleted. Undo' while a deleted check-in can still be brought back."""


def use_check_in_editing(on_changed: Callable[[], None]) -> CheckInEditing:
    tend = use_tend()
    editing, set_editing = ft.use_state(None)  # (check-in or None, day or None) while the form is open
    deleted, set_deleted = ft.use_state(None)

    def saved(_: CheckIn) -> None:
        set_editing(None)
        set_deleted(None)
        on_changed()

    def was_deleted(check_in: CheckIn) -> None:
        set_editing(None)
        set_deleted(check_in)
        on_changed()

    def undo_delete() -> None:
        if tend.wrote(lambda: CheckInRepository(tend.store).save(deleted)):
            set_deleted(None)
            on_changed()

    callbacks = EditorCallbacks(saved=saved, deleted=was_deleted, closed=lambda: set_editing(None),
                                new_on=editing[1] if editing else None)
    ft.use_dialog(check_in_dialog(editing[0], callbacks) if editing else None)
    card = notice_card(f"Deleted the check-in of {deleted.at:%A %H:%M}.",
                       [said_as(ft.TextButton, "Undo", f"Undo deleting the check-in of {deleted.at:%A %H:%M}",
                                on_click=undo_delete)]) if deleted else None
    open_editor = ft.use_callback(lambda check_in: set_editing((check_in, None)), [])  # stable, for memoised lists
    return CheckInEditing(open=open_editor, undo_card=card, open_new_on=lambda day: set_editing((None, day)))
