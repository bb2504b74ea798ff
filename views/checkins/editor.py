"""Adding details to a check-in, editing it, deleting it, or back-filling a past one: one form for all four."""

from dataclasses import dataclass
from datetime import date, datetime
from typing import Callable

import flet as ft

from storage.checkins.actions import save_details
from storage.checkins.model import SCALE, CheckIn, Mood
from storage.checkins.repository import CheckInRepository, emotion_tags
from storage.errors import Refused, StorageError
from storage.when_typed import back_fill_days, moment_on
from views.context import use_tend
from views.guard import component
from views.kit.dialog import dialog
from views.kit.dialog_form import dialog_form
from views.kit.draft import Draft, use_draft
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
    # Typed text and choices alike: a Save tapped right after must see the last keystroke or chip (views.kit.draft).
    start = original.at if original else moment_on(callbacks.new_on, tend.now())
    draft = use_draft(lambda: first_draft(original, start),
                      keep_as=f"check-in {original.id if original else callbacks.new_on or 'new'}")
    typed = draft.values
    problems, set_problems = ft.use_state({})
    note_field, day_field = ft.use_ref(None), ft.use_ref(None)
    available_tags = ft.use_memo(lambda: emotion_tags(tend.store), [])

    async def show_problems(found: dict[str, str]) -> None:
        """Marks what is wrong, and moves the focus to a faulty text field so it and its message come into view."""
        set_problems(found)
        field = note_field if "note" in found else day_field if "at" in found else None
        if field and field.current:
            await field.current.focus()

    async def save() -> bool | None:
        """False when the form refused what it holds (nothing saved): see views.kit.taps."""
        try:
            check_in = save_details(tend.store, original, typed["mood"], typed["day"], typed["time"], tend.now(),
                                    tags=typed["tags"], note=typed["note"], **typed["scales"])
        except Refused as refused:
            await show_problems(refused.problems)
            return False
        except StorageError as error:
            set_problems({"save": error.message})
            return False
        callbacks.saved(check_in)

    def delete() -> bool | None:
        try:
            CheckInRepository(tend.store).delete(original)
        except StorageError as error:
            set_problems({"save": error.message})
            return False
        callbacks.deleted(original)

    today = tend.now().date()
    fields = [
        *mood_and_moment(draft, problems, day_field, today,
                         None if original or callbacks.new_on else back_fill_days(today)),
        *detail_fields(draft, problems, available_tags, note_field),
    ]
    return dialog_form(fields, problems, draft, save, callbacks.closed, delete if original else None)


def first_draft(original: CheckIn | None, start: datetime) -> dict:
    """What the form holds when it opens: `original`'s mood and details, or none for a new one at `start`."""
    return {
        "mood": original.mood if original else None,
        "day": start.strftime("%Y-%m-%d"), "time": start.strftime("%H:%M"),
        "note": original.note if original else "",
        "scales": {name: getattr(original, name) if original else None for name, _ in SCALES},
        "tags": tuple(original.tags) if original else (),
    }


def mood_and_moment(draft: Draft, problems: dict, day_field, today: date,
                    shortcuts: dict[str, date] | None) -> list[ft.Control]:
    """The mood chips, and the day and time (with "Yesterday"-like `shortcuts` for a new check-in)."""
    typed = draft.values
    mood_group = ft.Row(
        [ft.Chip(label=m.word, leading=ft.Icon(MOOD_ICONS[m]), selected=m == typed["mood"],
                 show_checkmark=False, on_select=lambda _, m=m: draft.choose("mood", m)) for m in Mood],
        wrap=True,
    )
    return [
        labelled_group("Mood", mood_group, problems.get("mood")),
        WhenRow(typed, day_ref=day_field, last_day=today, shortcuts=shortcuts),
        *([ft.Text(problems["at"], color=ft.Colors.ERROR)] if "at" in problems else []),
    ]


def detail_fields(draft: Draft, problems: dict, available_tags: list[str], note_field) -> list[ft.Control]:
    """Energy, sleep and anxiety, the emotion tags, and the note: every one optional."""
    typed = draft.values

    def toggle_tag(tag: str) -> None:
        tags = typed["tags"]
        draft.choose("tags", tuple(t for t in tags if t != tag) if tag in tags else (*tags, tag))

    def pick_scale(name: str, value: int | None) -> None:
        draft.choose("scales", {**typed["scales"], name: value})

    return [
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
