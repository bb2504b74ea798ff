"""A German Daylio export with a mood of its own: Tend asks once which of its moods each name means, with its
guesses filled in, and imports every entry only after the person confirms."""

import re

import pytest
from browser import go_to, tap, wait_until_still
from playwright.sync_api import expect
from test_data_screens import entries, import_file, shown

pytestmark = pytest.mark.browser


def test_a_german_export_asks_for_its_moods_once_then_imports_every_entry(phone, tmp_path):
    daylio = tmp_path / "daylio_export_de.csv"
    daylio.write_text(
        "\ufefffull_date,date,weekday,time,mood,activities,note_title,note\n"
        "2025-03-04,4. März,Dienstag,21:35,super,Freunde,,\n"
        "2025-03-03,3. März,Montag,07:10,Müde,,,\n"
        "2025-03-02,2. März,Sonntag,8:30 pm,schlecht,,,\n"
        "2025-03-02,2. März,Sonntag,8:30 pm,schlecht,,,\n",
        encoding="utf-8")
    import_file(phone, daylio)
    asked = phone.get_by_role("group", name=re.compile(r"^Which Tend mood does each mood in “daylio_export_de"))
    expect(asked).to_be_visible()
    expect(asked.get_by_role("button")).to_have_count(5)  # super, Müde, schlecht, Import, Cancel

    tired = phone.get_by_role("button", name="Müde")
    tired.scroll_into_view_if_needed()  # the card opens below the fold; Flutter scrolls with the page's scroll
    wait_until_still(phone)
    tired.click()  # a dropdown opens on a pointer tap; Tend guessed Low
    phone.get_by_role("button", name="Okay").click()
    wait_until_still(phone)  # the menu has closed: the choice was sent to the app before Import is
    tap(asked.get_by_role("button", name="Import", exact=True))

    expect(shown(phone, re.compile(r"^Imported “daylio_export_de\.csv”\. Added 4, updated 0"))).to_be_visible()
    go_to(phone, "History")
    expect(entries(phone).filter(has_text="Great at 21:35")).to_have_count(1)
    expect(entries(phone).filter(has_text="Okay at 07:10")).to_have_count(1)
    expect(entries(phone).filter(has_text="Low at 20:30")).to_have_count(2)
