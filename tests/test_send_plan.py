"""What Send opens for the people ticked, and what it says when it can't reach them all."""

import pytest
from storage_fixtures import NOW

from storage.errors import Refused
from storage.messages.model import MessageKind
from storage.messages.send_plan import NOBODY_CHOSEN, addresses, plan_sending
from storage.people.model import Way, new_person

SAM = new_person(NOW, name="Sam", phones=("07700 900123",), email="sam@example.com")
KIM = new_person(NOW, name="Kim")


def plan(people, text="Thinking of you.", chosen=None):
    return plan_sending(people, text, MessageKind.KEEPING_IN_TOUCH, together=False, greet=len(people) > 1,
                        chosen=chosen)


def test_nobody_ticked_is_asked_for_kindly():
    with pytest.raises(Refused, match=NOBODY_CHOSEN):
        plan([])


def test_nobody_reachable_says_what_is_missing_and_opens_nothing():
    with pytest.raises(Refused, match="Tend doesn't have a phone number or an email address for Kim"):
        plan([KIM])


def test_someone_left_out_is_said_while_the_others_get_their_link():
    sent = plan([SAM, KIM])
    assert [sending.people for sending in sent.links] == [(SAM,)]
    assert sent.left_out.startswith("Tend doesn't have a phone number or an email address for Kim yet")


def test_an_empty_message_is_refused_before_anyone_is_looked_at():
    with pytest.raises(Refused):
        plan([SAM], text="   ")


def test_addresses_name_the_numbers_or_emails_of_a_link():
    assert addresses(plan([SAM], chosen=Way.TEXT).links[0]) == "07700 900123"
    assert addresses(plan([SAM], chosen=Way.EMAIL).links[0]) == "sam@example.com"
