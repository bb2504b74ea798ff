"""The app shell: settings and services in context, the router, and the navigation around every screen."""

import dataclasses
import importlib
import locale
import os
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Callable

import flet as ft

from storage.help.crisis_lines import country_from_locale, guess_country, load_crisis_directory
from storage.prompts import needs_welcome
from storage.settings import Settings, load_settings, save_settings
from storage.store.persistence import Store
from views.context import Tend, TendContext, use_tend
from views.guard import FAILURE_HANDLER_KEY, component, error_card
from views.help.get_help import GetHelpButton
from views.kit.dialog import dialog
from views.kit.notice import notice_banner
from views.lock.screen import LockGate
from views.navigation import WIDE_LAYOUT_MIN_WIDTH, navigation_bar, navigation_rail, place_index
from views.people.your_people import provide_people, use_people_service
from views.reminders.due import describe, provide_due, use_due, use_due_actions, use_due_service
from views.reminders.due_items import DueBanner
from views.reminders.notifications import NotificationsContext, use_notifications_service
from views.today.screen import TodayScreen
from views.welcome.screen import Welcome

THEME_MODES = {"system": ft.ThemeMode.SYSTEM, "light": ft.ThemeMode.LIGHT, "dark": ft.ThemeMode.DARK}
SEED_COLOR = ft.Colors.TEAL
# The web client is served offline (no_cdn), so Flutter can't fetch its fallback fonts: without these, names in
# Arabic, Hebrew, Hindi, Thai, Chinese, Japanese or Korean and every emoji are empty boxes. Files and licences are
# in assets/fonts; the order is the order Flutter tries them in after its own Roboto.
BUNDLED_FONTS = {
    "Noto Sans Arabic": "fonts/NotoSansArabic-Regular.ttf",
    "Noto Sans Hebrew": "fonts/NotoSansHebrew-Regular.ttf",
    "Noto Sans Devanagari": "fonts/NotoSansDevanagari-Regular.ttf",
    "Noto Sans Thai": "fonts/NotoSansThai-Regular.ttf",
    "Noto Color Emoji": "fonts/NotoColorEmoji.ttf",
    "Droid Sans Fallback": "fonts/DroidSansFallbackFull.ttf",  # CJK in 4 MB, where Noto Sans CJK needs 16+ MB
}
TEXT_STYLE_NAMES = ("display", "headline", "title", "label", "body")
FOCUSED_FILL_OPACITY = {False: 0.5, True: 0.38}
"""How much of the text colour fills a focused control without a ring, in the light and the dark theme."""


def with_local_country(settings: Settings, zone: tzinfo | None = None, listed=None) -> Settings:
    """Until the person picks a country, offer the emergency number of the country their system is set to: its
    locale's region, else its time zone's country (`listed`: the countries Tend knows; None takes any region)."""
    if settings.country:
        return settings
    system_locale = os.environ.get("LC_ALL") or os.environ.get("LANG") or locale.getlocale()[0]
    region = country_from_locale(system_locale)
    guess = guess_country(system_locale, getattr(zone, "key", None), [region] if listed is None else listed)
    return dataclasses.replace(settings, country=guess)


def with_fallback_font(color: str, **style) -> ft.TextStyle:
    return ft.TextStyle(font_family_fallback=list(BUNDLED_FONTS), color=color, **style)


def with_fallback_fonts(color: str) -> ft.TextTheme:
    """Every text style of the theme falls back on the bundled fonts (Flet 1.0.5 has no theme-wide fallback). The
    colour is given too: a style Flet reads without one is drawn black, even in the dark theme."""
    style = with_fallback_font(color)
    return ft.TextTheme(**{f"{name}_{size}": style for name in TEXT_STYLE_NAMES
                           for size in ("large", "medium", "small")})


