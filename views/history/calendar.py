"""A month of moods: each day shows its average mood by colour and by icon, and opens with a tap."""

from datetime import date
from typing import Callable

import flet as ft

from storage.checkins.trends import CalendarDay
from storage.days import WEEKDAY_NAMES
from views.kit.labelled import spoken_button
from views.kit.moods import MOOD_COLORS, MOOD_ICONS, ON_MOOD_COLOR

WEEKDAYS = tuple(name[:3] for name in WEEKDAY_NAMES)
CELL = 48


def day_cell(day: CalendarDay, selected: bool, on_open: Callable[[date], None]) -> ft.Control:
    mood = day.mood
    spoken = f"{day.date:%A %d %B}: " + (f"{mood.word}" if mood else "no check-in")
    return spoken_button(
        spoken,
        ft.Container(
            ft.Column(
                [
                    ft.Text(str(day.date.day), size=12, color=ON_MOOD_COLOR if mood else None),
                    *([ft.Icon(MOOD_ICONS[mood], size=16, color=ON_MOOD_COLOR)] if mood else []),
                ],
                spacing=0,
                horizontal_alignment=ft.CrossAxisAlignment.CENTER,
                alignment=ft.MainAxisAlignment.CENTER,
            ),
            width=CELL,
            height=CELL,
            bgcolor=MOOD_COLORS[mood] if mood else None,
            border=ft.Border.all(2, ft.Colors.PRIMARY) if selected else None,
            border_radius=8,
            on_click=lambda: on_open(day.date),
        ),
        selected=selected,
    )


def month_calendar(grid: list[list[CalendarDay | None]], selected: date | None,
                   on_open: Callable[[date], None]) -> ft.Control:
    header = ft.Row([ft.Container(ft.Text(name, size=12), width=CELL, alignment=ft.Alignment.CENTER)
                     for name in WEEKDAYS], spacing=2)
    weeks = [
        ft.Row([day_cell(day, day.date == selected, on_open) if day else ft.Container(width=CELL, height=CELL)
                for day in week], spacing=2)
        for week in grid
    ]
    return ft.Column([header, *weeks], spacing=2)
