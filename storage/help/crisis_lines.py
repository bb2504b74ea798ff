"""The bundled directory of emergency numbers and crisis lines, read from a JSON file in assets/.

Every number here may be dialled by someone in crisis, so the loader refuses a
file with a number that can't be dialled, a source that isn't https, a line
with no way to reach it, or a note of what was read that isn't a web address,
rather than show a broken entry.
"""

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Iterable, NoReturn

DIALABLE = frozenset("0123456789 +-")
"""What a number to call or text may hold: digits, spaces, + and -."""


@dataclass(frozen=True)
class EmergencyNumber:
    """A country's emergency number, with the official page it was read on and when (None: not yet compared)."""

    country: str
    country_name: str
    number: str
    source: str
    checked: date | None = None
    read_on: tuple[str, ...] = ()
    """The addresses of the stored copies that were read on `checked`: the proof behind the number."""


@dataclass(frozen=True)
class CrisisLine:
    """One service a person can reach: by phone, by text (with `text_body` as the first message), or by chat.

    `audience` names who the line is for ("young people", "veterans, service members and their families", ...),
    empty when it is for anyone, so a screen can say so and nobody calls the wrong line in a hurry.
    `read_on` holds the addresses of the stored copies of public pages the line was read on, on `checked`.
    """

    name: str
    call: str
    text: str
    text_body: str
    chat: str
    hours: str
    about: str
    source: str
    checked: date | None
    audience: str = ""
    read_on: tuple[str, ...] = ()


@dataclass(frozen=True)
class CrisisDirectory:
    """What 'Get help now' can offer: the emergency number and crisis lines per country, and an international fallback."""

    emergency: dict[str, EmergencyNumber]
    fallback_name: str
    fallback_url: str
    lines: dict[str, tuple[CrisisLine, ...]] = field(default_factory=dict)

    def emergency_for(self, country: str) -> EmergencyNumber | None:
        return self.emergency.get(country.upper())

    def lines_for(self, country: str) -> tuple[CrisisLine, ...]:
        """The crisis lines for `country`, most general first; empty for a country the file doesn't list."""
        return self.lines.get(country.upper(), ())

    def countries(self) -> list[tuple[str, str]]:
        """(code, name) pairs, sorted by name, for a country picker."""
        return sorted(((code, entry.country_name) for code, entry in self.emergency.items()), key=lambda p: p[1])


def load_crisis_directory(path: Path) -> CrisisDirectory:
    """The directory in `path`; ValueError naming the country and field if any entry can't be trusted."""
    data = json.loads(path.read_text(encoding="utf-8"))
    _require_https("fallback", "source", data["fallback"]["source"])
    _require_https("fallback", "url", data["fallback"]["url"])
    emergency, lines = {}, {}
    for code, entry in data["countries"].items():
        _require_dialable(code, "emergency", entry["emergency"])
        _require_https(code, "source", entry["source"])
        emergency[code] = EmergencyNumber(
            code, entry["name"], entry["emergency"], entry["source"],
            checked=_checked(code, "emergency", entry.get("checked")),
            read_on=_read_on(code, "emergency", entry.get("read_on", [])),
        )
        lines[code] = tuple(_line(code, f"line {n}", raw) for n, raw in enumerate(entry.get("lines", []), start=1))
    return CrisisDirectory(emergency, data["fallback"]["name"], data["fallback"]["url"], lines)


def country_from_locale(locale_tag: str | None) -> str:
    """'en_GB.UTF-8' or 'en-GB' gives 'GB'; anything without a region gives ''."""
    if not locale_tag:
        return ""
    parts = locale_tag.split(".")[0].replace("-", "_").split("_")
    return parts[1].upper() if len(parts) > 1 and len(parts[1]) == 2 and parts[1].isalpha() else ""


