"""Banners above every screen: what `Tend.tell` says, and (through `banner`) the reminder that is due.

Not pop-ups: a SnackBar may vanish before it is read, and a person in a hard moment should not have to catch a
message in time. A banner stays until "Got it".
"""

import flet as ft


def banner(label: str, icon: ft.IconData, body: ft.Control, color: ft.ColorValue) -> ft.Control:
    """A full-width strip, announced to screen readers (as `label`, then its words) when it appears."""
    return ft.Semantics(
        live_region=True,
        container=True,
        label=label,
        content=ft.Container(
            ft.Row([ft.Icon(icon), ft.Container(body, expand=True)], vertical_alignment=ft.CrossAxisAlignment.START),
            bgcolor=color,
            padding=ft.Padding.symmetric(horizontal=16, vertical=8),
        ),
    )


def notice_banner(message: str | None, on_read) -> ft.Control:
    """The message told last, with "Got it"; nothing when there is none."""
    if not message:
        return ft.Container(visible=False)
    return banner(
        "Message",
        ft.Icons.INFO_OUTLINE,
        ft.Row([ft.Container(ft.Text(message), expand=True), ft.TextButton("Got it", on_click=on_read)]),
        ft.Colors.TERTIARY_CONTAINER,
    )


def notice_card(message: str, actions: list[ft.Control], visible: bool = True) -> ft.Control:
    """A quiet confirmation with its actions, shown in place rather than as a pop-up that may vanish too fast.

    A card that comes and goes often can stay in the tree, hidden (`visible=False`): showing it again then
    changes a few properties instead of building a whole card, which keeps a one-tap save quick."""
    return ft.Card(
        ft.Container(
            ft.Column(
                [
                    ft.Text(message, theme_style=ft.TextThemeStyle.BODY_LARGE),
                    ft.Row(actions, wrap=True, alignment=ft.MainAxisAlignment.END),
                ],
                spacing=4,
            ),
            padding=ft.Padding.symmetric(horizontal=16, vertical=8),
        ),
        visible=visible,
    )
