"""Adding details to a check-in, editing it, deleting it, or back-filling a past one: one form for all four."""

from dataclasses import dataclass
from datetime import date
from typing import Callable

import flet as ft

from storage.checkins.model import SCALE, CheckIn, Mood, check_in_problems, new_check_in, revised
from storage.checkins.repository import CheckInRepository, emotion_tags
from storage.days import moment_from_text
from storage.errors import StorageError
from storage.when_typed import back_fill_days, moment_on
from views.context import use_tend
from views.guard import component
from views.kit.dialog import dialog
from views.kit.dialog_form import dialog_form
from views.kit.draft import use_draft
from views.kit.labelled import labelled_group
from views.kit.moods import MOOD_ICONS
from views.kit.when_fields import WhenRow

SCALES = (("energy", "Energy"), ("sleep", "Sleep"), ("anxiety", "Anxiety"))


@dataclass(frozen=True)
class EditorCallbacks:
    saved: Callable[[CheckIn], None]
    deleted: Callable[[CheckIn], None]
    closed: Callable[[], None]
    new_on: date | None = None
    """The day a new check-in is for, when it was asked for from that day in the calendar."""


def check_in_dialog(original: CheckIn | None, callbacks: EditorCallbacks) -> ft.AlertDialog:
    """A dialog around the form; `original` None means a new, back-filled check-in."""
    return dialog("Check-in details" if original else "Add a past check-in", CheckInForm(original, callbacks),
                  on_dismiss=callbacks.closed, modal=True, back="Back to the form")


def scale_picker(label: str, value: int | None, on_pick: Callable[[int | None], None], error: str | None):
    """Five segments, 1 to 5; tapping the chosen one again clears it, since every detail is optional."""
    segments = ft.SegmentedButton(
        segments=[ft.Segment(value=str(n), label=str(n)) for n in SCALE],
        selected=[] if value is None else [str(value)],
        allow_empty_selection=True,
        show_selected_icon=False,
        on_change=lambda e: on_pick(int(e.control.selected[0]) if e.control.selected else None),
    )
    return labelled_group(f"{label}, 1 to 5", segments, error)


@component
def CheckInForm(original: CheckIn | None, callbacks: EditorCallbacks) -> ft.Control:
    tend = use_tend()
    start = original.at if original else moment_on(callbacks.new_on, tend.now())
    # Typed text and choices alike: a Save tapped right after must see the last keystroke or chip (views.kit.draft).
    draft = use_draft(lambda: {
        "mood": original.mood if original else None,
        "day": start.strftime("%Y-%m-%d"), "time": start.strftime("%H:%M"),
        "note": original.note if original else "",
        "scales": {name: getattr(original, name) if original else None for name, _ in SCALES},
        "tags": tuple(original.tags) if original else (),
    })
    typed = draft.values
    problems, set_problems = ft.use_state({})
    note_field, day_field = ft.use_ref(None), ft.use_ref(None)
    available_tags = ft.use_memo(lambda: emotion_tags(tend.store), [])

    def toggle_tag(tag: str) -> None:
        tags = typed["tags"]
        draft.choose("tags", tuple(t for t in tags if t != tag) if tag in tags else (*tags, tag))

    def pick_scale(name: str, value: int | None) -> None:
        draft.choose("scales", {**typed["scales"], name: value})

    async def show_problems(found: dict[str, str]) -> None:
        """Marks what is wrong, and moves the focus to a faulty text field so it and its message come into view."""
        set_problems(found)
        field = note_field if "note" in found else day_field if "at" in found else None
        if field and field.current:
            await field.current.focus()

    async def save() -> bool | None:
        """False when the form refused what it holds (nothing saved): see views.kit.taps."""
        now = tend.now()
        try:
            at = moment_from_text(typed["day"], typed["time"], today=now.date())
        except ValueError as error:
            await show_problems({"at": str(error)})
            return False
        mood = typed["mood"]
        details = dict(at=at, tags=typed["tags"], note=typed["note"], **typed["scales"])
        found = check_in_problems(mood, now=now, **details)
        if found:
            await show_problems(found)
            return False
        if original and at == original.at:
            details.pop("at")  # keep the offset it was made with, even if we are elsewhere now
        check_in = revised(original, now, mood=mood, **details) if original else new_check_in(mood, now, **details)
        try:
            CheckInRepository(tend.store).save(check_in, previous=original)
        except StorageError as error:
            set_problems({"save": error.message})
            return False
        callbacks.saved(check_in)

    def delete() -> None:
        try:
            CheckInRepository(tend.store).delete(original)
        except StorageError as error:
            set_problems({"save": error.message})
            return
        callbacks.deleted(original)

    mood_group = ft.Row(
        [ft.Chip(label=m.word, leading=ft.Icon(MOOD_ICONS[m]), selected=m == typed["mood"],
                 show_checkmark=False, on_select=lambda _, m=m: draft.choose("mood", m)) for m in Mood],
        wrap=True,
    )
    fields = [
        labelled_group("Mood", mood_group, problems.get("mood")),
        WhenRow(typed, day_ref=day_field, last_day=tend.now().date(),
                shortcuts=None if original or callbacks.new_on else back_fill_days(tend.now().date())),
        *([ft.Text(problems["at"], color=ft.Colors.ERROR)] if "at" in problems else []),
        *[
            scale_picker(label, typed["scales"][name], lambda v, name=name: pick_scale(name, v), problems.get(name))
            for name, label in SCALES
        ],
        labelled_group(
            "Emotions",
            ft.Row(
                [ft.Chip(label=tag, selected=tag in typed["tags"], on_select=lambda _, t=tag: toggle_tag(t))
                 for tag in available_tags],
                wrap=True,
            ),
            problems.get("tags"),
        ),
        ft.TextField(ref=note_field, label="Note", value=typed["note"], multiline=True, min_lines=3, max_lines=8,
                     on_change=lambda e: typed.update(note=e.control.value)),
        *([ft.Text(problems["note"], color=ft.Colors.ERROR)] if "note" in problems else []),
    ]
    return dialog_form(fields, problems, save, callbacks.closed, delete if original else None,
                       draft=lambda: typed)
