"""How time with someone felt, support given back, check-on reminders and what they say on a card and in History:
pure rules with fixed dates (Hypothesis where inputs vary), and the store, export and import on memory and files."""

import json
from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st
from storage_fixtures import NOW, record, store  # noqa: F401 - fixture

from storage.checkins.trends import ENOUGH_DAYS
from storage.days import day_of
from storage.errors import Refused
from storage.people.feelings import FEW_ANSWERS, MIXED, Felt, lifted_moods, usual_feeling_words
from storage.people.giving import (
    GIVEN_FILE,
    SELF_CARE_NOTE,
    Given,
    both_ways_words,
    check_on_id,
    checking_on,
    done_with_reminder,
    forget_given,
    last_given_words,
    log_given,
    looking_after_yourself,
    start_checking_on,
    stop_checking_on,
    support_given,
)
from storage.people.model import Way, contact_from_document, document_from_contact, new_person
from storage.people.repository import CONTACTS_FILE, PeopleRepository
from storage.reminders.repository import ReminderRepository
from storage.reminders.rules import due_now
from storage.store.persistence import Store
from storage.your_data.exchange import ImportProblem, export_text, exported, import_tend_export

UTC_PLUS_ONE = NOW.tzinfo
SAM = new_person(NOW, name="Sam", phones=("020 7946 0958",))
moments = st.integers(min_value=-400 * 24, max_value=0).map(lambda hours: NOW + timedelta(hours=hours))
feelings = st.one_of(st.none(), st.sampled_from(Felt))


def days_ago(days: float) -> datetime:
    return NOW - timedelta(days=days)


# --- How it felt -------------------------------------------------------------------------------------------------


def test_a_card_says_nothing_until_there_are_a_few_answers():
    two = [(days_ago(3), Felt.LIFTED), (days_ago(1), Felt.LIFTED), (days_ago(2), None)]
    assert usual_feeling_words(two, NOW) is None
    assert usual_feeling_words([*two, (days_ago(5), Felt.LIFTED)], NOW) == "Usually leaves you feeling lifted"


def test_a_feeling_is_usual_only_when_it_is_most_of_the_latest_answers():
    mixed = [(days_ago(1), Felt.LIFTED), (days_ago(2), Felt.DRAINED), (days_ago(3), Felt.SAME),
             (days_ago(4), Felt.LIFTED)]
    assert usual_feeling_words(mixed, NOW) == MIXED
    drained = [(days_ago(day), Felt.DRAINED) for day in (1, 2, 3)]
    words = usual_feeling_words(drained, NOW)
    assert "drained" in words and not any(word in words.lower() for word in ("stop", "avoid", "less", "drop"))


def test_only_the_latest_ten_answers_in_the_last_year_count():
    old = [(days_ago(400 + day), Felt.LIFTED) for day in range(5)]
    assert usual_feeling_words(old, NOW) is None  # over a year ago: how time together feels can change
    earlier = [(days_ago(100 + day), Felt.DRAINED) for day in range(20)]
    lately = [(days_ago(day), Felt.LIFTED) for day in range(10)]
    assert usual_feeling_words(earlier + lately, NOW) == "Usually leaves you feeling lifted"


@given(st.lists(st.tuples(moments, feelings), max_size=30))
def test_the_card_line_is_always_one_quiet_sentence_or_nothing(answers):
    words = usual_feeling_words(answers, NOW)
    answered = [1 for at, felt in answers if felt is not None and at >= NOW - timedelta(days=365)]
    assert (words is None) == (len(answered) < FEW_ANSWERS)
    assert words is None or not any(character.isdigit() for character in words)


def test_a_contact_keeps_how_it_felt_and_an_old_contact_reads_unchanged(store):
    people = PeopleRepository(store)
    people.save(SAM)
    lifted = people.log_contact(SAM, Way.CALL, NOW, Felt.LIFTED)
    unanswered = people.log_contact(SAM, Way.TEXT, NOW + timedelta(minutes=1))
    assert [contact.felt for contact in people.contacts()] == [Felt.LIFTED, None]
    assert store.get(CONTACTS_FILE, lifted.id)["felt"] == "lifted"
    old = {"id": "c1", "person_id": SAM.id, "at": NOW.isoformat(), "way": "call",
           "created": "2026-11-23T09:15:02+01:00", "updated": "2026-11-23T09:15:02+01:00"}
    assert document_from_contact(contact_from_document(old)) == old  # written back exactly as it was
    assert "felt" not in store.get(CONTACTS_FILE, unanswered.id)


