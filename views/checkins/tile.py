"""One check-in in a list: its mood, time and details, opened with one tap."""

from typing import Callable

import flet as ft

from storage.checkins.model import CheckIn
from views.guard import component
from views.kit.moods import mood_badge

SCALE_WORDS = (("energy", "energy"), ("sleep", "sleep"), ("anxiety", "anxiety"))


def check_in_summary(check_in: CheckIn) -> str:
    """'Energy 3 · sleep 4 · tired, calm · note' in words a screen reader can say."""
    parts = [f"{label} {getattr(check_in, name)}" for name, label in SCALE_WORDS if getattr(check_in, name)]
    if check_in.tags:
        parts.append(", ".join(check_in.tags))
    if check_in.note:
        parts.append(check_in.note if len(check_in.note) <= 80 else check_in.note[:80] + "…")
    return " · ".join(parts)


@ft.memo
@component
def CheckInTile(check_in: CheckIn, on_open: Callable[[CheckIn], None]) -> ft.Control:
    """Memoised: when a list grows by one check-in, only the new row is built and sent."""
    when = check_in.at.strftime("%H:%M")
    summary = check_in_summary(check_in)
    return ft.ListTile(
        leading=mood_badge(check_in.mood),
        title=ft.Text(f"{check_in.mood.word} at {when}"),
        subtitle=ft.Text(summary, max_lines=2) if summary else None,
        trailing=ft.Icon(ft.Icons.EDIT_OUTLINED),
        tooltip=f"Edit the check-in of {when}",
        on_click=lambda: on_open(check_in),
        min_height=56,
    )
