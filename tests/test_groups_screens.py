"""Groups and places on People, as a person would use them: add a weekly support group, let its meeting come due
(Tend's clock moved by a file), say "I went" and see it logged; add a safe place and open it in maps; a meeting
time Tend can't read is told and nothing is saved. In a real browser against the real server and real files."""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from browser import DESKTOP, PHONE, fill, go_to, open_tend, running_tend, screenshot, set_clock, tap, wait_until_still
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser
LONDON = ZoneInfo("Europe/London")
MONDAY_MORNING = datetime(2026, 11, 23, 8, 55, tzinfo=LONDON)
RECORD_OPENED_LINKS = "window.__opened = []; window.open = (url) => { window.__opened.push(String(url)); return {}; };"


@pytest.fixture
def clock_file(tmp_path):
    path = tmp_path / "now.txt"
    set_clock(path, MONDAY_MORNING.isoformat())
    return path


@pytest.fixture
def tend(data_dir, clock_file):
    environment = {"TEND_CLOCK_FILE": str(clock_file), "TZ": "Europe/London", "TEND_REMINDER_CHECK_SECONDS": "0.5"}
    with running_tend(data_dir, environment) as url:
        yield url


def opened_page(chromium, url: str, viewport: dict) -> Page:
    context = chromium.new_context(viewport=viewport)
    context.add_init_script(RECORD_OPENED_LINKS)
    page = context.new_page()
    open_tend(page, url)
    return page


def card(page: Page, name: str, showing: str = ""):
    """A card on People, by its name and, if given, words it shows (a card is spoken as everything it says)."""
    return page.get_by_role("group", name=re.compile(rf"^{name} .*{re.escape(showing)}", re.DOTALL))


def banner(page: Page):
    return page.get_by_role("group", name=re.compile(r"^Reminder"))


def choose(control) -> None:
    """Taps a chip or switch and waits until it shows as chosen: the form's Save reads what it last drew."""
    tap(control)
    expect(control).to_be_checked()


def add_group(page: Page, name: str, day: str, time: str, remind: bool = True, address: str = "",
              picture: str = "") -> None:
    tap(page.get_by_role("button", name="Add someone"))
    choose(page.get_by_role("checkbox", name="This is a support group"))
    fill(page, "Name", name)
    choose(page.get_by_role("checkbox", name=f"Meets on {day}"))
    fill(page, "Time it meets", time)
    if remind:
        choose(page.get_by_role("switch", name=re.compile(r"^Remind me an hour before")))
    if address:
        fill(page, "Address (optional)", address)
    choose(page.get_by_role("checkbox", name=re.compile(r"^Peer:")))
    if picture:
        screenshot(page, picture)
    tap(page.get_by_role("button", name="Save"))


def add_place(page: Page, name: str, address: str) -> None:
    tap(page.get_by_role("button", name="Add someone"))
    choose(page.get_by_role("checkbox", name="This is a safe place"))
    fill(page, "Name", name)
    fill(page, "Address (optional)", address)
    choose(page.get_by_role("checkbox", name=re.compile(r"^Emotional:")))
    tap(page.get_by_role("button", name="Save"))
    expect(card(page, name)).to_be_visible()


