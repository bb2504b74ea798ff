"""The bundled crisis directory: the real asset, the loader's checks, and the country guessed from the locale."""

import json
from datetime import date
from pathlib import Path

import pytest

from storage.help.crisis_lines import DIALABLE, CrisisLine, country_from_locale, load_crisis_directory

ASSET = Path(__file__).resolve().parent.parent / "assets" / "crisis_lines.json"
CHECK_DAYS = {date(2026, 11, 23), date(2026, 12, 4), date(2026, 12, 5)}
"""The days the stored copies were read; a new check adds its day here."""
COUNTRIES_WITH_A_CONFIRMED_LINE = {
    "AT", "AU", "BE", "CA", "CH", "DE", "FI", "FR", "GB", "HK", "IE", "NL", "NO", "NZ", "PT", "SE", "US", "ZA",
}


@pytest.fixture(scope="module")
def directory():
    return load_crisis_directory(ASSET)


def test_at_least_thirty_countries_each_have_a_dialable_emergency_number(directory):
    codes = [code for code, _ in directory.countries()]
    assert len(codes) >= 30
    for code in codes:
        number = directory.emergency_for(code).number
        assert number and set(number) <= DIALABLE


def test_countries_with_a_crisis_line_are_the_ones_confirmed_on_the_services_own_pages(directory):
    with_a_line = {code for code, _ in directory.countries() if directory.lines_for(code)}
    assert with_a_line == COUNTRIES_WITH_A_CONFIRMED_LINE


def test_at_least_a_dozen_countries_have_a_crisis_line_confirmed_on_a_check_day(directory):
    confirmed = {
        code
        for code, _ in directory.countries()
        if any(line.checked in CHECK_DAYS for line in directory.lines_for(code))
    }
    assert len(confirmed) >= 12


def test_new_zealand_can_call_or_text_1737_and_hong_kong_can_call_18111(directory):
    need_to_talk, lifeline = directory.lines_for("nz")
    assert (need_to_talk.call, need_to_talk.text) == ("1737", "1737")
    assert (lifeline.name, lifeline.call, lifeline.hours) == ("Lifeline", "0800 543 354", "24/7")
    hotline, samaritans = directory.lines_for("HK")
    assert (hotline.call, samaritans.call) == ("18111", "2896 0000")
    assert directory.emergency_for("hk").number == "999"


def test_every_line_can_be_reached_and_says_where_and_when_it_was_checked(directory):
    for code, _ in directory.countries():
        for line in directory.lines_for(code):
            assert line.call or line.text or line.chat
            assert all(set(number) <= DIALABLE for number in (line.call, line.text))
            assert not line.chat or line.chat.startswith("https://")
            assert line.source.startswith("https://")
            assert line.checked in CHECK_DAYS
            assert line.read_on, f"{code} {line.name}: which stored copy was read?"
            assert line.about


def test_every_emergency_number_says_which_official_page_it_was_read_on_and_when(directory):
    for code, _ in directory.countries():
        emergency = directory.emergency_for(code)
        assert emergency.source.startswith("https://"), code
        assert emergency.checked in CHECK_DAYS, code
        assert emergency.read_on and all(a.startswith(("https://", "http://")) for a in emergency.read_on), code


def test_lines_for_young_people_veterans_and_indigenous_communities_say_so(directory):
    audiences = {line.name: line.audience for code, _ in directory.countries() for line in directory.lines_for(code)}
    assert audiences["Kids Help Phone"] == "young people"
    assert audiences["Veterans Crisis Line"] == "veterans, service members and their families"
    assert audiences["13YARN"] == "Aboriginal and Torres Strait Islander people"
    assert audiences["147 – Pro Juventute Beratung + Hilfe"] == audiences["Rat auf Draht"] == "children and young people"
    assert audiences["Samaritans"] == audiences["988 Suicide & Crisis Lifeline"] == ""


def test_veterans_dial_988_then_press_1_and_can_text_or_chat(directory):
    lifeline, veterans = directory.lines_for("us")
    assert lifeline.chat == "https://988lifeline.org/chat"
    assert (veterans.call, veterans.text) == ("988", "838255")
    assert "press 1" in veterans.about
    assert veterans.chat.startswith("https://")


def test_lines_open_day_and_night_say_so(directory):
    by_name = {(code, line.name): line for code, _ in directory.countries() for line in directory.lines_for(code)}
    for key in [("GB", "Samaritans"), ("IE", "Samaritans Ireland"), ("NL", "113 Zelfmoordpreventie"),
                ("NO", "Mental Helse Hjelpetelefonen"), ("US", "988 Suicide & Crisis Lifeline")]:
        assert by_name[key].hours == "24/7", key


def test_switzerland_143_is_not_called_free(directory):
    tel_143 = directory.lines_for("ch")[0]
    assert tel_143.call == "143"
    assert "CHF 0.20" in tel_143.about and "free" not in tel_143.about.lower()


def test_a_country_without_a_confirmed_line_still_has_its_emergency_number(directory):
    assert directory.lines_for("ES") == ()
    assert directory.emergency_for("es").number == "112"
    assert directory.emergency_for("jp").number == "119"


def test_the_uk_can_call_samaritans_or_text_shout(directory):
    samaritans, shout = directory.lines_for("gb")
    assert (samaritans.name, samaritans.call, samaritans.hours) == ("Samaritans", "116 123", "24/7")
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
        (lambda d: d["countries"]["JP"].update(checked="04.12.2026"), "JP, emergency checked"),
        (lambda d: d["countries"]["JP"].update(read_on="a stored copy"), "JP, emergency read_on"),
        (lambda d: first_uk_line(d).update(read_on=["samaritans.org"]), "GB, line 1 read_on"),
    ],
)
def test_the_loader_refuses_a_broken_file_and_names_the_fault(tmp_path, change, named):
    with pytest.raises(ValueError, match=f"problem in {named}:"):
        load_crisis_directory(with_change(tmp_path, change))


def test_a_line_without_a_checked_date_or_notes_loads_as_not_yet_checked(tmp_path):
    def unchecked(data):
        line = first_uk_line(data)
        line.update(checked=None, hours="")
        del line["read_on"], line["audience"]

    directory = load_crisis_directory(with_change(tmp_path, unchecked))
    assert directory.lines_for("GB")[0] == CrisisLine(
        "Samaritans", "116 123", "", "", "", "",
        "Someone to listen, whatever you are going through. Free from any phone.",
        "https://www.samaritans.org/how-we-can-help/contact-samaritan/", None,
    )


def test_an_emergency_number_without_a_checked_date_loads_as_not_yet_checked(tmp_path):
    def unchecked(data):
        data["countries"]["JP"]["checked"] = None
        del data["countries"]["JP"]["read_on"]

    directory = load_crisis_directory(with_change(tmp_path, unchecked))
    assert (directory.emergency_for("JP").checked, directory.emergency_for("JP").read_on) == (None, ())


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
