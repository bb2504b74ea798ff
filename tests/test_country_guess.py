"""The country Tend offers before one is chosen: the locale's region, else the time zone's country, else none."""

from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from storage.help.crisis_lines import ZONE_COUNTRIES, country_from_zone, guess_country, load_crisis_directory

ASSET = Path(__file__).resolve().parent.parent / "assets" / "crisis_lines.json"
LISTED = {code for code, _ in load_crisis_directory(ASSET).countries()}


@pytest.mark.parametrize("zone, country", [
    ("Europe/Berlin", "DE"), ("America/Toronto", "CA"), ("America/New_York", "US"), ("Asia/Calcutta", "IN"),
    ("Australia/Perth", "AU"), ("Pacific/Auckland", "NZ"), ("Europe/Dublin", "IE"), ("US/Pacific", "US"),
    ("Etc/UTC", ""), ("UTC", ""), ("America/Argentina/Buenos_Aires", ""), ("Asia/Seoul", ""), ("", ""), (None, ""),
])
def test_a_time_zone_names_its_country(zone, country):
    assert country_from_zone(zone) == country


def test_every_zone_is_a_real_one_of_a_country_tend_lists_and_every_listed_country_has_one():
    for zone in ZONE_COUNTRIES:
        ZoneInfo(zone)  # raises for a name the tz database doesn't know
    assert set(ZONE_COUNTRIES.values()) == LISTED


@pytest.mark.parametrize("locale_tag, zone, country", [
    ("de_AT.UTF-8", "Europe/Berlin", "AT"),  # the locale comes first
    ("C.UTF-8", "Europe/Berlin", "DE"),  # no region in the locale: the time zone
    ("es_AR.UTF-8", "Europe/Madrid", "ES"),  # a region Tend doesn't list: the time zone
    ("C.UTF-8", "Etc/UTC", ""),  # nothing to go by: no guess, Get help now offers 112 and the directory
    ("ko_KR.UTF-8", "Asia/Seoul", ""),
    (None, None, ""),
])
def test_the_guess_is_the_locale_then_the_time_zone_and_only_a_listed_country(locale_tag, zone, country):
    assert guess_country(locale_tag, zone, LISTED) == country
