"""Dates and times a person can enter (issue 14, point 5): typed as people write them ("30/11/2026", "8pm"), picked
on Flutter's calendar and clock, "Yesterday" when back-filling, and "Add a check-in for this day" on a calendar day.
Tend's clock is set by a file, so the days are known; in a real browser against the real server and real files."""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from browser import DESKTOP, PHONE, fill, go_to, open_tend, running_tend, screenshot, set_clock, tap, wait_until_still
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser
LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 11, 25, 21, 0, tzinfo=LONDON)  # a Wednesday evening


@pytest.fixture
def tend(data_dir, tmp_path):
    clock = tmp_path / "now.txt"
    set_clock(clock, NOW.isoformat())
    with running_tend(data_dir, {"TEND_CLOCK_FILE": str(clock), "TZ": "Europe/London"}) as url:
        yield url


def phone_page(chromium, url, viewport=PHONE) -> Page:
    page = chromium.new_page(viewport=viewport)
    open_tend(page, url)
    return page


def expect_field(page: Page, name: str, text: str) -> None:
    """The field shows `text`: focused first, since Flutter puts a field's text into the page only while it has
    the focus."""
    field = page.get_by_role("textbox", name=name)
    wait_until_still(page)  # a picker that just closed hands the focus back to its button as it goes
    field.focus()
    page.wait_for_function("() => window.__tend.listening.has(document.activeElement)")
    expect(field).to_have_value(text)


def day_button(page: Page, name: str):
    return page.get_by_role("button", name=re.compile(rf"^{name}"))


def test_back_filling_yesterday_with_a_shortcut_and_a_time_typed_as_8pm(chromium, tend):
    page = phone_page(chromium, tend)
    go_to(page, "History")
    tap(page.get_by_role("button", name="Add a past check-in"))
    tap(page.get_by_role("checkbox", name="Yesterday"))
    expect_field(page, "Date", "2026-11-24")
    tap(page.get_by_role("checkbox", name="Good"))
    fill(page, "Time", "8pm")
    screenshot(page, "w14-back-fill-yesterday-phone")
    tap(page.get_by_role("button", name="Save"))
    expect(day_button(page, "Tuesday 24 November: Good")).to_be_visible()
    tap(day_button(page, "Tuesday 24 November: Good"))
    expect(page.get_by_role("button", name=re.compile(r"^Edit the check-in of 20:00"))).to_be_visible()
    page.close()


def test_a_date_typed_day_first_is_read(chromium, tend):
    page = phone_page(chromium, tend)
    go_to(page, "History")
    tap(page.get_by_role("button", name="Add a past check-in"))
    tap(page.get_by_role("checkbox", name="Low"))
    fill(page, "Date", "20/11/2026")
    fill(page, "Time", "7:30 am")
    tap(page.get_by_role("button", name="Save"))
    expect(day_button(page, "Friday 20 November: Low")).to_be_visible()
    page.close()


def test_add_a_check_in_for_a_day_opened_in_the_calendar(chromium, tend):
    page = phone_page(chromium, tend)
    go_to(page, "History")
    tap(day_button(page, "Sunday 22 November: no check-in"))
    tap(page.get_by_role("button", name="Add a check-in for this day"))
    expect_field(page, "Date", "2026-11-22")
    tap(page.get_by_role("checkbox", name="Great"))
    tap(page.get_by_role("button", name="Save"))
    expect(day_button(page, "Sunday 22 November: Great")).to_be_visible()
    tap(day_button(page, "Monday 30 November: no check-in"))  # a day still to come offers no check-in
    expect(page.get_by_text("No check-ins that day.")).to_be_visible()
    expect(page.get_by_role("button", name="Add a check-in for this day")).to_have_count(0)
    page.close()


@pytest.mark.parametrize("viewport, name", [(PHONE, "phone"), (DESKTOP, "desktop")])
def test_the_date_and_time_pickers_fill_the_fields(chromium, tend, viewport, name):
    page = phone_page(chromium, tend, viewport)
    go_to(page, "History")
    tap(page.get_by_role("button", name="Add a past check-in"))
    tap(page.get_by_role("checkbox", name="Okay"))
    tap(page.get_by_role("button", name="Pick the date on a calendar"))
    day = page.get_by_role("button", name=re.compile(r"^18, Wednesday, November 18, 2026"))
    expect(day).to_be_visible()
    wait_until_still(page)
    screenshot(page, f"w14-date-picker-{name}")
    tap(day)
    tap(page.get_by_role("button", name="OK"))
    expect_field(page, "Date", "2026-11-18")
    tap(page.get_by_role("button", name="Pick the time on a clock"))
    expect(page.get_by_role("button", name="OK")).to_be_visible()
    wait_until_still(page)
    screenshot(page, f"w14-time-picker-{name}")
    tap(page.get_by_role("button", name="OK"))
    expect_field(page, "Time", "21:00")
    tap(page.get_by_role("button", name="Save"))
    expect(day_button(page, "Wednesday 18 November: Okay")).to_be_visible()
    page.close()


def test_your_own_reminder_takes_a_date_and_time_as_people_write_them(chromium, tend):
    page = phone_page(chromium, tend)
    go_to(page, "Reminders")
    tap(page.get_by_role("button", name="Add a reminder"))
    fill(page, "Remind me to", "Call the surgery")
    fill(page, "First date", "30/11/2026")
    fill(page, "Time", "8pm")
    tap(page.get_by_role("button", name="Save"))
    expect(page.get_by_role("button", name=re.compile(r"^Call the surgery 20:00, on Monday 30 November"))).to_be_visible()
    page.close()
