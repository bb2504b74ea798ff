"""The person's preferences, stored as one record ("settings") in file "settings"."""

from dataclasses import asdict, dataclass, fields
from datetime import datetime

from storage.days import DAY_STARTS
from storage.errors import Refused
from storage.records import with_times
from storage.store.persistence import Store

THEMES = ("system", "light", "dark")
_FILE = _ID = "settings"


@dataclass(frozen=True)
class Settings:
    theme: str = "system"
    day_starts_at: int = 0  # hour (0-4) when a new day begins, for night owls
    country: str = ""  # ISO code for crisis lines; "" means not chosen yet
    show_streaks: bool = False  # counters are off until the person asks for them: a count can feel like a verdict
    safety_plan_locked: bool = False  # True: the app lock hides the safety plan from Get help now too
    self_care_note: bool = True  # History may note when you give far more than you receive and moods are low


def settings_problems(settings: Settings) -> dict[str, str]:
    """Field → what is wrong with it, in words a person understands; empty when fine."""
    found = {}
    if settings.theme not in THEMES:
        found["theme"] = "Please choose a theme: system, light or dark."
    if not isinstance(settings.day_starts_at, int) or isinstance(settings.day_starts_at, bool) \
            or settings.day_starts_at not in DAY_STARTS:
        found["day_starts_at"] = "A new day can start at any hour from midnight to 4 am."
    if not isinstance(settings.country, str):
        found["country"] = "Please choose a country from the list."
    for switch, words in (("show_streaks", "Showing streaks is either on or off."),
                          ("safety_plan_locked", "Keeping the safety plan behind the lock is either on or off."),
                          ("self_care_note", "The note about looking after yourself is either shown or hidden.")):
        if not isinstance(getattr(settings, switch), bool):
            found[switch] = words
    return found


def load_settings(store: Store) -> Settings:
    """Saved settings; a missing or hand-edited bad value falls back to its default instead of failing."""
    saved = store.get(_FILE, _ID) or {}
    settings = Settings()
    for field in fields(Settings):
        if field.name in saved:
            candidate = Settings(**{**asdict(settings), field.name: saved[field.name]})
            if not settings_problems(candidate):
                settings = candidate
    return settings


def save_settings(store: Store, settings: Settings, now: datetime) -> None:
    """Check and save settings; Refused (nothing saved) if a value can't be used."""
    found = settings_problems(settings)
    if found:
        raise Refused(found)
    previous = store.get(_FILE, _ID) or {}
    store.put(_FILE, with_times({**previous, **asdict(settings), "id": _ID}, now))
