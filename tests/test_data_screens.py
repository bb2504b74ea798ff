"""Your data, as a new user would meet it: export and import, a broken file, a Daylio file, backups, the app lock;
in a real browser against the real server and real files."""

import json
import re
import zipfile
from pathlib import Path

import pytest
from browser import PHONE, add_person, fill, go_to, open_tend, running_tend, screenshot, set_clock, tap
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser
ENTRY = re.compile(r"^Edit the check-in of")
PIN = "739164"


def shown(page: Page, text):
    """Text on the screen, leaving out the copy Flutter hands to screen readers as an announcement."""
    return page.locator("flt-semantics-host").get_by_text(text)


def entries(page: Page):
    return page.get_by_role("button", name=ENTRY)


def log_mood(page: Page, word: str) -> None:
    tap(page.get_by_role("button", name=f"Log mood: {word}", exact=True))
    expect(page.get_by_role("group", name=re.compile(rf"^Saved: {word} at"))).to_be_visible()


def import_file(page: Page, path: Path) -> None:
    go_to(page, "Settings")
    with page.expect_file_chooser() as chooser:
        tap(page.get_by_role("button", name="Import"))
    chooser.value.set_files(str(path))


def new_phone(chromium, url: str, heading: str = "Today") -> Page:
    page = chromium.new_context(viewport=PHONE).new_page()
    open_tend(page, url, heading)
    return page


def test_export_everything_then_import_it_into_a_fresh_tend_brings_the_check_ins_back(chromium, tmp_path):
    export = tmp_path / "export.json"
    with running_tend(tmp_path / "old-phone") as url:
        page = new_phone(chromium, url)
        log_mood(page, "Good")
        log_mood(page, "Low")
        go_to(page, "People")
        add_person(page, "Sam", "07700 900123")
        go_to(page, "Settings")
        screenshot(page, "settings-your-data-phone")
        with page.expect_download() as download:
            tap(page.get_by_role("button", name="Export everything"))
        assert re.fullmatch(r"tend-export-\d{4}-\d{2}-\d{2}\.json", download.value.suggested_filename)
        download.value.save_as(export)
        as_csv = page.get_by_role("button", name="Export check-ins as CSV")
        expect(as_csv).to_be_enabled()  # the buttons rest while one export runs, as a person would see
        with page.expect_download() as download:
            tap(as_csv)
        rows = Path(download.value.path()).read_text(encoding="utf-8").splitlines()
        assert rows[0].startswith("id,date,time,utc_offset,mood,mood_word") and len(rows) == 3
        assert {row.split(",")[5] for row in rows[1:]} == {"Good", "Low"}
        page.context.close()
    assert json.loads(export.read_text(encoding="utf-8"))["format"] == "tend-export"

    with running_tend(tmp_path / "new-phone") as url:
        page = new_phone(chromium, url)
        expect(page.get_by_text("Nothing yet today")).to_be_visible()
        import_file(page, export)
        expect(shown(page, re.compile(r"^Imported “export\.json”\. Added \d+"))).to_be_visible()
        screenshot(page, "settings-imported-phone")
        go_to(page, "Today")
        expect(entries(page)).to_have_count(2)
        expect(entries(page).filter(has_text="Good at")).to_have_count(1)
        go_to(page, "History")
        expect(entries(page).filter(has_text="Low at")).to_have_count(1)
        go_to(page, "People")
        expect(page.get_by_role("group", name=re.compile(r"^Sam "))).to_be_visible()
        page.context.close()


def test_a_broken_file_gets_a_message_naming_the_line_and_nothing_changes(phone, data_dir, tmp_path):
    log_mood(phone, "Okay")
    before = sorted(path.relative_to(data_dir) for path in data_dir.rglob("*.json") if "backups" not in path.parts)
    broken = tmp_path / "tend-export-cut-short.json"
    broken.write_text('{\n "format": "tend-export",\n "version": 1,\n "files": {\n  "checkins/2026-01": [\n',
                      encoding="utf-8")
    import_file(phone, broken)
    expect(shown(phone, re.compile(r"^Line \d+: this isn't valid JSON.*Nothing was imported, so your data is "
                                        r"as it was\."))).to_be_visible()
    screenshot(phone, "settings-import-problem-phone")
    go_to(phone, "Today")
    expect(entries(phone)).to_have_count(1)
    after = sorted(path.relative_to(data_dir) for path in data_dir.rglob("*.json") if "backups" not in path.parts)
    assert after == before


