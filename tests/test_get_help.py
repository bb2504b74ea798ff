"""Get help now, as a person in a hurry meets it in a real browser: always a number to call (a guess from the time
zone, or 112 and a country picker), crisis lines on the low-day card, the safety plan to read past the app lock, and
Get help now over an open form without losing what was typed."""

import re
from contextlib import contextmanager
from datetime import datetime

import pytest
from browser import DESKTOP, PHONE, fill, go_to, open_tend, running_tend, screenshot, tap, wait_until_still
from playwright.sync_api import Page, expect

from storage.app_lock import AppLock
from storage.help.safety_plan import load_plan, save_plan, with_step
from storage.settings import load_settings
from storage.store.persistence import Store

pytestmark = pytest.mark.browser
NO_COUNTRY = {"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TZ": "Etc/UTC"}
BERLIN = {"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TZ": "Europe/Berlin"}
PIN = "739164"


@contextmanager
def tend_on_a_phone(chromium, data_dir, env):
    with running_tend(data_dir, env) as url:
        context = chromium.new_context(viewport=PHONE)
        page = context.new_page()
        open_tend(page, url)
        yield page
        context.close()


def open_get_help(page: Page) -> None:
    tap(page.get_by_role("button", name="Get help now").last)
    expect(page.get_by_role("button", name="Open my safety plan")).to_be_visible()


def screenshot_on_desktop_too(page: Page, name: str, heading: str = "Today") -> None:
    """The pictures issue 13 asks for: Get help now at phone size, then in a second, desktop-sized window on the same
    Tend (a dialog hides the screen below from the accessibility tree, so a resized window has nothing to wait on)."""
    screenshot(page, f"{name}-phone")
    desktop = page.context.browser.new_context(viewport=DESKTOP)
    desktop.add_cookies(page.context.cookies())
    wide = desktop.new_page()
    open_tend(wide, page.url, heading=heading)
    open_get_help(wide)
    screenshot(wide, f"{name}-desktop")
    desktop.close()


def test_with_no_country_to_go_by_get_help_offers_112_and_picking_a_country_shows_its_lines(chromium, data_dir):
    with tend_on_a_phone(chromium, data_dir, NO_COUNTRY) as page:
        open_get_help(page)
        expect(page.get_by_role("button", name="Call 112")).to_be_visible()
        expect(page.get_by_text(re.compile("112 reaches the emergency services"))).to_be_visible()
        expect(page.get_by_role("button", name="International directory of crisis lines")).to_be_visible()
        screenshot_on_desktop_too(page, "get-help-no-country")
        tap(page.get_by_role("button", name="Choose your country"))
        fill(page, "Find your country", "kingdom")
        expect(page.get_by_role("button", name="Germany")).to_have_count(0)  # the list has followed the search
        wait_until_still(page)  # and settled: a tap on a row being rebuilt is lost
        tap(page.get_by_role("button", name="United Kingdom"))
        expect(page.get_by_role("button", name="Call 999")).to_be_visible()
        expect(page.get_by_role("button", name="Call Samaritans, 116 123")).to_be_visible()
        expect(page.get_by_role("button", name="Not in United Kingdom? Choose your country")).to_be_visible()
    store = Store.open(data_dir, datetime.now().astimezone())  # the choice was saved
    assert load_settings(store).country == "GB"
    store.close()


def test_the_time_zone_guesses_a_country_and_lines_say_who_they_are_for(chromium, data_dir):
    with tend_on_a_phone(chromium, data_dir, BERLIN) as page:
        open_get_help(page)
        expect(page.get_by_role("button", name="Call 112")).to_be_visible()
        expect(page.get_by_text("Emergency number for Germany.")).to_be_visible()
        expect(page.get_by_role("button", name=re.compile(r"^Call TelefonSeelsorge")).first).to_be_visible()
        screenshot_on_desktop_too(page, "get-help-guessed-country")
        tap(page.get_by_role("button", name="Not in Germany? Choose your country"))
        fill(page, "Find your country", "aus")
        expect(page.get_by_role("button", name="Germany")).to_have_count(0)  # the list has followed the search
        wait_until_still(page)  # and settled: a tap on a row being rebuilt is lost
        tap(page.get_by_role("button", name="Australia"))
        expect(page.get_by_role("button", name="Call 000")).to_be_visible()
        expect(page.get_by_role("group", name=re.compile(r"^13YARN For Aboriginal and Torres Strait Islander people"))
               ).to_be_visible()


def test_the_low_day_card_with_crisis_chosen_has_a_call_button_for_a_crisis_line(chromium, data_dir):
    with tend_on_a_phone(chromium, data_dir, BERLIN) as page:
        tap(page.get_by_role("button", name="Log mood: Low", exact=True))
        card = page.get_by_role("group", name=re.compile(r"^Would talking to someone help\?"))
        expect(card).to_be_visible()
        tap(page.get_by_role("checkbox", name="I need crisis support"))
        expect(page.get_by_role("button", name=re.compile(r"^Call TelefonSeelsorge")).first).to_be_visible()
        expect(page.get_by_role("button", name="Call 112")).to_be_visible()


