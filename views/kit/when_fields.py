"""A date and a time a person can enter: typed as they write them ("30/11/2026", "8pm"), or picked from Flutter's
calendar and clock, with shortcuts ("Yesterday") where a form offers them."""

from datetime import date, datetime

import flet as ft

from storage.when_typed import clock_from_text, day_from_text, picked_day
from views.context import use_tend
from views.guard import component
from views.kit.labelled import icon_action

EARLIEST, LATEST = date(1900, 1, 1), date(2100, 12, 31)


@component
def WhenRow(typed: dict, day_key: str = "day", time_key: str = "time", day_label: str = "Date",
            time_label: str = "Time", day_ref=None, shortcuts: dict[str, date] | None = None,
            last_day: date | None = None) -> ft.Control:
    """Writes what is typed or picked into `typed[day_key]` and `typed[time_key]` (the form's ref, read by its Save).
    `day_ref` reaches the date's text field, so a form can move the focus there; `shortcuts` are chips that set
    the day; `last_day` is the latest day the calendar offers."""
    now = use_tend().now()
    drawn, set_drawn = ft.use_state(0)  # a pick or a shortcut draws the fields again with what was chosen
    picking, set_picking = ft.use_state(None)  # "day" or "time" while a picker is open

    def choose(key: str, text: str) -> None:
        typed[key] = text
        set_picking(None)
        set_drawn(lambda count: count + 1)

    picker = None
    if picking == "day":
        picker = day_picker(typed[day_key], now.date(), last_day, day_label, lambda text: choose(day_key, text),
                            lambda: set_picking(None))
    elif picking == "time":
        picker = time_picker(typed[time_key], now, time_label, lambda text: choose(time_key, text),
                             lambda: set_picking(None))
    ft.use_dialog(picker)

    def text_field(key: str, label: str, hint: str, width: int, ref=None) -> ft.Control:
        return ft.TextField(ref=ref, key=f"{key} {drawn}", label=label, value=typed[key], hint_text=hint,
                            width=width, on_change=lambda e: typed.update({key: e.control.value}))

    chips = [ft.Chip(label=ft.Text(word), selected=typed[day_key] == f"{day:%Y-%m-%d}", show_checkmark=False,
                     on_select=lambda _, d=day: choose(day_key, f"{d:%Y-%m-%d}"))
             for word, day in (shortcuts or {}).items()]
    return ft.Column(
        [
            *([ft.Row(chips, wrap=True, spacing=8)] if chips else []),
            ft.Row(
                [
                    ft.Row([text_field(day_key, day_label, "30/11/2026", 150, day_ref),
                            icon_action(ft.Icons.CALENDAR_MONTH, f"Pick the {day_label.lower()} on a calendar",
                                        lambda: set_picking("day"))], spacing=0),
                    ft.Row([text_field(time_key, time_label, "8pm or 20:00", 120),
                            icon_action(ft.Icons.SCHEDULE, f"Pick the {time_label.lower()} on a clock",
                                        lambda: set_picking("time"))], spacing=0),
                ],
                wrap=True,
            ),
        ],
        spacing=8,
        tight=True,
    )


def day_picker(text: str, today: date, last_day: date | None, label: str, on_pick, on_dismiss) -> ft.DatePicker:
    """Flutter's calendar, open at the day typed (or today), `on_pick` given the chosen day as "2026-11-30"."""
    try:
        shown = min(day_from_text(text, today), last_day or LATEST)
    except ValueError:
        shown = min(today, last_day or LATEST)
    return ft.DatePicker(value=shown, first_date=EARLIEST, last_date=last_day or LATEST, current_date=today,
                         help_text=label, on_change=lambda e: on_pick(f"{picked_day(e.control.value):%Y-%m-%d}"),
                         on_dismiss=on_dismiss)


def time_picker(text: str, now: datetime, label: str, on_pick, on_dismiss) -> ft.TimePicker:
    """Flutter's clock, open at the time typed (or now), `on_pick` given the chosen time as "20:00"."""
    try:
        shown = clock_from_text(text)
    except ValueError:
        shown = now.time().replace(second=0, microsecond=0)
    return ft.TimePicker(value=shown, help_text=label, on_change=lambda e: on_pick(f"{e.control.value:%H:%M}"),
                         on_dismiss=on_dismiss)


@component
def TimeField(typed: dict, key: str, label: str = "Time", disabled: bool = False) -> ft.Control:
    """A time of day alone (the welcome's reminder time): typed, or picked on Flutter's clock."""
    now = use_tend().now()
    drawn, set_drawn = ft.use_state(0)
    picking, set_picking = ft.use_state(False)

    def choose(text: str) -> None:
        typed[key] = text
        set_picking(False)
        set_drawn(lambda count: count + 1)

    try:
        clock = clock_from_text(typed[key])
    except ValueError:
        clock = now.time().replace(second=0, microsecond=0)
    ft.use_dialog(ft.TimePicker(value=clock, help_text=label, on_change=lambda e: choose(f"{e.control.value:%H:%M}"),
                                on_dismiss=lambda: set_picking(False)) if picking else None)
    return ft.Row(
        [
            ft.TextField(key=f"{key} {drawn}", label=label, value=typed[key], hint_text="8pm or 20:00", width=140,
                         disabled=disabled, on_change=lambda e: typed.update({key: e.control.value})),
            *([] if disabled else [icon_action(ft.Icons.SCHEDULE, f"Pick the {label.lower()} on a clock",
                                               lambda: set_picking(True))]),
        ],
        spacing=0,
    )
