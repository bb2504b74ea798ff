"""A form's draft lets its text go only when the form closes on purpose (views.kit.draft): Save, Delete or Discard,
and not when that action was refused, so a screen left afterwards still keeps what was typed."""

import asyncio

from flet.components.hooks.use_ref import MutableRef

from views.kit.draft import Draft


def draft_of(values: dict, opened_with: dict) -> Draft:
    return Draft(values, lambda field, value: None, opened_with, False, MutableRef(False))


def test_a_form_has_changed_when_it_holds_anything_but_what_it_opened_with():
    assert not draft_of({"name": ""}, {"name": ""}).changed()
    assert draft_of({"name": "Jo"}, {"name": ""}).changed()


def test_a_save_that_goes_through_lets_the_text_go_and_a_refused_one_keeps_it():
    draft = draft_of({"name": "Jo"}, {"name": ""})
    assert draft.closing(lambda: False)() is False
    assert draft.settled.current is False
    draft.closing(lambda: None)()
    assert draft.settled.current is True


def test_an_async_action_is_settled_while_it_runs_and_unsettled_if_it_is_refused():
    draft = draft_of({"name": "Jo"}, {"name": ""})
    seen = []

    async def refused():
        seen.append(draft.settled.current)  # a screen left now, as the form closes, keeps nothing
        return False

    assert asyncio.run(draft.closing(refused)()) is False
    assert seen == [True] and draft.settled.current is False
