"""Settings: how Tend looks and which country's emergency number it offers."""

import dataclasses

import flet as ft

from views.context import use_tend
from views.labelled import named
from views.screen import screen

THEME_CHOICES = (("system", "Same as this device"), ("light", "Light"), ("dark", "Dark"))


@ft.component
def SettingsScreen() -> ft.Control:
    tend = use_tend()
    settings = tend.settings

    def change(**values) -> None:
        tend.change_settings(dataclasses.replace(settings, **values))

    return screen(
        "Settings",
        ft.Text("Appearance", theme_style=ft.TextThemeStyle.TITLE_MEDIUM),
        ft.RadioGroup(
            value=settings.theme,
            on_change=lambda e: change(theme=e.control.value),
            content=ft.Column([ft.Radio(value=value, label=label) for value, label in THEME_CHOICES]),
        ),
        ft.Text("Country for emergency numbers", theme_style=ft.TextThemeStyle.TITLE_MEDIUM),
        named("Country", ft.Dropdown(
            label="Country",
            value=settings.country or None,
            on_select=lambda e: change(country=e.control.value),
            options=[ft.DropdownOption(key=code, text=name) for code, name in tend.crisis.countries()],
        )),
    )
