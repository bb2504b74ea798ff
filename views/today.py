"""Today: how am I doing right now."""

import flet as ft

from views.screen import screen


@ft.component
def TodayScreen() -> ft.Control:
    return screen("Today", ft.Text("How are you feeling right now?"))
