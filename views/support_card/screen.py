"""How to support me: a short card in the person's own words for the people who want to help but don't know how,
with a preview of what they will read, and sharing (see views.support_card.sharing)."""

import flet as ft

from storage.support_card.card import (
    PARTS,
    Part,
    SupportCard,
    card_as_text,
    card_problems,
    load_card,
    save_card,
)
from views.context import use_tend
from views.guard import component
from views.kit.screen import screen, section_title
from views.support_card.sharing import ShareCard

SUPPORT_CARD_ROUTE = "/people/support-card"


@component
def SupportCardScreen() -> ft.Control:
    tend = use_tend()
    card, set_card = ft.use_state(lambda: tend.read(lambda: load_card(tend.store), SupportCard()))
    typed = ft.use_ref(lambda: {part.key: card.text(part.key) for part in PARTS}).current  # see CheckInForm
    problems, set_problems = ft.use_state({})
    saved_at, set_saved_at = ft.use_state("")

    def save_typed() -> str | None:
        """Saves the card as typed and answers it as text ("" when empty); None when a part is too long or the
        device refused, which the screen then says."""
        if all(typed[key] == card.text(key) for key in typed):
            return card_as_text(card)
        found = card_problems(typed)
        set_problems(found)
        if found:
            return None
        now = tend.now()
        saved = None

        def write():
            nonlocal saved
            saved = save_card(tend.store, dict(typed), now)

        if not tend.wrote(write):
            return None
        set_card(saved)
        set_saved_at(f"Saved at {now:%H:%M}.")
        return card_as_text(saved)

    text = card_as_text(card)
    return screen(
        "How to support me",
        ft.Text("Some people want to help but don't know how. Tell them, in your own words: fill in any part, as "
                "much as you want to share, and leave the rest. It stays on this device until you share it."),
        *[_part_field(part, typed, problems.get(part.key), save_typed) for part in PARTS],
        ft.Row([ft.FilledButton("Save card", icon=ft.Icons.SAVE_OUTLINED, on_click=lambda: save_typed()),
                *([ft.Text(saved_at)] if saved_at else [])], wrap=True),
        section_title("Preview"),
        _preview(text),
        section_title("Share it"),
        ShareCard(text, save_typed),
    )


def _part_field(part: Part, typed: dict, problem: str | None, save_typed) -> ft.Control:
    """One part of the card to write in; it is saved when the person moves on (and by Save card)."""
    return ft.Row([ft.TextField(label=part.title, helper=part.prompt, helper_max_lines=3, value=typed[part.key],
                                multiline=True, min_lines=2, max_lines=6, error=problem, error_max_lines=3,
                                expand=True, on_blur=lambda: save_typed(),
                                on_change=lambda e: typed.update({part.key: e.control.value}))])


def _preview(text: str) -> ft.Control:
    """The card as the people it is shared with will read it."""
    return ft.Row([ft.Card(ft.Container(
        ft.Text(text.rstrip()) if text else
        ft.Text("Your card is empty so far. Write in any part above, and it shows here as your people will "
                "read it."),
        padding=16), expand=True)])
