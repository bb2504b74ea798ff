"""The plain helpers that live in views/ (words shown to the person, parsing what they type, which screen a route
is, which clock and zone Tend runs on), checked directly with plain values instead of through a browser."""

import colorsys
import platform
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import flet as ft
import pytest

from storage.app_lock import PinTry
from storage.checkins.model import Mood, new_check_in
from storage.checkins.trends import ReachingOut
from storage.people.model import REACHABLE_BY, Way, new_person
from storage.reminders.keep_in_touch import Overdue, TouchPlan
from storage.reminders.model import ReminderKind, new_reminder
from storage.reminders.rules import Due, due_now, snooze_ends_at
from storage.settings import Settings
from storage.store.backups import BackupInfo
from views import app, navigation
from views.checkins import editor as checkin_editor
from views.checkins import tile as checkin_tile
from views.device import clock, launch, phone_notifications
from views.history import mood_chart
from views.history import screen as history
from views.kit import labelled, moods
from views.lock import screen as lock_screen
from views.people import card as person_card
from views.people import contacts_import, reaching_out
from views.people import editor as person_editor
from views.reminders import due as reminding
from views.reminders import due_items
from views.reminders import form as reminder_form
from views.settings import backups

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 11, 23, 8, 30, tzinfo=LONDON)  # a Monday


# --- navigation: which place a route belongs to -------------------------------------------------------------------

@pytest.mark.parametrize("route, place", [
    ("/", "Today"), ("/people", "People"), ("/reminders", "Reminders"), ("/history", "History"),
    ("/settings", "Settings"), ("/history/2026-11-03", "History"), ("/people/abc/edit", "People"),
])
def test_every_route_lights_up_its_own_place_in_the_navigation(route, place):
    assert navigation.PLACES[navigation.place_index(route)].label == place


@pytest.mark.parametrize("route", ["/nowhere", "/peoplex", "", "/safety-plan"])
def test_a_route_outside_the_five_places_falls_back_to_today(route):
    assert navigation.place_index(route) == 0


# --- clock: the zone and the one clock ----------------------------------------------------------------------------

def test_the_zone_comes_from_tz_first(tmp_path):
    assert clock.local_zone({"TZ": ":Europe/Paris"}, tmp_path / "no-localtime") == ZoneInfo("Europe/Paris")


def test_without_tz_the_zone_comes_from_the_systems_localtime_link(tmp_path):
    link = tmp_path / "localtime"
    link.symlink_to("/usr/share/zoneinfo/Asia/Tokyo")
    assert clock.local_zone({"TZ": "Not/AZone"}, link) == ZoneInfo("Asia/Tokyo")


def test_with_no_named_zone_at_all_todays_offset_is_used(tmp_path):
    zone = clock.local_zone({}, tmp_path / "no-localtime")
    assert zone.utcoffset(datetime.now()) == datetime.now().astimezone().utcoffset()


def test_the_clock_is_the_systems_in_the_given_zone_without_a_clock_file():
    read = clock.clock_for(LONDON, {})
    moment = read()
    assert moment.tzinfo is LONDON
    assert abs(moment - datetime.now(timezone.utc)) < timedelta(seconds=5)


def test_a_clock_file_sets_the_moment_and_is_read_again_at_every_call(tmp_path):
    path = tmp_path / "now.txt"
    path.write_text("2026-11-23T09:00:00+00:00\n")
    read = clock.clock_for(LONDON, {clock.CLOCK_FILE_VARIABLE: str(path)})
    assert read() == datetime(2026, 11, 23, 9, 0, tzinfo=LONDON)
    path.write_text("2026-11-24T07:30:00+00:00")
    assert read() == datetime(2026, 11, 24, 7, 30, tzinfo=LONDON)
    assert read().tzinfo is LONDON


# --- reminder form: reading what was typed, and the words for each reminder's row ---------------------------------

