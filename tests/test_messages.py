"""Ready-made messages: the library, the person's own messages and edits (memory store and files), the links that
hand a message to the person's messaging app, for one person or several, and the messages file in exports."""

import json
from datetime import timedelta
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st
from storage_fixtures import NOW, record, store  # noqa: F401 (fixtures)

from storage.errors import Refused
from storage.messages.library import TENDS_MESSAGES
from storage.messages.model import MESSAGE_LIMIT, DayKind, MessageKind, draft_for, message_problem
from storage.messages.repository import FILE, MessageRepository
from storage.messages.sending import PEOPLE_AT_ONCE, sendings, unreachable_words, way_to_send
from storage.people.model import Way, new_person
from storage.people.phones import email_link, text_link_to_several
from storage.store.persistence import Store
from storage.your_data.exchange import ImportProblem, export_text, import_tend_export

SAM = new_person(NOW, name="Sam", phones=("07700 900123",), email="sam@example.com")
DEE = new_person(NOW, name="Dee", phones=("07700 900456",), preferred="text")
ANA = new_person(NOW, name="Ana", email="ana@example.com", phones=("+44 7700 900789",), preferred="email")
NOBODY = new_person(NOW, name="Kim")
URL_SAFE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789%+@._~-,:?=&"
ROUGH_DAY = "Rough day. Could you call me tonight?"


def query(link: str) -> dict[str, str]:
    return {name: values[0] for name, values in parse_qs(urlsplit(link).query, keep_blank_values=True).items()}


# The library


def test_tends_library_has_the_issues_examples_for_every_kind():
    wordings = {(m.kind, m.wording) for m in TENDS_MESSAGES}
    assert (MessageKind.EMOTIONAL, ROUGH_DAY) in wordings
    assert (MessageKind.CRISIS, "I'm not safe right now. Can you come over or call me?") in wordings
    assert (MessageKind.KEEPING_IN_TOUCH, "Thinking of you. How are things?") in wordings
    assert {m.kind for m in TENDS_MESSAGES} == set(MessageKind)
    assert len({m.id for m in TENDS_MESSAGES}) == len(TENDS_MESSAGES)
    assert all(message_problem(m.wording) is None and m.tends_own for m in TENDS_MESSAGES)


def test_the_messages_for_a_harder_day_come_first(store):
    messages = MessageRepository(store).messages(MessageKind.EMOTIONAL, DayKind.VERY_HARD_DAY)
    assert messages[0].day is DayKind.VERY_HARD_DAY
    assert messages[-1].day is DayKind.ANY_DAY
    assert {m.kind for m in messages} == {MessageKind.EMOTIONAL}


# The person's own messages and edits


def test_add_edit_and_remove_own_messages(store):
    repository = MessageRepository(store)
    mine = repository.add(MessageKind.PRACTICAL, "  Could you walk the dog on Friday?  ", NOW)
    assert mine.wording == "Could you walk the dog on Friday?" and not mine.tends_own
    assert repository.messages(MessageKind.PRACTICAL)[0] == mine  # the person's own come first
    edited = repository.edit(mine, "Could you walk the dog on Saturday?", NOW + timedelta(minutes=1))
    assert MessageRepository(store).get(mine.id) == edited
    repository.remove(edited, NOW)
    assert edited not in repository.messages() and repository.get(mine.id) is None


@pytest.mark.parametrize(("wording", "words"), [
    ("", "Please write a few words first"),
    ("   \n ", "Please write a few words first"),
    ("x" * (MESSAGE_LIMIT + 1), "up to 1,000 characters; this one has 1,001"),
    ("Hi \ud83d there", "broken character"),
])
def test_an_empty_too_long_or_broken_message_is_refused_kindly_and_nothing_changes(store, wording, words):
    repository = MessageRepository(store)
    tends = repository.messages()[0]
    with pytest.raises(Refused, match=words):
        repository.add(MessageKind.EMOTIONAL, wording, NOW)
    with pytest.raises(Refused, match=words):
        repository.edit(tends, wording, NOW)
    assert store.documents(FILE) == []


