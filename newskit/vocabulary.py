"""Language vocabulary: the words the parser's cues look for, loaded from data.

The built-in words ship in ``newskit/rules/cues.toml`` (its header says what each list
is). A user's rules file may hold a ``[cues]`` table of the same shape, whose lists are
added to the built-in ones (see :func:`newskit.rules.load_rules`). The cues built from
these words live in :mod:`newskit.parse.cues` and :mod:`newskit.dates`.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from .errors import RulesError

_MONTHS_KEY = "months"


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Named word lists (lower case, in order) and the month names with their numbers."""

    words: tuple[tuple[str, tuple[str, ...]], ...]
    months: tuple[tuple[str, int], ...]

    def __getitem__(self, name: str) -> tuple[str, ...]:
        for key, words in self.words:
            if key == name:
                return words
        raise KeyError(name)

    @property
    def month_numbers(self) -> dict[str, int]:
        return dict(self.months)

    def extended(self, table: dict[str, Any], where: str) -> Vocabulary:
        """These words with a user's ``[cues]`` table added (new words last)."""
        known = {key for key, _ in self.words}
        lists = dict(self.words)
        months = dict(self.months)
        for key, value in table.items():
            if key == _MONTHS_KEY:
                months.update(_months(value, where))
                continue
            if key not in known:
                raise RulesError(f"{where}: [cues] has no list {key!r} (known: {', '.join(sorted(known))})")
            new = _word_list(value, f"{where}: [cues] {key}")
            lists[key] = lists[key] + tuple(w for w in new if w not in lists[key])
        return Vocabulary(tuple(lists.items()), tuple(months.items()))


def alternatives(words: Iterable[str]) -> str:
    """Words as the alternatives of a regular expression, each taken literally, to be put
    in a group: ``(?:{alternatives(words)})``.

    The words are set out as a tree of their letters ("sec", "secs", "second" give
    ``sec(?:ond|s)?``), so that a pattern tries each letter once where a plain list of
    alternatives would try every word in turn; the longest word that fits is tried first.
    """
    tree: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here
    return _branches(tree) if tree else "(?!)"


def _branches(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
    ends = "" in node
    paths = [re.escape(ch) + _branches(child) for ch, child in sorted(node.items()) if ch]
    if not paths:
        return ""
    body = paths[0] if len(paths) == 1 else "(?:" + "|".join(paths) + ")"
    if not ends:
        return body
    return f"(?:{body})?" if len(paths) > 1 or len(paths[0]) > 1 else f"{body}?"


def _word_list(value: object, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(w, str) and w.strip() for w in value):
        raise RulesError(f"{where}: must be a list of words")
    return tuple(w.strip().lower() for w in value)


def _months(value: object, where: str) -> dict[str, int]:
    if not isinstance(value, dict):
        raise RulesError(f"{where}: [cues.months] must be a table of month names and numbers")
    out: dict[str, int] = {}
    for name, number in value.items():
        if not isinstance(number, int) or not 1 <= number <= 12:  # noqa: PLR2004 (the months of a year)
            raise RulesError(f"{where}: [cues.months] {name!r} must be a month number from 1 to 12")
        out[name.strip().lower()] = number
    return out


@lru_cache(maxsize=1)
def _builtin_data() -> dict[str, Any]:
    text = resources.files("newskit").joinpath("rules/cues.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


@lru_cache(maxsize=1)
def builtin_vocabulary() -> Vocabulary:
    """The words of ``newskit/rules/cues.toml``."""
    table = dict(_builtin_data()["cues"])
    months = _months(table.pop(_MONTHS_KEY), "built-in cues")
    words = tuple((key, _word_list(value, f"built-in cues: {key}")) for key, value in table.items())
    return Vocabulary(words, tuple(months.items()))


@lru_cache(maxsize=1)
def sentence_words() -> dict[str, frozenset[str]]:
    """The sentence splitter's abbreviation and starter lists (``[sentences]``)."""
    return {key: frozenset(_word_list(value, f"built-in sentences: {key}"))
            for key, value in _builtin_data()["sentences"].items()}
