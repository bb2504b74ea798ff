"""Ready-made messages as a person would use them, in a real browser against the real server: on a low day, ask Sam
for emotional support with a message and check what the messaging app was handed; edit a message and see the edit
next time; send one message to three people from "I need…" and see a contact logged with each; and someone Tend
has no number or email for gets a kind word and nothing opened."""

import re
from contextlib import contextmanager
from urllib.parse import unquote

import pytest
from browser import DESKTOP, PHONE, go_to, open_tend, running_tend, screenshot, seeded, tap, wait_until_still
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser
BRITISH = {"LANG": "en_GB.UTF-8", "LC_ALL": "en_GB.UTF-8"}
RECORD_OPENED_LINKS = "window.__opened = []; window.open = (url) => { window.__opened.push(String(url)); return {}; };"
ROUGH_DAY = "Rough day. Could you call me tonight?"


@contextmanager
def tend(chromium, data_dir, viewport=PHONE):
    with running_tend(data_dir, BRITISH) as url:
        context = chromium.new_context(viewport=viewport)
        context.add_init_script(RECORD_OPENED_LINKS)
        page = context.new_page()
        open_tend(page, url)
        yield page
        context.close()


def opened_links(page: Page) -> list[str]:
    return page.evaluate("window.__opened")


def counted(taps: list[str]):
    def tap_counting(control) -> None:
        taps.append(str(control))
        tap(control)
    return tap_counting


def test_on_a_low_day_a_message_to_sam_is_ready_in_four_taps_and_opens_messages_with_it(chromium, data_dir):
    seeded(data_dir, Sam={"phones": ("07700 900123",), "supports": ("emotional",)},
           Dee={"phones": ("07700 900456",), "supports": ("practical",)})
    with tend(chromium, data_dir) as page:
        taps: list[str] = []
        tap_counting = counted(taps)
        tap_counting(page.get_by_role("button", name="Log mood: Low", exact=True))
        tap_counting(page.get_by_role("checkbox", name="I need emotional support"))
        tap_counting(page.get_by_role("button", name="Send a message to Sam"))
        expect(page.get_by_text("Asking isn't a burden: most people are glad to be asked.")).to_be_visible()
        wait_until_still(page)  # the picker has finished opening: a tap while it slides in can be lost
        tap_counting(page.get_by_role("button", name=ROUGH_DAY))
        expect(page.get_by_role("button", name=ROUGH_DAY)).to_have_attribute("aria-current", "true")
        expect(page.get_by_role("button", name="Send to Sam by text")).to_be_visible()  # ready: one tap sends
        print(f"\nTaps from opening Tend on a low day to a message ready to send to Sam: {len(taps)}")
        assert len(taps) <= 4
        screenshot(page, "message-picker-phone-light")
        tap(page.get_by_role("button", name="Send to Sam by text"))
        expect(page.get_by_role("button", name="Yes, I sent it")).to_be_visible()
        [link] = opened_links(page)
        number, _, body = link.partition("?body=")
        assert number == "sms:07700900123"
        assert unquote(body) == f"Hi Sam,\n{ROUGH_DAY}"
        tap(page.get_by_role("button", name="Yes, I sent it"))
        expect(page.get_by_role("group", name="Logged: you reached out to Sam today.")).to_be_visible()
        expect(page.get_by_role("group", name=re.compile("^Would talking.*Sam Last reached out today"))).to_be_visible()


def test_an_edited_message_is_the_one_offered_next_time(chromium, data_dir):
    seeded(data_dir, Sam={"phones": ("07700 900123",), "supports": ("emotional",)})
    edited = "Rough day. Could you call me after nine tonight?"
    with tend(chromium, data_dir) as page:
        go_to(page, "People")
        tap(page.get_by_role("button", name="Ask Sam for help"))
        tap(page.get_by_role("button", name="Manage messages"))
        tap(page.get_by_role("button", name=f"Edit message: {ROUGH_DAY[:39]}"))
        field = page.get_by_role("textbox", name="Message")
        field.focus()
        page.wait_for_function("() => window.__tend.listening.has(document.activeElement)")
        page.keyboard.press("Control+A")
        page.keyboard.insert_text(edited)
        page.wait_for_function("text => window.__tend.told(text)", arg=edited)
        tap(page.get_by_role("button", name="Save"))
        expect(page.get_by_text("Saved.")).to_be_visible()
        tap(page.get_by_role("button", name="Back to the messages"))
        tap(page.get_by_role("button", name="Cancel"))
        expect(page.get_by_role("button", name=edited)).to_have_count(0)
        tap(page.get_by_role("button", name="Ask Sam for help"))  # next time
        expect(page.get_by_role("button", name=ROUGH_DAY, exact=True)).to_have_count(0)
        tap(page.get_by_role("button", name=edited))
        tap(page.get_by_role("button", name="Send to Sam by text"))
        expect(page.get_by_role("button", name="Yes, I sent it")).to_be_visible()
        assert unquote(opened_links(page)[0].partition("?body=")[2]) == f"Hi Sam,\n{edited}"