def tend_theme(dark: bool) -> ft.Theme:
    """Tend's colours, with every tap target at least 48 px: on the web and desktop Flutter doesn't pad targets to
    48 px as it does on phones, so buttons, icon buttons and chips are given the room themselves."""
    # A clear ring, in the text colour, around the button that has the keyboard's focus (Flutter's own is a faint
    # fill); other states keep the button's own border.
    ring = {ft.ControlState.FOCUSED: ft.BorderSide(3, ft.Colors.ON_SURFACE)}
    # What can't have a ring in Flet 1.0.5 (the rail, chips, rows with a switch) is filled instead: 3:1 against the
    # background, with its text (in the text colour) still 4.5:1 on it. Dark needs a lighter fill for that.
    focused_fill = ft.Colors.with_opacity(FOCUSED_FILL_OPACITY[dark], ft.Colors.ON_SURFACE)
    tall = ft.ButtonStyle(padding=ft.Padding.symmetric(horizontal=20, vertical=14), side=ring)  # 20 px + 28 = 48
    return ft.Theme(
        color_scheme_seed=SEED_COLOR,
        focus_color=focused_fill,
        switch_theme=ft.SwitchTheme(track_outline_color={ft.ControlState.FOCUSED: ft.Colors.ON_SURFACE},
                                    track_outline_width={ft.ControlState.FOCUSED: 3}),
        visual_density=ft.VisualDensity.STANDARD,  # no compacting on desktop
        button_theme=ft.ButtonTheme(style=tall),
        filled_button_theme=ft.FilledButtonTheme(style=tall),
        outlined_button_theme=ft.OutlinedButtonTheme(style=tall),
        text_button_theme=ft.TextButtonTheme(style=tall),
        icon_button_theme=ft.IconButtonTheme(style=ft.ButtonStyle(padding=ft.Padding.all(12), side=ring)),  # 24 + 24
        chip_theme=ft.ChipTheme(padding=ft.Padding.symmetric(horizontal=8, vertical=13),
                                # the whole style (Material's label large): a chip takes it from here or its own
                                label_text_style=with_fallback_font(ft.Colors.ON_SURFACE, size=14, height=20 / 14,
                                                                    weight=ft.FontWeight.W_500, letter_spacing=0.1)),
        segmented_button_theme=ft.SegmentedButtonTheme(style=tall),
        text_theme=with_fallback_fonts(ft.Colors.ON_SURFACE),
        primary_text_theme=with_fallback_fonts(ft.Colors.ON_PRIMARY),
    )


@component
def App(store: Store, assets_dir: Path, clock: Callable[[], datetime], zone: tzinfo,
        notice_at_start: str | None = None) -> ft.Control:
    """`notice_at_start`: what Tend must say as it opens (it can't save, today's backup failed), in the banner that
    leaves Get help now free, unlike a dialog."""
    page = ft.context.page
    crisis = ft.use_memo(lambda: load_crisis_directory(assets_dir / "crisis_lines.json"), [])
    settings, set_settings = ft.use_state(lambda: with_local_country(load_settings(store), zone, crisis.emergency))
    notice, set_notice = ft.use_state(notice_at_start)
    failed_route, set_failed_route = ft.use_state(None)

    def note_failures() -> None:
        """An update that failed outside any component (see views.guard) turns the screen it was on into the card."""
        page.session.store.set(FAILURE_HANDLER_KEY, lambda error: set_failed_route(page.route))

    ft.use_effect(note_failures, [])

    def change_settings(new: Settings) -> None:
        if tend.wrote(lambda: save_settings(store, new, clock())):
            set_settings(new)

    def apply_theme() -> None:
        page.title = "Tend"
        page.fonts = BUNDLED_FONTS
        page.theme, page.dark_theme = tend_theme(dark=False), tend_theme(dark=True)
        page.theme_mode = THEME_MODES[settings.theme]
        page.update()

    ft.use_effect(apply_theme, [settings.theme])

    left_forms = ft.use_ref(dict).current
    tend = Tend(store, crisis, settings, change_settings, set_notice, clock, zone, notice, lambda: set_notice(None),
                failed_route, lambda: set_failed_route(None), left_forms)
    return TendContext(
        tend,
        lambda: WithReminders(lambda: ft.Router(
            [
                ft.Route(
                    component=Shell,
                    outlet=True,
                    children=[
                        ft.Route(index=True, component=TodayScreen),
                        *(ft.Route(path=path, component=screen) for path, screen in LATER_SCREENS.items()),
                    ],
                )
            ],
            manage_views=True,
        )),
    )


def loaded_on_first_visit(module: str, name: str) -> Callable[[], ft.Control]:
    """A screen whose code is imported the first time someone opens it: Tend starts by showing Today, and
    importing every screen (the charts library alone) first made the launch a third slower than a bare Flet app."""
    def screen() -> ft.Control:
        return getattr(importlib.import_module(module), name)()

    screen.__name__ = screen.__qualname__ = f"Loading{name}"  # as the log names it, should the import fail
    return component(screen)


LATER_SCREENS = {
    "people": loaded_on_first_visit("views.people.screen", "PeopleScreen"),
    "people/safety-plan": loaded_on_first_visit("views.help.safety_plan", "SafetyPlanScreen"),
    "people/support-card": loaded_on_first_visit("views.support_card.screen", "SupportCardScreen"),
    "people/circle": loaded_on_first_visit("views.circle.screen", "CircleScreen"),
    "reminders": loaded_on_first_visit("views.reminders.screen", "RemindersScreen"),
    "history": loaded_on_first_visit("views.history.screen", "HistoryScreen"),
    "settings": loaded_on_first_visit("views.settings.screen", "SettingsScreen"),
    "settings/backups": loaded_on_first_visit("views.settings.backups", "BackupsScreen"),
}
"""Every route but Today's, by path."""


