"""How it felt and giving back, as a person would: log calls to Sam as "Lifted" and see the quiet line on Sam's
card; log support you gave and see both directions in words; in a real browser against the real server."""

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from browser import (
    DESKTOP,
    PHONE,
    add_person,
    go_to,
    open_tend,
    running_tend,
    screenshot,
    set_clock,
    tap,
    wait_until_still,
)
from playwright.sync_api import Page, expect

from storage.checkins.model import new_check_in
from storage.checkins.repository import CheckInRepository
from storage.people.feelings import Felt
from storage.people.giving import Given, log_given
from storage.people.model import Way, new_person
from storage.people.repository import PeopleRepository
from storage.store.persistence import Store

pytestmark = pytest.mark.browser
RECORD_OPENED_LINKS = "window.__opened = []; window.open = (url) => { window.__opened.push(String(url)); return {}; };"


@pytest.fixture
def people(chromium, data_dir):
    """Tend on People with Sam in it, at phone size; the dialer's links are recorded instead of opened."""
    with running_tend(data_dir) as url:
        context = chromium.new_context(viewport=PHONE)
        context.add_init_script(RECORD_OPENED_LINKS)
        page = context.new_page()
        open_tend(page, url)
        go_to(page, "People")
        add_person(page, "Sam", "07700 900123", "Emotional")
        yield page
        context.close()


def sams_card(page: Page, saying: str):
    return page.get_by_role("group", name=re.compile(rf"^Sam .*{re.escape(saying)}"))


def test_three_lifting_calls_put_a_quiet_line_on_sams_card(people):
    page = people
    for count in range(3):
        tap(page.get_by_role("button", name="Call Sam", exact=True))
        feeling = page.get_by_role("checkbox", name="I felt lifted after")
        tap(feeling)
        expect(feeling).to_be_checked()
        if count == 0:
            screenshot(page, "people-felt-question-phone")
        tap(page.get_by_role("button", name="Yes, I reached them"))
        expect(page.get_by_role("button", name="Yes, I reached them")).to_have_count(0)
        if count < 2:  # a line says nothing until there are a few answers
            expect(sams_card(page, "Last reached out today")).to_be_visible()
            expect(page.get_by_text("Usually leaves you feeling lifted")).to_have_count(0)
    expect(sams_card(page, "Usually leaves you feeling lifted")).to_be_visible()
    screenshot(page, "people-card-felt-phone")
    page.set_viewport_size(DESKTOP)
    expect(sams_card(page, "Usually leaves you feeling lifted")).to_be_visible()
    screenshot(page, "people-card-felt-desktop")


def test_skipping_the_question_still_logs_the_call(people):
    page = people
    tap(page.get_by_role("button", name="I reached out to Sam"))
    expect(page.get_by_role("checkbox", name="I felt drained after")).to_be_visible()
    tap(page.get_by_role("button", name="A call"))
    expect(sams_card(page, "Last reached out today")).to_be_visible()
    expect(page.get_by_text(re.compile("leaves you feeling"))).to_have_count(0)


def test_support_you_gave_shows_on_the_card_in_words(people):
    page = people
    tap(page.get_by_role("button", name="I was there for Sam"))
    tap(page.get_by_role("button", name="Listened"))
    expect(sams_card(page, "You've been there for Sam this month")).to_be_visible()
    expect(sams_card(page, "Last there for them: listened, today")).to_be_visible()
    tap(page.get_by_role("button", name="I reached out to Sam"))
    tap(page.get_by_role("button", name="A message"))
    expect(sams_card(page, "You've been there for each other this month")).to_be_visible()
    tap(page.get_by_role("button", name="I was there for Sam"))
    tap(page.get_by_role("button", name="Remind me to check on Sam every 3 days"))
    expect(sams_card(page, "Reminding you to check on them every 3 days")).to_be_visible()
    screenshot(page, "people-card-giving-phone")
    tap(page.get_by_role("button", name="I was there for Sam"))
    tap(page.get_by_role("button", name="Stop reminding me"))
    expect(sams_card(page, "You've been there for each other this month")).to_be_visible()
    expect(page.get_by_text("Reminding you to check on them every 3 days")).to_have_count(0)