def test_with_a_pin_the_safety_plan_opens_from_get_help_to_read_and_editing_asks_for_the_pin(chromium, data_dir):
    now = datetime.now().astimezone()
    store = Store.open(data_dir, now)
    AppLock(store).set_pin(PIN, now)
    save_plan(store, with_step(load_plan(store), "reasons", text="My sister"), now)
    store.close()
    with running_tend(data_dir, BERLIN) as url:
        context = chromium.new_context(viewport=PHONE)
        page = context.new_page()
        open_tend(page, url, heading="Tend is locked")
        open_get_help(page)
        screenshot_on_desktop_too(page, "get-help-lock-screen", heading="Tend is locked")
        tap(page.get_by_role("button", name="Open my safety plan"))
        expect(page.get_by_text("• My sister")).to_be_visible()
        screenshot(page, "safety-plan-read-only-lock-screen-phone")
        tap(page.get_by_role("button", name="Edit my plan"))
        expect(page.get_by_role("heading", name="Tend is locked")).to_be_visible()
        expect(page.get_by_role("textbox", name="PIN")).to_be_visible()
        context.close()


def test_get_help_opens_over_an_open_form_and_what_was_typed_is_still_there(chromium, data_dir):
    with tend_on_a_phone(chromium, data_dir, BERLIN) as page:
        go_to(page, "People")
        tap(page.get_by_role("button", name="Add someone"))
        fill(page, "Name", "Sam")
        tap(page.get_by_role("button", name="Get help now"))  # the one in the form: the top bar's is under it
        expect(page.get_by_role("button", name="Call 112")).to_be_visible()
        expect(page.get_by_role("button", name=re.compile(r"^Call TelefonSeelsorge")).first).to_be_visible()
        screenshot(page, "get-help-over-a-form-phone")
        tap(page.get_by_role("button", name="Back to the form"))
        expect(page.get_by_role("button", name="Call 112")).to_have_count(0)
        expect(page.get_by_role("textbox", name="Name")).to_have_value("Sam")
        tap(page.get_by_role("button", name="Save"))
        expect(page.get_by_role("group", name=re.compile(r"^Sam "))).to_be_visible()


@pytest.mark.parametrize("place, opener, field, typed, back", [
    ("Reminders", "Add a reminder", "Remind me to", "Take my pills", "Back to the form"),
    ("Settings", "Lock Tend with a PIN", "Choose a PIN", "2468", "Back to the PIN"),
])
def test_get_help_opens_inside_any_dialog_and_what_was_typed_stays(chromium, data_dir, place, opener, field, typed,
                                                                  back):
    with tend_on_a_phone(chromium, data_dir, BERLIN) as page:
        go_to(page, place)
        tap(page.get_by_role("button", name=opener))
        fill(page, field, typed)
        tap(page.get_by_role("button", name="Get help now"))  # the one in the dialog: the top bar's is under it
        expect(page.get_by_role("button", name=re.compile(r"^Call TelefonSeelsorge")).first).to_be_visible()
        expect(page.get_by_role("textbox", name=field)).to_have_count(0)  # the help takes the dialog's room
        screenshot(page, f"get-help-in-a-dialog-{place.lower()}-phone")
        tap(page.get_by_role("button", name=back))
        # Flutter's web semantics give a field's text to the page only once it has the focus: a tap, as a person
        # carrying on typing would (the picture shows the text there before it)
        tap(page.get_by_role("textbox", name=field))
        expect(page.get_by_role("textbox", name=field)).to_have_value(typed)


def test_people_with_no_country_shows_112_and_the_country_picker_right_there(chromium, data_dir):
    with tend_on_a_phone(chromium, data_dir, NO_COUNTRY) as page:
        go_to(page, "People")
        expect(page.get_by_role("button", name="Call 112")).to_be_visible()
        expect(page.get_by_text(re.compile("in Settings"))).to_have_count(0)
        page.get_by_role("button", name="Choose your country").scroll_into_view_if_needed()
        screenshot(page, "people-no-country-phone")
        tap(page.get_by_role("button", name="Choose your country"))
        fill(page, "Find your country", "ireland")
        expect(page.get_by_role("button", name="Germany")).to_have_count(0)  # the list has followed the search
        wait_until_still(page)  # and settled: a tap on a row being rebuilt is lost
        tap(page.get_by_role("button", name="Ireland"))
        expect(page.get_by_role("button", name="Call Samaritans Ireland, 116 123")).to_be_visible()
        expect(page.get_by_role("button", name="Not in Ireland? Choose your country")).to_be_visible()


def test_add_a_line_you_trust_from_get_help_is_a_crisis_contact_there(chromium, data_dir):
    with tend_on_a_phone(chromium, data_dir, BERLIN) as page:
        open_get_help(page)
        tap(page.get_by_role("button", name="Add a line you trust"))
        expect(page.get_by_role("checkbox", name=re.compile(r"^Crisis:"))).to_be_checked()
        fill(page, "Name", "Dr Okafor's line")
        fill(page, "Phone", "030 1234567")
        tap(page.get_by_role("button", name="Save"))
        expect(page.get_by_text("Your crisis contacts")).to_be_visible()
        expect(page.get_by_role("button", name="Call Dr Okafor's line")).to_be_visible()
