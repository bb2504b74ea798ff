"""The reminder rules: wall-clock schedules across clock changes, travel and night owls; due, missed, snooze,
done; keep-in-touch; validation and documents."""

import json
from dataclasses import replace
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from storage.checkins.model import with_fixed_offset
from storage.days import day_of
from storage.errors import Refused
from storage.reminders.keep_in_touch import Overdue, TouchPlan, overdue, touch_due_at
from storage.reminders.model import (
    TEXT_LIMIT,
    Reminder,
    document_from_reminder,
    new_reminder,
    reminder_from_document,
    reminder_problems,
    revised,
)
from storage.reminders.rules import (
    Due,
    already_handled,
    done,
    due_now,
    missed_since,
    next_occurrence,
    snooze_ends_at,
    wall_clock_moment,
)

LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")
TOKYO = ZoneInfo("Asia/Tokyo")
HOUR = timedelta(hours=1)
MONDAY = 0


def london(*wall_clock, fold=0) -> datetime:
    return datetime(*wall_clock, tzinfo=LONDON, fold=fold)


def check_in_reminder(*times, **fields) -> Reminder:
    return Reminder(id="check-in", times=times, **fields)


def own(text="Take my tablets", *times, starts_on=date(2026, 3, 1), repeat="daily", **fields) -> Reminder:
    return Reminder(id="own", kind="own", text=text, times=times or ("09:00",), starts_on=starts_on, repeat=repeat,
                    **fields)


def occurrences(reminder, after, zone, count, day_starts_at=0) -> list[datetime]:
    """Up to `count` occurrences after `after`, fewer if the reminder stops."""
    found = []
    for _ in range(count):
        after = next_occurrence(reminder, after, zone, day_starts_at)
        if after is None:
            break
        found.append(after)
    return found


def shown(moments) -> list[str]:
    return [moment.isoformat() for moment in moments]


# --- wall-clock schedules -----------------------------------------------------------------------------------------


def test_a_daily_reminder_rings_at_nine_on_the_clock_through_both_clock_changes():
    reminder = check_in_reminder("09:00")
    assert shown(occurrences(reminder, london(2026, 3, 27, 12), LONDON, 3)) == [
        "2026-03-28T09:00:00+00:00", "2026-03-29T09:00:00+01:00", "2026-03-30T09:00:00+01:00"]
    assert shown(occurrences(reminder, london(2026, 10, 23, 12), LONDON, 3)) == [
        "2026-10-24T09:00:00+01:00", "2026-10-25T09:00:00+00:00", "2026-10-26T09:00:00+00:00"]


def test_a_time_the_clocks_skip_rings_at_the_first_moment_after_the_gap():
    assert shown(occurrences(check_in_reminder("01:30"), london(2026, 3, 28, 12), LONDON, 2)) == [
        "2026-03-29T02:00:00+01:00", "2026-03-30T01:30:00+01:00"]
    assert wall_clock_moment(date(2026, 3, 8), time(2, 30), NEW_YORK).isoformat() == "2026-03-08T03:00:00-04:00"


def test_an_hour_that_happens_twice_rings_once_the_first_time():
    reminder = check_in_reminder("01:30")
    first = next_occurrence(reminder, london(2026, 10, 25, 0, 0), LONDON)
    assert first.isoformat() == "2026-10-25T01:30:00+01:00"
    assert next_occurrence(reminder, first, LONDON) == london(2026, 10, 26, 1, 30)
    second_time_round = london(2026, 10, 25, 1, 40, fold=1)
    assert due_now([reminder], second_time_round, LONDON) == [Due(reminder, first)]
    assert due_now([done(reminder, first)], second_time_round, LONDON) == []