def test_a_message_of_exactly_the_limit_is_kept(store):
    assert MessageRepository(store).add(MessageKind.PEER, "é" * MESSAGE_LIMIT, NOW).wording == "é" * MESSAGE_LIMIT


def test_tends_messages_can_be_edited_removed_and_restored(store):
    repository = MessageRepository(store)
    rough, not_great = repository.messages(MessageKind.EMOTIONAL)[:2]
    repository.edit(rough, "Rough day. Could you call me after nine?", NOW)
    repository.remove(not_great, NOW)
    mine = repository.add(MessageKind.EMOTIONAL, "Fancy a walk?", NOW)
    reopened = MessageRepository(store).messages(MessageKind.EMOTIONAL)
    assert "Rough day. Could you call me after nine?" in [m.wording for m in reopened]
    assert not_great.wording not in [m.wording for m in reopened]
    assert repository.restore_tends_own(NOW + timedelta(hours=1)) == 2
    restored = repository.messages(MessageKind.EMOTIONAL)
    assert [m.wording for m in restored] == [mine.wording] + [m.wording for m in TENDS_MESSAGES
                                                                if m.kind is MessageKind.EMOTIONAL]
    assert repository.restore_tends_own(NOW + timedelta(hours=2)) == 0


def test_undo_puts_a_removed_message_back(store):
    repository = MessageRepository(store)
    first = repository.messages()[0]
    repository.remove(first, NOW)
    repository.put_back(first, NOW + timedelta(seconds=5))
    assert repository.messages()[0].wording == first.wording


def test_the_name_greets_the_person_on_its_own_line():
    assert draft_for("Sam", ROUGH_DAY) == "Hi Sam,\n" + ROUGH_DAY


# Links


def test_an_sms_link_carries_the_number_and_the_whole_message():
    link = text_link_to_several(["07700 900123"], "Hi Sam,\nRough day. Could you call me tonight? 🌧️ ça va & 100%")
    number, _, body = link.removeprefix("sms:").partition("?body=")
    assert number == "07700900123"
    assert unquote(body) == "Hi Sam,\nRough day. Could you call me tonight? 🌧️ ça va & 100%"
    assert all(char in URL_SAFE for char in link)


def test_several_numbers_go_in_one_sms_link_separated_by_commas():
    assert text_link_to_several(["07700 900123", "+44 (0)7700 900456"], "Hi") == (
        "sms:07700900123,+447700900456?body=Hi")
    with pytest.raises(ValueError, match="Please add a phone number"):
        text_link_to_several([], "Hi")
    with pytest.raises(ValueError, match="“\\?” in it"):
        text_link_to_several(["07700 900123", "07700 900456?body=x"], "Hi")
    # a dialer's pause is a comma too: encoded, it can't split one number into two recipients
    assert text_link_to_several(["0161 496 0000,,123", "999"]) == "sms:01614960000%2C%2C123,999"


def test_a_mailto_link_carries_subject_and_body_with_crlf_line_breaks():
    link = email_link("sam@example.com", "Could we talk?", "Hi Sam,\nRough day & more\r\nThanks")
    assert link.startswith("mailto:sam@example.com?subject=")
    assert query(link) == {"subject": "Could we talk?", "body": "Hi Sam,\r\nRough day & more\r\nThanks"}
    assert email_link("sam@example.com") == "mailto:sam@example.com"


@given(st.text(min_size=1).filter(str.strip), st.text())
def test_any_unicode_text_reads_back_exactly_and_can_add_no_header(subject, body):
    link = email_link("sam@example.com", subject, body)
    assert all(char in URL_SAFE for char in link)
    fields = query(link)
    assert set(fields) <= {"subject", "body"}
    assert fields["subject"] == subject.replace("\r\n", " ").replace("\r", " ").replace("\n", " ")
    number, _, text = text_link_to_several(["116 123"], body).partition("?body=")
    assert number == "sms:116123" and unquote(text) == body


def test_text_with_a_broken_character_gives_a_kind_message_not_a_crash():
    with pytest.raises(ValueError, match="broken character"):
        text_link_to_several(["116 123"], "Hi \udc00")
    with pytest.raises(ValueError, match="broken character"):
        email_link("sam@example.com", "Hi", "\ud83d")


