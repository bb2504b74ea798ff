"""Reading contacts from the .vcf files that Android and iPhone Contacts apps export."""

import codecs
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storage.people.phones import email_problem, normalised_phone
from storage.people.vcard import (
    MAX_CARDS,
    MAX_VCARD_BYTES,
    Skipped,
    VCardContact,
    decoded_vcard_file,
    parse_vcards,
    size_problem,
)

ANDROID_EXPORT = """\
BEGIN:VCARD
VERSION:2.1
N:Okafor;Ada;;;
FN:Ada Okafor
TEL;CELL;PREF:+44 7700 900123
TEL;HOME:020 7946 0958
EMAIL;HOME:ada.okafor@example.org
END:VCARD
BEGIN:VCARD
VERSION:2.1
N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=C3=BCrgen;;;
FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:J=C3=BCrgen M=C3=BCller
TEL;CELL:0151-2345-6789
TEL;X-Custom(CHARSET=UTF-8,ENCODING=QUOTED-PRINTABLE,=41=72=62=65=69=74):+49 30 901820
END:VCARD
BEGIN:VCARD
VERSION:2.1
N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E5=B1=B1=E7=94=B0;=E5=A4=AA=E9=83=8E;;;
FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E5=B1=B1=E7=94=B0=
=E5=A4=AA=E9=83=8E
TEL;CELL:090-1234-5678
END:VCARD
BEGIN:VCARD
VERSION:2.1
N:;;;;
TEL;CELL:07700 900999
END:VCARD
BEGIN:VCARD
VERSION:2.1
N:Park;Min-jun;;;
FN:Min-jun Park
NOTE:Met at group\\, Tuesdays
END:VCARD
""".replace("\n", "\r\n")
"""Samsung and Google Contacts on Android, "Export to .vcf" in vCard 2.1, as the phone writes it (CRLF)."""

IPHONE_EXPORT = """\
BEGIN:VCARD
VERSION:3.0
PRODID:-//Apple Inc.//iPhone OS 17.5.1//EN
N:Nguyen;Linh;;;
FN:Linh Nguyen
item1.TEL;type=pref:+1 (415) 555-0132
item1.X-ABLabel:_$!<Mobile>!$_
TEL;type=CELL;type=VOICE:(415) 555-0199
TEL;type=HOME;type=VOICE:+1 415-555-0132
EMAIL;type=INTERNET;type=HOME;type=pref:linh.nguyen@example.com
EMAIL;type=INTERNET;type=WORK:linh@work.example.com
item2.ADR;type=HOME;type=pref:;;1 Main St;San Francisco;CA;94105;United States
item2.X-ABADR:us
PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHI
 AAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAEAAP
 bWAAEAAAAA0y0AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
END:VCARD
BEGIN:VCARD
VERSION:3.0
PRODID:-//Apple Inc.//iPhone OS 17.5.1//EN
N:;;;;
FN:Samaritans
ORG:Samaritans;
TEL;type=WORK;type=VOICE;type=pref:116 123
X-ABShowAs:COMPANY
END:VCARD
BEGIN:VCARD
VERSION:3.0
PRODID:-//Apple Inc.//iPhone OS 17.5.1//EN
N:O'Brien;Siobhán;Mary;Dr.;
FN:Dr. Siobhán Mary
  O'Brien
NOTE:Therapist\\, Thursdays at 4\\nBring the diary
TEL;type=WORK;type=VOICE:+353 1 555 0142
item1.EMAIL;type=INTERNET;type=pref:not an email
END:VCARD
BEGIN:VCARD
VERSION:3.0
PRODID:-//Apple Inc.//iPhone OS 17.5.1//EN
N:Smith\\, Jr.;Sam;;;
TEL;type=HOME;type=VOICE:1-800-FLOWERS
TEL;type=CELL;type=VOICE:07700 900 321
END:VCARD
""".replace("\n", "\r\n")
"""iPhone Contacts, "Export vCard" (vCard 3.0): item groups, lower-case types, a folded photo and a folded name."""

VCARD_4 = """\
BEGIN:VCARD
VERSION:4.0
FN:Amélie Durand
N:Durand;Amélie;;;
TEL;VALUE=uri;TYPE="voice,cell";PREF=1:tel:+33-6-12-34-56-78
TEL;VALUE=uri;TYPE=work:tel:+33-1-23-45-67-89;ext=102
EMAIL;TYPE=home:amelie@example.fr
END:VCARD
"""

SAMPLES = (ANDROID_EXPORT, IPHONE_EXPORT, VCARD_4)
DIALABLE = re.compile(r"\+?[0-9*#,;]+")


