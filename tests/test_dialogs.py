"""Every dialog is made by views.kit.dialog, so Get help now is one tap away inside each one (issue 13): a dialog
built straight from ft.AlertDialog would hide the top bar's Get help now behind it. Read from the source (ast), so
a new dialog that skips the helper fails here before anyone meets it in a crisis."""

import ast
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
MAKERS = {
    "views/kit/dialog.py": "the one helper, which puts Get help now in every dialog",
    "views/help/get_help.py": "Get help now's own sheets (the help itself, your plan to read)",
}


def alert_dialogs_built_in(path: Path) -> int:
    return sum(1 for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
               if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
               and node.func.attr in ("AlertDialog", "BottomSheet", "CupertinoAlertDialog"))


def test_only_the_dialog_helper_and_get_help_build_a_dialog():
    builders = {str(path.relative_to(PROJECT)) for path in (PROJECT / "views").rglob("*.py")
                if alert_dialogs_built_in(path)}
    assert builders == set(MAKERS), "make a dialog with views.kit.dialog.dialog(title, content, actions)"
