"""Phone numbers and email addresses as people type them, and the tel:, sms: and mailto: links built from them."""

import re
from urllib.parse import unquote

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from storage.people.phones import (
    call_link,
    email_link,
    email_link_to_several,
    email_problem,
    normalised_phone,
    phone_problem,
    text_link,
)

DIALABLE = re.compile(r"\+?[0-9*#,;]+")
URL_SAFE = re.compile(r"[A-Za-z0-9%+@._~-]*")
"""Letters, digits, percent escapes and the few marks that mean nothing special in these links."""
LETTERS = "This number has letters in it. Please use only digits, spaces and a leading +."


@pytest.mark.parametrize(("typed", "dialled"), [
    ("+44 (0)20 7946 0958", "+442079460958"),
    ("+44(0)20 7946 0958", "+442079460958"),
    ("(020) 7946 0958", "02079460958"),
    ("0800 111 0 111", "08001110111"),
    ("1-800-273-8255", "18002738255"),
    ("+1 (415) 555-0132", "+14155550132"),
    ("030/123.456.78", "03012345678"),
    ("999", "999"),
    ("112", "112"),
    ("000", "000"),
    ("116 123", "116123"),
    ("  07700 900123 ", "07700900123"),
    ("+33 1 23 45 67 89", "+33123456789"),
    ("0161 496 0000,,123#", "01614960000,,123#"),
    ("*31#0800 111 222", "*31#0800111222"),
    ("020 7946 0958;42", "02079460958;42"),
])
def test_a_number_keeps_only_what_a_dialer_uses(typed, dialled):
    assert normalised_phone(typed) == dialled
    assert phone_problem(typed) is None


def test_the_trunk_zero_in_brackets_stays_when_there_is_no_country_code():
    assert normalised_phone("(0)20 7946 0958") == "02079460958"


def test_a_number_copied_from_a_phone_with_invisible_marks_and_no_break_spaces_still_works():
    assert normalised_phone("\u202a+44\u00a07700\u00a0900123\u202c") == "+447700900123"
    assert normalised_phone("0115\u200b496\u20130000") == "01154960000"


def test_full_width_and_arabic_indic_digits_become_plain_digits():
    assert normalised_phone("０９０-１２３４-５６７８") == "09012345678"
    assert normalised_phone("＋٩٧١ ٤ ٣٤٥ ٦٧٨٩") == "+97143456789"


@pytest.mark.parametrize(("typed", "problem"), [
    ("1-800-FLOWERS", LETTERS),
    ("020 7946 0958 ext 12", LETTERS),
    ("call Sam", LETTERS),
    ("44+20 7946 0958", "A + can only go at the very start of a number, before the country code."),
    ("++44 20 7946 0958", "A + can only go at the very start of a number, before the country code."),
    ("12", "This number looks too short. Please enter at least 3 digits."),
    ("*#06#", "This number looks too short. Please enter at least 3 digits."),
    ("1" * 21, "This number has 21 digits, more than any phone number. Please check for extra digits."),
    ("", "Please enter a phone number."),
    (" - ", "Please enter a phone number."),
    ("0207_946", "This number has “_” in it, which a phone can't dial. "
                 "Please use only digits, spaces and a leading +."),
    ("0207\x00946", "This number has a character in it, which a phone can't dial. "
                    "Please use only digits, spaces and a leading +."),
])
def test_a_number_a_phone_cannot_dial_is_refused_with_how_to_fix_it(typed, problem):
    assert normalised_phone(typed) is None
    assert phone_problem(typed) == problem


def test_twenty_digits_are_the_most_a_number_can_have():
    assert normalised_phone("+" + "1" * 20) == "+" + "1" * 20


@given(st.text())
def test_any_text_becomes_a_dialable_number_or_is_refused_with_a_reason(text):
    number = normalised_phone(text)
    assert number is None or DIALABLE.fullmatch(number)
    assert (number is None) == (phone_problem(text) is not None)


typed_numbers = st.from_regex(r"\+?[0-9][0-9 ()*#,;./-]{2,25}", fullmatch=True).filter(normalised_phone)
"""Numbers as people type them, with a country code or without, and with dialer characters."""


@given(typed_numbers | st.text())
def test_normalising_twice_changes_nothing(text):
    number = normalised_phone(text)
    assert number is None or normalised_phone(number) == number


dialled = st.tuples(st.booleans(), st.lists(st.text(alphabet="0123456789*#,;", min_size=1, max_size=5),
                                            min_size=1, max_size=6))


@st.composite
def written_out(draw, plus: bool, groups: list[str], brackets: bool) -> str:
    """`groups` as a person might write them, with separators between any characters and groups in brackets.

    A lone "0" in brackets is left out: after a country code it means "leave this 0 out".
    """
    separator = st.text(alphabet=" -./\t\u00a0", max_size=2)
    written = draw(separator) + ("+" if plus else "")
    for group in groups:
        spaced = draw(separator).join(group)
        wrap = brackets and group != "0" and draw(st.booleans())
        written += draw(separator) + (f"({spaced})" if wrap else spaced)
    return written + draw(separator)


@given(dialled, st.data())
def test_spaces_dashes_dots_slashes_and_brackets_never_change_the_number(number, data):
    plus, groups = number
    plain = ("+" if plus else "") + "".join(groups)
    assert normalised_phone(data.draw(written_out(plus, groups, brackets=True))) == normalised_phone(plain)


