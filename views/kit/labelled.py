"""Controls that Flutter leaves nameless for screen readers, given a spoken name."""

from typing import Callable

import flet as ft


def icon_action(icon: ft.IconData, name: str, on_click: Callable[[], None]) -> ft.Control:
    """An icon button whose spoken name is `name`: the label and the button merge into one tappable node.
    No tooltip: merged in, it would make a screen reader say the name twice."""
    return ft.MergeSemantics(ft.Semantics(label=name, content=ft.IconButton(icon, on_click=lambda _: on_click())))


def spoken_button(name: str, tappable: ft.Container, selected: bool | None = None) -> ft.Control:
    """A custom-drawn button (a Container with on_click) spoken as exactly `name`, tappable by pointer, keyboard
    and screen reader alike; what it draws inside is left out of the spoken name."""
    tappable.content = ft.Semantics(exclude_semantics=True, content=tappable.content)
    return ft.MergeSemantics(ft.Semantics(label=name, button=True, selected=selected, content=tappable))


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



def said_as(kind: type[ft.Control], shown: str, spoken: str, **options) -> ft.Control:
    """A button or chip that shows `shown` ("Call") but is spoken as `spoken` ("Call Sam"), so a list of cards
    doesn't read as a row of identical buttons; merged into one node that keeps the tap action."""
    text = ft.Semantics(label=spoken, exclude_semantics=True, content=ft.Text(shown))
    return ft.MergeSemantics(kind(**{"label" if kind is ft.Chip else "content": text}, **options))


def switch_row(label: str, value: bool, on_change) -> ft.Control:
    """A switch whose whole row (56 px tall) toggles it, spoken as one control named `label`."""
    return ft.MergeSemantics(ft.ListTile(title=ft.Text(label), trailing=ft.Switch(value=value, on_change=on_change),
                                         toggle_inputs=True, content_padding=ft.Padding.symmetric(horizontal=0)))


def check_row(label: str, value: bool, on_change) -> ft.Control:
    """A checkbox whose whole row (56 px tall, not the checkbox's 40) toggles it, spoken as one checkbox named
    `label`."""
    return ft.MergeSemantics(ft.ListTile(leading=ft.Checkbox(value=value, on_change=on_change), title=ft.Text(label),
                                         toggle_inputs=True, content_padding=ft.Padding.symmetric(horizontal=0)))


def radio_row(value: str, label: str) -> ft.Control:
    """One choice of a RadioGroup whose whole row (56 px tall) picks it, spoken as one control named `label`."""
    return ft.MergeSemantics(ft.ListTile(leading=ft.Radio(value=value), title=ft.Text(label), toggle_inputs=True,
                                         content_padding=ft.Padding.symmetric(horizontal=0)))
