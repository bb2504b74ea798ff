"""Controls that Flutter leaves nameless for screen readers, given a spoken name."""

from typing import Callable

import flet as ft


def icon_action(icon: ft.IconData, name: str, on_click: Callable[[], None]) -> ft.Control:
    """An icon button whose spoken name is `name` (Flutter doesn't speak an IconButton's tooltip here)."""
    return ft.Semantics(
        label=name,
        button=True,
        exclude_semantics=True,
        on_tap=lambda _: on_click(),
        content=ft.IconButton(icon, tooltip=name, on_click=lambda _: on_click()),
    )


def labelled_group(label: str, control: ft.Control, error: str | None = None) -> ft.Control:
    """A titled group whose title is also its spoken name, with a kind message below when something is wrong."""
    return ft.Column(
        [
            ft.Text(label, theme_style=ft.TextThemeStyle.TITLE_SMALL),
            ft.Semantics(label=label, container=True, content=control),
            *([ft.Text(error, color=ft.Colors.ERROR)] if error else []),
        ],
        spacing=4,
    )


def named(label: str, control: ft.Control) -> ft.Control:
    """`control` (a dropdown, say) announced as `label`."""
    return ft.Semantics(label=label, content=control)
