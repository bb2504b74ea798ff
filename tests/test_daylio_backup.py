"""Daylio's own backup (.daylio): custom moods placed exactly by their group, tags by id, the device's offset kept,
the same ids as the CSV export's entries, and nothing else (a PIN) read."""

import base64
import io
import json
import zipfile
from datetime import datetime, timedelta, timezone

import pytest
from storage_fixtures import NOW, store  # noqa: F401 (fixture)

from storage.checkins.model import Mood
from storage.your_data.checkins_csv import every_check_in
from storage.your_data.daylio import import_daylio
from storage.your_data.exchange import ImportProblem, ImportReport, exported
from storage.your_data.imports import import_file

CET = timezone(timedelta(hours=1))


def backup(content: dict) -> bytes:
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as archive:
        archive.writestr("backup.daylio", base64.b64encode(json.dumps(content).encode()))
    return data.getvalue()


def at_ms(moment: datetime) -> int:
    return int(moment.timestamp() * 1000)


CONTENT = {
    "version": 15,
    "pin": "1234",
    "customMoods": [
        {"id": 1, "custom_name": "", "mood_group_id": 1, "predefined_name_id": 1},
        {"id": 6, "custom_name": "love it", "mood_group_id": 1, "predefined_name_id": -1},
        {"id": 7, "custom_name": "müde", "mood_group_id": 4, "predefined_name_id": -1},
        {"id": 5, "custom_name": "", "mood_group_id": 5, "predefined_name_id": 5},
    ],
    "tags": [{"id": 14, "name": "Famille"}, {"id": 15, "name": "amis"}],
    "dayEntries": [
        {"id": 2, "datetime": at_ms(datetime(2026, 11, 20, 21, 35, tzinfo=CET)), "timeZoneOffset": 3600000,
         "mood": 6, "note": "<b>Good</b> day<br>truly", "note_title": "Title", "tags": [14, 15]},
        {"id": 3, "datetime": at_ms(datetime(2026, 11, 19, 7, 10, tzinfo=CET)), "timeZoneOffset": 3600000,
         "mood": 7, "note": "", "note_title": "", "tags": []},
        {"id": 4, "datetime": at_ms(datetime(2026, 11, 19, 7, 10, tzinfo=CET)), "timeZoneOffset": 3600000,
         "mood": 7, "note": "", "note_title": "", "tags": []},
        {"id": 5, "datetime": at_ms(datetime(2026, 11, 18, 8, 0, tzinfo=CET)), "timeZoneOffset": 3600000,
         "mood": 5, "note": "", "note_title": "", "tags": [15]},
    ],
}


def test_a_backup_places_every_custom_mood_by_its_group_without_asking(store):
    report = import_file(store, "backup_2026_12_01.daylio", backup(CONTENT), NOW, lambda naive: naive)

    found = [(entry.at, entry.mood, entry.tags, entry.note) for entry in every_check_in(store)]
    assert found == [
        (datetime(2026, 11, 18, 8, 0, tzinfo=CET), Mood.AWFUL, ("amis",), ""),
        (datetime(2026, 11, 19, 7, 10, tzinfo=CET), Mood.LOW, (), ""),
        (datetime(2026, 11, 19, 7, 10, tzinfo=CET), Mood.LOW, (), ""),
        (datetime(2026, 11, 20, 21, 35, tzinfo=CET), Mood.GREAT, ("famille", "amis"), "Title\nGood day\ntruly"),
    ]
    assert report == ImportReport(added=4)
    assert "1234" not in json.dumps(exported(store, NOW))


def test_the_same_entries_from_the_csv_export_are_not_added_twice(store):
    import_file(store, "any name", backup(CONTENT), NOW, lambda naive: naive)
    csv = ("full_date,date,weekday,time,mood,activities,note_title,note\n"
           "2026-11-20,November 20,Friday,21:35,love it,Famille | amis,Title,<b>Good</b> day<br>truly\n")

    report = import_daylio(store, csv, NOW, lambda naive: naive.replace(tzinfo=CET), moods={"love it": 5})

    assert report == ImportReport(skipped=1)


@pytest.mark.parametrize("data", [b"PK\x03\x04 broken", backup({"dayEntries": "none"}),
                                  backup({**CONTENT, "dayEntries": [{"datetime": 0, "mood": 99}]})])
def test_a_broken_backup_is_refused_and_changes_nothing(store, data):
    with pytest.raises(ImportProblem):
        import_file(store, "backup.daylio", data, NOW, lambda naive: naive)

    assert every_check_in(store) == []
