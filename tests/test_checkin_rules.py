"""The check-in rules: moods, validation, days (DST, travel, night owls), and trends."""

import json
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storage.checkins.model import (
    DEFAULT_EMOTION_TAGS,
    NOTE_LIMIT,
    CheckIn,
    Mood,
    check_in_from_document,
    check_in_problems,
    document_from_check_in,
    new_check_in,
    revised,
)
from storage.checkins.trends import (
    CalendarDay,
    checked_in_days,
    daily_moods,
    days_since_low_day,
    entries_by_day,
    month_grid,
    mood_of_average,
    mood_series,
)
from storage.days import day_of, month_key, month_keys_covering, today
from storage.errors import Refused

LONDON = ZoneInfo("Europe/London")
TOKYO = ZoneInfo("Asia/Tokyo")
NEW_YORK = ZoneInfo("America/New_York")
NOW = datetime(2026, 11, 23, 9, 15, tzinfo=LONDON)


def entry(at: datetime, mood: int = 3, **details) -> CheckIn:
    return new_check_in(mood, at, at=at, **details)


def on(day: date, mood: int, hour: int = 12) -> CheckIn:
    return entry(datetime(day.year, day.month, day.day, hour, tzinfo=LONDON), mood)


def test_moods_have_words_from_awful_to_great():
    assert [(int(m), m.word) for m in Mood] == [(1, "Awful"), (2, "Low"), (3, "Okay"), (4, "Good"), (5, "Great")]


def test_default_emotion_tags_are_a_dozen_kind_words():
    assert 10 <= len(DEFAULT_EMOTION_TAGS) <= 16
    assert {"calm", "hopeful", "anxious", "numb"} <= set(DEFAULT_EMOTION_TAGS)


def test_a_new_check_in_is_stamped_at_now_with_its_own_offset():
    check_in = new_check_in(Mood.GOOD, NOW, tags=["calm"], note="Walked by the river.")
    assert check_in.mood is Mood.GOOD
    assert check_in.at == NOW and check_in.at.utcoffset() == timedelta(0)
    assert check_in.created == check_in.updated == "2026-11-23T09:15:00+00:00"
    assert check_in.tags == ("calm",)
    assert len(check_in.id) == 36 and new_check_in(3, NOW).id != check_in.id


def test_new_check_in_refuses_what_the_rules_refuse():
    with pytest.raises(Refused) as refused:
        new_check_in(3, NOW, energy=9, note="x" * (NOTE_LIMIT + 1))
    assert set(refused.value.problems) == {"energy", "note"}
    with pytest.raises(TypeError):
        new_check_in(3, NOW, mod=4)


def test_revising_keeps_id_and_created_and_moves_updated():
    check_in = new_check_in(2, NOW)
    later = NOW + timedelta(hours=2)
    edited = revised(check_in, later, mood=4, sleep=2, tags=["tired"])
    assert (edited.id, edited.created) == (check_in.id, check_in.created)
    assert edited.updated == "2026-11-23T11:15:00+00:00"
    assert (edited.mood, edited.sleep, edited.tags) == (Mood.GOOD, 2, ("tired",))


def test_a_plain_check_in_has_no_problems():
    assert check_in_problems(3, None, None, None, (), "", NOW, NOW) == {}


def test_a_long_note_is_refused_with_its_length_never_shortened():
    problems = check_in_problems(3, None, None, None, (), "a" * 5214, NOW, NOW)
    assert problems == {
        "note": "Notes can be up to 5,000 characters; this one has 5,214. Nothing was saved — please shorten it."
    }
    assert check_in_problems(3, note="a" * NOTE_LIMIT) == {}


def test_scales_outside_one_to_five_are_refused():
    problems = check_in_problems(0, energy=6, sleep=0, anxiety=True)
    assert set(problems) == {"mood", "energy", "sleep", "anxiety"}
    assert problems["energy"] == "Energy can be 1 to 5, or left empty."


def test_a_time_still_to_come_is_refused_but_a_slightly_fast_clock_is_fine():
    assert check_in_problems(3, at=NOW + timedelta(minutes=4), now=NOW) == {}
    problems = check_in_problems(3, at=NOW + timedelta(hours=1), now=NOW)
    assert problems["at"].startswith("That time is still to come")
    assert "at" in check_in_problems(3, at=datetime(2026, 11, 23, 9, 0), now=NOW)  # no zone


