"""Check-ins as CSV: one row per entry, local time with its offset, mood as number and word, tags joined."""

import csv
import io
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st
from storage_fixtures import NOW, store  # noqa: F401 (fixture)

from storage.checkins.model import TAG_LIMIT, new_check_in
from storage.checkins.repository import CheckInRepository
from storage.your_data.checkins_csv import check_ins_csv, every_check_in

LONDON = ZoneInfo("Europe/London")
INDIA = timezone(timedelta(hours=5, minutes=30))
NEWFOUNDLAND = timezone(-timedelta(hours=3, minutes=30))


def rows_of(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def test_each_check_in_is_one_row_with_its_local_time_offset_and_mood_as_number_and_word():
    walk = new_check_in(4, NOW, at=datetime(2026, 11, 20, 8, 5, tzinfo=INDIA), energy=3, anxiety=1,
                        tags=["calm", "hopeful"], note='Walked, then "tea", then\nmore tea.')
    bare = new_check_in(1, NOW, at=datetime(2026, 11, 21, 23, 59, tzinfo=NEWFOUNDLAND))

    assert rows_of(check_ins_csv([walk, bare])) == [
        ["id", "date", "time", "utc_offset", "mood", "mood_word", "energy", "sleep", "anxiety", "tags", "note"],
        [walk.id, "2026-11-20", "08:05", "+05:30", "4", "Good", "3", "", "1", "calm; hopeful",
         'Walked, then "tea", then\nmore tea.'],
        [bare.id, "2026-11-21", "23:59", "-03:30", "1", "Awful", "", "", "", "", ""],
    ]


def test_every_check_in_comes_out_oldest_first_across_months(store):
    repository = CheckInRepository(store)
    moments = [datetime(2026, 11, 2, 9, tzinfo=LONDON), datetime(2025, 12, 31, 23, tzinfo=LONDON),
               datetime(2026, 1, 1, 0, 30, tzinfo=LONDON)]
    for at in moments:
        repository.save(new_check_in(3, NOW, at=at))

    rows = rows_of(check_ins_csv(every_check_in(store)))

    assert [(row[1], row[2]) for row in rows[1:]] == [("2025-12-31", "23:00"), ("2026-01-01", "00:30"),
                                                     ("2026-11-02", "09:00")]


def test_no_check_ins_give_just_the_header():
    assert check_ins_csv([]) == "id,date,time,utc_offset,mood,mood_word,energy,sleep,anxiety,tags,note\r\n"


TAGS = st.lists(st.text(st.characters(blacklist_characters=";"), min_size=1, max_size=TAG_LIMIT)
                .filter(lambda tag: tag == tag.strip() and tag), max_size=4, unique=True)


@settings(max_examples=100)
@given(note=st.text(max_size=300), tags=TAGS, mood=st.integers(1, 5))
def test_any_note_and_tags_come_back_unchanged_when_the_csv_is_read(note, tags, mood):
    check_in = new_check_in(mood, NOW, note=note, tags=tags)

    [_, row] = rows_of(check_ins_csv([check_in]))

    assert row[-1] == note
    assert (row[-2].split("; ") if row[-2] else []) == tags
    assert row[4] == str(mood)
