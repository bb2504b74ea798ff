"""`main.py export` and `main.py import`: the app's own import and export from a script, with the app's report."""

from datetime import datetime
from zoneinfo import ZoneInfo

from storage.checkins.model import Mood
from storage.people.repository import PeopleRepository
from storage.store.persistence import Store
from storage.your_data.checkins_csv import every_check_in
from storage.your_data.command_line import run

ZONE = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 12, 4, 12, 0, tzinfo=ZONE)
GERMAN = ("full_date,date,weekday,time,mood,activities,note_title,note\n"
          "2026-11-20,20. November,Freitag,21:35,super,,,\n"
          "2026-11-19,19. November,Donnerstag,8:30 pm,Müde,,,\n")


def command(tmp_path, *argv):
    said = []
    code = run([*argv, "--data-dir", str(tmp_path / "data")], tmp_path / "unused", lambda: NOW, ZONE, said.append)
    return code, "\n".join(said)


def stored_check_ins(tmp_path):
    store = Store.open(tmp_path / "data", NOW)
    try:
        return [(entry.at, entry.mood) for entry in every_check_in(store)]
    finally:
        store.close()


def test_a_daylio_file_with_its_own_moods_is_asked_about_and_imported_only_with_a_mapping(tmp_path):
    daylio = tmp_path / "daylio_export.csv"
    daylio.write_text(GERMAN, encoding="utf-8")

    code, said = command(tmp_path, "import", str(daylio))
    assert code == 2 and "Nothing was imported." in said and "  super = 5   (1 entry)" in said
    assert stored_check_ins(tmp_path) == []

    code, said = command(tmp_path, "import", str(daylio), "--map-moods", "super=5,müde=3")
    assert (code, said) == (0, "Read 2 entries from daylio_export.csv. Added 2, updated 0, and left 0 as they were "
                               "(Tend already had the same or a newer version).")
    assert stored_check_ins(tmp_path) == [(datetime(2026, 11, 19, 20, 30, tzinfo=ZONE), Mood.OKAY),
                                          (datetime(2026, 11, 20, 21, 35, tzinfo=ZONE), Mood.GREAT)]

    code, said = command(tmp_path, "import", str(daylio), "--map-moods", "auto")  # guesses Low for Müde
    assert code == 0 and "Added 1, updated 0, and left 1" in said


def test_an_export_imports_into_an_empty_tend_and_a_bad_mapping_is_refused(tmp_path):
    daylio = tmp_path / "daylio_export.csv"
    daylio.write_text(GERMAN, encoding="utf-8")
    command(tmp_path, "import", str(daylio), "--map-moods", "auto")

    assert command(tmp_path, "export", str(tmp_path / "all.json"))[0] == 0
    assert command(tmp_path, "export", str(tmp_path / "check-ins.csv"), "--csv") == (
        0, f"Exported 2 check-ins to {tmp_path / 'check-ins.csv'}.")
    assert command(tmp_path / "other", "import", str(tmp_path / "all.json"))[1].startswith("Read ")
    assert stored_check_ins(tmp_path / "other") == stored_check_ins(tmp_path)

    code, said = command(tmp_path, "import", str(daylio), "--map-moods", "super=7")
    assert code == 1 and said.startswith("--map-moods: “super=7” should be")


def test_a_contacts_file_adds_every_usable_person_and_says_who_was_skipped_and_what_was_not_kept(tmp_path):
    contacts = tmp_path / "contacts.vcf"
    contacts.write_bytes(b"BEGIN:VCARD\r\nFN:Sam\r\nTEL;CELL:0123 456\r\nTEL;TYPE=FAX:0123 999\r\nEND:VCARD\r\n"
                         b"BEGIN:VCARD\r\nFN:No Way\r\nEND:VCARD\r\n")

    code, said = command(tmp_path, "import", str(contacts))

    assert code == 0
    assert said.splitlines() == [
        "Read 2 contacts: added 1 person, skipped 1.",
        "  Skipped: Card 2: “No Way” has no phone number or email address that Tend can use.",
        "  Sam: not kept 0123999 (a fax number).",
    ]
    store = Store.open(tmp_path / "data", NOW)
    assert [(person.name, person.phones) for person in PeopleRepository(store).people()] == [("Sam", ("0123456",))]
    store.close()
