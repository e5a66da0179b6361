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
_ZONES_KEY = "zone_offsets"
# A zone's offset ("+05:30"), or the name of a time zone database entry ("America/New_York").
_ZONE_VALUE = re.compile(r"[+-]\d{2}:\d{2}|[A-Za-z_]+(?:/[A-Za-z_+-]+)+")


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Named word lists (lower case, in order), the month names with their numbers and the
    time zone names with their offsets (``"+01:00"``, or a time zone database name)."""

    words: tuple[tuple[str, tuple[str, ...]], ...]
    months: tuple[tuple[str, int], ...]
    zones: tuple[tuple[str, str], ...] = ()

    def __getitem__(self, name: str) -> tuple[str, ...]:
        for key, words in self.words:
            if key == name:
                return words
        raise KeyError(name)

    @property
    def month_numbers(self) -> dict[str, int]:
        return dict(self.months)

    @property
    def zone_offsets(self) -> dict[str, str]:
        return dict(self.zones)

    def extended(self, table: dict[str, Any], where: str) -> Vocabulary:
        """These words with a user's ``[cues]`` table added (new words last)."""
        known = {key for key, _ in self.words}
        lists = dict(self.words)
        months = dict(self.months)
        zones = dict(self.zones)
        for key, value in table.items():
            if key == _MONTHS_KEY:
                months.update(_months(value, where))
                continue
            if key == _ZONES_KEY:
                zones.update(_zones(value, where))
                continue
            if key not in known:
                raise RulesError(f"{where}: [cues] has no list {key!r} (known: {', '.join(sorted(known))})")
            new = _word_list(value, f"{where}: [cues] {key}")
            lists[key] = lists[key] + tuple(w for w in new if w not in lists[key])
        return Vocabulary(tuple(lists.items()), tuple(months.items()), tuple(zones.items()))


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


def any_text(texts: Iterable[str], flags: int = 0) -> re.Pattern[str] | None:
    """A pattern that finds any of ``texts`` as plain text (with ``flags``: case as given
    unless ``re.I``), or None if none: one search (a tree of their letters, see
    :func:`alternatives`) costs less than a test per text once there are more than a few."""
    found = set(texts)
    return re.compile(alternatives(found), flags) if found else None


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


def _zones(value: object, where: str) -> dict[str, str]:
    if not isinstance(value, dict):
        raise RulesError(f"{where}: [cues.zone_offsets] must be a table of zone names and offsets")
    out: dict[str, str] = {}
    for name, offset in value.items():
        if not isinstance(offset, str) or not _ZONE_VALUE.fullmatch(offset.strip()):
            raise RulesError(f"{where}: [cues.zone_offsets] {name!r} must be an offset such as \"+01:00\" "
                             "or a time zone name such as \"Europe/Paris\"")
        out[name.strip().lower()] = offset.strip()
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
    zones = _zones(table.pop(_ZONES_KEY), "built-in cues")
    words = tuple((key, _word_list(value, f"built-in cues: {key}")) for key, value in table.items())
    return Vocabulary(words, tuple(months.items()), tuple(zones.items()))


@lru_cache(maxsize=1)
def sentence_words() -> dict[str, frozenset[str]]:
    """The sentence splitter's abbreviation and starter lists (``[sentences]``)."""
    return {key: frozenset(_word_list(value, f"built-in sentences: {key}"))
            for key, value in _builtin_data()["sentences"].items()}
