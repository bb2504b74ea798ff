"""A failure while a screen renders never freezes Tend: the guard's unit rules, then the real app in a browser."""

import asyncio
import json
import re
from datetime import date
from pathlib import Path

import flet as ft
import flet.version
import pytest
from browser import PHONE, go_to, open_tend, running_tend, screenshot, tap
from playwright.sync_api import expect

from views import guard

RENDER_FAILURE = Path(__file__).parent / "render_failure"


def test_the_guard_wraps_a_name_that_this_flet_still_has():
    """If Flet moves its private update loop, this fails and the guard must be looked at again."""
    assert flet.version.flet_version == guard.FLET_VERSION
    from flet.messaging.session import Session
    assert asyncio.iscoroutinefunction(getattr(Session, guard.LOOP_NAME))


def test_a_component_that_raises_renders_the_calm_card_instead():
    def broken():
        raise KeyError("boom")

    card = guard.component(broken).__component_impl__().controls[0]
    assert isinstance(card, ft.Card)
    words = [c.value for c in card.content.content.controls[0].controls if isinstance(c, ft.Text)]
    assert words == [guard.SCREEN_FAILED]


def test_a_view_component_falls_back_to_its_own_kind_of_control():
    marker = ft.View(route="/")
    wrapped = guard.component(fallback=lambda: marker)(lambda: 1 / 0)
    assert wrapped.__component_impl__() is marker


class FakeStore(dict):
    def get(self, key):
        return dict.get(self, key)


class FakeSession:
    """Stands in for Flet's Session: its update loop fails twice, then ends."""

    def __init__(self):
        self.store = FakeStore()
        self.runs = 0

    async def _Session__updates_scheduler(self):
        self.runs += 1
        if self.runs <= 2:
            raise ValueError("a render failed")


def test_the_update_loop_goes_on_after_a_failure_and_tells_the_app():
    failures = []
    session_class = type("Session", (FakeSession,), {})
    guard.keep_updates_running(session_class)
    guard.keep_updates_running(session_class)  # twice changes nothing
    session = session_class()
    session.store[guard.FAILURE_HANDLER_KEY] = failures.append
    asyncio.run(getattr(session, guard.LOOP_NAME)())
    assert session.runs == 3
    assert [str(error) for error in failures] == ["a render failed"] * 2


@pytest.mark.browser
def test_a_month_from_a_newer_tend_is_told_and_the_app_still_navigates(chromium, data_dir):
    today = date.today()
    year, month = divmod(today.year * 12 + today.month - 1 - 2, 12)
    months = data_dir / "checkins"
    months.mkdir()
    (months / f"{year}-{month + 1:02d}.json").write_text(json.dumps({"_meta": {"1": {"schema": 99}}, "records": {}}))
    with running_tend(data_dir) as url:
        page = chromium.new_context(viewport=PHONE).new_page()
        open_tend(page, url)
        go_to(page, "History")
        expect(page.get_by_text(re.compile("came from a newer version of Tend"))).to_be_visible()
        for place in ("Today", "People", "History", "Settings"):
            go_to(page, place)
        page.context.close()


@pytest.mark.browser
def test_a_screen_that_fails_shows_the_calm_card_and_help_still_opens(chromium, data_dir):
    with running_tend(data_dir, {"PYTHONPATH": str(RENDER_FAILURE)}) as url:
        page = chromium.new_context(viewport=PHONE).new_page()
        open_tend(page, url)
        page.get_by_role("tab", name="History", exact=True).click()
        expect(page.get_by_role("group", name=re.compile("^" + re.escape(guard.SCREEN_FAILED)))).to_be_visible()
        screenshot(page, "error-card-phone")
        tap(page.get_by_role("button", name="Get help now"))
        expect(page.get_by_role("button", name="International directory of crisis lines")).to_be_visible()
        tap(page.get_by_role("button", name="Close"))
        expect(page.get_by_role("alertdialog")).to_have_count(0)
        tap(page.get_by_role("button", name="Go to Today"))
        expect(page.get_by_role("heading", name="Today", exact=True)).to_be_visible()
        go_to(page, "People")
        page.context.close()
    log = (data_dir / "logs" / "tend.log").read_text(encoding="utf-8")
    assert "Showing HistoryScreen failed" in log and "a bug planted by tests/render_failure" in log


@pytest.mark.browser
def test_the_page_draws_on_one_thread_where_flutters_two_thread_renderer_can_freeze(chromium, data_dir):
    """Flet's client (Flutter 3.44) draws with skwasm, on two threads when the page is cross-origin isolated (which
    Flet's own headers ask for). There the two threads share Skia's glyph cache unlocked, corrupt the page's memory
    while text changes, and the page then spins for ever without a word (flutter/flutter#190039, fixed upstream by
    #190048, after the Flutter in Flet 1.0.5).
    Tend's page is not isolated, so skwasm draws on the page's own thread and starts no worker."""
    with running_tend(data_dir) as url:
        page = chromium.new_context(viewport=PHONE).new_page()
        open_tend(page, url)
        assert page.workers == [], [worker.url[:80] for worker in page.workers]
        assert page.evaluate("() => [window.crossOriginIsolated, typeof window._flutter_skwasmInstance]") == [
            False, "object"]
        page.context.close()
