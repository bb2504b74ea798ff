"""My safety plan: the Stanley–Brown steps in the person's own words, linked to their people, exportable as text."""


import flet as ft

from storage.help.safety_plan import STEPS, plan_as_text
from views.context import use_tend
from views.device.file_saving import save_text_file
from views.guard import component
from views.help.plan_editing import PlanEditing, use_plan_editing
from views.kit.labelled import labelled_group
from views.kit.notice import notice_card
from views.kit.screen import screen, section_title
from views.people.your_people import use_people

EXPORT_NAME = "my-safety-plan.txt"


def changed_elsewhere_card(keep_mine, show_newer) -> ft.Control:
    """Two windows edited the plan: say so, and let the person choose, instead of one silently winning."""
    return notice_card(
        "Your safety plan was changed in another window or tab since this one showed it. Nothing here was saved "
        "over it yet.",
        [ft.TextButton("Keep what I typed here", on_click=keep_mine),
         ft.FilledTonalButton("Show the other version", on_click=show_newer)],
    )


@component
def SafetyPlanScreen() -> ft.Control:
    tend = use_tend()
    people = list(use_people().people.values())
    editing = use_plan_editing()

    async def export() -> None:
        saved = editing.save()
        if saved is None:
            return
        await save_text_file(tend, "Save your safety plan", EXPORT_NAME, plan_as_text(saved, people))

    return screen(
        "My safety plan",
        ft.Text("A plan for hard moments, step by step, in your own words. Fill in what you can: one line per item. "
                "It is saved as you go, and you can share it with your clinician as a text file."),
        *([changed_elsewhere_card(editing.keep_mine, editing.show_newer)] if editing.newer else []),
        *[control for number, step in enumerate(STEPS, start=1)
          for control in (section_title(f"{number}. {step.title}"), *step_controls(step, editing, people))],
        ft.Row(
            [
                ft.FilledButton("Save plan", icon=ft.Icons.SAVE_OUTLINED, on_click=lambda: editing.save()),
                ft.TextButton("Export as text", icon=ft.Icons.DOWNLOAD, on_click=export),
                *([ft.Text(editing.saved_at)] if editing.saved_at else []),
            ],
            wrap=True,
        ),
    )


def step_controls(step, editing: PlanEditing, people) -> list[ft.Control]:
    """One step: its prompt, its field, and for the steps about people a chip for each person saved in Tend."""
    field = ft.TextField(label=step.title, value=editing.typed[step.key], multiline=True, min_lines=2, max_lines=8,
                         error=editing.problems.get(step.key), expand=True, on_blur=editing.left_field,
                         on_change=lambda e, k=step.key: editing.typed_in(k, e.control.value))
    controls = [ft.Text(step.prompt), ft.Row([field])]
    if step.links_people:
        chips = [ft.Chip(label=person.name, selected=person.id in editing.plan.linked(step.key),
                         on_select=lambda _, k=step.key, i=person.id: editing.toggle_person(k, i)) for person in people]
        controls.append(labelled_group(
            f"{step.title}: people saved in Tend",
            ft.Row(chips, wrap=True) if chips else ft.Text("Add people on the People screen to link them here.")))
    return controls
