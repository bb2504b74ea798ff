"""What every screen needs, handed down through Flet's context instead of module globals."""

from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import Callable

import flet as ft

from storage.crisis_lines import CrisisDirectory
from storage.errors import StorageError
from storage.persistence import Store
from storage.settings import Settings


@dataclass(frozen=True)
class Tend:
    """The session's services and the person's settings; a new value is provided whenever settings change."""

    store: Store
    crisis: CrisisDirectory
    settings: Settings
    change_settings: Callable[[Settings], None]
    tell: Callable[[str], None]
    """Shows a message above every screen until it is read (see views.notice)."""
    clock: Callable[[], datetime]
    zone: tzinfo
    """The person's time zone by name where known, so wall-clock reminder times follow daylight saving."""
    notice: str | None
    """The message told last, until it is read."""
    read_notice: Callable[[], None]

    def now(self) -> datetime:
        return self.clock()

    def wrote(self, write: Callable[[], object]) -> bool:
        """Runs a write to the store; if the device refuses it (full, read-only), tells the person in plain words
        that nothing saved before is lost, and answers False so the screen leaves things as they were."""
        try:
            write()
        except StorageError as error:
            self.tell(error.message)
            return False
        return True


TendContext: ft.ContextProvider["Tend | None"] = ft.create_context(None)


def use_tend() -> Tend:
    tend = ft.use_context(TendContext)
    assert tend is not None, "screens are rendered inside App, which provides TendContext"
    return tend
