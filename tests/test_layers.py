"""The layers, held by reading every module's imports (ast, nothing is imported), so a newcomer learns a rule from a
failing test rather than from a reviewer.

- storage/ is the model: it never imports flet or views/, and only storage/store/ imports tinydb.
- main.py is the composition root: nothing in the app imports it (tests may, to test it).
- views/<feature>/ builds on the shared views (kit, device, context, guard, navigation) and storage/; it reaches
  into another feature only through FEATURE_DOORS below, each with its reason. The shared views never import a
  feature (but for SHARED_EXCEPTIONS); views/app.py, the shell that assembles the screens, may import any.
- No module in storage/ or views/ (or main.py) is over 300 lines, and no function over 50: a long one is split by
  what its parts do (a rule to storage/, a part of a screen to its own component, a family of handlers to a hook).

The lists may only shrink: an entry nothing needs any more fails too, so it is removed when the code is cleaned.
"""

import ast
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
APP_FOLDERS = ("storage", "views")
SHARED_VIEWS = {"kit", "device", "context", "guard", "navigation"}
MAX_LINES = 300
MAX_FUNCTION_LINES = 50

# Another feature's module a feature may import: the module, why, and which features use it today.
FEATURE_DOORS = {
    "views.checkins.editing": ("the check-in editor dialog, opened from every screen that lists or logs check-ins",
                               {"history", "today"}),
    "views.checkins.tile": ("one check-in row, the same on Today and in History", {"history", "today"}),
    "views.reminders.due": ("what is due now and its actions (done, snooze, read again), on People and Today, and "
                            "read again after an import or a restore", {"people", "settings", "today"}),
    "views.people.your_people": ("your people and their last contacts, logging a contact and reading them again, "
                                 "wherever people are shown or added",
                                 {"circle", "help", "messages", "reminders", "settings", "today", "welcome"}),
    "views.messages.picker": ("ready-made messages ('Ask for help', 'Send a message') wherever a person can be reached,"
                              " and managing them from Settings", {"people", "reminders", "settings", "today"}),
    "views.reminders.due_items": ("what is due now, listed on Today as on Reminders", {"today"}),
    "views.people.card": ("a person's card with Call/Text, shown by Get help, the due list and the low-day card",
                          {"help", "reminders", "today"}),
    "views.people.reaching_out": ("Call/Text/Email then 'did you reach them?', wherever a person can be reached",
                                  {"help", "reminders", "today"}),
    "views.help.crisis_lines": ("crisis lines close People's list and the low-day card, as on Get help",
                                {"people", "today"}),
    "views.help.get_help": ("your own crisis contacts and the safety plan's route, on the low-day card;"
                            " the lock screen asks it whether the plan may be read without the PIN",
                            {"lock", "today"}),
    "views.people.editor": ("Get help adds and edits your own crisis contacts with the People form", {"help"}),
    "views.lock.screen": ("Settings sets the PIN with the lock screen's rules and wording", {"settings"}),
    "views.support_card.screen": ("the support card's route, opened from People and from Settings",
                                  {"people", "settings"}),
    "views.support_card.holder_line": ("'Has your support card since…' on a person's card", {"people"}),
}

# A shared view that imports a feature, each with its reason: the cycle to break is named.
SHARED_EXCEPTIONS = {
    ("views.kit.dialog", "views.help.get_help"): "every dialog shows Get help now inside it, and Get help opens the "
    "People form, a dialog, in turn (imported inside the function)",
}


def app_modules() -> list[Path]:
    return sorted(path for folder in APP_FOLDERS for path in (PROJECT / folder).rglob("*.py"))


