"""The app lock means it in a real browser: a reloaded or reopened tab asks for the PIN again and is sent nothing of
what the lock hides, Get help now still works there, and PINs tried from several tabs at once are each counted."""

import re
from datetime import datetime
from pathlib import Path

import flet as ft
import flet.version
import pytest
from browser import PHONE, fill, open_tend, running_tend, tap
from flet.components.hooks.use_effect import EffectHook
from flet.messaging.session import Session
from playwright.sync_api import Page, expect

from storage.app_lock import AppLock
from storage.checkins.model import Mood, new_check_in
from storage.checkins.repository import CheckInRepository
from storage.store.persistence import Store
from views.device import disconnected

PIN = "739164"
NOTE = "Told Sam about the night shift"
MOMENT = "2026-11-23T10:00:00+00:00"
LOCKED = "Tend is locked"
WRONG = "That PIN didn't open Tend. Please try again."
CHECKING = "Tend is still checking a PIN typed a moment ago. Please try again."


def test_the_tab_lock_relies_on_names_this_flet_still_has():
    """views.device.disconnected stands in for Flet's update loop while a tab is away: if Flet moves these, look again."""
    assert flet.version.flet_version == disconnected.FLET_VERSION
    assert callable(Session.schedule_update) and callable(Session.schedule_effect)
    assert {"setup", "cleanup", "_setup_task", "_cleanup_task"} <= set(EffectHook.__dataclass_fields__)
    assert callable(ft.Page._remove_dialog) and "_dialogs" in ft.Page.__dataclass_fields__


def locked_tend(data_dir: Path, clock: Path) -> None:
    """A Tend with a PIN and a check-in that has a note: what the lock must hide."""
    clock.write_text(MOMENT)
    now = datetime.fromisoformat(MOMENT).astimezone()
    store = Store.open(data_dir, now)
    AppLock(store).set_pin(PIN, now)
    CheckInRepository(store).save(new_check_in(Mood.OKAY, now, note=NOTE))
    store.close()


def unlock(page: Page) -> None:
    fill(page, "PIN", PIN)
    tap(page.get_by_role("button", name="Unlock"))
    expect(page.get_by_role("heading", name="Today")).to_be_visible()


def received_text(page: Page) -> list[bytes]:
    """Everything the page is sent over its WebSocket from now on (Flet's messages carry text as UTF-8)."""
    frames: list[bytes] = []
    page.on("websocket", lambda socket: socket.on(
        "framereceived", lambda frame: frames.append(frame if isinstance(frame, bytes) else frame.encode())))
    return frames


def shown(page: Page, text: str):
    """Text on the screen, leaving out the copy Flutter hands to screen readers as an announcement."""
    return page.locator("flt-semantics-host").get_by_text(text)


def come_back_to_the_lock(page: Page, come_back) -> None:
    """`come_back()` brings the tab back (a reload, a reopened tab); it must show the lock and be sent nothing of the
    note it hides, not even for a moment."""
    frames = received_text(page)
    come_back()
    placeholder = page.locator("flt-semantics-placeholder")  # the accessibility tree, anew for the new page
    placeholder.wait_for(state="attached", timeout=60_000)
    placeholder.evaluate("node => node.click()")
    expect(page.get_by_role("heading", name=LOCKED)).to_be_visible(timeout=30_000)
    expect(page.get_by_role("heading", name="Today")).to_have_count(0)
    expect(page.get_by_role("textbox", name="Note")).to_have_count(0)
    expect(shown(page, NOTE)).to_have_count(0)
    assert frames and not [frame for frame in frames if NOTE.encode() in frame]


@pytest.mark.browser
def test_a_reloaded_or_reopened_tab_asks_for_the_pin_again(chromium, data_dir, tmp_path):
    clock = tmp_path / "now.txt"
    locked_tend(data_dir, clock)
    with running_tend(data_dir, {"TEND_CLOCK_FILE": str(clock)}) as url:
        page = chromium.new_context(viewport=PHONE).new_page()
        open_tend(page, url, heading=LOCKED)
        unlock(page)
        expect(shown(page, NOTE).first).to_be_visible()
        tap(page.get_by_role("button", name=re.compile("^Edit the check-in of")))  # the note open in its editor
        expect(page.get_by_role("textbox", name="Note")).to_be_visible()

        come_back_to_the_lock(page, page.reload)
        tap(page.get_by_role("button", name="Get help now"))  # still reachable without the PIN
        expect(page.get_by_role("button", name="Open my safety plan")).to_be_visible()
        tap(page.get_by_role("button", name="Close"))
        expect(page.get_by_role("button", name="Open my safety plan")).to_have_count(0)
        unlock(page)
        expect(shown(page, NOTE).first).to_be_visible()

        def reopen() -> None:  # the tab closed and opened again: the browser gives it back its Flet session
            page.goto("about:blank")
            page.go_back()

        come_back_to_the_lock(page, reopen)
        unlock(page)
        page.context.close()


@pytest.mark.browser
def test_pins_tried_from_several_tabs_at_once_are_each_counted(chromium, data_dir, tmp_path):
    clock = tmp_path / "now.txt"
    locked_tend(data_dir, clock)
    with running_tend(data_dir, {"TEND_CLOCK_FILE": str(clock)}) as url:
        tabs = []
        for _ in range(3):  # within the three tries that cost no wait, so every try is either checked or refused
            tab = chromium.new_context(viewport=PHONE).new_page()
            open_tend(tab, url, heading=LOCKED)
            fill(tab, "PIN", "0000")
            tabs.append(tab)
        for tab in tabs:
            tap(tab.get_by_role("button", name="Unlock"))
        answers = []
        for tab in tabs:
            answer = tab.get_by_text(WRONG).or_(tab.get_by_text(CHECKING))
            expect(answer).to_be_visible()
            answers.append(answer.text_content())
            tab.context.close()
    store = Store.open(data_dir, datetime.fromisoformat(MOMENT).astimezone())
    assert AppLock(store).wrong_tries() == answers.count(WRONG) >= 1
    store.close()
