"""Who can I call, as a new user would: add someone, ask for a kind of support, reach out, get help, fill in and
export the safety plan, import contacts; in a real browser against the real server and real files."""

import re

import pytest
from browser import PHONE, add_person, fill, go_to, open_tend, running_tend, screenshot, tap
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser
BRITISH = {"LANG": "en_GB.UTF-8", "LC_ALL": "en_GB.UTF-8"}
# The browser would hand tel:, sms: and mailto: links to the phone's apps; here we record what it was asked to open.
RECORD_OPENED_LINKS = "window.__opened = []; window.open = (url) => { window.__opened.push(String(url)); return {}; };"


@pytest.fixture
def british_phone(chromium, data_dir):
    with running_tend(data_dir, BRITISH) as url:
        context = chromium.new_context(viewport=PHONE)
        context.add_init_script(RECORD_OPENED_LINKS)
        page = context.new_page()
        open_tend(page, url)
        yield page
        context.close()


def opened_links(page: Page) -> list[str]:
    return page.evaluate("window.__opened")


def test_add_someone_ask_for_emotional_support_call_and_log_the_contact(british_phone):
    page = british_phone
    go_to(page, "People")
    add_person(page, "Sam", "+44 (0)7700 900-123", "Emotional")
    add_person(page, "Dee", "07700 900456", "Practical")
    tap(page.get_by_role("checkbox", name="I need emotional support"))
    expect(page.get_by_role("heading", name="For emotional support")).to_be_visible()
    expect(page.get_by_role("group", name=re.compile(r"^Sam "))).to_be_visible()
    expect(page.get_by_role("group", name=re.compile(r"^Dee "))).to_have_count(0)
    expect(page.get_by_role("group", name=re.compile(r"^Samaritans "))).to_be_visible()  # crisis lines at the end
    tap(page.get_by_role("button", name="Call Sam", exact=True))
    expect(page.get_by_role("button", name="Yes, I reached them")).to_be_visible()
    assert opened_links(page) == ["tel:+447700900123"]
    tap(page.get_by_role("button", name="Yes, I reached them"))
    expect(page.get_by_role("group", name=re.compile(r"^Sam .*Last reached out today"))).to_be_visible()
    screenshot(page, "people-phone-reached")


def test_a_kind_chosen_and_save_tapped_straight_after_is_kept(british_phone):
    """add_person taps the chip and Save back to back, as a quick person does: Save must see the chip."""
    page = british_phone
    go_to(page, "People")
    add_person(page, "Dee", "07700 900456", "Practical")
    expect(page.get_by_role("group", name=re.compile(r"^Dee .*Practical"))).to_be_visible()
    expect(page.get_by_role("group", name=re.compile("Kind of support not set"))).to_have_count(0)


def test_a_number_a_dialer_cant_take_gets_a_kind_message_and_nothing_is_saved(british_phone):
    page = british_phone
    go_to(page, "People")
    tap(page.get_by_role("button", name="Add someone"))
    fill(page, "Name", "Sam")
    fill(page, "Phone", "call me on 0770")
    tap(page.get_by_role("button", name="Save"))
    expect(page.get_by_text(re.compile("letters"))).to_be_visible()
    tap(page.get_by_role("button", name="Cancel"))
    tap(page.get_by_role("button", name="Discard"))  # Tend asks before throwing away what was typed
    expect(page.get_by_text("Add the people and services you could turn to")).to_be_visible()


def test_get_help_now_is_on_every_screen_with_crisis_lines_and_the_safety_plan(british_phone):
    page = british_phone
    for place in ("Today", "People", "Reminders", "History", "Settings"):
        go_to(page, place)
        tap(page.get_by_role("button", name="Get help now"))
        expect(page.get_by_role("button", name="Call 999")).to_be_visible()
        expect(page.get_by_role("button", name="Call Samaritans, 116 123")).to_be_visible()
        tap(page.get_by_role("button", name="Close"))
    tap(page.get_by_role("button", name="Get help now"))
    tap(page.get_by_role("button", name="Text Shout, 85258"))
    page.wait_for_function("window.__opened.length > 0")
    assert opened_links(page) == ["sms:85258?body=SHOUT"]
    tap(page.get_by_role("button", name="Open my safety plan"))
    expect(page.get_by_role("heading", name="My safety plan")).to_be_visible()


def test_fill_in_and_export_the_safety_plan(british_phone):
    page = british_phone
    go_to(page, "People")
    add_person(page, "Sam", "07700 900123", "Emotional")
    tap(page.get_by_role("button", name="Get help now"))
    tap(page.get_by_role("button", name="Open my safety plan"))
    expect(page.get_by_role("checkbox", name="Sam").first).to_be_visible()  # the plan knows Sam: all loaded
    fill(page, "Warning signs", "Not sleeping")
    fill(page, "My reasons to keep going", "My sister")
    tap(page.get_by_role("checkbox", name="Sam").first)  # linked under "People I can ask for help"
    with page.expect_download() as download:
        tap(page.get_by_role("button", name="Export as text"))
    text = open(download.value.path(), encoding="utf-8").read()
    assert "1. Warning signs\n   - Not sleeping\n" in text
    assert "4. People I can ask for help\n   - Sam (07700 900123)\n" in text
    assert "7. My reasons to keep going\n   - My sister\n" in text
    screenshot(page, "safety-plan-phone")


def low_day_card(page: Page):
    return page.get_by_role("group", name=re.compile(r"^Would talking to someone help\?"))


def test_after_a_low_check_in_today_offers_reaching_out_once_a_day(british_phone):
    page = british_phone
    go_to(page, "People")
    add_person(page, "Sam", "07700 900123", "Emotional")
    go_to(page, "Today")
    tap(page.get_by_role("button", name="Log mood: Low", exact=True))
    expect(low_day_card(page)).to_be_visible()
    tap(page.get_by_role("checkbox", name="I need emotional support"))
    expect(page.get_by_role("button", name="Call Sam", exact=True)).to_be_visible()
    screenshot(page, "today-phone-low-day-card")
    tap(page.get_by_role("button", name="Not now"))
    expect(low_day_card(page)).to_have_count(0)
    tap(page.get_by_role("button", name="Log mood: Awful", exact=True))
    expect(page.get_by_role("group", name=re.compile(r"^Saved: Awful"))).to_be_visible()
    expect(low_day_card(page)).to_have_count(0)


ANDROID_EXPORT = (
    "BEGIN:VCARD\r\nVERSION:2.1\r\nN:Okafor;Ada;;;\r\nFN:Ada Okafor\r\nTEL;CELL:+44 7700 900777\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:2.1\r\nN:;;;;\r\nTEL;CELL:07700 900888\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ben Ito\r\nEMAIL;TYPE=INTERNET:ben@example.com\r\nEND:VCARD\r\n"
)


def test_import_chosen_people_from_a_contacts_file(british_phone, tmp_path):
    page = british_phone
    contacts = tmp_path / "contacts.vcf"
    contacts.write_text(ANDROID_EXPORT, encoding="utf-8")
    go_to(page, "People")
    with page.expect_file_chooser() as chooser:
        tap(page.get_by_role("button", name="Import from a contacts file"))
    chooser.value.set_files(str(contacts))
    expect(page.get_by_text("1 could not be added:")).to_be_visible()
    tap(page.get_by_role("checkbox", name=re.compile("^Ada Okafor")))
    tap(page.get_by_role("button", name="Add 1 person"))
    expect(page.get_by_role("group", name=re.compile(r"^Ada Okafor "))).to_be_visible()
    expect(page.get_by_role("group", name=re.compile(r"^Ben Ito "))).to_have_count(0)
