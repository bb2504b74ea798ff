"""Your network at a glance: who gives which kind of support, the gaps with ideas and a plain question, how near
each one is drawn, and where the picture puts them (at any size, nobody lost, no two dots on top of each other)."""

import math
from datetime import timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from storage_fixtures import NOW, store  # noqa: F401 - fixture

from storage.circle.actions import add_someone_for
from storage.circle.guides import IDEAS, QUESTIONS
from storage.circle.rules import (
    Ring,
    circle_of,
    covered_in_words,
    names_in_words,
    ring_for,
    summary_in_words,
)
from storage.errors import Refused
from storage.people.gatherings import PersonKind
from storage.people.model import Support, new_person
from storage.people.repository import PeopleRepository
from views.circle.layout import layout_of


def person(name: str, *kinds: Support):
    return new_person(NOW, name=name, supports=kinds)


def test_three_kinds_covered_leave_the_other_three_as_gaps_each_with_a_question_and_ideas():
    sam, dee, ali = person("Sam", Support.EMOTIONAL), person("Dee", Support.PRACTICAL), person("Ali", Support.PEER)
    circle = circle_of([sam, dee, ali], {}, NOW)
    assert [c.support for c in circle.covered] == [Support.EMOTIONAL, Support.PRACTICAL, Support.PEER]
    assert [g.support for g in circle.gaps] == [Support.INFORMATIONAL, Support.PROFESSIONAL, Support.CRISIS]
    professional = circle.gaps[1]
    assert professional.question == "Who looks after your health, like a GP, a therapist or a counsellor?"
    assert "Your GP" in professional.ideas and "A counsellor or therapist" in professional.ideas


def test_every_kind_has_a_plain_question_and_two_or_three_ideas():
    assert QUESTIONS[Support.PRACTICAL] == "Who helps you with everyday tasks, like a lift or shopping?"
    assert {"A neighbour", "A local volunteer group"} <= set(IDEAS[Support.PRACTICAL])
    assert "A peer support group" in IDEAS[Support.PEER]
    for kind in Support:
        assert QUESTIONS[kind].endswith("?") and 2 <= len(IDEAS[kind]) <= 3


def test_covered_kinds_name_their_people_nearest_first_and_in_words():
    sam, dee = person("Sam", Support.EMOTIONAL), person("Dee", Support.EMOTIONAL, Support.PRACTICAL)
    circle = circle_of([sam, dee], {dee.id: NOW - timedelta(days=2)}, NOW)
    assert covered_in_words(circle.covered[0]) == \
        "Emotional support: Dee (in touch this week) and Sam (no contact logged yet)"
    assert covered_in_words(circle.covered[1]) == "Practical support: Dee (in touch this week)"


def test_recent_contact_is_drawn_nearer():
    assert ring_for(NOW - timedelta(hours=3), NOW) is Ring.NEAR
    assert ring_for(NOW - timedelta(days=7), NOW) is Ring.NEAR
    assert ring_for(NOW - timedelta(days=8), NOW) is Ring.MIDDLE
    assert ring_for(NOW - timedelta(days=30), NOW) is Ring.MIDDLE
    assert ring_for(NOW - timedelta(days=31), NOW) is Ring.FAR
    assert ring_for(None, NOW) is Ring.FAR
    assert ring_for(NOW + timedelta(days=2), NOW) is Ring.NEAR  # a clock set back: still near, never an error


@given(st.integers(0, 2000), st.integers(0, 2000))
def test_the_more_recent_contact_is_never_drawn_further_out(days_a, days_b):
    sooner, later = sorted((days_a, days_b))
    assert ring_for(NOW - timedelta(days=sooner), NOW) <= ring_for(NOW - timedelta(days=later), NOW)


def test_someone_with_no_kind_yet_is_in_the_circle_but_in_no_kind():
    jo = person("Jo")
    circle = circle_of([jo], {}, NOW)
    assert [m.name for m in circle.unsorted] == ["Jo"] and circle.covered == () and len(circle.gaps) == 6


