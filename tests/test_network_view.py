"""Your network at a glance in a real browser: people covering three kinds leave the other three named as gaps with
ideas, every person is named to a screen reader, "Think of someone" adds a person for a gap in one step; and
pictures of the network at phone and desktop size with 1, 5 and 25 people, in light and dark."""

import re
from datetime import datetime, timedelta, timezone

import pytest
from browser import (
    DESKTOP,
    PHONE,
    fill,
    go_to,
    open_tend,
    running_tend,
    screenshot,
    tap,
    wait_for_colour,
)
from playwright.sync_api import Page, expect

from storage.people.model import Support, Way, new_person
from storage.people.repository import PeopleRepository
from storage.store.persistence import Store

pytestmark = pytest.mark.browser
NAMES = ("Sam", "Dee", "Ali", "Jo Park", "Priya", "Tom", "Mina", "Leo", "Ruth", "Kofi", "Ana", "Ben", "Cleo", "Dan",
         "Eve", "Femi", "Gus", "Hana", "Ivan", "Jess", "Kai", "Lou", "Max", "Nia", "Omar")
# Who gives what, in turn: some give two kinds, and a small circle leaves gaps.
KINDS = ((Support.EMOTIONAL,), (Support.PRACTICAL,), (Support.PEER, Support.EMOTIONAL), (Support.PROFESSIONAL,),
         (Support.INFORMATIONAL, Support.PRACTICAL), (Support.EMOTIONAL,), (Support.CRISIS,))
DAYS_SINCE = (1, 12, None, 3, 45, 20, 6, None, 90)


def seed(data_dir, count: int, kinds=KINDS) -> list[str]:
    """`count` people with kinds of support in turn and last contacts from this week to never, saved before Tend
    starts, as a person's data would be."""
    now = datetime.now(timezone.utc)
    store = Store.open(data_dir, now)
    people = PeopleRepository(store)
    try:
        for index, name in enumerate(NAMES[:count]):
            person = new_person(now, name=name, supports=kinds[index % len(kinds)])
            people.save(person)
            days = DAYS_SINCE[index % len(DAYS_SINCE)]
            if days is not None:
                people.log_contact(person, Way.CALL, now - timedelta(days=days, hours=1))
    finally:
        store.close()
    return list(NAMES[:count])


def open_circle(chromium, data_dir, viewport, dark: bool = False):
    """Tend open on Your circle; yields the page, then closes its browser context."""
    with running_tend(data_dir) as url:
        context = chromium.new_context(viewport=viewport, color_scheme="dark" if dark else "light")
        page = context.new_page()
        open_tend(page, url)
        go_to(page, "People")
        tap(page.get_by_role("button", name="Your circle"))
        expect(page.get_by_role("heading", name="Your circle")).to_be_visible()
        yield page
        context.close()


def wait_until_pictured(page: Page, timeout: float = 10) -> None:
    """Waits until the picture is painted, not only in the accessibility tree: its middle shows the coloured "You"
    (the canvas can lag the tree, and a screenshot taken then still shows People)."""
    box = page.get_by_role("group", name=re.compile("^You in the middle")).bounding_box()
    x, y = int(box["x"] + box["width"] / 2), int(box["y"] + box["height"] / 2)
    wait_for_colour(page, x, y, lambda rgb: max(rgb) - min(rgb) > 40, timeout)


def named_in_picture(page: Page, name: str):
    """A dot in the picture, as a screen reader names it: 'Sam, in touch this week, emotional support'."""
    return page.get_by_role("group", name=re.compile(rf"^{re.escape(name)}, "))


def gap(page: Page, kind: str):
    """A kind nobody gives yet, as its card is named: 'Peer support (has been there): no one yet Some ideas: …'."""
    return page.get_by_role("group", name=re.compile(rf"^{kind} support \(.*\): no one yet"))


