"""History: your check-ins by day."""

import flet as ft

from views.screen import screen


@ft.component
def HistoryScreen() -> ft.Control:
    return screen("History", ft.Text("Your check-ins will appear here, day by day."))
