"""History: trends, a calendar of moods, and every check-in by day, loaded a screenful at a time as you scroll."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

import flet as ft

from storage.checkins.repository import CheckInRepository
from storage.checkins.trends import (
    ReachingOut,
    checked_in_days,
    daily_moods,
    days_since_low_day,
    entries_by_day,
    month_grid,
    mood_series,
    reaching_out_moods,
)
from storage.days import today
from storage.people.repository import PeopleRepository
from views.checkins.editing import CheckInEditing, use_check_in_editing
from views.checkins.tile import CheckInTile
from views.context import Tend, use_tend
from views.guard import component
from views.history.calendar import month_calendar
from views.history.circle_notes import CircleNotes
from views.history.mood_chart import SPANS, mood_chart
from views.kit.dialog import dialog
from views.kit.labelled import icon_action
from views.kit.screen import screen, section_title

STREAK_SPAN = 7
LOOK_BACK = 90  # days read for "since a low day" and "what helps": a season, without reading years of files
FIRST_ENTRIES = 12  # a screenful; more load as the person scrolls
MORE_ENTRIES = 30


def shifted_month(year: int, month: int, by: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + by
    return index // 12, index % 12 + 1


def day_dialog(day: date, entries, on_edit, on_close, on_add=None) -> ft.AlertDialog:
    """One day's check-ins, opened from the calendar, in view wherever the calendar was scrolled to; `on_add`
    (for a day that has begun) adds one more for that day."""
    return dialog(
        f"Check-ins on {day:%A %d %B}",
        ft.Column(
            [*([CheckInTile(entry, on_edit, key=entry.id) for entry in entries] or [ft.Text("No check-ins that day.")]),
             *([ft.FilledTonalButton("Add a check-in for this day", icon=ft.Icons.ADD, on_click=on_add)]
               if on_add else [])],
            tight=True,
            scroll=ft.ScrollMode.AUTO if len(entries) > 6 else None,  # a scrolling column takes the full height
            width=480,
        ),
        [ft.TextButton("Close", on_click=on_close)],
        on_dismiss=on_close,
    )


def checked_in_words(days: int) -> str:
    """A zero is never shown as a count: after time away, a greeting rather than a tally."""
    return "Welcome back." if days == 0 else f"You checked in on {days} of the last {STREAK_SPAN} days."


def low_day_words(days: int | None) -> str:
    if days is None:
        return f"No low days in the last {LOOK_BACK} days."
    return {0: "Today is a low day. Be gentle with yourself.", 1: "Yesterday was a low day."}.get(
        days, f"{days} days since a low day.")


def what_helps_words(seen: ReachingOut) -> str:
    """An observation from the person's own entries, worded so it can't be read as advice or a promise."""
    return (f"On the {seen.days_with} days you reached out to someone, your mood averaged "
            f"{seen.average_with:.1f} out of 5. On the {seen.days_without} other days you checked in, it averaged "
            f"{seen.average_without:.1f}. This is only what your own entries show over the last {LOOK_BACK} days, "
            "not a rule: many things shape a day.")


@component
def HistoryScreen() -> ft.Control:
    tend = use_tend()
    day_start = tend.settings.day_starts_at
    repository = CheckInRepository(tend.store, day_start)
    now = tend.now()
    this_day = today(now, day_start)
    revision, set_revision = ft.use_state(0)
    span, set_span = ft.use_state(30)
    editing = use_check_in_editing(lambda: set_revision(lambda r: r + 1))
    recent = ft.use_memo(
        told(tend, lambda: repository.between(this_day - timedelta(days=max(span, STREAK_SPAN) - 1), this_day)),
        [revision, span, day_start],
    )
    season = ft.use_memo(told(tend, lambda: repository.between(this_day - timedelta(days=LOOK_BACK - 1), this_day)),
                         [revision, day_start])
    contact_times = ft.use_memo(told(tend, lambda: [c.at for c in PeopleRepository(tend.store).contacts()]), [])
    calendar = use_month_calendar(repository, day_start, revision, this_day, editing)
    listed = use_listed_check_ins(repository, day_start, revision, editing)
    streak = (
        [ft.Text(checked_in_words(checked_in_days(recent, now, day_start, STREAK_SPAN))),
         ft.Text(low_day_words(days_since_low_day(season, now, day_start)))]
        if tend.settings.show_streaks else []
    )
    helps = reaching_out_moods(season, contact_times, day_start)
    span_picker = ft.SegmentedButton(
        segments=[ft.Segment(value=str(days), label=f"{days} days") for days in SPANS],
        selected=[str(span)],
        show_selected_icon=False,
        on_change=lambda e: set_span(int(e.control.selected[0])),
    )
    return screen(
        "History",
        *streak,
        ft.FilledTonalButton("Add a past check-in", icon=ft.Icons.ADD, on_click=lambda: editing.open(None)),
        *([editing.undo_card] if editing.undo_card else []),
        section_title("Mood over time"),
        span_picker,
        mood_chart(mood_series(recent, now, day_start, span)),
        section_title("Calendar"),
        *calendar,
        *([section_title("What helps"), ft.Text(what_helps_words(helps))] if helps else []),
        CircleNotes(season, LOOK_BACK, bool(helps)),
        section_title("All check-ins"),
        *listed.controls,
        on_near_end=listed.load_earlier,
    )


def told(tend: Tend, read: Callable[[], list]) -> Callable[[], list]:
    """`read` for a memo: a month from a newer Tend, or a device that refuses a read, is told once, and the screen
    shows the rest."""
    return lambda: tend.read(read, [])


def use_month_calendar(repository: CheckInRepository, day_start: int, revision: int, this_day: date,
                       editing: CheckInEditing) -> list[ft.Control]:
    """The calendar's month, with Previous and Next, and the dialog of a day opened in it."""
    tend = use_tend()
    shown_month, set_shown_month = ft.use_state((this_day.year, this_day.month))
    opened_day, set_opened_day = ft.use_state(None)
    month_first = date(*shown_month, 1)
    month_last = date(*shifted_month(*shown_month, 1), 1) - timedelta(days=1)
    month_entries = ft.use_memo(told(tend, lambda: repository.between(month_first, month_last)),
                                [revision, shown_month, day_start])
    opened = ft.use_memo(told(tend, lambda: repository.on(opened_day) if opened_day else []),
                         [revision, opened_day, day_start])

    def edit_from_day(check_in) -> None:
        set_opened_day(None)
        editing.open(check_in)

    def add_on_day() -> None:
        set_opened_day(None)
        editing.open_new_on(opened_day)

    ft.use_dialog(day_dialog(opened_day, opened, edit_from_day, lambda: set_opened_day(None),
                             add_on_day if opened_day and opened_day <= this_day else None)
                  if opened_day else None)
    header = ft.Row(
        [
            icon_action(ft.Icons.CHEVRON_LEFT, "Previous month", lambda: set_shown_month(shifted_month(*shown_month, -1))),
            ft.Text(f"{month_first:%B %Y}", theme_style=ft.TextThemeStyle.TITLE_SMALL),
            icon_action(ft.Icons.CHEVRON_RIGHT, "Next month", lambda: set_shown_month(shifted_month(*shown_month, 1))),
        ]
    )
    return [header, month_calendar(month_grid(*shown_month, daily_moods(month_entries, day_start)), opened_day,
                                   set_opened_day)]


