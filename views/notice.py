"""What `Tend.tell` says, shown above every screen until the person has read it.

Not a pop-up: a SnackBar may vanish before it is read, and while one was open Flet's web client could ignore the
next navigation tap.
"""

import flet as ft


def notice_banner(message: str | None, on_read) -> ft.Control:
    """The message with "Got it", announced to screen readers as it appears; nothing when there is none."""
    if not message:
        return ft.Container(visible=False)
    return ft.Semantics(
        live_region=True,
        container=True,
        label="Message",
        content=ft.Container(
            ft.Row(
                [
                    ft.Icon(ft.Icons.INFO_OUTLINE),
                    ft.Container(ft.Text(message), expand=True),
                    ft.TextButton("Got it", on_click=on_read),
                ],
                wrap=False,
            ),
            bgcolor=ft.Colors.TERTIARY_CONTAINER,
            padding=ft.Padding.symmetric(horizontal=16, vertical=8),
        ),
    )
