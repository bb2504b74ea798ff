"""Saving a check-in's details from the form: a past check-in back-filled, one changed, and what is refused.

Every test that takes `store` runs twice: on the in-memory store and on real files.
"""

from datetime import datetime, timedelta, timezone

import pytest
from storage_fixtures import NOW, store  # noqa: F401 (fixture)
from test_checkin_repository import Recording

from storage.checkins.actions import save_details
from storage.checkins.model import Mood, new_check_in
from storage.checkins.repository import CheckInRepository
from storage.days import moment_from_text
from storage.errors import Refused, StorageError

YESTERDAY = (NOW - timedelta(days=1)).date()


def test_a_past_check_in_is_saved_on_the_day_and_time_typed_with_its_details(store):
    saved = save_details(store, None, Mood.LOW, "22/11/2026", "8pm", NOW, energy=2, sleep=None, anxiety=4,
                         tags=("tired",), note="Long day")
    assert saved.at == moment_from_text("2026-11-22", "20:00")
    assert (saved.mood, saved.energy, saved.anxiety, saved.tags, saved.note) == (Mood.LOW, 2, 4, ("tired",), "Long day")
    assert CheckInRepository(store).on(YESTERDAY) == [saved]


def test_a_changed_check_in_keeps_its_id_and_the_offset_it_was_made_with_when_its_moment_is_unchanged(store):
    made_elsewhere = moment_from_text("2026-11-22", "20:00").astimezone(timezone(timedelta(hours=5)))
    original = new_check_in(Mood.OKAY, NOW, at=made_elsewhere)
    CheckInRepository(store).save(original)
    changed = save_details(store, original, Mood.GOOD, "2026-11-22", "20:00", NOW, note="Better after a walk")
    assert changed.id == original.id and changed.mood == Mood.GOOD and changed.note == "Better after a walk"
    assert changed.at.utcoffset() == timedelta(hours=5)
    assert CheckInRepository(store).get(changed.id) == changed


def test_a_changed_check_in_moves_to_the_moment_typed(store):
    original = new_check_in(Mood.OKAY, NOW, at=moment_from_text("2026-11-22", "20:00"))
    CheckInRepository(store).save(original)
    moved = save_details(store, original, Mood.OKAY, "2026-11-22", "21:30", NOW)
    assert moved.at == moment_from_text("2026-11-22", "21:30")
    assert CheckInRepository(store).on(YESTERDAY) == [moved]


@pytest.mark.parametrize("mood, day, time, fields", [
    (None, "2026-11-22", "20:00", {"mood"}),
    (Mood.LOW, "2026-11-22", "soon", {"at"}),
    (Mood.LOW, "2026-11-30", "20:00", {"at"}),  # in the future
])
def test_what_the_rules_refuse_is_told_by_field_and_nothing_is_saved(store, mood, day, time, fields):
    with pytest.raises(Refused) as refused:
        save_details(store, None, mood, day, time, NOW)
    assert set(refused.value.problems) == fields and all(refused.value.problems.values())
    assert CheckInRepository(store).newest(10) == []


def test_a_note_over_the_limit_is_refused_under_note(store):
    with pytest.raises(Refused) as refused:
        save_details(store, None, Mood.LOW, "2026-11-22", "20:00", NOW, note="x" * 100_000)
    assert set(refused.value.problems) == {"note"}


def test_a_device_that_refuses_the_write_is_told_as_a_storage_error_and_nothing_is_saved(store):
    with pytest.raises(StorageError):
        save_details(Recording(store, fail_puts=True), None, Mood.LOW, "2026-11-22", "20:00", NOW)
    assert CheckInRepository(store).on(YESTERDAY) == []


def test_the_moment_typed_is_read_against_nows_day(store):
    late = datetime(2026, 11, 23, 23, 0).astimezone()
    saved = save_details(store, None, Mood.GOOD, "yesterday", "9am", late)
    assert saved.at == moment_from_text("2026-11-22", "09:00")