@dataclass(frozen=True)
class Listed:
    controls: list[ft.Control]
    load_earlier: Callable[[], None]
    """Lists more of the earlier check-ins, while there may be some."""


def use_listed_check_ins(repository: CheckInRepository, day_start: int, revision: int,
                         editing: CheckInEditing) -> Listed:
    """Every check-in by day, the newest FIRST_ENTRIES first and MORE_ENTRIES more at a time."""
    tend = use_tend()
    shown, set_shown = ft.use_state(FIRST_ENTRIES)
    listed = ft.use_memo(told(tend, lambda: repository.newest(shown)), [revision, shown, day_start])
    may_have_more = len(listed) == shown

    def load_earlier() -> None:
        if may_have_more:
            set_shown(shown + MORE_ENTRIES)

    by_day = [
        control
        for day, entries in entries_by_day(listed, day_start)
        for control in (ft.Text(f"{day:%A %d %B %Y}", theme_style=ft.TextThemeStyle.LABEL_LARGE),
                        *[CheckInTile(entry, editing.open, key=entry.id) for entry in entries])
    ]
    return Listed([*(by_day or [ft.Text("Your check-ins will appear here, day by day.")]),
                   *([ft.TextButton("Show earlier check-ins", on_click=load_earlier)] if may_have_more else [])],
                  load_earlier)
