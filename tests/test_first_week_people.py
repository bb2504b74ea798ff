"""A first week with People, as a new user walks it (issue 14, points 2 to 4): people added in the welcome are found
under every "I need…", the People screen shows people before its tools, and each Undo says what it undoes and
outlasts a trip to another screen. In a real browser against the real server and real files."""

import re
from dataclasses import replace
from datetime import datetime

import pytest
from browser import DESKTOP, PHONE, fill, go_to, open_tend, running_tend, screenshot, tap
from playwright.sync_api import Page, expect

from storage.people.model import Support, new_person
from storage.people.repository import PeopleRepository
from storage.settings import load_settings, save_settings
from storage.store.persistence import Store

pytestmark = pytest.mark.browser
SMALL_PHONE = {"width": 320, "height": 640}
BRITISH = {"LANG": "en_GB.UTF-8", "LC_ALL": "en_GB.UTF-8", "TZ": "Europe/London"}
RECORD_OPENED_LINKS = "window.__opened = []; window.open = (url) => { window.__opened.push(String(url)); return {}; };"


def card(page: Page, name: str):
    return page.get_by_role("group", name=re.compile(rf"^{name} "))


def save_people(data_dir, *people: tuple[str, str, tuple[Support, ...]], theme: str = "system") -> None:
    now = datetime.now().astimezone()
    store = Store.open(data_dir, now)
    PeopleRepository(store).save_many([new_person(now, name=name, phones=(phone,), supports=kinds)
                                       for name, phone, kinds in people])
    save_settings(store, replace(load_settings(store), theme=theme), now)
    store.close()


def test_people_added_in_the_welcome_say_what_they_help_with_and_anyone_unset_is_found_for_every_need(
        chromium, data_dir):
    with running_tend(data_dir, BRITISH, new=True) as url:
        page = chromium.new_page(viewport=PHONE)
        open_tend(page, url, heading="Welcome to Tend", welcome="keep")
        tap(page.get_by_role("button", name="Next"))
        fill(page, "Name 1", "Sam")
        fill(page, "Phone 1", "07700 900123")
        tap(page.get_by_role("checkbox", name="Emotional support from person 1"))
        fill(page, "Name 2", "Jo")
        fill(page, "Phone 2", "07700 900456")  # no kind chosen: in a hurry
        expect(page.get_by_role("checkbox", name="Emotional support from person 1")).to_be_checked()
        screenshot(page, "w14-welcome-kinds-phone")
        tap(page.get_by_role("button", name="Next"))
        expect(page.get_by_text(re.compile("^Step 3 of 3"))).to_be_visible()
        tap(page.get_by_role("button", name="Skip for now"))
        expect(page.get_by_role("heading", name="Today")).to_be_visible()
        go_to(page, "People")
        tap(page.get_by_role("checkbox", name="I need practical support"))
        expect(card(page, "Jo Kind of support not set")).to_be_visible()
        expect(card(page, "Sam")).to_have_count(0)
        tap(page.get_by_role("checkbox", name="I need emotional support"))
        expect(card(page, "Jo")).to_be_visible()
        assert card(page, "Sam").bounding_box()["y"] < card(page, "Jo").bounding_box()["y"], "who gives it first"
        screenshot(page, "w14-people-unset-kind-phone")
        go_to(page, "Today")
        tap(page.get_by_role("button", name="Log mood: Low", exact=True))
        tap(page.get_by_role("checkbox", name="I need emotional support"))
        expect(page.get_by_role("button", name="Call Sam", exact=True)).to_be_visible()
        expect(page.get_by_role("button", name="Call Jo", exact=True)).to_be_visible()  # the low-day card finds Jo
        page.close()


@pytest.mark.parametrize("viewport, name, theme", [(SMALL_PHONE, "320", "light"), (SMALL_PHONE, "320-dark", "dark"),
                                                   (PHONE, "phone", "light"), (DESKTOP, "desktop", "light")])