def test_the_future_is_judged_by_the_instant_not_the_wall_clock():
    # 10:00 in Tokyo is 01:00 in London: in the past, although its wall clock reads later.
    assert check_in_problems(3, at=NOW.astimezone(TOKYO), now=NOW) == {}


@pytest.mark.parametrize("tags", [[""], ["   "], ["x" * 41], "calm", [3]])
def test_bad_tags_are_refused_and_forty_characters_are_fine(tags):
    assert "tags" in check_in_problems(3, tags=tags)
    assert check_in_problems(3, tags=["x" * 40]) == {}


@given(st.integers(), st.one_of(st.none(), st.integers()))
def test_validation_never_accepts_a_value_off_the_scale(mood, energy):
    problems = check_in_problems(mood, energy=energy)
    assert ("mood" in problems) == (mood not in range(1, 6))
    assert ("energy" in problems) == (energy is not None and energy not in range(1, 6))


@given(st.text(max_size=NOTE_LIMIT + 50))
def test_validation_refuses_exactly_the_notes_over_the_limit(note):
    assert ("note" in check_in_problems(3, note=note)) == (len(note) > NOTE_LIMIT)


def test_a_document_keeps_the_local_time_and_offset():
    check_in = entry(datetime(2026, 7, 1, 22, 30, tzinfo=TOKYO), 4)
    doc = document_from_check_in(check_in)
    assert doc["at"] == "2026-07-01T22:30:00+09:00"
    assert doc["mood"] == 4 and doc["tags"] == []


offsets = st.integers(min_value=-23 * 60 - 59, max_value=23 * 60 + 59).map(lambda m: timezone(timedelta(minutes=m)))
scale = st.one_of(st.none(), st.integers(1, 5))
tag = st.text(min_size=1, max_size=40).filter(lambda t: t.strip() == t and t)


@given(mood=st.sampled_from(Mood), at=st.datetimes(timezones=offsets), energy=scale, sleep=scale, anxiety=scale,
       tags=st.lists(tag, max_size=5, unique=True), note=st.text(max_size=300))
def test_a_document_round_trip_is_exact_even_through_json(mood, at, energy, sleep, anxiety, tags, note):
    check_in = new_check_in(mood, at, at=at, energy=energy, sleep=sleep, anxiety=anxiety, tags=tags, note=note)
    back = check_in_from_document(json.loads(json.dumps(document_from_check_in(check_in))))
    assert back == check_in
    assert back.at.isoformat() == check_in.at.isoformat()
    assert back.at.utcoffset() == at.utcoffset()


def test_a_day_starts_at_midnight_by_default():
    assert day_of(datetime(2026, 11, 23, 0, 0, tzinfo=LONDON), 0) == date(2026, 11, 23)
    assert day_of(datetime(2026, 11, 22, 23, 59, tzinfo=LONDON), 0) == date(2026, 11, 22)


@pytest.mark.parametrize("starts", [0, 1, 2, 3, 4])
def test_night_owls_keep_the_small_hours_in_yesterday(starts):
    before = datetime(2026, 11, 23, starts, 0, tzinfo=LONDON) - timedelta(minutes=1)
    at_start = datetime(2026, 11, 23, starts, 0, tzinfo=LONDON)
    assert day_of(before, starts) == date(2026, 11, 22)
    assert day_of(at_start, starts) == date(2026, 11, 23)


def test_half_past_two_with_a_four_o_clock_start_is_still_yesterday():
    assert day_of(datetime(2026, 11, 23, 2, 30, tzinfo=LONDON), 4) == date(2026, 11, 22)
    assert today(datetime(2026, 11, 23, 2, 30, tzinfo=LONDON), 4) == date(2026, 11, 22)


@pytest.mark.parametrize("starts", [-1, 5, 12])
def test_a_day_cannot_start_outside_midnight_to_four_nor_without_a_zone(starts):
    with pytest.raises(ValueError):
        day_of(NOW, starts)
    with pytest.raises(ValueError):
        day_of(datetime(2026, 11, 23, 9), 0)