def test_a_daylio_export_becomes_check_ins(phone, tmp_path):
    daylio = tmp_path / "daylio_export_2025_03_04.csv"
    daylio.write_text(
        "full_date,date,weekday,time,mood,activities,note_title,note\n"
        "2025-03-03,March 3,Monday,8:15 pm,rad,friends | walk,,Dinner with Ana\n"
        "2025-03-02,March 2,Sunday,09:30,meh,,,\n",
        encoding="utf-8")
    import_file(phone, daylio)
    expect(shown(phone, re.compile(r"^Imported “daylio_export_2025_03_04\.csv”\. Added 2, updated 0"))) \
        .to_be_visible()
    go_to(phone, "History")
    expect(entries(phone).filter(has_text="Great at 20:15")).to_have_count(1)
    expect(entries(phone).filter(has_text="friends, walk · Dinner with Ana")).to_have_count(1)
    expect(entries(phone).filter(has_text="Okay at 09:30")).to_have_count(1)
    import_file(phone, daylio)  # the same file again adds nothing
    expect(shown(phone, re.compile(r"Added 0, updated 0, and left 2 as they were"))).to_be_visible()


def open_backups(page: Page) -> None:
    go_to(page, "Settings")
    tap(page.get_by_role("button", name="Backups"))
    expect(page.get_by_role("heading", name="Backups", exact=True)).to_be_visible()


def test_back_up_change_things_then_restore_after_confirming_brings_the_old_data_back(phone):
    log_mood(phone, "Good")
    open_backups(phone)
    tap(phone.get_by_role("button", name="Back up now"))
    expect(shown(phone, "Backed up just now.")).to_be_visible()
    daily = phone.get_by_role("button", name=re.compile(r"^Restore \d{1,2} \w+ \d{4} · \d+ (KB|bytes)$"))
    expect(daily).to_have_count(1)
    go_to(phone, "Today")
    log_mood(phone, "Awful")
    expect(entries(phone)).to_have_count(2)
    open_backups(phone)
    tap(daily)
    expect(phone.get_by_text(re.compile("Tend first backs up what you have now"))).to_be_visible()
    screenshot(phone, "backups-confirm-phone")
    tap(phone.get_by_role("button", name="Restore", exact=True))
    expect(shown(phone, re.compile(r"^Restored the backup from \d{1,2} \w+ \d{4}: Tend now holds your data "
                                        r"as it was then\."))).to_be_visible()
    expect(phone.get_by_role("button", name=re.compile(r"· before a restore$"))).to_have_count(1)
    screenshot(phone, "backups-restored-phone")
    go_to(phone, "Today")
    expect(entries(phone)).to_have_count(1)
    expect(entries(phone).filter(has_text="Good at")).to_have_count(1)


def stored_bytes(data_dir: Path) -> list[bytes]:
    """Every file in the data folder, and every file inside its backups, as stored."""
    found = []
    for path in (p for p in data_dir.rglob("*") if p.is_file()):
        found.append(path.read_bytes())
        if path.suffix == ".zip":
            with zipfile.ZipFile(path) as archive:
                found.extend(archive.read(name) for name in archive.namelist())
    return found


def test_a_pin_locks_tend_at_start_refuses_a_wrong_one_and_is_never_stored(chromium, data_dir):
    with running_tend(data_dir) as url:
        page = new_phone(chromium, url)
        log_mood(page, "Good")
        go_to(page, "Settings")
        tap(page.get_by_role("button", name="Lock Tend with a PIN"))
        fill(page, "Choose a PIN", "12")
        fill(page, "Type it again", "12")
        tap(page.get_by_role("button", name="Turn on the lock"))
        expect(page.get_by_text("A PIN is 4 to 8 digits, using only the numbers 0–9.")).to_be_visible()
        fill(page, "Choose a PIN", PIN)
        fill(page, "Type it again", PIN)
        screenshot(page, "settings-set-pin-phone")
        tap(page.get_by_role("button", name="Turn on the lock"))
        expect(page.get_by_text("The app lock is on.")).to_be_visible()
        told = page.get_by_role("group", name="Message Done: Tend will ask for your PIN when it opens.")
        expect(told).to_be_visible()
        go_to(page, "Today")  # the message stays above every screen and never holds up a navigation tap
        screenshot(page, "notice-phone")
        expect(page.get_by_role("heading", name="Today")).to_be_visible()
        expect(told).to_be_visible()
        tap(page.get_by_role("button", name="Got it"))
        expect(told).to_have_count(0)
        page.context.close()
    with running_tend(data_dir) as url:
        page = new_phone(chromium, url, heading="Tend is locked")
        expect(entries(page)).to_have_count(0)
        fill(page, "PIN", "000000")
        tap(page.get_by_role("button", name="Unlock"))
        expect(page.get_by_text("That PIN didn't open Tend. Please try again.")).to_be_visible()
        screenshot(page, "lock-screen-phone")
        tap(page.get_by_role("button", name="Get help now"))  # reachable without the PIN
        expect(page.get_by_role("button", name="Open my safety plan")).to_be_visible()
        tap(page.get_by_role("button", name="Close"))
        fill(page, "PIN", PIN)
        tap(page.get_by_role("button", name="Unlock"))
        expect(page.get_by_role("heading", name="Today")).to_be_visible()
        expect(entries(page)).to_have_count(1)
        go_to(page, "Settings")
        tap(page.get_by_role("button", name="Turn off the app lock"))
        fill(page, "Your PIN", "111111")
        tap(page.get_by_role("button", name="Turn off the lock"))
        expect(page.get_by_text(re.compile("^That PIN didn't open Tend"))).to_be_visible()
        fill(page, "Your PIN", PIN)
        tap(page.get_by_role("button", name="Turn off the lock"))
        expect(page.get_by_text("The app lock is off.", exact=True)).to_be_visible()
        page.context.close()
    assert not [data for data in stored_bytes(data_dir) if PIN.encode() in data]


