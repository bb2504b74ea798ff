"""'How do you feel after?': one optional question, asked in the same step that logs a contact, so it is asked
once and skipping it is just not answering."""

import flet as ft

from storage.people.feelings import Felt
from views.kit.labelled import said_as

FELT_ICONS = {Felt.LIFTED: ft.Icons.WB_SUNNY_OUTLINED, Felt.SAME: ft.Icons.HORIZONTAL_RULE,
              Felt.DRAINED: ft.Icons.BATTERY_2_BAR}


def felt_picker(chosen: Felt | None, on_pick) -> ft.Control:
    """Lifted, About the same, Drained as chips (a second tap on the chosen one takes it back); the chosen one is
    ticked, not only tinted, and none is coloured as better or worse than another."""
    chips = [
        said_as(ft.Chip, felt.word, f"I felt {felt.word.lower()} after", selected=chosen is felt,
                show_checkmark=False, leading=ft.Icon(ft.Icons.CHECK if chosen is felt else FELT_ICONS[felt], size=18),
                on_select=lambda e, f=felt: on_pick(f if e.control.selected else None))
        for felt in Felt
    ]
    return ft.Column(
        [ft.Text("How do you feel after? You can skip this.", theme_style=ft.TextThemeStyle.TITLE_SMALL),
         ft.Row(chips, wrap=True, spacing=8, run_spacing=4)],
        tight=True,
        spacing=4,
    )