@pytest.mark.parametrize("typed, times", [
    ("09:00, 20:30", ("09:00", "20:30")),
    (" 09:00 ;; , 20:30 ", ("09:00", "20:30")),
    ("9, 8pm", ("09:00", "20:00")),  # as people write them
    ("later", ("later",)),  # kept as typed: the reminder rules say what is wrong with it
    ("", ()),
    (" , ", ()),
])
def test_times_are_split_on_commas_or_semicolons_and_trimmed(typed, times):
    assert reminder_form.times_from_text(typed) == times


@pytest.mark.parametrize("typed, day", [
    ("2026-11-23", date(2026, 11, 23)), (" 2026-11-23 ", date(2026, 11, 23)),
    ("23/11/2026", date(2026, 11, 23)), ("", None), ("2026-02-30", None), ("soon", None),
])
def test_a_date_is_read_as_people_write_it_or_not_at_all(typed, day):
    assert reminder_form.day_from_text(typed) == day


@pytest.mark.parametrize("fields, words", [
    (dict(kind=ReminderKind.CHECK_IN, times=("09:00", "20:30")), "09:00 and 20:30, every day"),
    (dict(kind=ReminderKind.CHECK_IN, repeat="weekdays", weekdays=frozenset({4, 0, 2})), "09:00, Mon, Wed, Fri"),
    (dict(kind=ReminderKind.CHECK_IN, repeat="weekdays", weekdays=frozenset(range(7))), "09:00, every day"),
    (dict(kind="own", text="Tablets", times=("20:00",), repeat="none", starts_on=date(2026, 11, 23)),
     "20:00, on Monday 23 November"),
    (dict(kind="own", text="Call Mum", repeat="weekly", starts_on=date(2026, 11, 26)), "09:00, every Thursday"),
    (dict(kind="own", text="Bins", repeat="every_n_days", every_days=3, starts_on=date(2026, 11, 23)),
     "09:00, every 3 days from 23 November"),
    (dict(kind="own", text="Dentist", repeat="none", starts_on=date(2027, 1, 4)), "09:00, on Monday 4 January 2027"),
    (dict(kind="own", text="Bins", repeat="every_n_days", every_days=3, starts_on=date(2025, 12, 30)),
     "09:00, every 3 days from 30 December 2025"),
])
def test_each_reminder_is_described_by_its_times_and_days_with_the_year_when_not_this_years(fields, words):
    assert reminder_form.schedule_words(new_reminder(NOW, **fields), NOW.date()) == words


# --- person form: the "stay in touch every … days" field ----------------------------------------------------------

@pytest.mark.parametrize("typed, days", [
    ("", None), ("   ", None), ("3", 3), (" 14 ", 14), ("٣", 3),
    ("three", "three"), ("-2", "-2"), ("2.5", "2.5"),
    ("²", "²"),  # a digit to str.isdigit, but not a number int() reads: handed on as text for the rules to refuse
])
def test_days_are_a_whole_number_nothing_or_the_text_itself_for_the_rules_to_refuse(typed, days):
    assert person_editor.days_from_text(typed) == days


# --- moods: each drawn with its own icon and a calm colour --------------------------------------------------------

def test_every_mood_has_its_own_icon_and_its_own_colour():
    assert set(moods.MOOD_ICONS) == set(Mood) == set(moods.MOOD_COLORS)
    assert len(set(moods.MOOD_ICONS.values())) == len(Mood)
    assert len(set(moods.MOOD_COLORS.values())) == len(Mood)


@pytest.mark.parametrize("mood", list(Mood))
def test_no_mood_is_drawn_in_alarm_red(mood):
    colour = moods.MOOD_COLORS[mood].lstrip("#")
    red, green, blue = (int(colour[at:at + 2], 16) / 255 for at in (0, 2, 4))
    hue, _, saturation = colorsys.rgb_to_hls(red, green, blue)
    assert not (saturation > 0.3 and (hue < 30 / 360 or hue > 330 / 360)), f"{mood.name} looks like an alarm"


