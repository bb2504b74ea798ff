"""vCards as phones write them: each value in its own character set (Shift_JIS too), files mixing encodings,
a letter split by a folded line, fax numbers kept out of Call and Text, numbers ordered and capped at five without
losing the contact, Android's pause and wait letters, and 2.1 cards nested in a card."""

from datetime import datetime, timezone

from storage.people.vcard import Skipped, VCardContact, decoded_vcard_file, parse_vcards
from views.people.contacts_import import candidates_from

NOW = datetime(2026, 12, 4, 12, 0, tzinfo=timezone.utc)


def read(data: bytes):
    return parse_vcards(decoded_vcard_file(data))


def test_a_shift_jis_card_is_read_in_its_charset_quoted_printable_or_8_bit():
    name = "安藤ロイド".encode("shift_jis")
    quoted = "".join(f"={byte:02X}" for byte in name).encode()
    data = (b"BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=SHIFT_JIS:" + name
            + b"\r\nTEL;CELL:090-1234-5678\r\nEND:VCARD\r\n"
            b"BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=SHIFT_JIS;ENCODING=QUOTED-PRINTABLE:" + quoted +
            b"\r\nTEL:03-0000-0000\r\nEND:VCARD\r\n")

    assert [contact.name for contact in read(data).contacts] == ["安藤ロイド", "安藤ロイド"]


def test_a_value_without_a_charset_is_read_in_the_one_its_card_names():
    data = (b"BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=SHIFT_JIS:" + "安藤".encode("shift_jis")
            + b"\r\nFN:" + "安藤ロイド".encode("shift_jis") + b"\r\nTEL:090-1234-5678\r\nEND:VCARD\r\n")

    assert [contact.name for contact in read(data).contacts] == ["安藤ロイド"]


def test_a_file_mixing_utf8_and_latin1_cards_reads_each_right():
    data = ("BEGIN:VCARD\r\nFN:Jürgen\r\nTEL:0301234\r\nEND:VCARD\r\n".encode("utf-8")
            + "BEGIN:VCARD\r\nFN:Françoise\r\nTEL:0145678\r\nEND:VCARD\r\n".encode("latin-1"))

    assert [contact.name for contact in read(data).contacts] == ["Jürgen", "Françoise"]


def test_a_utf8_letter_split_by_a_folded_line_is_joined_before_it_is_decoded():
    letter = "ü".encode()
    data = b"BEGIN:VCARD\r\nFN:J" + letter[:1] + b"\r\n " + letter[1:] + b"rgen\r\nTEL:0301234\r\nEND:VCARD\r\n"

    assert [contact.name for contact in read(data).contacts] == ["Jürgen"]


IPHONE = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Sam Lee\r\n"
    "item1.TEL;type=WORK;type=FAX:555-0101\r\n"
    "TEL;type=HOME;type=VOICE:555-0102\r\n"
    "TEL;type=WORK;type=VOICE:555-0103\r\n"
    "TEL;type=HOME;type=FAX:555-0104\r\n"
    "TEL;type=CELL;type=VOICE:555-0105\r\n"
    "TEL;type=IPHONE;type=CELL;type=VOICE;type=pref:555-0106\r\n"
    "TEL;type=OTHER;type=FAX:555-0107\r\n"
    "EMAIL;type=INTERNET:sam@example.com\r\n"
    "END:VCARD\r\n"
)


def test_an_iphone_card_keeps_faxes_out_and_orders_preferred_then_mobile_then_the_rest():
    [contact] = read(IPHONE.encode()).contacts

    assert contact == VCardContact("Sam Lee", ("5550106", "5550105", "5550102", "5550103"), "sam@example.com",
                                   ("5550101 (a fax number)", "5550104 (a fax number)", "5550107 (a fax number)"))


def test_a_contact_with_more_than_five_numbers_keeps_five_and_is_told_never_dropped():
    numbers = "".join(f"TEL;TYPE=WORK:020 7946 01{index:02}\r\n" for index in range(7))
    card = (f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Kim\r\nTEL;TYPE=HOME,PAGER:0800\r\n{numbers}"
            "TEL;PREF=1:07700 900123\r\nEND:VCARD\r\n")

    found = candidates_from(card.encode(), NOW)

    [kim] = found.people
    assert kim.phones == ("07700900123", "02079460100", "02079460101", "02079460102", "02079460103")
    assert found.left_out == ("Kim: not kept 0800 (a pager number), 02079460104 (more than 5 numbers), "
                              "02079460105 (more than 5 numbers), 02079460106 (more than 5 numbers).",)


def test_androids_pause_and_wait_letters_are_kept_as_the_dialers_comma_and_semicolon():
    card = b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Desk\r\nTEL:0958p123w45\r\nTEL:PPP1234\r\nEND:VCARD\r\n"

    assert read(card).contacts[0].phones == ("0958,123;45", ",,,1234")


def test_cards_nested_in_a_21_card_are_read_as_the_cards_they_are():
    text = ("BEGIN:VCARD\r\nVERSION:2.1\r\nN:Parent\r\n"
            "AGENT:\r\nBEGIN:VCARD\r\nVERSION:2.1\r\nN:Assistant\r\nTEL:0123456\r\nEND:VCARD\r\n"
            "TEL:0987654\r\nEND:VCARD\r\n")

    result = parse_vcards(text)

    assert result.contacts == (VCardContact("Parent", ("0987654",), ""), VCardContact("Assistant", ("0123456",), ""))
    assert result.skipped == ()


def test_a_card_without_a_name_in_a_nested_file_is_told_by_its_place_in_the_file():
    text = ("BEGIN:VCARD\r\nVERSION:2.1\r\nTEL:0987654\r\n"
            "BEGIN:VCARD\r\nVERSION:2.1\r\nN:Inner\r\nTEL:0123456\r\nEND:VCARD\r\nEND:VCARD\r\n")

    result = parse_vcards(text)

    assert result.contacts == (VCardContact("Inner", ("0123456",), ""),)
    assert [skip.number for skip in result.skipped] == [1]
    assert isinstance(result.skipped[0], Skipped)
