"""Adding, editing or deleting a person: one form, checked before anything is saved."""

from dataclasses import dataclass
from typing import Callable

import flet as ft

from storage.errors import Refused, StorageError
from storage.people.form_saving import SAVE, save_from_form
from storage.people.gatherings import PersonKind
from storage.people.meetings import delete_person
from storage.people.model import REACHABLE_BY, Person, Support, Way
from views.context import use_tend
from views.guard import component
from views.kit.dialog import dialog
from views.kit.dialog_form import dialog_form
from views.kit.draft import Draft, use_draft
from views.kit.labelled import labelled_group
from views.people.gatherings import GatheringFields, gathering_typed, gathering_values, kind_picker


@dataclass(frozen=True)
class PersonCallbacks:
    saved: Callable[[Person], None]
    deleted: Callable[[Person], None]
    closed: Callable[[], None]


def person_dialog(original: Person | None, callbacks: PersonCallbacks, supports: tuple = ()) -> ft.AlertDialog:
    """`supports`: the kinds already chosen for someone new ("Add a line you trust" picks crisis)."""
    return dialog(f"Edit {original.name}" if original else "Add someone", PersonForm(original, callbacks, supports),
                  on_dismiss=callbacks.closed, modal=True, back="Back to the form")


def days_from_text(text: str) -> int | None | str:
    """The number of days typed, None when blank, or the text itself when it isn't a whole number (so the rules
    can say what is wrong). `isdecimal`, not `isdigit`: "²" is a digit that int() can't read."""
    text = text.strip()
    if not text:
        return None
    return int(text) if text.isdecimal() else text


def first_values(original: Person | None, new_supports: tuple) -> dict:
    """What the form holds when it opens: the person as saved, or someone new with `new_supports` chosen."""
    return {
        "name": original.name if original else "",
        "phones": list(original.phones) if original and original.phones else [""],
        "email": original.email if original else "",
        "helps_with": original.helps_with if original else "",
        "note": original.note if original else "",
        "every": str(original.stay_in_touch_days or "") if original else "",
        "supports": tuple(original.supports) if original else new_supports,
        "preferred": original.preferred if original else None,
        "kind": original.kind if original else PersonKind.PERSON,
        **gathering_typed(original),
    }


@dataclass(frozen=True)
class PersonSaving:
    problems: dict
    name_field: ft.Ref
    save: Callable
    delete: Callable


def use_person_saving(original: Person | None, typed: dict, callbacks: PersonCallbacks) -> PersonSaving:
    """Save and Delete for the form; what they refuse goes into `problems`, shown by the field it is about."""
    tend = use_tend()
    problems, set_problems = ft.use_state({})
    name_field = ft.use_ref(None)

    async def save() -> bool | None:
        """False when the form refused what it holds (nothing saved): see views.kit.taps."""
        fields = dict(name=typed["name"], phones=tuple(typed["phones"]), email=typed["email"],
                      supports=typed["supports"], helps_with=typed["helps_with"], note=typed["note"],
                      preferred=typed["preferred"], stay_in_touch_days=days_from_text(typed["every"]),
                      **gathering_values(typed["kind"], typed))
        try:
            person = save_from_form(tend.store, original, fields, tend.now(), tend.settings.day_starts_at)
        except Refused as refused:
            set_problems(refused.problems)
            if "name" in refused.problems and name_field.current:
                await name_field.current.focus()
            return False
        callbacks.saved(person)

    def delete() -> bool | None:
        try:
            delete_person(tend.store, original)
        except StorageError as error:
            set_problems({SAVE: error.message})
            return False
        callbacks.deleted(original)

    return PersonSaving(problems, name_field, save, delete)


@component
def PersonForm(original: Person | None, callbacks: PersonCallbacks, new_supports: tuple = ()) -> ft.Control:
    draft = use_draft(lambda: first_values(original, new_supports),
                      keep_as=f"person {original.id if original else 'new'}")
    typed = draft.values
    phone_count, set_phone_count = ft.use_state(len(typed["phones"]))
    saving = use_person_saving(original, typed, callbacks)
    problems = saving.problems

    def add_phone() -> None:
        typed["phones"].append("")
        set_phone_count(len(typed["phones"]))

    def text_field(key: str, label: str, problem: str | None = None, **options) -> ft.Control:
        return ft.TextField(label=label, value=typed[key], on_change=lambda e: typed.update({key: e.control.value}),
                            error=problems.get(problem or key), **options)

    fields = [
        kind_picker(typed["kind"], lambda kind: draft.choose("kind", kind)),
        ft.TextField(ref=saving.name_field, label="Name", value=typed["name"], error=problems.get("name"),
                     on_change=lambda e: typed.update(name=e.control.value), autofocus=not original),
        GatheringFields(typed["kind"], typed, problems),
        *[_phone_field(typed["phones"], index, problems) for index in range(phone_count)],
        *([ft.Text(problems["phones"], color=ft.Colors.ERROR)] if "phones" in problems else []),
        ft.TextButton("Add another number", icon=ft.Icons.ADD, on_click=add_phone),
        text_field("email", "Email", keyboard_type=ft.KeyboardType.EMAIL),
        _support_chips(draft, problems.get("supports")),
        text_field("helps_with", "What they help with", hint_text="A walk, a chat about work, lifts"),
        _preferred_way(draft, problems.get("preferred")),
        text_field("every", "Stay in touch every … days (optional)", "stay_in_touch_days",
                   keyboard_type=ft.KeyboardType.NUMBER, width=280),
        text_field("note", "Note", multiline=True, min_lines=2, max_lines=6),
    ]
    return dialog_form(fields, problems, draft, saving.save, callbacks.closed, saving.delete if original else None)


def _phone_field(phones: list[str], index: int, problems: dict) -> ft.Control:
    def typed_phone(e):
        phones[index] = e.control.value

    label = "Phone" if index == 0 else f"Phone {index + 1}"
    return ft.TextField(label=label, value=phones[index], keyboard_type=ft.KeyboardType.PHONE,
                        on_change=typed_phone, error=problems.get(f"phone {index + 1}"))


def _support_chips(draft: Draft, problem: str | None) -> ft.Control:
    """The kinds of support, each a chip to tick; the choice is read from the draft at the tap (kit.draft)."""

    def toggle(kind: Support) -> None:
        supports = draft.values["supports"]
        draft.choose("supports", tuple(k for k in supports if k != kind) if kind in supports else (*supports, kind))

    return labelled_group(
        "Kinds of support they give",
        ft.Column([ft.Chip(label=ft.Text(f"{kind.word}: {kind.meaning}"), selected=kind in draft.values["supports"],
                           on_select=lambda _, k=kind: toggle(k)) for kind in Support], spacing=4),
        problem,
    )


def _preferred_way(draft: Draft, problem: str | None) -> ft.Control:
    preferred = draft.values["preferred"]
    return labelled_group(
        "Best way to reach them",
        ft.SegmentedButton(
            segments=[ft.Segment(value=way.value, label=way.value.capitalize()) for way in REACHABLE_BY],
            selected=[preferred.value] if preferred else [],
            allow_empty_selection=True,
            show_selected_icon=False,
            on_change=lambda e: draft.choose("preferred", Way(e.control.selected[0]) if e.control.selected else None),
        ),
        problem,
    )
