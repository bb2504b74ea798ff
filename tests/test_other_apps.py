"""Pixels, Daily You and Bearable exports become check-ins through the one Import; Bearable's 1–10 scale is
confirmed first, like Daylio's own mood names."""

import json
from datetime import datetime, time
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from storage_fixtures import NOW, store  # noqa: F401 (fixture)

from storage.checkins.model import Mood
from storage.store.persistence import Store
from storage.your_data.checkins_csv import every_check_in
from storage.your_data.exchange import ImportProblem
from storage.your_data.imports import OtherAppReport, import_file
from storage.your_data.mood_names import MoodName, MoodsToConfirm

LONDON = ZoneInfo("Europe/London")


def local(naive: datetime) -> datetime:
    return naive.replace(tzinfo=LONDON)


def found(store):
    return [(entry.at, entry.mood, entry.tags, entry.note) for entry in every_check_in(store)]


def test_a_pixels_backup_gives_a_check_in_per_score_at_noon_with_its_tags(store):
    pixels = [{"date": "2026-1-5", "type": "Mood", "scores": [4, 2], "notes": "Long day",
               "tags": [{"type": "Emotions", "entries": ["Calm"]}]},
              {"date": "2026-01-06", "mood": 5, "emotions": ["joy"], "notes": ""}]

    report = import_file(store, "PIXELS-BACKUP-2026.json", json.dumps(pixels).encode(), NOW, local)

    noon5, noon6 = (datetime(2026, 1, day, 12, tzinfo=LONDON) for day in (5, 6))
    assert found(store) == [(noon5, Mood.GOOD, ("calm",), "Long day"), (noon5, Mood.LOW, ("calm",), "Long day"),
                            (noon6, Mood.GREAT, ("joy",), "")]
    assert report == OtherAppReport(added=3)


def test_daily_you_moods_from_minus_two_to_two_become_levels_one_to_five(store):
    daily_you = [{"text": "Walked by the river", "mood": 2, "timeCreated": "2026-03-01T21:35:00.000",
                  "timeModified": "2026-03-01T22:00:00.000"},
                 {"text": "", "mood": -2, "timeCreated": "2026-03-02T08:30:00", "timeModified": ""},
                 {"text": "A page without a mood", "mood": None, "timeCreated": "2026-03-03T08:30:00"}]

    report = import_file(store, "daily_you.json", json.dumps(daily_you).encode(), NOW, local)

    assert found(store) == [(datetime(2026, 3, 1, 21, 35, tzinfo=LONDON), Mood.GREAT, (), "Walked by the river"),
                            (datetime(2026, 3, 2, 8, 30, tzinfo=LONDON), Mood.AWFUL, (), "")]
    assert report.summary == ("Added 2, updated 0, and left 0 as they were (Tend already had the same or a newer "
                              "version). Left out 1 entry that isn't a check-in (no mood, or another kind of "
                              "reading).")


BEARABLE = ("date,weekday,time of day,category,rating/amount,detail,notes\n"
            "8th Dec 2021,Wednesday,pm,Mood,7,,Better after tea\n"
            "8th Dec 2021,Wednesday,pm,Energy,3,,\n"
            "9th Dec 2021,Thursday,08:15,Mood,2,,\n")


def test_bearable_asks_what_its_ten_ratings_mean_then_imports_only_the_mood_rows(store):
    with pytest.raises(MoodsToConfirm) as asked:
        import_file(store, "bearable-export.csv", BEARABLE.encode(), NOW, local)
    assert asked.value.names == [MoodName("7", 1, 4), MoodName("2", 1, 1)]
    assert every_check_in(store) == []

    import_file(store, "bearable-export.csv", BEARABLE.encode(), NOW, local, {"7": 4, "2": 2})

    assert [(entry.at.date(), entry.at.timetz().replace(tzinfo=None), entry.mood, entry.note)
            for entry in every_check_in(store)] == [
        (datetime(2021, 12, 8).date(), time(18, 0), Mood.GOOD, "Better after tea"),
        (datetime(2021, 12, 9).date(), time(8, 15), Mood.LOW, "")]


SCALARS = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12)
JSON_VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=3)
                           | st.dictionaries(st.text(max_size=8), inner, max_size=3), max_leaves=8)
ENTRY_KEYS = st.sampled_from(["date", "type", "scores", "mood", "notes", "tags", "emotions", "timeCreated", "text"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.dictionaries(ENTRY_KEYS, JSON_VALUES, min_size=1), min_size=1, max_size=3))
def test_any_pixels_or_daily_you_shaped_file_is_imported_whole_or_refused_unchanged(entries):
    store = Store.open(None, NOW)
    try:
        import_file(store, "export.json", json.dumps(entries).encode(), NOW, local)
    except (ImportProblem, MoodsToConfirm):
        assert every_check_in(store) == []
    else:
        every_check_in(store)