@pytest.mark.parametrize("repeat, fields, expected", [
    ("none", {}, ["2026-03-04T18:00:00+00:00"]),
    ("daily", {}, ["2026-03-04T18:00:00+00:00", "2026-03-05T18:00:00+00:00", "2026-03-06T18:00:00+00:00"]),
    ("weekdays", {"weekdays": frozenset({1, 4})},  # Tuesdays and Fridays
     ["2026-03-06T18:00:00+00:00", "2026-03-10T18:00:00+00:00", "2026-03-13T18:00:00+00:00"]),
    ("weekly", {}, ["2026-03-04T18:00:00+00:00", "2026-03-11T18:00:00+00:00", "2026-03-18T18:00:00+00:00"]),
    ("every_n_days", {"every_days": 10},
     ["2026-03-04T18:00:00+00:00", "2026-03-14T18:00:00+00:00", "2026-03-24T18:00:00+00:00"]),
])
def test_each_repeat_rings_on_its_own_days_from_the_first_date(repeat, fields, expected):
    reminder = own("Water the plants", "18:00", starts_on=date(2026, 3, 4), repeat=repeat, **fields)  # a Wednesday
    assert shown(occurrences(reminder, london(2026, 2, 1, 0, 0), LONDON, 3)) == expected


def test_several_times_a_day_on_chosen_weekdays_come_in_order():
    reminder = check_in_reminder("20:30", "08:00", weekdays=frozenset({MONDAY}), repeat="weekdays")
    assert shown(occurrences(reminder, london(2026, 11, 20, 12), LONDON, 3)) == [
        "2026-11-23T08:00:00+00:00", "2026-11-23T20:30:00+00:00", "2026-11-30T08:00:00+00:00"]


def test_a_trip_from_tokyo_to_new_york_follows_the_clock_where_you_are():
    reminder = own("Take my tablets", "09:00", starts_on=date(2026, 5, 1))
    in_tokyo = london(2026, 6, 1, 0, 30).astimezone(TOKYO)  # 08:30 in Tokyo
    morning_in_tokyo = next_occurrence(reminder, in_tokyo, TOKYO)
    assert morning_in_tokyo.isoformat() == "2026-06-01T09:00:00+09:00"
    taken = done(reminder, morning_in_tokyo)

    # Landed in New York the same calendar day: its 09:00 is still to come, and nothing rings twice.
    landed = datetime(2026, 6, 1, 7, 0, tzinfo=NEW_YORK)
    assert due_now([taken], landed, NEW_YORK) == []
    assert next_occurrence(taken, landed, NEW_YORK).isoformat() == "2026-06-01T09:00:00-04:00"
    later = datetime(2026, 6, 1, 9, 5, tzinfo=NEW_YORK)
    assert due_now([taken], later, NEW_YORK) == [Due(taken, datetime(2026, 6, 1, 9, tzinfo=NEW_YORK))]


def test_flying_from_new_york_to_tokyo_rings_once_for_the_latest_time_passed():
    reminder = own("Take my tablets", "09:00", starts_on=date(2026, 5, 1))
    taken = done(reminder, datetime(2026, 6, 1, 9, tzinfo=NEW_YORK))
    landed = datetime(2026, 6, 3, 10, 0, tzinfo=TOKYO)
    assert due_now([taken], landed, TOKYO) == [Due(taken, datetime(2026, 6, 3, 9, tzinfo=TOKYO))]


# --- night owls ---------------------------------------------------------------------------------------------------


def test_for_a_night_owl_a_time_before_the_day_starts_rings_in_the_night_after_the_chosen_day():
    reminder = check_in_reminder("01:00", weekdays=frozenset({MONDAY}), repeat="weekdays")
    after = london(2026, 11, 20, 12)
    assert shown(occurrences(reminder, after, LONDON, 1, day_starts_at=3)) == ["2026-11-24T01:00:00+00:00"]
    assert shown(occurrences(reminder, after, LONDON, 1, day_starts_at=0)) == ["2026-11-23T01:00:00+00:00"]


def test_a_check_in_at_half_past_one_counts_for_the_day_before_when_the_day_starts_at_three():
    reminder = check_in_reminder("21:00", "02:00")
    late_check_in = london(2026, 11, 24, 1, 30)
    checked_in = {day_of(late_check_in, 3)}
    assert checked_in == {date(2026, 11, 23)}
    night = london(2026, 11, 24, 2, 15)
    assert due_now([reminder], night, LONDON, checked_in, day_starts_at=3) == []
    assert due_now([reminder], night, LONDON, set(), day_starts_at=3) == [Due(reminder, london(2026, 11, 24, 2))]
    # With days starting at midnight the same check-in is Tuesday's, and so is the 02:00 reminder.
    assert due_now([reminder], night, LONDON, {day_of(late_check_in, 0)}, day_starts_at=0) == []


