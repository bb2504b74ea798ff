"""Dates and times as people type them, and the day a date picker answered."""

from datetime import date, datetime, time, timedelta, timezone

import pytest

from storage.days import moment_from_text
from storage.when_typed import (
    DATE_HELP,
    TIME_HELP,
    back_fill_days,
    clock_from_text,
    clock_words,
    day_from_text,
    moment_on,
    picked_day,
)

TODAY = date(2026, 12, 4)


@pytest.mark.parametrize("text, day", [
    ("2026-11-30", date(2026, 11, 30)),
    ("30/11/2026", date(2026, 11, 30)),
    ("30.11.2026", date(2026, 11, 30)),
    ("30-11-26", date(2026, 11, 30)),
    ("3/4/2026", date(2026, 4, 3)),  # day first, as most of the world writes it
    ("11/30/2026", date(2026, 11, 30)),  # only month first makes sense
    (" Yesterday ", date(2026, 12, 3)),
    ("today", TODAY),
    ("1/1/99", date(1999, 1, 1)),
])
def test_a_date_is_read_as_people_write_it(text, day):
    assert day_from_text(text, TODAY) == day


@pytest.mark.parametrize("text", ["", "30/13/2026", "31/11/2026", "next week", "2026-02-30", "30 11"])
def test_a_date_that_names_no_day_gets_a_kind_message(text):
    with pytest.raises(ValueError, match="day/month/year"):
        day_from_text(text, TODAY)


def test_without_today_only_a_date_written_in_full_is_read():
    assert day_from_text("30/11/2026", None) == date(2026, 11, 30)
    for text in ("yesterday", "30/11/26"):
        with pytest.raises(ValueError):
            day_from_text(text, None)


@pytest.mark.parametrize("text, clock", [
    ("20:00", time(20, 0)), ("8pm", time(20, 0)), ("8 PM", time(20, 0)), ("8:30 am", time(8, 30)),
    ("8.30pm", time(20, 30)), ("20.30", time(20, 30)), ("2030", time(20, 30)), ("7", time(7, 0)),
    ("12am", time(0, 0)), ("12pm", time(12, 0)), ("9:05", time(9, 5)), ("21h15", time(21, 15)),
])
def test_a_time_is_read_as_people_write_it(text, clock):
    assert clock_from_text(text) == clock


@pytest.mark.parametrize("text", ["", "24:00", "13pm", "0am", "8:60", "noonish", "7:5"])
def test_a_time_that_names_no_time_gets_a_kind_message(text):
    with pytest.raises(ValueError) as refused:
        clock_from_text(text)
    assert str(refused.value) == TIME_HELP


def test_times_are_tidied_for_the_reminder_rules_and_a_wrong_one_is_left_for_them_to_name():
    assert clock_words(" 8pm ") == "20:00"
    assert clock_words("later") == "later"


def test_a_typed_moment_gets_the_offset_of_its_zone():
    zone = timezone(timedelta(hours=1))
    assert moment_from_text("30/11/2026", "8pm", zone) == datetime(2026, 11, 30, 20, 0, tzinfo=zone)
    assert moment_from_text("yesterday", "9am", zone, TODAY) == datetime(2026, 12, 3, 9, 0, tzinfo=zone)
    with pytest.raises(ValueError) as refused:
        moment_from_text("soon", "8pm", zone, TODAY)
    assert str(refused.value) == DATE_HELP


@pytest.mark.parametrize("answer", [
    datetime(2026, 11, 29, 23, 0, tzinfo=timezone.utc),  # midnight in Paris
    datetime(2026, 11, 30, 5, 0, tzinfo=timezone.utc),  # midnight in New York
    datetime(2026, 11, 29, 12, 30, tzinfo=timezone.utc),  # midnight in Auckland
    datetime(2026, 11, 30, 0, 0, tzinfo=timezone.utc),
    datetime(2026, 11, 30),
    date(2026, 11, 30),
])
def test_the_day_a_picker_answered_is_the_day_picked_in_any_zone(answer):
    assert picked_day(answer) == date(2026, 11, 30)


def test_back_filling_offers_earlier_today_and_yesterday():
    assert back_fill_days(TODAY) == {"Earlier today": TODAY, "Yesterday": date(2026, 12, 3)}


def test_a_check_in_for_a_calendar_day_starts_at_this_time_of_day_on_that_day():
    now = datetime(2026, 12, 4, 21, 30, tzinfo=timezone.utc)
    assert moment_on(None, now) == now
    assert moment_on(date(2026, 11, 30), now) == datetime(2026, 11, 30, 21, 30, tzinfo=timezone.utc)
