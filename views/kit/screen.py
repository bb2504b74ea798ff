"""The frame every screen shares: a spoken heading and one scrollable column that reflows with large text."""

from typing import Callable

import flet as ft

READABLE_WIDTH = 680


def screen(title: str, *controls: ft.Control, on_near_end: Callable[[], None] | None = None) -> ft.Control:
    """`on_near_end` is called when the person scrolls close to the bottom, to load more."""

    def watch_scroll(e: ft.OnScrollEvent) -> None:
        if e.max_scroll_extent - e.pixels < 400:
            on_near_end()

    column = ft.Column(
        [
            ft.Semantics(header=True, content=ft.Text(title, theme_style=ft.TextThemeStyle.HEADLINE_MEDIUM)),
            *controls,
        ],
        spacing=16,
        scroll=ft.ScrollMode.AUTO,
        expand=True,
        width=READABLE_WIDTH,
        on_scroll=watch_scroll if on_near_end else None,
        scroll_interval=250,
    )
    # Centred in whatever room there is: on a desktop window the column no longer hugs the left edge.
    return ft.Container(column, alignment=ft.Alignment.TOP_CENTER, expand=True)


def section_title(text: str) -> ft.Control:
    """A heading inside a screen, so screen-reader users can jump between sections."""
    return ft.Semantics(header=True, content=ft.Text(text, theme_style=ft.TextThemeStyle.TITLE_MEDIUM))
