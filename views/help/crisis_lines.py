"""Crisis help as cards: the emergency number (112 and the international directory when no country is known) and
each crisis line with its own Call, Text and Chat buttons, used by People, the low-day card and 'Get help now'."""

import dataclasses

import flet as ft

from storage.help.crisis_lines import CrisisLine
from storage.people.phones import call_link, text_link
from views.context import Tend, use_tend
from views.device.links import open_link
from views.guard import component
from views.kit.labelled import said_as
from views.people.reaching_out import open_contact_link

UNIVERSAL_NUMBER = "112"
UNIVERSAL_WORDS = ("From a mobile phone, 112 reaches the emergency services in every country of the European Union "
                   "and in many other countries around the world.")


def emergency_controls(tend: Tend) -> list[ft.Control]:
    """The number to call in danger: the country's, or 112 with what it reaches when no country is known."""
    emergency = tend.crisis.emergency_for(tend.settings.country)
    number = emergency.number if emergency else UNIVERSAL_NUMBER

    async def call():
        await open_contact_link(tend, f"tel:{number}", number)

    where = (f"Emergency number for {emergency.country_name}." if emergency else
             f"Tend doesn't know which country you are in. {UNIVERSAL_WORDS}")
    return [
        ft.Text(f"If you are in danger or might act on thoughts of harming yourself, call {number} now."),
        ft.FilledButton(f"Call {number}", icon=ft.Icons.CALL, on_click=call),
        ft.Text(where),
    ]


def fallback_controls(tend: Tend) -> list[ft.Control]:
    """What works anywhere: 112 from a mobile phone (where the country's number is another) and the directory."""
    emergency = tend.crisis.emergency_for(tend.settings.country)

    async def call_112():
        await open_contact_link(tend, f"tel:{UNIVERSAL_NUMBER}", UNIVERSAL_NUMBER)

    async def open_directory():
        if not await open_link(tend.crisis.fallback_url):
            tend.tell(f"This device could not open the link. The address is {tend.crisis.fallback_url}")

    also_112 = [ft.Text(f"Abroad? {UNIVERSAL_WORDS}"),
                ft.FilledTonalButton(f"Call {UNIVERSAL_NUMBER}", icon=ft.Icons.CALL, on_click=call_112)] \
        if emergency and emergency.number != UNIVERSAL_NUMBER else []
    return [
        *also_112,
        ft.Text("Elsewhere, or for another line, find one in any country, free and confidential:"),
        ft.TextButton(tend.crisis.fallback_name, icon=ft.Icons.OPEN_IN_NEW, on_click=open_directory),
    ]


def crisis_help(tend: Tend) -> list[ft.Control]:
    """The emergency number and the country's crisis lines, for wherever help must be one tap away."""
    return [*emergency_controls(tend), *[crisis_line_card(tend, line) for line in
                                         tend.crisis.lines_for(tend.settings.country)]]


@component
def CountryPicker() -> ft.Control:
    """'Not in Germany? Choose your country' and, once tapped, a field that narrows the list as you type; the
    choice is saved at once, so every screen shows that country's numbers from then on."""
    tend = use_tend()
    choosing, set_choosing = ft.use_state(False)
    query, set_query = ft.use_state("")
    emergency = tend.crisis.emergency_for(tend.settings.country)
    ask = f"Not in {emergency.country_name}? Choose your country" if emergency else "Choose your country"
    if not choosing:
        return ft.TextButton(ask, icon=ft.Icons.PUBLIC, on_click=lambda: set_choosing(True))

    def choose(code: str) -> None:
        set_choosing(False)
        set_query("")
        tend.change_settings(dataclasses.replace(tend.settings, country=code))

    wanted = query.strip().casefold()
    matches = [(code, name) for code, name in tend.crisis.countries()
               if not wanted or wanted in name.casefold() or wanted == code.casefold()]
    return ft.Column(
        [
            ft.TextField(label="Find your country", value=query, prefix_icon=ft.Icons.SEARCH, autofocus=True,
                         on_change=lambda e: set_query(e.control.value)),
            *[ft.TextButton(name, on_click=lambda _, c=code: choose(c)) for code, name in matches],
            *([] if matches else [ft.Text(f"Tend doesn't list “{query.strip()}” yet. The international directory "
                                          "below has lines in every country.")]),
            ft.TextButton("Keep it as it is", on_click=lambda: (set_choosing(False), set_query(""))),
        ],
        spacing=4,
    )


def crisis_line_card(tend: Tend, line: CrisisLine) -> ft.Control:
    async def call():
        await open_contact_link(tend, call_link(line.call), line.call)

    async def text():
        await open_contact_link(tend, text_link(line.text, line.text_body), f"{line.text} ({line.text_body})"
                                if line.text_body else line.text)

    async def chat():
        await open_contact_link(tend, line.chat, line.chat)

    buttons = [
        *([said_as(ft.FilledButton, f"Call {line.call}", f"Call {line.name}, {line.call}", icon=ft.Icons.CALL,
                   on_click=call)] if line.call else []),
        *([said_as(ft.FilledTonalButton, f"Text {line.text}", f"Text {line.name}, {line.text}",
                   icon=ft.Icons.SMS_OUTLINED, on_click=text)] if line.text else []),
        *([said_as(ft.FilledTonalButton, "Chat", f"Chat with {line.name}", icon=ft.Icons.CHAT_OUTLINED,
                   on_click=chat)] if line.chat else []),
    ]
    details = " · ".join(filter(None, [line.about, line.hours]))
    audience = [ft.Row([ft.Icon(ft.Icons.INFO_OUTLINE, size=18),
                        ft.Text(f"For {line.audience}", weight=ft.FontWeight.BOLD, expand=True)],
                       spacing=6)] if line.audience else []
    texting = f"Text {line.text_body} to {line.text}." if line.text and line.text_body else ""
    return ft.Row([ft.Card(  # in a row to take the whole width: every line's card the same size, however worded
        ft.Container(
            ft.Column(
                [
                    ft.Text(line.name, theme_style=ft.TextThemeStyle.TITLE_MEDIUM),
                    *audience,
                    *([ft.Text(details)] if details else []),
                    *([ft.Text(texting)] if texting else []),
                    ft.Row(buttons, wrap=True),
                ],
                spacing=6,
            ),
            padding=16,
        ),
        expand=True,
    )])