def test_an_android_export_gives_its_people_and_says_which_cards_were_left_out():
    result = parse_vcards(ANDROID_EXPORT)
    assert result.contacts == (
        VCardContact("Ada Okafor", ("+447700900123", "02079460958"), "ada.okafor@example.org"),
        VCardContact("Jürgen Müller", ("015123456789", "+4930901820"), ""),
        VCardContact("山田太郎", ("09012345678",), ""),
    )
    assert result.skipped == (
        Skipped(4, "It has no name. You can add this person in Tend by hand, or give them a name and export again."),
        Skipped(5, "“Min-jun Park” has no phone number or email address that Tend can use."),
    )


def test_an_iphone_export_gives_its_people_with_each_number_once():
    result = parse_vcards(IPHONE_EXPORT)
    assert result.contacts == (
        VCardContact("Linh Nguyen", ("+14155550132", "4155550199"), "linh.nguyen@example.com"),
        VCardContact("Samaritans", ("116123",), ""),
        VCardContact("Dr. Siobhán Mary O'Brien", ("+35315550142",), ""),
        VCardContact("Sam Smith, Jr.", ("07700900321",), ""),
    )
    assert result.skipped == ()


def test_a_vcard_4_number_written_as_a_tel_link_is_read_without_its_extension():
    assert parse_vcards(VCARD_4).contacts == (
        VCardContact("Amélie Durand", ("+33612345678", "+33123456789"), "amelie@example.fr"),
    )


@pytest.mark.parametrize("line_break", ["\r\n", "\n", "\r"])
def test_any_line_ending_and_a_byte_order_mark_read_the_same(line_break):
    text = "\ufeff" + ANDROID_EXPORT.replace("\r\n", line_break)
    assert parse_vcards(text) == parse_vcards(ANDROID_EXPORT)


def test_files_joined_together_keep_counting_cards_across_them():
    result = parse_vcards(VCARD_4 + "\ufeff" + ANDROID_EXPORT)
    assert [contact.name for contact in result.contacts][:2] == ["Amélie Durand", "Ada Okafor"]
    assert [skipped.number for skipped in result.skipped] == [5, 6]


def test_a_name_falls_back_from_fn_to_n_to_the_organisation():
    cards = ("BEGIN:VCARD\nFN:  \nN:Doe;Jane;;Ms.;MBE\nTEL:0123\nEND:VCARD\n"
             "begin:vcard\nN:;;;;\nORG:Mind\\, Leeds;Helpline\nTEL:0300 123 3393\nend:vcard\n")
    assert [contact.name for contact in parse_vcards(cards).contacts] == ["Ms. Jane Doe MBE", "Mind, Leeds Helpline"]


def test_escapes_are_undone_and_a_name_is_kept_on_one_line():
    card = "BEGIN:VCARD\nFN:Jo \\;Bloggs\\\\\\n  Junior\nEMAIL:jo@example.com\nEND:VCARD\n"
    assert parse_vcards(card).contacts == (VCardContact("Jo ;Bloggs\\ Junior", (), "jo@example.com"),)


def test_a_quoted_printable_name_in_another_charset_or_an_unknown_one_still_reads():
    card = ("BEGIN:VCARD\nVERSION:2.1\nFN;CHARSET=ISO-8859-1;QUOTED-PRINTABLE:Zo=EB =D3 Briain\nTEL:0123\nEND:VCARD\n"
            "BEGIN:VCARD\nVERSION:2.1\nFN;CHARSET=klingon;ENCODING=QUOTED-PRINTABLE:Zo=C3=AB\nTEL:0123\nEND:VCARD\n")
    assert [contact.name for contact in parse_vcards(card).contacts] == ["Zoë Ó Briain", "Zoë"]


def test_the_first_usable_email_is_kept_and_a_contact_with_only_an_email_is_fine():
    card = "BEGIN:VCARD\nFN:Kim\nEMAIL:kim at home\nEMAIL;PREF: kim@example.net \nEMAIL:k@example.org\nEND:VCARD\n"
    assert parse_vcards(card).contacts == (VCardContact("Kim", (), "kim@example.net"),)


def test_a_card_cut_short_or_without_a_start_is_skipped_and_the_rest_still_read():
    text = ("BEGIN:VCARD\nFN:Ann\nTEL:0123\n"  # no END: the next BEGIN starts card 2
            "BEGIN:VCARD\nFN:Bea\nTEL:0456\nEND:VCARD\n"
            "FN:Cat\nTEL:0789\nEND:VCARD\n"  # no BEGIN
            "BEGIN:VCARD\nFN:Dee\nTEL:0999")  # the file stops
    result = parse_vcards(text)
    assert result.contacts == (VCardContact("Bea", ("0456",), ""),)
    assert result.skipped == (
        Skipped(1, "It stops before its END:VCARD line, so part of it may be missing."),
        Skipped(3, "It has no BEGIN:VCARD line, so it isn't clear where it starts."),
        Skipped(4, "The file ends in the middle of this contact, so it may have been cut short."),
    )