@pytest.mark.parametrize("mood", list(Mood))
def test_a_mood_badge_shows_that_moods_icon_on_its_colour(mood):
    badge = moods.mood_badge(mood)
    assert badge.bgcolor == moods.MOOD_COLORS[mood]
    assert badge.content.icon == moods.MOOD_ICONS[mood]


# --- labelled: the names a screen reader says ---------------------------------------------------------------------

def test_a_button_said_as_something_longer_shows_the_short_word_and_is_spoken_as_the_long_one():
    button = labelled.said_as(ft.TextButton, "Call", "Call Sam", on_click=lambda: None)
    assert isinstance(button, ft.MergeSemantics)
    words = button.content.content
    assert (words.label, words.exclude_semantics, words.content.value) == ("Call Sam", True, "Call")


def test_a_chip_said_as_something_longer_takes_the_words_as_its_label():
    chip = labelled.said_as(ft.Chip, "Calm", "Emotion: calm", on_click=lambda: None)
    assert chip.content.label.label == "Emotion: calm"


def test_an_icon_action_is_spoken_by_its_name_and_calls_back_without_the_event():
    calls = []
    action = labelled.icon_action(ft.Icons.DELETE, "Delete Sam", lambda: calls.append("deleted"))
    assert action.content.label == "Delete Sam"
    action.content.content.on_click(SimpleNamespace())
    assert calls == ["deleted"]


def test_a_drawn_button_is_spoken_as_exactly_its_name_and_its_drawing_is_left_out():
    drawing = ft.Text("☺ Good")
    button = labelled.spoken_button("Log mood: Good", ft.Container(drawing, on_click=lambda _: None), selected=True)
    spoken = button.content
    assert (spoken.label, spoken.button, spoken.selected) == ("Log mood: Good", True, True)
    hidden = spoken.content.content
    assert hidden.exclude_semantics and hidden.content is drawing


def test_a_labelled_group_is_named_by_its_title_and_shows_a_problem_only_when_there_is_one():
    fine = labelled.labelled_group("Energy, 1 to 5", ft.Text("segments"))
    assert fine.controls[1].label == "Energy, 1 to 5"
    assert len(fine.controls) == 2
    wrong = labelled.labelled_group("Energy, 1 to 5", ft.Text("segments"), error="Please pick 1 to 5.")
    assert wrong.controls[-1].value == "Please pick 1 to 5."


# --- check-in form: a scale is optional -------------------------------------------------------------------------

def test_a_scale_shows_its_value_and_tapping_the_chosen_one_again_clears_it():
    picked = []
    group = checkin_editor.scale_picker("Energy", 3, picked.append, None)
    segments = group.controls[1].content
    assert group.controls[1].label == "Energy, 1 to 5"
    assert segments.selected == ["3"]
    segments.on_change(SimpleNamespace(control=SimpleNamespace(selected=["5"])))
    segments.on_change(SimpleNamespace(control=SimpleNamespace(selected=[])))
    assert picked == [5, None]


# --- launch: when to fall back to the browser ---------------------------------------------------------------------

