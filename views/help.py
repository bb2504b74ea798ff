"""'Get help now': one tap from every screen to the local emergency number and the crisis directory."""

import flet as ft

from views.context import Tend, use_tend
from views.links import open_link


@ft.component
def GetHelpButton() -> ft.Control:
    tend = use_tend()
    showing, set_showing = ft.use_state(False)
    ft.use_dialog(help_dialog(tend, on_close=lambda: set_showing(False)) if showing else None)
    return ft.FilledTonalButton(
        "Get help now",
        icon=ft.Icons.SUPPORT,
        on_click=lambda: set_showing(True),
    )


def help_dialog(tend: Tend, on_close) -> ft.AlertDialog:
    emergency = tend.crisis.emergency_for(tend.settings.country)

    async def call_emergency():
        if not await open_link(f"tel:{emergency.number}"):
            tend.tell(f"This device could not start a call. Please dial {emergency.number} yourself.")

    async def open_directory():
        if not await open_link(tend.crisis.fallback_url):
            tend.tell(f"This device could not open the link. The address is {tend.crisis.fallback_url}")

    if emergency:
        body = [
            ft.Text(f"If you are in danger or might act on thoughts of harming yourself, call {emergency.number} now."),
            ft.Text(f"Emergency number for {emergency.country_name}. You can change the country in Settings."),
        ]
        call = [ft.FilledButton(f"Call {emergency.number}", icon=ft.Icons.CALL, on_click=call_emergency)]
    else:
        body = [ft.Text("Choose your country in Settings to see its emergency number here.")]
        call = []
    return ft.AlertDialog(
        title=ft.Text("Get help now"),
        content=ft.Column(
            [
                *body,
                ft.Text("You can also find a crisis line in your country, free and confidential:"),
                ft.TextButton(tend.crisis.fallback_name, icon=ft.Icons.OPEN_IN_NEW, on_click=open_directory),
            ],
            tight=True,
            spacing=12,
        ),
        actions=[*call, ft.TextButton("Close", on_click=on_close)],
        on_dismiss=on_close,
        scrollable=True,
    )
