"""Typing is never lost: not when a phone turns sideways, not when Tend closes mid-sentence, and not when two
windows edit the same plan. In a real browser against the real server and real files."""

import re

import pytest
from browser import DESKTOP, PHONE, fill, open_tend, tap
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def open_safety_plan(page: Page) -> None:
    tap(page.get_by_role("button", name="Get help now"))  # where the safety plan lives, on every screen
    tap(page.get_by_role("button", name="Open my safety plan"))
    expect(page.get_by_role("heading", name="My safety plan")).to_be_visible()


def expect_typed(page: Page, name: str, text: str) -> None:
    """The field holds `text`: focused first, since Flutter puts a field's text into the page only while it has
    the focus (a resize may take the focus away)."""
    field = page.get_by_role("textbox", name=name)
    field.focus()
    page.wait_for_function("() => window.__tend.listening.has(document.activeElement)")
    expect(field).to_have_value(text)


def exported_plan(page: Page) -> str:
    """The plan as Tend exports it (a field a person hasn't focused has no value in Flutter's accessibility tree)."""
    with page.expect_download() as download:
        tap(page.get_by_role("button", name="Export as text"))
    return open(download.value.path(), encoding="utf-8").read()


def new_page(chromium, url: str, viewport=PHONE) -> Page:
    page = chromium.new_context(viewport=viewport).new_page()
    open_tend(page, url)
    return page


def test_text_typed_in_the_safety_plan_survives_turning_the_phone_sideways(chromium, tend_url):
    page = new_page(chromium, tend_url)
    open_safety_plan(page)
    fill(page, "Warning signs", "Not sleeping")
    page.set_viewport_size(DESKTOP)
    expect(page.get_by_role("button", name=re.compile(r"People\s+Tab 2 of 5$"))).to_be_visible()  # the rail: wide now
    expect_typed(page, "Warning signs", "Not sleeping")
    page.set_viewport_size(PHONE)
    expect(page.get_by_role("tab", name="People", exact=True)).to_be_visible()
    expect_typed(page, "Warning signs", "Not sleeping")
    page.context.close()


def test_the_safety_plan_is_saved_as_it_is_typed_without_leaving_the_field(chromium, tend_url):
    page = new_page(chromium, tend_url)
    open_safety_plan(page)
    fill(page, "My reasons to keep going", "My sister")
    expect(page.get_by_text(re.compile(r"^Saved at \d\d:\d\d\.$"))).to_be_visible()
    page.context.close()  # closed mid-sentence, the field never left
    again = new_page(chromium, tend_url)
    open_safety_plan(again)
    assert "7. My reasons to keep going\n   - My sister\n" in exported_plan(again)
    again.context.close()


def test_two_windows_editing_the_plan_are_told_instead_of_overwriting_each_other(chromium, tend_url):
    here, there = new_page(chromium, tend_url), new_page(chromium, tend_url)
    open_safety_plan(here)
    open_safety_plan(there)
    fill(there, "Warning signs", "Not sleeping")
    expect(there.get_by_text(re.compile(r"^Saved at"))).to_be_visible()
    fill(here, "Things I can do on my own", "A walk")
    changed = here.get_by_role("group", name=re.compile(r"^Your safety plan was changed in another window"))
    expect(changed).to_be_visible()
    tap(changed.get_by_role("button", name="Show the other version"))
    expect(changed).to_have_count(0)
    assert "1. Warning signs\n   - Not sleeping\n" in exported_plan(here)
    here.context.close()
    there.context.close()
