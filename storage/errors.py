"""Errors the storage layer raises, worded for the person using Tend.

The UI shows `StorageError.message` as it is, so it must be plain, kind and say
what is still safe.

How a rule says no, the one way everywhere: a check of a record (`person_problems`, `reminder_problems`, ...)
answers `{field: words}`, empty when all is well (a check of one value, its words or None); a use-case asked to
save what its rules refuse raises `Refused` with those problems and writes nothing. Reading one typed value (a
date, a time, a file) raises `ValueError` with the words to show.
"""


class Refused(ValueError):
    """What was asked can't be saved or sent as it is; nothing was written. `problems` says why, by field, in words
    for the person; `str()` is all of them in one line."""

    def __init__(self, problems: dict[str, str]):
        super().__init__(" ".join(problems.values()))
        self.problems = problems


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
