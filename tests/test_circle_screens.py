"""How it felt and giving back, as a person would: log calls to Sam as "Lifted" and see the quiet line on Sam's
card; log support you gave and see both directions in words; in a real browser against the real server."""

import re

import pytest
from browser import DESKTOP, PHONE, add_person, go_to, open_tend, running_tend, screenshot, tap
from playwright.sync_api import Page, expect

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
