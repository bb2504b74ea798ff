"""Check-ins in the store: monthly files, edits across months, reads by day span, and emotion tags.

Every test that takes `store` runs twice: on the in-memory store and on real files.
"""

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from storage_fixtures import NOW, store  # noqa: F401 (fixture)

from storage.checkins.model import DEFAULT_EMOTION_TAGS, Mood, document_from_check_in, new_check_in, revised
from storage.checkins.repository import (
    LISTS_FILE,
    CheckInRepository,
    emotion_tags,
    file_for,
    save_emotion_tags,
)
from storage.errors import StorageError
from storage.store.persistence import Store

LONDON = ZoneInfo("Europe/London")
TOKYO = ZoneInfo("Asia/Tokyo")
NEW_YORK = ZoneInfo("America/New_York")


def made(at: datetime, mood: int = 3, **details):
    return new_check_in(mood, at, at=at, **details)


def london(*wall_clock) -> datetime:
    return datetime(*wall_clock, tzinfo=LONDON)


def test_a_saved_check_in_is_kept_in_the_file_of_its_local_month(store):
    repository = CheckInRepository(store)
    check_in = made(london(2026, 11, 23, 9, 15), 4, energy=2, tags=["calm"], note="Tea with Sam.")
    repository.save(check_in)

    assert store.names("checkins/") == ["checkins/2026-11"]
    assert repository.in_month("2026-11") == [check_in]
    assert repository.get(check_in.id, "2026-11") == check_in


def test_saving_again_updates_instead_of_adding(store):
    repository = CheckInRepository(store)
    check_in = made(london(2026, 11, 23, 9, 0), 2)
    repository.save(check_in)
    repository.save(check_in)
    edited = revised(check_in, london(2026, 11, 23, 10, 0), mood=3, note="Better after a walk.")
    repository.save(edited, previous=check_in)

    assert repository.in_month("2026-11") == [edited]


def test_an_edit_that_moves_a_check_in_to_another_month_leaves_one_copy(store):
    repository = CheckInRepository(store)
    check_in = made(london(2026, 11, 1, 8, 0), 2)
    repository.save(check_in)
    moved = revised(check_in, london(2026, 11, 1, 9, 0), at=london(2026, 10, 31, 22, 0))
    repository.save(moved, previous=check_in)

    assert repository.in_month("2026-11") == []
    assert repository.in_month("2026-10") == [moved]
    assert repository.between(date(2026, 10, 1), date(2026, 11, 30)) == [moved]
    assert repository.get(check_in.id) == moved


class Recording:
    """A store that notes each write, and can fail them, to see the order a move is saved in."""

    def __init__(self, store, fail_puts=False):
        self.store, self.fail_puts, self.writes = store, fail_puts, []

    def put(self, name, doc):
        if self.fail_puts:
            raise StorageError("Tend couldn't save just now; what was saved before is safe.")
        self.writes.append(("put", name))
        self.store.put(name, doc)

    def remove(self, name, record_id):
        self.writes.append(("remove", name))
        return self.store.remove(name, record_id)

    def __getattr__(self, name):
        return getattr(self.store, name)


def test_a_move_saves_into_the_new_month_before_removing_from_the_old(store):
    check_in = made(london(2026, 11, 1, 8, 0))
    CheckInRepository(store).save(check_in)
    recording = Recording(store)
    moved = revised(check_in, london(2026, 11, 2, 8, 0), at=london(2026, 10, 30, 8, 0))
    CheckInRepository(recording).save(moved, previous=check_in)
    assert recording.writes == [("put", "checkins/2026-10"), ("remove", "checkins/2026-11")]


def test_a_failed_write_during_a_move_keeps_the_old_copy(store):
    check_in = made(london(2026, 11, 1, 8, 0))
    CheckInRepository(store).save(check_in)
    moved = revised(check_in, london(2026, 11, 2, 8, 0), at=london(2026, 10, 30, 8, 0))
    with pytest.raises(StorageError):
        CheckInRepository(Recording(store, fail_puts=True)).save(moved, previous=check_in)
    assert CheckInRepository(store).in_month("2026-11") == [check_in]


