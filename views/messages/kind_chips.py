"""The row of chips that chooses which kind of support's messages are shown, in the picker and in Manage."""

from collections.abc import Callable

import flet as ft

from storage.messages.model import MessageKind
from views.kit.labelled import said_as


def kind_chips(shown_kind: MessageKind, on_pick: Callable[[MessageKind], object]) -> ft.Control:
    return ft.Row(
        [said_as(ft.Chip, kind.word, f"Messages for {kind.value}", selected=kind is shown_kind, show_checkmark=False,
                 on_select=lambda _, k=kind: on_pick(k)) for kind in MessageKind],
        scroll=ft.ScrollMode.AUTO, spacing=8,
    )
