"""Asking before a form's typed changes are thrown away, the same way in every form.

A form's dialog is modal (views.kit.dialog: `modal=True`), so a tap beside it or Escape no longer closes it and
loses what was typed without a word; Cancel is then the way out, and it asks "Discard what you typed?" when
anything differs from how the form opened. A form with nothing changed closes at once. A screen left with the form
open keeps what it held for next time (views.kit.draft), and the form then says it is back.
"""

from dataclasses import dataclass
from typing import Callable

import flet as ft

from views.kit.draft import Draft

QUESTION = "Discard what you typed?"
BROUGHT_BACK = "What you typed before is back. Nothing is saved until you tap Save."


@dataclass(frozen=True)
class DiscardCheck:
    cancel: Callable[[], None]
    """For the form's Cancel: closes at once when nothing changed, else asks first."""
    question: ft.Control | None
    """Shown in place of the form's buttons while asking, else None."""
    brought_back: ft.Control | None
    """Shown at the top of a form that opened with what was left in it, else None."""


def use_discard_check(draft: Draft, on_cancel: Callable[[], None]) -> DiscardCheck:
    """Call it on every render of the form (it keeps hooks)."""
    asking, set_asking = ft.use_state(False)
    let_go = draft.closing(on_cancel)

    def cancel() -> None:
        if draft.changed():
            set_asking(True)
        else:
            let_go()

    brought_back = ft.Semantics(live_region=True, content=ft.Text(BROUGHT_BACK, italic=True)) \
        if draft.brought_back else None
    if not asking:
        return DiscardCheck(cancel, None, brought_back)
    question = ft.Column(
        [
            ft.Semantics(live_region=True, content=ft.Text(QUESTION, weight=ft.FontWeight.BOLD)),
            ft.Text("What you typed here hasn't been saved."),
            ft.Row(
                [
                    ft.TextButton("Discard", on_click=let_go),
                    # focused, so a keyboard or screen reader lands on the safe answer
                    ft.FilledButton("Keep editing", autofocus=True, on_click=lambda: set_asking(False)),
                ],
                alignment=ft.MainAxisAlignment.END,
                wrap=True,
            ),
        ],
        spacing=4,
        horizontal_alignment=ft.CrossAxisAlignment.STRETCH,  # the answers sit at the right, where Save was
    )
    return DiscardCheck(cancel, question, brought_back)