def turn_on_the_lock(page: Page) -> None:
    go_to(page, "Settings")
    tap(page.get_by_role("button", name="Lock Tend with a PIN"))
    fill(page, "Choose a PIN", PIN)
    fill(page, "Type it again", PIN)
    tap(page.get_by_role("button", name="Turn on the lock"))
    expect(page.get_by_text("The app lock is on.")).to_be_visible()


def try_pin(page: Page, pin: str) -> None:
    """Types a PIN and taps Unlock; after a refusal Tend gives a new, empty field, so wait until it is there."""
    field = page.get_by_role("textbox", name="PIN")
    before = field.evaluate("node => node.closest('flt-semantics').id")
    fill(page, "PIN", pin)
    tap(page.get_by_role("button", name="Unlock"))
    page.wait_for_function("before => document.querySelector('input[aria-label=PIN]')?.closest('flt-semantics').id "
                           "!== before", arg=before)


def test_wrong_tries_wait_longer_and_say_when_to_try_again(chromium, data_dir):
    with running_tend(data_dir) as url:
        page = new_phone(chromium, url)
        turn_on_the_lock(page)
        page.context.close()
        page = new_phone(chromium, url, heading="Tend is locked")
        for _ in range(4):
            try_pin(page, "0000")
        expect(page.get_by_text(re.compile(r"^That PIN didn't open Tend\. Please wait until \d\d:\d\d, then try "
                                           r"again\.$"))).to_be_visible()
        try_pin(page, PIN)  # the right PIN, but too soon: told to wait, never that the PIN was wrong
        expect(page.get_by_text(re.compile(r"^Please wait until \d\d:\d\d, then try again\. Tend didn't check "
                                           r"this PIN"))).to_be_visible()
        screenshot(page, "w14-lock-wait-phone")
        expect(page.get_by_role("heading", name="Tend is locked")).to_be_visible()
        page.context.close()


def tell_visibility(page: Page, state: str) -> None:
    page.evaluate("""state => {
        Object.defineProperty(document, 'visibilityState', {value: state, configurable: true});
        Object.defineProperty(document, 'hidden', {value: state === 'hidden', configurable: true});
        document.dispatchEvent(new Event('visibilitychange'));
    }""", state)


def leave_and_come_back_after(page: Page, clock: Path, moment: str) -> None:
    """The tab is hidden (another app, the phone's screen off) and shown again at `moment`, as the browser tells
    Flutter; Tend reads the time from `clock`."""
    tell_visibility(page, "hidden")
    # Tend must note the time it was left before the clock moves on, and nothing shows that it has: Flutter draws
    # no frame while hidden and the server sends nothing back. So this one wait is for time: the message left the
    # page at once, and the server handles it within milliseconds.
    page.wait_for_timeout(300)
    set_clock(clock, moment)
    tell_visibility(page, "visible")


def test_tend_locks_again_after_five_minutes_away_but_not_after_one(chromium, data_dir, tmp_path):
    clock = tmp_path / "now.txt"
    set_clock(clock, "2026-11-23T09:00:00+00:00")
    with running_tend(data_dir, {"TEND_CLOCK_FILE": str(clock)}) as url:
        page = new_phone(chromium, url)
        turn_on_the_lock(page)
        leave_and_come_back_after(page, clock, "2026-11-23T09:01:00+00:00")
        go_to(page, "Today")  # a tap after coming back shows its screen, not the lock: Tend stayed open
        leave_and_come_back_after(page, clock, "2026-11-23T09:07:00+00:00")
        expect(page.get_by_role("heading", name="Tend is locked")).to_be_visible()
        page.context.close()
