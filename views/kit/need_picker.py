"""'I need…': the kinds of support as chips, to find who gives the one needed (People, the low-day card)."""

import flet as ft

from storage.people.model import Support
from views.kit.labelled import said_as


def need_picker(need: Support | None, on_pick, with_anyone: bool = True) -> ft.Control:
    """'I need…': one chip per kind of support; the chosen one filters and orders the list."""
    chips = [said_as(ft.Chip, "Anyone", "Anyone: show everyone", selected=need is None, show_checkmark=False,
                     on_select=lambda _: on_pick(None))] if with_anyone else []
    chips += [
        said_as(ft.Chip, kind.word, f"I need {kind.value} support", selected=need is kind, show_checkmark=False,
                on_select=lambda _, k=kind: on_pick(k))
        for kind in Support
    ]
    return ft.Row(chips, wrap=True, spacing=8, run_spacing=4)
