"""People shows one Undo at a time, the newest: a contact logged puts away the Undo of an earlier deletion, and a
deletion hides the Undo of a contact logged before it."""

from collections.abc import Callable

import flet as ft

from views.people.deletion_undo import DeletionUndo
from views.people.reaching_out import ReachingOut


def use_newest_undo(reaching: ReachingOut, deletion: DeletionUndo) -> tuple[ft.Control | None, Callable]:
    """The logged contact's notice to show (None once a later deletion replaced it), and what to call when someone
    is deleted."""
    hidden_log, set_hidden_log = ft.use_state(None)  # the logged contact whose Undo a later deletion replaced
    logged_notice = reaching.notice if reaching.notice and reaching.notice.key != hidden_log else None

    def newest_undo_only() -> None:
        if logged_notice:
            deletion.put_away()

    ft.use_effect(newest_undo_only, [logged_notice.key if logged_notice else None])

    def deleted(person) -> None:
        deletion.remember(person)
        set_hidden_log(reaching.notice.key if reaching.notice else None)

    return logged_notice, deleted
