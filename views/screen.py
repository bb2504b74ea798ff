"""The frame every screen shares: a spoken heading and one scrollable column that reflows with large text."""

import flet as ft

READABLE_WIDTH = 680


def screen(title: str, *controls: ft.Control) -> ft.Control:
    return ft.Column(
        [
            ft.Semantics(header=True, content=ft.Text(title, theme_style=ft.TextThemeStyle.HEADLINE_MEDIUM)),
            *controls,
        ],
        spacing=16,
        scroll=ft.ScrollMode.AUTO,
        expand=True,
        width=READABLE_WIDTH,
    )
