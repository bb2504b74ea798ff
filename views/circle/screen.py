"""Your circle: the picture of your network, then in words what it shows: the kinds of support covered and by whom,
the kinds nobody gives yet with ideas from the guides, and "Think of someone" for each."""

import flet as ft

from storage.circle.rules import (
    Circle,
    Gap,
    circle_of,
    covered_in_words,
    names_in_words,
    summary_in_words,
)
from storage.people.model import Support
from views.circle.picture import KIND_ICONS, LABEL_WIDTH, circle_picture
from views.circle.think_of_someone import think_of_someone_dialog
from views.context import use_tend
from views.guard import component
from views.kit.labelled import said_as
from views.kit.screen import READABLE_WIDTH, screen, section_title
from views.navigation import WIDE_LAYOUT_MIN_WIDTH
from views.people.your_people import use_people, use_people_actions

LARGEST_PICTURE = 520
SMALLEST_LABELLED = 440
SCREEN_PADDING = 32
RAIL_WIDTH = 89
RINGS_IN_WORDS = ("Nearer the middle means in touch more recently: the inner ring this week, the middle ring this "
                  "month, the outer ring longer ago or not yet. A circle is a person; a rounded square is a group "
                  "or a place.")


def first_width(page_width: float | None) -> float:
    """The width the picture will have, guessed from the window until the picture has measured itself."""
    width = page_width or 412
    room = width - SCREEN_PADDING - (RAIL_WIDTH if width >= WIDE_LAYOUT_MIN_WIDTH else 0)
    return max(240.0, min(room, READABLE_WIDTH))


@component
def CirclePicture(circle: Circle) -> ft.Control:
    """The picture as wide as the column allows (at most LARGEST_PICTURE), measured as it is laid out."""
    width, set_width = ft.use_state(lambda: first_width(ft.context.page.width))

    def measured(e: ft.LayoutSizeChangeEvent) -> None:
        if abs(e.width - width) >= 1:
            set_width(e.width)

    size = min(width, LARGEST_PICTURE)
    if width - size < 2 * LABEL_WIDTH and width - 2 * LABEL_WIDTH >= SMALLEST_LABELLED:
        size = width - 2 * LABEL_WIDTH  # a little smaller, to name each kind beside its icon
    return ft.Row([ft.Container(circle_picture(circle, summary_in_words(circle), size, width), expand=True,
                                alignment=ft.Alignment.TOP_CENTER, on_size_change=measured)])


def legend() -> ft.Control:
    """Which icon is which kind, in words."""
    keys = [ft.Row([ft.Icon(KIND_ICONS[kind], size=20, color=ft.Colors.ON_SURFACE_VARIANT), ft.Text(kind.word)],
                   spacing=4, tight=True) for kind in Support]
    return ft.Column([ft.Row(keys, wrap=True, spacing=16, run_spacing=4), ft.Text(RINGS_IN_WORDS)], spacing=8)


def gap_card(gap: Gap, think) -> ft.Control:
    return ft.Card(ft.Container(
        ft.Column(
            [
                ft.Row([ft.Icon(KIND_ICONS[gap.support], color=ft.Colors.ON_SURFACE_VARIANT),
                        ft.Text(f"{gap.support.word} support ({gap.support.meaning}): no one yet",
                                theme_style=ft.TextThemeStyle.TITLE_SMALL, expand=True)]),
                ft.Text("Some ideas:"),
                *[ft.Text(f"• {idea}") for idea in gap.ideas],
                ft.Row([said_as(ft.OutlinedButton, "Think of someone", f"Think of someone for {gap.support.value} "
                                "support", icon=ft.Icons.PERSON_ADD_ALT, on_click=lambda: think(gap))],
                       alignment=ft.MainAxisAlignment.END),
            ],
            spacing=6,
        ),
        padding=ft.Padding.symmetric(horizontal=16, vertical=12),
    ))


@component
def CircleScreen() -> ft.Control:
    tend = use_tend()
    page = ft.context.page
    your_people = use_people()  # your people and their last contacts, read again after every change
    read_people_again = use_people_actions().read_again
    thinking, set_thinking = ft.use_state(None)  # the gap whose question is open
    added, set_added = ft.use_state(None)

    def was_added(person) -> None:
        set_thinking(None)
        set_added(person)
        read_people_again()

    ft.use_dialog(think_of_someone_dialog(thinking, was_added, lambda: set_thinking(None)) if thinking else None)
    circle = circle_of(your_people.people.values(), your_people.last_contacts, tend.now())
    covered = [ft.Semantics(container=True, content=ft.Row(  # one stop per kind for a screen reader
        [ft.Icon(KIND_ICONS[c.support], color=ft.Colors.ON_SURFACE_VARIANT), ft.Text(covered_in_words(c), expand=True)],
        vertical_alignment=ft.CrossAxisAlignment.START)) for c in circle.covered]
    return screen(
        "Your circle",
        ft.Row([ft.TextButton("Back to People", icon=ft.Icons.ARROW_BACK, on_click=lambda: page.navigate("/people"))]),
        ft.Text("The people, groups and places you can turn to, by the kind of support they give. Quality matters "
                "more than size: a few good connections are plenty."),
        CirclePicture(circle),
        legend(),
        *([_added_notice(added, lambda: set_added(None))] if added else []),
        section_title("Covered"),
        *(covered or [ft.Text("No kind of support is covered yet. Even one person is a good start.")]),
        *([ft.Text(f"Not sorted by kind yet: {names_in_words(m.name for m in circle.unsorted)}. You can choose "
                   "the kinds of support they give on People.")] if circle.unsorted else []),
        section_title("Not covered yet"),
        *([gap_card(gap, set_thinking) for gap in circle.gaps] or
          [ft.Text("Every kind of support is covered by someone.")]),
    )


def _added_notice(person, close) -> ft.Control:
    kinds = " and ".join(kind.value for kind in person.supports)
    return ft.Card(ft.Container(
        ft.Column([ft.Text(f"Added {person.name} for {kinds} support. You can add their number on People."),
                   ft.Row([ft.TextButton("OK", on_click=close)], alignment=ft.MainAxisAlignment.END)], spacing=4),
        padding=ft.Padding.symmetric(horizontal=16, vertical=8)))