ZONE_COUNTRIES: dict[str, str] = {
    **dict.fromkeys(["Europe/Vienna"], "AT"),
    **dict.fromkeys([
        "Australia/Lord_Howe", "Australia/Hobart", "Australia/Melbourne", "Australia/Sydney", "Australia/Broken_Hill",
        "Australia/Brisbane", "Australia/Lindeman", "Australia/Adelaide", "Australia/Darwin", "Australia/Perth",
        "Australia/Eucla", "Australia/ACT", "Australia/Canberra", "Australia/Currie", "Australia/LHI",
        "Australia/NSW", "Australia/North", "Australia/Queensland", "Australia/South", "Australia/Tasmania",
        "Australia/Victoria", "Australia/West", "Australia/Yancowinna"], "AU"),
    **dict.fromkeys(["Europe/Brussels"], "BE"),
    **dict.fromkeys([
        "America/Noronha", "America/Belem", "America/Fortaleza", "America/Recife", "America/Araguaina",
        "America/Maceio", "America/Bahia", "America/Sao_Paulo", "America/Campo_Grande", "America/Cuiaba",
        "America/Santarem", "America/Porto_Velho", "America/Boa_Vista", "America/Manaus", "America/Eirunepe",
        "America/Rio_Branco", "America/Porto_Acre", "Brazil/Acre", "Brazil/DeNoronha", "Brazil/East",
        "Brazil/West"], "BR"),
    **dict.fromkeys([
        "America/St_Johns", "America/Halifax", "America/Glace_Bay", "America/Moncton", "America/Goose_Bay",
        "America/Blanc-Sablon", "America/Toronto", "America/Iqaluit", "America/Atikokan", "America/Winnipeg",
        "America/Resolute", "America/Rankin_Inlet", "America/Regina", "America/Swift_Current", "America/Edmonton",
        "America/Cambridge_Bay", "America/Inuvik", "America/Creston", "America/Dawson_Creek", "America/Fort_Nelson",
        "America/Whitehorse", "America/Dawson", "America/Vancouver", "America/Montreal", "America/Thunder_Bay",
        "America/Nipigon", "America/Rainy_River", "America/Yellowknife", "America/Pangnirtung", "Canada/Atlantic",
        "Canada/Central", "Canada/Eastern", "Canada/Mountain", "Canada/Newfoundland", "Canada/Pacific",
        "Canada/Saskatchewan", "Canada/Yukon"], "CA"),
    **dict.fromkeys(["Europe/Zurich"], "CH"),
    **dict.fromkeys(["Europe/Berlin", "Europe/Busingen"], "DE"),
    **dict.fromkeys(["Europe/Copenhagen"], "DK"),
    **dict.fromkeys(["Europe/Madrid", "Africa/Ceuta", "Atlantic/Canary"], "ES"),
    **dict.fromkeys(["Europe/Helsinki"], "FI"),
    **dict.fromkeys(["Europe/Paris"], "FR"),
    **dict.fromkeys(["Europe/London", "Europe/Belfast", "GB"], "GB"),
    **dict.fromkeys(["Asia/Hong_Kong", "Hongkong"], "HK"),
    **dict.fromkeys(["Europe/Budapest"], "HU"),
    **dict.fromkeys(["Europe/Dublin", "Eire"], "IE"),
    **dict.fromkeys(["Asia/Kolkata", "Asia/Calcutta"], "IN"),
    **dict.fromkeys(["Europe/Rome"], "IT"),
    **dict.fromkeys(["Asia/Tokyo", "Japan"], "JP"),
    **dict.fromkeys(["Europe/Malta"], "MT"),
    **dict.fromkeys([
        "America/Mexico_City", "America/Cancun", "America/Merida", "America/Monterrey", "America/Matamoros",
        "America/Chihuahua", "America/Ciudad_Juarez", "America/Ojinaga", "America/Mazatlan",
        "America/Bahia_Banderas", "America/Hermosillo", "America/Tijuana", "America/Ensenada",
        "America/Santa_Isabel", "Mexico/BajaNorte", "Mexico/BajaSur", "Mexico/General"], "MX"),
    **dict.fromkeys(["Europe/Amsterdam"], "NL"),
    **dict.fromkeys(["Europe/Oslo"], "NO"),
    **dict.fromkeys(["Pacific/Auckland", "Pacific/Chatham", "NZ", "NZ-CHAT"], "NZ"),
    **dict.fromkeys(["Europe/Warsaw", "Poland"], "PL"),
    **dict.fromkeys(["Europe/Lisbon", "Atlantic/Madeira", "Atlantic/Azores", "Portugal"], "PT"),
    **dict.fromkeys(["Europe/Bucharest"], "RO"),
    **dict.fromkeys(["Europe/Stockholm"], "SE"),
    **dict.fromkeys(["Asia/Singapore", "Singapore"], "SG"),
    **dict.fromkeys([
        "America/New_York", "America/Detroit", "America/Kentucky/Louisville", "America/Kentucky/Monticello",
        "America/Indiana/Indianapolis", "America/Indiana/Vincennes", "America/Indiana/Winamac",
        "America/Indiana/Marengo", "America/Indiana/Petersburg", "America/Indiana/Vevay", "America/Chicago",
        "America/Indiana/Tell_City", "America/Indiana/Knox", "America/Menominee", "America/North_Dakota/Center",
        "America/North_Dakota/New_Salem", "America/North_Dakota/Beulah", "America/Denver", "America/Boise",
        "America/Phoenix", "America/Los_Angeles", "America/Anchorage", "America/Juneau", "America/Sitka",
        "America/Metlakatla", "America/Yakutat", "America/Nome", "America/Adak", "Pacific/Honolulu",
        "America/Indianapolis", "America/Louisville", "America/Fort_Wayne", "America/Knox_IN", "US/Alaska",
        "US/Aleutian", "US/Arizona", "US/Central", "US/East-Indiana", "US/Eastern", "US/Hawaii",
        "US/Indiana-Starke", "US/Michigan", "US/Mountain", "US/Pacific"], "US"),
    **dict.fromkeys(["Africa/Johannesburg"], "ZA"),
}
"""IANA time zones of the countries Tend lists, from the tz database's zone.tab (and the old names it keeps as
links), so a system set to no particular language still leads to a likely emergency number."""


