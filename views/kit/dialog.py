"""Every dialog in Tend, made one way, so Get help now is one tap away inside each of them.

A tap outside a dialog closes it (or, for one that must be answered, does nothing), so the top bar's Get help now
can't be reached while a dialog is open; and a dialog opened over another made Flet 1.0.5 send the form below again
as last drawn, without what was typed since. So the help opens inside the dialog itself, in place of what it shows,
and "Back" brings that back exactly as it was left.
"""

from typing import Callable, Sequence

import flet as ft

from views.guard import component

HELP_WIDTH = 440  # clamped to the screen on a phone


def dialog(title: str, content: ft.Control, actions: Sequence[ft.Control] = (), *,
           on_dismiss: Callable[[], None] | None = None, modal: bool = False,
           back: str = "Back") -> ft.AlertDialog:
    """A dialog with Get help now above its content. `actions` sit below the content rather than in Flutter's
    action bar, so they step aside while the help shows (no "Restore" under a crisis line); `back` names the way
    back from the help ("Back to the form")."""
    return ft.AlertDialog(title=ft.Text(title), content=WithGetHelp(content, list(actions), back),
                          on_dismiss=on_dismiss, modal=modal,
                          semantics_label=title)  # else Flutter names every dialog "Alert" to screen readers


@component
def WithGetHelp(content: ft.Control, actions: list[ft.Control], back: str) -> ft.Control:
    """Get help now, then the dialog's own content and actions. The content keeps its place in the tree while the
    help shows (only hidden), so a form keeps its state and what was typed."""
    from views.help.get_help import GetHelpInDialog  # here: Get help opens the People form, a dialog in turn

    showing, set_showing = ft.use_state(False)
    if showing:
        top = ft.Container(GetHelpInDialog(back, lambda: set_showing(False)), width=HELP_WIDTH, expand=True)
    else:
        top = ft.Row([ft.FilledTonalButton("Get help now", icon=ft.Icons.SUPPORT, on_click=lambda: set_showing(True))],
                     alignment=ft.MainAxisAlignment.END)
    return ft.Column(
        [
            top,
            # loose: a content that scrolls gets the dialog's height to scroll in; a short one stays short
            ft.Container(content, visible=not showing, expand=True, expand_loose=True),
            ft.Row(actions, alignment=ft.MainAxisAlignment.END, wrap=True, visible=bool(actions) and not showing),
        ],
        tight=True,
        spacing=8,
    )
