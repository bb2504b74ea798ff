"""Who may read the safety plan from Get help now without the PIN: with the lock on, everyone, unless the person
keeps the plan behind the lock; with the lock off the plan screen itself opens (nothing to get past)."""

from datetime import datetime, timezone
from types import SimpleNamespace

from storage.app_lock import AppLock
from storage.records import with_times
from storage.settings import Settings, load_settings, save_settings
from storage.store.persistence import Store
from views.help.get_help import plan_readable_without_pin

NOW = datetime(2026, 12, 4, 21, 0, tzinfo=timezone.utc)


def test_with_the_lock_on_the_plan_is_readable_unless_kept_behind_it():
    store = Store.open(None, NOW)
    assert not plan_readable_without_pin(SimpleNamespace(store=store, settings=Settings()))  # no lock: no need
    AppLock(store).set_pin("739164", NOW)
    assert plan_readable_without_pin(SimpleNamespace(store=store, settings=Settings()))
    assert not plan_readable_without_pin(SimpleNamespace(store=store, settings=Settings(safety_plan_locked=True)))


def test_keeping_the_plan_behind_the_lock_is_saved_and_a_bad_value_falls_back_to_off():
    store = Store.open(None, NOW)
    save_settings(store, Settings(safety_plan_locked=True), NOW)
    assert load_settings(store).safety_plan_locked is True
    store.put("settings", with_times({"id": "settings", "safety_plan_locked": "yes"}, NOW))
    assert load_settings(store).safety_plan_locked is False
