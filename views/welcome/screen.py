"""The first run: a short, skippable welcome that picks the country for crisis lines, adds up to three people you
could call (and what kind of support each gives, so they are found under "I need…"), and sets a daily check-in
time. It never comes back once done or skipped."""

import dataclasses

import flet as ft

from storage import prompts
from storage.people.model import PersonProblems, Support, new_person
from storage.people.repository import PeopleRepository
from storage.reminders.model import ReminderKind, ReminderProblems, Repeat, new_reminder
from storage.reminders.repository import ReminderRepository
from storage.when_typed import clock_words
from views.context import use_tend
from views.guard import component
from views.kit.labelled import labelled_group, named, said_as, switch_row
from views.kit.screen import screen
from views.kit.when_fields import TimeField
from views.reminders.due import use_reminding

PEOPLE_TO_ASK = 3


@component
def Welcome(on_done) -> ft.Control:
    tend = use_tend()
    reminding = use_reminding()  # holds everyone for People and Today: told when the welcome adds people
    step, set_step = ft.use_state(0)
    country, set_country = ft.use_state(tend.settings.country or None)
    typed = ft.use_ref(lambda: {"time": "20:00", **{f"{part} {n}": "" for n in range(PEOPLE_TO_ASK)
                                                    for part in ("name", "phone")}}).current  # see CheckInForm
    remind, set_remind = ft.use_state(True)
    kinds, set_kinds = ft.use_state(lambda: ((),) * PEOPLE_TO_ASK)  # the kinds of support each person gives
    problems, set_problems = ft.use_state([])

    def field(key: str, label: str, **options) -> ft.TextField:
        return ft.TextField(label=label, value=typed[key], on_change=lambda e: typed.update({key: e.control.value}),
                            **options)

    def finished() -> None:
        tend.wrote(lambda: prompts.finish(tend.store, prompts.WELCOME, tend.now()))
        on_done()

    def people_typed():
        """The people typed so far, checked by the same rules as the People form; PersonProblems if one is wrong."""
        now = tend.now()
        return [new_person(now, name=typed[f"name {n}"], phones=(typed[f"phone {n}"],), supports=kinds[n])
                for n in range(PEOPLE_TO_ASK) if typed[f"name {n}"].strip() or typed[f"phone {n}"].strip()]

    def save_people() -> None:
        try:
            people = people_typed()
        except PersonProblems as refused:
            set_problems(list(refused.problems.values()))
            return
        if tend.wrote(lambda: PeopleRepository(tend.store).save_many(people)):
            reminding.refresh()  # else People shows them only at the next look, up to 20 seconds later
            set_problems([])
            set_step(2)

    def toggle_kind(n: int, kind: Support) -> None:
        chosen = tuple(k for k in kinds[n] if k != kind) if kind in kinds[n] else (*kinds[n], kind)
        set_kinds(tuple(chosen if index == n else given for index, given in enumerate(kinds)))

    def person_fields(n: int) -> ft.Control:
        """Name, phone, and the six kinds of support as chips (spoken with the person's number: the names
        typed aren't known until Next)."""
        chips = ft.Row([said_as(ft.Chip, kind.word, f"{kind.word} support from person {n + 1}",
                                selected=kind in kinds[n], on_select=lambda _, k=kind: toggle_kind(n, k))
                        for kind in Support], wrap=True, spacing=4, run_spacing=4)
        return ft.Column([
            ft.Row([field(f"name {n}", f"Name {n + 1}", width=180),
                    field(f"phone {n}", f"Phone {n + 1}", width=180, keyboard_type=ft.KeyboardType.PHONE)], wrap=True),
            labelled_group(f"What person {n + 1} helps with", chips),
        ], spacing=8)

    def finish_with_reminder() -> None:
        if remind:
            try:
                reminder = new_reminder(tend.now(), kind=ReminderKind.CHECK_IN, times=(clock_words(typed["time"]),),
                                        repeat=Repeat.WEEKDAYS)
            except ReminderProblems as refused:
                set_problems(refused.problems)
                return
            if not tend.wrote(lambda: ReminderRepository(tend.store).save(reminder, tend.now())):
                return
        finished()

    def choose_country(code: str) -> None:
        set_country(code)
        tend.change_settings(dataclasses.replace(tend.settings, country=code))

    skip = ft.TextButton("Skip for now", on_click=finished)
    if step == 0:
        body = [
            ft.Text("Tend helps you check in with yourself, keep your people close, and find help fast. "
                    "Everything stays on this device."),
            ft.Text("Which country are you in? Tend shows its emergency number and crisis lines."),
            named("Country", ft.Dropdown(label="Country", value=country, on_select=lambda e: choose_country(
                e.control.value), options=[ft.DropdownOption(key=c, text=n) for c, n in tend.crisis.countries()])),
            ft.Row([skip, ft.FilledButton("Next", on_click=lambda: set_step(1))], wrap=True),
        ]
    elif step == 1:
        body = [
            ft.Text(f"Who could you call when things get hard? Add up to {PEOPLE_TO_ASK} people now, and what "
                    "each helps with: Emotional (listens and cares), Practical (helps with tasks), Informational "
                    "(knows about treatment), Peer (has been there), Professional, Crisis."),
            ft.Text("When you don't know what to say, Tend has ready-made messages to send them, and a 'How to "
                    "support me' card to tell them what helps."),
            *[person_fields(n) for n in range(PEOPLE_TO_ASK)],
            *[ft.Text(problem, color=ft.Colors.ERROR) for problem in problems],
            ft.Row([skip, ft.FilledButton("Next", on_click=save_people)], wrap=True),
        ]
    else:
        body = [
            ft.Text("A gentle daily reminder to check in, at a time that suits you. It stays quiet on days you've "
                    "already checked in."),
            switch_row("Remind me to check in every day", remind, lambda e: set_remind(e.control.value)),
            TimeField(typed, "time", "Time", disabled=not remind),
            *[ft.Text(problem, color=ft.Colors.ERROR) for problem in problems],
            ft.Row([skip, ft.FilledButton("Finish", on_click=finish_with_reminder)], wrap=True),
        ]
    return screen("Welcome to Tend", ft.Text(f"Step {step + 1} of 3", theme_style=ft.TextThemeStyle.LABEL_LARGE),
                  *body)
