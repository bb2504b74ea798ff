"""Today: how am I doing right now — one tap saves a check-in, details are optional."""

from datetime import datetime

import flet as ft

from storage.checkin_repository import CheckInRepository
from storage.checkins import CheckIn, Mood, new_check_in
from storage.days import today
from storage.errors import StorageError
from views.checkin_editing import notice_card, use_check_in_editing
from views.checkin_tile import check_in_tile
from views.context import use_tend
from views.labelled import spoken_button
from views.moods import MOOD_COLORS, MOOD_ICONS
from views.screen import screen


def mood_button(mood: Mood, on_tap) -> ft.Control:
    """A large button with the mood's icon and word; its spoken name says what one tap does."""
    return spoken_button(
        f"Log mood: {mood.word}",
        ft.Container(
            ft.Column(
                [ft.Icon(MOOD_ICONS[mood], size=36, color=MOOD_COLORS[mood]), ft.Text(mood.word)],
                horizontal_alignment=ft.CrossAxisAlignment.CENTER,
                spacing=4,
            ),
            width=72,
            padding=ft.Padding.symmetric(vertical=10),
            border_radius=16,
            ink=True,
            on_click=lambda: on_tap(mood),
        ),
    )


@ft.component
def TodayScreen() -> ft.Control:
    tend = use_tend()
    day_start = tend.settings.day_starts_at
    revision, set_revision = ft.use_state(0)
    just_saved, set_just_saved = ft.use_state(None)
    repository = CheckInRepository(tend.store, day_start)
    entries = ft.use_memo(
        lambda: list(reversed(repository.on(today(datetime.now().astimezone(), day_start)))), [revision, day_start]
    )

    def changed() -> None:
        set_just_saved(None)
        set_revision(lambda r: r + 1)

    editing = use_check_in_editing(changed)

    def log(mood: Mood) -> None:
        check_in = new_check_in(mood, datetime.now().astimezone())
        try:
            repository.save(check_in)
        except StorageError as error:
            tend.tell(error.message)
            return
        set_just_saved(check_in)
        set_revision(lambda r: r + 1)

    def undo(check_in: CheckIn) -> None:
        try:
            repository.delete(check_in)
        except StorageError as error:
            tend.tell(error.message)
            return
        changed()

    saved_card = notice_card(
        f"Saved: {just_saved.mood.word} at {just_saved.at:%H:%M}.",
        [
            ft.TextButton("Undo", on_click=lambda: undo(just_saved)),
            ft.FilledTonalButton("Add details", on_click=lambda: editing.open(just_saved)),
        ],
    ) if just_saved else None

    return screen(
        "Today",
        ft.Text("How are you feeling right now?", theme_style=ft.TextThemeStyle.TITLE_MEDIUM),
        ft.Row([mood_button(mood, log) for mood in Mood], wrap=True, spacing=4, run_spacing=4),
        *[card for card in (saved_card, editing.undo_card) if card],
        ft.Text("Today's check-ins", theme_style=ft.TextThemeStyle.TITLE_MEDIUM),
        *(
            [check_in_tile(entry, editing.open) for entry in entries]
            or [ft.Text("Nothing yet today, and that's fine. Check in whenever you're ready.")]
        ),
    )