def test_a_move_cut_short_by_a_crash_reads_as_one_check_in_the_newest(store):
    repository = CheckInRepository(store)
    check_in = made(london(2026, 11, 1, 0, 30), 2)
    moved = revised(check_in, london(2026, 11, 1, 10, 0), mood=4, at=london(2026, 10, 31, 23, 0))
    # The crash: the new copy landed, the old one was never removed.
    store.put(file_for(moved), document_from_check_in(moved))
    store.put(file_for(check_in), document_from_check_in(check_in))

    assert repository.between(date(2026, 10, 31), date(2026, 11, 1)) == [moved]
    assert repository.get(check_in.id, "2026-11") == check_in  # the hint's own file answers first
    assert repository.get(check_in.id) == moved


def test_delete_removes_a_check_in_once(store):
    repository = CheckInRepository(store)
    keep, drop = made(london(2026, 11, 20, 9, 0)), made(london(2026, 11, 21, 9, 0))
    repository.save(keep)
    repository.save(drop)
    assert repository.delete(drop) is True
    assert repository.delete(drop) is False
    assert repository.in_month("2026-11") == [keep]


def test_between_reads_only_the_months_that_cover_the_span(store):
    repository = CheckInRepository(store)
    for month in range(1, 13):
        repository.save(made(london(2026, month, 15, 12, 0)))
    opened = []
    spy = Recording(store)
    spy.documents = lambda name: opened.append(name) or store.documents(name)
    found = CheckInRepository(spy).between(date(2026, 3, 1), date(2026, 4, 30))
    assert [c.at.month for c in found] == [3, 4]
    assert opened == ["checkins/2026-03", "checkins/2026-04", "checkins/2026-05"]


def test_an_entry_after_midnight_on_the_first_belongs_to_the_month_before_for_a_night_owl(store):
    repository = CheckInRepository(store, day_starts_at=3)
    late = made(london(2026, 12, 1, 1, 30), 2)
    repository.save(late)
    assert file_for(late) == "checkins/2026-12"
    assert repository.between(date(2026, 11, 30), date(2026, 11, 30)) == [late]
    assert repository.on(date(2026, 12, 1)) == []
    assert repository.between(date(2026, 12, 1), date(2026, 12, 1), day_starts_at=0) == [late]


def test_day_starts_at_can_follow_a_setting_that_changes(store):
    setting = {"hour": 0}
    repository = CheckInRepository(store, day_starts_at=lambda: setting["hour"])
    late = made(london(2026, 11, 23, 1, 0))
    repository.save(late)
    assert repository.on(date(2026, 11, 23)) == [late]
    setting["hour"] = 2
    assert repository.on(date(2026, 11, 22)) == [late]


@pytest.mark.parametrize("starts", [0, 1, 2, 3, 4])
def test_entries_on_the_nights_the_clocks_change_land_on_the_right_day(store, starts):
    repository = CheckInRepository(store, day_starts_at=starts)
    spring = [made(london(2026, 3, 29, hour, 30)) for hour in (0, 2, 3)]  # 01:30 never happens
    autumn = [made(datetime(2026, 10, 25, 1, 30, tzinfo=LONDON, fold=fold)) for fold in (0, 1)]
    autumn.append(made(london(2026, 10, 25, 2, 30)))
    for check_in in spring + autumn:
        repository.save(check_in)

    def hours_on(day):
        return [(c.at.hour, c.at.utcoffset()) for c in repository.on(day)]

    hour = timedelta(hours=1)
    assert hours_on(date(2026, 3, 28)) == [(h, off) for h, off in [(0, 0 * hour), (2, hour), (3, hour)] if h < starts]
    assert hours_on(date(2026, 3, 29)) == [(h, off) for h, off in [(0, 0 * hour), (2, hour), (3, hour)] if h >= starts]
    autumn_hours = [(1, hour), (1, 0 * hour), (2, 0 * hour)]  # in the order they happened
    assert hours_on(date(2026, 10, 24)) == [(h, off) for h, off in autumn_hours if h < starts]
    assert hours_on(date(2026, 10, 25)) == [(h, off) for h, off in autumn_hours if h >= starts]