def country_from_zone(zone_name: str | None) -> str:
    """'Europe/Berlin' gives 'DE'; a zone of a country Tend doesn't list, or none, gives ''."""
    return ZONE_COUNTRIES.get((zone_name or "").strip(), "")


def guess_country(locale_tag: str | None, zone_name: str | None, listed: Iterable[str]) -> str:
    """The country to offer until the person chooses one: the locale's region if Tend lists it, else the time
    zone's country if Tend lists it, else '' (then Get help now offers 112 and the directory)."""
    known = set(listed)
    for candidate in (country_from_locale(locale_tag), country_from_zone(zone_name)):
        if candidate in known:
            return candidate
    return ""


def _line(code: str, where: str, raw: dict) -> CrisisLine:
    line = CrisisLine(
        name=raw["name"],
        call=raw.get("call", ""),
        text=raw.get("text", ""),
        text_body=raw.get("text_body", ""),
        chat=raw.get("chat", ""),
        hours=raw.get("hours", ""),
        about=raw.get("about", ""),
        source=raw["source"],
        checked=_checked(code, where, raw.get("checked")),
        audience=raw.get("audience", ""),
        read_on=_read_on(code, where, raw.get("read_on", [])),
    )
    if not (line.call or line.text or line.chat):
        _refuse(code, where, f"“{line.name}” needs a number to call or text, or a chat address")
    for name in ("call", "text"):
        if getattr(line, name):
            _require_dialable(code, f"{where} {name}", getattr(line, name))
    if line.chat:
        _require_https(code, f"{where} chat", line.chat)
    _require_https(code, f"{where} source", line.source)
    return line


def _checked(code: str, where: str, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        _refuse(code, f"{where} checked", f"“{value}” is not a date like 2026-11-23")


def _read_on(code: str, where: str, addresses: list[str]) -> tuple[str, ...]:
    """The stored copies that were read, as web addresses (a copy may be of an http:// page)."""
    if not isinstance(addresses, list) or not all(
        isinstance(a, str) and a.startswith(("https://", "http://")) for a in addresses
    ):
        _refuse(code, f"{where} read_on", f"“{addresses}” should be a list of web addresses")
    return tuple(addresses)


def _require_dialable(code: str, where: str, number: str) -> None:
    if not number.strip() or not set(number) <= DIALABLE:
        _refuse(code, where, f"“{number}” can't be dialled; use only digits, spaces, + and -")


def _require_https(code: str, where: str, address: str) -> None:
    if not address.startswith("https://"):
        _refuse(code, where, f"“{address}” should be an https:// address")


def _refuse(code: str, where: str, why: str) -> NoReturn:
    raise ValueError(f"The crisis lines file has a problem in {code}, {where}: {why}.")
