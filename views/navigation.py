"""The five places in Tend, shown as a bottom bar on phones and a rail on wide windows."""

from dataclasses import dataclass

import flet as ft

WIDE_LAYOUT_MIN_WIDTH = 720
CURRENT_PLACE = "Current place"
CIRCLE_ROUTE = "/people/circle"
"""Your circle: the picture of your network, reached from People."""


@dataclass(frozen=True)
class Place:
    route: str
    label: str
    icon: ft.IconData
    selected_icon: ft.IconData


PLACES = (
    Place("/", "Today", ft.Icons.WB_SUNNY_OUTLINED, ft.Icons.WB_SUNNY),
    Place("/people", "People", ft.Icons.PEOPLE_OUTLINE, ft.Icons.PEOPLE),
    Place("/reminders", "Reminders", ft.Icons.NOTIFICATIONS_NONE, ft.Icons.NOTIFICATIONS),
    Place("/history", "History", ft.Icons.CALENDAR_MONTH_OUTLINED, ft.Icons.CALENDAR_MONTH),
    Place("/settings", "Settings", ft.Icons.SETTINGS_OUTLINED, ft.Icons.SETTINGS),
)


def place_index(location: str) -> int:
    """Which place a route belongs to; '/history/2026-11-03' belongs to History."""
    for index, place in reversed(list(enumerate(PLACES))):
        if location == place.route or (place.route != "/" and location.startswith(place.route + "/")):
            return index
    return 0


def navigation_bar(selected: int, go) -> ft.NavigationBar:
    return ft.NavigationBar(
        selected_index=selected,
        on_change=lambda e: go(PLACES[e.control.selected_index].route),
        destinations=[
            ft.NavigationBarDestination(label=p.label, icon=p.icon, selected_icon=p.selected_icon) for p in PLACES
        ],
    )


def navigation_rail(selected: int, go) -> ft.NavigationRail:
    return ft.NavigationRail(
        selected_index=selected,
        label_type=ft.NavigationRailLabelType.ALL,
        min_width=88,
        on_change=lambda e: go(PLACES[e.control.selected_index].route),
        destinations=[
            # Flutter marks the rail's selected place in a way screen readers ignore (aria-selected on a button),
            # so the selected icon says it: "Current place, Today, Tab 1 of 5".
            ft.NavigationRailDestination(label=p.label, icon=p.icon, selected_icon=ft.Semantics(
                label=CURRENT_PLACE, content=ft.Icon(p.selected_icon))) for p in PLACES
        ],
    )