@pytest.fixture
def desktop(monkeypatch):
    """A Linux desktop with a display, outside any packaged app, whose Flet client is already there."""
    for name in ("FLET_PLATFORM", "FLET_APP_STORAGE_DATA", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.setattr(platform, "system", lambda: "Linux")
    import flet_desktop
    monkeypatch.setattr(flet_desktop, "ensure_client_cached", lambda: None)
    return monkeypatch


def test_a_desktop_with_a_display_and_flets_client_gets_a_window(desktop):
    assert launch.desktop_window_problem() is None


def test_linux_without_a_display_says_so(desktop):
    desktop.delenv("DISPLAY")
    assert launch.desktop_window_problem() == "There is no desktop display here."


def test_a_failed_download_of_flets_client_says_what_went_wrong_in_one_sentence(desktop):
    import flet_desktop

    def offline():
        raise OSError("Temporary failure in name resolution")

    desktop.setattr(flet_desktop, "ensure_client_cached", offline)
    assert launch.desktop_window_problem() == "Tend could not get its desktop window (OSError)."


@pytest.mark.parametrize("variable, value", [("FLET_PLATFORM", "android"), ("FLET_APP_STORAGE_DATA", "/data/tend")])
def test_a_packaged_app_is_its_own_window(desktop, variable, value):
    desktop.delenv("DISPLAY")
    desktop.setenv(variable, value)
    assert launch.desktop_window_problem() is None


# --- backups: their names and sizes in words ----------------------------------------------------------------------

@pytest.mark.parametrize("size, words", [
    (0, "0 bytes"), (1023, "1023 bytes"), (1024, "1 KB"), (1025, "2 KB"), (1024 * 1024 - 1, "1024 KB"),
    (1024 * 1024, "1.0 MB"), (int(5.55 * 1024 * 1024), "5.5 MB"),
])
def test_sizes_are_said_in_bytes_kilobytes_or_megabytes(size, words):
    assert backups.size_in_words(size) == words


def test_a_backup_is_described_by_its_day_and_size_and_whether_it_was_kept_before_a_restore():
    daily = BackupInfo(Path("tend-2026-11-03.zip"), date(2026, 11, 3), 14 * 1024)
    kept = BackupInfo(Path("tend-2026-11-03-before-restore-101500.zip"), date(2026, 11, 3), 2048, before_restore=True)
    assert backups.described(daily) == "3 November 2026 · 14 KB"
    assert backups.described(kept) == "3 November 2026 · 2 KB · before a restore"


# --- check-in tiles, history and the chart: the words under each ------------------------------------------------

def test_a_check_ins_summary_names_each_detail_given_and_shortens_a_long_note():
    full = new_check_in(Mood.LOW, NOW, energy=3, sleep=4, tags=("tired", "calm"), note="Long day")
    assert checkin_tile.check_in_summary(full) == "energy 3 · sleep 4 · tired, calm · Long day"
    long_note = new_check_in(Mood.OKAY, NOW, anxiety=2, note="x" * 100)
    assert checkin_tile.check_in_summary(long_note) == "anxiety 2 · " + "x" * 80 + "…"
    assert checkin_tile.check_in_summary(new_check_in(Mood.GOOD, NOW)) == ""


@pytest.mark.parametrize("year, month, by, shifted", [
    (2026, 11, 1, (2026, 12)), (2026, 12, 1, (2027, 1)), (2026, 1, -1, (2025, 12)), (2026, 11, -23, (2024, 12)),
    (2026, 11, 0, (2026, 11)),
])
def test_months_shift_across_years(year, month, by, shifted):
    assert history.shifted_month(year, month, by) == shifted


@pytest.mark.parametrize("days, words", [
    (None, "No low days in the last 90 days."), (0, "Today is a low day. Be gentle with yourself."),
    (1, "Yesterday was a low day."), (12, "12 days since a low day."),
])
def test_days_since_a_low_day_in_words(days, words):
    assert history.low_day_words(days) == words


def test_what_helps_is_worded_as_an_observation_not_advice():
    words = history.what_helps_words(ReachingOut(days_with=6, average_with=3.84, days_without=9, average_without=2.5))
    assert words.startswith("On the 6 days you reached out to someone, your mood averaged 3.8 out of 5. "
                            "On the 9 other days you checked in, it averaged 2.5.")
    assert "not a rule" in words
    assert not any(advice in words.lower() for advice in ("should", "you must", "try to"))


def test_the_chart_is_summed_up_in_words_for_screen_readers():
    empty = [(date(2026, 11, day), None) for day in range(17, 24)]
    assert mood_chart.chart_summary(empty) == "No check-ins in the last 7 days."
    some = [(date(2026, 11, 21), 3.0), (date(2026, 11, 22), None), (date(2026, 11, 23), 4.0)]
    assert mood_chart.chart_summary(some) == "Mood over the last 3 days: 2 days with check-ins, average 3.5 of 5."


# --- the lock screen's messages -----------------------------------------------------------------------------------

def test_a_wait_left_from_earlier_wrong_tries_says_when_to_try_again():
    assert lock_screen.waiting(None) is None
    left_over = lock_screen.waiting(datetime(2026, 11, 23, 21, 5, tzinfo=LONDON))
    assert left_over.endswith("Please wait until 21:05, then try again.")


def test_a_try_during_the_wait_is_told_to_wait_never_that_the_pin_was_wrong():
    ready = datetime(2026, 11, 23, 7, 20, 30, tzinfo=LONDON)  # shown as 07:21: trying at 07:20 would be refused again
    waiting = lock_screen.refused_message(PinTry.WAITING, ready)
    assert waiting.startswith("Please wait until 07:21, then try again.") and "didn't open" not in waiting
    assert "doesn't count" in waiting
    assert lock_screen.refused_message(PinTry.WRONG, ready) == ("That PIN didn't open Tend. "
                                                                "Please wait until 07:21, then try again.")
    assert lock_screen.refused_message(PinTry.WRONG, None) == "That PIN didn't open Tend. Please try again."


# --- people: how to reach someone ---------------------------------------------------------------------------------

SAM = new_person(NOW, name="Sam", phones=("07700 900123",))
ALEX = new_person(NOW, name="Alex", email="alex@example.org")


def test_only_the_ways_a_person_has_details_for_can_be_used():
    assert [way for way in REACHABLE_BY if person_card.can_reach(SAM, way)] == [Way.CALL, Way.TEXT]
    assert [way for way in REACHABLE_BY if person_card.can_reach(ALEX, way)] == [Way.EMAIL]


def test_each_way_opens_its_own_kind_of_link_and_falls_back_to_showing_the_address():
    assert reaching_out.link_for(SAM, Way.CALL).startswith("tel:")
    assert reaching_out.link_for(SAM, Way.TEXT).startswith("sms:")
    assert reaching_out.link_for(ALEX, Way.EMAIL) == "mailto:alex@example.org"
    assert reaching_out.address_for(SAM, Way.TEXT) == "07700 900123"
    assert reaching_out.address_for(ALEX, Way.EMAIL) == "alex@example.org"


def test_when_someone_was_last_reached_is_said_calmly():
    assert reaching_out.last_reached_words(SAM, {}, NOW) == "No contact logged yet"
    three_weeks = {SAM.id: NOW - timedelta(days=21)}
    assert reaching_out.last_reached_words(SAM, three_weeks, NOW) == "Last reached out 3 weeks ago"


def test_a_contacts_file_gives_the_people_it_can_and_says_why_it_left_out_the_others():
    vcards = ("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Sam Jones\r\nTEL:07700 900123\r\nEND:VCARD\r\n"
              "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Alex\r\nTEL:not a number at all\r\nEND:VCARD\r\n").encode()
    found = contacts_import.candidates_from(vcards, NOW)
    assert [person.name for person in found.people] == ["Sam Jones"]
    assert found.people[0].phones == ("07700900123",)
    assert len(found.skipped) == 1 and "Alex" in found.skipped[0]


def test_an_unusable_contacts_file_is_refused_with_a_value_error():
    with pytest.raises(ValueError):
        contacts_import.candidates_from(b"\x00\xff not a vcard", NOW)


# --- reminding: what a due item says, and how often Tend looks -----------------------------------------------------

def test_tend_looks_every_20_seconds_unless_a_test_asks_for_less():
    assert reminding.check_interval({}) == 20.0
    assert reminding.check_interval({"TEND_REMINDER_CHECK_SECONDS": ""}) == 20.0
    assert reminding.check_interval({"TEND_REMINDER_CHECK_SECONDS": "0.5"}) == 0.5


def test_a_due_item_says_what_it_asks_in_a_few_calm_words():
    check_in = new_reminder(NOW, kind=ReminderKind.CHECK_IN, times=("09:00",))
    own = new_reminder(NOW, kind="own", text="Take my tablets", times=("20:00",), repeat="none",
                       starts_on=NOW.date())
    plan = TouchPlan("p1", "Sam", 3, None, NOW - timedelta(days=10))
    assert reminding.describe(Due(check_in, NOW.replace(hour=9, minute=0))) == "Time to check in (09:00)"
    assert reminding.describe(Due(own, NOW.replace(hour=20, minute=0))) == "Take my tablets"
    assert reminding.describe(Overdue(plan, NOW, 0)) == "Stay in touch with Sam"
    assert reminding.describe(Overdue(plan, NOW, 1)) == "Stay in touch with Sam"
    assert reminding.describe(Overdue(plan, NOW, 4)) == "Stay in touch with Sam (4 days since it was due)"


def test_only_people_with_a_stay_in_touch_rhythm_have_a_plan():
    kept = new_person(NOW, name="Kim", phones=("07700 900456",), stay_in_touch_days=7)
    plans = reminding.touch_plans([SAM, kept], {kept.id: NOW - timedelta(days=2)})
    assert [(plan.name, plan.every_days, plan.last_contact) for plan in plans] == [
        ("Kim", 7, NOW - timedelta(days=2))]


def test_a_due_item_keeps_its_key_across_looks_and_comes_back_from_a_snooze_under_a_new_one():
    """The key is what "Later" puts aside: the same ringing stays aside, a snooze's end is a new ringing."""
    reminder = new_reminder(NOW, kind=ReminderKind.CHECK_IN, times=("09:00",))
    [ringing] = due_now([reminder], NOW.replace(hour=9, minute=1), LONDON)
    [looked_again] = due_now([reminder], NOW.replace(hour=9, minute=2), LONDON)
    assert due_items.due_key(looked_again) == due_items.due_key(ringing)
    quieter = replace(reminder, snoozed_until=snooze_ends_at("10 minutes", NOW.replace(hour=9, minute=2), LONDON))
    [back] = due_now([quieter], NOW.replace(hour=9, minute=13), LONDON)
    assert due_items.due_key(back) != due_items.due_key(ringing)
    plan = TouchPlan("p1", "Sam", 3, None, NOW - timedelta(days=10))
    assert due_items.due_key(Overdue(plan, NOW, 2)) == due_items.due_key(Overdue(plan, NOW, 2))


# --- phone notifications: the week ahead ---------------------------------------------------------------------------

def test_the_phone_is_given_the_next_weeks_reminders_soonest_first():
    daily = new_reminder(NOW, kind=ReminderKind.CHECK_IN, times=("09:00",))
    tablets = new_reminder(NOW, kind="own", text="Tablets", times=("20:00",), repeat="none", starts_on=NOW.date())
    ahead = phone_notifications.upcoming([tablets, daily], NOW, LONDON, 0)
    assert [item.at for item in ahead] == sorted(item.at for item in ahead)
    assert ahead[0] == phone_notifications.Upcoming(NOW.replace(hour=9, minute=0), "Time to check in")
    assert ahead[1] == phone_notifications.Upcoming(NOW.replace(hour=20, minute=0), "Tablets")
    assert len(ahead) == 7 + 1  # a week of daily check-ins, and the one-off
    assert all(NOW < item.at <= NOW + phone_notifications.AHEAD for item in ahead)


def test_no_more_are_scheduled_than_a_phone_holds():
    many = [new_reminder(NOW, kind=ReminderKind.CHECK_IN, times=(f"{hour:02}:00",)) for hour in range(9, 19)]
    ahead = phone_notifications.upcoming(many, NOW, LONDON, 0)
    assert len(ahead) == phone_notifications.MOST_SCHEDULED
    assert ahead[0].at == NOW.replace(hour=9, minute=0)


# --- the app: a country offered from the system's locale ----------------------------------------------------------

def test_a_chosen_country_is_kept_and_otherwise_the_systems_locale_offers_one(monkeypatch):
    monkeypatch.setenv("LC_ALL", "de_DE.UTF-8")
    assert app.with_local_country(Settings(country="GB")).country == "GB"
    assert app.with_local_country(Settings()).country == "DE"
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    assert app.with_local_country(Settings()).country == ""