def test_text_without_cards_gives_nothing():
    assert parse_vcards("") == parse_vcards("Dear Sam,\nhere are my numbers: 0123 456\n") == parse_vcards("\ufeff")
    assert parse_vcards("").contacts == () and parse_vcards("").skipped == ()


def assert_sensible(result):
    """What any parse must give, whatever it was fed."""
    for contact in result.contacts:
        assert contact.name and contact.name == " ".join(contact.name.split())
        assert contact.phones or contact.email
        assert all(DIALABLE.fullmatch(phone) and normalised_phone(phone) == phone for phone in contact.phones)
        assert len(set(contact.phones)) == len(contact.phones)
        assert contact.email == "" or email_problem(contact.email) is None
    cards = len(result.contacts) + len(result.skipped)
    numbers = [skipped.number for skipped in result.skipped]
    assert numbers == sorted(set(numbers)) and all(1 <= number <= cards for number in numbers)
    assert all(isinstance(skipped.reason, str) and skipped.reason for skipped in result.skipped)


vcard_bits = st.sampled_from(["BEGIN:VCARD", "END:VCARD", "\r\n", "\n", " ", "\t", "=", ":", ";", "\\", '"', ",",
                              "FN", "N", "TEL", "EMAIL", "item1.", "QUOTED-PRINTABLE", "CHARSET=", "=C3", "@", "+",
                              "0", "tel:", "\ufeff"])


@given(st.lists(st.one_of(vcard_bits, st.text(max_size=8))).map("".join))
def test_junk_never_breaks_parsing(text):
    assert_sensible(parse_vcards(text))


@st.composite
def mutated_export(draw) -> str:
    """A real export with a few slices deleted, doubled or replaced by junk, as a damaged file might be."""
    text = draw(st.sampled_from(SAMPLES))
    for _ in range(draw(st.integers(1, 6))):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, min(len(text), start + 60)))
        change = draw(st.sampled_from(["delete", "double", "replace"]))
        middle = {"delete": "", "double": text[start:end] * 2,
                  "replace": draw(st.lists(vcard_bits | st.text(max_size=4), max_size=4).map("".join))}[change]
        text = text[:start] + middle + text[end:]
    return text


@given(mutated_export())
def test_a_damaged_export_never_breaks_parsing(text):
    assert_sensible(parse_vcards(text))


names = st.lists(st.text(st.characters(categories=("L", "N", "P", "S")), min_size=1, max_size=12),
                 min_size=1, max_size=4).map(" ".join)
numbers = st.from_regex(r"\+?[0-9][0-9 ()-]{2,16}[0-9]", fullmatch=True).filter(normalised_phone)


def escaped(value: str) -> str:
    return value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;").replace("\n", "\\n")


def folded(line: str, width: int, indent: str) -> list[str]:
    """`line` split every `width` characters, each continuation starting with `indent`, as exporters fold."""
    return [line[:width]] + [indent + line[at:at + width] for at in range(width, len(line), width)]


@given(st.lists(st.tuples(names, st.lists(numbers, max_size=3), st.emails().filter(lambda a: len(a) <= 254)),
                min_size=1, max_size=4),
       st.integers(1, 75), st.sampled_from([" ", "\t"]), st.sampled_from(["\r\n", "\n"]))
def test_a_vcard_3_written_any_way_folded_reads_back_as_written(people, width, indent, line_break):
    lines = []
    for name, phones, email in people:
        content = ["BEGIN:VCARD", "VERSION:3.0", f"FN:{escaped(name)}",
                   *(f"TEL;TYPE=CELL:{number}" for number in phones),
                   f"item1.EMAIL;type=INTERNET:{escaped(email)}", "END:VCARD"]
        lines += [part for line in content for part in folded(line, width, indent)]
    result = parse_vcards(line_break.join(lines))
    assert result.skipped == ()
    assert result.contacts == tuple(VCardContact(name, tuple(dict.fromkeys(map(normalised_phone, phones))), email)
                                    for name, phones, email in people)


