"""'Get help now': one tap from every screen, and from inside a form, to the emergency number, crisis lines, your own
crisis contacts and your safety plan. It never shows an empty state: without a country it offers 112 and the
international directory, with a country picker right there."""

import flet as ft

from storage.app_lock import AppLock
from storage.errors import StorageError
from storage.help.safety_plan import STEPS, SafetyPlan, load_plan
from storage.people.model import Support
from views.context import Tend, use_tend
from views.guard import component
from views.help.crisis_lines import CountryPicker, crisis_help, fallback_controls
from views.people.card import reach_buttons
from views.people.editor import PersonCallbacks, person_dialog
from views.people.reaching_out import address_for, link_for, open_contact_link
from views.people.your_people import use_people, use_people_actions

SAFETY_PLAN_ROUTE = "/people/safety-plan"


def plan_readable_without_pin(tend: Tend) -> bool:
    """With the app lock on, Get help now shows the plan read-only without the PIN, unless the person asked Settings
    to keep it behind the lock; with the lock off there is nothing to get past (the plan opens for editing)."""
    try:
        return AppLock(tend.store).is_on() and not tend.settings.safety_plan_locked
    except StorageError:
        return False


@component
def GetHelpButton() -> ft.Control:
    """The button in the top bar, and the sheet it opens above the screen (every other dialog has its own: see
    GetHelpInDialog)."""
    tend = use_tend()
    page = ft.context.page
    your_people = use_people()
    read_people_again = use_people_actions().read_again
    showing, set_showing = ft.use_state(None)  # None, "help", "plan" (read-only) or "add" (a line you trust)

    def open_plan() -> None:
        if plan_readable_without_pin(tend):
            set_showing("plan")
        else:
            edit_plan()

    def edit_plan() -> None:
        """Editing goes through the screen, which the app lock keeps behind the PIN."""
        set_showing(None)
        page.navigate(SAFETY_PLAN_ROUTE)

    def line_added(_person) -> None:
        read_people_again()
        set_showing("help")

    close = lambda: set_showing(None)  # noqa: E731
    dialog = None
    if showing == "help":
        dialog = help_dialog(tend, your_people.people.values(), open_plan, lambda: set_showing("add"), close)
    elif showing == "plan":
        dialog = plan_dialog(tend, your_people.people, edit_plan, lambda: set_showing("help"), close)
    elif showing == "add":
        dialog = person_dialog(None, PersonCallbacks(saved=line_added, deleted=lambda _: None,
                                                     closed=lambda: set_showing("help")),
                               supports=(Support.CRISIS,))
    ft.use_dialog(dialog)
    return ft.FilledTonalButton("Get help now", icon=ft.Icons.SUPPORT, on_click=lambda: set_showing("help"))


@component
def GetHelpInDialog(back: str, on_back) -> ft.Control:
    """Get help now inside any dialog (see views.kit.dialog), in place of what the dialog shows until `on_back`:
    the numbers, your own crisis contacts and your plan to read, nothing that would close the dialog."""
    tend = use_tend()
    your_people = use_people()
    reading_plan, set_reading_plan = ft.use_state(False)
    plan = plan_lines(tend, your_people.people) if reading_plan else [
        ft.TextButton("Read my safety plan", icon=ft.Icons.HEALTH_AND_SAFETY_OUTLINED,
                      on_click=lambda: set_reading_plan(True))] if plan_readable_here(tend) else []
    return ft.Column(
        [
            ft.Row([ft.Text("Get help now", theme_style=ft.TextThemeStyle.TITLE_MEDIUM, expand=True),
                    ft.FilledTonalButton(back, icon=ft.Icons.ARROW_BACK, on_click=on_back)]),
            *crisis_help(tend),
            CountryPicker(),
            *own_lines_controls(tend, your_people.people.values()),
            *plan,
            *fallback_controls(tend),
        ],
        spacing=12,
        scroll=ft.ScrollMode.AUTO,
    )


def plan_readable_here(tend: Tend) -> bool:
    """Inside a dialog the plan shows where it needs no PIN: the lock is off, or the plan may be read past it."""
    try:
        return not AppLock(tend.store).is_on() or not tend.settings.safety_plan_locked
    except StorageError:
        return False


def own_lines_controls(tend: Tend, people) -> list[ft.Control]:
    """Your crisis contacts (anyone on People who gives crisis support), each with Call and Text."""
    own_lines = [person for person in people if Support.CRISIS in person.supports]

    async def reach_own(person, way):
        await open_contact_link(tend, link_for(person, way), address_for(person, way))

    return [ft.Text("Your crisis contacts", theme_style=ft.TextThemeStyle.TITLE_MEDIUM)] + [
        ft.Column([ft.Text(person.name), ft.Row(reach_buttons(person, reach_own), wrap=True)], spacing=4)
        for person in own_lines
    ] if own_lines else []


def help_dialog(tend: Tend, people, open_plan, add_line, on_close) -> ft.AlertDialog:
    return ft.AlertDialog(
        title=ft.Text("Get help now"),
        semantics_label="Get help now",  # spoken as its title, not "Alert"
        content=ft.Column(
            [
                *crisis_help(tend),
                CountryPicker(),
                *own_lines_controls(tend, people),
                ft.TextButton("Add a line you trust", icon=ft.Icons.ADD_CALL, on_click=add_line),
                ft.FilledTonalButton("Open my safety plan", icon=ft.Icons.HEALTH_AND_SAFETY_OUTLINED,
                                     on_click=open_plan),
                *fallback_controls(tend),
            ],
            tight=True,
            spacing=12,
            width=520,
        ),
        actions=[ft.TextButton("Close", on_click=on_close)],
        on_dismiss=on_close,
        scrollable=True,
    )


def plan_dialog(tend: Tend, people_by_id: dict, edit_plan, back, on_close) -> ft.AlertDialog:
    """The safety plan to read, without the PIN; changing it opens the screen, behind the lock."""
    return ft.AlertDialog(
        title=ft.Text("My safety plan"),
        semantics_label="My safety plan",
        content=ft.Column(
            [
                ft.Text("Your plan, to read. Changing it asks for your PIN."),
                *plan_lines(tend, people_by_id),
            ],
            tight=True,
            spacing=8,
            width=520,
        ),
        actions=[
            ft.TextButton("Edit my plan", icon=ft.Icons.EDIT_OUTLINED, on_click=edit_plan),
            ft.TextButton("Back to Get help now", on_click=back),
            ft.TextButton("Close", on_click=on_close),
        ],
        on_dismiss=on_close,
        scrollable=True,
    )


def plan_lines(tend: Tend, people_by_id: dict) -> list[ft.Control]:
    """The safety plan as lines to read, step by step, with the people linked to a step by name."""
    plan = tend.read(lambda: load_plan(tend.store), SafetyPlan())
    lines = []
    for number, step in enumerate(STEPS, start=1):
        items = [line.strip() for line in plan.text(step.key).splitlines() if line.strip()]
        items += [people_by_id[i].name for i in plan.linked(step.key) if i in people_by_id]
        lines += [ft.Text(f"{number}. {step.title}", theme_style=ft.TextThemeStyle.TITLE_SMALL),
                  *[ft.Text(f"• {item}") for item in items or ["Not filled in yet."]]]
    return lines
