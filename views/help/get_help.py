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
from views.reminders.due import use_reminding

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
    """The button in the top bar, and the sheet it opens above the screen (a form's dialog has its own: see
    GetHelpInForm)."""
    tend = use_tend()
    page = ft.context.page
    reminding = use_reminding()
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
        reminding.refresh()
        set_showing("help")

    close = lambda: set_showing(None)  # noqa: E731
    dialog = None
    if showing == "help":
        dialog = help_dialog(tend, reminding.people.values(), open_plan, lambda: set_showing("add"), close)
    elif showing == "plan":
        dialog = plan_dialog(tend, reminding.people, edit_plan, lambda: set_showing("help"), close)
    elif showing == "add":
        dialog = person_dialog(None, PersonCallbacks(saved=line_added, deleted=lambda _: None,
                                                     closed=lambda: set_showing("help")),
                               supports=(Support.CRISIS,))
    ft.use_dialog(dialog)
    return ft.FilledTonalButton("Get help now", icon=ft.Icons.SUPPORT, on_click=lambda: set_showing("help"))


@component
def GetHelpInForm() -> ft.Control:
    """Get help now inside a form's dialog (see views.kit.dialog_form). A tap outside a dialog closes it, and a
    dialog opened over another one made Flet 1.0.5 send the form again as last drawn, without what was typed since;
    so the help opens inside the form, above its fields, which stay as they were typed."""
    tend = use_tend()
    showing, set_showing = ft.use_state(False)
    if not showing:
        return ft.Row([ft.FilledTonalButton("Get help now", icon=ft.Icons.SUPPORT, on_click=lambda: set_showing(True))],
                      alignment=ft.MainAxisAlignment.END)
    return ft.Container(
        ft.Column(
            [
                ft.Text("Get help now", theme_style=ft.TextThemeStyle.TITLE_MEDIUM),
                *crisis_help(tend),
                CountryPicker(),
                *fallback_controls(tend),
                ft.FilledTonalButton("Back to the form", icon=ft.Icons.ARROW_DOWNWARD,
                                     on_click=lambda: set_showing(False)),
            ],
            spacing=12,
            scroll=ft.ScrollMode.AUTO,
        ),
        expand=2,  # two thirds of the form's height, the fields below keep the rest
        padding=12,
        border=ft.Border.all(1, ft.Colors.OUTLINE_VARIANT),
        border_radius=12,
    )


def help_dialog(tend: Tend, people, open_plan, add_line, on_close) -> ft.AlertDialog:
    own_lines = [person for person in people if Support.CRISIS in person.supports]

    async def reach_own(person, way):
        await open_contact_link(tend, link_for(person, way), address_for(person, way))

    own = [ft.Text("Your crisis contacts", theme_style=ft.TextThemeStyle.TITLE_MEDIUM)] + [
        ft.Column([ft.Text(person.name), ft.Row(reach_buttons(person, reach_own), wrap=True)], spacing=4)
        for person in own_lines
    ] if own_lines else []
    return ft.AlertDialog(
        title=ft.Text("Get help now"),
        content=ft.Column(
            [
                *crisis_help(tend),
                CountryPicker(),
                *own,
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
    plan = tend.read(lambda: load_plan(tend.store), SafetyPlan())
    steps = []
    for number, step in enumerate(STEPS, start=1):
        items = [line.strip() for line in plan.text(step.key).splitlines() if line.strip()]
        items += [people_by_id[i].name for i in plan.linked(step.key) if i in people_by_id]
        steps += [ft.Text(f"{number}. {step.title}", theme_style=ft.TextThemeStyle.TITLE_SMALL),
                  *[ft.Text(f"• {item}") for item in items or ["Not filled in yet."]]]
    return ft.AlertDialog(
        title=ft.Text("My safety plan"),
        content=ft.Column(
            [
                ft.Text("Your plan, to read. Changing it asks for your PIN."),
                *steps,
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
