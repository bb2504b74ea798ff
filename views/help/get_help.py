"""'Get help now': one tap from every screen to the emergency number, crisis lines, your own crisis contacts and
your safety plan."""

import flet as ft

from storage.people.model import Support
from views.context import Tend, use_tend
from views.help.crisis_lines import crisis_line_card
from views.guard import component
from views.device.links import open_link
from views.people.card import reach_buttons
from views.people.reaching_out import address_for, link_for, open_contact_link
from views.reminders.due import use_reminding

SAFETY_PLAN_ROUTE = "/people/safety-plan"


@component
def GetHelpButton() -> ft.Control:
    tend = use_tend()
    page = ft.context.page
    people = use_reminding().people.values()
    showing, set_showing = ft.use_state(False)

    def open_plan() -> None:
        set_showing(False)
        page.navigate(SAFETY_PLAN_ROUTE)

    ft.use_dialog(help_dialog(tend, people, open_plan, on_close=lambda: set_showing(False)) if showing else None)
    return ft.FilledTonalButton(
        "Get help now",
        icon=ft.Icons.SUPPORT,
        on_click=lambda: set_showing(True),
    )


def help_dialog(tend: Tend, people, open_plan, on_close) -> ft.AlertDialog:
    emergency = tend.crisis.emergency_for(tend.settings.country)
    own_lines = [person for person in people if Support.CRISIS in person.supports]

    async def call_emergency():
        await open_contact_link(tend, f"tel:{emergency.number}", emergency.number)

    async def reach_own(person, way):
        await open_contact_link(tend, link_for(person, way), address_for(person, way))

    async def open_directory():
        if not await open_link(tend.crisis.fallback_url):
            tend.tell(f"This device could not open the link. The address is {tend.crisis.fallback_url}")

    if emergency:
        body = [
            ft.Text(f"If you are in danger or might act on thoughts of harming yourself, call {emergency.number} now."),
            ft.FilledButton(f"Call {emergency.number}", icon=ft.Icons.CALL, on_click=call_emergency),
            ft.Text(f"Emergency number for {emergency.country_name}. You can change the country in Settings."),
        ]
    else:
        body = [ft.Text("Choose your country in Settings to see its emergency number and crisis lines here.")]
    own = [ft.Text("Your crisis contacts", theme_style=ft.TextThemeStyle.TITLE_MEDIUM)] + [
        ft.Column([ft.Text(person.name), ft.Row(reach_buttons(person, reach_own), wrap=True)], spacing=4)
        for person in own_lines
    ] if own_lines else []
    return ft.AlertDialog(
        title=ft.Text("Get help now"),
        content=ft.Column(
            [
                *body,
                *[crisis_line_card(tend, line) for line in tend.crisis.lines_for(tend.settings.country)],
                *own,
                ft.FilledTonalButton("Open my safety plan", icon=ft.Icons.HEALTH_AND_SAFETY_OUTLINED,
                                     on_click=open_plan),
                ft.Text("Elsewhere, or for another line, find one in any country, free and confidential:"),
                ft.TextButton(tend.crisis.fallback_name, icon=ft.Icons.OPEN_IN_NEW, on_click=open_directory),
            ],
            tight=True,
            spacing=12,
            width=520,
        ),
        actions=[ft.TextButton("Close", on_click=on_close)],
        on_dismiss=on_close,
        scrollable=True,
    )
