"""Text at 200 %, as a person who sets large text in their browser or phone would see Tend: nothing is cut off or
pushed off the screen, every target stays at least 48 px, and one tap still saves."""

import re

import pytest
from playwright.sync_api import Page, expect

from browser import PHONE, go_to, open_tend, screenshot, tap

pytestmark = pytest.mark.browser
# Flutter's web engine reads the text size from the page's root font size, which a browser's text setting changes.
DOUBLE_TEXT = "document.addEventListener('DOMContentLoaded', () => { document.documentElement.style.fontSize = '32px'; });"
MIN_TARGET = 48


@pytest.fixture
def large_text_phone(chromium, tend_url):
    context = chromium.new_context(viewport=PHONE)
    context.add_init_script(DOUBLE_TEXT)
    page = context.new_page()
    open_tend(page, tend_url)
    yield page
    context.close()


def boxes(page: Page, role: str, name) -> list[dict]:
    controls = page.get_by_role(role, name=name)
    expect(controls.first).to_be_visible()
    return [controls.nth(index).bounding_box() for index in range(controls.count())]


def test_mood_buttons_grow_with_200_percent_text_and_still_save(large_text_phone):
    page = large_text_phone
    for box in boxes(page, "button", re.compile(r"^Log mood: ")):
        assert box["width"] >= MIN_TARGET and box["height"] >= MIN_TARGET
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], "a mood button runs off the screen"
    screenshot(page, "today-phone-200-percent-text")
    tap(page.get_by_role("button", name="Log mood: Awful", exact=True))
    expect(page.get_by_role("group", name=re.compile(r"^Saved: Awful"))).to_be_visible()


def test_every_screen_fits_the_phone_width_with_200_percent_text(large_text_phone):
    page = large_text_phone
    for place in ("People", "Reminders", "History", "Settings"):
        go_to(page, place)
        for box in boxes(page, "button", re.compile(".")):
            if box and box["width"] and box["y"] < PHONE["height"]:
                assert box["x"] + box["width"] <= PHONE["width"] + 1, f"a button on {place} runs off the screen"
        screenshot(page, f"{place.lower()}-phone-200-percent-text")
