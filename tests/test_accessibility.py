"""Text at 200 % and tap targets, as a person who sets large text or taps with less precision would meet them:
nothing is pushed off the screen, every target is at least 48 px, and one tap still saves. And names, dialogs, the
rail and the keyboard's focus as a screen reader, voice control or keyboard user meets them."""

import ast
import re

import pytest
from browser import (
    DESKTOP,
    PHONE,
    PROJECT,
    fill,
    go_to,
    open_tend,
    pixel,
    pixels_in_row,
    running_tend,
    screenshot,
    seeded,
    tap,
    wait_until_still,
)
from colours import AA_NON_TEXT, AA_TEXT, contrast
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser
# Flutter's web engine reads the text size from the page's root font size, which a browser's text setting changes.
DOUBLE_TEXT = "document.addEventListener('DOMContentLoaded', () => { document.documentElement.style.fontSize = '32px'; });"
MIN_TARGET = 48


@pytest.fixture
def large_text_phone(chromium, tend_url):
    context = chromium.new_context(viewport=PHONE)
    context.add_init_script(DOUBLE_TEXT)
    page = context.new_page()
    open_tend(page, tend_url)
    yield page
    context.close()


def boxes(page: Page, role: str, name) -> list[dict]:
    controls = page.get_by_role(role, name=name)
    expect(controls.first).to_be_visible()
    return [controls.nth(index).bounding_box() for index in range(controls.count())]


def test_mood_buttons_grow_with_200_percent_text_and_still_save(large_text_phone):
    page = large_text_phone
    for box in boxes(page, "button", re.compile(r"^Log mood: ")):
        assert box["width"] >= MIN_TARGET and box["height"] >= MIN_TARGET
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], "a mood button runs off the screen"
    screenshot(page, "today-phone-200-percent-text")
    tap(page.get_by_role("button", name="Log mood: Awful", exact=True))
    expect(page.get_by_role("group", name=re.compile(r"^Saved: Awful"))).to_be_visible()


def test_every_screen_fits_the_phone_width_with_200_percent_text(large_text_phone):
    page = large_text_phone
    for place in ("People", "Reminders", "History", "Settings"):
        go_to(page, place)
        for box in boxes(page, "button", re.compile(".")):
            if box and box["width"] and box["y"] < PHONE["height"]:
                assert box["x"] + box["width"] <= PHONE["width"] + 1, f"a button on {place} runs off the screen"
        screenshot(page, f"{place.lower()}-phone-200-percent-text")


def test_every_control_on_every_screen_is_at_least_48_px(chromium, tend_url):
    """Tappable controls as the accessibility tree sees them, on a screen tall enough to show each screen whole."""
    page = chromium.new_context(viewport={"width": PHONE["width"], "height": 2400}).new_page()
    open_tend(page, tend_url)
    for place in ("Today", "People", "Reminders", "History", "Settings"):
        go_to(page, place)
        wait_until_still(page)  # the screen has finished sliding in, so every box is where it stays
        small = page.evaluate(f"""() => [...document.querySelectorAll(
            'flt-semantics[role=button], flt-semantics[role=checkbox], flt-semantics[role=tab], '
            + 'flt-semantics[role=radio], flt-semantics[role=switch], input')]
          .map(node => [node.getAttribute('aria-label') || node.textContent.trim(), node.getBoundingClientRect()])
          .filter(([, box]) => box.width > 0 && (box.width < {MIN_TARGET} || box.height < {MIN_TARGET}))
          .map(([name, box]) => `${{name}}: ${{Math.round(box.width)}} x ${{Math.round(box.height)}}`)""")
        assert small == [], f"targets under {MIN_TARGET} px on {place}: {small}"
    page.context.close()


# --- names, dialogs, the rail, focus: what a screen reader, voice control or keyboard user meets (issue 14, 11) ----

# Every node a screen reader stops at as a control, with the name it speaks (Flutter puts it in aria-label, or in
# the text inside), the screen's or dialog's controls only.
NAMELESS = """() => [...document.querySelectorAll(
    'flt-semantics[role=button], flt-semantics[role=checkbox], flt-semantics[role=radio], flt-semantics[role=switch], '
    + 'flt-semantics[role=tab], flt-semantics[role=radiogroup], flt-semantics[role=link], input, textarea')]
  .filter(node => node.getBoundingClientRect().width > 0)
  .filter(node => !(node.getAttribute('aria-label') || node.textContent).trim())
  .map(node => node.outerHTML.slice(0, 120))"""
DIALOGS = (  # where, the button that opens it, its title
    ("People", "Add someone", "Add someone"),
    ("History", "Add a past check-in", "Add a past check-in"),
    ("Reminders", "Add a reminder", "Add: Your own reminder"),
    ("Reminders", "Add a check-in reminder", "Add: Check-in reminder"),
    ("Settings", "Lock Tend with a PIN", "Lock Tend with a PIN"),
)


