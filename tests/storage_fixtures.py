"""Shared storage fixtures: every store test runs on the in-memory fake and on real files.

Import the fixtures into a test module (`from storage_fixtures import store, ...`);
tests/conftest.py belongs to the UI tests.
"""

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from storage.records import new_id, with_times
from storage.store.persistence import Store

NOW = datetime(2026, 11, 23, 9, 15, 2, tzinfo=timezone(timedelta(hours=1)))


@pytest.fixture(params=["memory", "file"])
def store(request, tmp_path):
    """One store per backend, like TinyDB's own suite: same test, memory and disk."""
    opened = Store.open(None if request.param == "memory" else tmp_path / "data", NOW)
    yield opened
    opened.close()


@pytest.fixture
def data_dir(tmp_path) -> Path:
    return tmp_path / "data"


def record(now: datetime = NOW, **fields) -> dict:
    """A stamped record with a fresh id."""
    return with_times({"id": new_id(), **fields}, now)


def write_json(path: Path, data) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data))
