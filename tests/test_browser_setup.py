"""Which Chromium the browser tests drive: the same choice for tests/browser_setup.py and for the tests."""

import subprocess
from pathlib import Path

import browser_setup
from browser_setup import find_chromium


def program(path: Path) -> str:
    path.write_text("#!/bin/sh\n")
    path.chmod(0o755)
    return str(path)


def test_playwrights_own_chromium_comes_first_once_installed(tmp_path):
    own, system = program(tmp_path / "chrome"), program(tmp_path / "chromium")
    assert find_chromium(own, [system]) == own


def test_without_playwrights_own_the_first_system_chromium_on_the_usual_paths_is_used(tmp_path):
    missing_own = str(tmp_path / "ms-playwright" / "chrome")
    not_a_program = tmp_path / "chromium-browser"
    not_a_program.write_text("")
    second = program(tmp_path / "google-chrome")
    assert find_chromium(missing_own, [str(tmp_path / "chromium"), str(not_a_program), second]) == second


def test_with_none_to_be_found_there_is_none(tmp_path):
    assert find_chromium(str(tmp_path / "chrome"), [str(tmp_path / "chromium")]) is None


def test_the_usual_paths_cover_linux_and_macos():
    assert "/usr/bin/chromium" in browser_setup.SYSTEM_CHROMIUMS
    assert any(path.startswith("/Applications/Google Chrome.app/") for path in browser_setup.SYSTEM_CHROMIUMS)
    assert any(path.startswith("/Applications/Chromium.app/") for path in browser_setup.SYSTEM_CHROMIUMS)


def test_when_nothing_can_be_had_the_set_up_stops_with_one_line_saying_what_to_install(monkeypatch, capsys):
    monkeypatch.setattr(browser_setup, "ensure_chromium", lambda: None)
    assert browser_setup.main() == 1
    said = capsys.readouterr().err.strip()
    assert "\n" not in said and "apt-get install chromium" in said and "playwright install chromium" in said


def test_apt_get_is_only_tried_by_someone_allowed_to_install(monkeypatch):
    tried = []
    monkeypatch.setattr(browser_setup, "as_administrator", lambda: None)
    monkeypatch.setattr(subprocess, "run", lambda *args, **kwargs: tried.append(args))
    assert browser_setup.install_debian_chromium() is False
    assert tried == []
