"""The bundled crisis directory: the real asset, the loader's checks, and the country guessed from the locale."""

import json
from datetime import date
from pathlib import Path

import pytest

from storage.crisis_lines import DIALABLE, CrisisLine, country_from_locale, load_crisis_directory

ASSET = Path(__file__).resolve().parent.parent / "assets" / "crisis_lines.json"
CHECKED_ON = date(2026, 11, 23)
COUNTRIES_WITH_A_CONFIRMED_LINE = {"AU", "BE", "CA", "CH", "DE", "FR", "GB", "HK", "IE", "NL", "NO", "NZ", "US"}


@pytest.fixture(scope="module")
def directory():
    return load_crisis_directory(ASSET)


def test_at_least_a_dozen_countries_each_have_a_dialable_emergency_number(directory):
    codes = [code for code, _ in directory.countries()]
    assert len(codes) >= 12
    for code in codes:
        number = directory.emergency_for(code).number
        assert number and set(number) <= DIALABLE


def test_countries_with_a_crisis_line_are_the_ones_confirmed_on_the_services_own_pages(directory):
    with_a_line = {code for code, _ in directory.countries() if directory.lines_for(code)}
    assert with_a_line == COUNTRIES_WITH_A_CONFIRMED_LINE


def test_at_least_a_dozen_countries_have_a_crisis_line_confirmed_on_the_checked_date(directory):
    confirmed = {
        code
        for code, _ in directory.countries()
        if any(line.checked == CHECKED_ON for line in directory.lines_for(code))
    }
    assert len(confirmed) >= 12


def test_new_zealand_can_call_or_text_1737_and_hong_kong_can_call_18111(directory):
    (need_to_talk,) = directory.lines_for("nz")
    assert (need_to_talk.call, need_to_talk.text) == ("1737", "1737")
    (hotline,) = directory.lines_for("HK")
    assert hotline.call == "18111"
    assert directory.emergency_for("hk").number == "999"


def test_every_line_can_be_reached_and_says_where_and_when_it_was_checked(directory):
    for code, _ in directory.countries():
        for line in directory.lines_for(code):
            assert line.call or line.text or line.chat
            assert line.source.startswith("https://")
            assert line.checked == CHECKED_ON
            assert line.about


def test_the_uk_can_call_samaritans_or_text_shout(directory):
    samaritans, shout = directory.lines_for("gb")
    assert (samaritans.name, samaritans.call) == ("Samaritans", "116 123")
    assert (shout.text, shout.text_body, shout.call) == ("85258", "SHOUT", "")


def test_emergency_numbers_and_the_country_picker_work_as_before(directory):
    uk = directory.emergency_for("gb")
    assert (uk.country, uk.country_name, uk.number) == ("GB", "United Kingdom", "999")
    assert directory.emergency_for("XX") is None
    names = [name for _, name in directory.countries()]
    assert names == sorted(names)
    assert directory.fallback_url == "https://findahelpline.com"


def test_an_unknown_country_has_no_lines(directory):
    assert directory.lines_for("XX") == ()
    assert directory.lines_for("") == ()


def with_change(tmp_path: Path, change) -> Path:
    """A copy of the real asset with one thing broken by `change`."""
    data = json.loads(ASSET.read_text(encoding="utf-8"))
    change(data)
    broken = tmp_path / "crisis_lines.json"
    broken.write_text(json.dumps(data), encoding="utf-8")
    return broken


def first_uk_line(data: dict) -> dict:
    return data["countries"]["GB"]["lines"][0]


@pytest.mark.parametrize(
    ("change", "named"),
    [
        (lambda d: first_uk_line(d).update(call="116 12three"), "GB, line 1 call"),
        (lambda d: d["countries"]["GB"]["lines"][1].update(text="SHOUT"), "GB, line 2 text"),
        (lambda d: first_uk_line(d).update(source="http://www.samaritans.org/"), "GB, line 1 source"),
        (lambda d: first_uk_line(d).update(call="", text="", chat=""), "GB, line 1"),
        (lambda d: d["countries"]["US"]["lines"][0].update(chat="988lifeline.org"), "US, line 1 chat"),
        (lambda d: first_uk_line(d).update(checked="23/11/2026"), "GB, line 1 checked"),
        (lambda d: d["countries"]["FR"].update(emergency="one-one-two"), "FR, emergency"),
        (lambda d: d["countries"]["NZ"].update(source="www.police.govt.nz"), "NZ, source"),
    ],
)
def test_the_loader_refuses_a_broken_file_and_names_the_fault(tmp_path, change, named):
    with pytest.raises(ValueError, match=f"problem in {named}:"):
        load_crisis_directory(with_change(tmp_path, change))


def test_a_line_without_a_checked_date_loads_as_not_yet_checked(tmp_path):
    directory = load_crisis_directory(with_change(tmp_path, lambda d: first_uk_line(d).update(checked=None)))
    assert directory.lines_for("GB")[0] == CrisisLine(
        "Samaritans", "116 123", "", "", "", "",
        "Someone to listen, whatever you are going through. Free from any phone.",
        "https://www.samaritans.org/how-we-can-help/contact-samaritan/", None,
    )


@pytest.mark.parametrize(
    ("tag", "country"),
    [
        ("en_GB.UTF-8", "GB"),
        ("en-GB", "GB"),
        ("de_de", "DE"),
        ("en", ""),
        ("C", ""),
        ("", ""),
        (None, ""),
        ("es_419", ""),
    ],
)
def test_country_from_locale(tag, country):
    assert country_from_locale(tag) == country
