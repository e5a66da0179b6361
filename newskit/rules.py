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
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .errors import RulesError

_DEFAULT_MAX_WORDS = 12
_MODES = {"line", "start", "search"}
# What a line is stripped of before rules see it: bullets and arrows around it.
_EDGE = re.compile(r"^[\s•·●▪■►▶◆◦‣\-–—*>|»›:\[(]+|[\s•·●▪■►▶◆◦‣\-–—*>|»›:\])]+$")


@dataclass(frozen=True, slots=True)
class LineRule:
    name: str
    regex: re.Pattern[str]
    max_words: int

    def matches(self, line: str, words: int) -> bool:
        return words <= self.max_words and self.regex.search(line) is not None


@dataclass(frozen=True, slots=True)
class Outlet:
    name: str
    detect: re.Pattern[str] | None
    drop: re.Pattern[str] | None


@dataclass(frozen=True, slots=True)
class Rules:
    line_rules: tuple[LineRule, ...]
    outlets: tuple[Outlet, ...]

    def match(self, line: str) -> str | None:
        """The name of the first rule that removes ``line``, or None."""
        key = rule_key(line)
        if not key:
            return None
        words = len(key.split())
        for rule in self.line_rules:
            if rule.matches(key, words):
                return rule.name
        return None

    def detect_outlet(self, lines: Iterable[str]) -> Outlet | None:
        """The first outlet whose ``detect`` pattern occurs in one of ``lines``."""
        candidates = [o for o in self.outlets if o.detect is not None]
        for line in lines:
            for outlet in candidates:
                if outlet.detect is not None and outlet.detect.search(line):
                    return outlet
        return None


def rule_key(line: str) -> str:
    """A line as rules see it: trimmed of bullets, arrows and surrounding space."""
    return _EDGE.sub("", line)


def _compile(patterns: list[str], mode: str, where: str) -> re.Pattern[str]:
    try:
        joined = "|".join(f"(?:{p})" for p in patterns)
        if mode == "line":
            joined = f"^(?:{joined})[.!:]?$"
        elif mode == "start":
            joined = f"^(?:{joined})"
        return re.compile(joined, re.IGNORECASE)
    except re.error as exc:
        raise RulesError(f"{where}: bad pattern: {exc}") from None


def _parse(data: dict, where: str) -> tuple[list[LineRule], list[Outlet]]:
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
        rules.append(LineRule(name, _compile(patterns, mode, f"{where}: rule {name!r}"), max_words))
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
                _compile(detect, "search", f"{where}: outlet {name!r}") if detect else None,
                _compile(drop, "line", f"{where}: outlet {name!r}") if drop else None,
            )
        )
    return rules, outlets


def _read_toml(path: Path) -> dict:
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
    rules, outlets = (list(x) for x in _builtin())
    paths = []
    if user_config and (cfg := user_rules_path()).is_file():
        paths.append(cfg)
    paths.extend(Path(p) for p in extra)
    for path in paths:
        new_rules, new_outlets = _parse(_read_toml(path), str(path))
        names = {r.name for r in new_rules}
        rules = new_rules + [r for r in rules if r.name not in names]
        onames = {o.name for o in new_outlets}
        outlets = new_outlets + [o for o in outlets if o.name not in onames]
    return Rules(tuple(rules), tuple(outlets))


@lru_cache(maxsize=1)
def default_rules() -> Rules:
    """The built-in rules only (cached)."""
    rules, outlets = _builtin()
    return Rules(rules, outlets)
