"""Undo for a person deleted by mistake, kept by the session rather than the screen: leave People and come back,
and "Deleted Sam. Undo" is still there, for as long as storage.people.deletions allows."""

from dataclasses import dataclass
from typing import Callable

import flet as ft

from storage.people.deletions import Deletion, still_undoable, undo_words
from storage.people.meetings import save_person
from storage.people.model import Person
from views.context import use_tend
from views.kit.labelled import said_as
from views.kit.notice import notice_card
from views.kit.taps import use_tap_gate

SESSION_KEY = "tend.people.last_deletion"


@dataclass(frozen=True)
class DeletionUndo:
    notice: ft.Control | None
    """'Deleted Sam.' with an Undo spoken as "Undo deleting Sam", while it can still be undone."""
    remember: Callable[[Person], None]
    put_away: Callable[[], None]
    """Another undoable thing happened: one Undo at a time, so this one goes."""


def use_deletion_undo(on_restored: Callable[[], None]) -> DeletionUndo:
    tend = use_tend()
    kept = ft.context.page.session.store
    deletion, set_deletion = ft.use_state(lambda: kept.get(SESSION_KEY))
    taps = use_tap_gate()

    def keep(value: Deletion | None) -> None:
        kept.set(SESSION_KEY, value)
        set_deletion(value)

    def undo() -> None:
        def restore() -> None:  # a group's meeting reminder comes back with it
            save_person(tend.store, deletion.person, None, tend.now(), tend.settings.day_starts_at)

        if taps.accepts("undo") and tend.wrote(restore):
            keep(None)
            on_restored()

    notice = None
    if still_undoable(deletion, tend.now()):
        message, spoken = undo_words(deletion)
        notice = notice_card(message, [said_as(ft.TextButton, "Undo", spoken, on_click=undo)])
    return DeletionUndo(notice, lambda person: keep(Deletion(person, tend.now())),
                        lambda: keep(None) if deletion else None)
