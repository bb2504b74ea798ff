"""Reading a file the person picked (an export to import, a contacts file), wherever Tend runs, off the event loop.

On a desktop or a phone the picker gives a path, read in a worker thread. In the browser it gives only the name and
the size: Tend then has the browser send the file over HTTP, in chunks, to a signed one-use address (Flet's upload
endpoint), into `incoming/` in the data folder, where Tend reads it once and deletes it.

Why not `pick_files(with_data=True)`: it sends the whole file back as one WebSocket message, and uvicorn closes the
connection on any message over 16 MiB (its `ws_max_size`), so a bigger file dropped the connection with no word.
Asking for the data also sends it before Tend has seen the size; without it, a file over the limit is refused by
the size the picker reports, before a byte of it is read.
"""

import asyncio
import logging
import os
import secrets
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import flet as ft

from storage.people.vcard import MAX_VCARD_BYTES
from storage.store.durable import FOLDER_MODE
from storage.your_data.exchange import SIZE_LIMIT

INCOMING = "incoming"
"""The folder in the data folder that the browser's uploads land in, each read once and deleted at once."""
LARGEST_PICKED_FILE = max(SIZE_LIMIT, MAX_VCARD_BYTES)
"""The upload endpoint's own limit: the largest file any of Tend's imports reads."""
UPLOAD_NAME_SUFFIX = ".upload"  # never ".json": backups take every .json file in the data folder
UPLOAD_URL_SECONDS = 600
UPLOAD_WAIT_SECONDS = 600
"""An upload that has not finished by then (the tab was closed, the machine slept) is given up."""

log = logging.getLogger("tend.files")


class NotRead(Exception):
    """The picked file could not be read: it went away, the upload failed, or this device gave Tend no path."""


def incoming_folder(data_dir: Path) -> Path:
    return data_dir / INCOMING


def accept_web_uploads(data_dir: Path, largest: int = LARGEST_PICKED_FILE) -> None:
    """Sets up Flet's upload endpoint for the web mode, before the server starts: the folder (private, emptied of
    what a kill left), a signing key new each run, and the largest file it takes. Flet reads these three from the
    environment (FLET_UPLOAD_DIR when it builds the app, the other two on each upload)."""
    folder = incoming_folder(data_dir)
    shutil.rmtree(folder, ignore_errors=True)
    try:
        folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    except OSError as error:  # a read-only data folder: Tend still starts, and a picked file is "not read"
        log.warning("Picked files can't be received: %s", type(error).__name__)
        return
    os.environ["FLET_UPLOAD_DIR"] = str(folder)
    os.environ["FLET_SECRET_KEY"] = secrets.token_urlsafe(32)
    os.environ["FLET_MAX_UPLOAD_SIZE"] = str(largest)


@dataclass
class PickedFile:
    name: str
    size: int
    """In bytes, as the picker reports it: known before anything is read."""
    file: ft.FilePickerFile


class FileReader:
    """A file picker that can also read what was picked; it lives until the reading is done, so the browser's
    upload progress reaches it."""

    def __init__(self) -> None:
        self._picker = ft.FilePicker(on_upload=self._on_upload)
        self._finished: asyncio.Future | None = None
        self._on_progress: Callable[[float], None] = lambda done: None

    async def pick(self, dialog_title: str, extensions: list[str]) -> PickedFile | None:
        """The one file chosen, None if none was. Only its name and size: nothing is read yet."""
        files = await self._picker.pick_files(dialog_title=dialog_title, file_type=ft.FilePickerFileType.CUSTOM,
                                              allowed_extensions=extensions, with_data=False)
        return PickedFile(files[0].name, files[0].size, files[0]) if files else None

    async def read(self, picked: PickedFile, data_dir: Path | None,
                   on_progress: Callable[[float], None] = lambda done: None) -> bytes:
        """The picked file's bytes; NotRead if they can't be had. `on_progress` hears how much of an upload has
        arrived (0 to 1)."""
        if picked.file.path:
            try:
                return await asyncio.to_thread(Path(picked.file.path).read_bytes)
            except OSError as error:
                raise NotRead from error
        if picked.size == 0:
            return b""
        if data_dir is None or not ft.context.page.web:
            raise NotRead  # a device that gives neither a path nor an upload
        return await self._uploaded(picked.file, incoming_folder(data_dir), on_progress)

    async def _uploaded(self, file: ft.FilePickerFile, folder: Path, on_progress: Callable[[float], None]) -> bytes:
        target = folder / f"{secrets.token_hex(16)}{UPLOAD_NAME_SUFFIX}"
        try:
            url = ft.context.page.get_upload_url(target.name, UPLOAD_URL_SECONDS)
        except RuntimeError as error:  # the server was started without accept_web_uploads
            raise NotRead from error
        self._finished = asyncio.get_running_loop().create_future()
        self._on_progress = on_progress
        try:
            await self._picker.upload([ft.FilePickerUploadFile(upload_url=url, id=file.id, name=file.name)])
            await asyncio.wait_for(self._finished, UPLOAD_WAIT_SECONDS)
            return await asyncio.to_thread(target.read_bytes)
        except (NotRead, OSError, asyncio.TimeoutError) as error:
            raise NotRead from error
        finally:
            self._finished = None
            await asyncio.to_thread(target.unlink, missing_ok=True)

    def _on_upload(self, event: ft.FilePickerUploadEvent) -> None:
        """The browser's word on the upload: how far (every 10 %), done (1.0, once the server has stored it all), or
        an error (the endpoint refused it)."""
        finished = self._finished
        if finished is None or finished.done():
            return
        if event.error:
            finished.set_exception(NotRead(event.error))
        elif event.progress is not None and event.progress >= 1:
            finished.set_result(None)
        elif event.progress is not None:
            self._on_progress(event.progress)