def test_groups_and_places_are_in_the_circle_and_said_as_what_they_are():
    group = new_person(NOW, name="Tuesday group", supports=(Support.PEER,), kind=PersonKind.GROUP)
    library = new_person(NOW, name="Library", kind=PersonKind.PLACE)
    circle = circle_of([group, library, person("Sam", Support.PEER)], {group.id: NOW - timedelta(days=6)}, NOW)
    assert [m.spoken for m in circle.members] == ["Tuesday group, a group, in touch this week",
                                                  "Library, a place, not been yet", "Sam, no contact logged yet"]
    assert covered_in_words(circle.covered[0]) == \
        "Peer support: Tuesday group (in touch this week) and Sam (no contact logged yet)"


def test_names_and_the_summary_read_as_sentences():
    assert names_in_words([]) == "" and names_in_words(["Sam"]) == "Sam"
    assert names_in_words(["Sam", "Dee", "Ali"]) == "Sam, Dee and Ali"
    assert summary_in_words(circle_of([], {}, NOW)) == "Your circle is empty so far: just you in the middle."
    circle = circle_of([person("Sam", Support.EMOTIONAL)], {}, NOW)
    assert summary_in_words(circle).startswith("You in the middle, with 1 person, group or place around you, "
                                               "giving 1 of the 6 kinds of support.")


def test_think_of_someone_adds_them_with_that_kind_in_one_step(store):  # noqa: F811 - fixture
    added = add_someone_for(store, "  Pat  ", Support.PRACTICAL, NOW)
    assert PeopleRepository(store).get(added.id).name == "Pat"
    assert PeopleRepository(store).get(added.id).supports == (Support.PRACTICAL,)
    with pytest.raises(Refused):
        add_someone_for(store, " ", Support.PRACTICAL, NOW)
    assert [p.name for p in PeopleRepository(store).people()] == ["Pat"]


members = st.builds(
    lambda index, kinds, days, kind: (new_person(NOW, name=f"P{index}", supports=tuple(kinds), kind=kind), days),
    st.integers(0, 10_000), st.sets(st.sampled_from(list(Support)), max_size=3),
    st.none() | st.integers(0, 90), st.sampled_from(list(PersonKind)))


@settings(max_examples=60, deadline=None)
@given(st.lists(members, max_size=40), st.floats(288, 640))
def test_the_picture_fits_its_square_places_everyone_and_no_two_dots_touch(found, size):
    people = [p for p, _ in found]
    last = {p.id: NOW - timedelta(days=days) for p, days in found if days is not None}
    circle = circle_of(people, last, NOW)
    picture = layout_of(circle, size)
    radius = picture.dot / 2
    for dot in picture.dots:
        assert radius <= dot.x <= size - radius and radius <= dot.y <= size - radius
        distance = math.dist((dot.x, dot.y), (size / 2, size / 2))
        assert distance >= picture.centre_radius + radius - 1, "a dot covers the middle"
    for i, one in enumerate(picture.dots):
        for other in picture.dots[i + 1:]:
            assert math.dist((one.x, one.y), (other.x, other.y)) >= picture.dot - 0.01
    for index, sector in enumerate(picture.sectors):
        expected = [m for m in circle.members if (sector.support in m.supports if sector.support else not m.supports)]
        shown = [m for dot in picture.dots if dot.sector == index for m in ((dot.member,) if dot.member else dot.hidden)]
        assert sorted(m.id for m in shown) == sorted(m.id for m in expected)
        assert sector.empty == (not expected)


def test_a_nearer_contact_sits_nearer_the_middle():
    sam, dee = person("Sam", Support.EMOTIONAL), person("Dee", Support.EMOTIONAL)
    picture = layout_of(circle_of([sam, dee], {sam.id: NOW - timedelta(days=1)}, NOW), 380)
    distance = {dot.member.name: math.dist((dot.x, dot.y), (190, 190)) for dot in picture.dots}
    assert distance["Sam"] < distance["Dee"]