def test_a_trip_keeps_each_entry_on_the_day_its_own_clock_showed(store):
    repository = CheckInRepository(store)
    in_tokyo = made(datetime(2026, 5, 31, 23, 30, tzinfo=TOKYO), 2)  # 15:30 London time
    in_new_york = made(datetime(2026, 5, 31, 21, 0, tzinfo=NEW_YORK), 4)  # 02:00 on 1 June, London
    home = made(london(2026, 6, 1, 9, 0), 5)
    for check_in in (in_tokyo, in_new_york, home):
        repository.save(check_in)

    assert repository.on(date(2026, 5, 31)) == [in_tokyo, in_new_york]
    assert repository.on(date(2026, 6, 1)) == [home]
    assert repository.in_month("2026-05") == [in_tokyo, in_new_york]
    stored = repository.get(in_tokyo.id, "2026-05")
    assert stored.at.isoformat() == "2026-05-31T23:30:00+09:00"


def test_months_are_listed_newest_first(store):
    repository = CheckInRepository(store)
    assert repository.months() == []
    for at in (london(2025, 12, 3, 9, 0), london(2026, 2, 3, 9, 0), london(2026, 1, 3, 9, 0)):
        repository.save(made(at))
    assert repository.months() == ["2026-02", "2026-01", "2025-12"]


def test_unknown_ids_and_months_read_as_nothing(store):
    repository = CheckInRepository(store)
    assert repository.get("no-such-id", "2026-11") is None
    assert repository.in_month("2026-11") == []
    assert repository.between(date(2026, 1, 1), date(2026, 12, 31)) == []
    assert store.names("checkins/") == []  # reading never creates files


def test_check_ins_outlive_reopening_the_data_folder(tmp_path):
    first = Store.open(tmp_path, NOW)
    check_in = made(datetime(2026, 11, 23, 7, 0, tzinfo=TOKYO), Mood.GREAT, sleep=5, tags=["rested"])
    CheckInRepository(first).save(check_in)
    first.close()

    again = Store.open(tmp_path, NOW)
    assert CheckInRepository(again).in_month("2026-11") == [check_in]
    again.close()


def test_emotion_tags_start_with_the_defaults(store):
    assert emotion_tags(store) == list(DEFAULT_EMOTION_TAGS)


def test_edited_emotion_tags_are_kept_trimmed_and_without_repeats(store):
    saved = save_emotion_tags(store, ["calm", " hopeful ", "Calm", "seen"], NOW)
    assert saved == emotion_tags(store) == ["calm", "hopeful", "seen"]
    later = NOW + timedelta(days=1)
    save_emotion_tags(store, ["tired"], later)
    doc = store.get(LISTS_FILE, "emotion-tags")
    assert doc["tags"] == ["tired"]
    assert doc["created"] != doc["updated"]


@pytest.mark.parametrize("tags", [["calm", ""], ["x" * 41], ["tag"] * 61])
def test_emotion_tags_that_do_not_fit_are_refused_and_the_old_list_kept(store, tags):
    with pytest.raises(ValueError):
        save_emotion_tags(store, tags, NOW)
    assert emotion_tags(store) == list(DEFAULT_EMOTION_TAGS)


def test_an_empty_list_of_emotion_tags_is_allowed(store):
    save_emotion_tags(store, [], NOW)
    assert emotion_tags(store) == []


def test_check_ins_are_given_as_immutable_values(store):
    repository = CheckInRepository(store)
    check_in = made(datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc), tags=["calm"])
    repository.save(check_in)
    [read] = repository.in_month("2026-11")
    with pytest.raises(AttributeError):
        read.mood = 5
    assert isinstance(read.tags, tuple)


def test_newest_reads_back_only_as_many_months_as_the_first_screenful_needs(store):
    repository = CheckInRepository(store)
    for month in range(1, 13):
        for day in (5, 15, 25):
            repository.save(made(london(2026, month, day, 12, 0)))
    opened = []
    spy = Recording(store)
    spy.documents = lambda name: opened.append(name) or store.documents(name)
    newest = CheckInRepository(spy).newest(5)
    assert [(c.at.month, c.at.day) for c in newest] == [(12, 25), (12, 15), (12, 5), (11, 25), (11, 15)]
    assert opened == ["checkins/2026-12", "checkins/2026-11"]
    assert len(repository.newest(100)) == 36
