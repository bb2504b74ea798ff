"""The rules behind "who can I call": people, their checks, the order for "I need…", plain-word times, the
safety plan, the low-day card and what reaching out goes with."""

from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st
from storage_fixtures import NOW, store  # noqa: F401 - fixture

from storage.checkins.model import Mood, new_check_in
from storage.checkins.trends import ENOUGH_DAYS, reaching_out_moods
from storage.errors import Refused
from storage.help.safety_plan import STEPS, load_plan, plan_as_text, save_plan, with_step
from storage.people.model import (
    Person,
    Support,
    Way,
    ago_in_words,
    document_from_person,
    new_person,
    people_for,
    person_from_document,
    person_problems,
    revised_person,
)
from storage.people.repository import PeopleRepository
from storage.prompts import dismiss, dismissed_on, offers_reaching_out

LONDON_WINTER = timezone(timedelta(hours=0))


def person(name: str, *kinds: Support, **fields) -> Person:
    return new_person(NOW, name=name, supports=kinds, phones=("020 7946 0958",), **fields)


def test_a_person_needs_a_name():
    assert person_problems("  ") == {"name": "Please give a name, so you can find them when you need them."}
    with pytest.raises(Refused) as refused:
        new_person(NOW, name="", phones=("123",))
    assert set(refused.value.problems) == {"name"}


def test_a_number_a_dialer_cant_take_is_refused_with_its_position():
    problems = person_problems("Sam", phones=("020 7946 0958", "call me maybe"))
    assert set(problems) == {"phone 2"}
    assert "letters" in problems["phone 2"]


def test_an_email_without_an_at_is_refused():
    assert "email" in person_problems("Sam", email="sam.example.com")
    assert person_problems("Sam", email="sam@example.com") == {}


def test_a_preferred_way_needs_the_means_to_use_it():
    assert person_problems("Sam", preferred="email") == {"preferred": "To email them, please add an email address."}
    assert person_problems("Sam", phones=("07700 900123",), preferred="text") == {}


@pytest.mark.parametrize("days", [0, 366, "often", True, 2.5])
def test_stay_in_touch_is_a_whole_number_of_days_up_to_a_year(days):
    assert "stay_in_touch_days" in person_problems("Sam", stay_in_touch_days=days)


def test_text_is_tidied_and_kinds_kept_in_a_fixed_order():
    made = new_person(NOW, name="  Sam  ", phones=("  07700 900123 ", " "), supports=(Support.PEER, Support.EMOTIONAL),
                      email=" sam@example.com ")
    assert (made.name, made.phones, made.email) == ("Sam", ("07700 900123",), "sam@example.com")
    assert made.supports == (Support.EMOTIONAL, Support.PEER)


def test_an_edit_keeps_the_id_and_creation_and_moves_updated():
    sam = person("Sam", Support.EMOTIONAL)
    later = NOW + timedelta(days=2)
    edited = revised_person(sam, later, helps_with="walks")
    assert (edited.id, edited.created, edited.helps_with) == (sam.id, sam.created, "walks")
    assert edited.updated > sam.updated


def test_a_person_survives_the_round_trip_through_a_document():
    sam = person("Sam", Support.EMOTIONAL, Support.CRISIS, email="sam@example.com", preferred=Way.TEXT,
                 stay_in_touch_days=14, note="Evenings are best")
    assert person_from_document(document_from_person(sam)) == sam


def test_i_need_lists_the_longest_unreached_first_and_crisis_services_last():
    ana, ben, cai = person("Ana", Support.EMOTIONAL), person("Ben", Support.EMOTIONAL), person("Cai", Support.EMOTIONAL)
    line = person("Night line", Support.EMOTIONAL, Support.CRISIS)
    fixer = person("Dee", Support.PRACTICAL)
    last = {ana.id: NOW - timedelta(days=1), ben.id: NOW - timedelta(days=30), line.id: NOW - timedelta(days=90)}
    ordered = people_for(Support.EMOTIONAL, [line, ana, fixer, ben, cai], last)
    assert [p.name for p in ordered] == ["Cai", "Ben", "Ana", "Night line"]


def test_asking_for_crisis_support_does_not_push_crisis_services_to_the_end():
    line = person("Night line", Support.CRISIS)
    friend = person("Ana", Support.CRISIS, Support.EMOTIONAL)
    assert [p.name for p in people_for(Support.CRISIS, [friend, line], {friend.id: NOW})] == ["Night line", "Ana"]