def test_the_people_screen_shows_people_first_with_their_main_number(chromium, data_dir, viewport, name, theme):
    save_people(data_dir, ("Sam", "07700 900123", (Support.EMOTIONAL,)), ("Dee", "07700 900456", (Support.PRACTICAL,)),
                theme=theme)
    with running_tend(data_dir, BRITISH) as url:
        page = chromium.new_page(viewport=viewport)
        open_tend(page, url)
        go_to(page, "People")
        expect(card(page, "Sam Emotional 07700 900123")).to_be_visible()  # the number Call dials
        expect(card(page, "Dee")).to_be_in_viewport()  # the first of your people, by name, without scrolling
        screenshot(page, f"w14-people-open-{name}")
        tap(page.get_by_role("checkbox", name="I need emotional support"))
        expect(card(page, "Dee")).to_have_count(0)
        expect(card(page, "Sam")).to_be_in_viewport()  # at 320 × 640 too, without scrolling
        expect(page.get_by_role("button", name="Add someone")).to_be_in_viewport()
        expect(page.get_by_role("button", name="Import from a contacts file")).to_be_in_viewport()
        screenshot(page, f"w14-people-first-{name}")
        page.close()


def test_each_undo_names_what_it_undoes_one_at_a_time_and_a_deletion_outlasts_leaving_the_screen(chromium, data_dir):
    save_people(data_dir, ("Sam", "07700 900123", (Support.EMOTIONAL,)), ("Jo", "07700 900456", (Support.PEER,)))
    with running_tend(data_dir, BRITISH) as url:
        page = chromium.new_page(viewport=PHONE)
        open_tend(page, url)
        go_to(page, "People")
        tap(page.get_by_role("button", name="I reached out to Jo"))
        tap(page.get_by_role("button", name="A call"))
        undo_buttons = page.get_by_role("button", name=re.compile(r"^Undo"))
        expect(undo_buttons).to_have_count(1)
        expect(page.get_by_role("button", name="Undo logging that you reached out to Jo")).to_be_visible()
        tap(page.get_by_role("button", name="Edit Sam"))
        tap(page.get_by_role("button", name="Delete"))
        expect(card(page, "Sam")).to_have_count(0)
        expect(page.get_by_role("group", name="Deleted Sam.")).to_be_visible()
        expect(undo_buttons).to_have_count(1)  # one at a time: the newest
        expect(page.get_by_role("button", name="Undo deleting Sam")).to_be_visible()
        screenshot(page, "w14-people-undo-named-phone")
        go_to(page, "Today")
        go_to(page, "People")
        tap(page.get_by_role("button", name="Undo deleting Sam"))  # still there after leaving the screen
        expect(card(page, "Sam")).to_be_visible()
        expect(page.get_by_role("button", name=re.compile(r"^Undo"))).to_have_count(0)
        page.close()


def test_tap_counts_for_the_first_week(chromium, data_dir):
    """Open → check in; open → call someone for emotional support; open → a crisis line: each tap counted."""
    save_people(data_dir, ("Sam", "07700 900123", (Support.EMOTIONAL,)))
    with running_tend(data_dir, BRITISH) as url:
        context = chromium.new_context(viewport=PHONE)
        context.add_init_script(RECORD_OPENED_LINKS)
        taps = []

        def count(control) -> None:
            taps.append(control)
            tap(control)

        page = context.new_page()
        open_tend(page, url)
        count(page.get_by_role("button", name="Log mood: Good", exact=True))
        expect(page.get_by_role("group", name=re.compile(r"^Saved: Good"))).to_be_visible()
        check_in = len(taps)

        taps.clear()
        page = context.new_page()  # opened afresh, on Today
        open_tend(page, url)
        count(page.get_by_role("tab", name="People", exact=True))
        count(page.get_by_role("checkbox", name="I need emotional support"))
        count(page.get_by_role("button", name="Call Sam", exact=True))
        page.wait_for_function("window.__opened.length > 0")
        call_someone = len(taps)
        assert page.evaluate("window.__opened") == ["tel:07700900123"]

        taps.clear()
        page = context.new_page()  # opened afresh, on Today
        open_tend(page, url)
        count(page.get_by_role("button", name="Get help now"))
        count(page.get_by_role("button", name="Call Samaritans, 116 123"))
        page.wait_for_function("window.__opened.length > 0")
        crisis_line = len(taps)
        assert (check_in, call_someone, crisis_line) == (1, 3, 2)
        print(f"tap counts: check in {check_in}, call someone for emotional support {call_someone}, "
              f"a crisis line {crisis_line}")
        context.close()