# --- due now ------------------------------------------------------------------------------------------------------


def test_a_check_in_reminder_is_quiet_once_you_have_checked_in_unless_set_to_remind_always():
    quiet, always = check_in_reminder("09:00"), check_in_reminder("09:00", always=True)
    now = london(2026, 11, 23, 9, 30)
    assert due_now([quiet, always], now, LONDON, {date(2026, 11, 23)}) == [Due(always, london(2026, 11, 23, 9))]
    assert due_now([quiet], now, LONDON, {date(2026, 11, 22)}) == [Due(quiet, london(2026, 11, 23, 9))]


def test_a_check_in_reminder_rings_for_the_latest_time_and_lets_go_when_its_day_ends():
    reminder = check_in_reminder("09:00", "21:00")
    assert due_now([reminder], london(2026, 11, 23, 21, 30), LONDON) == [Due(reminder, london(2026, 11, 23, 21))]
    assert due_now([reminder], london(2026, 11, 24, 8, 0), LONDON) == []


def test_your_own_reminder_waits_until_done_then_rings_at_the_next_time():
    reminder = own("Call the pharmacy", "10:00", starts_on=date(2026, 11, 20))
    now = london(2026, 11, 23, 8, 0)
    [due] = due_now([reminder], now, LONDON)
    assert due.at == london(2026, 11, 22, 10)
    finished = done(reminder, due.at)
    assert due_now([finished], now, LONDON) == []
    assert next_occurrence(finished, now, LONDON) == london(2026, 11, 23, 10)


def test_a_one_off_reminder_is_finished_after_done():
    reminder = own("Dentist at 11", "09:30", starts_on=date(2026, 11, 23), repeat="none")
    [due] = due_now([reminder], london(2026, 11, 23, 9, 45), LONDON)
    handled = done(reminder, due.at)
    assert next_occurrence(handled, london(2026, 1, 1, 0), LONDON) is None
    assert due_now([handled], london(2027, 1, 1, 0), LONDON) == []


def test_an_occurrence_done_or_passed_over_by_a_change_is_already_handled():
    reminder = own("Evening walk", "19:00", starts_on=date(2026, 11, 1))
    evening = london(2026, 11, 23, 19)
    assert not already_handled(reminder, evening)
    assert already_handled(done(reminder, evening), evening)
    assert already_handled(done(reminder, evening), london(2026, 11, 22, 19))
    assert not already_handled(done(reminder, evening), london(2026, 11, 24, 19))
    changed_later = revised(reminder, london(2026, 11, 23, 19, 30), times=("20:00",))
    assert already_handled(changed_later, evening)
    in_tokyo = evening.astimezone(TOKYO)  # the same moment, told in another zone
    assert already_handled(done(reminder, evening), in_tokyo)


def test_due_reminders_come_oldest_first():
    late, early = own("B", "11:00"), check_in_reminder("08:00")
    assert [due.reminder for due in due_now([late, early], london(2026, 11, 23, 12), LONDON)] == [early, late]


def test_a_new_reminder_does_not_ring_for_times_before_it_was_made():
    now = london(2026, 11, 23, 10)
    reminder = new_reminder(now, kind="own", text="Stretch", times=("09:00",), starts_on=date(2026, 11, 23))
    assert due_now([reminder], now, LONDON) == []
    assert next_occurrence(reminder, now, LONDON) == london(2026, 11, 24, 9)
    assert new_reminder(now).id != new_reminder(now).id


def test_changing_a_reminder_starts_it_afresh_without_a_backlog():
    reminder = own("Stretch", "12:00", starts_on=date(2026, 11, 1))
    now = london(2026, 11, 23, 10)
    moved = revised(replace(reminder, snoozed_until=snooze_ends_at("1 hour", now, LONDON)), now, times=("08:00",))
    assert (moved.id, moved.times, moved.snoozed_until) == (reminder.id, ("08:00",), None)
    assert due_now([moved], now, LONDON) == []
    assert next_occurrence(moved, now, LONDON) == london(2026, 11, 24, 8)
    with pytest.raises(Refused):
        revised(reminder, now, times=())