@pytest.mark.parametrize(
    ("wall_clock", "starts", "expected"),
    [  # Clocks go forward on 2026-03-29 at 01:00 GMT → 02:00 BST, and back on 2026-10-25 at 02:00 BST → 01:00 GMT.
        ((2026, 3, 29, 0, 30), 0, date(2026, 3, 29)), ((2026, 3, 29, 0, 30), 1, date(2026, 3, 28)),
        ((2026, 3, 29, 2, 30), 2, date(2026, 3, 29)), ((2026, 3, 29, 3, 30), 4, date(2026, 3, 28)),
        ((2026, 10, 25, 1, 30), 0, date(2026, 10, 25)), ((2026, 10, 25, 1, 30), 2, date(2026, 10, 24)),
        ((2026, 10, 25, 2, 30), 2, date(2026, 10, 25)),
    ])
def test_entries_around_the_clock_change_land_on_the_day_their_clock_showed(wall_clock, starts, expected):
    for fold in (0, 1):
        at = datetime(*wall_clock, tzinfo=LONDON, fold=fold)
        stored = check_in_from_document(document_from_check_in(entry(at)))
        assert day_of(stored.at, starts) == expected


def test_both_half_past_ones_on_the_night_the_clocks_go_back_are_kept_apart_and_in_order():
    first = entry(datetime(2026, 10, 25, 1, 30, tzinfo=LONDON, fold=0), 2)
    second = entry(datetime(2026, 10, 25, 1, 30, tzinfo=LONDON, fold=1), 4)
    assert (first.at.utcoffset(), second.at.utcoffset()) == (timedelta(hours=1), timedelta(0))
    [(day, newest_first)] = entries_by_day([first, second], 0)
    assert day == date(2026, 10, 25) and newest_first == [second, first]


def test_a_trip_never_moves_past_entries_to_another_day():
    # In UTC these fall on different days (14:00 on the 1st, 00:00 on the 2nd); each keeps its own clock's day.
    in_tokyo = entry(datetime(2026, 5, 1, 23, 0, tzinfo=TOKYO), 2)
    in_new_york = entry(datetime(2026, 5, 1, 20, 0, tzinfo=NEW_YORK), 4)
    back_home = entry(datetime(2026, 5, 2, 8, 0, tzinfo=LONDON), 5)
    assert [day_of(c.at, 0) for c in (in_tokyo, in_new_york, back_home)] == [date(2026, 5, 1)] * 2 + [date(2026, 5, 2)]
    assert daily_moods([in_tokyo, in_new_york, back_home], 0) == {date(2026, 5, 1): 3.0, date(2026, 5, 2): 5.0}


@given(st.datetimes(timezones=st.timezones()), st.integers(0, 4))
def test_an_entry_belongs_to_its_own_date_or_the_day_before(at, starts):
    day = day_of(at, starts)
    assert day in (at.date(), at.date() - timedelta(days=1))
    assert (day == at.date()) == (at.hour >= starts)


def test_month_key_is_the_local_month():
    assert month_key(datetime(2026, 1, 1, 1, 0, tzinfo=TOKYO)) == "2026-01"
    assert month_key(datetime(2025, 12, 31, 23, 0, tzinfo=NEW_YORK)) == "2025-12"


def test_month_keys_cover_the_month_after_the_last_day():
    assert month_keys_covering(date(2025, 11, 15), date(2026, 1, 31)) == ["2025-11", "2025-12", "2026-01", "2026-02"]
    assert month_keys_covering(date(2026, 3, 2), date(2026, 3, 20)) == ["2026-03"]
    assert month_keys_covering(date(2026, 3, 2), date(2026, 3, 1)) == []


@given(st.dates(max_value=date(9999, 11, 30)), st.integers(0, 400), st.integers(0, 4), st.integers(0, 23))
def test_month_keys_cover_every_entry_of_the_range(first, length, starts, hour):
    last = first + timedelta(days=length)
    keys = month_keys_covering(first, last)
    for day in (first, last):
        for calendar_day in (day, day + timedelta(days=1)):
            at = datetime(calendar_day.year, calendar_day.month, calendar_day.day, hour, tzinfo=timezone.utc)
            if first <= day_of(at, starts) <= last:
                assert month_key(at) in keys


def test_daily_moods_average_each_day():
    entries = [on(date(2026, 11, 20), 2), on(date(2026, 11, 20), 5), on(date(2026, 11, 21), 4)]
    assert daily_moods(entries, 0) == {date(2026, 11, 20): 3.5, date(2026, 11, 21): 4.0}


