"""The bundled directory of emergency numbers and crisis lines, read from a JSON file in assets/."""

import json
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class EmergencyNumber:
    country: str
    country_name: str
    number: str
    source: str


@dataclass(frozen=True)
class CrisisDirectory:
    """What 'Get help now' can offer: the emergency number per country and an international fallback."""

    emergency: dict[str, EmergencyNumber]
    fallback_name: str
    fallback_url: str

    def emergency_for(self, country: str) -> EmergencyNumber | None:
        return self.emergency.get(country.upper())

    def countries(self) -> list[tuple[str, str]]:
        """(code, name) pairs, sorted by name, for a country picker."""
        return sorted(((code, entry.country_name) for code, entry in self.emergency.items()), key=lambda p: p[1])


def load_crisis_directory(path: Path) -> CrisisDirectory:
    data = json.loads(path.read_text(encoding="utf-8"))
    emergency = {
        code: EmergencyNumber(code, entry["name"], entry["emergency"], entry["source"])
        for code, entry in data["countries"].items()
    }
    return CrisisDirectory(emergency, data["fallback"]["name"], data["fallback"]["url"])


def country_from_locale(locale_tag: str | None) -> str:
    """'en_GB.UTF-8' or 'en-GB' gives 'GB'; anything without a region gives ''."""
    if not locale_tag:
        return ""
    parts = locale_tag.split(".")[0].replace("-", "_").split("_")
    return parts[1].upper() if len(parts) > 1 and len(parts[1]) == 2 and parts[1].isalpha() else ""
