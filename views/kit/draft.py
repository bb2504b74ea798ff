"""What a form holds while it is being filled in, kept where every handler sees the latest of it.

Flet runs a handler from the render it was drawn in. A chip picked and Save tapped straight after would otherwise run
Save as drawn before the chip redrew the form, with the choice as it was then: the tap on the chip lost, and a
person saved without the kind of support they just chose. So typed text and choices alike go into one dict that
changes at once, and the form is redrawn after.
"""

from collections.abc import Callable
from dataclasses import dataclass

import flet as ft


@dataclass(frozen=True)
class Draft:
    values: dict
    """Everything the form holds now, by field; read it in handlers and renders alike."""
    choose: Callable[[str, object], None]
    """Set one value and redraw the form (for choices; typed text only needs `values` updated)."""


def use_draft(first_values: Callable[[], dict]) -> Draft:
    """The form's values, `first_values()` when it opens. Call it on every render of the form (it keeps hooks)."""
    values = ft.use_ref(first_values).current
    _, set_shown = ft.use_state(lambda: dict(values))

    def choose(field: str, value: object) -> None:
        values[field] = value
        set_shown(dict(values))

    return Draft(values, choose)
