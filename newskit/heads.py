"""What the matches of a regular expression can start with.

The rules engine matches every line against many patterns. Most patterns can only match
lines that open with a few two-letter heads ("sh" for "share", "fo" for "follow"), so a
line needs trying only against the patterns whose heads fit its own. :func:`heads` reads
those heads from the parse tree of Python's own regular-expression parser, for a
case-insensitive match at the start of a line. Whatever it does not know, it answers
with "anything", which is always safe: it can only cost speed, never a match.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

N = 2  # heads are this many characters long (or shorter, where a match may end sooner)

# The only characters outside ASCII that match an ASCII one when case is ignored
# (Python's re; a test checks this over the Basic Multilingual Plane).
ASCII_FOLDS = {0x130: "i", 0x131: "i", 0x17F: "s", 0x212A: "k"}

_State = tuple[str, bool]  # a head so far, and whether later items may still extend it


def heads(pattern: str) -> frozenset[str] | None:
    """Lower-case ASCII strings of at most :data:`N` characters, one of which begins
    every ASCII line head (the line's first ``N`` characters, lower case) the pattern can
    match at; None when that cannot be told (a match may start with anything).

    A line whose head is not all ASCII has to be tried against every pattern.
    """
    try:
        from re import _parser  # type: ignore[attr-defined]  # the parser re.compile uses

        tree = _parser.parse(pattern, re.IGNORECASE | re.DOTALL)
        states = _sequence(list(tree), {("", True)})
    except Exception:  # noqa: BLE001 - a parse tree this module does not know only costs speed
        return None
    found = frozenset(s for s, _ in states)
    return None if "" in found else found


def _sequence(items: list[Any], states: set[_State]) -> set[_State]:
    for op, av in items:
        growing = {st for st in states if st[1] and len(st[0]) < N}
        out = {(s, False) for s, _ in states - growing}
        if growing:
            out |= _item(str(op), av, growing)
        states = out
        if not any(grow for _, grow in states):
            break
    return states


def _item(op: str, av: Any, states: set[_State]) -> set[_State]:
    if op in ("AT", "ASSERT", "ASSERT_NOT"):  # zero-width: what follows decides
        return states
    chars: set[str] | None
    if op == "LITERAL":
        chars = _chars(av, av)
    elif op == "IN":
        chars = _char_class(av)
    elif op == "BRANCH":
        return set().union(*(_sequence(list(alt), states) for alt in av[1]))
    elif op == "SUBPATTERN":
        return _sequence(list(av[3]), states)
    elif op == "ATOMIC_GROUP":
        return _sequence(list(av), states)
    elif op in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        return _repeat(av, states)
    else:  # any character, a negated one, a back-reference...: the head stops here
        chars = None
    if chars is None:
        return {(s, False) for s, _ in states}
    return {(s + c, True) for s, _ in states for c in chars}


def _repeat(av: Any, states: set[_State]) -> set[_State]:
    low, high, sub = av
    out = set(states) if low == 0 else set()
    cur = states
    for count in range(1, N + 2):
        if count > high:
            return out
        cur = _sequence(list(sub), cur)
        if count >= low:
            out |= cur
        if not any(grow and len(s) < N for s, grow in cur):
            break
    if count < low:  # cut short: the heads reached so far stand for the rest
        out |= {(s, False) for s, _ in cur}
    return out


def _char_class(items: Any) -> set[str] | None:
    out: set[str] = set()
    for op, arg in items:
        op = str(op)
        if op == "LITERAL":
            out |= _chars(arg, arg)
        elif op == "RANGE":
            out |= _chars(*arg)
        elif op == "CATEGORY" and str(arg) == "CATEGORY_DIGIT":
            out |= set("0123456789")  # other digits are not ASCII
        else:  # a negated class, \w, \s...
            return None
    return out


_ASCII_END = 128  # the first code point past ASCII


def _chars(lo: int, hi: int) -> set[str]:
    """The lower-case ASCII characters code points lo..hi match, case ignored."""
    out = {chr(c).lower() for c in range(lo, min(hi, _ASCII_END - 1) + 1)}
    if hi >= _ASCII_END:
        out.update(f for c, f in ASCII_FOLDS.items() if lo <= c <= hi)
    return out


def line_head(key: str) -> str | None:
    """A line's head as :func:`heads` sees it, or None if it is not all ASCII."""
    head = key[:N]
    return head.lower() if head.isascii() else None


def fits(line: str | None, found: frozenset[str] | None) -> bool:
    """Whether a line with head ``line`` may match a pattern with heads ``found``."""
    # Heads are at most N = 2 characters: those that begin ``line`` are its first one or two.
    return found is None or line is None or line in found or line[:1] in found


# --- what every match holds -----------------------------------------------------------

_MOST_NEEDED = 8  # a needed class of more characters than this is not worth a search


def needs(pattern: str) -> str | None:
    """A character class (``"[>›»]"``) one of whose characters every match of the pattern
    holds somewhere, case ignored, or None if none is known; only punctuation and ASCII
    symbols, which have no case, are counted.

    Most patterns are told apart by their heads; a few may open with anything (a
    breadcrumb trail, "[^>]{1,30} > ..."), and are dear to try on every line: a line
    without the character they need is not tried. As with :func:`heads`, what this
    does not know it answers with None, which is always safe.
    """
    try:
        from re import _parser  # type: ignore[attr-defined]  # the parser re.compile uses

        found = _needed(list(_parser.parse(pattern, re.IGNORECASE | re.DOTALL)))
    except Exception:  # noqa: BLE001 - a parse tree this module does not know only costs speed
        return None
    return "[" + "".join(re.escape(c) for c in sorted(found)) + "]" if found else None


def _needed(items: list[Any]) -> frozenset[str] | None:
    """The smallest set of caseless characters one of which every match of ``items`` holds."""
    best: frozenset[str] | None = None
    for op, av in items:
        found = _needed_item(str(op), av)
        if found and (best is None or len(found) < len(best)):
            best = found
    return best


def _needed_item(op: str, av: Any) -> frozenset[str] | None:
    if op == "LITERAL":
        return frozenset(chr(av)) if _caseless(chr(av)) else None
    if op == "IN":
        chars: set[str] = set()
        for sub, arg in av:
            if str(sub) != "LITERAL" or not _caseless(chr(arg)):  # a range, a category, a negation
                return None
            chars.add(chr(arg))
        return frozenset(chars) if len(chars) <= _MOST_NEEDED else None
    if op == "SUBPATTERN":
        return _needed(list(av[3]))
    if op == "ATOMIC_GROUP":
        return _needed(list(av))
    if op in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and av[0] >= 1:
        return _needed(list(av[2]))
    if op == "BRANCH":  # one of each alternative's
        union: set[str] = set()
        for alt in av[1]:
            found = _needed(list(alt))
            if not found:
                return None
            union |= found
        return frozenset(union) if len(union) <= _MOST_NEEDED else None
    return None


def _caseless(c: str) -> bool:
    """An ASCII character that is no letter, digit nor space, or a punctuation mark: it
    matches itself alone when case is ignored (no other character folds to it). (Spaces
    are caseless too, but nearly every line holds one.)"""
    if c.isascii():
        return not c.isalnum() and not c.isspace()
    return unicodedata.category(c).startswith("P") and c.lower() == c == c.upper()
