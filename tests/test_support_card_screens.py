"""'How to support me' as a person would write and share it: in a real browser against the real server; the mail
app it would open is recorded instead."""

import re
from pathlib import Path
from urllib.parse import unquote

import pytest
from browser import (
    DESKTOP,
    PHONE,
    add_person,
    fill,
    go_to,
    open_tend,
    running_tend,
    screenshot,
    tap,
    wait_until_still,
)
from playwright.sync_api import Page, expect
from test_people_screens import BRITISH, RECORD_OPENED_LINKS, opened_links

pytestmark = pytest.mark.browser
HELPS = "A walk together. Tea & toast, no questions."
SIGNS = "I go quiet and cancel plans. Ça arrive 💛"


def write_card(page: Page) -> None:
    fill(page, "What helps", HELPS)
    fill(page, "Signs that I'm struggling", SIGNS)
    tap(page.get_by_role("button", name="Save card"))
    expect(page.get_by_text(re.compile("^Saved at"))).to_be_visible()
    expect(page.get_by_text(re.compile(f"^How to support me\n\nWhat helps\n{re.escape(HELPS)}"))).to_be_visible()


def scroll_to_the_end(page: Page, viewport: dict) -> None:
    """Where the preview and the sharing are, for a screenshot."""
    page.mouse.move(viewport["width"] / 2, viewport["height"] / 2)
    page.mouse.wheel(0, 3000)


@pytest.fixture
def tend(data_dir):
    with running_tend(data_dir, BRITISH) as url:
        yield url


def test_write_the_card_share_it_by_email_and_see_who_has_it(chromium, tend):
    context = chromium.new_context(viewport=PHONE)
    context.add_init_script(RECORD_OPENED_LINKS)
    page = context.new_page()
    open_tend(page, tend)
    go_to(page, "People")
    add_person(page, "Sam", "07700 900123", "Emotional")
    tap(page.get_by_role("button", name="Edit Sam"))
    fill(page, "Email", "sam@example.com")
    tap(page.get_by_role("button", name="Save"))
    expect(page.get_by_role("button", name="Email Sam")).to_be_visible()

    tap(page.get_by_role("button", name="How to support me"))
    expect(page.get_by_role("heading", name="How to support me")).to_be_visible()
    write_card(page)
    wait_until_still(page)  # the card redraws once saved: a tap on a chip being replaced would be lost
    tap(page.get_by_role("checkbox", name="Sam"))
    tap(page.get_by_role("button", name="Share by email"))  # straight after: Share must see Sam chosen
    page.wait_for_function("window.__opened.length > 0")

    [link] = opened_links(page)
    address, _, query = link.removeprefix("mailto:").partition("?")
    fields = dict(field.split("=", 1) for field in query.split("&"))
    assert address == "sam@example.com"
    assert unquote(fields["subject"]) == "How to support me"
    assert unquote(fields["body"]) == (f"How to support me\r\n\r\nWhat helps\r\n{HELPS}\r\n\r\n"
                                       f"Signs that I'm struggling\r\n{SIGNS}\r\n")
    expect(page.get_by_role("group", name=re.compile("^Noted: Sam has your card"))).to_be_visible()
    scroll_to_the_end(page, PHONE)
    screenshot(page, "support-card-phone-shared")
    with page.expect_download() as download:  # the web mode's way to any other app: a .txt file
        tap(page.get_by_role("button", name="Save the card as a text file"))
    assert Path(download.value.path()).read_text(encoding="utf-8") == (
        f"How to support me\n\nWhat helps\n{HELPS}\n\nSigns that I'm struggling\n{SIGNS}\n")
    expect(page.get_by_role("group", name=re.compile(r"^Noted: Sam has your card \(as a file"))).to_be_visible()

    go_to(page, "People")
    expect(page.get_by_role("group", name=re.compile(r"^Sam .*Has your support card since \d{1,2} [A-Z][a-z]{2}\b")
                            )).to_be_visible()
    screenshot(page, "support-card-on-person-card-phone")
    context.close()


@pytest.mark.parametrize("size_name, viewport", [("phone", PHONE), ("desktop", DESKTOP)])
def test_the_card_from_settings_in_light_and_dark(chromium, tend, size_name, viewport):
    page = chromium.new_page(viewport=viewport)
    open_tend(page, tend)
    for theme in ("Light", "Dark"):
        go_to(page, "Settings")
        tap(page.get_by_role("radio", name=theme))
        tap(page.get_by_role("button", name="How to support me: a card for your people"))
        expect(page.get_by_role("heading", name="How to support me")).to_be_visible()
        expect(page.get_by_role("heading", name="Settings", exact=True)).to_have_count(0)
        if theme == "Light":
            write_card(page)
        screenshot(page, f"support-card-{size_name}-{theme.lower()}")
        scroll_to_the_end(page, viewport)
        screenshot(page, f"support-card-{size_name}-{theme.lower()}-preview")
    page.close()
