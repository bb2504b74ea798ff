"""A crisis line as a card with its own Call, Text and Chat buttons, used by People and by 'Get help now'."""

import flet as ft

from storage.help.crisis_lines import CrisisLine
from storage.people.phones import call_link, text_link
from views.context import Tend
from views.kit.labelled import said_as
from views.people.reaching_out import open_contact_link


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
    texting = f"Text {line.text_body} to {line.text}." if line.text and line.text_body else ""
    return ft.Card(
        ft.Container(
            ft.Column(
                [
                    ft.Text(line.name, theme_style=ft.TextThemeStyle.TITLE_MEDIUM),
                    *([ft.Text(details)] if details else []),
                    *([ft.Text(texting)] if texting else []),
                    ft.Row(buttons, wrap=True),
                ],
                spacing=6,
            ),
            padding=16,
        ),
    )
