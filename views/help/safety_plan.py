"""My safety plan: the Stanley–Brown steps in the person's own words, linked to their people, exportable as text."""


import asyncio

import flet as ft

from storage.errors import ChangedElsewhere
from storage.help.safety_plan import STEPS, load_plan, plan_as_text, plan_problems, save_plan, with_step
from views.checkins.editing import notice_card
from views.context import use_tend
from views.device.file_saving import save_text_file
from views.guard import component
from views.kit.labelled import labelled_group
from views.kit.screen import screen, section_title
from views.reminders.due import use_reminding

EXPORT_NAME = "my-safety-plan.txt"
SAVE_AFTER_PAUSE_SECONDS = 1.0


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
    page = ft.context.page
    plan, set_plan = ft.use_state(lambda: load_plan(tend.store))
    people = list(use_reminding().people.values())
    typed = ft.use_ref(lambda: {step.key: plan.text(step.key) for step in STEPS}).current  # see CheckInForm
    problems, set_problems = ft.use_state({})
    saved_at, set_saved_at = ft.use_state("")
    newer, set_newer = ft.use_state(None)  # the plan as another window saved it, while this one differs
    pending = ft.use_ref(None)  # the save waiting for a pause in typing
    latest = ft.use_ref(None)

    def current_plan():
        typed_plan = plan
        for key, text in typed.items():
            typed_plan = with_step(typed_plan, key, text=text)
        return typed_plan

    def save(draft=None, base=None):
        """Saves the plan as typed (or `draft`) over `base` (the plan as this screen knows it) and answers the
        saved plan; None when a step is too long, another window changed the plan, or the device refused."""
        cancel_pending()
        draft = draft or current_plan()
        found = plan_problems(draft)
        set_problems(found)
        if found:
            return None
        now = tend.now()
        saved = None

        def write():
            nonlocal saved
            saved = save_plan(tend.store, draft, now, base=base or plan)

        try:
            if not tend.wrote(write):
                return None
        except ChangedElsewhere as changed:
            set_newer(changed.current)
            return None
        set_plan(saved)
        set_newer(None)
        set_saved_at(f"Saved at {now:%H:%M}.")
        return saved

    latest.current = save

    def cancel_pending() -> None:
        if pending.current is not None:
            pending.current.cancel()
            pending.current = None

    def typed_in(key: str, text: str) -> None:
        """Saves as the person types, once they pause: closing Tend mid-sentence loses at most that pause."""
        typed[key] = text
        cancel_pending()

        async def save_after_pause() -> None:
            await asyncio.sleep(SAVE_AFTER_PAUSE_SECONDS)
            pending.current = None
            latest.current()

        pending.current = page.run_task(save_after_pause)

    def save_on_leaving() -> None:
        """The screen going away saves what is still waiting for a pause (Flet 1.0.5 forgets a cleanup returned by
        the setup at the next render: it is passed as `cleanup=`)."""
        if pending.current is not None:
            latest.current()

    ft.use_effect(lambda: None, [], cleanup=save_on_leaving)

    def keep_mine() -> None:
        save(base=newer)

    def show_newer() -> None:
        cancel_pending()
        typed.update({step.key: newer.text(step.key) for step in STEPS})
        set_plan(newer)
        set_newer(None)

    def toggle_person(key: str, person_id: str) -> None:
        linked = plan.linked(key)
        save(with_step(current_plan(), key,
                       people=tuple(i for i in linked if i != person_id) if person_id in linked else (*linked, person_id)))

    async def export() -> None:
        saved = save()
        if saved is None:
            return
        await save_text_file(tend, "Save your safety plan", EXPORT_NAME, plan_as_text(saved, people))

    def step_controls(step) -> list[ft.Control]:
        field = ft.TextField(label=step.title, value=typed[step.key], multiline=True, min_lines=2, max_lines=8,
                             error=problems.get(step.key), expand=True, on_blur=lambda: pending.current and save(),
                             on_change=lambda e, k=step.key: typed_in(k, e.control.value))
        controls = [ft.Text(step.prompt), ft.Row([field])]
        if step.links_people:
            chips = [ft.Chip(label=person.name, selected=person.id in plan.linked(step.key),
                             on_select=lambda _, k=step.key, i=person.id: toggle_person(k, i)) for person in people]
            controls.append(labelled_group(
                f"{step.title}: people saved in Tend",
                ft.Row(chips, wrap=True) if chips else ft.Text("Add people on the People screen to link them here.")))
        return controls

    return screen(
        "My safety plan",
        ft.Text("A plan for hard moments, step by step, in your own words. Fill in what you can: one line per item. "
                "It is saved as you go, and you can share it with your clinician as a text file."),
        *([changed_elsewhere_card(keep_mine, show_newer)] if newer else []),
        *[control for number, step in enumerate(STEPS, start=1)
          for control in (section_title(f"{number}. {step.title}"), *step_controls(step))],
        ft.Row(
            [
                ft.FilledButton("Save plan", icon=ft.Icons.SAVE_OUTLINED, on_click=lambda: save()),
                ft.TextButton("Export as text", icon=ft.Icons.DOWNLOAD, on_click=export),
                *([ft.Text(saved_at)] if saved_at else []),
            ],
            wrap=True,
        ),
    )
