"""Daylio files as people have them: other languages and custom moods (asked once), older headers, repeated rows,
rich-text notes, a byte order mark and 12 or 24 hour times."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from storage_fixtures import NOW, store  # noqa: F401 (fixture)

from storage.checkins.model import Mood
from storage.your_data.checkins_csv import every_check_in
from storage.your_data.daylio import import_daylio, plain_text
from storage.your_data.exchange import ImportProblem, ImportReport, exported
from storage.your_data.mood_names import MoodName, MoodsToConfirm, guess, parse_mapping

BERLIN = ZoneInfo("Europe/Berlin")
GERMAN = (
    "\ufefffull_date,date,weekday,time,mood,activities,note_title,note\n"
    "2026-11-20,20. November,Freitag,21:35,super,Freunde | Sport,,\n"
    "2026-11-19,19. November,Donnerstag,8:30 pm,gut,,Abend,\"<b>Schön</b><br>war's &amp; gut\"\n"
    "2026-11-18,18. November,Mittwoch,07:10,Müde,Arbeit,,\n"
    "2026-11-17,17. November,Dienstag,07:10,schlecht,,,\n"
    "2026-11-17,17. November,Dienstag,07:10,schlecht,,,\n"
)


def local(naive: datetime) -> datetime:
    return naive.replace(tzinfo=BERLIN)


def test_a_german_export_with_a_custom_mood_asks_once_with_guesses_and_writes_nothing(store):
    before = exported(store, NOW)

    with pytest.raises(MoodsToConfirm) as asked:
        import_daylio(store, GERMAN.encode(), NOW, local)

    assert asked.value.names == [MoodName("super", 1, 5), MoodName("gut", 1, 4), MoodName("schlecht", 2, 2),
                                 MoodName("Müde", 1, 2)]
    assert exported(store, NOW) == before


def test_once_confirmed_every_row_becomes_a_check_in_repeats_and_rich_notes_included(store):
    moods = parse_mapping("super=5,gut=4,müde=2,SCHLECHT=1")

    report = import_daylio(store, GERMAN.encode(), NOW, local, moods=moods)

    found = [(entry.at, entry.mood, entry.tags, entry.note) for entry in every_check_in(store)]
    assert found == [
        (datetime(2026, 11, 17, 7, 10, tzinfo=BERLIN), Mood.AWFUL, (), ""),
        (datetime(2026, 11, 17, 7, 10, tzinfo=BERLIN), Mood.AWFUL, (), ""),
        (datetime(2026, 11, 18, 7, 10, tzinfo=BERLIN), Mood.LOW, ("arbeit",), ""),
        (datetime(2026, 11, 19, 20, 30, tzinfo=BERLIN), Mood.GOOD, (), "Abend\nSchön\nwar's & gut"),
        (datetime(2026, 11, 20, 21, 35, tzinfo=BERLIN), Mood.GREAT, ("freunde", "sport"), ""),
    ]
    assert report == ImportReport(added=5)
    assert import_daylio(store, GERMAN.encode(), NOW, local, moods=moods) == ImportReport(skipped=5)


def test_a_mapping_that_leaves_a_name_out_is_refused_naming_it(store):
    with pytest.raises(ImportProblem) as refused:
        import_daylio(store, GERMAN, NOW, local, moods=parse_mapping("super=5,gut=4,schlecht=1"))

    assert refused.value.message.startswith("Line 4, field 'mood': 'Müde' has no Tend mood.")
    assert every_check_in(store) == []


def test_the_older_header_with_a_year_and_a_localised_date_is_read(store):
    older = ("\ufeffyear,date,weekday,time,mood,activities,note\n"
             "2017,7 września,czwartek,12:10,dobrze,\"\",\"\"\n"
             "2018,June 22,Friday,8:39 PM,bad,\"\",\"\"\n")

    import_daylio(store, older, NOW, local, moods=parse_mapping("dobrze=4,bad=2"))

    assert [(entry.at, entry.mood) for entry in every_check_in(store)] == [
        (datetime(2017, 9, 7, 12, 10, tzinfo=BERLIN), Mood.GOOD),
        (datetime(2018, 6, 22, 20, 39, tzinfo=BERLIN), Mood.LOW)]


def test_the_newest_header_with_scales_and_a_file_without_its_header_are_read(store):
    import_daylio(store, "full_date,date,weekday,time,mood,activities,scales,note_title,note\n"
                         "2026-04-12,April 12,Sunday,14:03,rad,\"\",\"\",\"\",\"Bruuuuh.\"\n", NOW, local)
    import_daylio(store, "\ufeff2021-10-16,16 de octubre,sábado,18:43,bad,\"\",\"\"\n", NOW, local)

    assert [(entry.mood, entry.note) for entry in every_check_in(store)] == [(Mood.LOW, ""), (Mood.GREAT, "Bruuuuh.")]


@pytest.mark.parametrize("name, level", [("Super", 5), ("génial", 5), ("bien", 4), ("tak sobie", 3),
                                         ("ужасно", 1), ("最高", 5), ("Bad [-]", 2), ("vaguely good", 4),
                                         ("Sin animo", 2)])
def test_guesses_know_the_default_names_in_common_languages(name, level):
    assert guess(name) == level


def test_rich_text_becomes_plain_text_with_its_line_breaks():
    assert plain_text("<p>One</p><p>Two <i>three</i></p><ul><li>a</li><li>b</li></ul>") == "One\nTwo three\na\nb"
    assert plain_text("I <3 tea") == "I <3 tea"


@pytest.mark.parametrize("text", ["super", "super=6", "=3"])
def test_a_mapping_that_is_not_name_equals_level_is_refused(text):
    with pytest.raises(ValueError):
        parse_mapping(text)


def test_activities_separated_by_commas_are_split_where_one_tag_would_be_too_long(store):
    import_daylio(store, "full_date,date,weekday,time,mood,activities,note_title,note\n"
                         "2026-11-20,,,9:00,good,\"at the office, board games with friends, reading, coffee\",,\n"
                         "2026-11-21,,,9:00,good,\"tea, cake\",,\n", NOW, local)

    assert [entry.tags for entry in every_check_in(store)] == [
        ("at the office", "board games with friends", "reading", "coffee"), ("tea, cake",)]
