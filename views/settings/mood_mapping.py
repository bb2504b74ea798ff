"""The one question a Daylio file with its own mood names needs: which of Tend's five moods each name means.

Shown before anything is written; each name starts at Tend's guess (storage.your_data.mood_names.guess), and
"Import" hands back the confirmed mapping, "Cancel" leaves the data as it was.
"""

from collections.abc import Callable

import flet as ft

from storage.checkins.model import Mood
from storage.your_data.mood_names import MoodName, key
from views.guard import component
from views.kit.draft import use_draft
from views.kit.labelled import named

MOOD_CHOICES = [(str(mood.value), mood.word) for mood in sorted(Mood, reverse=True)]


@component
def MoodMapping(file_name: str, names: list[MoodName], on_confirm: Callable[[dict[str, int]], None],
                on_cancel: Callable[[], None]) -> ft.Control:
    draft = use_draft(lambda: {key(name.name): name.guess for name in names})  # Import sees the last pick (kit.draft)
    choices = draft.values

    def row(name: MoodName) -> ft.Control:
        entries = "1 entry" if name.entries == 1 else f"{name.entries:,} entries"
        return ft.Row([
            named(name.name, ft.Dropdown(
                label=name.name, value=str(choices[key(name.name)]), width=200,
                on_select=lambda e, name=name: draft.choose(key(name.name), int(e.control.value)),
                options=[ft.DropdownOption(key=value, text=word) for value, word in MOOD_CHOICES])),
            ft.Text(entries),
        ], wrap=True)

    return ft.Card(ft.Container(padding=16, content=ft.Column([
        ft.Text(f"Which Tend mood does each mood in “{file_name}” mean?", weight=ft.FontWeight.BOLD),
        ft.Text("Tend has guessed; change any that are wrong. Nothing is imported until you choose Import."),
        *[row(name) for name in names],
        ft.Row([
            ft.FilledButton("Import", icon=ft.Icons.CHECK, on_click=lambda: on_confirm(dict(choices))),
            ft.TextButton("Cancel", on_click=lambda: on_cancel()),
        ], wrap=True),
    ], spacing=8)))
