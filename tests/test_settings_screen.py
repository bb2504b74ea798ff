"""Settings in a real browser: the theme changes what a person sees, and the country picks the emergency number."""

import pytest
from browser import fill, go_to, open_tend, running_tend, tap, wait_for_brightness
from playwright.sync_api import expect


@pytest.mark.browser
def test_dark_theme_darkens_the_screen_and_is_kept_after_a_restart(chromium, data_dir):
    with running_tend(data_dir) as url:
        page = chromium.new_page(viewport={"width": 412, "height": 915})
        open_tend(page, url)
        go_to(page, "Settings")
        tap(page.get_by_role("radio", name="Light"))
        assert wait_for_brightness(page, dark=False) > 200
        tap(page.get_by_role("radio", name="Dark"))
        assert wait_for_brightness(page, dark=True) < 60
        page.close()
    with running_tend(data_dir) as url:
        page = chromium.new_page(viewport={"width": 412, "height": 915})
        open_tend(page, url)
        assert wait_for_brightness(page, dark=True) < 60
        page.close()


@pytest.mark.browser
def test_choosing_a_country_shows_its_emergency_number_in_get_help_now(phone):
    go_to(phone, "Settings")
    tap(phone.get_by_role("button", name="Get help now"))
    expect(phone.get_by_role("button", name="Call 112")).to_be_visible()  # no country yet: 112, and a picker
    expect(phone.get_by_role("button", name="Choose your country")).to_be_visible()
    tap(phone.get_by_role("button", name="Close"))
    expect(phone.get_by_role("alertdialog")).to_have_count(0)
    phone.get_by_role("button", name="Country").click()  # a dropdown opens on a pointer tap
    phone.get_by_role("button", name="United Kingdom").click()
    tap(phone.get_by_role("button", name="Get help now"))
    expect(phone.get_by_role("button", name="Call 999")).to_be_visible()


@pytest.mark.browser
def test_an_added_emotion_is_offered_in_check_in_details_and_a_removed_one_is_not(phone):
    go_to(phone, "Settings")
    fill(phone, "New emotion", "proud")
    tap(phone.get_by_role("button", name="Add emotion"))
    expect(phone.get_by_role("button", name="Remove proud")).to_be_visible()
    tap(phone.get_by_role("button", name="Remove numb"))
    expect(phone.get_by_role("button", name="Remove numb")).to_have_count(0)
    go_to(phone, "Today")
    tap(phone.get_by_role("button", name="Log mood: Good", exact=True))
    tap(phone.get_by_role("button", name="Add details"))
    expect(phone.get_by_role("checkbox", name="proud")).to_be_visible()
    expect(phone.get_by_role("checkbox", name="numb")).to_have_count(0)
