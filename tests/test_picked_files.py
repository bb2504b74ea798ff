"""Big files with a clear answer, and slow work that never freezes the app: the rules behind the screens, without a
browser (tests/test_big_files.py drives the same in a real one)."""

import asyncio
import os
import stat
import threading
from datetime import datetime, timezone

import flet as ft
import pytest

from storage.errors import StorageError
from storage.people.vcard import MAX_CARDS
from storage.your_data.exchange import SIZE_LIMIT
from views.device.picked_files import (
    INCOMING,
    LARGEST_PICKED_FILE,
    FileReader,
    NotRead,
    PickedFile,
    accept_web_uploads,
    incoming_folder,
)
from views.kit.background import LastScreen, OneAtATime, wrote_in_background
from views.people.contacts_import import SHOWN_AT_MOST, candidates_from, matching, not_read_words

NOW = datetime(2026, 11, 23, 9, 15, tzinfo=timezone.utc)


def many_cards(count: int) -> bytes:
    return "".join(f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person {number}\r\nTEL:+44 7700 9{number:05d}\r\nEND:VCARD\r\n"
                   for number in range(count)).encode()


# One piece of work at a time, and what the screen shows about it.

def listened(runner: OneAtATime) -> list:
    heard = []
    runner.screen.listen(heard.append)
    return heard


def test_a_second_tap_while_the_work_runs_starts_nothing_and_a_tap_after_it_does():
    started = []

    async def job(say):
        started.append(len(started))
        await asyncio.sleep(0.01)

    async def scenario(runner):
        await asyncio.gather(runner.run("Restoring your backup…", job), runner.run("Restoring your backup…", job))
        assert started == [0]
        await runner.run("Restoring your backup…", job)
        assert started == [0, 1]

    runner = OneAtATime(show_after=60)
    heard = listened(runner)
    asyncio.run(scenario(runner))
    assert heard == ["", None, "", None]  # busy at once, idle after; quick work never shows words


def test_words_show_once_the_work_takes_longer_than_a_glance_and_follow_what_it_says():
    async def job(say):
        say("Reading “big.json”… 10%")
        await asyncio.sleep(0.05)
        say("Reading “big.json”… 60%")

    runner = OneAtATime(show_after=0.01)
    heard = listened(runner)
    asyncio.run(runner.run("Waiting for a file…", job))
    assert heard == ["", "Reading “big.json”… 10%", "Reading “big.json”… 60%", None]


def test_the_screen_shown_last_hears_the_work_and_a_screen_left_behind_no_longer_does():
    async def scenario(runner):
        left, came_back = [], []
        runner.screen.listen(left.append)

        async def job(say):
            runner.screen.listen(came_back.append)  # the person left and opened the screen again

        await runner.run("Restoring your backup…", job)
        return left, came_back

    left, came_back = asyncio.run(scenario(OneAtATime(show_after=60)))
    assert left == [""] and came_back == [None]


def test_a_screen_that_has_gone_hears_nothing_and_says_so():
    screen, heard = LastScreen(), []
    stop = screen.listen(heard.append)
    assert screen.tell("Imported") is True
    stop()
    assert screen.tell("Restored") is False and heard == ["Imported"]
    stop_first = screen.listen(heard.append)
    screen.listen(lambda value: None)
    stop_first()  # a screen left earlier stopping doesn't silence the one shown now
    assert screen.tell("Backed up") is True


def test_work_that_fails_frees_the_button_again():
    async def failing(say):
        raise RuntimeError("boom")

    ran = []

    async def job(say):
        ran.append(True)

    async def scenario(runner):
        with pytest.raises(RuntimeError):
            await runner.run("Backing up…", failing)
        await runner.run("Backing up…", job)

    runner = OneAtATime()
    asyncio.run(scenario(runner))
    assert ran == [True] and runner.shown is None


class TellingTend:
    """The part of Tend that `wrote_in_background` leans on: `Tend.wrote`'s telling of a refused write."""

    def __init__(self):
        self.told = []

    def wrote(self, write) -> bool:
        try:
            write()
        except StorageError as error:
            self.told.append(error.message)
            return False
        return True


def test_a_write_runs_off_the_event_loop_and_a_refusal_is_told_back_on_it():
    tend = TellingTend()
    threads = []

    def refused():
        threads.append(threading.get_ident())
        raise StorageError("The disk is full. Everything you saved before is safe.")

    async def scenario():
        return threading.get_ident(), await wrote_in_background(tend, refused)

    loop_thread, wrote = asyncio.run(scenario())
    assert wrote is False and threads and threads[0] != loop_thread
    assert tend.told == ["The disk is full. Everything you saved before is safe."]
    assert asyncio.run(wrote_in_background(tend, lambda: None)) is True


