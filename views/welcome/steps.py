"""The welcome's three steps, each a list of controls under the step's number: the country, up to three people,
and a daily check-in reminder. Every answer lives in the welcome's draft (views.kit.draft), so Next and Finish save
what was typed and picked just before them."""

import flet as ft

from storage.people.model import Support
from views.kit.draft import Draft
from views.kit.labelled import labelled_group, named, said_as, switch_row
from views.kit.when_fields import TimeField

PEOPLE_TO_ASK = 3


def first_answers() -> dict:
    """What the welcome opens with: a reminder at 20:00, and empty rows for the people."""
    return {"time": "20:00", "remind": True, "kinds": ((),) * PEOPLE_TO_ASK,  # the kinds of support each person gives
            **{f"{part} {n}": "" for n in range(PEOPLE_TO_ASK) for part in ("name", "phone")}}


def rows_typed(answers: dict) -> list[tuple[str, str, tuple[Support, ...]]]:
    """Each person's row as typed: name, phone, kinds of support."""
    return [(answers[f"name {n}"], answers[f"phone {n}"], answers["kinds"][n]) for n in range(PEOPLE_TO_ASK)]


def country_step(country: str | None, countries, choose_country, skip: ft.Control, next_step) -> list[ft.Control]:
    return [
        ft.Text("Tend helps you check in with yourself, keep your people close, and find help fast. "
                "Everything stays on this device."),
        ft.Text("Which country are you in? Tend shows its emergency number and crisis lines."),
        named("Country", ft.Dropdown(label="Country", value=country, on_select=lambda e: choose_country(
            e.control.value), options=[ft.DropdownOption(key=c, text=n) for c, n in countries])),
        ft.Row([skip, ft.FilledButton("Next", on_click=next_step)], wrap=True),
    ]


def people_step(answers: Draft, problems: list[str], skip: ft.Control, save_people) -> list[ft.Control]:
    return [
        ft.Text(f"Who could you call when things get hard? Add up to {PEOPLE_TO_ASK} people now, and what "
                "each helps with: Emotional (listens and cares), Practical (helps with tasks), Informational "
                "(knows about treatment), Peer (has been there), Professional, Crisis."),
        ft.Text("When you don't know what to say, Tend has ready-made messages to send them, and a 'How to "
                "support me' card to tell them what helps."),
        *[person_fields(answers, n) for n in range(PEOPLE_TO_ASK)],
        *[ft.Text(problem, color=ft.Colors.ERROR) for problem in problems],
        ft.Row([skip, ft.FilledButton("Next", on_click=save_people)], wrap=True),
    ]


def reminder_step(answers: Draft, problems: list[str], skip: ft.Control, finish) -> list[ft.Control]:
    remind = answers.values["remind"]
    return [
        ft.Text("A gentle daily reminder to check in, at a time that suits you. It stays quiet on days you've "
                "already checked in."),
        switch_row("Remind me to check in every day", remind, lambda e: answers.choose("remind", e.control.value)),
        TimeField(answers.values, "time", "Time", disabled=not remind),
        *[ft.Text(problem, color=ft.Colors.ERROR) for problem in problems],
        ft.Row([skip, ft.FilledButton("Finish", on_click=finish)], wrap=True),
    ]


def person_fields(answers: Draft, n: int) -> ft.Control:
    """Name, phone, and the six kinds of support as chips (spoken with the person's number: the names typed aren't
    known until Next)."""
    typed, kinds = answers.values, answers.values["kinds"]

    def field(key: str, label: str, **options) -> ft.TextField:
        return ft.TextField(label=label, value=typed[key], on_change=lambda e: typed.update({key: e.control.value}),
                            **options)

    def toggle_kind(kind: Support) -> None:
        kinds = answers.values["kinds"]
        chosen = tuple(k for k in kinds[n] if k != kind) if kind in kinds[n] else (*kinds[n], kind)
        answers.choose("kinds", tuple(chosen if index == n else given for index, given in enumerate(kinds)))

    chips = ft.Row([said_as(ft.Chip, kind.word, f"{kind.word} support from person {n + 1}",
                            selected=kind in kinds[n], on_select=lambda _, k=kind: toggle_kind(k))
                    for kind in Support], wrap=True, spacing=4, run_spacing=4)
    return ft.Column([
        ft.Row([field(f"name {n}", f"Name {n + 1}", width=180),
                field(f"phone {n}", f"Phone {n + 1}", width=180, keyboard_type=ft.KeyboardType.PHONE)], wrap=True),
        labelled_group(f"What person {n + 1} helps with", chips),
    ], spacing=8)
