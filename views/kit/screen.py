"""The frame every screen shares: a spoken heading and one scrollable column that reflows with large text."""

from typing import Callable

import flet as ft

READABLE_WIDTH = 680


def screen(title: str | ft.Control, *controls: ft.Control, on_near_end: Callable[[], None] | None = None) -> ft.Control:
    """`title`: the heading's words, or a whole title bar (see `title_bar`). `on_near_end` is called when the person
    scrolls close to the bottom, to load more."""

    def watch_scroll(e: ft.OnScrollEvent) -> None:
        if e.max_scroll_extent - e.pixels < 400:
            on_near_end()

    column = ft.Column(
        [
            title if isinstance(title, ft.Control) else screen_heading(title),
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


def screen_heading(title: str) -> ft.Control:
    return ft.Semantics(header=True, content=ft.Text(title, theme_style=ft.TextThemeStyle.HEADLINE_MEDIUM))


def title_bar(title: str, actions: list[ft.Control]) -> ft.Control:
    """A screen's heading with the screen's own tools at its right, so what the screen is for comes first below
    it. Here rather than in the top bar, which stays above the app lock: these belong behind it."""
    return ft.Row([screen_heading(title), ft.Row(actions, spacing=4, tight=True)], wrap=True,
                  alignment=ft.MainAxisAlignment.SPACE_BETWEEN, vertical_alignment=ft.CrossAxisAlignment.CENTER)


def section_title(text: str) -> ft.Control:
    """A heading inside a screen, so screen-reader users can jump between sections."""
    return ft.Semantics(header=True, content=ft.Text(text, theme_style=ft.TextThemeStyle.TITLE_MEDIUM))
