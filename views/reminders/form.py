"""Adding or changing a reminder: to check in (times and weekdays), or one of your own (words, date, time, repeat)."""

from dataclasses import dataclass
from datetime import date, datetime
from typing import Callable

import flet as ft

from storage.day_words import day_in_words
from storage.days import WEEKDAY_NAMES, WEEKDAYS
from storage.errors import Refused, StorageError
from storage.reminders.actions import save_from_form
from storage.reminders.model import EVERY_DAY, Reminder, ReminderKind, Repeat
from storage.when_typed import clock_words
from storage.when_typed import day_from_text as typed_day
from views.context import use_tend
from views.guard import component
from views.kit.dialog import dialog
from views.kit.discard import use_discard_check
from views.kit.draft import Draft, use_draft
from views.kit.labelled import labelled_group, named, switch_row
from views.kit.taps import use_tap_gate
from views.kit.when_fields import WhenRow

REPEAT_CHOICES = ((Repeat.ONCE, "Once"), (Repeat.DAILY, "Every day"), (Repeat.WEEKDAYS, "On chosen days"),
                  (Repeat.WEEKLY, "Every week"), (Repeat.EVERY_N_DAYS, "Every few days"))


@dataclass(frozen=True)
class ReminderCallbacks:
    saved: Callable[[Reminder], None]
    closed: Callable[[], None]


def reminder_dialog(kind: str, original: Reminder | None, callbacks: ReminderCallbacks) -> ft.AlertDialog:
    title = "Check-in reminder" if kind == ReminderKind.CHECK_IN else "Your own reminder"
    return dialog(("Change: " if original else "Add: ") + title, ReminderForm(kind, original, callbacks),
                  on_dismiss=callbacks.closed, modal=True, back="Back to the form")


def times_from_text(text: str) -> tuple[str, ...]:
    """'9am, 20:30' → ('09:00', '20:30'); the rules say what is wrong with any part."""
    return tuple(clock_words(part) for part in text.replace(";", ",").split(",") if part.strip())


def day_from_text(text: str) -> date | None:
    """The date typed ("30/11/2026", "2026-11-30"), or None for the rules to refuse."""
    try:
        return typed_day(text, None)
    except ValueError:
        return None


def schedule_words(reminder: Reminder, today: date) -> str:
    """'09:00 and 20:30, every day' — what the reminder does, for its row in the list; a date not in `today`'s
    year is shown with its year."""
    times = " and ".join(reminder.times)
    if reminder.repeat == Repeat.WEEKDAYS and reminder.weekdays != EVERY_DAY:
        days = ", ".join(WEEKDAY_NAMES[d][:3] for d in sorted(reminder.weekdays))
    elif reminder.repeat in (Repeat.DAILY, Repeat.WEEKDAYS):
        days = "every day"
    elif reminder.repeat == Repeat.ONCE:
        days = f"on {day_in_words(reminder.starts_on, today)}"
    elif reminder.repeat == Repeat.WEEKLY:
        days = f"every {WEEKDAY_NAMES[reminder.starts_on.weekday()]}"
    else:
        days = f"every {reminder.every_days} days from {day_in_words(reminder.starts_on, today, weekday=False)}"
    return f"{times}, {days}"


