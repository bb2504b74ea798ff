"""Settings in a real browser: the theme changes what a person sees, and the country picks the emergency number."""

import pytest
from playwright.sync_api import expect

from browser import go_to, open_tend, pixel, running_tend


def brightness(rgb: tuple[int, int, int]) -> float:
    return sum(rgb) / 3


@pytest.mark.browser
def test_dark_theme_darkens_the_screen_and_is_kept_after_a_restart(chromium, data_dir):
    with running_tend(data_dir) as url:
        page = chromium.new_page(viewport={"width": 412, "height": 915})
        open_tend(page, url)
        go_to(page, "Settings")
        page.get_by_role("radio", name="Light").click()
        page.wait_for_timeout(800)
        assert brightness(pixel(page, 200, 600)) > 200
        page.get_by_role("radio", name="Dark").click()
        page.wait_for_timeout(800)
        assert brightness(pixel(page, 200, 600)) < 60
        page.close()
    with running_tend(data_dir) as url:
        page = chromium.new_page(viewport={"width": 412, "height": 915})
        open_tend(page, url)
        page.wait_for_timeout(800)
        assert brightness(pixel(page, 200, 600)) < 60
        page.close()


@pytest.mark.browser
def test_choosing_a_country_shows_its_emergency_number_in_get_help_now(phone):
    go_to(phone, "Settings")
    phone.get_by_role("button", name="Get help now").click()
    expect(phone.get_by_text("Choose your country in Settings")).to_be_visible()
    phone.get_by_role("button", name="Close").click()
    phone.get_by_role("button", name="Country").click()
    phone.get_by_role("button", name="United Kingdom").click()
    phone.get_by_role("button", name="Get help now").click()
    expect(phone.get_by_role("button", name="Call 999")).to_be_visible()
