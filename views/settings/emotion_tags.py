"""Editing the list of emotion tags offered when adding details to a check-in."""


import flet as ft

from storage.checkins.repository import emotion_tags, save_emotion_tags
from storage.errors import Refused, StorageError
from views.context import use_tend
from views.guard import component
from views.kit.labelled import icon_action


def tag_pill(tag: str, on_remove) -> ft.Control:
    return ft.Container(
        ft.Row([ft.Text(tag), icon_action(ft.Icons.CLOSE, f"Remove {tag}", on_remove)], tight=True, spacing=0),
        border=ft.Border.all(1, ft.Colors.OUTLINE_VARIANT),
        border_radius=24,
        padding=ft.Padding.only(left=14),
    )


@component
def EmotionTagsEditor() -> ft.Control:
    tend = use_tend()
    tags, set_tags = ft.use_state(lambda: emotion_tags(tend.store))
    draft = ft.use_ref("")  # a ref, so "Add" right after typing sees the last keystroke
    field_key, set_field_key = ft.use_state(0)  # a new key empties the field after adding
    problem, set_problem = ft.use_state(None)

    def save(new_tags: list[str]) -> bool:
        try:
            set_tags(save_emotion_tags(tend.store, new_tags, tend.now()))
        except Refused as error:
            set_problem(str(error))
            return False
        except StorageError as error:
            set_problem(error.message)
            return False
        set_problem(None)
        return True

    def add() -> None:
        if save([*tags, draft.current]):
            draft.current = ""
            set_field_key(lambda k: k + 1)

    return ft.Column(
        [
            ft.Row(
                [tag_pill(tag, lambda t=tag: save([x for x in tags if x != t])) for tag in tags],
                wrap=True,
            ),
            ft.Row(
                [
                    ft.TextField(label="New emotion", key=f"new-emotion-{field_key}", expand=True,
                                 on_change=lambda e: setattr(draft, "current", e.control.value),
                                 on_submit=lambda _: add()),
                    ft.FilledTonalButton("Add emotion", on_click=add),
                ],
                vertical_alignment=ft.CrossAxisAlignment.START,
            ),
            *([ft.Text(problem, color=ft.Colors.ERROR)] if problem else []),
        ],
        spacing=8,
    )
