"""Adding people from a contacts file (.vcf) as phones export them: pick the file, choose whom to add, add them
all in one write, so nothing is ever half-imported."""

import asyncio
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Awaitable, Callable

import flet as ft

from storage.people import Person, PersonProblems, new_person
from storage.people_repository import PeopleRepository
from storage.vcard import MAX_VCARD_BYTES, decoded_vcard_file, parse_vcards
from views.context import use_tend

MEGABYTE = 1024 * 1024


@dataclass(frozen=True)
class Candidates:
    people: tuple[Person, ...]
    skipped: tuple[str, ...]
    """Why each card that can't be added was left out, in words."""


def candidates_from(data: bytes, now: datetime) -> Candidates:
    """The people a contacts file holds, checked by the same rules as the form; ValueError for an unusable file."""
    result = parse_vcards(decoded_vcard_file(data))
    people, skipped = [], [f"Card {skip.number}: {skip.reason}" for skip in result.skipped]
    for number, contact in enumerate(result.contacts, start=1):
        try:
            people.append(new_person(now, name=contact.name, phones=contact.phones, email=contact.email))
        except PersonProblems as refused:
            skipped.append(f"{contact.name[:40] or f'Contact {number}'}: {' '.join(refused.problems.values())}")
    return Candidates(tuple(people), tuple(skipped))


async def picked_file_bytes() -> bytes | None:
    """The chosen file's contents, None if nothing was chosen; ValueError for a file too large to be contacts."""
    files = await ft.FilePicker().pick_files(dialog_title="Choose a contacts file (.vcf)",
                                             file_type=ft.FilePickerFileType.CUSTOM,
                                             allowed_extensions=["vcf", "vcard"], with_data=True)
    if not files:
        return None
    if files[0].size > MAX_VCARD_BYTES:
        raise ValueError(f"That file is {files[0].size / MEGABYTE:.1f} MB; a contacts file can be up to "
                         f"{MAX_VCARD_BYTES / MEGABYTE:.0f} MB. Nothing was added.")
    return files[0].bytes if files[0].bytes is not None else Path(files[0].path).read_bytes()


def use_contacts_import(on_added: Callable[[int], None]) -> Callable[[], Awaitable[None]]:
    """Returns what the "Import from a contacts file" button runs."""
    tend = use_tend()
    found, set_found = ft.use_state(None)
    chosen, set_chosen = ft.use_state(frozenset())

    async def start() -> None:
        try:
            data = await picked_file_bytes()
            if data is None:
                return
            # Parsing thousands of cards takes a second: off the event loop, so no session freezes meanwhile.
            candidates = await asyncio.to_thread(candidates_from, data, tend.now())
        except (ValueError, OSError) as problem:
            tend.tell(str(problem) if isinstance(problem, ValueError) else "That file could not be read.")
            return
        if not candidates.people:
            tend.tell("No one in that file could be added. " + " ".join(candidates.skipped[:3]))
            return
        set_chosen(frozenset())
        set_found(candidates)

    def toggle(person_id: str) -> None:
        set_chosen(chosen - {person_id} if person_id in chosen else chosen | {person_id})

    def add() -> None:
        people = [person for person in found.people if person.id in chosen]
        if tend.wrote(lambda: PeopleRepository(tend.store).save_many(people)):
            set_found(None)
            on_added(len(people))

    ft.use_dialog(_choosing_dialog(found, chosen, toggle, add, lambda: set_found(None)) if found else None)
    return start


def _choosing_dialog(found: Candidates, chosen, toggle, add, close) -> ft.AlertDialog:
    skipped = ([ft.Text(f"{len(found.skipped)} could not be added:", weight=ft.FontWeight.BOLD),
                *[ft.Text(reason) for reason in found.skipped]] if found.skipped else [])
    return ft.AlertDialog(
        title=ft.Text("Choose whom to add"),
        content=ft.Column(
            [
                *[ft.Checkbox(label=" · ".join(filter(None, [person.name, person.first_phone, person.email])),
                              value=person.id in chosen, on_change=lambda _, i=person.id: toggle(i))
                  for person in found.people],
                *skipped,
            ],
            tight=True,
            scroll=ft.ScrollMode.AUTO if len(found.people) + len(found.skipped) > 6 else None,
            width=480,
        ),
        actions=[
            ft.TextButton("Cancel", on_click=close),
            ft.FilledButton(f"Add {len(chosen)} {'person' if len(chosen) == 1 else 'people'}",
                            disabled=not chosen, on_click=add),
        ],
        on_dismiss=close,
    )