def test_days_after_a_lifting_contact_are_compared_once_there_are_enough():
    def day_of_utc(at):
        return day_of(at, 0)

    daily = {date(2026, 10, 1) + timedelta(days=n): (4.0 if n % 2 else 2.0) for n in range(20)}
    contacts = [(datetime(2026, 10, 1, 18, tzinfo=timezone.utc) + timedelta(days=n), Felt.LIFTED)
                for n in range(0, 20, 2)]  # each evening before a 4.0 day
    contacts.append((datetime(2026, 10, 2, 18, tzinfo=timezone.utc), Felt.DRAINED))
    assert lifted_moods(daily, contacts, day_of_utc, ENOUGH_DAYS) == (10, 4.0, 10, 2.0)
    assert lifted_moods(daily, contacts[:ENOUGH_DAYS - 1], day_of_utc, ENOUGH_DAYS) is None


@given(st.dictionaries(st.dates(date(2026, 1, 1), date(2026, 12, 31)), st.floats(1, 5), max_size=60),
       st.lists(st.tuples(st.datetimes(datetime(2026, 1, 1), datetime(2026, 12, 31)).map(
           lambda moment: moment.replace(tzinfo=timezone.utc)), feelings), max_size=40))
def test_the_lifted_comparison_counts_each_day_with_a_check_in_once(daily, contacts):
    seen = lifted_moods(daily, contacts, lambda at: day_of(at, 0), ENOUGH_DAYS)
    if seen is not None:
        days_after, average_after, other_days, average_other = seen
        assert days_after + other_days == len(daily)
        assert days_after >= ENOUGH_DAYS and other_days >= ENOUGH_DAYS
        assert 1 <= average_after <= 5 and 1 <= average_other <= 5


# --- Giving back -------------------------------------------------------------------------------------------------


def test_support_given_is_kept_in_its_own_file_and_can_be_undone(store):
    listened = log_given(store, SAM.id, Given.LISTENED, days_ago(2))
    helped = log_given(store, SAM.id, Given.HELPED, days_ago(1))
    log_given(store, "someone-else", Given.CHECKED_ON, NOW)
    assert [record.kind for record in support_given(store, SAM.id)] == [Given.LISTENED, Given.HELPED]
    assert forget_given(store, helped.id)
    assert support_given(store, SAM.id) == [listened]
    assert len(store.documents(GIVEN_FILE)) == 2


def test_a_card_tells_the_two_directions_in_words():
    assert both_ways_words("Sam", [days_ago(3)], [days_ago(10)], NOW) == "You've been there for each other this month"
    assert both_ways_words("Sam", [days_ago(3)], [days_ago(40)], NOW) == "You've been there for Sam this month"
    assert both_ways_words("Sam", [days_ago(31)], [days_ago(1)], NOW) is None  # "Last reached out" says that
    assert both_ways_words("Sam", [], [], NOW) is None


def test_the_last_support_given_is_told_plainly():
    older = log_given(Store.open(None, NOW), SAM.id, Given.HELPED, days_ago(9))
    newer = log_given(Store.open(None, NOW), SAM.id, Given.LISTENED, days_ago(3))
    assert last_given_words([newer, older], NOW) == "Last there for them: listened, 3 days ago"
    assert last_given_words([], NOW) is None


def test_check_on_reminders_ring_every_n_days_until_turned_off(store):
    reminder = start_checking_on(store, SAM.id, "Sam", 3, NOW)
    assert checking_on(store, SAM.id) == reminder and reminder.id == check_on_id(SAM.id)
    reminders = ReminderRepository(store).all()
    assert due_now(reminders, NOW + timedelta(days=2), UTC_PLUS_ONE) == []
    three_days_on = datetime(2026, 11, 26, 10, 0, tzinfo=UTC_PLUS_ONE)
    [due] = due_now(reminders, three_days_on, UTC_PLUS_ONE)
    assert due.reminder.text == "Check on Sam" and due.at == three_days_on
    assert [item.at for item in due_now(reminders, three_days_on + timedelta(days=3), UTC_PLUS_ONE)] == [
        three_days_on + timedelta(days=3)]  # it waits, like any reminder of your own, until done or snoozed
    start_checking_on(store, SAM.id, "Sam", 7, NOW)  # a new plan replaces the old one
    assert [r.every_days for r in ReminderRepository(store).all()] == [7]
    assert stop_checking_on(store, SAM.id) and checking_on(store, SAM.id) is None
    assert not stop_checking_on(store, SAM.id)


def test_done_on_a_check_on_reminder_notes_that_you_checked_on_them_once(store):
    PeopleRepository(store).save(SAM)
    start_checking_on(store, SAM.id, "Sam", 3, NOW)
    three_days_on = datetime(2026, 11, 26, 10, 0, tzinfo=UTC_PLUS_ONE)
    assert done_with_reminder(store, check_on_id(SAM.id), three_days_on, three_days_on) is not None
    assert done_with_reminder(store, check_on_id(SAM.id), three_days_on, three_days_on) is None  # a second tap
    assert [(given.kind, given.at) for given in support_given(store, SAM.id)] == [(Given.CHECKED_ON, three_days_on)]
    assert due_now(ReminderRepository(store).all(), three_days_on + timedelta(days=1), UTC_PLUS_ONE) == []


