"""Adding, editing or deleting a person: one form, checked before anything is saved."""

from dataclasses import dataclass
from typing import Callable

import flet as ft

from storage.errors import ChangedElsewhere, StorageError
from storage.people.gatherings import PersonKind
from storage.people.meetings import delete_person, save_person
from storage.people.model import REACHABLE_BY, Person, PersonProblems, Support, Way, new_person, revised_person
from views.context import use_tend
from views.guard import component
from views.kit.dialog import dialog
from views.kit.dialog_form import dialog_form
from views.kit.draft import use_draft
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


@component
def PersonForm(original: Person | None, callbacks: PersonCallbacks, new_supports: tuple = ()) -> ft.Control:
    tend = use_tend()
    draft = use_draft(lambda: {
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
    })
    typed = draft.values
    phone_count, set_phone_count = ft.use_state(len(typed["phones"]))
    problems, set_problems = ft.use_state({})
    name_field = ft.use_ref(None)

    def toggle(kind: Support) -> None:
        supports = typed["supports"]
        draft.choose("supports", tuple(k for k in supports if k != kind) if kind in supports else (*supports, kind))

    def add_phone() -> None:
        typed["phones"].append("")
        set_phone_count(len(typed["phones"]))

    async def save() -> bool | None:
        """False when the form refused what it holds (nothing saved): see views.kit.taps."""
        fields = dict(name=typed["name"], phones=tuple(typed["phones"]), email=typed["email"],
                      supports=typed["supports"], helps_with=typed["helps_with"], note=typed["note"],
                      preferred=typed["preferred"], stay_in_touch_days=days_from_text(typed["every"]),
                      **gathering_values(typed["kind"], typed))
        now = tend.now()
        try:
            person = revised_person(original, now, **fields) if original else new_person(now, **fields)
            save_person(tend.store, person, original, now, tend.settings.day_starts_at)
        except ChangedElsewhere:
            set_problems({"save": f"{original.name} was changed in another window or tab since you opened this. "
                                  "Nothing was saved here: please close this form and open them again."})
            return False
        except PersonProblems as refused:
            set_problems(refused.problems)
            if "name" in refused.problems and name_field.current:
                await name_field.current.focus()
            return False
        except StorageError as error:
            set_problems({"save": error.message})
            return False
        callbacks.saved(person)

    def delete() -> None:
        try:
            delete_person(tend.store, original)
        except StorageError as error:
            set_problems({"save": error.message})
            return
        callbacks.deleted(original)

    def text_field(key: str, label: str, problem: str | None = None, **options) -> ft.Control:
        return ft.TextField(label=label, value=typed[key], on_change=lambda e: typed.update({key: e.control.value}),
                            error=problems.get(problem or key), **options)

    def phone_field(index: int) -> ft.Control:
        def typed_phone(e):
            typed["phones"][index] = e.control.value

        label = "Phone" if index == 0 else f"Phone {index + 1}"
        return ft.TextField(label=label, value=typed["phones"][index], keyboard_type=ft.KeyboardType.PHONE,
                            on_change=typed_phone, error=problems.get(f"phone {index + 1}"))

    fields = [
        kind_picker(typed["kind"], lambda kind: draft.choose("kind", kind)),
        ft.TextField(ref=name_field, label="Name", value=typed["name"], error=problems.get("name"),
                     on_change=lambda e: typed.update(name=e.control.value), autofocus=not original),
        GatheringFields(typed["kind"], typed, problems),
        *[phone_field(index) for index in range(phone_count)],
        *([ft.Text(problems["phones"], color=ft.Colors.ERROR)] if "phones" in problems else []),
        ft.TextButton("Add another number", icon=ft.Icons.ADD, on_click=add_phone),
        text_field("email", "Email", keyboard_type=ft.KeyboardType.EMAIL),
        labelled_group(
            "Kinds of support they give",
            ft.Column([ft.Chip(label=ft.Text(f"{kind.word}: {kind.meaning}"), selected=kind in typed["supports"],
                               on_select=lambda _, k=kind: toggle(k)) for kind in Support], spacing=4),
            problems.get("supports"),
        ),
        text_field("helps_with", "What they help with", hint_text="A walk, a chat about work, lifts"),
        labelled_group(
            "Best way to reach them",
            ft.SegmentedButton(
                segments=[ft.Segment(value=way.value, label=way.value.capitalize()) for way in REACHABLE_BY],
                selected=[typed["preferred"].value] if typed["preferred"] else [],
                allow_empty_selection=True,
                show_selected_icon=False,
                on_change=lambda e: draft.choose("preferred",
                                                 Way(e.control.selected[0]) if e.control.selected else None),
            ),
            problems.get("preferred"),
        ),
        text_field("every", "Stay in touch every … days (optional)", "stay_in_touch_days",
                   keyboard_type=ft.KeyboardType.NUMBER, width=280),
        text_field("note", "Note", multiline=True, min_lines=2, max_lines=6),
    ]
    return dialog_form(fields, problems, save, callbacks.closed, delete if original else None,
                       draft=lambda: typed)
