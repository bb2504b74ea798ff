"""Your messages: add your own, reword or remove any (Tend's too, with Undo), and restore Tend's as it wrote them.
Shown inside the picker (so nothing typed there is lost) and from Settings."""

import flet as ft

from storage.messages.model import MESSAGE_LIMIT, MessageKind, MessageProblem
from storage.messages.repository import MessageRepository
from views.context import use_tend
from views.guard import component
from views.kit.labelled import icon_action, said_as
from views.kit.taps import use_tap_gate

NEW = "new"
"""What `editing` holds while a new message is being written."""


@component
def MessagesManager(kind: MessageKind, on_back, back_words: str) -> ft.Control:
    tend = use_tend()
    repository = MessageRepository(tend.store)
    shown_kind, set_shown_kind = ft.use_state(kind)
    editing, set_editing = ft.use_state(None)  # a message's id, NEW, or None
    typed = ft.use_ref(lambda: {"text": ""}).current
    problem, set_problem = ft.use_state(None)
    removed, set_removed = ft.use_state(None)
    said, set_said = ft.use_state(None)
    changes, set_changes = ft.use_state(0)  # a change re-reads the list
    taps = use_tap_gate()
    messages = tend.read(lambda: repository.messages(shown_kind), [])

    def changed(words: str | None = None) -> None:
        set_editing(None)
        set_problem(None)
        set_said(words)
        set_changes(changes + 1)

    def start(message_id: str, text: str) -> None:
        typed["text"] = text
        set_problem(None)
        set_editing(message_id)

    def save() -> None:
        if not taps.accepts(("save", editing, typed["text"])):
            return  # a double tap saves once; Save after fixing the words is a new tap
        message = next((m for m in messages if m.id == editing), None)
        try:
            if message:
                tend.wrote(lambda: repository.edit(message, typed["text"], tend.now())) and changed("Saved.")
            else:
                tend.wrote(lambda: repository.add(shown_kind, typed["text"], tend.now())) and changed("Added.")
        except MessageProblem as refused:
            set_problem(str(refused))  # nothing was saved

    def remove(message) -> None:
        if taps.accepts(("remove", message.id)) and tend.wrote(lambda: repository.remove(message, tend.now())):
            set_removed(message)
            changed()

    def undo() -> None:
        if tend.wrote(lambda: repository.put_back(removed, tend.now())):
            set_removed(None)
            changed()

    def restore() -> None:
        count = []
        if taps.accepts("restore") and tend.wrote(lambda: count.append(repository.restore_tends_own(tend.now()))):
            set_removed(None)
            changed(f"Restored {count[0]} of Tend's messages as it wrote them." if count[0]
                    else "Tend's messages are all as it wrote them.")

    def editor() -> ft.Control:
        return ft.Column([
            ft.TextField(label="Message", value=typed["text"], multiline=True, min_lines=2, max_lines=6,
                         max_length=MESSAGE_LIMIT, autofocus=True,
                         on_change=lambda e: typed.update(text=e.control.value)),
            *([ft.Text(problem, color=ft.Colors.ERROR)] if problem else []),
            ft.Row([ft.TextButton("Cancel", on_click=lambda: changed()),
                    ft.FilledButton("Save", on_click=save)],
                   alignment=ft.MainAxisAlignment.END, wrap=True),
        ], spacing=4)

    def row(message) -> ft.Control:
        if editing == message.id:
            return editor()
        short = message.wording if len(message.wording) <= 40 else message.wording[:39] + "…"
        return ft.Row(
            [
                ft.Text(message.wording, expand=True),
                icon_action(ft.Icons.EDIT_OUTLINED, f"Edit message: {short}",
                            lambda: start(message.id, message.wording)),
                icon_action(ft.Icons.DELETE_OUTLINE, f"Remove message: {short}", lambda: remove(message)),
            ],
            vertical_alignment=ft.CrossAxisAlignment.CENTER,
        )

    return ft.Column(
        [
            ft.Row(
                [said_as(ft.Chip, k.word, f"Messages for {k.value}", selected=k is shown_kind, show_checkmark=False,
                         on_select=lambda _, k=k: (set_shown_kind(k), changed())) for k in MessageKind],
                scroll=ft.ScrollMode.AUTO, spacing=8,
            ),
            *[row(message) for message in messages],
            *([ft.Text("No messages of this kind. Add one below, or restore Tend's.")] if not messages else []),
            *([ft.Row([ft.Text("Message removed.", expand=True), ft.TextButton("Undo", on_click=undo)])]
              if removed else []),
            *([ft.Text(said)] if said else []),
            editor() if editing == NEW else ft.Row(
                [ft.OutlinedButton("Add a message", icon=ft.Icons.ADD, on_click=lambda: start(NEW, "")),
                 ft.TextButton("Restore Tend's messages", icon=ft.Icons.RESTORE, on_click=restore)],
                wrap=True),
            ft.Row([ft.FilledTonalButton(back_words, on_click=on_back)], alignment=ft.MainAxisAlignment.END),
        ],
        spacing=8,
        scroll=ft.ScrollMode.AUTO,
        tight=True,
        width=520,
    )
