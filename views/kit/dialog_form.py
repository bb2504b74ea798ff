"""The frame of a form in a dialog, shared by the check-in and person forms (Get help now is above it: see
views.kit.dialog)."""

import flet as ft

from views.kit.discard import use_discard_check
from views.kit.draft import Draft
from views.kit.taps import use_tap_gate


def dialog_form(fields: list[ft.Control], problems: dict[str, str], draft: Draft, on_save, on_cancel,
                on_delete=None) -> ft.Control:
    """The fields scroll; the buttons stay in view below them, so Save is never out of reach after a long note.

    `problems` holds a message per field (shown at the field by the caller) and perhaps "save" for a write the
    device refused; either way a line above the buttons says nothing was saved. A second quick tap on Save or
    Delete does nothing: a new record is saved once. Cancel asks before throwing away changes to the `draft`
    (views.kit.discard). Call it on every render of the form (it keeps hooks).
    """
    taps = use_tap_gate()
    discard = use_discard_check(draft, on_cancel)
    buttons = ft.Row(
        [
            *([ft.TextButton("Delete", icon=ft.Icons.DELETE_OUTLINE,
                             on_click=taps.once("delete", draft.closing(on_delete)))] if on_delete else []),
            ft.TextButton("Cancel", on_click=discard.cancel),
            ft.FilledButton("Save", on_click=taps.once("save", draft.closing(on_save))),
        ],
        alignment=ft.MainAxisAlignment.END,
        wrap=True,
    )
    outcome = problems.get("save") or (problems and "Nothing was saved yet: please look at the marked details.")
    return ft.Column(
        [
            ft.Column([*([discard.brought_back] if discard.brought_back else []), *fields], spacing=12,
                      scroll=ft.ScrollMode.AUTO, expand=True),
            *([ft.Text(outcome, color=ft.Colors.ERROR)] if outcome else []),
            discard.question or buttons,
        ],
        spacing=8,
        width=520,
        height=max(320, (ft.context.page.height or 800) - 280),  # room for Get help now above the form
    )
