"""newskit's own exceptions. The CLI turns them into one-line messages."""


class NewskitError(Exception):
    """Base class for every error newskit raises on purpose."""


class InputError(NewskitError):
    """An input file could not be read as text (binary, unreadable, empty, missing)."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class RulesError(NewskitError):
    """A rules file is missing or malformed."""


class IdError(NewskitError):
    """An article id matched no article, or more than one."""

    def __init__(self, message: str, candidates: list[str] | None = None) -> None:
        super().__init__(message)
        self.candidates = candidates or []


class OutputError(NewskitError):
    """A clean file could not be written (or would have replaced an input)."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class SplitError(NewskitError, ValueError):
    """A ``split`` setting is neither ``auto``, ``file`` nor a valid regular expression."""
