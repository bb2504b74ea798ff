"""Today: how am I doing right now — one tap saves a check-in, details are optional."""

from typing import Callable

import flet as ft

from storage.checkins.actions import Logged, log_mood
from storage.checkins.model import CheckIn, Mood
from storage.checkins.repository import CheckInRepository
from storage.days import today
from storage.prompts import dismiss
from storage.reminders.model import ReminderKind
from views.checkins.editing import use_check_in_editing
from views.checkins.tile import CheckInTile
from views.context import use_tend
from views.guard import component
from views.kit.labelled import said_as, spoken_button
from views.kit.moods import MOOD_COLORS, MOOD_ICONS
from views.kit.notice import notice_card
from views.kit.screen import screen, section_title
from views.kit.taps import use_tap_gate
from views.reminders.due import use_due, use_due_actions
from views.reminders.due_items import due_list
from views.today.low_day_card import LowDayCard


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
            # No fixed width: with large text a button grows to fit its word, and the row wraps. 6 px each side
            # keeps the five on one row down to a 320 px phone, and the 36 px icon + 12 a 48 px target.
            padding=ft.Padding.symmetric(horizontal=6, vertical=10),
            border_radius=16,
            ink=True,
            on_click=lambda: on_tap(mood),
        ),
    )


@ft.memo
@component
def MoodPicker(on_log) -> ft.Control:
    """Memoised with a stable `on_log`, so a save doesn't rebuild the five buttons."""
    return ft.Row([mood_button(mood, on_log) for mood in Mood], wrap=True, spacing=4, run_spacing=4)


@ft.memo
@component
def TodaysCheckIns(entries: tuple[CheckIn, ...], on_open) -> ft.Control:
    return ft.Column(
        [CheckInTile(entry, on_open, key=entry.id) for entry in entries]
        or [ft.Text("Nothing yet today, and that's fine. Check in whenever you're ready.")],
        spacing=0,
    )


@component
def TodayScreen() -> ft.Control:
    tend = use_tend()
    due = use_due()
    day_start = tend.settings.day_starts_at
    just_saved, set_just_saved = ft.use_state(None)
    offering, set_offering = ft.use_state(False)

    def todays_entries() -> tuple[CheckIn, ...]:
        repository = CheckInRepository(tend.store, day_start)
        return tend.read(lambda: tuple(reversed(repository.on(today(tend.now(), day_start)))), ())

    entries, set_entries = ft.use_state(todays_entries)
    ft.use_effect(lambda: set_entries(todays_entries()), [day_start])

    def changed() -> None:
        set_just_saved(None)
        set_entries(todays_entries())

    editing = use_check_in_editing(changed)

    def logged(saved: Logged) -> None:
        set_just_saved(saved.check_in)
        set_entries(lambda shown: (saved.check_in, *shown))  # today's newest: no need to read the month again
        if saved.offer_reaching_out:
            set_offering(True)

    log = use_mood_logging(logged)

    def stop_offering() -> None:
        set_offering(False)
        now = tend.now()
        tend.wrote(lambda: dismiss(tend.store, today(now, day_start), now))

    def undo(check_in: CheckIn) -> None:
        if tend.wrote(lambda: CheckInRepository(tend.store).delete(check_in)):
            changed()

    due_now = due_list(due)
    return screen(
        "Today",
        ft.Text("How are you feeling right now?", theme_style=ft.TextThemeStyle.TITLE_MEDIUM),
        MoodPicker(log),
        saved_card(just_saved, lambda: undo(just_saved), lambda: editing.open(just_saved)),
        *([editing.undo_card] if editing.undo_card else []),
        *([LowDayCard(stop_offering)] if offering else []),
        *([section_title("Due now"), *due_now] if due_now else []),
        ft.Text("Today's check-ins", theme_style=ft.TextThemeStyle.TITLE_MEDIUM),
        TodaysCheckIns(entries, editing.open),
    )


def use_mood_logging(on_logged: Callable[[Logged], None]) -> Callable[[Mood], None]:
    """One tap saves a check-in; if a check-in reminder was due, what is due is read again (today now has a
    check-in: its reminder stops). Returns a handler that stays the same, so MoodPicker isn't rebuilt."""
    tend = use_tend()
    due = use_due()
    due_actions = use_due_actions()
    taps = use_tap_gate()

    def log(mood: Mood) -> None:
        if not taps.accepts(("mood", mood)):
            return  # a double tap on a mood is one check-in; a deliberate second tap, a moment later, is another
        saved = []
        now, day_start = tend.now(), tend.settings.day_starts_at
        if not tend.wrote(lambda: saved.append(log_mood(tend.store, mood, now, day_start))):
            return
        on_logged(saved[0])
        if any(item.reminder.kind == ReminderKind.CHECK_IN for item in due.due):
            due_actions.read_again()

    return ft.use_callback(log, [tend, due_actions])


def saved_card(just_saved: CheckIn | None, on_undo, on_details) -> ft.Control:
    """"Saved: Good at 09:12." with Undo and "Add details", hidden until a mood is saved."""
    return notice_card(
        f"Saved: {just_saved.mood.word} at {just_saved.at:%H:%M}." if just_saved else "",
        [
            said_as(ft.TextButton, "Undo", f"Undo saving {just_saved.mood.word} at {just_saved.at:%H:%M}"
                    if just_saved else "Undo", on_click=on_undo),
            ft.FilledTonalButton("Add details", on_click=on_details),
        ],
        visible=just_saved is not None,
    )
