"""Snoozing: 10 minutes, 1 hour, tomorrow morning, or a time you choose."""

from typing import Callable

import flet as ft

from storage.days import moment_from_text
from views.context import use_tend
from views.guard import component
from views.kit.dialog import dialog
from views.kit.when_fields import WhenRow

QUICK_CHOICES = (("10 minutes", "10 minutes"), ("1 hour", "1 hour"), ("tomorrow morning", "Tomorrow morning"))


def snooze_dialog(what: str, on_snooze: Callable, on_close: Callable[[], None]) -> ft.AlertDialog:
    """`on_snooze(choice, chosen_moment_or_None)`."""
    return dialog(f"Snooze: {what}", SnoozeForm(on_snooze, on_close), on_dismiss=on_close, back="Back to snoozing")


@component
def SnoozeForm(on_snooze, on_close) -> ft.Control:
    tend = use_tend()
    later = tend.now()
    typed = ft.use_ref(lambda: {"day": f"{later:%Y-%m-%d}", "time": f"{later:%H:%M}"}).current  # see CheckInForm
    problem, set_problem = ft.use_state("")

    def until_chosen() -> None:
        try:
            chosen = moment_from_text(typed["day"], typed["time"], tend.zone, today=tend.now().date())
        except ValueError as error:
            set_problem(str(error))
            return
        on_snooze("chosen", chosen)

    return ft.Column(
        [
            *[ft.FilledTonalButton(label, on_click=lambda _, c=choice: on_snooze(c, None))
              for choice, label in QUICK_CHOICES],
            ft.Text("Or until a time you choose:"),
            WhenRow(typed),
            *([ft.Text(problem, color=ft.Colors.ERROR)] if problem else []),
            ft.Row([ft.TextButton("Cancel", on_click=on_close),
                    ft.FilledButton("Snooze until then", on_click=until_chosen)],
                   alignment=ft.MainAxisAlignment.END, wrap=True),
        ],
        tight=True,
        spacing=8,
        width=360,
    )