# --- snooze -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("choice, now, day_starts_at, expected", [
    ("10 minutes", london(2026, 11, 23, 9, 0), 0, "2026-11-23T09:10:00+00:00"),
    ("1 hour", london(2026, 3, 29, 0, 30), 0, "2026-03-29T02:30:00+01:00"),  # one real hour, across the change
    ("1 hour", london(2026, 10, 25, 1, 30), 0, "2026-10-25T01:30:00+00:00"),  # the repeated hour, second time round
    ("tomorrow morning", london(2026, 11, 23, 22, 0), 0, "2026-11-24T09:00:00+00:00"),
    ("tomorrow morning", london(2026, 3, 28, 21, 0), 0, "2026-03-29T09:00:00+01:00"),
    ("tomorrow morning", london(2026, 11, 24, 1, 0), 3, "2026-11-24T09:00:00+00:00"),  # still Monday night
    ("tomorrow morning", london(2026, 11, 24, 1, 0), 0, "2026-11-25T09:00:00+00:00"),
])
def test_snooze_choices_end_when_a_person_would_expect(choice, now, day_starts_at, expected):
    assert snooze_ends_at(choice, now, LONDON, day_starts_at=day_starts_at).isoformat() == expected


def test_a_chosen_snooze_must_still_be_to_come():
    now = london(2026, 11, 23, 9)
    assert snooze_ends_at("chosen", now, LONDON, chosen=london(2026, 11, 23, 15)) == london(2026, 11, 23, 15)
    with pytest.raises(ValueError, match="already passed"):
        snooze_ends_at("chosen", now, LONDON, chosen=london(2026, 11, 23, 8))
    with pytest.raises(ValueError, match="pick a date and time"):
        snooze_ends_at("chosen", now, LONDON)
    with pytest.raises(ValueError, match="10 minutes"):
        snooze_ends_at("next year", now, LONDON)


def test_a_snoozed_reminder_is_quiet_until_the_snooze_ends_then_rings_once():
    reminder = own("Take my tablets", "09:00", starts_on=date(2026, 11, 1))
    now = london(2026, 11, 23, 9, 5)
    [due] = due_now([reminder], now, LONDON)
    resting = replace(reminder, snoozed_until=snooze_ends_at("1 hour", now, LONDON))
    assert due_now([resting], now + timedelta(minutes=30), LONDON) == []
    assert next_occurrence(resting, now, LONDON) == london(2026, 11, 23, 10, 5)
    [again] = due_now([resting], london(2026, 11, 23, 10, 6), LONDON)
    assert again.at == london(2026, 11, 23, 10, 5)
    finished = done(resting, again.at)
    assert finished.snoozed_until is None
    assert due_now([finished], london(2026, 11, 23, 23, 0), LONDON) == []
    assert next_occurrence(finished, again.at, LONDON) == london(2026, 11, 24, 9)


def test_a_snooze_past_the_next_time_holds_it_back_and_rings_once_for_both():
    reminder = own("Take my tablets", "09:00", "13:00", starts_on=date(2026, 11, 1))
    resting = replace(reminder, snoozed_until=snooze_ends_at("chosen", london(2026, 11, 23, 9, 5), LONDON,
                                                       chosen=london(2026, 11, 23, 15)))
    assert due_now([resting], london(2026, 11, 23, 13, 30), LONDON) == []
    assert due_now([resting], london(2026, 11, 23, 15, 1), LONDON) == [Due(resting, london(2026, 11, 23, 15))]


# --- missed while closed ------------------------------------------------------------------------------------------


def test_reminders_missed_while_closed_are_shown_once_each_for_the_latest_time():
    tablets = own("Take my tablets", "09:00", "21:00", starts_on=date(2026, 11, 1))
    check_in = check_in_reminder("20:00")
    closed, opened = london(2026, 11, 20, 22), london(2026, 11, 23, 12)
    assert missed_since([tablets, check_in], closed, opened, LONDON) == [
        Due(check_in, london(2026, 11, 22, 20)), Due(tablets, london(2026, 11, 23, 9))]
    assert missed_since([tablets, check_in], opened, opened, LONDON) == []  # seen: not shown again
    assert missed_since([tablets, check_in], None, opened, LONDON) == []  # the very first run


