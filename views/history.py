"""History: trends, a calendar of moods, and every check-in by day, loaded a screenful at a time as you scroll."""

from datetime import date, datetime, timedelta

import flet as ft

from storage.checkin_repository import CheckInRepository
from storage.days import today
from storage.trends import checked_in_days, daily_moods, entries_by_day, month_grid, mood_series
from views.calendar import month_calendar
from views.checkin_editing import use_check_in_editing
from views.checkin_tile import CheckInTile
from views.context import use_tend
from views.labelled import icon_action
from views.mood_chart import SPANS, mood_chart
from views.screen import screen, section_title

STREAK_SPAN = 7
FIRST_ENTRIES = 12  # a screenful; more load as the person scrolls
MORE_ENTRIES = 30


def shifted_month(year: int, month: int, by: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + by
    return index // 12, index % 12 + 1


def day_dialog(day: date, entries, on_edit, on_close) -> ft.AlertDialog:
    """One day's check-ins, opened from the calendar, in view wherever the calendar was scrolled to."""
    return ft.AlertDialog(
        title=ft.Text(f"Check-ins on {day:%A %d %B}"),
        content=ft.Column(
            [CheckInTile(entry, on_edit, key=entry.id) for entry in entries] or [ft.Text("No check-ins that day.")],
            tight=True,
            scroll=ft.ScrollMode.AUTO if len(entries) > 6 else None,  # a scrolling column takes the full height
            width=480,
        ),
        actions=[ft.TextButton("Close", on_click=on_close)],
        on_dismiss=on_close,
    )


@ft.component
def HistoryScreen() -> ft.Control:
    tend = use_tend()
    day_start = tend.settings.day_starts_at
    repository = CheckInRepository(tend.store, day_start)
    now = datetime.now().astimezone()
    this_day = today(now, day_start)
    revision, set_revision = ft.use_state(0)
    span, set_span = ft.use_state(30)
    shown_month, set_shown_month = ft.use_state((this_day.year, this_day.month))
    opened_day, set_opened_day = ft.use_state(None)
    shown, set_shown = ft.use_state(FIRST_ENTRIES)
    editing = use_check_in_editing(lambda: set_revision(lambda r: r + 1))

    recent = ft.use_memo(
        lambda: repository.between(this_day - timedelta(days=max(span, STREAK_SPAN) - 1), this_day),
        [revision, span, day_start],
    )
    month_first = date(*shown_month, 1)
    month_last = date(*shifted_month(*shown_month, 1), 1) - timedelta(days=1)
    month_entries = ft.use_memo(lambda: repository.between(month_first, month_last), [revision, shown_month, day_start])
    listed = ft.use_memo(lambda: repository.newest(shown), [revision, shown, day_start])
    opened = ft.use_memo(lambda: repository.on(opened_day) if opened_day else [], [revision, opened_day, day_start])
    may_have_more = len(listed) == shown

    def load_earlier() -> None:
        if may_have_more:
            set_shown(shown + MORE_ENTRIES)

    streak = (
        [ft.Text(f"You checked in on {checked_in_days(recent, now, day_start, STREAK_SPAN)} "
                 f"of the last {STREAK_SPAN} days.")]
        if tend.settings.show_streaks else []
    )
    span_picker = ft.SegmentedButton(
        segments=[ft.Segment(value=str(days), label=f"{days} days") for days in SPANS],
        selected=[str(span)],
        show_selected_icon=False,
        on_change=lambda e: set_span(int(e.control.selected[0])),
    )
    calendar_header = ft.Row(
        [
            icon_action(ft.Icons.CHEVRON_LEFT, "Previous month", lambda: set_shown_month(shifted_month(*shown_month, -1))),
            ft.Text(f"{month_first:%B %Y}", theme_style=ft.TextThemeStyle.TITLE_SMALL),
            icon_action(ft.Icons.CHEVRON_RIGHT, "Next month", lambda: set_shown_month(shifted_month(*shown_month, 1))),
        ]
    )
    def edit_from_day(check_in) -> None:
        set_opened_day(None)
        editing.open(check_in)

    ft.use_dialog(day_dialog(opened_day, opened, edit_from_day, lambda: set_opened_day(None)) if opened_day else None)
    by_day = [
        control
        for day, entries in entries_by_day(listed, day_start)
        for control in (ft.Text(f"{day:%A %d %B %Y}", theme_style=ft.TextThemeStyle.LABEL_LARGE),
                        *[CheckInTile(entry, editing.open, key=entry.id) for entry in entries])
    ]
    return screen(
        "History",
        *streak,
        ft.FilledTonalButton("Add a past check-in", icon=ft.Icons.ADD, on_click=lambda: editing.open(None)),
        *([editing.undo_card] if editing.undo_card else []),
        section_title("Mood over time"),
        span_picker,
        mood_chart(mood_series(recent, now, day_start, span)),
        section_title("Calendar"),
        calendar_header,
        month_calendar(month_grid(*shown_month, daily_moods(month_entries, day_start)), opened_day,
                       set_opened_day),
        section_title("All check-ins"),
        *(by_day or [ft.Text("Your check-ins will appear here, day by day.")]),
        *([ft.TextButton("Show earlier check-ins", on_click=load_earlier)]
          if may_have_more else []),
        on_near_end=load_earlier,
    )
