"""Errors the storage layer raises, worded for the person using Tend.

The UI shows `StorageError.message` as it is, so it must be plain, kind and say
what is still safe.
"""


class StorageError(Exception):
    """Saving or reading failed in a way the person should hear about."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class DamagedFile(Exception):
    """A data file exists but cannot be read as Tend data (bad JSON or wrong shape).

    Raised at open so the store can set the file aside and recover it, instead of
    serving half-read data or overwriting the only copy.
    """

    def __init__(self, path, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class ChangedElsewhere(Exception):
    """The record was changed in another window or tab since this one read it: saving would overwrite that."""

    def __init__(self, current):
        super().__init__("changed elsewhere")
        self.current = current
        """The record as it is stored now."""
