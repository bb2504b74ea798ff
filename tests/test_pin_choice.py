"""Choosing a PIN in Settings: typed twice, and kept only when it is a PIN and both fields agree."""

from storage.app_lock import chosen_pin_problem


def test_a_pin_typed_the_same_twice_is_kept():
    assert chosen_pin_problem("4815", "4815") is None


def test_two_different_pins_are_refused_with_a_message_that_says_so():
    assert chosen_pin_problem("4815", "4816") == "The two PINs are different. Please type the same PIN in both fields."
    assert chosen_pin_problem("4815", None) == "The two PINs are different. Please type the same PIN in both fields."


def test_what_is_not_a_pin_is_refused_first_even_when_typed_twice():
    assert chosen_pin_problem("12a4", "12a4") == "A PIN is 4 to 8 digits, using only the numbers 0–9."
    assert chosen_pin_problem("", "") == "A PIN is 4 to 8 digits, using only the numbers 0–9."
