"""Reminders that fire, as a new user would see them, with Tend's clock moved forward by a file instead of waiting
for real minutes; in a real browser against the real server and real files."""

import re
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from browser import (
    PHONE,
    fill,
    go_to,
    open_flet_page,
    open_tend,
    running_tend,
    screenshot,
    set_clock,
    tap,
    wait_until_still,
)
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser
LONDON = ZoneInfo("Europe/London")


class Clock:
    """Tend's clock for one test: the app reads the moment in this file every time it asks the time."""

    def __init__(self, path: Path, start: datetime):
        self.path = path
        self.set(start)

    def set(self, moment: datetime) -> None:
        set_clock(self.path, moment.isoformat())

    def environment(self) -> dict[str, str]:
        return {"TEND_CLOCK_FILE": str(self.path), "TZ": "Europe/London", "TEND_REMINDER_CHECK_SECONDS": "0.5"}


@pytest.fixture
def clock(tmp_path):
    return Clock(tmp_path / "now.txt", datetime(2026, 11, 23, 8, 55, tzinfo=LONDON))


@pytest.fixture
def page(chromium, data_dir, clock):
    with running_tend(data_dir, clock.environment()) as url:
        context = chromium.new_context(viewport=PHONE)
        opened = context.new_page()
        open_tend(opened, url)
        yield opened
        context.close()


def banner(page: Page):
    return page.get_by_role("group", name=re.compile(r"^Reminder"))


def tap_in_banner(page: Page, name) -> None:
    """Taps a banner's action once the banner has finished appearing: it comes on its own, and a person sees it
    before tapping."""
    button = banner(page).get_by_role("button", name=name)
    expect(button).to_be_visible()
    wait_until_still(page)
    tap(button)


def add_own_reminder(page: Page, text: str, time: str) -> None:
    """Adds a reminder of the person's own (once, today) from the Reminders screen."""
    tap(page.get_by_role("button", name="Add a reminder"))
    fill(page, "Remind me to", text)
    fill(page, "Time", time)
    tap(page.get_by_role("button", name="Save"))
    expect(page.get_by_role("button", name=re.compile(rf"^{text} {time}, on Monday"))).to_be_visible()


def test_a_check_in_reminder_comes_due_snoozes_comes_back_and_stops_after_checking_in(page, clock):
    go_to(page, "Reminders")
    tap(page.get_by_role("button", name="Add a check-in reminder"))
    fill(page, "Times of day", "09:00, 15:00")
    tap(page.get_by_role("button", name="Save"))
    expect(page.get_by_role("button", name=re.compile(r"^Check in 09:00 and 15:00, every day"))).to_be_visible()
    add_own_reminder(page, "Water the plants", "15:00")  # rings at 15:00 too: shows that Tend has looked by then
    expect(banner(page)).to_have_count(0)

    clock.set(datetime(2026, 11, 23, 9, 1, tzinfo=LONDON))
    expect(banner(page)).to_contain_text("Time to check in (09:00)")
    screenshot(page, "reminder-banner-phone")
    tap_in_banner(page, re.compile(r"^Snooze"))
    tap(page.get_by_role("button", name="10 minutes"))
    expect(banner(page)).to_have_count(0)

    clock.set(datetime(2026, 11, 23, 9, 12, tzinfo=LONDON))
    expect(banner(page)).to_be_visible()
    tap_in_banner(page, "Check in now")
    expect(banner(page)).to_have_count(0)
    expect(page.get_by_role("heading", name="Today")).to_be_visible()
    tap(page.get_by_role("button", name="Log mood: Good", exact=True))
    expect(page.get_by_role("group", name=re.compile(r"^Saved: Good at 09:12"))).to_be_visible()

    clock.set(datetime(2026, 11, 23, 15, 1, tzinfo=LONDON))  # the second time today: already checked in
    expect(banner(page)).to_contain_text("Water the plants")  # Tend has looked at 15:01...
    # ...and the check-in reminder stayed quiet, in the banner and on Today (Flutter's copies of past
    # announcements for screen readers, outside the screen's own tree, don't count)
    expect(page.locator("flt-semantics-host").get_by_text("Time to check in")).to_have_count(0)
    tap_in_banner(page, "Done: Water the plants")
    expect(banner(page)).to_have_count(0)

    clock.set(datetime(2026, 11, 24, 9, 1, tzinfo=LONDON))  # a new day: it rings again
    expect(banner(page)).to_contain_text("Time to check in (09:00)")