# Sending: the preferred way, several people, and people with no address


def test_a_message_goes_by_the_preferred_way():
    assert way_to_send(SAM) is Way.TEXT  # no preference: a text where there is a number
    assert way_to_send(ANA) is Way.EMAIL
    assert way_to_send(ANA, Way.TEXT) is Way.TEXT
    assert way_to_send(DEE, Way.EMAIL) is None
    assert way_to_send(NOBODY) is None
    [to_ana], _ = sendings([ANA], "Hi Ana,\n" + ROUGH_DAY, MessageKind.EMOTIONAL)
    assert to_ana.way is Way.EMAIL
    assert query(to_ana.link) == {"subject": "Could we talk?", "body": "Hi Ana,\r\n" + ROUGH_DAY}


def test_one_after_another_each_person_is_greeted_by_name():
    links, unreachable = sendings([SAM, DEE, ANA, NOBODY], ROUGH_DAY, MessageKind.EMOTIONAL, greet=True)
    assert [s.people for s in links] == [(SAM,), (DEE,), (ANA,)]
    assert unquote(links[1].link) == "sms:07700900456?body=Hi Dee,\n" + ROUGH_DAY
    assert unreachable == [NOBODY]
    assert unreachable_words(NOBODY).startswith("Tend doesn't have a phone number or an email address for Kim")


def test_on_android_everyone_by_text_gets_one_message_together():
    links, unreachable = sendings([SAM, ANA, DEE], ROUGH_DAY, MessageKind.EMOTIONAL, together=True, greet=True)
    assert [s.link.split("?")[0] for s in links] == ["sms:07700900123,07700900456", "mailto:ana@example.com"]
    assert links[0].people == (SAM, DEE) and unquote(links[0].link.partition("?body=")[2]) == ROUGH_DAY
    assert unreachable == []


def test_the_chosen_way_leaves_out_who_cant_be_reached_that_way():
    links, unreachable = sendings([SAM, DEE], "Hello", MessageKind.KEEPING_IN_TOUCH, chosen=Way.EMAIL)
    assert [s.people for s in links] == [(SAM,)] and unreachable == [DEE]
    assert "an email address for Dee" in unreachable_words(DEE, Way.EMAIL)


def test_too_many_people_or_a_bad_message_opens_nothing():
    with pytest.raises(Refused, match=f"up to {PEOPLE_AT_ONCE} people"):
        sendings([SAM] * (PEOPLE_AT_ONCE + 1), "Hello", MessageKind.EMOTIONAL)
    with pytest.raises(Refused, match="Please write a few words"):
        sendings([SAM], "  ", MessageKind.EMOTIONAL)
    with pytest.raises(Refused, match="up to 1,000"):
        sendings([SAM], "x" * 1001, MessageKind.EMOTIONAL)


# Export and import


def test_messages_are_exported_and_imported_with_everything_else(store):
    repository = MessageRepository(store)
    repository.add(MessageKind.PEER, "Meeting tonight?", NOW)
    repository.remove(repository.messages(MessageKind.CRISIS)[0], NOW)
    text = export_text(store, NOW)
    assert '"messages"' in text
    empty = Store.open(None, NOW)
    import_tend_export(empty, text, NOW)
    assert MessageRepository(empty).messages() == repository.messages()


@pytest.mark.parametrize(("field", "value", "words"), [
    ("wording", "", "Please write a few words"),
    ("wording", "x" * 1001, "up to 1,000"),
    ("kind", "gossip", "should be one of"),
    ("removed", "yes", "true or false"),
])
def test_an_import_with_a_bad_message_is_refused_naming_the_field(store, field, value, words):
    message = record(kind="peer", wording="Meeting tonight?", day="any day", tends_own=False) | {field: value}
    export = {"format": "tend-export", "version": 1, "exported": "2026-11-23T09:15:02+01:00",
              "files": {FILE: [message]}}
    with pytest.raises(ImportProblem, match=f"field '{field}'.*{words}"):
        import_tend_export(store, json.dumps(export), NOW)
    assert store.documents(FILE) == []
