"""Changing what a browser tab will be sent when it comes back, while it is away.

In the web mode Flet 1.0.5 keeps a session for an hour after its tab went away (a reload, a closed tab, a dropped
connection). When the same tab comes back (`FletApp` in `flet_web/fastapi/flet_app.py`) it is sent the whole page
exactly as it was, and only then told the app through `page.on_connect`. So anything that must not be shown again,
such as the screens behind the app lock, has to be taken off the page while the tab is away, in
`page.on_disconnect`. But a disconnected session drops every update and effect asked for (`Session.schedule_update`
and `Session.schedule_effect` return early), so a state set then would never be drawn: `carried_out_at_once`
carries them out on the spot instead. The patches they make are dropped as usual; the page a returning tab is sent
is the changed one. A dialog closed then is taken off the page too: Flet keeps a closed dialog, content and all,
until the browser says it has finished closing, and a tab that is away never says so.
"""

import asyncio
import inspect
import logging
from contextlib import contextmanager

from flet.components.hooks.use_effect import EffectHook
from flet.messaging.session import Session

FLET_VERSION = "1.0.5"
"""Mirrors how this Flet version's `Session.__updates_scheduler` runs an effect and how its page keeps dialogs;
tests/test_lock_screen.py fails if those names move."""

log = logging.getLogger("tend.render")


@contextmanager
def carried_out_at_once(session: Session):
    """Within `with carried_out_at_once(page.session):`, the renders and effects that state changes ask for are run
    when the block ends (and any they ask for in turn), instead of being left to Flet's update loop; then the
    dialogs they closed are taken off the page. While the tab is there, it changes nothing."""
    if session.connection is not None:  # connected: Flet's loop draws it, and the browser finishes closing dialogs
        yield
        return
    updates: dict = {}  # in order, each once, as Flet's loop takes them
    effects: list[tuple[EffectHook, bool]] = []
    session.schedule_update = lambda control: updates.setdefault(control, None)
    session.schedule_effect = lambda hook, is_cleanup: effects.append((hook, is_cleanup))
    try:
        yield
        while updates or effects:
            for control in list(updates):
                del updates[control]
                control.update()
            taken, effects[:] = effects[:], []
            for hook, is_cleanup in taken:
                run_effect(hook, is_cleanup)
        drop_closed_dialogs(session.page)
    finally:
        del session.schedule_update, session.schedule_effect  # back to the class's own


def run_effect(hook: EffectHook, is_cleanup: bool) -> None:
    """Runs an effect's setup or cleanup as Flet's update loop does; a failure is logged and the rest go on."""
    action = hook.cleanup if is_cleanup else hook.setup
    if not callable(action):
        return
    try:
        hook.cancel()
        if inspect.iscoroutinefunction(action):
            task = asyncio.create_task(action())
            if is_cleanup:
                hook._cleanup_task = task
            else:
                hook._setup_task = task
            return
        result = action()
        if not is_cleanup and callable(result):
            hook.cleanup = result
    except Exception:
        log.exception("An effect failed while its tab was away")


def drop_closed_dialogs(page) -> None:
    """Takes closed dialogs off the page, as the browser's "finished closing" would have."""
    for dialog in [dialog for dialog in page._dialogs.controls if not dialog.open]:
        page._remove_dialog(dialog)
