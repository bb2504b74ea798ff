"""One Import button for two formats: the file's name or its first character says which reader it needs."""

from datetime import timedelta

import pytest
from storage_fixtures import NOW, record, store  # noqa: F401 (fixture)

from storage.records import stamp
from storage.your_data.exchange import SIZE_LIMIT, ImportProblem, export_text
from storage.your_data.imports import import_file, is_tend_export, size_problem, too_big_to_import_again

DAYLIO = "full_date,date,weekday,time,mood,activities,note_title,note\n2025-03-02,March 2,Sunday,09:30,meh,,,\n"


@pytest.mark.parametrize("name, data, tend", [
    ("tend-export-2026-11-23.json", b"{", True),
    ("export.json", b"full_date,time,mood", True),  # a .json that isn't JSON is told so, not read as Daylio
    ("download", b"\xef\xbb\xbf \n {\"format\": \"tend-export\"}", True),
    ("daylio_export.csv", DAYLIO.encode(), False),
    ("download", DAYLIO.encode(), False),
])
def test_the_file_says_which_reader_it_needs(name, data, tend):
    assert is_tend_export(name, data) is tend


def test_a_tend_export_and_a_daylio_file_both_import_through_one_door(store):
    store.put("people", record(name="Sam"))
    text = export_text(store, NOW).encode()
    assert import_file(store, "tend.json", text, NOW, lambda naive: naive.replace(tzinfo=NOW.tzinfo)).skipped == 1
    report = import_file(store, "daylio.csv", DAYLIO.encode(), NOW, lambda naive: naive.replace(tzinfo=NOW.tzinfo))
    assert report.added == 1
    with pytest.raises(ImportProblem, match="Daylio"):
        import_file(store, "notes.txt", b"hello,world\n", NOW, lambda naive: naive.replace(tzinfo=NOW.tzinfo))


def test_a_file_over_the_limit_is_refused_by_the_size_the_picker_reports():
    assert size_problem(SIZE_LIMIT) is None
    refused = size_problem(SIZE_LIMIT + 1)
    assert refused.message == ("This file is 101 MB, more than the 100 MB Tend can import. Please check it is the "
                               "right file. Nothing was imported, so your data is as it was.")


def test_the_limit_holds_tend_s_own_export_of_200_000_full_check_ins(store):
    """Ten check-ins a day for 50 years is 182,500; each here has every field and a note."""
    store.put_many("checkins/2026-11", [
        record(at=stamp(NOW - timedelta(minutes=number)), mood=3, energy=4, sleep=3, anxiety=2,
               tags=["calm", "hopeful"], note="Walked by the river with Sam, and felt lighter afterwards.")
        for number in range(1000)])
    bytes_per_check_in = len(export_text(store, NOW).encode()) / 1000

    assert 200_000 * bytes_per_check_in < SIZE_LIMIT


def test_an_export_over_the_limit_is_told_when_it_is_made():
    assert too_big_to_import_again(SIZE_LIMIT) is None
    assert too_big_to_import_again(SIZE_LIMIT + 2**20) == (
        "This export is 101 MB, more than the 100 MB Tend can import, so Tend can't read it back in one go. "
        "Your data is still safe in Tend.")