def test_three_kinds_covered_show_the_other_three_as_gaps_and_think_of_someone_adds_a_person(chromium, data_dir):
    seed(data_dir, 3, ((Support.EMOTIONAL,), (Support.PRACTICAL,), (Support.PEER,)))
    for page in open_circle(chromium, data_dir, PHONE):
        for name in ("Sam", "Dee", "Ali"):
            expect(named_in_picture(page, name).first).to_be_attached()
        expect(page.get_by_text(re.compile(r"Emotional support: Sam \(in touch this week\)"))).to_be_attached()
        for kind in ("Informational", "Professional", "Crisis"):
            expect(gap(page, kind)).to_be_attached()
        for covered in ("Emotional", "Practical", "Peer"):
            expect(gap(page, covered)).to_have_count(0)
        expect(gap(page, "Professional")).to_have_accessible_name(re.compile("• Your GP • A counsellor or therapist"))
        expect(gap(page, "Informational")).to_have_accessible_name(re.compile("• Your GP or pharmacist"))
        wait_until_pictured(page)
        screenshot(page, "circle-phone-three-kinds")
        tap(page.get_by_role("button", name="Think of someone for professional support"))
        expect(page.get_by_text("Who looks after your health, like a GP, a therapist or a counsellor?")).to_be_visible()
        fill(page, "Name", "Dr Rao")
        screenshot(page, "circle-phone-think-of-someone")
        tap(page.get_by_role("button", name="Add for professional support"))
        expect(page.get_by_role("group", name=re.compile("^Added Dr Rao for professional support"))).to_be_visible()
        expect(named_in_picture(page, "Dr Rao")).to_be_attached()
        expect(gap(page, "Professional")).to_have_count(0)
        expect(page.get_by_text(re.compile(r"Professional support: Dr Rao \(no contact logged yet\)"))).to_be_attached()
        page.mouse.move(206, 500)
        page.mouse.wheel(0, 900)
        screenshot(page, "circle-phone-words-and-gaps")
        go_to(page, "People")
        expect(page.get_by_role("group", name=re.compile(r"^Dr Rao "))).to_be_visible()


@pytest.mark.parametrize("count", [1, 5, 25])
@pytest.mark.parametrize("size_name, viewport", [("phone", PHONE), ("desktop", DESKTOP)])
def test_the_network_pictured_names_everyone(chromium, data_dir, count, size_name, viewport):
    names = seed(data_dir, count)
    for page in open_circle(chromium, data_dir, viewport, dark=count == 5):
        for name in names:  # a dot of their own, or named in a "+3 more" dot where a ring is full
            expect(page.get_by_role("group", name=re.compile(rf"(^|: |, | and ){re.escape(name)}(,| and |$)")).first
                   ).to_be_attached()
        wait_until_pictured(page)
        screenshot(page, f"circle-{size_name}-{count}-{'dark' if count == 5 else 'light'}")


NARROW = {"width": 320, "height": 800}
DOUBLE_TEXT = "document.addEventListener('DOMContentLoaded', () => { document.documentElement.style.fontSize = '32px'; });"


def test_at_320_px_with_200_percent_text_the_circle_fits_and_still_names_everyone(chromium, data_dir):
    names = seed(data_dir, 7)
    with running_tend(data_dir) as url:
        context = chromium.new_context(viewport=NARROW)
        context.add_init_script(DOUBLE_TEXT)
        page = context.new_page()
        open_tend(page, url)
        go_to(page, "People")
        tap(page.get_by_role("button", name="Your circle"))
        expect(page.get_by_role("heading", name="Your circle")).to_be_visible()
        for name in names:
            expect(named_in_picture(page, name).first).to_be_attached()
        picture = page.get_by_role("group", name=re.compile("^You in the middle")).bounding_box()
        assert picture["x"] >= 0 and picture["x"] + picture["width"] <= NARROW["width"] + 1
        for button in page.get_by_role("button", name=re.compile("^Think of someone")).all():
            box = button.bounding_box()
            assert box["x"] + box["width"] <= NARROW["width"] + 1, "a button runs off the screen"
        screenshot(page, "circle-320-200-percent-text")
        page.mouse.move(160, 400)
        page.mouse.wheel(0, 400)
        screenshot(page, "circle-320-200-percent-text-picture")
        page.mouse.wheel(0, 1200)
        screenshot(page, "circle-320-200-percent-text-words")
        context.close()
