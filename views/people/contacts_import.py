"""Adding people from a contacts file (.vcf) as phones export them: pick the file, choose whom to add, add them
all in one write, so nothing is ever half-imported.

A contacts file can hold tens of thousands of cards in a few megabytes (a company directory). Reading and checking
them runs off the event loop with a word of progress, stops after storage.people.vcard.MAX_CARDS cards (and says so), and
the list to choose from shows at most SHOWN_AT_MOST people at a time, found by typing: one checkbox per card for
60,000 cards took the browser tab to 100 % CPU and gigabytes of memory for minutes.
"""

import asyncio
from typing import Awaitable, Callable

import flet as ft

from storage.people.contacts_file import Candidates, candidates_from  # noqa: F401 (candidates_from: tests)
from storage.people.model import Person
from storage.people.repository import PeopleRepository
from storage.people.vcard import MAX_CARDS, size_problem
from views.context import use_tend
from views.device.picked_files import FileReader, NotRead
from views.kit.background import Say, progress_line, use_work
from views.kit.dialog import dialog
from views.kit.draft import use_draft
from views.kit.labelled import check_row

SHOWN_AT_MOST = 50
"""People listed at once in the dialog; the rest are found by typing part of a name, number or address."""
REASONS_SHOWN = 10
"""Reasons listed for cards that can't be added; the others are counted."""


def not_read_words(not_read: int, max_cards: int = MAX_CARDS) -> str:
    """The cap, told plainly."""
    return (f"This file holds {max_cards + not_read:,} contacts. Tend read the first {max_cards:,}; to add someone "
            "after those, export a smaller group of contacts (a label or a group) and import that.")


def described(person: Person) -> str:
    return " · ".join(filter(None, [person.name, person.first_phone, person.email]))


def matching(people: tuple[Person, ...], typed: str, at_most: int = SHOWN_AT_MOST) -> tuple[list[Person], int]:
    """The first `at_most` people whose name, number or address holds what was typed, and how many match in all.
    Case, spaces and the dashes and brackets people put in numbers don't matter."""
    wanted = _searchable(typed)
    found = [person for person in people if wanted in _searchable(described(person))] if wanted else list(people)
    return found[:at_most], len(found)


def _searchable(text: str) -> str:
    return "".join(char for char in text.casefold() if not char.isspace() and char not in "-()")


def use_contacts_import(on_added: Callable[[int], None]) -> Callable[[], Awaitable[None]]:
    """Returns what the "Import from a contacts file" button runs."""
    tend = use_tend()
    found, set_found = ft.use_state(None)
    draft = use_draft(lambda: {"chosen": frozenset()})  # ids ticked; Add must see the last tick (kit.draft)
    typed, set_typed = ft.use_state("")
    work = use_work("contacts-file")

    async def read_contacts(say: Say) -> None:
        candidates = await _read_contacts(tend, say)
        if candidates:
            draft.values["chosen"] = frozenset()
            set_typed("")
            set_found(candidates)

    async def start() -> None:
        await work.run("Waiting for a file…", read_contacts)

    def toggle(person_id: str) -> None:
        chosen = draft.values["chosen"]
        draft.choose("chosen", chosen - {person_id} if person_id in chosen else chosen | {person_id})

    def add() -> None:
        people = [person for person in found.people if person.id in draft.values["chosen"]]
        if tend.wrote(lambda: PeopleRepository(tend.store).save_many(people)):
            set_found(None)
            on_added(len(people))

    if found:
        dialog = _choosing_dialog(found, draft.values["chosen"], typed, set_typed, toggle, add, lambda: set_found(None))
    elif work.words:
        dialog = _reading_dialog(work.words)
    else:
        dialog = None
    ft.use_dialog(dialog)
    return start


async def _read_contacts(tend, say: Say) -> Candidates | None:
    """The people a picked contacts file offers; None when no file was picked or none can be added (Tend said why)."""
    reader = FileReader()
    picked = await reader.pick("Choose a contacts file (.vcf)", ["vcf", "vcard"])
    if picked is None:
        return None
    too_large = size_problem(picked.size)
    if too_large:
        tend.tell(f"{too_large} Nothing was added.")
        return None
    say("Reading your contacts…")
    try:
        data = await reader.read(picked, tend.store.data_dir, lambda part: say(f"Reading your contacts… {part:.0%}"))
        say("Checking your contacts…")
        candidates = await asyncio.to_thread(candidates_from, data, tend.now())
    except ValueError as problem:
        tend.tell(str(problem))
        return None
    except NotRead:
        tend.tell("That file could not be read. Nothing was added.")
        return None
    if not candidates.people:
        tend.tell("No one in that file could be added. " + " ".join(candidates.skipped[:3]))
        return None
    return candidates


def _reading_dialog(words: str) -> ft.AlertDialog:
    """While a large file is read and checked; it goes by itself when that is done."""
    return dialog("Import from a contacts file", progress_line(words), modal=True)


def _choosing_dialog(found: Candidates, chosen, typed: str, on_type, toggle, add, close) -> ft.AlertDialog:
    shown, matches = matching(found.people, typed)
    finding = len(found.people) > SHOWN_AT_MOST
    lines = [
        *([ft.Text(not_read_words(found.not_read))] if found.not_read else []),
        *([ft.TextField(label="Find someone by name, number or email", on_change=lambda e: on_type(e.control.value),
                        prefix_icon=ft.Icons.SEARCH)] if finding else []),
        *[check_row(described(person), person.id in chosen, lambda _, i=person.id: toggle(i)) for person in shown],
        *([ft.Text(f"Showing {len(shown)} of {matches:,}. Type part of a name to find someone.")]
          if matches > len(shown) else []),
        *([ft.Text(f"No one in the file matches “{typed.strip()}”.")] if typed.strip() and not matches else []),
        *_skipped_lines(found.skipped),
        *_left_out_lines(found.left_out),
    ]
    return dialog(
        "Choose whom to add",
        ft.Column(lines, tight=True, width=480, scroll=ft.ScrollMode.AUTO if len(lines) > 6 else None),
        [
            ft.TextButton("Cancel", on_click=close),
            ft.FilledButton(f"Add {len(chosen)} {'person' if len(chosen) == 1 else 'people'}",
                            disabled=not chosen, on_click=add),
        ],
        on_dismiss=close,
        back="Back to your contacts",
    )


def _skipped_lines(skipped: tuple[str, ...]) -> list[ft.Control]:
    if not skipped:
        return []
    more = len(skipped) - REASONS_SHOWN
    return [ft.Text(f"{len(skipped):,} could not be added:", weight=ft.FontWeight.BOLD),
            *[ft.Text(reason) for reason in skipped[:REASONS_SHOWN]],
            *([ft.Text(f"…and {more:,} more.")] if more > 0 else [])]


def _left_out_lines(left_out: tuple[str, ...]) -> list[ft.Control]:
    """Numbers not kept (a fax can't take a call; a person keeps up to five), so no one wonders where they went."""
    if not left_out:
        return []
    more = len(left_out) - REASONS_SHOWN
    return [ft.Text("Numbers not kept (fax, pager or modem numbers, and any after the first five):",
                    weight=ft.FontWeight.BOLD),
            *[ft.Text(line) for line in left_out[:REASONS_SHOWN]],
            *([ft.Text(f"…and {more:,} more.")] if more > 0 else [])]
