"""After an import or a restore the files hold new data: bring what the screens keep in memory up to date.

Screens read check-ins from the store whenever they open; the settings (read once, when Tend starts), your people
with their contacts and what is due are read again here.
"""

import dataclasses
from typing import Callable

from storage.settings import load_settings
from views.context import use_tend
from views.people.your_people import use_people_actions
from views.reminders.due import use_due_actions


def use_following_replaced_data() -> Callable[[], None]:
    """Returns what to call once an import or a restore has replaced the data."""
    tend = use_tend()
    read_people_again = use_people_actions().read_again
    read_due_again = use_due_actions().read_again

    def follow_replaced_data() -> None:
        read_people_again()
        read_due_again()
        stored = load_settings(tend.store)
        if not stored.country:  # keep the country Tend suggested from this device until the person picks one
            stored = dataclasses.replace(stored, country=tend.settings.country)
        if stored != tend.settings:
            tend.change_settings(stored)

    return follow_replaced_data
