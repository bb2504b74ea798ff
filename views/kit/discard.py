"""Asking before a form's typed changes are thrown away, the same way in every form.

A form's dialog is modal (views.kit.dialog: `modal=True`), so a tap beside it or Escape no longer closes it and
loses what was typed without a word; Cancel is then the way out, and it asks "Discard what you typed?" when
anything differs from how the form opened. A form with nothing changed closes at once.
"""

import copy
from dataclasses import dataclass
from typing import Callable

import flet as ft

QUESTION = "Discard what you typed?"


@dataclass(frozen=True)
class DiscardCheck:
    cancel: Callable[[], None]
    """For the form's Cancel: closes at once when nothing changed, else asks first."""
    question: ft.Control | None
    """Shown in place of the form's buttons while asking, else None."""


def use_discard_check(draft: Callable[[], object], on_cancel: Callable[[], None]) -> DiscardCheck:
    """`draft()` answers everything the form holds now (typed text and choices), as values that compare with ==;
    its answer at the first render is what "unchanged" means. Call it on every render of the form (it keeps hooks)."""
    opened_with = ft.use_ref(lambda: copy.deepcopy(draft()))
    asking, set_asking = ft.use_state(False)

    def cancel() -> None:
        if draft() == opened_with.current:
            on_cancel()
        else:
            set_asking(True)

    if not asking:
        return DiscardCheck(cancel, None)
    question = ft.Column(
        [
            ft.Semantics(live_region=True, content=ft.Text(QUESTION, weight=ft.FontWeight.BOLD)),
            ft.Text("What you typed here hasn't been saved."),
            ft.Row(
                [
                    ft.TextButton("Discard", on_click=on_cancel),
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
    return DiscardCheck(cancel, question)
