"""How each mood looks: an icon and a calm colour, always beside its word (never colour alone, never alarm red)."""

import flet as ft

from storage.checkins.model import Mood

MOOD_ICONS = {
    Mood.AWFUL: ft.Icons.SENTIMENT_VERY_DISSATISFIED,
    Mood.LOW: ft.Icons.SENTIMENT_DISSATISFIED,
    Mood.OKAY: ft.Icons.SENTIMENT_NEUTRAL,
    Mood.GOOD: ft.Icons.SENTIMENT_SATISFIED,
    Mood.GREAT: ft.Icons.SENTIMENT_VERY_SATISFIED,
}

MOOD_COLORS = {
    Mood.AWFUL: "#8E7CC3",
    Mood.LOW: "#6F8FCF",
    Mood.OKAY: "#9AA9B4",
    Mood.GOOD: "#5FB8A8",
    Mood.GREAT: "#2E9E83",
}

ON_MOOD_COLOR = "#121212"
"""Text and icons drawn on a mood colour, in light and dark themes alike: white reached only 2.4-3.6:1 on these
calm mid-tones, this near-black reaches at least 4.5:1 on each (WCAG AA for text; tests/test_mood_colors.py)."""


def mood_badge(mood: Mood) -> ft.Control:
    """The mood's icon on its colour, as a small round badge."""
    return ft.Container(
        ft.Icon(MOOD_ICONS[mood], color=ON_MOOD_COLOR, size=22),
        bgcolor=MOOD_COLORS[mood],
        width=36,
        height=36,
        border_radius=18,
        alignment=ft.Alignment.CENTER,
    )
