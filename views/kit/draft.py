"""What a form holds while it is being filled in, kept where every handler sees the latest of it, and kept for
the person when they leave the screen without Save or Cancel.

Flet runs a handler from the render it was drawn in. A chip picked and Save tapped straight after would otherwise run
Save as drawn before the chip redrew the form, with the choice as it was then: the tap on the chip lost, and a
person saved without the kind of support they just chose. So typed text and choices alike go into one dict that
changes at once, and the form is redrawn after.

A form's screen can go while the form is open (the browser's Back goes to the screen before). A form given
`keep_as` then leaves what it held with the session (`Tend.left_forms`), and opens with it again next time, saying
so.
"""

import copy
import inspect
from collections.abc import Callable
from dataclasses import dataclass

import flet as ft
from flet.components.hooks.use_ref import MutableRef

from views.context import use_tend


@dataclass(frozen=True)
class Draft:
    values: dict
    """Everything the form holds now, by field; read it in handlers and renders alike."""
    choose: Callable[[str, object], None]
    """Set one value and redraw the form (for choices; typed text only needs `values` updated)."""
    opened_with: dict
    """What the form held when it was opened (the record as saved): a form still holding it has nothing to lose."""
    brought_back: bool
    """The form opened with what was left in it when its screen went."""
    settled: MutableRef[bool]
    """True while Save, Delete or Discard closes the form: what it holds is then not kept."""

    def changed(self) -> bool:
        return self.values != self.opened_with

    def closing(self, action: Callable[[], object]) -> Callable[[], object]:
        """`action` (Save, Delete, Discard; sync or async, no arguments) as a handler that lets the form's text go
        as the form closes, unless `action` answers False: refused, the form stays and its text still counts."""
        def settle() -> None:
            self.settled.current = True

        def answered(result):
            if result is False:
                self.settled.current = False
            return result

        if inspect.iscoroutinefunction(action):
            async def run_async():
                settle()
                return answered(await action())
            return run_async

        def run():
            settle()
            return answered(action())
        return run


def use_draft(first_values: Callable[[], dict], keep_as: str | None = None) -> Draft:
    """The form's values, `first_values()` when it opens, or what was left in the form named `keep_as` when its
    screen last went. Call it on every render of the form (it keeps hooks)."""
    left_forms = use_tend().left_forms
    opened_with = ft.use_ref(lambda: copy.deepcopy(first_values())).current
    brought_back = ft.use_ref(lambda: keep_as in left_forms).current
    values = ft.use_ref(lambda: left_forms.pop(keep_as, None) or copy.deepcopy(opened_with)).current
    _, set_shown = ft.use_state(lambda: dict(values))
    settled = ft.use_ref(False)

    def choose(field: str, value: object) -> None:
        values[field] = value
        set_shown(dict(values))

    def keep_when_left() -> None:
        if keep_as and not settled.current and values != opened_with:
            left_forms[keep_as] = copy.deepcopy(values)

    # Given as `cleanup=`: Flet 1.0.5 forgets a cleanup that the setup returns at the component's next render.
    ft.use_effect(lambda: None, [], cleanup=keep_when_left)
    return Draft(values, choose, opened_with, brought_back, settled)
