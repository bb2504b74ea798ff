"""The safety plan while it is being typed: saved once typing pauses and when the screen goes away, and, when another
window saved the plan meanwhile, the choice between keeping what was typed here and showing the other version."""

import asyncio
from collections.abc import Callable
from dataclasses import dataclass

import flet as ft

from storage.errors import ChangedElsewhere
from storage.help.safety_plan import (
    STEPS,
    SafetyPlan,
    load_plan,
    plan_problems,
    save_plan,
    with_person_toggled,
    with_texts,
)
from views.context import use_tend
from views.kit.draft import use_draft

SAVE_AFTER_PAUSE_SECONDS = 1.0


@dataclass(frozen=True)
class PauseSaving:
    start: Callable[[], None]
    """(Re)start the wait: the save runs once typing has paused this long."""
    cancel: Callable[[], None]
    waiting: Callable[[], bool]


def use_save_after_pause(save: Callable[[], object]) -> PauseSaving:
    """Runs the latest `save` once typing pauses, and when the screen goes away with a save still waiting: closing Tend
    mid-sentence loses at most that pause."""
    page = ft.context.page
    pending = ft.use_ref(None)  # the save waiting for a pause in typing
    latest = ft.use_ref(None)
    latest.current = save

    def cancel() -> None:
        if pending.current is not None:
            pending.current.cancel()
            pending.current = None

    def start() -> None:
        cancel()

        async def save_after_pause() -> None:
            await asyncio.sleep(SAVE_AFTER_PAUSE_SECONDS)
            pending.current = None
            latest.current()

        pending.current = page.run_task(save_after_pause)

    def save_on_leaving() -> None:
        """Flet 1.0.5 forgets a cleanup returned by the setup at the next render: it is passed as `cleanup=`."""
        if pending.current is not None:
            latest.current()

    ft.use_effect(lambda: None, [], cleanup=save_on_leaving)
    return PauseSaving(start, cancel, lambda: pending.current is not None)


@dataclass(frozen=True)
class PlanEditing:
    plan: SafetyPlan
    """The plan as last loaded or saved here."""
    typed: dict[str, str]
    """Step key → the words in its field now (see CheckInForm: handlers read them here, not from a render)."""
    problems: dict[str, str]
    saved_at: str
    newer: SafetyPlan | None
    """The plan as another window saved it, while this one differs."""
    save: Callable[..., SafetyPlan | None]
    """Saves the plan as typed (or a draft given) and answers the saved plan; None when a step is too long, another
    window changed the plan, or the device refused."""
    typed_in: Callable[[str, str], None]
    left_field: Callable[[], None]
    keep_mine: Callable[[], None]
    show_newer: Callable[[], None]
    toggle_person: Callable[[str, str], None]


def use_plan_editing() -> PlanEditing:
    tend = use_tend()
    known = use_draft(lambda: {"plan": load_plan(tend.store)})  # so a tap right after a save or a pick sees it
    typed = ft.use_ref(lambda: {step.key: known.values["plan"].text(step.key) for step in STEPS}).current
    problems, set_problems = ft.use_state({})
    saved_at, set_saved_at = ft.use_state("")
    newer, set_newer = ft.use_state(None)

    def save(draft=None, base=None):
        """Saves `draft` (or the plan as typed) over `base` (or the plan as this screen knows it)."""
        pause.cancel()
        plan = known.values["plan"]
        draft = draft or with_texts(plan, typed)
        found = plan_problems(draft)
        set_problems(found)
        if found:
            return None
        now = tend.now()
        saved = []
        try:
            if not tend.wrote(lambda: saved.append(save_plan(tend.store, draft, now, base=base or plan))):
                return None
        except ChangedElsewhere as changed:
            set_newer(changed.current)
            return None
        known.choose("plan", saved[0])
        set_newer(None)
        set_saved_at(f"Saved at {now:%H:%M}.")
        return saved[0]

    pause = use_save_after_pause(save)

    def typed_in(key: str, text: str) -> None:
        typed[key] = text
        pause.start()

    def show_newer() -> None:
        pause.cancel()
        typed.update({step.key: newer.text(step.key) for step in STEPS})
        known.choose("plan", newer)
        set_newer(None)

    return PlanEditing(known.values["plan"], typed, problems, saved_at, newer, save, typed_in,
                       left_field=lambda: pause.waiting() and save(), keep_mine=lambda: save(base=newer),
                       show_newer=show_newer, toggle_person=lambda key, person_id: save(
                           with_person_toggled(with_texts(known.values["plan"], typed), key, person_id)))
