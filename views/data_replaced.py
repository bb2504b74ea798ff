"""After an import or a restore the files hold new data: bring what the screens keep in memory up to date.

Screens read check-ins, people and reminders from the store whenever they open,
but the settings are read once, when Tend starts, so they are re-read here.
"""

import dataclasses

from storage.settings import load_settings
from views.context import Tend


def follow_replaced_data(tend: Tend) -> None:
    stored = load_settings(tend.store)
    if not stored.country:  # keep the country Tend suggested from this device until the person picks one
        stored = dataclasses.replace(stored, country=tend.settings.country)
    if stored != tend.settings:
        tend.change_settings(stored)
