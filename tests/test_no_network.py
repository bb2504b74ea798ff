"""Tend never reaches the network: the real app, with a guard loaded into its own Python process that records and
refuses every attempt to reach an address that is not this machine, driven through a whole flow in a browser."""

import re
from pathlib import Path

import pytest
from browser import PHONE, add_person, go_to, open_tend, running_tend, tap
from playwright.sync_api import expect

pytestmark = pytest.mark.browser
GUARD = Path(__file__).parent / "network_guard"


def test_a_whole_flow_makes_no_attempt_to_reach_the_network(chromium, data_dir, tmp_path):
    record = tmp_path / "network-attempts.txt"
    guarded = {"PYTHONPATH": str(GUARD), "TEND_NETWORK_RECORD": str(record),
               "LANG": "en_GB.UTF-8", "LC_ALL": "en_GB.UTF-8"}  # a country, so Get help now lists its lines
    with running_tend(data_dir, guarded) as url:
        page = chromium.new_context(viewport=PHONE).new_page()
        open_tend(page, url)
        tap(page.get_by_role("button", name="Log mood: Low", exact=True))
        expect(page.get_by_role("group", name=re.compile(r"^Saved: Low at"))).to_be_visible()
        go_to(page, "People")
        add_person(page, "Sam", "07700 900123")
        tap(page.get_by_role("button", name="Get help now"))
        expect(page.get_by_role("button", name="Call 999")).to_be_visible()
        tap(page.get_by_role("button", name="Close"))
        go_to(page, "Settings")
        with page.expect_download() as download:
            tap(page.get_by_role("button", name="Export everything"))
        assert '"format": "tend-export"' in Path(download.value.path()).read_text(encoding="utf-8")
        go_to(page, "History")
        page.context.close()
    lines = record.read_text(encoding="utf-8").splitlines()
    assert lines and all(line.startswith("guard active") for line in lines), lines
