"""Groups and places beside people: their checks and messages, reading a meeting time, old files read unchanged,
the maps link, a group's weekly meeting as a reminder that comes due (fixed dates), and export and import."""

import json
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st
from storage_fixtures import NOW, record, store  # noqa: F401 - fixture

from storage.errors import Refused
from storage.people.gatherings import PersonKind, maps_link, meeting_time
from storage.people.meetings import (
    delete_person,
    group_id_of,
    meeting_reminder_id,
    meeting_schedule,
    save_person,
)
from storage.people.model import (
    document_from_person,
    new_person,
    person_from_document,
    person_problems,
    revised_person,
)
from storage.people.repository import PeopleRepository
from storage.reminders.actions import mark_done
from storage.reminders.repository import ReminderRepository
from storage.reminders.rules import due_now
from storage.your_data.exchange import ImportProblem, export_text, import_tend_export

UTC = timezone.utc
MONDAY = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)  # NOW's day, a Monday
TUESDAY = 1


def group(**fields):
    return new_person(MONDAY, **{"name": "Tuesday peer group", "kind": PersonKind.GROUP, "meets_on": TUESDAY,
                                 "meets_at": "19:00", "remind_meeting": True, **fields})


# Reading a meeting time -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("typed, read", [
    ("19:00", "19:00"), ("7:30", "07:30"), ("19.15", "19:15"), ("19h30", "19:30"), (" 9 ", "09:00"),
    ("7pm", "19:00"), ("7 PM", "19:00"), ("7.30 p.m.", "19:30"), ("12am", "00:00"), ("12 pm", "12:00"),
    ("0:05", "00:05"),
])
def test_a_meeting_time_is_read_as_people_write_it(typed, read):
    assert meeting_time(typed) == read


@pytest.mark.parametrize("typed", ["", "24:00", "19:60", "13pm", "0am", "seven", "19:0", "19:000", "1900", "-1",
                                   "7pm tomorrow", None, 19])
def test_what_names_no_time_of_day_is_not_read_as_one(typed):
    assert meeting_time(typed) is None


@given(st.integers(0, 23), st.integers(0, 59), st.sampled_from(["{h}:{m:02d}", "{h:02d}:{m:02d}", "{h}.{m:02d}",
                                                                 "{h}h{m:02d}", " {h} : {m:02d} "]))
def test_any_24_hour_time_reads_back_as_itself(hour, minute, form):
    assert meeting_time(form.format(h=hour, m=minute)) == f"{hour:02d}:{minute:02d}"


@given(st.integers(0, 23), st.integers(0, 59), st.sampled_from(["{h}:{m:02d}{x}m", "{h}:{m:02d} {x}m",
                                                                 "{h}.{m:02d} {x}.m.", "{h}:{m:02d}{X}M"]))
def test_any_12_hour_time_reads_as_the_same_moment_of_the_day(hour, minute, form):
    half = "p" if hour >= 12 else "a"
    typed = form.format(h=hour % 12 or 12, m=minute, x=half, X=half.upper())
    assert meeting_time(typed) == f"{hour:02d}:{minute:02d}"


@given(st.text(max_size=30))
def test_any_text_is_read_as_a_valid_time_or_not_at_all(text):
    read = meeting_time(text)
    assert read is None or (len(read) == 5 and 0 <= int(read[:2]) <= 23 and 0 <= int(read[3:]) <= 59)


# Checks and messages --------------------------------------------------------------------------------------------

def test_a_group_or_place_without_a_name_is_asked_for_one_in_words_that_fit():
    assert "give the group a name" in person_problems("", kind="group")["name"]
    assert "give the place a name" in person_problems(" ", kind="place")["name"]
    with pytest.raises(Refused) as refused:
        new_person(MONDAY, name="", kind=PersonKind.PLACE, address="1 High Street")
    assert "Riverside library" in refused.value.problems["name"]


@pytest.mark.parametrize("fields, field, words", [
    ({"meets_at": "quarter past seven"}, "meets_at", "hours:minutes"),
    ({"meets_at": "25:00"}, "meets_at", "hours:minutes"),
    ({"meets_on": 7}, "meets_on", "day of the week"),
    ({"meets_on": None}, "meets_on", "as well as the time"),
    ({"meets_at": ""}, "meets_at", "as well as the day"),
    ({"meets_on": None, "meets_at": ""}, "meets_at", "To be reminded"),
    ({"kind": PersonKind.PLACE}, "meets_at", "Only a group"),
    ({"kind": "club"}, "kind", "person, a group or a place"),
    ({"join_link": "meet.example.org/tuesday"}, "join_link", "https://"),
    ({"join_link": "javascript:alert(1)"}, "join_link", "https://"),
    ({"join_link": "https://meet.example.org/a b"}, "join_link", "no spaces"),
    ({"address": "x" * 301}, "address", "300 characters"),
    ({"remind_meeting": "yes"}, "remind_meeting", "on or off"),
])
def test_a_group_that_cant_be_kept_gets_a_clear_message_and_nothing_is_saved(store, fields, field, words):
    with pytest.raises(Refused) as refused:
        group(**fields)
    assert words in refused.value.problems[field]
    assert PeopleRepository(store).people() == [] and ReminderRepository(store).all() == []