def test_a_missed_check_in_reminder_is_left_out_for_days_that_have_a_check_in():
    reminder = check_in_reminder("20:00")
    closed, opened = london(2026, 11, 20, 22), london(2026, 11, 23, 12)
    assert missed_since([reminder], closed, opened, LONDON, {date(2026, 11, 22)}) == [
        Due(reminder, london(2026, 11, 21, 20))]
    assert missed_since([reminder], closed, opened, LONDON, {date(2026, 11, 21), date(2026, 11, 22)}) == []


def test_nothing_handled_is_missed():
    reminder = own("Take my tablets", "09:00", starts_on=date(2026, 11, 1))
    handled = done(reminder, london(2026, 11, 23, 9))
    assert missed_since([handled], london(2026, 11, 20, 22), london(2026, 11, 23, 12), LONDON) == []


# --- keeping in touch ---------------------------------------------------------------------------------------------


def plan(name, every_days, last_contact, since=london(2026, 1, 1, 12)) -> TouchPlan:
    return TouchPlan(name.lower(), name, every_days, last_contact, since)


def test_keeping_in_touch_falls_due_every_n_days_after_the_last_contact_or_the_plan_start():
    assert touch_due_at(plan("Sam", 7, london(2026, 11, 16, 18))) == london(2026, 11, 23, 18)
    assert touch_due_at(plan("Ana", 14, None, since=london(2026, 11, 1, 9))) == london(2026, 11, 15, 9)


def test_the_losing_touch_list_shows_who_is_due_most_overdue_first():
    now = london(2026, 11, 23, 9)
    sam = plan("Sam", 7, london(2026, 11, 16, 18))  # due tonight: due all day
    ana = plan("Ana", 14, None, since=london(2026, 11, 1, 9))  # 8 days overdue
    kim = plan("Kim", 30, london(2026, 10, 20, 12))  # 4 days overdue
    lee = plan("Lee", 7, london(2026, 11, 20, 12))  # not yet
    assert overdue([sam, ana, kim, lee], now, {}) == [
        Overdue(ana, london(2026, 11, 15, 9), 8), Overdue(kim, london(2026, 11, 19, 12), 4),
        Overdue(sam, london(2026, 11, 23, 18), 0)]


def test_logging_a_contact_or_snoozing_takes_someone_off_the_list():
    now = london(2026, 11, 23, 9)
    sam = plan("Sam", 7, london(2026, 11, 10, 18))
    assert [entry.plan for entry in overdue([sam], now, {})] == [sam]
    assert overdue([plan("Sam", 7, london(2026, 11, 22, 18))], now, {}) == []
    assert overdue([sam], now, {"sam": london(2026, 11, 24, 9)}) == []
    assert [entry.plan for entry in overdue([sam], now, {"sam": london(2026, 11, 23, 8)})] == [sam]


def test_a_night_owl_is_not_told_someone_is_due_before_their_day_has_turned():
    ana = plan("Ana", 7, london(2026, 11, 16, 12))
    night = london(2026, 11, 23, 2)
    assert overdue([ana], night, {}, day_starts_at=3) == []
    assert overdue([ana], night, {}, day_starts_at=0) == [Overdue(ana, london(2026, 11, 23, 12), 0)]


# --- validation and documents -------------------------------------------------------------------------------------


def test_a_plain_check_in_reminder_and_a_plain_own_reminder_are_fine():
    assert reminder_problems(Reminder(id="x")) == {}
    assert reminder_problems(own()) == {}


