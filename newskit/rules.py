"""The rules engine: boilerplate line rules and outlet profiles, loaded from TOML.

The built-in rules ship in ``newskit/rules/default.toml``. A user's rules file has the
same shape (see that file's header) and is read from ``--rules FILE`` or from the
config location (``$NEWSKIT_RULES``, else ``$XDG_CONFIG_HOME/newskit/rules.toml``, else
``~/.config/newskit/rules.toml``). A user rule with a built-in rule's name replaces it.
"""

from __future__ import annotations

import os
import re
import tomllib
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import RulesError
from .heads import fits, heads, line_head, needs
from .text import strip_edges
from .vocabulary import Vocabulary, any_text, builtin_vocabulary

_DEFAULT_MAX_WORDS = 12
_MODES = {"line", "start", "search"}


@dataclass(frozen=True, slots=True)
class LineRule:
    name: str
    regex: re.Pattern[str]
    max_words: int
    anchored: tuple[str, ...]  # each pattern, as matched at the line's start
    triggers: tuple[str, ...] = ()  # tried only on lines holding one of these (lower case)

    def matches(self, line: str, words: int) -> bool:
        return words <= self.max_words and self.regex.match(line) is not None


@dataclass(frozen=True, slots=True)
class Marker:
    """A case-sensitive outlet marker, searched in a whole dump.

    A pattern that opens with ``^`` (a whole line) is searched without it, then checked
    to start a line: a search for plain text is fast, while one for ``^`` tries every
    position of the dump.
    """

    regex: re.Pattern[str]
    line_start: bool = False

    def find(self, text: str) -> int:
        """Where the marker first occurs in ``text``, or -1."""
        pos = 0
        while (m := self.regex.search(text, pos)) is not None:
            at = m.start()
            if not self.line_start or at == 0 or text[at - 1] == "\n":
                return at
            pos = at + 1
        return -1


@dataclass(frozen=True, slots=True)
class Outlet:
    name: str
    detect: tuple[Marker, ...]  # case-sensitive markers, searched in the whole dump
    drop: re.Pattern[str] | None


# A rule's pattern as the engine tries it: compiled, the rule's index and word limit, the
# heads its matches open with and the character class they need (see newskit.heads).
_Alternative = tuple[re.Pattern[str], int, int, frozenset[str] | None, re.Pattern[str] | None]
_Tried = tuple[re.Pattern[str], int, re.Pattern[str] | None]  # ... as a band of lines tries it