def test_a_weekly_group_meeting_comes_due_and_i_went_logs_it(chromium, tend, clock_file):
    page = opened_page(chromium, tend, PHONE)
    go_to(page, "People")
    add_group(page, "Tuesday peer group", "Tuesday", "7pm", picture="group-form-phone")
    expect(card(page, "Tuesday peer group", "Support group · Meets every Tuesday at 19:00")).to_be_visible()
    expect(card(page, "Tuesday peer group", "Peer")).to_be_visible()
    expect(card(page, "Tuesday peer group", "No visit logged yet")).to_be_visible()
    expect(page.get_by_role("heading", name="Groups and places")).to_be_visible()
    expect(banner(page)).to_have_count(0)
    go_to(page, "Reminders")
    expect(page.get_by_text(re.compile(r"^Tuesday peer group meets at 19:00"))).to_be_visible()
    expect(page.get_by_text(re.compile(r"Reminds you at 18:00, every Tuesday"))).to_be_visible()
    go_to(page, "People")

    set_clock(clock_file, datetime(2026, 11, 24, 18, 1, tzinfo=LONDON).isoformat())  # an hour before it meets
    expect(banner(page)).to_contain_text("Tuesday peer group meets at 19:00")
    went = banner(page).get_by_role("button", name="I went to Tuesday peer group")
    expect(went).to_be_visible()
    wait_until_still(page)
    tap(went)
    expect(page.get_by_text("You went to Tuesday peer group")).to_be_visible()
    tap(page.get_by_role("checkbox", name="I felt lifted after"))  # the same optional question as after a call
    expect(page.get_by_role("checkbox", name="I felt lifted after")).to_be_checked()
    tap(page.get_by_role("button", name="Log that I went to Tuesday peer group"))
    expect(banner(page)).to_have_count(0)  # going is what the reminder asked: it is done
    expect(card(page, "Tuesday peer group", "Last went today")).to_be_visible()

    set_clock(clock_file, datetime(2026, 11, 30, 12, 0, tzinfo=LONDON).isoformat())  # done: quiet until next week
    go_to(page, "Today")
    go_to(page, "People")
    expect(card(page, "Tuesday peer group", "Last went 6 days ago")).to_be_visible()
    expect(banner(page)).to_have_count(0)
    set_clock(clock_file, datetime(2026, 12, 1, 18, 1, tzinfo=LONDON).isoformat())
    expect(banner(page)).to_contain_text("Tuesday peer group meets at 19:00")
    page.context.close()


def test_a_meeting_time_tend_cant_read_is_told_and_nothing_is_saved(chromium, tend):
    page = opened_page(chromium, tend, PHONE)
    go_to(page, "People")
    add_group(page, "Tuesday peer group", "Tuesday", "half seven", remind=False)
    expect(page.get_by_text("Please write the time it meets as hours:minutes, like 19:00 or 7:30pm.")).to_be_visible()
    tap(page.get_by_role("button", name="Cancel"))
    tap(page.get_by_role("button", name="Discard"))
    expect(page.get_by_text(re.compile(r"^Support groups and safe places"))).to_be_visible()
    expect(card(page, "Tuesday peer group")).to_have_count(0)
    page.context.close()


@pytest.mark.parametrize("size, viewport", [("phone", PHONE), ("desktop", DESKTOP)])
def test_a_group_and_a_place_on_people_and_the_address_opens_in_maps(chromium, tend, size, viewport):
    page = opened_page(chromium, tend, viewport)
    go_to(page, "People")
    add_group(page, "Tuesday peer group", "Tuesday", "19:00", address="Riverside Community Centre, 4 Mill Lane")
    add_place(page, "Riverside library", "1 High Street, Leeds")
    expect(card(page, "Riverside library", "Safe place")).to_be_visible()
    tap(page.get_by_role("button", name="Open Riverside library in maps"))
    page.wait_for_function("window.__opened.length > 0")
    assert page.evaluate("window.__opened") == ["https://www.openstreetmap.org/search?query=1%20High%20Street%2C%20Leeds"]
    place_buttons = card(page, "Riverside library").get_by_role("button")
    expect(place_buttons.filter(has_text="I went")).to_have_count(1)
    expect(place_buttons.filter(has_text="I was there for")).to_have_count(0)  # support is given back to people
    expect(card(page, "Tuesday peer group").get_by_role("button").filter(has_text="I was there for")).to_have_count(1)
    screenshot(page, f"groups-and-places-{size}")
    page.mouse.move(viewport["width"] // 2, viewport["height"] // 2)
    page.mouse.wheel(0, 450)  # Flutter scrolls its own canvas: down to the group, as a person would
    screenshot(page, f"groups-and-places-{size}-group")
    page.context.close()