def test_checked_in_days_counts_days_not_entries_and_includes_today():
    days = [date(2026, 11, 23), date(2026, 11, 23), date(2026, 11, 20), date(2026, 11, 17), date(2026, 11, 16)]
    entries = [on(day, 3, hour=8) for day in days]
    assert checked_in_days(entries, NOW, 0) == 3  # the 23rd, 20th and 17th; the 16th is 8 days ago
    assert checked_in_days(entries, NOW, 0, span=30) == 4
    assert checked_in_days([], NOW, 0) == 0


def test_checked_in_days_follow_the_night_owl_rule():
    late = entry(datetime(2026, 11, 23, 1, 30, tzinfo=LONDON))  # still the 22nd with a 4 o'clock start
    at_3am = datetime(2026, 11, 23, 3, 0, tzinfo=LONDON)
    assert today(at_3am, 4) == date(2026, 11, 22)
    assert checked_in_days([late], at_3am, 4, span=1) == 1
    assert checked_in_days([late], NOW, 4, span=1) == 0


def test_days_since_low_day_counts_from_the_last_day_that_was_low_on_average():
    assert days_since_low_day([], NOW, 0) is None
    assert days_since_low_day([on(date(2026, 11, 22), 4)], NOW, 0) is None
    entries = [on(date(2026, 11, 10), 1), on(date(2026, 11, 18), 2), on(date(2026, 11, 20), 3)]
    assert days_since_low_day(entries, NOW, 0) == 5
    assert days_since_low_day(entries + [on(date(2026, 11, 23), 1, hour=8)], NOW, 0) == 0
    entries = [on(date(2026, 11, 22), 1, hour=8), on(date(2026, 11, 22), 5, hour=20)]  # a low moment, a good day
    assert days_since_low_day(entries, NOW, 0) is None


@pytest.mark.parametrize("span", [7, 30, 90, 365])
def test_mood_series_has_one_point_per_day_ending_today(span):
    entries = [on(date(2026, 11, 23), 4, hour=8), on(date(2026, 11, 21), 2), on(date(2025, 1, 1), 5)]
    series = mood_series(entries, NOW, 0, span)
    assert len(series) == span
    assert series[-1] == (date(2026, 11, 23), 4.0)
    assert series[0][0] == date(2026, 11, 23) - timedelta(days=span - 1)
    assert [day for day, _ in series] == sorted(day for day, _ in series)
    assert series[-3] == (date(2026, 11, 21), 2.0)
    assert series[-2] == (date(2026, 11, 22), None)
    assert sum(value is not None for _, value in series) == 2


def test_month_grid_runs_monday_to_sunday_with_blanks_outside_the_month():
    daily = {date(2026, 11, 2): 2.5, date(2026, 11, 30): 1.2, date(2026, 12, 1): 5.0}
    grid = month_grid(2026, 11, daily)
    assert len(grid) == 6 and all(len(week) == 7 for week in grid)
    assert grid[0][:6] == [None] * 6  # November 2026 starts on a Sunday
    assert grid[0][6] == CalendarDay(date(2026, 11, 1), None, None)
    assert grid[1][0] == CalendarDay(date(2026, 11, 2), 2.5, Mood.OKAY)
    assert grid[5][0] == CalendarDay(date(2026, 11, 30), 1.2, Mood.AWFUL)
    assert grid[5][1:] == [None] * 6
    days = [cell.date for week in grid for cell in week if cell]
    assert days == [date(2026, 11, 1) + timedelta(days=n) for n in range(30)]
    grid = month_grid(2027, 2, {})  # starts on a Monday: four full weeks
    assert len(grid) == 4 and all(cell is not None for week in grid for cell in week)


@given(st.floats(min_value=1, max_value=5))
def test_an_average_reads_as_the_nearest_mood(average):
    assert abs(int(mood_of_average(average)) - average) <= 0.5


def test_entries_by_day_newest_first():
    a = on(date(2026, 11, 20), 3, hour=9)
    b = on(date(2026, 11, 20), 4, hour=21)
    c = on(date(2026, 11, 22), 2, hour=7)
    late = entry(datetime(2026, 11, 21, 1, 0, tzinfo=LONDON))  # the 20th for a night owl
    assert entries_by_day([a, c, b, late], 2) == [(date(2026, 11, 22), [c]), (date(2026, 11, 20), [late, b, a])]
    assert entries_by_day([], 0) == []
