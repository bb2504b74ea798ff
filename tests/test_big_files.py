"""Big files with a clear answer, in a real browser against the real server: a contacts file of 60,000 cards, a file
over the import limit, and a file over the 16 MiB a WebSocket message may carry. The page stays responsive after
each (navigation still works)."""

import os
import re
from pathlib import Path

import pytest
from browser import fill, go_to, screenshot, tap
from playwright.sync_api import Page, expect

from storage.your_data.exchange import SIZE_LIMIT

pytestmark = pytest.mark.browser
WEBSOCKET_MESSAGE_LIMIT = 16 * 2**20  # uvicorn's ws_max_size, which `pick_files(with_data=True)` ran into


def shown(page: Page, text):
    """Text on the screen, leaving out the copy Flutter hands to screen readers as an announcement."""
    return page.locator("flt-semantics-host").get_by_text(text)


def pick(page: Page, button: str, path: Path) -> None:
    with page.expect_file_chooser() as chooser:
        tap(page.get_by_role("button", name=button))
    chooser.value.set_files(str(path))


def test_sixty_thousand_contacts_give_the_first_five_thousand_said_plainly_and_the_page_keeps_working(
        phone, tmp_path):
    contacts = tmp_path / "company-directory.vcf"
    contacts.write_text("".join(f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person {number}\r\nTEL:+44 7700 9{number:05d}\r\n"
                                "END:VCARD\r\n" for number in range(60_000)), encoding="utf-8")
    go_to(phone, "People")
    pick(phone, "Import from a contacts file", contacts)

    expect(shown(phone, re.compile(r"^This file holds 60,000 contacts\. Tend read the first 5,000;"))) \
        .to_be_visible()
    expect(shown(phone, "Showing 50 of 5,000. Type part of a name to find someone.")).to_be_visible()
    screenshot(phone, "people-huge-contacts-file-phone")
    fill(phone, "Find someone by name, number or email", "Person 4999")
    tap(phone.get_by_role("checkbox", name="Person 4999 · +447700904999"))
    tap(phone.get_by_role("button", name="Add 1 person"))

    expect(phone.get_by_role("group", name=re.compile(r"^Person 4999 "))).to_be_visible()
    go_to(phone, "Today")
    go_to(phone, "People")
    expect(phone.get_by_role("group", name=re.compile(r"^Person \d+ "))).to_have_count(1)


def test_a_file_over_the_import_limit_is_refused_by_its_size_before_it_is_read(phone, data_dir, tmp_path):
    huge = tmp_path / "holiday-video.json"
    with open(huge, "wb") as file:
        file.truncate(SIZE_LIMIT + 2**20)  # sparse: the picker reports its size; nothing needs to read it
    go_to(phone, "Settings")
    pick(phone, "Import", huge)

    expect(shown(phone, "This file is 101 MB, more than the 100 MB Tend can import. Please check it is the right "
                        "file. Nothing was imported, so your data is as it was.")).to_be_visible()
    assert not any((data_dir / "incoming").iterdir())  # nothing was uploaded
    go_to(phone, "Today")


def test_tend_s_own_export_bigger_than_a_websocket_message_imports_again(phone, tmp_path):
    tap(phone.get_by_role("button", name="Log mood: Good", exact=True))
    expect(phone.get_by_role("group", name=re.compile(r"^Saved: Good at"))).to_be_visible()
    go_to(phone, "Settings")
    with phone.expect_download() as download:
        tap(phone.get_by_role("button", name="Export everything"))
    text = Path(download.value.path()).read_text(encoding="utf-8")
    padded = tmp_path / "tend-export-padded.json"  # white space between JSON's tokens, as an editor might add
    padded.write_text(text.replace("{", "{" + " " * (WEBSOCKET_MESSAGE_LIMIT + 2**20), 1), encoding="utf-8")
    assert WEBSOCKET_MESSAGE_LIMIT < os.path.getsize(padded) < SIZE_LIMIT

    # the buttons rest while the export finishes, as a person would see: a tap on a resting Import does nothing
    expect(phone.get_by_role("button", name="Import", exact=True)).to_be_enabled()
    pick(phone, "Import", padded)

    expect(shown(phone, re.compile(r"^Imported “tend-export-padded\.json”\. Added 0, updated 0, and left \d+ as "
                                   r"they were"))).to_be_visible()
    go_to(phone, "History")
    expect(phone.get_by_role("button", name=re.compile(r"^Edit the check-in of .*Good at"))).to_have_count(1)