def test_a_meeting_time_is_kept_as_hours_and_minutes_and_text_is_trimmed():
    kept = group(meets_at="7.30pm", address="  Riverside library, 1 High Street ", join_link=" https://x.org/j ")
    assert (kept.meets_at, kept.address, kept.join_link, kept.kind) == (
        "19:30", "Riverside library, 1 High Street", "https://x.org/j", PersonKind.GROUP)


def test_a_person_from_an_old_file_reads_unchanged_and_is_kept_as_before():
    old = {"id": "p1", "name": "Sam", "phones": ["07700 900123"], "email": "", "supports": ["emotional"],
           "helps_with": "", "note": "", "preferred": None, "stay_in_touch_days": None,
           "created": "2026-11-20T10:00:00+00:00", "updated": "2026-11-20T10:00:00+00:00"}
    sam = person_from_document(old)
    assert sam.kind == PersonKind.PERSON and sam.meets_on is None and sam.address == ""
    assert document_from_person(sam) == old
    assert person_problems(**{k: v for k, v in old.items() if k not in ("id", "created", "updated")}) == {}


def test_a_group_and_a_place_are_kept_whole():
    for kept in (group(address="1 High Street", join_link="https://meet.example.org/tuesday"),
                 new_person(MONDAY, name="Riverside library", kind=PersonKind.PLACE, address="1 High Street")):
        assert person_from_document(json.loads(json.dumps(document_from_person(kept)))) == kept


def test_a_group_turned_into_a_place_leaves_its_meeting_behind_only_when_asked():
    with pytest.raises(Refused):
        revised_person(group(), MONDAY, kind=PersonKind.PLACE)
    place = revised_person(group(), MONDAY, kind=PersonKind.PLACE, meets_on=None, meets_at="", remind_meeting=False)
    assert place.kind == PersonKind.PLACE and place.meets_on is None


def test_an_address_opens_in_the_maps_app_on_android_and_a_maps_page_elsewhere():
    address = "Riverside Library, 1 High St & Co\nLeeds"
    assert maps_link(address, android=True) == "geo:0,0?q=Riverside%20Library%2C%201%20High%20St%20%26%20Co%20Leeds"
    assert maps_link(address, android=False) == (
        "https://www.openstreetmap.org/search?query=Riverside%20Library%2C%201%20High%20St%20%26%20Co%20Leeds")


# The weekly meeting as a reminder -------------------------------------------------------------------------------

def test_a_meeting_is_reminded_an_hour_before_on_the_persons_own_day():
    assert meeting_schedule(group()).times == ("18:00",) and meeting_schedule(group()).weekday == TUESDAY
    early = group(meets_at="00:30")  # Tuesday 00:30: rings Monday 23:30
    assert (meeting_schedule(early).times, meeting_schedule(early).weekday) == (("23:30",), 0)
    night = group(meets_at="03:30")  # rings Tuesday 02:30, which belongs to Monday when days start at 03:00
    assert meeting_schedule(night, day_starts_at=3).weekday == 0
    assert meeting_schedule(group(remind_meeting=False)) is None
    assert meeting_schedule(group(meets_on=None, meets_at="", remind_meeting=False)) is None


def test_a_groups_meeting_comes_due_each_week_and_done_waits_for_the_next(store):
    tuesday_group = group()
    save_person(store, tuesday_group, None, MONDAY)
    reminders = ReminderRepository(store)
    [reminder] = reminders.all()
    assert group_id_of(reminder) == tuesday_group.id and reminder.text == "Tuesday peer group meets at 19:00"

    def due_at(moment):
        return [(group_id_of(d.reminder), d.at) for d in due_now(reminders.all(), moment, UTC)]

    assert due_at(datetime(2026, 11, 24, 17, 59, tzinfo=UTC)) == []
    rang = datetime(2026, 11, 24, 18, 0, tzinfo=UTC)
    assert due_at(datetime(2026, 11, 24, 21, 0, tzinfo=UTC)) == [(tuesday_group.id, rang)]  # waits until done
    mark_done(store, reminder.id, rang, datetime(2026, 11, 24, 21, 0, tzinfo=UTC))
    assert due_at(datetime(2026, 11, 30, 12, 0, tzinfo=UTC)) == []
    assert due_at(datetime(2026, 12, 1, 18, 5, tzinfo=UTC)) == [(tuesday_group.id, rang + timedelta(days=7))]


