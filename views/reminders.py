"""Reminders: to check in, and to stay in touch with the people who hold you up."""

import flet as ft

from views.screen import screen


@ft.component
def RemindersScreen() -> ft.Control:
    return screen(
        "Reminders",
        ft.Text("Gentle reminders to check in and to stay in touch will be set here."),
    )
