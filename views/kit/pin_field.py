"""The one PIN field: digits only, hidden as typed, with a button to show them."""

from typing import Callable

import flet as ft


def pin_field(label: str, typed: dict, name: str, error: str | None = None,
              on_submit: Callable[[], None] | None = None, autofocus: bool = False,
              key: str | None = None) -> ft.TextField:
    """Keeps what is typed in `typed[name]` (a use_ref dict), so a tap on the button sees the last digit.
    A new `key` gives an empty field, e.g. after a wrong PIN."""
    return ft.TextField(
        label=label,
        key=key,
        value=typed.get(name, ""),
        password=True,
        can_reveal_password=True,
        keyboard_type=ft.KeyboardType.NUMBER,
        max_length=8,
        autofocus=autofocus,
        error=error,
        error_max_lines=4,
        on_change=lambda e: typed.update({name: e.control.value}),
        on_submit=on_submit,  # a zero-argument handler, sync or async
    )