@component
def WithReminders(content) -> ft.Control:
    """Keeps your people, what is due and the phone's notifications current for every screen, each in its own
    context (views.people.your_people, views.reminders.due, views.reminders.notifications)."""
    people, people_actions = use_people_service()
    due, due_actions = use_due_service(people, people_actions)
    notifications = use_notifications_service(due)
    return provide_people(people, people_actions, lambda: provide_due(
        due, due_actions, lambda: NotificationsContext(notifications, content)))


def failed_view() -> ft.View:
    """The whole shell failed to render: the calm card, with Get help now still at the top."""
    return ft.View(route="/", appbar=ft.AppBar(title=ft.Text("Tend"), actions=[GetHelpButton()]),
                   controls=[error_card()])


@component(fallback=failed_view)
def Shell() -> ft.View:
    """Bottom bar on narrow windows, rail on wide ones; 'Get help now' always in the top bar."""
    page = ft.context.page
    tend = use_tend()
    outlet = ft.use_route_outlet()
    use_repair_notes(tend)
    width = use_window_width(page)
    welcoming, set_welcoming = ft.use_state(lambda: needs_welcome(tend.store))
    location = ft.use_route_location()
    selected = place_index(location)
    ft.use_effect(lambda: tend.failed_route not in (None, location) and tend.forget_failure(), [location])
    wide = width >= WIDE_LAYOUT_MIN_WIDTH
    shown = Welcome(lambda: set_welcoming(False)) if welcoming else outlet
    if tend.failed_route == page.route:
        shown = error_card()
    content = screen_area(tend, shown)
    return ft.View(
        route="/",
        can_pop=False,
        padding=0,
        appbar=ft.AppBar(
            title=ft.Text("Tend", weight=ft.FontWeight.BOLD),
            actions=[ft.Container(GetHelpButton(), padding=ft.Padding.only(right=8))],
        ),
        navigation_bar=None if wide else navigation_bar(selected, page.navigate),
        # One tree at every width, the rail only hidden on narrow windows: turning a phone sideways must not
        # rebuild the screens below, which would drop what the person was typing.
        controls=[
            ft.Row(
                [
                    ft.Container(navigation_rail(selected, page.navigate), visible=wide),
                    ft.VerticalDivider(width=1, visible=wide),
                    content,
                ],
                expand=True,
                spacing=0,
                vertical_alignment=ft.CrossAxisAlignment.STRETCH,
            )
        ],
    )


def use_repair_notes(tend: Tend) -> None:
    """A file repaired at start, or when a screen first opens an older month, is told about until acknowledged;
    the effect runs after the screens below have rendered, so it sees what their reading repaired."""
    acknowledged, set_acknowledged = ft.use_state(0)
    known, set_known = ft.use_state(0)
    ft.use_effect(lambda: set_known(len(tend.store.recovery_notes)))
    notes = tend.store.recovery_notes[acknowledged:known]
    ft.use_dialog(repair_dialog(notes, lambda: set_acknowledged(acknowledged + len(notes))) if notes else None)


def use_window_width(page: ft.Page) -> float:
    """The window's width, followed as it is resized."""
    width, set_width = ft.use_state(page.width or 0)

    def follow_window_size() -> None:
        page.on_resize = lambda e: set_width(e.width)

    ft.use_effect(follow_window_size, [])
    return width


def screen_area(tend: Tend, shown: ft.Control) -> ft.Control:
    """The banner of what is due, what was missed, and the screen; behind the app lock, below a message."""
    content = ft.Column(
        [
            DueBanner(),
            MissedReminders(),
            ft.Container(content=shown, expand=True, padding=ft.Padding.symmetric(horizontal=16, vertical=8)),
        ],
        spacing=0,
        expand=True,
    )
    return ft.Column(
        # The app lock covers every screen, never the navigation, Get help now or a message Tend has to tell.
        [notice_banner(tend.notice, tend.read_notice), LockGate(content)],
        spacing=0,
        expand=True,
    )


@component
def MissedReminders() -> ft.Control:
    """Reminders that rang while Tend was closed, told once, calmly; inside the lock, like every screen."""
    missed = use_due().missed
    seen_missed = use_due_actions().seen_missed
    ft.use_dialog(dialog(
        "While Tend was closed",
        ft.Column([ft.Text(f"{describe(item)}, {item.at:%A %H:%M}") for item in missed], tight=True,
                  scroll=ft.ScrollMode.AUTO),
        [ft.FilledButton("OK", on_click=seen_missed)],
        on_dismiss=seen_missed,
    ) if missed else None)
    return ft.Container(visible=False)


def repair_dialog(notes: list[str], on_read) -> ft.AlertDialog:
    return dialog("Tend repaired your data", ft.Column([ft.Text(note) for note in notes], tight=True,
                                                       scroll=ft.ScrollMode.AUTO),
                  [ft.FilledButton("I understand", on_click=on_read)], modal=True)
