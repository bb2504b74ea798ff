"""Text at 200 % and tap targets, as a person who sets large text or taps with less precision would meet them:
nothing is pushed off the screen, every target is at least 48 px, and one tap still saves."""

import re

import pytest
from browser import PHONE, go_to, open_tend, screenshot, tap, wait_until_still
from playwright.sync_api import Page, expect

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


def test_every_control_on_every_screen_is_at_least_48_px(chromium, tend_url):
    """Tappable controls as the accessibility tree sees them, on a screen tall enough to show each screen whole."""
    page = chromium.new_context(viewport={"width": PHONE["width"], "height": 2400}).new_page()
    open_tend(page, tend_url)
    for place in ("Today", "People", "Reminders", "History", "Settings"):
        go_to(page, place)
        wait_until_still(page)  # the screen has finished sliding in, so every box is where it stays
        small = page.evaluate(f"""() => [...document.querySelectorAll(
            'flt-semantics[role=button], flt-semantics[role=checkbox], flt-semantics[role=tab], '
            + 'flt-semantics[role=radio], flt-semantics[role=switch], input')]
          .map(node => [node.getAttribute('aria-label') || node.textContent.trim(), node.getBoundingClientRect()])
          .filter(([, box]) => box.width > 0 && (box.width < {MIN_TARGET} || box.height < {MIN_TARGET}))
          .map(([name, box]) => `${{name}}: ${{Math.round(box.width)}} x ${{Math.round(box.height)}}`)""")
        assert small == [], f"targets under {MIN_TARGET} px on {place}: {small}"
    page.context.close()
