"""Loaded into Tend's own Python process by tests/test_guard.py (through PYTHONPATH), never in production: makes
the History screen's chart rule raise, as a bug in a screen would, so the test can see Tend survive it."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the project: Tend is not installed as a package

import storage.checkins.trends  # noqa: E402


def broken_mood_series(*args, **kwargs):
    raise RuntimeError("a bug planted by tests/render_failure")


storage.checkins.trends.mood_series = broken_mood_series