@given(st.lists(st.tuples(st.sampled_from(list(Support)), st.integers(0, 400) | st.none()), max_size=12),
       st.sampled_from(list(Support)))
def test_i_need_only_lists_people_who_give_that_support_and_never_loses_one(rows, kind):
    people = [person(f"P{i}", chosen) for i, (chosen, _) in enumerate(rows)]
    last = {p.id: NOW - timedelta(days=days) for p, (_, days) in zip(people, rows) if days is not None}
    ordered = people_for(kind, people, last)
    assert sorted(p.id for p in ordered) == sorted(p.id for p in people if kind in p.supports or not p.supports)
    services_seen = False
    for p in ordered:
        is_service = Support.CRISIS in p.supports and kind is not Support.CRISIS
        assert is_service or not services_seen, "a crisis service came before one of your people"
        services_seen = services_seen or is_service


@pytest.mark.parametrize("then, words", [
    (NOW - timedelta(minutes=5), "today"),
    (NOW - timedelta(days=1), "yesterday"),
    (NOW - timedelta(days=6), "6 days ago"),
    (NOW - timedelta(days=21), "3 weeks ago"),
    (NOW - timedelta(days=75), "2 months ago"),
    (NOW - timedelta(days=400), "a year ago"),
    (NOW - timedelta(days=800), "2 years ago"),
])
def test_last_contact_in_plain_words(then, words):
    assert ago_in_words(then, NOW) == words


def test_plain_words_count_local_days_not_hours():
    late = datetime(2026, 11, 22, 23, 50, tzinfo=LONDON_WINTER)
    assert ago_in_words(late, datetime(2026, 11, 23, 0, 10, tzinfo=LONDON_WINTER)) == "yesterday"


def test_contacts_are_kept_and_the_latest_counts(store):
    repository = PeopleRepository(store)
    sam = person("Sam", Support.PEER)
    repository.save(sam)
    repository.log_contact(sam, Way.CALL, NOW - timedelta(days=3))
    latest = repository.log_contact(sam, Way.TEXT, NOW)
    assert repository.last_contacts() == {sam.id: NOW}
    repository.forget_contact(latest)
    assert repository.last_contacts() == {sam.id: NOW - timedelta(days=3)}


class CountingReads:
    """A store that counts how often each file is read whole."""

    def __init__(self, store):
        self._store = store
        self.reads: dict[str, int] = {}

    def documents(self, name: str) -> list[dict]:
        self.reads[name] = self.reads.get(name, 0) + 1
        return self._store.documents(name)

    def __getattr__(self, name):
        return getattr(self._store, name)


def test_last_contacts_are_read_once_and_kept_current_as_contacts_are_logged(store):
    counting = CountingReads(store)
    repository = PeopleRepository(counting)
    sam, ada = person("Sam", Support.PEER), person("Ada", Support.EMOTIONAL)
    repository.save_many([sam, ada])
    repository.log_contact(sam, Way.CALL, NOW - timedelta(days=3))
    for _ in range(5):  # the timer asking every few seconds
        assert repository.last_contacts() == {sam.id: NOW - timedelta(days=3)}
    latest = repository.log_contact(sam, Way.TEXT, NOW)
    repository.log_contact(ada, Way.CALL, NOW - timedelta(days=1))
    assert repository.last_contacts() == {sam.id: NOW, ada.id: NOW - timedelta(days=1)}
    assert counting.reads.get("contacts") == 1

    repository.forget_contact(latest)  # the one before it is read back from the file
    assert repository.last_contacts() == {sam.id: NOW - timedelta(days=3), ada.id: NOW - timedelta(days=1)}
    assert counting.reads.get("contacts") == 2


def test_a_returned_set_of_last_contacts_cannot_change_the_kept_one(store):
    repository = PeopleRepository(store)
    sam = person("Sam", Support.PEER)
    repository.log_contact(sam, Way.CALL, NOW)
    repository.last_contacts().clear()
    assert repository.last_contacts() == {sam.id: NOW}


def test_deleting_a_person_and_undoing_restores_them_with_their_last_contact(store):
    repository = PeopleRepository(store)
    sam = person("Sam", Support.PEER)
    repository.save(sam)
    repository.log_contact(sam, Way.CALL, NOW)
    repository.delete(sam)
    assert repository.people() == []
    repository.save(sam)
    assert repository.people() == [sam]
    assert repository.last_contacts() == {sam.id: NOW}