@given(names, st.integers(4, 76), st.sampled_from(["\r\n", "\n"]))
def test_a_vcard_2_1_quoted_printable_name_with_soft_line_breaks_reads_back(name, width, line_break):
    encoded = "".join(chr(byte) if 33 <= byte <= 126 and byte != ord("=") else f"={byte:02X}"
                      for byte in escaped(name).encode())
    soft_broken = "=\n".join(encoded[at:at + width] for at in range(0, len(encoded), width))
    card = ["BEGIN:VCARD", "VERSION:2.1", f"FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{soft_broken}", "TEL:999",
            "END:VCARD"]
    assert parse_vcards("\n".join(card).replace("\n", line_break)).contacts == (VCardContact(name, ("999",), ""),)


def test_a_file_in_utf_8_with_or_without_a_byte_order_mark_or_in_utf_16_is_read():
    assert decoded_vcard_file(IPHONE_EXPORT.encode()) == IPHONE_EXPORT
    assert decoded_vcard_file(codecs.BOM_UTF8 + IPHONE_EXPORT.encode()) == IPHONE_EXPORT
    assert decoded_vcard_file(IPHONE_EXPORT.encode("utf-16")) == IPHONE_EXPORT


def test_an_old_windows_1252_file_is_read_with_its_accents():
    text = "BEGIN:VCARD\r\nFN:Zoë Ó Briain\r\nTEL:0123\r\nEND:VCARD\r\n"
    assert parse_vcards(decoded_vcard_file(text.encode("cp1252"))).contacts == (
        VCardContact("Zoë Ó Briain", ("0123",), ""),)


def test_a_file_over_five_megabytes_is_refused_kindly():
    assert decoded_vcard_file(ANDROID_EXPORT.encode().ljust(MAX_VCARD_BYTES, b" "))
    with pytest.raises(ValueError) as refused:
        decoded_vcard_file(ANDROID_EXPORT.encode().ljust(MAX_VCARD_BYTES + 1, b" "))
    assert str(refused.value) == ("This file is 5.1 MB; Tend can read contact files up to 5 MB. "
                                  "Please export fewer contacts at a time, or without photos.")


def test_the_size_the_picker_reports_is_judged_by_the_same_rule_before_anything_is_read():
    assert size_problem(MAX_VCARD_BYTES) is None
    assert size_problem(MAX_VCARD_BYTES + 1) == ("This file is 5.1 MB; Tend can read contact files up to 5 MB. "
                                                 "Please export fewer contacts at a time, or without photos.")


def many_cards(count: int) -> str:
    """A phone book of `count` small cards, as a company directory export might be."""
    return "".join(f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person {number}\r\nTEL:+44 7700 9{number:05d}\r\nEND:VCARD\r\n"
                   for number in range(count))


def test_sixty_thousand_cards_under_the_size_limit_are_read_up_to_the_cap_and_the_rest_counted():
    data = many_cards(60_000).encode()
    assert len(data) < MAX_VCARD_BYTES

    result = parse_vcards(decoded_vcard_file(data))

    assert len(result.contacts) == MAX_CARDS == 5000
    assert result.contacts[-1] == VCardContact("Person 4999", ("+447700904999",), "")
    assert result.not_read == 55_000


def test_a_file_with_exactly_the_cap_is_read_whole_and_cards_that_cannot_be_used_count_towards_it():
    assert parse_vcards(many_cards(3), max_cards=3).not_read == 0
    result = parse_vcards("BEGIN:VCARD\r\nN:;;;;\r\nEND:VCARD\r\n" + many_cards(3), max_cards=2)
    assert [skip.number for skip in result.skipped] == [1]
    assert [contact.name for contact in result.contacts] == ["Person 0"]
    assert result.not_read == 2


def test_a_file_whose_letters_cannot_be_read_is_refused_kindly():
    with pytest.raises(ValueError, match="^Tend couldn't read the letters in this file. Please export"):
        decoded_vcard_file(b"\xff\xfe" + "BEGIN:VCARD\r\n".encode("utf-16-le") + b"\x00")  # UTF-16 cut mid-letter


@pytest.mark.parametrize("data", [b"", b"Name,Phone\r\nAda,0123\r\n", b"\x89PNG\r\n\x1a\n\x00\x00"])
def test_a_file_that_is_not_contacts_is_refused_kindly(data):
    with pytest.raises(ValueError, match="^This file has no contacts in it that Tend can read. Please choose a vCard"):
        decoded_vcard_file(data)


@given(st.binary(max_size=300) | mutated_export().map(str.encode))
def test_reading_any_file_gives_text_or_a_kind_value_error(data):
    try:
        text = decoded_vcard_file(data)
    except ValueError as refused:
        assert type(refused) is ValueError and str(refused).endswith(".")
        return
    assert "BEGIN:VCARD" in text.upper()
    assert_sensible(parse_vcards(text))