def test_done_on_any_other_reminder_notes_nothing(store):
    own = ReminderRepository(store)
    start_checking_on(store, "gone", "Someone deleted", 2, NOW)  # their person record is gone
    done_with_reminder(store, check_on_id("gone"), datetime(2026, 11, 25, 10, 0, tzinfo=UTC_PLUS_ONE), NOW)
    assert support_given(store) == [] and own.get(check_on_id("gone")).handled_until is not None


@pytest.mark.parametrize("days", [0, -1, 366, "3", None])
def test_a_check_on_plan_needs_a_usable_number_of_days_and_nothing_is_half_saved(store, days):
    with pytest.raises(Refused):
        start_checking_on(store, SAM.id, "Sam", days, NOW)
    assert ReminderRepository(store).all() == []


def lows(count: int, mood: float = 2.0) -> dict[date, float]:
    return {NOW.date() - timedelta(days=n): mood for n in range(count)}


def test_history_notes_giving_outweighing_receiving_only_when_moods_are_low_too():
    gave = [days_ago(n) for n in (1, 5, 9, 12)]
    assert looking_after_yourself(gave, [days_ago(2)], lows(5), NOW)
    assert looking_after_yourself(gave, [days_ago(2), days_ago(3)], lows(5), NOW)  # twice as often
    assert not looking_after_yourself(gave, [days_ago(2), days_ago(3), days_ago(4)], lows(5), NOW)
    assert not looking_after_yourself(gave[:2], [], lows(5), NOW)  # too little to say anything
    assert not looking_after_yourself(gave, [], lows(5, 3.0), NOW)  # moods not low
    assert not looking_after_yourself(gave, [], lows(2), NOW)  # too few check-ins to tell
    assert not looking_after_yourself([days_ago(n) for n in (31, 35, 40, 45)], [], lows(5), NOW)  # over a month ago
    assert "you" in SELF_CARE_NOTE and "should" not in SELF_CARE_NOTE


@given(st.lists(moments, max_size=12), st.lists(moments, max_size=12),
       st.dictionaries(st.dates(date(2026, 10, 1), date(2026, 11, 23)), st.floats(1, 5), max_size=40))
def test_the_note_needs_giving_at_least_twice_the_receiving(gave, reached, daily):
    def month(moments):
        return sum(1 for at in moments if NOW - timedelta(days=30) <= at <= NOW)

    if looking_after_yourself(gave, reached, daily, NOW):
        assert month(gave) >= 3 and month(gave) >= 2 * month(reached)


# --- Export and import -------------------------------------------------------------------------------------------


def test_export_and_import_carry_how_it_felt_and_support_given(store):
    people = PeopleRepository(store)
    people.save(SAM)
    people.log_contact(SAM, Way.CALL, NOW, Felt.LIFTED)
    log_given(store, SAM.id, Given.CHECKED_ON, NOW)
    copy = Store.open(None, NOW)
    import_tend_export(copy, export_text(store, NOW), NOW)
    assert exported(copy, NOW)["files"] == exported(store, NOW)["files"]
    assert PeopleRepository(copy).contacts()[0].felt is Felt.LIFTED
    assert support_given(copy, SAM.id)[0].kind is Given.CHECKED_ON


@pytest.mark.parametrize("name, changes, field", [
    ("contacts", {"felt": "ecstatic"}, "felt"),
    ("contacts", {"felt": 3}, "felt"),
    (GIVEN_FILE, {"kind": "paid"}, "kind"),
    (GIVEN_FILE, {"at": "yesterday"}, "at"),
    (GIVEN_FILE, {"person_id": ""}, "person_id"),
])
def test_an_import_with_a_bad_feeling_or_support_record_changes_nothing(name, changes, field):
    good = {"contacts": [record(person_id=SAM.id, at=NOW.isoformat(), way="call", felt="lifted")],
            GIVEN_FILE: [record(person_id=SAM.id, at=NOW.isoformat(), kind="listened")]}
    good[name][0].update(changes)
    target = Store.open(None, NOW)
    with pytest.raises(ImportProblem) as refused:
        import_tend_export(target, json.dumps({"format": "tend-export", "version": 1, "exported": NOW.isoformat(),
                                               "files": good}), NOW)
    assert f"field '{field}'" in refused.value.message
    assert target.documents("contacts") == [] and target.documents(GIVEN_FILE) == []
