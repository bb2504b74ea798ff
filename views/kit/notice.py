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
