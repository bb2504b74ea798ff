"""The one PIN field: digits only, hidden as typed, with a button to show them."""

from typing import Callable

import flet as ft

from views.guard import component
from views.kit.labelled import icon_action


def pin_field(label: str, typed: dict, name: str, error: str | None = None,
              on_submit: Callable[[], None] | None = None, autofocus: bool = False,
              key: str | None = None) -> ft.Control:
    """Keeps what is typed in `typed[name]` (a use_ref dict), so a tap on the button sees the last digit.
    A new `key` gives an empty field, e.g. after a wrong PIN."""
    return PinField(label, typed, name, error, on_submit, autofocus, key=key)


@component
def PinField(label: str, typed: dict, name: str, error: str | None, on_submit, autofocus: bool) -> ft.Control:
    """Flutter's own show/hide button has no spoken name; this one is "Show PIN" or "Hide PIN", and "… the PIN
    typed again" beside the second field, so no two buttons of one dialog share a name."""
    shown, set_shown = ft.use_state(False)
    what = "the PIN typed again" if label == "Type it again" else "PIN"
    return ft.TextField(
        label=label,
        value=typed.get(name, ""),
        password=not shown,
        suffix_icon=icon_action(ft.Icons.VISIBILITY_OFF if shown else ft.Icons.VISIBILITY,
                                f"Hide {what}" if shown else f"Show {what}", lambda: set_shown(not shown)),
        keyboard_type=ft.KeyboardType.NUMBER,
        max_length=8,
        autofocus=autofocus,
        error=error,
        error_max_lines=4,
        on_change=lambda e: typed.update({name: e.control.value}),
        on_submit=on_submit,  # a zero-argument handler, sync or async
    )