@component
def ReminderForm(kind: str, original: Reminder | None, callbacks: ReminderCallbacks) -> ft.Control:
    tend = use_tend()
    now = tend.now()
    # Save must see the last keystroke or choice; a screen left with the form open keeps them (views.kit.draft)
    draft = use_draft(lambda: first_draft(kind, original, now),
                      keep_as=f"{kind} reminder {original.id if original else 'new'}")
    typed = draft.values
    problems, set_problems = ft.use_state([])
    taps = use_tap_gate()  # a second quick tap on Save makes no second reminder
    discard = use_discard_check(draft, callbacks.closed)

    def save() -> bool | None:
        """False when the form refused what it holds (nothing saved): see views.kit.taps."""
        try:
            reminder = save_from_form(tend.store, original, fields_from_draft(kind, typed), tend.now(), tend.zone,
                                      tend.settings.day_starts_at)
        except Refused as refused:
            set_problems(list(refused.problems.values()))
            return False
        except StorageError as error:
            set_problems([error.message])
            return False
        callbacks.saved(reminder)

    return ft.Column(
        [
            *([discard.brought_back] if discard.brought_back else []),
            *reminder_controls(kind, draft),
            *[ft.Text(problem, color=ft.Colors.ERROR) for problem in problems],
            discard.question or ft.Row([ft.TextButton("Cancel", on_click=discard.cancel),
                                        ft.FilledButton("Save", on_click=taps.once("save", draft.closing(save)))],
                                       alignment=ft.MainAxisAlignment.END, wrap=True),
        ],
        tight=True,
        spacing=12,
        width=440,
    )


def first_draft(kind: str, original: Reminder | None, now: datetime) -> dict:
    """What the form holds when it opens: `original` as text and choices, or a new reminder's defaults."""
    first_repeat = Repeat.WEEKDAYS if kind == ReminderKind.CHECK_IN else Repeat.ONCE
    return {
        "text": original.text if original else "",
        "times": ", ".join(original.times) if original else "09:00",
        "starts_on": f"{original.starts_on or now.date()}" if original else f"{now:%Y-%m-%d}",
        "every_days": str(original.every_days) if original else "2",
        "weekdays": original.weekdays if original else EVERY_DAY,
        "repeat": original.repeat if original else first_repeat,
        "always": original.always if original else False,
    }


def fields_from_draft(kind: str, typed: dict) -> dict:
    """What the form holds, as the reminder rules take it: what can't be read is passed on for them to refuse."""
    every = typed["every_days"].strip()
    return dict(kind=kind, text=typed["text"].strip(), times=times_from_text(typed["times"]),
                weekdays=frozenset(typed["weekdays"]), repeat=typed["repeat"], always=typed["always"],
                every_days=int(every) if every.isdigit() else 0,
                starts_on=None if kind == ReminderKind.CHECK_IN else day_from_text(typed["starts_on"]))


def reminder_controls(kind: str, draft: Draft) -> list[ft.Control]:
    """The fields of a check-in reminder (times, days), or of your own (words, first date, repeat)."""
    typed = draft.values

    def toggle_day(day: int) -> None:
        weekdays = typed["weekdays"]
        draft.choose("weekdays", weekdays - {day} if day in weekdays else weekdays | {day})

    def field(key: str, label: str, **options) -> ft.TextField:
        return ft.TextField(label=label, value=typed[key], on_change=lambda e: typed.update({key: e.control.value}),
                            **options)

    day_chips = labelled_group("On these days", ft.Row(
        [ft.Chip(label=WEEKDAY_NAMES[d][:3], selected=d in typed["weekdays"],
                 on_select=lambda _, d=d: toggle_day(d))
         for d in WEEKDAYS],
        wrap=True, spacing=4))
    if kind == ReminderKind.CHECK_IN:
        return [
            field("times", "Times of day", hint_text="09:00, 20:30"),
            day_chips,
            switch_row("Remind me even if I've already checked in that day", typed["always"],
                       lambda e: draft.choose("always", e.control.value)),
        ]
    return [
        field("text", "Remind me to", hint_text="Take my evening medication"),
        WhenRow(typed, day_key="starts_on", time_key="times", day_label="First date"),
        named("Repeat", ft.Dropdown(label="Repeat", value=typed["repeat"],
                                    on_select=lambda e: draft.choose("repeat", Repeat(e.control.value)),
                                    options=[ft.DropdownOption(key=k, text=t) for k, t in REPEAT_CHOICES])),
        *([day_chips] if typed["repeat"] == Repeat.WEEKDAYS else []),
        *([field("every_days", "Days apart", width=150, keyboard_type=ft.KeyboardType.NUMBER)]
          if typed["repeat"] == Repeat.EVERY_N_DAYS else []),
    ]