def test_one_message_from_i_need_goes_to_three_people_and_a_contact_is_logged_with_each(chromium, data_dir):
    seeded(data_dir, Sam={"phones": ("07700 900123",), "supports": ("emotional",)},
           Dee={"phones": ("07700 900456",), "supports": ("emotional",)},
           Ana={"email": "ana@example.com", "supports": ("emotional",)},
           Bo={"phones": ("07700 900999",), "supports": ("practical",)})
    with tend(chromium, data_dir) as page:
        go_to(page, "People")
        tap(page.get_by_role("checkbox", name="I need emotional support"))
        tap(page.get_by_role("button", name="Send one message to several people for emotional support"))
        expect(page.get_by_role("checkbox", name="Bo")).to_have_count(0)
        wait_until_still(page)  # the picker has finished opening: a tap while it slides in can be lost
        tap(page.get_by_role("button", name=ROUGH_DAY))
        tap(page.get_by_role("button", name="Send to everyone ticked"))
        for name in ("Dee", "Sam"):  # the ones not reached for longest first, then by name: Ana, Dee, Sam
            tap(page.get_by_role("button", name=f"Send to {name}"))
        tap(page.get_by_role("button", name="Yes, I sent them"))
        expect(page.get_by_role("group", name="Logged: you reached out to Ana, Dee and Sam today.")).to_be_visible()
        links = opened_links(page)
        assert [link.split("?")[0] for link in links] == ["mailto:ana@example.com", "sms:07700900456",
                                                           "sms:07700900123"]
        assert unquote(links[2].partition("?body=")[2]) == f"Hi Sam,\n{ROUGH_DAY}"
        assert "subject=Could%20we%20talk%3F" in links[0]
        for name in ("Sam", "Dee", "Ana"):
            expect(page.get_by_role("group", name=re.compile(rf"^{name} .*Last reached out today"))).to_be_visible()
        expect(page.get_by_role("group", name=re.compile(r"^Bo .*No contact logged yet"))).to_have_count(0)


def test_someone_with_no_number_or_email_gets_a_kind_word_and_nothing_opens(chromium, data_dir):
    seeded(data_dir, Kim={"supports": ("emotional",)})
    with tend(chromium, data_dir) as page:
        go_to(page, "People")
        tap(page.get_by_role("button", name="Ask Kim for help"))
        tap(page.get_by_role("button", name="I'm not doing great. Could we talk for a bit?"))
        tap(page.get_by_role("button", name="Send to Kim"))
        expect(page.get_by_text(re.compile("Tend doesn't have a phone number or an email address for Kim yet, "
                                           "so nothing was opened"))).to_be_visible()
        assert opened_links(page) == []


@pytest.mark.parametrize(("theme", "viewport", "size"), [("dark", PHONE, "phone"), ("light", DESKTOP, "desktop"),
                                                          ("dark", DESKTOP, "desktop")])
def test_the_picker_at_phone_and_desktop_size_light_and_dark(chromium, data_dir, theme, viewport, size):
    seeded(data_dir, theme, Sam={"phones": ("07700 900123",), "email": "sam@example.com", "supports": ("emotional",)})
    with tend(chromium, data_dir, viewport) as page:
        go_to(page, "People")
        tap(page.get_by_role("button", name="Ask Sam for help"))
        choice = page.get_by_role("button", name="I'm not doing great. Could we talk for a bit?")
        tap(choice)
        expect(choice).to_have_attribute("aria-current", "true")  # picked: the draft is filled in
        wait_until_still(page)
        screenshot(page, f"message-picker-{size}-{theme}")


def test_from_settings_add_my_own_message_remove_one_of_tends_and_restore_it(chromium, data_dir):
    seeded(data_dir, Sam={"phones": ("07700 900123",), "supports": ("emotional",)})
    mine = "Fancy a walk by the river this week?"
    with tend(chromium, data_dir) as page:
        go_to(page, "Settings")
        tap(page.get_by_role("button", name="Manage messages"))
        tap(page.get_by_role("button", name=f"Remove message: {ROUGH_DAY[:39]}"))
        expect(page.get_by_text("Message removed.")).to_be_visible()
        tap(page.get_by_role("button", name="Add a message"))
        tap(page.get_by_role("button", name="Save"))  # empty: a kind word, nothing saved
        expect(page.get_by_text("Please write a few words first. Even a short message is enough.")).to_be_visible()
        field = page.get_by_role("textbox", name="Message")
        field.focus()
        page.wait_for_function("() => window.__tend.listening.has(document.activeElement)")
        page.keyboard.insert_text(mine)
        page.wait_for_function("text => window.__tend.told(text)", arg=mine)
        tap(page.get_by_role("button", name="Save"))
        expect(page.get_by_text("Added.")).to_be_visible()
        tap(page.get_by_role("button", name="Close"))
        go_to(page, "People")
        tap(page.get_by_role("button", name="Ask Sam for help"))
        expect(page.get_by_role("button", name=mine)).to_be_visible()
        expect(page.get_by_role("button", name=ROUGH_DAY, exact=True)).to_have_count(0)
        tap(page.get_by_role("button", name="Manage messages"))
        tap(page.get_by_role("button", name="Restore Tend's messages"))
        expect(page.get_by_text("Restored 1 of Tend's messages as it wrote them.")).to_be_visible()
        tap(page.get_by_role("button", name="Back to the messages"))
        expect(page.get_by_role("button", name=ROUGH_DAY, exact=True)).to_be_visible()
        expect(page.get_by_role("button", name=mine)).to_be_visible()
