"""What a new person sees in their first week, in a real browser: names in any script and emoji drawn as letters
(not empty boxes), no counters until asked for, and a layout that fits a 320 px phone and centres on a desktop."""

import base64
import re

import pytest
from browser import DESKTOP, fill, go_to, open_tend, screenshot, tap, wait_until_still
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser
SMALL_PHONE = {"width": 320, "height": 640}

# Reads a PNG's pixels in the page itself (the test has no image library): how many pixels differ between two
# pictures of the same size, and how many are a saturated warm colour, as an emoji's yellow face is.
PIXELS = """
async ([first, second]) => {
  const read = async data => {
    const image = new Image();
    image.src = 'data:image/png;base64,' + data;
    await image.decode();
    const canvas = new OffscreenCanvas(image.width, image.height);
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    return context.getImageData(0, 0, image.width, image.height).data;
  };
  const a = await read(first);
  const b = second ? await read(second) : a;
  let differing = 0, warm = 0;
  for (let i = 0; i < a.length; i += 4) {
    if (Math.abs(a[i] - b[i]) + Math.abs(a[i + 1] - b[i + 1]) + Math.abs(a[i + 2] - b[i + 2]) > 60) differing++;
    if (a[i] > 200 && a[i + 1] > 130 && a[i + 2] < 100) warm++;
  }
  return {differing, warm};
}
"""


def field_picture(page: Page, name: str, text: str) -> str:
    """The field named `name` with `text` typed in, once the focus has moved on (no caret), as base64 PNG."""
    fill(page, name, text)
    page.keyboard.press("Tab")
    wait_until_still(page)
    box = page.get_by_role("textbox", name=name).bounding_box()
    return base64.b64encode(page.screenshot(clip=box)).decode()


def pixels(page: Page, first: str, second: str | None = None) -> dict:
    return page.evaluate(PIXELS, [first, second])


def test_chinese_and_arabic_letters_and_emoji_are_drawn_not_boxes(phone):
    tap(phone.get_by_role("button", name="Log mood: Okay", exact=True))
    tap(phone.get_by_role("button", name="Add details"))
    # Two different letters drawn as the same empty box would give the very same picture.
    wang, li = field_picture(phone, "Note", "王"), field_picture(phone, "Note", "李")
    assert pixels(phone, wang, li)["differing"] > 20, "王 and 李 look the same: drawn as empty boxes"
    ba, sin = field_picture(phone, "Note", "ب"), field_picture(phone, "Note", "س")
    assert pixels(phone, ba, sin)["differing"] > 20, "ب and س look the same: drawn as empty boxes"
    smile = field_picture(phone, "Note", "王李 😀")
    screenshot(phone, "fonts-note-phone")
    assert pixels(phone, smile)["warm"] > 20, "the emoji is not drawn in colour"


def test_counters_are_off_until_turned_on_and_a_zero_is_a_welcome(phone):
    go_to(phone, "History")
    expect(phone.get_by_text("Mood over time")).to_be_visible()
    expect(phone.get_by_text(re.compile(r"You checked in on|since a low day"))).to_have_count(0)
    go_to(phone, "Settings")
    tap(phone.get_by_role("switch", name=re.compile(r"^Show counts")))
    go_to(phone, "History")
    expect(phone.get_by_text("Welcome back.")).to_be_visible()
    expect(phone.get_by_text(re.compile(r"You checked in on 0"))).to_have_count(0)
    go_to(phone, "Today")
    tap(phone.get_by_role("button", name="Log mood: Good", exact=True))
    expect(phone.get_by_role("group", name=re.compile(r"^Saved: Good"))).to_be_visible()
    go_to(phone, "History")
    expect(phone.get_by_text("You checked in on 1 of the last 7 days.")).to_be_visible()


def test_the_five_moods_fit_one_row_on_a_320_px_phone(chromium, tend_url):
    context = chromium.new_context(viewport=SMALL_PHONE)
    page = context.new_page()
    open_tend(page, tend_url)
    buttons = page.get_by_role("button", name=re.compile(r"^Log mood: "))
    expect(buttons).to_have_count(5)
    boxes = [buttons.nth(i).bounding_box() for i in range(5)]
    # One row: a wrapped mood would sit a whole button lower; a fallback font arriving can nudge a label by a pixel
    # or two, which is still one row.
    tops = [box["y"] for box in boxes]
    assert max(tops) - min(tops) < min(box["height"] for box in boxes) / 2, f"the moods wrap onto two rows: {boxes}"
    assert all(box["x"] + box["width"] <= SMALL_PHONE["width"] for box in boxes)
    screenshot(page, "today-320")
    context.close()


def test_the_content_is_centred_on_a_desktop(chromium, tend_url):
    context = chromium.new_context(viewport=DESKTOP)
    page = context.new_page()
    open_tend(page, tend_url)
    rail = page.get_by_role("button", name=re.compile(r"^(Current place )?Today Tab \d of \d$")).bounding_box()
    heading = page.get_by_role("heading", name="Today").bounding_box()
    content_left = rail["x"] + rail["width"]
    room_left = heading["x"] - content_left
    assert room_left > 150, f"the content still hugs the rail: {room_left:.0f} px from it"
    screenshot(page, "today-desktop")
    context.close()