def test_a_keep_in_touch_reminder_comes_due_and_logging_a_contact_resets_it(page, clock):
    go_to(page, "People")
    tap(page.get_by_role("button", name="Add someone"))
    fill(page, "Name", "Sam")
    fill(page, "Phone", "07700 900123")
    fill(page, "Stay in touch every … days (optional)", "3")
    tap(page.get_by_role("button", name="Save"))
    expect(page.get_by_role("group", name=re.compile(r"^Sam "))).to_be_visible()
    expect(banner(page)).to_have_count(0)

    clock.set(datetime(2026, 11, 26, 10, 0, tzinfo=LONDON))
    expect(banner(page)).to_contain_text("Stay in touch with Sam")
    tap_in_banner(page, "I reached out to Sam")
    tap(page.get_by_role("button", name="In person"))
    expect(banner(page)).to_have_count(0)
    expect(page.get_by_role("group", name=re.compile(r"^Sam .*Last reached out today"))).to_be_visible()
    go_to(page, "Reminders")
    expect(page.get_by_text("Sam: every 3 days, next by Sunday 29 November")).to_be_visible()


def test_a_reminder_missed_while_tend_was_closed_is_told_once_on_the_next_open(chromium, data_dir, clock):
    with running_tend(data_dir, clock.environment()) as url:
        page = chromium.new_page(viewport=PHONE)
        open_tend(page, url)
        go_to(page, "Reminders")
        add_own_reminder(page, "Take my evening tablets", "20:00")
        page.close()
    clock.set(datetime(2026, 11, 24, 7, 30, tzinfo=LONDON))
    with running_tend(data_dir, clock.environment()) as url:
        page = chromium.new_page(viewport=PHONE)
        open_flet_page(page, url, page.get_by_text("Take my evening tablets, Monday 20:00"))
        tap(page.get_by_role("button", name="OK"))
        expect(page.get_by_role("heading", name="Today")).to_be_visible()
        page.close()
    with running_tend(data_dir, clock.environment()) as url:
        page = chromium.new_page(viewport=PHONE)
        open_tend(page, url)
        # Tend handles what happens in the order it happens: by the time a tap after the start has shown its
        # screen, a notice about missed reminders would have been shown before it.
        go_to(page, "Reminders")
        expect(page.get_by_text("While Tend was closed")).to_have_count(0)
        page.close()


def test_the_first_run_welcome_sets_things_up_and_never_comes_back(chromium, data_dir, clock):
    with running_tend(data_dir, clock.environment(), new=True) as url:
        page = chromium.new_page(viewport=PHONE)
        open_tend(page, url, heading="Welcome to Tend", welcome="keep")
        tap(page.get_by_role("button", name="Next"))
        fill(page, "Name 1", "Sam")
        fill(page, "Phone 1", "07700 900123")
        tap(page.get_by_role("button", name="Next"))
        fill(page, "Time", "20:30")
        tap(page.get_by_role("button", name="Finish"))
        expect(page.get_by_role("heading", name="Today")).to_be_visible()
        go_to(page, "People")
        expect(page.get_by_role("group", name=re.compile(r"^Sam "))).to_be_visible()
        go_to(page, "Reminders")
        expect(page.get_by_role("button", name=re.compile(r"^Check in 20:30, every day"))).to_be_visible()
        page.close()
    with running_tend(data_dir, clock.environment()) as url:
        page = chromium.new_page(viewport=PHONE)
        open_tend(page, url, welcome="keep")  # straight to Today
        expect(page.get_by_role("heading", name="Welcome to Tend")).to_have_count(0)
        page.close()
