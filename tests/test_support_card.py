"""'How to support me': the card in the person's own words, as text to send, the links that hand it to mail or
messages, and who has it since when; on the memory store and on files."""

import json
from datetime import timedelta
from urllib.parse import unquote

import pytest
from storage_fixtures import NOW, record, store  # noqa: F401 (fixtures)

from storage.errors import Refused
from storage.people.model import new_person
from storage.store.persistence import Store
from storage.support_card.card import (
    PART_LIMIT,
    card_as_text,
    card_problems,
    load_card,
    save_card,
)
from storage.support_card.links import share_links
from storage.support_card.shares import (
    ShareWay,
    forget_shares,
    has_card_words,
    latest_shares,
    record_shares,
)
from storage.your_data.exchange import (
    ImportProblem,
    export_text,
    exported,
    import_tend_export,
)

SAM = new_person(NOW, name="Sam", phones=("07700 900123",), email="sam@example.com")
DEE = new_person(NOW, name="Dee", phones=("07700 900456",))


def test_a_new_card_is_empty_and_every_part_is_optional(store):
    card = load_card(store)
    assert card_as_text(card) == ""

    saved = save_card(store, {"helps": "A walk. Sitting with me."}, NOW)

    assert load_card(store) == saved
    assert card_as_text(saved) == "How to support me\n\nWhat helps\nA walk. Sitting with me.\n"


def test_the_card_as_text_has_only_the_parts_written_in_order_under_their_titles(store):
    card = save_card(store, {"check_in": "  A message on Sundays. ", "going_through": "Depression, since spring.",
                             "signs": ""}, NOW)
    assert card_as_text(card) == (
        "How to support me\n\n"
        "What I'm going through\nDepression, since spring.\n\n"
        "How I'd like you to check in\nA message on Sundays.\n")


def test_a_part_over_the_limit_gets_a_kind_message_and_nothing_is_saved(store):
    save_card(store, {"helps": "Tea."}, NOW)
    too_long = "x" * (PART_LIMIT + 1)

    assert "up to 1,000 characters; it has 1,001" in card_problems({"signs": too_long})["signs"]
    with pytest.raises(ValueError, match="easier for your people"):
        save_card(store, {"helps": "Tea.", "signs": too_long}, NOW + timedelta(hours=1))
    assert load_card(store).text("signs") == "" and load_card(store).text("helps") == "Tea."


def test_shares_are_noted_per_person_and_the_latest_one_counts(store):
    record_shares(store, [SAM.id], ShareWay.EMAIL, NOW - timedelta(days=10))
    shares = record_shares(store, [SAM.id, DEE.id], ShareWay.TEXT, NOW)

    assert latest_shares(store) == {SAM.id: NOW, DEE.id: NOW}
    forget_shares(store, shares)  # Undo
    assert latest_shares(store) == {SAM.id: NOW - timedelta(days=10)}


def test_a_persons_card_says_since_when_they_have_it():
    assert has_card_words(NOW.replace(month=12, day=3), NOW.replace(month=12, day=5)) == \
        "Has your support card since 3 Dec"
    assert has_card_words(NOW.replace(year=2025), NOW) == "Has your support card since 23 Nov 2025"


def test_the_email_link_goes_to_everyone_chosen_with_subject_and_the_whole_card_as_body():
    body = "How to support me\n\nWhat helps\nTea & toast? Ça va 💛\n"
    [link] = share_links([SAM, new_person(NOW, name="Ana", email="ana+x@example.org")], ShareWay.EMAIL,
                         "How to support me", body)
    address, _, query = link.removeprefix("mailto:").partition("?")
    assert address == "sam@example.com,ana+x@example.org"
    subject, body_field = query.split("&")
    assert unquote(subject) == "subject=How to support me"
    assert unquote(body_field.removeprefix("body=")) == body.replace("\n", "\r\n")
    assert "&" not in body_field and "?" not in body_field  # nothing typed can add a field


def test_by_text_each_person_gets_their_own_message():
    links = share_links([SAM, DEE], ShareWay.TEXT, "How to support me", "What helps\nTea")
    assert links == ["sms:07700900123?body=What%20helps%0ATea", "sms:07700900456?body=What%20helps%0ATea"]


@pytest.mark.parametrize("people, way, body, message", [
    ([SAM, DEE], ShareWay.EMAIL, "Tea", "no email address for Dee"),
    ([new_person(NOW, name="Bo", email="bo@example.com"), DEE], ShareWay.TEXT, "Tea", "no number for Bo"),
    ([], ShareWay.EMAIL, "Tea", "Choose who"),
    ([SAM], ShareWay.TEXT, "  ", "card is empty"),
    ([SAM], ShareWay.EMAIL, "half an emoji \ud83d", "broken character"),
])
def test_what_cant_be_sent_gets_a_kind_message_and_no_link(people, way, body, message):
    with pytest.raises(Refused, match=message):
        share_links(people, way, "How to support me", body)


def test_any_unicode_reaches_the_mail_app_unchanged():
    body = "Наш день. 今日は大変だった。 مرحبا 👩‍👧\r\nline two"
    [link] = share_links([SAM], ShareWay.EMAIL, "Subject", body)
    assert unquote(link.partition("&body=")[2]) == body


def test_the_card_and_its_shares_are_exported_and_imported_with_everything_else(store, tmp_path):
    save_card(store, {"helps": "Tea."}, NOW)
    record_shares(store, [SAM.id], ShareWay.EMAIL, NOW)
    text = export_text(store, NOW)
    assert {"support_card", "support_card_shares"} <= set(exported(store, NOW)["files"])

    copy = Store.open(tmp_path / "copy", NOW)
    import_tend_export(copy, text, NOW)

    assert load_card(copy) == load_card(store) and latest_shares(copy) == {SAM.id: NOW}
    copy.close()


@pytest.mark.parametrize("name, bad, field", [
    ("support_card", {"id": "support_card", "texts": {"helps": "x" * (PART_LIMIT + 1)}}, "texts"),
    ("support_card", {"id": "support_card", "texts": {"mood": "?"}}, "texts"),
    ("support_card_shares", {"person_id": "", "at": "2026-11-23T09:15:02+01:00", "way": "email"}, "person_id"),
    ("support_card_shares", {"person_id": "p", "at": "yesterday", "way": "email"}, "at"),
    ("support_card_shares", {"person_id": "p", "at": "2026-11-23T09:15:02+01:00", "way": "pigeon"}, "way"),
])
def test_an_import_with_a_broken_card_or_share_is_refused_whole(store, name, bad, field):
    export = {"format": "tend-export", "version": 1, "exported": "2026-11-23T09:15:02+01:00",
              "files": {name: [record(**bad)]}}
    with pytest.raises(ImportProblem, match=f"field '{field}'"):
        import_tend_export(store, json.dumps(export), NOW)
    assert store.documents(name) == []
