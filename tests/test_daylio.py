"""Switching from Daylio: its CSV export becomes check-ins with tags, all or nothing, and only once."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from storage_fixtures import NOW, store  # noqa: F401 (fixture)

from storage.checkins.model import Mood, revised
from storage.checkins.repository import CheckInRepository
from storage.store.persistence import Store
from storage.your_data.checkins_csv import every_check_in
from storage.your_data.daylio import import_daylio
from storage.your_data.exchange import ImportProblem, ImportReport, exported
from storage.your_data.mood_names import MoodsToConfirm

LONDON = ZoneInfo("Europe/London")
NOTHING_CHANGED = " Nothing was imported, so your data is as it was."

# Written from Daylio's documented columns; the note on line 4 runs over two lines.
SAMPLE = (
    "full_date,date,weekday,time,mood,activities,note_title,note\n"
    "2026-11-20,November 20,Friday,8:30 PM,good,friends | walk | Reading,Tea with Sam,"
    "\"Talked for hours, felt lighter.\"\n"
    "2026-11-20,November 20,Friday,7:05 am,meh,,,\n"
    "2026-07-04,July 4,Saturday,20:30,RAD,family | Sea | sea,,\"A long day\n"
    "by the sea\"\n"
    "2026-11-21,November 21,Saturday,12:00 AM,awful,sleep,,\n"
)


def local(naive: datetime) -> datetime:
    return naive.replace(tzinfo=LONDON)


def imported(store, text=SAMPLE, now=NOW):
    return import_daylio(store, text, now, localize=local)


def test_a_daylio_export_becomes_check_ins_with_tags_and_notes(store):
    report = imported(store)

    found = [(entry.at, entry.at.utcoffset(), entry.mood, entry.tags, entry.note) for entry in every_check_in(store)]
    assert found == [
        (datetime(2026, 7, 4, 20, 30, tzinfo=LONDON), timedelta(hours=1), Mood.GREAT, ("family", "sea"),
         "A long day\nby the sea"),
        (datetime(2026, 11, 20, 7, 5, tzinfo=LONDON), timedelta(0), Mood.OKAY, (), ""),
        (datetime(2026, 11, 20, 20, 30, tzinfo=LONDON), timedelta(0), Mood.GOOD, ("friends", "walk", "reading"),
         "Tea with Sam\nTalked for hours, felt lighter."),
        (datetime(2026, 11, 21, 0, 0, tzinfo=LONDON), timedelta(0), Mood.AWFUL, ("sleep",), ""),
    ]
    assert store.names("checkins/") == ["checkins/2026-07", "checkins/2026-11"]
    assert report == ImportReport(added=4)


def test_older_exports_without_note_title_and_columns_in_any_order_are_read_by_name(store):
    imported(store, "Mood,Time,full_date,note,activities\n"
                    "bad,21:45,2026-11-22,Long shift.,work | Tired\n")

    [entry] = every_check_in(store)
    assert (entry.mood, entry.at, entry.note, entry.tags) == (
        Mood.LOW, datetime(2026, 11, 22, 21, 45, tzinfo=LONDON), "Long shift.", ("work", "tired"))


def test_the_default_attaches_this_devices_offset(store):
    import_daylio(store, "full_date,time,mood\n2026-11-22,21:45,good\n", NOW)

    [entry] = every_check_in(store)
    assert entry.at.replace(tzinfo=None) == datetime(2026, 11, 22, 21, 45)
    assert entry.at.utcoffset() == datetime(2026, 11, 22, 21, 45).astimezone().utcoffset()


def test_importing_the_same_file_again_adds_nothing_and_keeps_edits_made_in_tend(store):
    imported(store)
    repository = CheckInRepository(store)
    first = every_check_in(store)[0]
    edited = revised(first, NOW, note="Added in Tend.")
    repository.save(edited)

    report = imported(store)

    assert report == ImportReport(skipped=4)
    assert every_check_in(store)[0] == edited
    assert len(every_check_in(store)) == 4


@pytest.mark.parametrize("cells, where, problem", [
    ("2026-11-20,,,9:00,,,,", "field 'mood'", "'' has no Tend mood. Please choose one for it and import again."),
    ("20/11/2026,,,9:00,meh,,,", "field 'full_date'", "'20/11/2026' is not a date like 2026-11-20."),
    ("2026-11-20,,,25:10,meh,,,", "field 'time'", "'25:10' is not a time like 8:30 PM or 20:30."),
    ("2026-11-20,,,13:10 PM,meh,,,", "field 'time'", "'13:10 PM' is not a time like 8:30 PM or 20:30."),
    ("2026-12-24,,,9:00,meh,,,", "field 'time'", "That time is still to come — please pick a time up to now."),
    (f"2026-11-20,,,9:00,meh,{'x' * 41},,", "field 'activities'", "Tags can be up to 40 characters"),
    (f"2026-11-20,,,9:00,meh,,,{'x' * 5001}", "field 'note'",
     "Notes can be up to 5,000 characters; this one has 5,001."),
])
def test_a_bad_line_is_named_with_its_field_and_nothing_changes(store, cells, where, problem):
    good = "full_date,date,weekday,time,mood,activities,note_title,note\n2026-11-19,,,8:00,good,,,\"two\nlines\"\n"
    before = exported(store, NOW)

    with pytest.raises(ImportProblem) as refused:
        imported(store, good + cells + "\n")  # the good entry takes lines 2 and 3

    assert refused.value.message.startswith(f"Line 4, {where}: {problem}")
    assert refused.value.message.endswith(NOTHING_CHANGED)
    assert exported(store, NOW) == before


@pytest.mark.parametrize("text, message", [
    ("", "Line 1: this doesn't look like a Daylio export"),
    ("date,weekday,mood\n2026-11-20,Friday,good\n", "Line 1: this doesn't look like a Daylio export: its first "
                                                    "line should name the columns full_date (or year and date), "
                                                    "time and mood."),
    ("full_date,time,mood,note\n2026-11-20,9:00,good,\"never closed\n", "Line 2: this line can't be read as CSV"),
    (b"full_date,time,mood\n2026-11-20,9:00,good\n2026-11-21,9:00,\xe9\n", "Line 3: this isn't readable text"),
])
def test_a_file_that_is_not_a_daylio_export_is_refused_whole(store, text, message):
    with pytest.raises(ImportProblem) as refused:
        imported(store, text)

    assert refused.value.message.startswith(message) and refused.value.message.endswith(NOTHING_CHANGED)
    assert store.names("checkins/") == []


def test_a_byte_order_mark_and_blank_lines_are_fine(store):
    imported(store, "\ufefffull_date,time,mood\r\n\r\n2026-11-20,9:00,good\r\n")

    assert [entry.mood for entry in every_check_in(store)] == [Mood.GOOD]


# Fuzzing: a file either imports whole, as check-ins Tend can read back, or is refused and changes nothing.

def imports_all_or_nothing(text) -> None:
    store = Store.open(None, NOW)
    imported(store, SAMPLE)
    before = exported(store, NOW)
    try:
        imported(store, text)
    except (ImportProblem, MoodsToConfirm):  # refused, or a question asked before anything is written
        assert exported(store, NOW) == before
    else:
        every_check_in(store)


@settings(max_examples=200, deadline=None)
@given(st.text() | st.binary())
def test_random_files_are_refused_or_imported_whole(text):
    imports_all_or_nothing(text)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_files_with_text_cut_or_added_anywhere_are_refused_or_imported_whole(data):
    start = data.draw(st.integers(0, len(SAMPLE)))
    end = data.draw(st.integers(start, min(len(SAMPLE), start + 6)))
    inserted = data.draw(st.text(alphabet=st.characters() | st.sampled_from(',"|:\n\r -0123456789APM'), max_size=6))

    imports_all_or_nothing(SAMPLE[:start] + inserted + SAMPLE[end:])