@pytest.fixture
def desktop(chromium, tend_url):
    context = chromium.new_context(viewport=DESKTOP)
    page = context.new_page()
    open_tend(page, tend_url)
    yield page
    context.close()


def spoken_name_of_dialog(page: Page) -> str:
    """What a screen reader says as a dialog opens: the label Flutter gives the dialog's first node (Flutter 3 on
    the web does not put it on the alertdialog node itself)."""
    dialog = page.get_by_role("alertdialog")
    expect(dialog).to_be_visible()
    wait_until_still(page)
    return dialog.evaluate("node => node.querySelector('[aria-label]')?.getAttribute('aria-label') || ''")


def test_no_control_is_nameless_and_every_dialog_is_spoken_as_its_title(desktop):
    page = desktop
    for place in ("Today", "People", "Reminders", "History", "Settings"):
        go_to(page, place)
        wait_until_still(page)
        assert page.evaluate(NAMELESS) == [], f"controls without a name on {place}"
    for place, opener, title in DIALOGS:
        go_to(page, place)
        tap(page.get_by_role("button", name=opener))
        assert spoken_name_of_dialog(page) == title, "a dialog is spoken as its title, never as 'Alert'"
        assert page.evaluate(NAMELESS) == [], f"controls without a name in '{title}'"
        tap(page.get_by_role("button", name="Cancel"))
        expect(page.get_by_role("alertdialog")).to_have_count(0)


def test_the_pin_can_be_shown_with_a_named_button(desktop):
    page = desktop
    go_to(page, "Settings")
    tap(page.get_by_role("button", name="Lock Tend with a PIN"))
    fill(page, "Choose a PIN", "2580")
    tap(page.get_by_role("button", name="Show PIN", exact=True))
    expect(page.get_by_role("button", name="Hide PIN", exact=True)).to_be_visible()
    expect(page.get_by_role("button", name="Show the PIN typed again", exact=True)).to_be_visible()
    screenshot(page, "w14-pin-shown-desktop")


def test_the_appearance_choices_are_a_named_group_and_people_chips_say_what_they_show(desktop):
    page = desktop
    go_to(page, "Settings")
    expect(page.get_by_role("radiogroup", name="Appearance")).to_be_visible()
    go_to(page, "People")
    # voice control users say what they see: the spoken name holds the visible word ("Anyone")
    expect(page.get_by_role("checkbox", name=re.compile(r"^Anyone\b"))).to_be_visible()


def test_said_as_always_speaks_the_words_it_shows():
    """Every said_as(kind, shown, spoken) in the views, with words written out, has `shown` inside `spoken`."""
    mismatched = []
    for path in (PROJECT / "views").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "said_as" and len(node.args) >= 3:
                shown, spoken = node.args[1], node.args[2]
                if isinstance(shown, ast.Constant) and isinstance(spoken, ast.Constant):
                    if shown.value.casefold() not in spoken.value.casefold():
                        mismatched.append(f"{path.name}: {shown.value!r} spoken as {spoken.value!r}")
    assert mismatched == []


def test_the_rail_says_which_place_is_current(desktop):
    page = desktop
    rail = page.get_by_role("button", name=re.compile(r" Tab \d of 5$"))
    expect(rail.filter(has_text=re.compile("^Current place"))).to_have_count(1)
    expect(page.get_by_role("button", name=re.compile(r"^Current place\s+Today\s+Tab 1 of 5$"))).to_be_visible()
    go_to(page, "People")
    expect(page.get_by_role("button", name=re.compile(r"^Current place\s+People\s+Tab 2 of 5$"))).to_be_visible()
    expect(page.get_by_role("button", name=re.compile(r"^Today\s+Tab 1 of 5$"))).to_be_visible()


FOCUSED_NAME = ("() => { const node = document.activeElement;"
                " return (node.getAttribute('aria-label') || node.textContent || '').trim(); }")


def tab_once(page: Page, key: str = "Tab") -> str:
    """Presses Tab (or `key`) and waits until the focus has moved (Flutter moves it a frame or more later): the name
    it lands on."""
    before = page.evaluate(FOCUSED_NAME)
    page.keyboard.press(key)
    moved = page.wait_for_function(f"before => ({FOCUSED_NAME})() !== before", arg=before)
    moved.dispose()
    return re.sub(r"\s+", " ", page.evaluate(FOCUSED_NAME))


@pytest.mark.xfail(strict=True, reason="Flutter orders Tab by reading order (row bands across the whole window), so it "
                   "alternates between rail and content; Flet 1.0.5 exposes no FocusTraversalGroup to keep the rail "
                   "together, and a Semantics container changes only the screen reader's order (already rail first). "
                   "Measured: Get help now, Today, People, Reminders, Log mood: Awful … Great, History, Settings")
