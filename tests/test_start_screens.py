"""Tend always opens, with navigation and Get help now, as a person would meet it: a bad record in a file (it was
"Error running app"), a daily backup the device refuses, a folder that can't be written (it was a traceback)."""

import os
import re
import shutil
import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from browser import PHONE, free_loopback_port, go_to, open_flet_page, open_tend, running_server, running_tend, tap
from playwright.sync_api import expect

from storage.checkins.model import document_from_check_in, new_check_in
from storage.checkins.repository import CheckInRepository, file_for
from storage.people.model import document_from_person, new_person
from storage.store.persistence import Store

pytestmark = pytest.mark.browser
NOBODY = 65534


def person(name: str, now: datetime) -> dict:
    return document_from_person(new_person(now, name=name, phones=("020 7946 0958",)))


def help_still_opens(page) -> None:
    tap(page.get_by_role("button", name="Get help now"))
    expect(page.get_by_role("button", name="International directory of crisis lines")).to_be_visible()
    tap(page.get_by_role("button", name="Close"))
    expect(page.get_by_role("alertdialog")).to_have_count(0)


def test_a_check_in_with_mood_6_and_a_person_with_no_name_are_set_aside_and_told(chromium, data_dir):
    now = datetime.now().astimezone()
    store = Store.open(data_dir, now)
    good = new_check_in(4, now - timedelta(minutes=1))
    CheckInRepository(store).save(good)
    store.put(file_for(good), {**document_from_check_in(new_check_in(3, now)), "mood": 6})
    store.put_many("people", [person("Sam Jones", now), {**person("Jo", now), "name": ""}])
    store.close()

    with running_tend(data_dir) as url:
        page = chromium.new_page(viewport=PHONE)
        open_flet_page(page, url, page.get_by_role("button", name="I understand"))
        expect(page.get_by_text(re.compile(r"^Tend could not use one entry in your saved check-ins from"))).to_be_visible()
        expect(page.get_by_text(re.compile(r"^Tend could not use one entry in your saved list of people"))).to_be_visible()
        expect(page.get_by_text(re.compile(re.escape(str(data_dir / "damaged"))))).to_have_count(2)
        tap(page.get_by_role("button", name="I understand"))
        expect(page.get_by_role("button", name=re.compile(r"^Edit the check-in of .* Good at"))).to_have_count(1)
        go_to(page, "People")
        expect(page.get_by_role("group", name=re.compile(r"^Sam Jones "))).to_be_visible()
        help_still_opens(page)
        page.close()
    assert len(list((data_dir / "damaged").iterdir())) == 2


def test_a_daily_backup_the_device_refuses_is_told_and_tend_works(chromium, data_dir):
    now = datetime.now().astimezone()
    store = Store.open(data_dir, now)
    store.put("people", person("Sam Jones", now))
    store.close()
    (data_dir / "backups").write_text("a file where the backups folder should be")  # every backup now fails

    with running_tend(data_dir) as url:
        page = chromium.new_page(viewport=PHONE)
        open_tend(page, url)
        told = re.compile(r"^Message Tend could not make today's backup\. .*Everything saved before is safe")
        expect(page.get_by_role("group", name=told)).to_be_visible()
        help_still_opens(page)
        tap(page.get_by_role("button", name="Got it"))
        tap(page.get_by_role("button", name="Log mood: Good", exact=True))  # saving itself still works
        expect(page.get_by_role("button", name=re.compile(r"^Edit the check-in of .* Good at"))).to_have_count(1)
        page.close()


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0 or shutil.which("setpriv") is None,
                    reason="needs root to run Tend as another user (setpriv): chmod stops no write by root")
def test_a_read_only_folder_opens_for_reading_and_says_so(chromium, tmp_path):
    now = datetime.now().astimezone()
    home = Path(tempfile.mkdtemp(prefix="tend-read-only-"))  # pytest's own folders are closed to other users
    home.chmod(0o755)
    data_dir = home / "data"
    store = Store.open(data_dir, now)
    CheckInRepository(store).save(new_check_in(4, now - timedelta(minutes=1)))
    store.put("people", person("Sam Jones", now))
    store.close()
    for path in [home, *home.rglob("*")]:
        os.chown(path, NOBODY, NOBODY)
    data_dir.chmod(0o500)
    port = free_loopback_port()
    command = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups",
               sys.executable, "main.py", "--web", "--port", str(port), "--data-dir", str(data_dir)]
    env = {**os.environ, "HOME": str(home), "PYTHONUNBUFFERED": "1", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
    try:
        with running_server(command, port, tmp_path / "server.log", env) as url:
            page = chromium.new_page(viewport=PHONE)
            open_flet_page(page, url, page.get_by_role("heading", name="Today"))
            refusal = page.get_by_role("group", name=f"Message Tend can't save changes in {data_dir} right now: "
                                       "the folder can't be written to. Everything saved before is safe. You can "
                                       "still look at everything and use Get help now.")
            expect(refusal).to_be_visible()
            expect(page.get_by_role("button", name=re.compile(r"^Edit the check-in of .* Good at"))).to_have_count(1)
            help_still_opens(page)
            tap(page.get_by_role("button", name="Got it"))
            expect(refusal).to_have_count(0)
            tap(page.get_by_role("button", name="Log mood: Awful", exact=True))
            expect(refusal).to_be_visible()  # a save is refused with the same plain words, never a traceback
            go_to(page, "People")
            expect(page.get_by_role("group", name=re.compile(r"^Sam Jones "))).to_be_visible()
            page.close()
    finally:
        data_dir.chmod(0o700)
        shutil.rmtree(home)
    assert "Traceback" not in (tmp_path / "server.log").read_text()
