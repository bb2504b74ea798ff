"""'Think of someone': one plain question for a kind of support nobody gives yet, and the answer added as a person
who gives it, in one step (their number and the rest can wait for People)."""

from collections.abc import Callable

import flet as ft

from storage.circle.actions import add_someone_for
from storage.circle.rules import Gap
from storage.errors import Refused, StorageError
from storage.people.model import Person
from views.context import use_tend
from views.guard import component
from views.kit.dialog import dialog
from views.kit.labelled import said_as
from views.kit.taps import use_tap_gate


def think_of_someone_dialog(gap: Gap, added: Callable[[Person], None], closed: Callable[[], None]) -> ft.AlertDialog:
    return dialog(gap.question, ThinkOfSomeone(gap, added, closed), on_dismiss=closed, back="Back to the question")


@component
def ThinkOfSomeone(gap: Gap, added: Callable[[Person], None], closed: Callable[[], None]) -> ft.Control:
    tend = use_tend()
    taps = use_tap_gate()
    typed = ft.use_ref(lambda: {"name": ""}).current  # in a ref, so Add sees the last keystroke
    problem, set_problem = ft.use_state(None)

    def add() -> None:
        try:
            person = add_someone_for(tend.store, typed["name"], gap.support, tend.now())
        except Refused as refused:
            set_problem(next(iter(refused.problems.values())))
            return
        except StorageError as error:
            set_problem(error.message)
            return
        added(person)

    save = taps.once("add", add)
    return ft.Column(
        [
            ft.Text("A name is enough for now: you can add their number on People later. "
                    f"Ideas: {'; '.join(idea[0].lower() + idea[1:] for idea in gap.ideas)}."),
            ft.TextField(label="Name", autofocus=True, error=problem,
                         on_change=lambda e: typed.update(name=e.control.value), on_submit=lambda _: save()),
            ft.Row(
                [
                    ft.TextButton("Cancel", on_click=closed),
                    said_as(ft.FilledButton, "Add", f"Add for {gap.support.value} support", on_click=lambda _: save()),
                ],
                alignment=ft.MainAxisAlignment.END,
                wrap=True,
            ),
        ],
        tight=True,
        spacing=12,
        width=480,
    )
