"""Tend's own log: a few rotating files in the data folder's `logs/`, readable by the person only.

Log lines say what happened to the app (a screen that failed, a write refused), never what the person wrote:
no names, notes or numbers go into a message.
"""

import logging
import logging.handlers
import os
from pathlib import Path

from storage.store.durable import FILE_MODE, FOLDER_MODE

FOLDER_NAME = "logs"
FILE_NAME = "tend.log"
MAX_BYTES = 512 * 1024
KEPT = 3
LINE_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """Creates each log file with mode 0600, like every other file Tend keeps."""

    def _open(self):
        return open(self.baseFilename, self.mode, encoding=self.encoding,
                    opener=lambda path, flags: os.open(path, flags, FILE_MODE))


def file_handler(data_dir: Path) -> logging.Handler | None:
    """A handler writing to `data_dir/logs/tend.log`, or None when the folder can't take one (read-only)."""
    folder = data_dir / FOLDER_NAME
    try:
        data_dir.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
        folder.mkdir(mode=FOLDER_MODE, exist_ok=True)
        handler = PrivateRotatingFileHandler(folder / FILE_NAME, maxBytes=MAX_BYTES, backupCount=KEPT,
                                             encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(LINE_FORMAT))
    return handler


def set_up_logging(data_dir: Path | None, verbose: bool) -> None:
    """Warnings and errors (debug lines too with `verbose`) to stderr and to the data folder's log."""
    logging.raiseExceptions = False  # a full disk must not turn every log line into a traceback on the terminal
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    stderr = logging.StreamHandler()
    stderr.setFormatter(logging.Formatter(LINE_FORMAT))
    stderr.setLevel(logging.DEBUG if verbose else logging.WARNING)
    handlers = [stderr, file_handler(data_dir) if data_dir is not None else None]
    for handler in filter(None, handlers):
        root.addHandler(handler)
    if not verbose:
        for chatty in ("flet", "flet_web", "uvicorn", "asyncio"):
            logging.getLogger(chatty).setLevel(logging.WARNING)