def test_done_on_a_check_on_reminder_notes_that_you_checked_on_them(chromium, data_dir, tmp_path):
    london = ZoneInfo("Europe/London")
    clock = tmp_path / "now.txt"
    set_clock(clock, datetime(2026, 11, 23, 8, 55, tzinfo=london).isoformat())
    moving_clock = {"TEND_CLOCK_FILE": str(clock), "TZ": "Europe/London", "TEND_REMINDER_CHECK_SECONDS": "0.5"}
    with running_tend(data_dir, moving_clock) as url:
        context = chromium.new_context(viewport=PHONE)
        page = context.new_page()
        open_tend(page, url)
        go_to(page, "People")
        add_person(page, "Sam", "07700 900123")
        tap(page.get_by_role("button", name="I was there for Sam"))
        tap(page.get_by_role("button", name="Remind me to check on Sam every 2 days"))
        expect(sams_card(page, "Reminding you to check on them every 2 days")).to_be_visible()

        set_clock(clock, datetime(2026, 11, 25, 10, 1, tzinfo=london).isoformat())
        done = page.get_by_role("group", name=re.compile(r"^Reminder")).get_by_role("button", name="Done: Check on Sam")
        expect(done).to_be_visible()
        wait_until_still(page)
        tap(done)
        expect(done).to_have_count(0)
        expect(sams_card(page, "Last there for them: checked on them, today")).to_be_visible()
        context.close()


def seed_a_hard_month(data_dir, now: datetime) -> None:
    """Two months ago, calls that left you lifted and better days after them; this last month, low days, one call
    and four times you were there for Sam."""
    store = Store.open(data_dir, now)
    sam = new_person(now, name="Sam", phones=("07700 900123",))
    people, check_ins = PeopleRepository(store), CheckInRepository(store)
    people.save(sam)
    for days_ago in range(31, 61):
        day = now - timedelta(days=days_ago)
        lifted_the_day_before = days_ago % 2 == 1
        check_ins.save(new_check_in(4 if lifted_the_day_before else 2, now, at=day))
        if not lifted_the_day_before:
            people.log_contact(sam, Way.CALL, day + timedelta(hours=3), Felt.LIFTED)
    for days_ago in range(30):
        check_ins.save(new_check_in(2, now, at=now - timedelta(days=days_ago, hours=1)))
    people.log_contact(sam, Way.TEXT, now - timedelta(days=3))
    for days_ago in (2, 6, 11, 15):
        log_given(store, sam.id, Given.LISTENED, now - timedelta(days=days_ago))
    store.close()


def test_history_shows_lifted_days_and_a_note_you_can_hide(chromium, data_dir, tmp_path):
    london = ZoneInfo("Europe/London")
    now = datetime(2026, 11, 23, 12, 0, tzinfo=london)
    seed_a_hard_month(data_dir, now)
    clock = tmp_path / "now.txt"
    set_clock(clock, now.isoformat())
    with running_tend(data_dir, {"TEND_CLOCK_FILE": str(clock), "TZ": "Europe/London"}) as url:
        context = chromium.new_context(viewport=PHONE)
        page = context.new_page()
        open_tend(page, url)
        go_to(page, "History")
        expect(page.get_by_text(re.compile(r"On the 15 days after time with someone left you feeling lifted, "
                                           r"your mood averaged 4\.0"))).to_be_visible()
        note = page.get_by_role("group", name=re.compile(r"^Over the last 30 days you've been there for others more"))
        expect(note).to_be_visible()
        note.scroll_into_view_if_needed()  # Flutter scrolls with the page's scroll
        expect(note).to_be_in_viewport()
        screenshot(page, "history-what-helps-phone")
        tap(page.get_by_role("button", name="Hide this note"))
        expect(note).to_have_count(0)
        go_to(page, "Settings")
        expect(page.get_by_role("switch", name=re.compile(r"^In History, a note when I give"))).not_to_be_checked()
        context.close()