class Rules:
    """A loaded rule set: line rules in the order they are tried, and outlet profiles."""

    def __init__(
        self, line_rules: tuple[LineRule, ...], outlets: tuple[Outlet, ...], vocabulary: Vocabulary | None = None
    ) -> None:
        self.line_rules = tuple(line_rules)
        self.outlets = tuple(outlets)
        self.vocabulary = vocabulary or builtin_vocabulary()  # the words the parser's cues look for
        # What later stages build from these rules once (the parser's cues), by name.
        self.derived: dict[str, object] = {}
        # For speed, every pattern of the rules without triggers knows the heads its
        # matches can open with (see newskit.heads): a line is tried only against the
        # patterns whose heads fit its own, in the rules' order, so the first rule that
        # matches wins. Rules with triggers stay apart and are tried one by one, only on
        # lines that hold a trigger.
        # A pattern that may open with anything and needs a character of a class (see
        # newskit.heads.needs) is tried only on lines that hold one.
        self._alternatives = [
            (re.compile(a, re.IGNORECASE | re.DOTALL), k, r.max_words, h,
             re.compile(need) if h is None and (need := needs(a)) else None)
            for k, r in enumerate(self.line_rules) if not r.triggers
            for a in r.anchored
            for h in (heads(a),)
        ]
        # ... and only against those of rules that allow a line of its length: lines
        # fall in bands of lengths that the same rules allow.
        self._limits = sorted({r.max_words for r in self.line_rules})
        self._by_head: dict[str | None, list[_Alternative]] = {}
        self._by_band: dict[tuple[str | None, int, bool], tuple[_Tried, ...]] = {}
        self._gated = [(k, r) for k, r in enumerate(self.line_rules) if r.triggers]
        # Per band, the triggers of the rules with triggers that allow its lines: a line
        # that holds none of them is not lowered and looked through rule by rule.
        # (One search for them all: a test per trigger cost more.)
        self._triggers = [
            any_text({t for _, r in self._gated if r.max_words >= longest for t in r.triggers})
            for longest in self._limits
        ]
        self._max_words = max((r.max_words for r in self.line_rules), default=0)
        # One search a line for every character a pattern needs: a line that holds none is
        # tried against none of the patterns that need one, and one that holds some is
        # searched again for each pattern's own.
        needed = {x[4].pattern for x in self._alternatives if x[4] is not None}
        self._needed = re.compile("[" + "".join(p[1:-1] for p in sorted(needed)) + "]") if needed else None

    def __reduce__(self) -> tuple[type[Rules], tuple[object, ...]]:
        """Pickled as what it was made of: what is derived from it (the parser's cues, the
        match caches) is made again where it is used (a Dask worker)."""
        return (Rules, (self.line_rules, self.outlets, self.vocabulary))

    def match(self, line: str, words: int | None = None) -> str | None:
        """The name of the first rule that removes ``line``, or None."""
        key = rule_key(line)
        if not key:
            return None
        return self.match_key(key, len(key.split()) if words is None else words)

    def match_key(self, key: str, words: int) -> str | None:
        """:meth:`match` of a line's key (its ``rule_key``, not empty) of ``words`` words."""
        if words > self._max_words:
            return None
        head = line_head(key)
        band = bisect_left(self._limits, words)  # the longest line this band holds: _limits[band]
        needed = self._needed is not None and self._needed.search(key) is not None
        if (tried := self._by_band.get((head, band, needed))) is None:
            tried = self._by_band[(head, band, needed)] = self._tried(head, band, needed)
        rules = self.line_rules
        first = len(rules)
        for regex, k, need in tried:
            if (need is None or need.search(key)) and regex.match(key):
                first = k
                break
        triggers = self._triggers[band]
        if triggers is not None and triggers.search(low := key.lower()):
            for k, rule in self._gated:
                if k > first:
                    break
                if words <= rule.max_words and any(map(low.__contains__, rule.triggers)) and rule.regex.match(key):
                    first = k
                    break
        return rules[first].name if first < len(rules) else None

    def _tried(self, head: str | None, band: int, needed: bool) -> tuple[_Tried, ...]:
        """The patterns a line with ``head`` in ``band`` is tried against, in order; with
        ``needed`` False (it holds no character a pattern needs), none that needs one."""
        if (fitting := self._by_head.get(head)) is None:
            fitting = self._by_head[head] = [x for x in self._alternatives if fits(head, x[3])]
        longest = self._limits[band]
        return tuple(
            (regex, k, need) for regex, k, most, _, need in fitting if most >= longest and (needed or need is None)
        )

    def detect_outlet(self, text: str) -> Outlet | None:
        """The outlet whose ``detect`` pattern occurs first in ``text`` (a whole dump)."""
        best: tuple[int, int] | None = None
        for k, outlet in enumerate(self.outlets):
            for marker in outlet.detect:
                at = marker.find(text)
                if at >= 0 and (best is None or at < best[0]):
                    best = (at, k)
        return self.outlets[best[1]] if best is not None else None


# A line as rules see it: trimmed of bullets, arrows and surrounding space.
rule_key = strip_edges


def _anchored(patterns: list[str], mode: str) -> str:
    """The patterns as one regular expression to match at the start of a line."""
    joined = "|".join(f"(?:{p})" for p in patterns)
    if mode == "line":
        return f"(?:{joined})[.!:]?$"
    if mode == "start":
        return f"(?:{joined})"
    return f".*?(?:{joined})"


def _compile(patterns: list[str], mode: str, where: str) -> re.Pattern[str]:
    try:
        if any(re.search(r"\(\?P[<=]|\\[1-9]", p) for p in patterns):
            raise RulesError(f"{where}: named groups and back-references are not allowed")
        return re.compile(_anchored(patterns, mode), re.IGNORECASE | re.DOTALL)
    except re.error as exc:
        raise RulesError(f"{where}: bad pattern: {exc}") from None


def _compile_detect(patterns: list[str], where: str) -> tuple[Marker, ...]:
    """Outlet markers: case-sensitive (an outlet's name is written its own way, and a
    case-sensitive pattern that opens with plain text is searched fast), searched
    anywhere in the dump, ``^``/``$`` meaning the start/end of a line."""
    _compile(patterns, "search", where)  # the same checks as rule patterns
    try:
        return tuple(
            Marker(re.compile(p[1:], re.MULTILINE), True) if p.startswith("^") and "|" not in p
            else Marker(re.compile(p, re.MULTILINE))
            for p in patterns
        )
    except re.error as exc:
        raise RulesError(f"{where}: bad pattern: {exc}") from None