@pytest.mark.parametrize("fields, message", [
    ({"times": ()}, "Please choose at least one time of day."),
    ({"times": ("9.30",)}, "Please write times as hours:minutes, for example 09:30 or 21:00; “9.30” isn't one."),
    ({"times": ("24:00",)}, "Please write times as hours:minutes, for example 09:30 or 21:00; “24:00” isn't one."),
    ({"repeat": "weekdays", "weekdays": frozenset()}, "Please choose at least one day of the week."),
    ({"repeat": "weekdays", "weekdays": frozenset({7})}, "Please choose at least one day of the week."),
    ({"repeat": "every_n_days", "every_days": 0}, "Please choose how many days apart, from 1 to 365."),
    ({"repeat": "fortnightly"}, "Please choose how often it repeats: once, every day, on chosen days, weekly, "
                                "or every few days."),
    ({"kind": "own"}, "Please write what you'd like to be reminded of."),
    ({"repeat": "weekly"}, "Please choose the date of the first reminder."),
    ({"kind": "alarm"}, "Please choose what the reminder is for: checking in, or something of your own."),
])
def test_a_reminder_that_cannot_work_is_refused_with_a_kind_message(fields, message):
    found = reminder_problems(Reminder(id="x", **{"text": "", **fields}))
    assert message in found.values()


def test_a_long_text_is_refused_with_its_length_never_shortened():
    found = reminder_problems(own("a" * 214))
    assert found == {
        "text": "A reminder can be up to 200 characters; this one has 214. Nothing was saved — please shorten it."}
    assert reminder_problems(own("a" * TEXT_LIMIT)) == {}
    with pytest.raises(Refused) as refused:
        new_reminder(london(2026, 11, 23, 9), kind="own", text="   ", times=("7:5",))
    assert refused.value.problems == {
        "text": "Please write what you'd like to be reminded of.",
        "times": "Please write times as hours:minutes, for example 09:30 or 21:00; “7:5” isn't one.",
        "starts_on": "Please choose the date of the first reminder."}


# --- properties ---------------------------------------------------------------------------------------------------

ZONES = [LONDON, NEW_YORK, TOKYO, ZoneInfo("Australia/Sydney"), ZoneInfo("Australia/Lord_Howe"),
         ZoneInfo("Asia/Kathmandu"), ZoneInfo("America/Sao_Paulo"), timezone.utc]
zones = st.sampled_from(ZONES)
clock_texts = st.one_of(st.sampled_from(["00:00", "01:00", "01:30", "02:00", "02:30", "03:00", "23:59"]),
                        st.builds("{:02d}:{:02d}".format, st.integers(0, 23), st.integers(0, 59)))
moments = st.datetimes(datetime(2020, 1, 1), datetime(2030, 12, 31), timezones=zones)
days = st.dates(date(2020, 1, 1), date(2030, 12, 31))
schedules = st.builds(
    lambda times, weekdays, dsa: (Reminder(id="p", times=tuple(times), weekdays=weekdays, repeat="weekdays"), dsa),
    st.lists(clock_texts, min_size=1, max_size=4), st.frozensets(st.integers(0, 6), min_size=1), st.integers(0, 4))
any_reminders = st.builds(
    lambda kind, times, repeat, weekdays, every, start: Reminder(
        id="r", kind=kind, text="Tea", times=tuple(times), repeat=repeat, weekdays=weekdays, every_days=every,
        starts_on=start),
    st.sampled_from(["check_in", "own"]), st.lists(clock_texts, min_size=1, max_size=3),
    st.sampled_from(["none", "daily", "weekdays", "weekly", "every_n_days"]),
    st.frozensets(st.integers(0, 6), min_size=1), st.integers(1, 40), days)


def candidates(reminder, first_day, last_day, zone, day_starts_at):
    """Every moment the schedule names between two days, built directly from the chosen days and times."""
    found = []
    day = first_day
    while day <= last_day:
        if day.weekday() in reminder.weekdays:
            for text in reminder.times:
                clock = time.fromisoformat(text)
                calendar_day = day + timedelta(days=1) if clock.hour < day_starts_at else day
                found.append(wall_clock_moment(calendar_day, clock, zone))
        day += timedelta(days=1)
    return found