# The browser's uploads: one folder, private, emptied at start; one limit, Tend's own.

def test_web_uploads_land_in_a_private_folder_emptied_at_start_with_tend_s_limit(tmp_path, monkeypatch):
    for name in ("FLET_UPLOAD_DIR", "FLET_SECRET_KEY", "FLET_MAX_UPLOAD_SIZE"):
        monkeypatch.delenv(name, raising=False)
    leftover = tmp_path / INCOMING / "cut-short.upload"
    leftover.parent.mkdir()
    leftover.write_bytes(b"half an import")

    accept_web_uploads(tmp_path)

    folder = incoming_folder(tmp_path)
    assert os.environ["FLET_UPLOAD_DIR"] == str(folder) and not leftover.exists()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert int(os.environ["FLET_MAX_UPLOAD_SIZE"]) == LARGEST_PICKED_FILE == SIZE_LIMIT
    assert len(os.environ["FLET_SECRET_KEY"]) >= 32


def test_a_folder_that_cannot_take_uploads_still_lets_tend_start(tmp_path, monkeypatch):
    for name in ("FLET_UPLOAD_DIR", "FLET_SECRET_KEY", "FLET_MAX_UPLOAD_SIZE"):
        monkeypatch.delenv(name, raising=False)
    blocked = tmp_path / "data"
    blocked.write_text("a file where the data folder should be")

    accept_web_uploads(blocked)

    assert "FLET_UPLOAD_DIR" not in os.environ and "FLET_SECRET_KEY" not in os.environ


def picked(path, size: int) -> PickedFile:
    return PickedFile(path.name, size, ft.FilePickerFile(id=0, name=path.name, size=size, path=str(path)))


def test_a_picked_path_is_read_and_one_that_went_away_is_not_read(tmp_path):
    export = tmp_path / "tend-export.json"
    export.write_bytes(b'{"format": "tend-export"}')
    reader = FileReader()

    assert asyncio.run(reader.read(picked(export, 25), tmp_path)) == b'{"format": "tend-export"}'
    with pytest.raises(NotRead):
        asyncio.run(reader.read(picked(tmp_path / "gone.json", 25), tmp_path))


def upload_event(progress=None, error=None) -> ft.FilePickerUploadEvent:
    return ft.FilePickerUploadEvent(name="upload", data=None, control=None, file_name="big.json",
                                    progress=progress, error=error)


def test_the_browser_s_upload_events_report_progress_then_finish_or_fail():
    async def heard(*events):
        reader, progress = FileReader(), []
        reader._finished = asyncio.get_running_loop().create_future()
        reader._on_progress = progress.append
        for event in events:
            reader._on_upload(event)
        return progress, reader._finished

    progress, finished = asyncio.run(heard(upload_event(0.0), upload_event(0.5), upload_event(1.0)))
    assert progress == [0.0, 0.5] and finished.done() and finished.exception() is None
    progress, finished = asyncio.run(heard(upload_event(0.3), upload_event(error="Upload endpoint returned 413")))
    assert isinstance(finished.exception(), NotRead)


# A huge contacts file: the first MAX_CARDS cards, the rest told, the list found by typing.

def test_sixty_thousand_contacts_give_the_first_five_thousand_and_say_so():
    candidates = candidates_from(many_cards(60_000), NOW)

    assert len(candidates.people) == MAX_CARDS and candidates.not_read == 55_000
    assert not_read_words(candidates.not_read) == (
        "This file holds 60,000 contacts. Tend read the first 5,000; to add someone after those, export a smaller "
        "group of contacts (a label or a group) and import that.")


def test_the_list_to_choose_from_is_bounded_and_found_by_typing():
    people = candidates_from(many_cards(300), NOW).people

    shown, matches = matching(people, "")
    assert len(shown) == SHOWN_AT_MOST and matches == 300
    shown, matches = matching(people, "  person 29")
    assert [person.name for person in shown] == ["Person 29", *[f"Person {n}" for n in range(290, 300)]]
    assert matches == 11
    assert matching(people, "7700 9002")[1] == 100  # by number too, as it is shown
    assert matching(people, "nobody") == ([], 0)
