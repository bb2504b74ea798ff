"""History, a little further: mood on the days after time with someone left you lifted, and one gentle note when
you have been giving far more support than you get while feeling low (hidden with a tap, or in Settings)."""

import dataclasses

import flet as ft

from storage.checkins.trends import ENOUGH_DAYS, daily_moods
from storage.days import day_of
from storage.people.feelings import lifted_moods
from storage.people.giving import SELF_CARE_NOTE, looking_after_yourself, support_given
from storage.people.repository import PeopleRepository
from views.context import use_tend
from views.guard import component
from views.kit.notice import notice_card
from views.kit.screen import section_title


def lifted_words(seen: tuple[int, float, int, float], look_back: int) -> str:
    """Worded like the comparison above it: an observation from the person's own entries, never advice."""
    days_after, average_after, other_days, average_other = seen
    return (f"On the {days_after} days after time with someone left you feeling lifted, your mood averaged "
            f"{average_after:.1f} out of 5. On the {other_days} other days you checked in, it averaged "
            f"{average_other:.1f}. Again, only what your own entries show over the last {look_back} days.")


@component
def CircleNotes(season: list, look_back: int, titled: bool) -> ft.Control:
    """`season`: the check-ins of the last `look_back` days; `titled`: "What helps" is already on the screen."""
    tend = use_tend()
    settings = tend.settings
    day_start = settings.day_starts_at

    def read():
        return PeopleRepository(tend.store).contacts(), support_given(tend.store)

    contacts, given = ft.use_memo(lambda: tend.read(read, ([], [])), [])
    daily = daily_moods(season, day_start)
    lifted = lifted_moods(daily, [(contact.at, contact.felt) for contact in contacts],
                          lambda at: day_of(at, day_start), ENOUGH_DAYS)
    note = settings.self_care_note and looking_after_yourself(
        [record.at for record in given], [contact.at for contact in contacts], daily, tend.now(), day_start)

    def hide() -> None:
        tend.change_settings(dataclasses.replace(settings, self_care_note=False))

    return ft.Column(
        [
            *([] if titled or not lifted else [section_title("What helps")]),
            *([ft.Text(lifted_words(lifted, look_back))] if lifted else []),
            *([notice_card(SELF_CARE_NOTE, [ft.TextButton("Hide this note", on_click=hide)])] if note else []),
        ],
        tight=True,
        spacing=12,
    )
