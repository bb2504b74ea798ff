"""What Manage messages does: add, reword, remove (with Undo) and restore Tend's messages, and what it says after.
Drawn in views.messages.manage."""

from dataclasses import dataclass

import flet as ft

from storage.errors import Refused
from storage.messages.model import MessageKind
from storage.messages.repository import MessageRepository
from views.context import use_tend
from views.kit.taps import use_tap_gate


@dataclass(frozen=True)
class MessageEdits:
    """Made from the messages of the kind shown, read on each render (a change here redraws)."""

    editing: str | None
    """A message's id, views.messages.manage.NEW, or None."""
    typed: dict
    problem: str | None
    removed: object | None
    said: str | None
    changed: object
    start: object
    save: object
    remove: object
    undo: object
    restore: object


def use_message_edits(shown_kind: MessageKind, messages: list) -> MessageEdits:
    tend = use_tend()
    repository = MessageRepository(tend.store)
    editing, set_editing = ft.use_state(None)
    typed = ft.use_ref(lambda: {"text": ""}).current
    problem, set_problem = ft.use_state(None)
    removed, set_removed = ft.use_state(None)
    said, set_said = ft.use_state(None)
    taps = use_tap_gate()

    def changed(words: str | None = None) -> None:
        set_editing(None)
        set_problem(None)
        set_said(words)  # with `removed` or `editing`, always a new state: the manager reads the list again

    def start(message_id: str, text: str) -> None:
        typed["text"] = text
        set_problem(None)
        set_editing(message_id)

    def save() -> None:
        if not taps.accepts(("save", editing, typed["text"])):
            return  # a double tap saves once; Save after fixing the words is a new tap
        message = next((m for m in messages if m.id == editing), None)
        try:
            if tend.wrote(lambda: repository.edit(message, typed["text"], tend.now()) if message
                          else repository.add(shown_kind, typed["text"], tend.now())):
                changed("Saved." if message else "Added.")
        except Refused as refused:
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
            changed(restored_words(count[0]))

    return MessageEdits(editing, typed, problem, removed, said, changed, start, save, remove, undo, restore)


def restored_words(count: int) -> str:
    return (f"Restored {count} of Tend's messages as it wrote them." if count
            else "Tend's messages are all as it wrote them.")
