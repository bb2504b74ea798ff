"""History that tells the truth kindly: a chart that draws only what was logged, readable calendar days, and no
counters until the person asks for them."""

from datetime import date, datetime, timedelta

import pytest
from colours import AA_TEXT, contrast

from storage.checkins.trends import MOOD_SCALE, chart_segments
from storage.settings import Settings, load_settings
from storage.store.persistence import Store
from views.history.screen import checked_in_words
from views.kit.moods import MOOD_COLORS, ON_MOOD_COLOR


def days(*values):
    start = date(2026, 11, 1)
    return [(start + timedelta(days=offset), value) for offset, value in enumerate(values)]


def test_a_day_without_check_ins_breaks_the_line():
    assert chart_segments(days(3.0, 4.0, None, None, 2.0, 2.5)) == [[(0, 3.0), (1, 4.0)], [(4, 2.0), (5, 2.5)]]


def test_a_lone_day_is_a_point_of_its_own():
    assert chart_segments(days(None, 4.0, None, 3.0)) == [[(1, 4.0)], [(3, 3.0)]]


def test_no_check_ins_draw_nothing():
    assert chart_segments(days(None, None, None)) == []
    assert chart_segments([]) == []


def test_nothing_is_drawn_above_great_or_below_awful():
    low, high = MOOD_SCALE
    assert (low, high) == (1.0, 5.0)
    assert chart_segments(days(5.4, 0.2, 3.0)) == [[(0, 5.0), (1, 1.0), (2, 3.0)]]


@pytest.mark.parametrize("mood", list(MOOD_COLORS))
def test_calendar_day_numbers_on_mood_colours_reach_aa_contrast(mood):
    """A mood's cell and its number are drawn in the same two colours in the light and the dark theme."""
    assert contrast(ON_MOOD_COLOR, MOOD_COLORS[mood]) >= AA_TEXT, mood.word


def test_counters_are_off_until_the_person_turns_them_on():
    assert Settings().show_streaks is False
    store = Store.open(None, datetime(2026, 11, 30, 9, 0))
    assert load_settings(store).show_streaks is False


def test_a_zero_is_never_shown_as_a_count():
    assert checked_in_words(0) == "Welcome back."
    assert "0" not in checked_in_words(0)
    assert checked_in_words(3) == "You checked in on 3 of the last 7 days."
