"""The app shell in a real browser: every screen reachable by its spoken name, at phone and desktop size."""

import pytest
from browser import DESKTOP, PHONE, go_to, open_tend, screenshot
from playwright.sync_api import expect

SCREENS = ("Today", "People", "Reminders", "History", "Settings")


@pytest.mark.browser
@pytest.mark.parametrize("size_name, viewport", [("phone", PHONE), ("desktop", DESKTOP)])
def test_every_screen_has_its_heading_and_help(chromium, tend_url, size_name, viewport):
    context = chromium.new_context(viewport=viewport)
    page = context.new_page()
    open_tend(page, tend_url)
    for name in SCREENS:
        go_to(page, name)
        expect(page.get_by_role("button", name="Get help now")).to_be_visible()
        screenshot(page, f"{size_name}-{name.lower()}")
    context.close()



@pytest.mark.browser
def test_quick_taps_on_the_navigation_always_arrive(phone):
    """Each tap on a tab must show its screen, however fast they come (a service the web client doesn't know once
    made it ignore taps)."""
    for _ in range(15):
        for name in ("History", "Today"):
            phone.get_by_role("tab", name=name, exact=True).click()
            expect(phone.get_by_role("heading", name=name, exact=True)).to_be_visible(timeout=3000)
