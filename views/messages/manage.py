"""Your messages: add your own, reword or remove any (Tend's too, with Undo), and restore Tend's as it wrote them.
Shown inside the picker (so nothing typed there is lost) and from Settings."""

import flet as ft

from storage.messages.model import MESSAGE_LIMIT, MessageKind
from storage.messages.repository import MessageRepository
from views.context import use_tend
from views.guard import component
from views.kit.labelled import icon_action
from views.messages.kind_chips import kind_chips
from views.messages.message_edits import MessageEdits, use_message_edits

NEW = "new"
"""What `editing` holds while a new message is being written."""


@component
def MessagesManager(kind: MessageKind, on_back, back_words: str) -> ft.Control:
    tend = use_tend()
    shown_kind, set_shown_kind = ft.use_state(kind)
    messages = tend.read(lambda: MessageRepository(tend.store).messages(shown_kind), [])
    edits = use_message_edits(shown_kind, messages)
    return ft.Column(
        [
            kind_chips(shown_kind, lambda k: (set_shown_kind(k), edits.changed())),
            *[_editor(edits) if edits.editing == message.id else _row(message, edits) for message in messages],
            *([ft.Text("No messages of this kind. Add one below, or restore Tend's.")] if not messages else []),
            *([ft.Row([ft.Text("Message removed.", expand=True), ft.TextButton("Undo", on_click=edits.undo)])]
              if edits.removed else []),
            *([ft.Text(edits.said)] if edits.said else []),
            _editor(edits) if edits.editing == NEW else ft.Row(
                [ft.OutlinedButton("Add a message", icon=ft.Icons.ADD, on_click=lambda: edits.start(NEW, "")),
                 ft.TextButton("Restore Tend's messages", icon=ft.Icons.RESTORE, on_click=edits.restore)],
                wrap=True),
            ft.Row([ft.FilledTonalButton(back_words, on_click=on_back)], alignment=ft.MainAxisAlignment.END),
        ],
        spacing=8,
        scroll=ft.ScrollMode.AUTO,
        tight=True,
        width=520,
    )


def _editor(edits: MessageEdits) -> ft.Control:
    """The words of the message being written or reworded, with Cancel and Save."""
    typed = edits.typed
    return ft.Column([
        ft.TextField(label="Message", value=typed["text"], multiline=True, min_lines=2, max_lines=6,
                     max_length=MESSAGE_LIMIT, autofocus=True,
                     on_change=lambda e: typed.update(text=e.control.value)),
        *([ft.Text(edits.problem, color=ft.Colors.ERROR)] if edits.problem else []),
        ft.Row([ft.TextButton("Cancel", on_click=lambda: edits.changed()),
                ft.FilledButton("Save", on_click=edits.save)],
               alignment=ft.MainAxisAlignment.END, wrap=True),
    ], spacing=4)


def _row(message, edits: MessageEdits) -> ft.Control:
    short = message.wording if len(message.wording) <= 40 else message.wording[:39] + "…"
    return ft.Row(
        [
            ft.Text(message.wording, expand=True),
            icon_action(ft.Icons.EDIT_OUTLINED, f"Edit message: {short}",
                        lambda: edits.start(message.id, message.wording)),
            icon_action(ft.Icons.DELETE_OUTLINE, f"Remove message: {short}", lambda: edits.remove(message)),
        ],
        vertical_alignment=ft.CrossAxisAlignment.CENTER,
    )
