"""Lexical cohesion: how much the text on both sides of a line is about the same things.

The paragraphs of one article come back to its own words (its people, places, subject);
two articles set one after another share only the words of the language. Where a dump may
hold several articles with no chrome between them (a digest), the words of the lines
before a candidate start and of those after it are compared (TextTiling, Hearst 1997): a
subheading inside an article stands between paragraphs about the same things, a new
article's headline between two subjects.

Each side is a bag of content words (:func:`newskit.text.content_words`: words of four
letters or more, CJK character pairs), counted by the lines of words that hold them,
within ``layout.digest_window`` words of the candidate. Words are weighted by how rare
they are in the lines of the part (inverse line frequency), so that the words every
article uses count for little; the cohesion is the cosine of the two weighted bags,
0 (nothing in common) to 1.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections import Counter

from ..text import content_words
from .features import Line


class Cohesion:
    """The cohesion across any line of words of ``[lo, hi)`` (see the module docstring)."""

    __slots__ = ("_idf", "_pos", "_weights", "_window", "_words", "rows")

    def __init__(self, lines: list[Line], lo: int, hi: int, window: int, bodies: bool = False) -> None:
        # bodies: only the body-like lines (no rule's) count, so that two pages' chrome
        # (a footer, a menu) leaves their articles' words to tell them apart.
        self.rows = [i for i in range(lo, hi) if (lines[i].good and not lines[i].rule if bodies else lines[i].key)]
        self._pos = {i: k for k, i in enumerate(self.rows)}
        self._words = [content_words(lines[i].key) for i in self.rows]
        self._weights = [lines[i].weight for i in self.rows]
        seen: Counter[str] = Counter()
        for words in self._words:
            seen.update(words)
        total = len(self.rows)
        self._idf = {w: math.log(total / n) for w, n in seen.items()}
        self._window = window

    def _bag(self, ks: range) -> Counter[str]:
        bag: Counter[str] = Counter()
        got = 0
        for k in ks:
            if got >= self._window:
                break
            bag.update(self._words[k])
            got += self._weights[k]
        return bag

    def across(self, at: int) -> float:
        """The cohesion between the lines of words before line ``at`` and those from
        ``at`` on; ``at`` is a line of words of the part."""
        k = self._pos[at]
        return self._cosine(self._bag(range(k - 1, -1, -1)), self._bag(range(k, len(self.rows))))

    def between(self, end: int, start: int) -> float:
        """The cohesion between the lines of words up to line ``end`` and those from line
        ``start`` on (the lines between them left out)."""
        last, first = bisect_right(self.rows, end) - 1, bisect_left(self.rows, start)
        return self._cosine(self._bag(range(last, -1, -1)), self._bag(range(first, len(self.rows))))

    def _cosine(self, before: Counter[str], after: Counter[str]) -> float:
        idf = self._idf
        norm_b = math.sqrt(sum((n * idf[w]) ** 2 for w, n in before.items()))
        norm_a = math.sqrt(sum((n * idf[w]) ** 2 for w, n in after.items()))
        if not norm_b or not norm_a:  # every word on every line: the same text (1), or no words (0)
            return 1.0 if before.keys() & after.keys() else 0.0
        dot = sum(n * after[w] * idf[w] ** 2 for w, n in before.items() if w in after)
        return dot / (norm_b * norm_a)
