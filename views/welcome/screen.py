"""The first run: a short, skippable welcome that picks the country for crisis lines, adds up to three people you
could call (and what kind of support each gives, so they are found under "I need…"), and sets a daily check-in
time. It never comes back once done or skipped."""

import dataclasses

import flet as ft

from storage import prompts
from storage.errors import Refused
from storage.people.repository import PeopleRepository
from storage.welcome import add_daily_check_in, people_typed
from views.context import use_tend
from views.guard import component
from views.kit.draft import use_draft
from views.kit.screen import screen
from views.people.your_people import use_people_actions
from views.welcome.steps import country_step, first_answers, people_step, reminder_step, rows_typed


@component
def Welcome(on_done) -> ft.Control:
    tend = use_tend()
    read_people_again = use_people_actions().read_again  # everyone for People and Today: told of new people
    step, set_step = ft.use_state(0)
    country, set_country = ft.use_state(tend.settings.country or None)
    answers = use_draft(first_answers)
    problems, set_problems = ft.use_state([])

    def finished() -> None:
        tend.wrote(lambda: prompts.finish(tend.store, prompts.WELCOME, tend.now()))
        on_done()

    def save_people() -> None:
        try:
            people = people_typed(rows_typed(answers.values), tend.now())
        except Refused as refused:
            set_problems(list(refused.problems.values()))
            return
        if tend.wrote(lambda: PeopleRepository(tend.store).save_many(people)):
            read_people_again()  # else People shows them only at the next look, up to 20 seconds later
            set_problems([])
            set_step(2)

    def finish_with_reminder() -> None:
        try:
            if answers.values["remind"] and not tend.wrote(
                    lambda: add_daily_check_in(tend.store, answers.values["time"], tend.now())):
                return
        except Refused as refused:
            set_problems(list(refused.problems.values()))
            return
        finished()

    def choose_country(code: str) -> None:
        set_country(code)
        tend.change_settings(dataclasses.replace(tend.settings, country=code))

    skip = ft.TextButton("Skip for now", on_click=finished)
    if step == 0:
        body = country_step(country, tend.crisis.countries(), choose_country, skip, lambda: set_step(1))
    elif step == 1:
        body = people_step(answers, problems, skip, save_people)
    else:
        body = reminder_step(answers, problems, skip, finish_with_reminder)
    return screen("Welcome to Tend", ft.Text(f"Step {step + 1} of 3", theme_style=ft.TextThemeStyle.LABEL_LARGE),
                  *body)