def module_name(path: Path) -> str:
    parts = path.relative_to(PROJECT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def is_module(name: str) -> bool:
    path = PROJECT.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def imports_of(path: Path) -> set[str]:
    """Every module a file imports, with `from package import module` counted as the module itself."""
    found = set()
    package = module_name(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[:len(package) - node.level + 1] if node.level else []
            module = ".".join(base + ([node.module] if node.module else []))
            for alias in node.names:
                found.add(f"{module}.{alias.name}" if is_module(f"{module}.{alias.name}") else module)
    return found


def top(name: str) -> str:
    return name.split(".")[0]


def feature_of(name: str) -> str | None:
    """The feature folder a views module belongs to, or None for the shell and the shared views."""
    parts = name.split(".")
    if parts[0] != "views" or len(parts) < 3 or parts[1] in SHARED_VIEWS:
        return None
    return parts[1]


IMPORTS = {module_name(path): imports_of(path) for path in app_modules()}


def test_storage_never_imports_flet_or_views():
    broken = {module: sorted(name for name in names if top(name) in ("flet", "views"))
              for module, names in IMPORTS.items() if top(module) == "storage"}
    assert {module: names for module, names in broken.items() if names} == {}


def test_only_the_store_imports_tinydb():
    everything = {module_name(path): imports_of(path)
                  for path in PROJECT.rglob("*.py") if not {".venv", "build"} & set(path.relative_to(PROJECT).parts)}
    outside = sorted(module for module, names in everything.items()
                     if any(top(name) == "tinydb" for name in names) and not module.startswith("storage.store."))
    assert outside == []


def test_nothing_in_the_app_imports_main():
    scripts = [*app_modules(), *(PROJECT / "benchmarks").glob("*.py")]
    assert sorted(module_name(path) for path in scripts if "main" in {top(name) for name in imports_of(path)}) == []


def shared_to_feature_imports() -> set[tuple[str, str]]:
    return {(module, name) for module, names in IMPORTS.items()
            if top(module) == "views" and module != "views.app" and feature_of(module) is None
            for name in names if feature_of(name)}


def test_shared_views_import_no_feature_but_the_listed_ones():
    assert sorted(shared_to_feature_imports() - set(SHARED_EXCEPTIONS)) == []


def test_every_listed_shared_exception_is_still_needed():
    assert sorted(set(SHARED_EXCEPTIONS) - shared_to_feature_imports()) == [], "take it out of SHARED_EXCEPTIONS"


def cross_feature_imports() -> set[tuple[str, str]]:
    """(feature, module of another feature) for every import that crosses from one feature into another."""
    return {(feature_of(module), name) for module, names in IMPORTS.items() if feature_of(module)
            for name in names if feature_of(name) and feature_of(name) != feature_of(module)}


def test_a_feature_reaches_another_only_through_a_listed_door():
    allowed = {(feature, door) for door, (_why, features) in FEATURE_DOORS.items() for feature in features}
    assert sorted(cross_feature_imports() - allowed) == [], "a new door: add it to FEATURE_DOORS with its reason"


def test_every_listed_door_is_still_used():
    allowed = {(feature, door) for door, (_why, features) in FEATURE_DOORS.items() for feature in features}
    assert sorted(allowed - cross_feature_imports()) == [], "no longer needed: take it out of FEATURE_DOORS"


def line_count(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def test_no_module_over_300_lines():
    modules = [*app_modules(), PROJECT / "main.py"]
    long = {str(path.relative_to(PROJECT)): line_count(path) for path in modules if line_count(path) > MAX_LINES}
    assert long == {}


def test_no_function_over_50_lines():
    long = {}
    for path in [*app_modules(), PROJECT / "main.py"]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                lines = node.end_lineno - node.lineno + 1
                if lines > MAX_FUNCTION_LINES:
                    long[f"{path.relative_to(PROJECT)}:{node.lineno} {node.name}"] = lines
    assert long == {}


def test_the_reader_sees_every_kind_of_import():
    """The rules are only as good as the reading: `from package import module` counts as the module."""
    assert "views.reminders.snooze" in IMPORTS["views.reminders.due"]
    assert "storage.prompts" in IMPORTS["views.welcome.screen"]
    assert "views.device.phone_notifications" in IMPORTS["views.reminders.notifications"]
