"""What Tend says after the support card is handed on, and who each link reaches."""

from storage.support_card.noting import app_not_opened_words, groups_by_link, noted_words
from storage.support_card.shares import ShareWay


def test_one_person_has_the_card_and_undo_is_offered():
    assert noted_words(["Sam"], ShareWay.EMAIL) == (
        "Noted: Sam has your card (by email, today). If you didn't send it after all, you can undo this.")


def test_several_people_are_named_together_with_the_way():
    assert noted_words(["Sam", "Dee", "Ana"], ShareWay.TEXT).startswith(
        "Noted: Sam, Dee and Ana have your card (by text message, today).")
    assert "(shared, today)" in noted_words(["Sam", "Dee"], ShareWay.SHARE_SHEET)
    assert "(as a file, today)" in noted_words(["Sam"], ShareWay.FILE)


def test_a_link_that_could_not_open_names_the_app():
    assert app_not_opened_words(ShareWay.EMAIL).startswith("This device could not open your mail app.")
    assert app_not_opened_words(ShareWay.TEXT).startswith("This device could not open your messages app.")


def test_texts_go_one_a_person_and_mail_to_everyone_at_once():
    assert groups_by_link(["Sam", "Dee"], ShareWay.TEXT) == [["Sam"], ["Dee"]]
    assert groups_by_link(["Sam", "Dee"], ShareWay.EMAIL) == [["Sam", "Dee"]]
