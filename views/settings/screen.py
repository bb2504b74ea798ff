"""Settings: how Tend looks, when a day starts, streaks, emotion tags, and the country for emergency numbers."""

import dataclasses

import flet as ft

from storage.days import DAY_STARTS
from views.context import use_tend
from views.guard import component
from views.kit.labelled import named, radio_row, switch_row
from views.kit.screen import screen, section_title
from views.messages.picker import ManageMessagesButton
from views.settings.app_lock import AppLockSettings
from views.settings.emotion_tags import EmotionTagsEditor
from views.settings.your_data import YourData
from views.support_card.screen import SUPPORT_CARD_ROUTE

THEME_CHOICES = (("system", "Same as this device"), ("light", "Light"), ("dark", "Dark"))
DAY_START_CHOICES = [(hour, "Midnight" if hour == 0 else f"{hour:02d}:00") for hour in DAY_STARTS]



@component
def SettingsScreen() -> ft.Control:
    tend = use_tend()
    settings = tend.settings

    def change(**values) -> None:
        tend.change_settings(dataclasses.replace(settings, **values))

    return screen(
        "Settings",
        section_title("Country for emergency numbers"),
        named("Country", ft.Dropdown(
            label="Country",
            value=settings.country or None,
            on_select=lambda e: change(country=e.control.value),
            options=[ft.DropdownOption(key=code, text=name) for code, name in tend.crisis.countries()],
        )),
        section_title("Appearance"),
        ft.RadioGroup(
            value=settings.theme,
            on_change=lambda e: change(theme=e.control.value),
            # the label inside the group names the group itself (a Semantics around it would be a group of its own)
            content=ft.Semantics(label="Appearance", content=ft.Column(
                [radio_row(value, label) for value, label in THEME_CHOICES], spacing=0)),
        ),
        section_title("Your days"),
        named("A new day starts at", ft.Dropdown(
            label="A new day starts at",
            value=str(settings.day_starts_at),
            on_select=lambda e: change(day_starts_at=int(e.control.value)),
            options=[ft.DropdownOption(key=str(hour), text=text) for hour, text in DAY_START_CHOICES],
        )),
        ft.Text("For night owls: a check-in at 1 am can still count for the day before."),
        switch_row("Show counts: days I checked in, days since a low day", settings.show_streaks,
                   lambda e: change(show_streaks=e.control.value)),
        switch_row("In History, a note when I give much more support than I get and feel low",
                   settings.self_care_note, lambda e: change(self_care_note=e.control.value)),
        section_title("Emotions to choose from"),
        EmotionTagsEditor(),
        ft.TextButton("How to support me: a card for your people", icon=ft.Icons.VOLUNTEER_ACTIVISM_OUTLINED,
                      on_click=lambda: ft.context.page.navigate(SUPPORT_CARD_ROUTE)),
        section_title("Messages"),
        ManageMessagesButton(),
        section_title("Your data"),
        YourData(),
        section_title("App lock"),
        AppLockSettings(),
    )