def test_people_come_back_by_name(store):
    repository = PeopleRepository(store)
    repository.save_many([person("zoe"), person("Adam"), person("ben")])
    assert [p.name for p in repository.people()] == ["Adam", "ben", "zoe"]


def test_the_safety_plan_is_saved_and_exported_as_plain_text_with_linked_people(store):
    sam = person("Sam", Support.EMOTIONAL)
    plan = with_step(load_plan(store), "warning_signs", text="Not sleeping\n\nSkipping meals")
    plan = with_step(plan, "helpers", people=(sam.id,))
    save_plan(store, plan, NOW)
    again = load_plan(store)
    assert again.text("warning_signs") == "Not sleeping\n\nSkipping meals"
    text = plan_as_text(again, [sam])
    assert text.startswith("My safety plan\n")
    assert "1. Warning signs\n   - Not sleeping\n   - Skipping meals\n" in text
    assert "4. People I can ask for help\n   - Sam (020 7946 0958)\n" in text
    assert "7. My reasons to keep going\n   - (not filled in yet)" in text
    assert len(STEPS) == 7


def test_a_step_too_long_is_refused_and_the_saved_plan_stays(store):
    save_plan(store, with_step(load_plan(store), "reasons", text="My dog"), NOW)
    with pytest.raises(ValueError, match="up to 2,000 characters"):
        save_plan(store, with_step(load_plan(store), "reasons", text="x" * 2001), NOW)
    assert load_plan(store).text("reasons") == "My dog"


def test_the_low_day_card_is_offered_after_low_moods_until_dismissed_that_day(store):
    day = date(2026, 11, 23)
    assert offers_reaching_out(Mood.AWFUL, day, dismissed_on(store))
    assert offers_reaching_out(Mood.LOW, day, None)
    assert not offers_reaching_out(Mood.OKAY, day, None)
    dismiss(store, day, NOW)
    assert not offers_reaching_out(Mood.AWFUL, day, dismissed_on(store))
    assert offers_reaching_out(Mood.AWFUL, day + timedelta(days=1), dismissed_on(store))


def days_of_moods(moods: list[int]):
    return [new_check_in(mood, NOW - timedelta(days=offset)) for offset, mood in enumerate(moods)]


def test_what_helps_compares_days_with_and_without_reaching_out():
    entries = days_of_moods([4, 4, 4, 4, 4, 2, 2, 2, 2, 2])
    contacts = [NOW - timedelta(days=offset, hours=1) for offset in range(5)]
    seen = reaching_out_moods(entries, contacts, day_starts_at=0)
    assert (seen.days_with, seen.average_with, seen.days_without, seen.average_without) == (5, 4.0, 5, 2.0)


def test_what_helps_says_nothing_without_enough_days_on_both_sides():
    entries = days_of_moods([4] * 20)
    contacts = [NOW - timedelta(days=offset) for offset in range(ENOUGH_DAYS - 1)]
    assert reaching_out_moods(entries, contacts, day_starts_at=0) is None


def test_someone_with_no_kind_of_support_is_listed_for_every_need_after_those_who_give_it():
    giver, unset = person("Zoe", Support.EMOTIONAL), person("Al")
    line = person("Night line", Support.EMOTIONAL, Support.CRISIS)
    for kind in Support:
        names = [p.name for p in people_for(kind, [unset, line, giver], {})]
        assert "Al" in names
        if kind is Support.EMOTIONAL:
            assert names == ["Zoe", "Al", "Night line"]
        if kind is Support.CRISIS:
            assert names == ["Night line", "Al"]  # asked for crisis support: the line first
    assert [p.name for p in people_for(None, [giver, unset], {})] == ["Al", "Zoe"]  # everyone, unset not pushed


def test_undo_of_a_deletion_is_offered_for_half_an_hour_and_names_who():
    from storage.people.deletions import Deletion, still_undoable, undo_words

    gone = Deletion(person("Sam", Support.EMOTIONAL), NOW)
    assert still_undoable(gone, NOW + timedelta(minutes=29))
    assert not still_undoable(gone, NOW + timedelta(minutes=30))
    assert still_undoable(gone, NOW - timedelta(minutes=5))  # a clock set back
    assert not still_undoable(None, NOW)
    assert undo_words(gone) == ("Deleted Sam.", "Undo deleting Sam")