@given(schedules, moments, zones)
def test_the_next_occurrence_is_the_first_chosen_time_on_a_chosen_day_after(schedule, after, zone):
    reminder, day_starts_at = schedule
    found = next_occurrence(reminder, after, zone, day_starts_at)
    assert found > after
    local = found.astimezone(zone)
    lands = [text for text in reminder.times
             if local.time() == time.fromisoformat(text)  # on the clock as chosen...
             or wall_clock_moment(local.date(), time.fromisoformat(text), zone) == found]  # ...or just after a gap
    assert lands
    assert any((local.date() - timedelta(days=time.fromisoformat(text).hour < day_starts_at)).weekday()
               in reminder.weekdays for text in lands)
    around = candidates(reminder, after.astimezone(zone).date() - timedelta(days=2), local.date(), zone,
                        day_starts_at)
    assert not [moment for moment in around if after < moment < found]


@given(any_reminders, moments, st.integers(0, 4), st.integers(0, 3 * 24 * 60), zones)
def test_done_never_makes_the_same_occurrence_due_again(reminder, after, day_starts_at, minutes_later, zone):
    assume(not reminder_problems(reminder))
    occurrence = next_occurrence(reminder, after, zone, day_starts_at)
    assume(occurrence is not None)
    handled = done(reminder, occurrence)
    later = occurrence + timedelta(minutes=minutes_later)
    assert occurrence not in [due.at for due in due_now([handled], later, zone, (), day_starts_at)]
    assert occurrence not in [due.at for due in missed_since([handled], after, later, zone, (), day_starts_at)]
    following = next_occurrence(handled, after, zone, day_starts_at)
    assert following is None or following > occurrence


@given(any_reminders, moments, st.integers(0, 4), zones)
def test_what_is_due_is_a_real_occurrence_that_has_already_happened(reminder, now, day_starts_at, zone):
    assume(not reminder_problems(reminder))
    for due in due_now([reminder], now, zone, (), day_starts_at):
        assert due.at <= now
        assert next_occurrence(reminder, due.at - timedelta(seconds=1), zone, day_starts_at) == due.at


@given(st.sampled_from(["10 minutes", "1 hour", "tomorrow morning"]), moments, zones, st.integers(0, 4))
def test_a_snooze_always_ends_later_and_tomorrow_morning_is_nine_on_the_next_day(choice, now, zone, day_starts_at):
    ends = snooze_ends_at(choice, now, zone, day_starts_at=day_starts_at)
    assert ends > now
    if choice == "tomorrow morning":
        local = ends.astimezone(zone)
        assert (local.hour, local.minute) == (9, 0)
        assert local.date() == day_of(now.astimezone(zone), day_starts_at) + timedelta(days=1)


stored_moments = st.one_of(st.none(), moments.map(with_fixed_offset))  # what done, snooze and new_reminder keep


@given(any_reminders, stored_moments, stored_moments, st.booleans())
def test_a_document_round_trip_is_exact_even_through_json(reminder, snooze, handled, always):
    reminder = replace(reminder, snoozed_until=snooze, handled_until=handled, always=always)
    back = reminder_from_document(json.loads(json.dumps(document_from_reminder(reminder))))
    assert back == reminder
    assert [moment and moment.utcoffset() for moment in (back.snoozed_until, back.handled_until)] == [
        moment and moment.utcoffset() for moment in (snooze, handled)]


@given(st.lists(st.tuples(st.integers(1, 60), st.one_of(st.none(), moments)), max_size=8), moments,
       st.sets(st.integers(0, 7)))
def test_the_losing_touch_list_is_ordered_and_leaves_out_the_snoozed(entries, now, snoozed_people):
    plans = [TouchPlan(str(n), f"Friend {n}", every, last, datetime(2019, 6, 1, tzinfo=timezone.utc))
             for n, (every, last) in enumerate(entries)]
    snoozes = {str(n): now.astimezone(timezone.utc) + HOUR for n in snoozed_people}
    listed = overdue(plans, now, snoozes)
    assert [entry.days_overdue for entry in listed] == sorted((entry.days_overdue for entry in listed), reverse=True)
    assert all(entry.plan.person_id not in snoozes and entry.days_overdue >= 0 for entry in listed)
    assert {entry.plan.person_id for entry in listed} == {
        p.person_id for p in plans if p.person_id not in snoozes and day_of(touch_due_at(p), 0) <= day_of(now, 0)}

