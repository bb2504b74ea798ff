"""Forms that never let a person down (issue 14): what was typed is never thrown away without asking (point 9),
and a one-off reminder that could never ring is refused kindly, with dates showing their year when it isn't this
year's (point 6)."""

import re
from datetime import date, timedelta

import pytest
from browser import fill, go_to, screenshot, tap, wait_until_still
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser
QUESTION = "Discard what you typed?"
BROUGHT_BACK = "What you typed before is back. Nothing is saved until you tap Save."


def drawn(page: Page, words: str):
    """`words` as drawn in the form (Flutter also announces them to screen readers, in an element of their own)."""
    return page.locator("flt-semantics span").filter(has_text=words)


def question(page: Page):
    return drawn(page, QUESTION)


def tap_beside_the_dialog(page: Page) -> None:
    """A tap on the dimmed page around the dialog, where a stray thumb lands. It is a pointer tap, and Flutter's web
    engine then takes the pointer's taps only (it drops a screen reader's clicks for a moment): so the next taps of
    a test that uses it are pointer taps too."""
    wait_until_still(page)
    page.mouse.click(4, page.viewport_size["height"] - 4)


def test_a_form_with_typed_changes_asks_before_discarding_them_and_keeps_them_on_keep_editing(phone):
    page = phone
    go_to(page, "People")
    tap(page.get_by_role("button", name="Add someone"))
    fill(page, "Name", "Jo")
    page.keyboard.press("Escape")
    tap_beside_the_dialog(page)
    name = page.get_by_role("textbox", name="Name")
    expect(name).to_have_value("Jo")  # neither Escape nor a tap beside it threw the name away
    page.get_by_role("button", name="Cancel").click()
    expect(question(page)).to_be_visible()
    screenshot(page, "w14-discard-question-phone")
    tap(page.get_by_role("button", name="Keep editing"))
    expect(question(page)).to_have_count(0)
    expect(name).to_have_value("Jo")
    tap(page.get_by_role("button", name="Cancel"))
    tap(page.get_by_role("button", name="Discard"))
    expect(name).to_have_count(0)
    expect(page.get_by_role("group", name=re.compile(r"^Jo "))).to_have_count(0)  # nothing was saved
    tap(page.get_by_role("button", name="Add someone"))  # untouched, it closes at once
    expect(page.get_by_role("textbox", name="Name")).to_have_value("")
    tap(page.get_by_role("button", name="Cancel"))
    expect(page.get_by_role("textbox", name="Name")).to_have_count(0)


@pytest.mark.parametrize("place, opener, field", [
    ("History", "Add a past check-in", "Note"),
    ("Reminders", "Add a reminder", "Remind me to"),
])
def test_the_check_in_and_reminder_forms_ask_the_same_way(phone, place, opener, field):
    page = phone
    go_to(page, place)
    tap(page.get_by_role("button", name=opener))
    fill(page, field, "Something worth keeping")
    tap_beside_the_dialog(page)
    page.get_by_role("button", name="Cancel").click()
    expect(question(page)).to_be_visible()
    page.get_by_role("button", name="Keep editing").click()
    expect(page.get_by_role("textbox", name=field)).to_have_value("Something worth keeping")


def test_a_one_off_reminder_in_the_past_is_refused_kindly_and_next_years_shows_its_year(phone):
    page = phone
    go_to(page, "Reminders")
    tap(page.get_by_role("button", name="Add a reminder"))
    fill(page, "Remind me to", "Renew my prescription")
    last_year = date.today() - timedelta(days=400)
    fill(page, "First date", f"{last_year:%Y-%m-%d}")
    tap(page.get_by_role("button", name="Save"))
    refusal = page.get_by_text(re.compile(rf"^\w+ {last_year.day} {last_year:%B} {last_year.year} at 09:00 has "
                                          r"already passed, so this reminder would never ring\."))
    expect(refusal).to_be_visible()
    screenshot(page, "w14-past-reminder-refused-phone")
    tap(page.get_by_role("button", name="Cancel"))  # nothing saved, and what was typed is let go only when asked
    tap(page.get_by_role("button", name="Discard"))
    expect(refusal).to_have_count(0)
    expect(page.get_by_role("button", name=re.compile("^Renew my prescription"))).to_have_count(0)
    next_year = date(date.today().year + 1, 1, 4)
    tap(page.get_by_role("button", name="Add a reminder"))
    fill(page, "Remind me to", "Renew my prescription")
    fill(page, "First date", f"{next_year:%Y-%m-%d}")
    tap(page.get_by_role("button", name="Save"))
    listed = page.get_by_role("button", name=re.compile(rf"^Renew my prescription 09:00, on {next_year:%A} 4 January "
                                                        rf"{next_year.year} Next: "))
    expect(listed).to_be_visible()
    screenshot(page, "w14-reminder-next-year-phone")


def test_a_form_left_with_the_browsers_back_opens_again_with_what_was_typed(phone):
    page = phone
    go_to(page, "People")
    tap(page.get_by_role("button", name="Add someone"))
    fill(page, "Name", "Jo Left")
    emotional = page.get_by_role("checkbox", name=re.compile("^Emotional"))
    tap(emotional)  # a choice redraws the form: what it holds is kept all the same
    expect(emotional).to_be_checked()
    page.go_back()  # the form's screen goes, and the form with it
    expect(page.get_by_role("heading", name="Today", exact=True)).to_be_visible()
    expect(page.get_by_role("textbox", name="Name")).to_have_count(0)
    go_to(page, "People")
    tap(page.get_by_role("button", name="Add someone"))
    expect(page.get_by_role("textbox", name="Name")).to_have_value("Jo Left")
    expect(emotional).to_be_checked()
    expect(drawn(page, BROUGHT_BACK)).to_be_visible()
    screenshot(page, "w14-form-brought-back-phone")
    tap(page.get_by_role("button", name="Save"))
    expect(page.get_by_role("group", name=re.compile(r"^Jo Left "))).to_be_visible()
    tap(page.get_by_role("button", name="Add someone"))  # saved, so nothing is brought back
    expect(page.get_by_role("textbox", name="Name")).to_have_value("")
    expect(drawn(page, BROUGHT_BACK)).to_have_count(0)
