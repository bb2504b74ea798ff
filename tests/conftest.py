"""Shared fixtures: a real Tend server on loopback with its own data folder, and a real Chromium."""

from pathlib import Path

import pytest
from browser import PHONE, launch_chromium, open_tend, running_tend
from playwright.sync_api import expect, sync_playwright

# The build machine has two cores shared by the server, Chromium and pytest: give the page time to catch up before
# calling something missing (a person would wait a moment too).
expect.set_options(timeout=10_000)


def pytest_collection_modifyitems(items):
    """Tests that drive Chromium run after all the others: Playwright's sync API keeps an event loop running in the
    main thread while the browser is open, and the unit tests of async code start loops of their own."""
    items.sort(key=lambda item: "chromium" in getattr(item, "fixturenames", ()))


@pytest.fixture(scope="session")
def chromium():
    with sync_playwright() as playwright:
        try:
            browser = launch_chromium(playwright)
        except LookupError as missing:
            pytest.fail(str(missing), pytrace=False)
        yield browser
        browser.close()


@pytest.fixture(autouse=True)
def no_page_left_open(request):
    """After a browser test, closes whatever it left open, even when it failed half-way: a page left on a server
    that has stopped keeps drawing Flet's "Working..." spinner, at about 30 % of a core each (3 s of CPU in 10 s,
    measured), which every later test on this two-core machine would share."""
    yield
    if "chromium" in request.fixturenames:
        for context in request.getfixturevalue("chromium").contexts:
            context.close()


@pytest.fixture
def data_dir(tmp_path) -> Path:
    folder = tmp_path / "tend-data"
    folder.mkdir()
    return folder


@pytest.fixture
def tend_url(data_dir):
    with running_tend(data_dir) as url:
        yield url


@pytest.fixture
def phone(chromium, tend_url):
    """A phone-sized page with Tend open on Today."""
    context = chromium.new_context(viewport=PHONE)
    page = context.new_page()
    open_tend(page, tend_url)
    yield page
    context.close()
