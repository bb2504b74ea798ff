"""Saving a file Tend made (an export) as a file: a save dialog on desktop, a download in the browser."""

import flet as ft

from views.context import Tend


async def save_file(tend: Tend, dialog_title: str, file_name: str, data: bytes) -> bool:
    """Offers `data` as the file `file_name`; False (and a kind message) where this device can't save files."""
    try:
        await ft.FilePicker().save_file(dialog_title=dialog_title, file_name=file_name, src_bytes=data)
    except Exception:  # noqa: BLE001 - a client without a file dialog; the data itself stays safe in Tend
        tend.tell("This device could not save a file. Your data is still safe in Tend.")
        return False
    return True


async def save_text_file(tend: Tend, dialog_title: str, file_name: str, text: str) -> bool:
    """`save_file` for text, as UTF-8."""
    return await save_file(tend, dialog_title, file_name, text.encode("utf-8"))
