"""After an import or a restore the files hold new data: bring what the screens keep in memory up to date.

Screens read check-ins from the store whenever they open; the settings (read once, when Tend starts) and what
the reminders service holds (people, contacts, what is due) are read again here.
"""

import dataclasses

from storage.settings import load_settings
from views.context import Tend
from views.reminders.due import Reminding


def follow_replaced_data(tend: Tend, reminding: Reminding) -> None:
    reminding.refresh()
    stored = load_settings(tend.store)
    if not stored.country:  # keep the country Tend suggested from this device until the person picks one
        stored = dataclasses.replace(stored, country=tend.settings.country)
    if stored != tend.settings:
        tend.change_settings(stored)
