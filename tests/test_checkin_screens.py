"""Checking in, as a new user would, in a real browser against the real server and real files."""

import re
from datetime import date, timedelta

import pytest
from browser import PHONE, fill, go_to, open_tend, running_tend, screenshot, tap
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser
ENTRY = re.compile(r"^Edit the check-in of")


def entries(page: Page):
    return page.get_by_role("button", name=ENTRY)


def open_only_entry(page: Page) -> None:
    expect(entries(page)).to_have_count(1)
    tap(entries(page).first)
    expect(page.get_by_role("button", name="Save")).to_be_visible()


def test_one_tap_saves_and_the_entry_survives_a_restart(chromium, data_dir):
    with running_tend(data_dir) as url:
        page = chromium.new_page(viewport=PHONE)
        open_tend(page, url)
        expect(page.get_by_text("Nothing yet today")).to_be_visible()
        page.get_by_role("button", name="Log mood: Good", exact=True).click()  # a pointer tap saves once
        expect(page.get_by_role("group", name=re.compile(r"^Saved: Good at \d\d:\d\d"))).to_be_visible()
        expect(entries(page).filter(has_text="Good at")).to_have_count(1)
        screenshot(page, "checkin-phone-saved")
        page.close()
    with running_tend(data_dir) as url:
        page = chromium.new_page(viewport=PHONE)
        open_tend(page, url)
        go_to(page, "Settings")
        tap(page.get_by_role("switch", name=re.compile(r"^Show counts")))  # counters are off by default
        go_to(page, "History")
        expect(entries(page).filter(has_text="Good at")).to_have_count(1)
        expect(page.get_by_text("You checked in on 1 of the last 7 days.")).to_be_visible()
        page.close()


def test_undo_right_after_a_tap_removes_the_check_in(phone):
    tap(phone.get_by_role("button", name="Log mood: Low", exact=True))
    expect(entries(phone)).to_have_count(1)
    tap(phone.get_by_role("button", name="Undo"))
    expect(entries(phone)).to_have_count(0)
    expect(phone.get_by_text("Nothing yet today")).to_be_visible()


def test_add_details_then_edit_then_delete_and_undo(phone):
    tap(phone.get_by_role("button", name="Log mood: Okay", exact=True))
    tap(phone.get_by_role("button", name="Add details"))
    tap(phone.get_by_role("group", name="Energy, 1 to 5").get_by_role("button", name="4"))
    tap(phone.get_by_role("checkbox", name="calm"))
    fill(phone, "Note", "Walked by the river.")
    tap(phone.get_by_role("button", name="Save"))
    expect(entries(phone).filter(has_text="energy 4 · calm · Walked by the river.")).to_have_count(1)

    open_only_entry(phone)
    tap(phone.get_by_role("checkbox", name="Great"))
    tap(phone.get_by_role("button", name="Save"))
    expect(entries(phone).filter(has_text="Great at")).to_have_count(1)
    expect(entries(phone).filter(has_text="energy 4 · calm")).to_have_count(1)

    open_only_entry(phone)
    tap(phone.get_by_role("button", name="Delete"))
    expect(entries(phone)).to_have_count(0)
    tap(phone.get_by_role("button", name="Undo"))
    expect(entries(phone).filter(has_text="Great at")).to_have_count(1)


def test_a_note_over_the_limit_is_refused_kindly_and_nothing_changes(phone):
    tap(phone.get_by_role("button", name="Log mood: Okay", exact=True))
    tap(phone.get_by_role("button", name="Add details"))
    fill(phone, "Note", "x" * 5001)
    tap(phone.get_by_role("button", name="Save"))
    expect(phone.get_by_text(re.compile("Notes can be up to 5,000 characters; this one has 5,001"))).to_be_visible()
    tap(phone.get_by_role("button", name="Cancel"))
    tap(phone.get_by_role("button", name="Discard"))  # Tend asks before throwing away what was typed
    expect(entries(phone).filter(has_text="Okay at")).to_have_count(1)
    expect(entries(phone).filter(has_text="xxxx")).to_have_count(0)


def test_a_mood_picked_and_save_tapped_straight_after_a_refusal_is_saved(phone):
    """Two taps a person makes in a second: the mood they forgot, then Save. Neither is lost: Save sees the chip
    before the form has redrawn, and a Save soon after a refused one is a new try, not a double tap."""
    go_to(phone, "History")
    tap(phone.get_by_role("button", name="Add a past check-in"))
    tap(phone.get_by_role("button", name="Save"))
    expect(phone.get_by_text("Please pick one of the five moods, from Awful to Great.")).to_be_visible()
    tap(phone.get_by_role("checkbox", name="Good"))
    tap(phone.get_by_role("button", name="Save"))
    expect(phone.get_by_role("button", name="Save")).to_have_count(0)
    go_to(phone, "Today")
    expect(entries(phone).filter(has_text="Good at")).to_have_count(1)


def test_back_filled_yesterday_shows_in_the_calendar(phone):
    yesterday = date.today() - timedelta(days=1)
    go_to(phone, "History")
    tap(phone.get_by_role("button", name="Add a past check-in"))
    tap(phone.get_by_role("checkbox", name="Good"))
    fill(phone, "Date", yesterday.isoformat())
    fill(phone, "Time", "21:30")
    tap(phone.get_by_role("button", name="Save"))
    if yesterday.month != date.today().month:
        tap(phone.get_by_role("button", name="Previous month"))
    day = phone.get_by_role("button", name=f"{yesterday:%A %d %B}: Good")
    expect(day).to_be_visible()
    tap(day)
    day_entries = phone.get_by_role("dialog").or_(phone.get_by_role("alertdialog")).get_by_role("button", name=ENTRY)
    expect(day_entries.filter(has_text="Good at 21:30")).to_have_count(1)
    screenshot(phone, "checkin-phone-history")


def test_a_double_tap_on_a_mood_is_one_check_in(phone):
    good = phone.get_by_role("button", name="Log mood: Good", exact=True)
    good.evaluate("node => { node.click(); node.click(); }")  # two taps back to back, as a shaky finger makes
    tap(phone.get_by_role("button", name="Log mood: Okay", exact=True))  # handled after both, so both were heard
    expect(phone.get_by_role("group", name=re.compile(r"^Saved: Okay at"))).to_be_visible()
    expect(entries(phone).filter(has_text="Okay at")).to_have_count(1)
    expect(entries(phone).filter(has_text="Good at")).to_have_count(1)
