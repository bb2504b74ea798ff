"""People: who can I call, organised by the support they give."""

import flet as ft

from views.screen import screen


@ft.component
def PeopleScreen() -> ft.Control:
    return screen(
        "People",
        ft.Text("The people and services who support you will be listed here, by the kind of support they give."),
    )
