"""One Import button for two formats: the file's name or its first character says which reader it needs."""

import pytest

from storage.exchange import ImportProblem, export_text
from storage.imports import import_file, is_tend_export
from storage_fixtures import NOW, record, store  # noqa: F401 (fixture)

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
