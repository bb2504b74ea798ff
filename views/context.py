"""What every screen needs, handed down through Flet's context instead of module globals."""

import logging
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import Callable, TypeVar

import flet as ft

from storage.errors import StorageError
from storage.help.crisis_lines import CrisisDirectory
from storage.settings import Settings
from storage.store.persistence import Store

T = TypeVar("T")
log = logging.getLogger("tend.storage")


@dataclass(frozen=True)
class Tend:
    """The session's services and the person's settings; a new value is provided whenever settings change."""

    store: Store
    crisis: CrisisDirectory
    settings: Settings
    change_settings: Callable[[Settings], None]
    tell: Callable[[str], None]
    """Shows a message above every screen until it is read (see views.kit.notice)."""
    clock: Callable[[], datetime]
    zone: tzinfo
    """The person's time zone by name where known, so wall-clock reminder times follow daylight saving."""
    notice: str | None
    """The message told last, until it is read."""
    read_notice: Callable[[], None]
    failed_route: str | None
    """The route whose screen failed to update outside any component (see views.guard); its card is shown."""
    forget_failure: Callable[[], None]
    left_forms: dict
    """What forms held when their screen went without Save or Cancel, by form, for this session (views.kit.draft)."""

    def now(self) -> datetime:
        return self.clock()

    def wrote(self, write: Callable[[], object]) -> bool:
        """Runs a write to the store; if the device refuses it (full, read-only), tells the person in plain words
        that nothing saved before is lost, and answers False so the screen leaves things as they were."""
        try:
            write()
        except StorageError as error:
            log.warning("A write was refused: %s", type(error).__name__)
            self.tell(error.message)
            return False
        return True

    def read(self, read: Callable[[], T], fallback: T) -> T:
        """The read-side twin of `wrote`, for renders: a read the device or a newer file refuses is told in plain
        words and logged, and `fallback` shown instead, so no screen fails to render over it."""
        try:
            return read()
        except StorageError as error:
            log.warning("A read was refused: %s", type(error).__name__)
            self.tell(error.message)
            return fallback


TendContext: ft.ContextProvider["Tend | None"] = ft.create_context(None)


def use_tend() -> Tend:
    tend = ft.use_context(TendContext)
    assert tend is not None, "screens are rendered inside App, which provides TendContext"
    return tend
