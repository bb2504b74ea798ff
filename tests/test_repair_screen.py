"""A damaged file, met as a person would meet it: Tend repairs it from a backup and says so in plain words."""

import re
from datetime import datetime

import pytest
from browser import PHONE, open_flet_page, running_tend, tap
from playwright.sync_api import expect

from storage.checkins.model import new_check_in
from storage.checkins.repository import CheckInRepository, file_for
from storage.store.persistence import Store

pytestmark = pytest.mark.browser


def test_a_damaged_month_is_restored_from_the_backup_and_the_person_is_told_where_it_is(chromium, data_dir):
    now = datetime.now().astimezone()
    store = Store.open(data_dir, now)
    check_in = new_check_in(4, now)
    CheckInRepository(store).save(check_in)
    store.back_up_now(now)
    store.close()
    month_file = data_dir / f"{file_for(check_in)}.json"
    month_file.write_bytes(b'{"_meta": {"1": {"schema": 1}}, "records": {')  # cut short, as by a failing disk

    with running_tend(data_dir) as url:
        page = chromium.new_page(viewport=PHONE)
        open_flet_page(page, url, page.get_by_role("button", name="I understand"))  # it comes first, before Today
        expect(page.get_by_text(re.compile(r"Tend could not read your saved check-ins from"))).to_be_visible()
        expect(page.get_by_text(re.compile(re.escape(str(data_dir / "damaged"))))).to_be_visible()
        tap(page.get_by_role("button", name="I understand"))
        expect(page.get_by_role("button", name=re.compile(r"^Edit the check-in of .* Good at"))).to_have_count(1)
        page.close()
    assert list((data_dir / "damaged").iterdir()), "the damaged file is kept"
