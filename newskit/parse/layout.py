"""Layout: how a dump sets its lines out, before any article is built.

Hard-wrapped text is joined into paragraphs; every line learns where its text shows
next and last (:class:`Repeats`); the dump is split into article spans where a headline
repeats; and a :class:`Span` lets the later stages walk one article's lines.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..text import BULLET
from .body import MIN_BODY_WEIGHT
from .cues import Cues
from .features import Line, make_line

WRAP_FILL = 0.6  # hard-wrapped text: a line this full (of the wrap width) runs on
HEADER_SPAN = 12  # how far on a repeated headline is looked for


# --- hard-wrapped text --------------------------------------------------------------


def wrap_width(lines: list[Line]) -> int | None:
    """The width a dump was hard-wrapped at, or None if it was not.

    Wrapped text (wire copy from e-mail, plain-text archives) has lines that stop near one
    width and rarely pass it, and many of them run on into the next line.
    """
    lens = [x.width for x in lines if x.key]
    if len(lens) < 8 or sum(n > 110 for n in lens) > 0.05 * len(lens):
        return None  # rendered pages: paragraphs run on in long lines, more than 5 % over any width
    lens.sort()
    width = lens[int(0.9 * (len(lens) - 1))]
    if not 40 <= width <= 100 or sum(n > width + 10 for n in lens) > 0.05 * len(lens):
        return None
    runs_on = sum(
        1 for a, b in zip(lines, lines[1:], strict=False)
        if a.key and b.key and a.width >= WRAP_FILL * width
    )
    return width if runs_on >= 0.25 * len(lens) else None


def join_wrapped(lines: list[Line]) -> None:
    """In hard-wrapped text, let the first line of each wrapped paragraph stand for it."""
    width = wrap_width(lines)
    if width is None:
        return
    i, n = 0, len(lines)
    while i < n:
        head = lines[i]
        j = i
        while (j + 1 < n and lines[j + 1].key and not lines[j + 1].rule and not lines[j].rule
               and lines[j].width >= WRAP_FILL * width
               and not BULLET.match(lines[j + 1].text)):
            j += 1
        if j > i:  # lines are shared: changed ones are new objects
            for k in range(i + 1, j + 1):
                x = lines[k]
                lines[k] = make_line(
                    x.text, x.key, x.weight, x.sentence, x.rule, x.dates, x.fold, merged=True, home=x.home
                )
            weight = sum(x.weight for x in lines[i : j + 1])
            home = head.home and weight <= 2
            lines[i] = make_line(
                head.text, head.key, weight, lines[j].sentence, head.rule, head.dates, "", j - i, home=home
            )
        i = j + 1


# --- repeats ------------------------------------------------------------------------


@dataclass(slots=True)
class Repeats:
    """Where each line's text (folded) shows next and last showed: indices, or -1."""

    next: list[int]
    prev: list[int]

    @classmethod
    def of(cls, lines: list[Line]) -> Repeats:
        n = len(lines)
        nxt, prv = [-1] * n, [-1] * n
        last: dict[str, int] = {}
        for i in range(n - 1, -1, -1):
            fold = lines[i].fold
            if fold:
                j = nxt[i] = last.get(fold, -1)
                if j >= 0:
                    prv[j] = i
                last[fold] = i
        return cls(nxt, prv)


# --- splitting a dump into articles ---------------------------------------------------


def headers(lines: list[Line], repeats: Repeats, cues: Cues) -> list[int]:
    """Indices of article headers: a title-like line shown again a few lines on, with a
    date line in between or right after (the header an infinite-scroll page repeats for
    every article). The same title twice is not two articles."""
    heads: list[int] = []
    titles: set[str] = set()
    for i, line in enumerate(lines):
        j = repeats.next[i]
        if j < 0 or j - i >= HEADER_SPAN or line.weight < 3 or line.fold in titles:
            continue
        if cues.title_like(line) and any(x.dates for x in lines[i + 1 : j + 4]):
            heads.append(i)
            titles.add(line.fold)
    return heads


def _body_weight(lines: list[Line]) -> int:
    return sum(x.weight for x in lines if x.good and not x.rule)


def split(lines: list[Line], repeats: Repeats, cues: Cues) -> list[tuple[int, int, int | None]]:
    """Article spans as (start, end_exclusive, header index or None)."""
    heads = headers(lines, repeats, cues)
    spans: list[tuple[int, int, int | None]] = []
    for k, h in enumerate(heads):
        end = heads[k + 1] if k + 1 < len(heads) else len(lines)
        if _body_weight(lines[h:end]) < MIN_BODY_WEIGHT:
            if spans:  # no body of its own: it belongs to the article before
                s, _, hh = spans[-1]
                spans[-1] = (s, end, hh)
            continue
        spans.append((h, end, h))
    if len(spans) < 2:
        return [(0, len(lines), None)]
    _, first_end, first_head = spans[0]
    spans[0] = (0, first_end, first_head)  # what comes before the first headline is that article's chrome
    return spans


# --- one article's lines --------------------------------------------------------------


class Span:
    """One article's lines, where they start in the dump, and the dump's repeats."""

    __slots__ = ("lines", "offset", "repeats")

    def __init__(self, lines: list[Line], offset: int = 0, repeats: Repeats | None = None) -> None:
        self.lines = lines
        self.offset = offset  # where these lines start in the dump (line number offset + 1)
        self.repeats = repeats or Repeats.of(lines)  # the dump's, by index in the dump

    def below(self, i: int) -> int | None:
        """The nearest non-blank line below line ``i``."""
        return next((x for x in range(i + 1, len(self.lines)) if not self.lines[x].blank), None)

    def above(self, i: int) -> int | None:
        """The nearest non-blank line above line ``i``."""
        return next((x for x in range(i - 1, -1, -1) if not self.lines[x].blank), None)

    def repeated(self, i: int) -> bool:
        """Whether line ``i``'s text (folded) shows again in this article's span."""
        lo, hi = self.offset, self.offset + len(self.lines)
        return bool(self.lines[i].fold) and (
            lo <= self.repeats.prev[lo + i] or 0 <= self.repeats.next[lo + i] < hi
        )