def _parse(data: dict[str, Any], where: str) -> tuple[list[LineRule], list[Outlet]]:
    rules: list[LineRule] = []
    for i, item in enumerate(data.get("rule", [])):
        name = item.get("name")
        patterns = item.get("patterns")
        mode = item.get("match", "line")
        if not isinstance(name, str) or not name:
            raise RulesError(f"{where}: rule #{i + 1} has no name")
        if not isinstance(patterns, list) or not all(isinstance(p, str) for p in patterns):
            raise RulesError(f"{where}: rule {name!r} needs a list of pattern strings")
        if mode not in _MODES:
            raise RulesError(f"{where}: rule {name!r}: match must be one of {sorted(_MODES)}")
        max_words = item.get("max_words", _DEFAULT_MAX_WORDS)
        if not isinstance(max_words, int) or max_words < 1:
            raise RulesError(f"{where}: rule {name!r}: max_words must be a positive integer")
        triggers = item.get("triggers", [])
        if not isinstance(triggers, list) or not all(isinstance(t, str) and t for t in triggers):
            raise RulesError(f"{where}: rule {name!r}: triggers must be a list of strings")
        regex = _compile(patterns, mode, f"{where}: rule {name!r}")
        anchored = tuple(_anchored([p], mode) for p in patterns)
        rules.append(LineRule(name, regex, max_words, anchored, tuple(t.lower() for t in triggers)))
    outlets: list[Outlet] = []
    for i, item in enumerate(data.get("outlet", [])):
        name = item.get("name")
        if not isinstance(name, str) or not name:
            raise RulesError(f"{where}: outlet #{i + 1} has no name")
        detect = item.get("detect", [])
        drop = item.get("drop", [])
        outlets.append(
            Outlet(
                name,
                _compile_detect(detect, f"{where}: outlet {name!r}"),
                _compile(drop, "line", f"{where}: outlet {name!r}") if drop else None,
            )
        )
    return rules, outlets


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise RulesError(f"{path}: rules file not found") from None
    except tomllib.TOMLDecodeError as exc:
        raise RulesError(f"{path}: not valid TOML: {exc}") from None
    except OSError as exc:
        raise RulesError(f"{path}: {exc.strerror or exc}") from None


def user_rules_path() -> Path:
    """Where a user's own rules file is looked for."""
    if env := os.environ.get("NEWSKIT_RULES"):
        return Path(env)
    base = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    return Path(base) / "newskit" / "rules.toml"


@lru_cache(maxsize=1)
def _builtin() -> tuple[tuple[LineRule, ...], tuple[Outlet, ...]]:
    text = resources.files("newskit").joinpath("rules/default.toml").read_text(encoding="utf-8")
    rules, outlets = _parse(tomllib.loads(text), "built-in rules")
    return tuple(rules), tuple(outlets)


def load_rules(extra: Iterable[str | os.PathLike[str]] = (), *, user_config: bool = True) -> Rules:
    """The built-in rules, then the user's config file (if present), then ``extra`` files.

    Later files win: a rule or outlet with an existing name replaces it, and new ones
    come first so that they are tried before the built-in ones.
    """
    builtin_rules, builtin_outlets = _builtin()
    rules, outlets = list(builtin_rules), list(builtin_outlets)
    vocabulary = builtin_vocabulary()
    paths = []
    if user_config and (cfg := user_rules_path()).is_file():
        paths.append(cfg)
    paths.extend(Path(p) for p in extra)
    for path in paths:
        data = _read_toml(path)
        new_rules, new_outlets = _parse(data, str(path))
        if (cues := data.get("cues")) is not None:
            if not isinstance(cues, dict):
                raise RulesError(f"{path}: [cues] must be a table of word lists")
            vocabulary = vocabulary.extended(cues, str(path))
        names = {r.name for r in new_rules}
        rules = new_rules + [r for r in rules if r.name not in names]
        onames = {o.name for o in new_outlets}
        outlets = new_outlets + [o for o in outlets if o.name not in onames]
    return Rules(tuple(rules), tuple(outlets), vocabulary)


@lru_cache(maxsize=1)
def default_rules() -> Rules:
    """The built-in rules only (cached)."""
    rules, outlets = _builtin()
    return Rules(rules, outlets)
