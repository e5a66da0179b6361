"""The ``split`` setting (``--split auto|file|PATTERN``): its values and its check.

Apart from the parser (:mod:`newskit.parse.parts` does the splitting), so that the command
line and the pipeline can name and check a setting without loading the parser.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .errors import SplitError

AUTO = "auto"
"""Split at form feeds, separator lines and between appended pages."""
FILE = "file"
"""One article per file: no splitting at all."""
SPLITS = (AUTO, FILE)


@lru_cache(maxsize=64)
def separator_pattern(split: str) -> re.Pattern[str] | None:
    """The user's separator pattern of a ``split`` setting (None for ``auto`` and ``file``);
    a pattern that does not compile is a :class:`~newskit.errors.SplitError`."""
    if split in SPLITS:
        return None
    if not split:
        raise SplitError("the split pattern is empty")
    try:
        return re.compile(split)
    except re.error as exc:
        raise SplitError(f"bad split pattern {split!r}: {exc}") from None


def check_split(split: str) -> str:
    """``split`` if it is a valid setting, else a :class:`~newskit.errors.SplitError`."""
    separator_pattern(split)
    return split