@pytest.mark.parametrize("address", ["sam@example.com", " jo.bloggs+tend@mail.example.co.uk ", "zoë@exämple.de",
                                     "a@b.c"])
def test_an_ordinary_email_address_is_fine(address):
    assert email_problem(address) is None


@pytest.mark.parametrize(("address", "problem"), [
    ("", "Please enter an email address, like name@example.com."),
    ("sam.example.com", "An email address needs an @, like name@example.com."),
    ("sam@@example.com", "An email address has only one @. Please check for an extra one."),
    ("@example.com", "Please add the part before the @, like name@example.com."),
    ("sam@example", "The part after the @ needs a dot between words, like example.com."),
    ("sam@example.", "The part after the @ needs a dot between words, like example.com."),
    ("sam@example..com", "The part after the @ needs a dot between words, like example.com."),
    ("sam smith@example.com", "Email addresses have no spaces in them. Please check for a space or a line break."),
    ("sam@example.com\nBcc: all@example.com",
     "Email addresses have no spaces in them. Please check for a space or a line break."),
    ("Sam <sam@example.com>", "Email addresses have no spaces in them. Please check for a space or a line break."),
    ("<sam@example.com>", "Email addresses don't use “<”. Please type just the address, like name@example.com."),
    ("sam@exa\u200bmple.com",
     "This address has an invisible character in it. Please type it again, like name@example.com."),
    ("s" * 243 + "@example.com", "Email addresses can be up to 254 characters; this one has 255."),
])
def test_an_unusable_email_address_is_refused_with_how_to_fix_it(address, problem):
    assert email_problem(address) == problem


def test_call_and_text_links_carry_the_normalised_number():
    assert call_link("+44 (0)20 7946 0958") == "tel:+442079460958"
    assert text_link("85258") == "sms:85258"
    assert text_link("+1 741 741", "Hi, it's Sam. Can we talk?") == (
        "sms:+1741741?body=Hi%2C%20it%27s%20Sam.%20Can%20we%20talk%3F")


def test_dialer_characters_are_percent_encoded_in_links():
    assert call_link("*31#0800 111 222,1;2") == "tel:%2A31%230800111222%2C1%3B2"


def test_a_message_with_line_breaks_and_accents_is_encoded_whole():
    assert text_link("116 123", "Ça va?\nNot really & I'd like to talk") == (
        "sms:116123?body=%C3%87a%20va%3F%0ANot%20really%20%26%20I%27d%20like%20to%20talk")


@pytest.mark.parametrize("make_link", [call_link, text_link])
def test_a_number_that_cannot_be_dialled_never_becomes_a_link(make_link):
    with pytest.raises(ValueError, match="“\\?” in it"):
        make_link("+44 20 7946 0958?body=x")
    with pytest.raises(ValueError, match="letters in it"):
        make_link("tel:+44 20 7946 0958")
    with pytest.raises(ValueError, match="too short"):
        make_link("12")


def test_an_email_link_cannot_carry_extra_headers():
    assert email_link(" sam@example.com ") == "mailto:sam@example.com"
    assert email_link("sam?cc=all@example.com&subject=x") == "mailto:sam%3Fcc%3Dall@example.com%26subject%3Dx"
    assert email_link("sam%0ABcc%3Aall@example.com") == "mailto:sam%250ABcc%253Aall@example.com"
    with pytest.raises(ValueError, match="no spaces"):
        email_link("sam@example.com\r\nBcc:all@example.com")
    with pytest.raises(ValueError, match="don't use “:”"):
        email_link("javascript:alert(1)@example.com")


def test_one_email_link_reaches_several_addresses_and_refuses_any_bad_one():
    assert email_link_to_several(["sam@example.com", "dee@example.org"], "Hi", "A\nB") == \
        "mailto:sam@example.com,dee@example.org?subject=Hi&body=A%0D%0AB"
    with pytest.raises(ValueError, match="email address first"):
        email_link_to_several([])
    with pytest.raises(ValueError, match="no spaces"):
        email_link_to_several(["sam@example.com", "dee@example.org\r\nBcc:all@example.com"])


@given(typed_numbers | st.text())
def test_a_call_link_is_url_safe_and_reads_back_as_the_number(text):
    try:
        link = call_link(text)
    except ValueError:
        assert normalised_phone(text) is None
        return
    assert link.startswith("tel:") and URL_SAFE.fullmatch(link[4:])
    assert unquote(link[4:]) == normalised_phone(text)


@given(typed_numbers, st.text())
def test_a_text_link_is_url_safe_and_reads_back_as_the_number_and_message(number, body):
    recipient, _, message = text_link(number, body).removeprefix("sms:").partition("?body=")
    assert URL_SAFE.fullmatch(recipient) and URL_SAFE.fullmatch(message)
    assert unquote(recipient) == normalised_phone(number)
    assert unquote(message) == body


@given(st.emails())
def test_a_valid_address_gives_a_url_safe_mailto_link_that_reads_back(address):
    assume(len(address) <= 254)
    assert email_problem(address) is None
    link = email_link(address)
    assert link.startswith("mailto:") and URL_SAFE.fullmatch(link[7:])
    assert unquote(link[7:]) == address


@given(st.text())
def test_any_text_is_either_refused_or_a_url_safe_mailto_link(text):
    try:
        link = email_link(text)
    except ValueError as refused:
        assert str(refused) == email_problem(text)
        return
    assert URL_SAFE.fullmatch(link[7:]) and unquote(link[7:]) == text.strip()