def test_saving_a_group_keeps_its_reminder_in_step(store):
    first = group()
    save_person(store, first, None, MONDAY)
    reminders = ReminderRepository(store)
    reminder_id = meeting_reminder_id(first.id)
    done = mark_done(store, reminder_id, datetime(2026, 11, 24, 18, 0, tzinfo=UTC), MONDAY)
    renamed = revised_person(first, MONDAY, note="Bring a mug")
    save_person(store, renamed, first, MONDAY)
    assert reminders.get(reminder_id).handled_until == done.handled_until  # unchanged schedule: what was done stays
    moved = revised_person(renamed, MONDAY, meets_on=3, meets_at="18:30")
    save_person(store, moved, renamed, MONDAY)
    assert (reminders.get(reminder_id).times, reminders.get(reminder_id).starts_on.weekday()) == (("17:30",), 3)
    quiet = revised_person(moved, MONDAY, remind_meeting=False)
    save_person(store, quiet, moved, MONDAY)
    assert reminders.all() == []


def test_deleting_a_group_stops_its_reminder_and_undo_brings_both_back(store):
    tuesday_group = group()
    save_person(store, tuesday_group, None, MONDAY)
    assert delete_person(store, tuesday_group)
    assert ReminderRepository(store).all() == [] and PeopleRepository(store).people() == []
    save_person(store, tuesday_group, None, MONDAY)
    assert [group_id_of(r) for r in ReminderRepository(store).all()] == [tuesday_group.id]


def test_a_place_or_a_person_has_no_meeting_reminder(store):
    save_person(store, new_person(MONDAY, name="Riverside library", kind=PersonKind.PLACE), None, MONDAY)
    save_person(store, new_person(MONDAY, name="Sam"), None, MONDAY)
    assert ReminderRepository(store).all() == []


# Export and import ----------------------------------------------------------------------------------------------

def test_groups_places_and_meeting_reminders_go_out_and_come_back_whole(store, tmp_path):
    from storage.store.persistence import Store

    save_person(store, group(address="1 High Street", join_link="https://meet.example.org/t"), None, MONDAY)
    save_person(store, new_person(MONDAY, name="Riverside library", kind=PersonKind.PLACE), None, MONDAY)
    text = export_text(store, NOW)
    copy = Store.open(tmp_path / "copy", NOW)
    import_tend_export(copy, text, NOW)
    assert PeopleRepository(copy).people() == PeopleRepository(store).people()
    assert ReminderRepository(copy).all() == ReminderRepository(store).all()
    copy.close()


@pytest.mark.parametrize("fields, field", [
    ({"kind": "club"}, "kind"),
    ({"kind": "group", "meets_on": 1, "meets_at": "half seven"}, "meets_at"),
    ({"kind": "place", "join_link": "ftp://x"}, "join_link"),
    ({"kind": "place", "meets_on": 2, "meets_at": "10:00"}, "meets_at"),
])
def test_a_bad_group_or_place_is_refused_by_an_import_naming_the_field(store, fields, field):
    text = json.dumps({"format": "tend-export", "version": 1, "exported": "2026-11-23T09:00:00+00:00",
                       "files": {"people": [record(name="Group", **fields)]}})
    with pytest.raises(ImportProblem) as refused:
        import_tend_export(store, text, NOW)
    assert f"field '{field}'" in refused.value.message
    assert store.documents("people") == []


def test_going_finishes_the_meeting_reminder_that_is_ringing_and_nothing_else(store):
    from storage.people.meetings import went_to_meeting

    tuesday_group = group()
    save_person(store, tuesday_group, None, MONDAY)
    assert went_to_meeting(store, tuesday_group.id, datetime(2026, 11, 24, 12, 0, tzinfo=UTC), UTC) is None  # not yet
    evening = datetime(2026, 11, 24, 18, 30, tzinfo=UTC)
    finished = went_to_meeting(store, tuesday_group.id, evening, UTC)
    assert finished.handled_until == datetime(2026, 11, 24, 18, 0, tzinfo=UTC)
    assert due_now(ReminderRepository(store).all(), evening, UTC) == []
    assert went_to_meeting(store, "someone-else", evening, UTC) is None
