"""'Has your support card since 3 Dec' on a person's card, so you know who already knows how to help."""

import flet as ft

from storage.support_card.shares import has_card_words, latest_shares
from views.context import use_tend
from views.guard import component


@component
def CardHolderLine(person_id: str) -> ft.Control:
    tend = use_tend()
    since = tend.read(lambda: latest_shares(tend.store), {}).get(person_id)
    return ft.Text(has_card_words(since, tend.now()) if since else "", visible=since is not None,
                   theme_style=ft.TextThemeStyle.BODY_SMALL)
