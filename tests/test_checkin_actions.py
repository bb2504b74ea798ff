"""Logging a mood with one tap: what is saved, and when Tend offers to help reach out.

Every test that takes `store` runs twice: on the in-memory store and on real files.
"""

from datetime import timedelta

import pytest
from storage_fixtures import NOW, store  # noqa: F401 (fixture)
from test_checkin_repository import Recording

from storage.checkins.actions import log_mood
from storage.checkins.model import Mood
from storage.checkins.repository import CheckInRepository
from storage.days import today
from storage.errors import StorageError
from storage.prompts import dismiss


def test_a_logged_mood_is_saved_as_todays_check_in(store):
    logged = log_mood(store, Mood.GOOD, NOW, day_starts_at=0)
    assert logged.check_in.mood == Mood.GOOD and logged.check_in.at == NOW
    assert CheckInRepository(store).on(today(NOW, 0)) == [logged.check_in]
    assert not logged.offer_reaching_out


def test_a_low_mood_offers_reaching_out_until_the_offer_is_put_aside_that_day(store):
    assert log_mood(store, Mood.LOW, NOW, 0).offer_reaching_out
    dismiss(store, today(NOW, 0), NOW)
    assert not log_mood(store, Mood.AWFUL, NOW + timedelta(minutes=5), 0).offer_reaching_out
    assert log_mood(store, Mood.AWFUL, NOW + timedelta(days=1), 0).offer_reaching_out


def test_the_offer_follows_the_persons_day_not_midnight(store):
    before_dawn = NOW.replace(hour=2)
    dismiss(store, today(before_dawn, 4), before_dawn)  # the day before, for someone whose day starts at 04:00
    assert not log_mood(store, Mood.LOW, before_dawn + timedelta(minutes=1), day_starts_at=4).offer_reaching_out
    assert log_mood(store, Mood.LOW, before_dawn + timedelta(minutes=1), day_starts_at=0).offer_reaching_out


def test_a_refused_write_saves_nothing_and_says_so(store):
    with pytest.raises(StorageError):
        log_mood(Recording(store, fail_puts=True), Mood.LOW, NOW, 0)
    assert CheckInRepository(store).on(today(NOW, 0)) == []