def test_tab_goes_through_the_rail_first_then_the_content(desktop):
    page = desktop
    wait_until_still(page)
    order = [tab_once(page) for _ in range(12)]
    in_rail = [index for index, name in enumerate(order) if re.search(r"Tab \d of 5$", name)]
    in_content = [index for index, name in enumerate(order) if name.startswith("Log mood")]
    assert len(in_rail) == 5 and in_content, order
    assert max(in_rail) < min(in_content), f"Tab jumps between the rail and the content: {order}"


def test_the_focused_button_has_a_clear_ring(desktop):
    page = desktop
    go_to(page, "Settings")
    button = page.get_by_role("button", name="Export everything")
    expect(button).to_have_count(1)
    # Scrolled into view as a person would, with the mouse wheel over the screen: Flutter doesn't always follow a
    # scroll of the page's copy for screen readers, and Settings is longer than a window.
    page.mouse.move(DESKTOP["width"] / 2, DESKTOP["height"] / 2)
    page.mouse.wheel(0, button.bounding_box()["y"] - DESKTOP["height"] / 2)
    wait_until_still(page)
    page.keyboard.press("Tab")  # the keyboard in use: Flutter draws focus as for a keyboard from now on
    button.focus()
    wait_until_still(page)
    box = button.bounding_box()
    assert box["y"] + box["height"] <= DESKTOP["height"], f"the focused button is out of view: {box}"
    edge = (int(box["x"] + box["width"] / 2), int(box["y"] + 1))
    focused = sum(pixel(page, *edge)) / 3
    screenshot(page, "w14-focus-ring-desktop")
    page.get_by_role("button", name="Export check-ins as CSV").focus()  # its neighbour in the same row: no scroll
    wait_until_still(page)
    assert button.bounding_box()["y"] == box["y"]
    unfocused = sum(pixel(page, *edge)) / 3
    assert unfocused > 150 and focused < 90, \
        f"the button's edge is {unfocused:.0f} bright unfocused and {focused:.0f} focused"


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_a_focused_chip_is_filled_3_to_1_and_its_label_stays_readable_on_the_fill(chromium, data_dir, theme):
    """A chip can't have a ring in Flet 1.0.5: its focus is a fill that stands out from the chip as it was, with
    the label still AA on it."""
    seeded(data_dir, theme)
    with running_tend(data_dir) as url:
        context = chromium.new_context(viewport=DESKTOP)
        page = context.new_page()
        open_tend(page, url)
        go_to(page, "People")
        tap(page.get_by_role("button", name="Add someone"))
        chip = page.get_by_role("checkbox", name="A safe place")
        expect(chip).to_be_visible()
        wait_until_still(page)
        box = chip.bounding_box()
        x, y, width = int(box["x"]) + 4, int(box["y"] + box["height"] / 2), int(box["width"]) - 8
        unfocused = pixels_in_row(page, x, y, width)
        page.get_by_role("textbox", name="Name").focus()
        assert tab_once(page, "Shift+Tab").endswith("safe place")
        wait_until_still(page)
        focused = pixels_in_row(page, x, y, width)
        screenshot(page, f"w14-focused-chip-desktop-{theme}")
        context.close()
    fill = focused[0]
    label = max(focused, key=lambda colour: contrast(colour, fill))
    assert contrast(fill, unfocused[0]) >= AA_NON_TEXT, f"focused {fill}, unfocused {unfocused[0]}"
    assert contrast(label, fill) >= AA_TEXT, f"label {label} on {fill}"


def test_contacts_to_import_are_rows_at_least_48_px_tall(phone, tmp_path):
    page = phone
    contacts = tmp_path / "contacts.vcf"
    contacts.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Okafor\r\nTEL:+44 7700 900123\r\nEND:VCARD\r\n"
                        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ben Ito\r\nTEL:+44 7700 900456\r\nEND:VCARD\r\n")
    go_to(page, "People")
    with page.expect_file_chooser() as chooser:
        tap(page.get_by_role("button", name="Import from a contacts file"))
    chooser.value.set_files(str(contacts))
    for name in ("Ada Okafor", "Ben Ito"):
        row = page.get_by_role("checkbox", name=re.compile(f"^{name}"))
        expect(row).to_be_visible()
        assert row.bounding_box()["height"] >= MIN_TARGET
    tap(page.get_by_role("checkbox", name=re.compile("^Ada Okafor")))
    expect(page.get_by_role("checkbox", name=re.compile("^Ada Okafor"))).to_be_checked()
    screenshot(page, "w14-contacts-import-rows-phone")
