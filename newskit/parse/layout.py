"""Layout: how a dump sets its lines out, before any article is built.

Hard-wrapped text is joined into paragraphs; every line learns where its text shows
next and last (:class:`Repeats`); the dump is split into article spans where a headline
repeats; and a :class:`Span` lets the later stages walk one article's lines.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from ..text import is_bullet
from .cues import Cues
from .features import Line, cells, make_line
from .parts import body_weight
from .weights import LayoutWeights, LineWeights, ParseWeights

# --- hard-wrapped text --------------------------------------------------------------


def wrap_width(lines: list[Line], lw: LayoutWeights) -> int | None:
    """The width a dump was hard-wrapped at, or None if it was not.

    Wrapped text (wire copy from e-mail, plain-text archives) has lines that stop near one
    width and rarely pass it, and many of them run on into the next line.
    """
    lens = [x.width for x in lines if x.key]
    n = len(lens)
    if n < lw.wrap_min_lines:
        return None
    lens.sort()  # (so that the lines over a length are counted by bisection)
    outliers = lw.wrap_outliers * n
    if n - bisect_right(lens, lw.wrap_unwrapped) > outliers:
        return None  # rendered pages: paragraphs run on in long lines, more than 5 % over any width
    width = lens[int(lw.wrap_quantile * (n - 1))]
    if not lw.wrap_min_width <= width <= lw.wrap_max_width or n - bisect_right(lens, width + lw.wrap_slack) > outliers:
        return None
    runs_on = sum(
        1 for a, b in zip(lines, lines[1:], strict=False)
        if a.key and b.key and a.width >= lw.wrap_fill * width
    )
    return width if runs_on >= lw.wrap_runs_on * n else None


def join_wrapped(lines: list[Line], weights: ParseWeights) -> None:
    """In hard-wrapped text, let the first line of each wrapped paragraph stand for it."""
    width = wrap_width(lines, weights.layout)
    fill = weights.layout.wrap_fill
    lw = weights.lines
    if width is None:
        return
    i, n = 0, len(lines)
    while i < n:
        j = i
        while (j + 1 < n and lines[j + 1].key and not lines[j + 1].rule and not lines[j].rule
               and lines[j].width >= fill * width
               and not is_bullet(lines[j + 1].text)):
            j += 1
        if j > i:
            _join(lines, i, j, lw)
        i = j + 1


def _join(lines: list[Line], i: int, j: int, lw: LineWeights) -> None:
    """Let line ``i`` stand for lines ``i`` to ``j``: the others continue it (``merged``)."""
    head = lines[i]
    for k in range(i + 1, j + 1):  # lines are shared: changed ones are new objects
        x = lines[k]
        lines[k] = make_line(
            x.text, x.key, x.weight, x.sentence, x.rule, x.dates, x.fold, lw,
            merged=True, home=x.home, cut=x.cut, signed=x.signed, framed=x.framed,
        )
    weight = sum(x.weight for x in lines[i : j + 1])
    home = head.home and weight <= lw.home_weight
    lines[i] = make_line(
        head.text, head.key, weight, lines[j].sentence, head.rule, head.dates, "", lw, j - i, home=home,
        cut=head.cut, signed=head.signed, framed=head.framed,
    )


# A line that ends a sentence (or a clause, or a quotation) does not run on.
_ENDS = re.compile(r"[.!?:;…\"'”’)\]]\s*$")


def _lower(x: Line) -> bool:
    first = x.text.lstrip()[:1]
    return first.isalpha() and first.islower()


def continues(a: Line, b: Line, lw: LayoutWeights) -> bool:
    """Whether line ``b``, right under ``a``, is the rest of ``a``'s paragraph: ``a`` is a
    line of words long enough to be part of a paragraph and ends no sentence, and ``b``
    opens with a lower-case letter (a paragraph that a table cell, a ``<br>`` or a
    converter broke into lines)."""
    if a.blank or b.blank or a.rule or b.rule or a.joined or a.merged or a.width < lw.fragment_min_width:
        return False
    if cells(a.text) > 1 or cells(b.text) > 1:  # cells side by side: columns, not one paragraph
        return False
    return _lower(b) and not _ENDS.search(a.text) and not is_bullet(b.text)


def join_fragments(lines: list[Line], weights: ParseWeights) -> None:
    """Join the fragments of one paragraph that stand on lines of their own (see
    :func:`continues`) as hard-wrapped lines are joined: the first stands for them all, the
    others are kept with it (``Reason.CONTINUED``)."""
    lw = weights.layout
    if lw.fragment_min_width <= 0:
        return
    i, n = 0, len(lines)
    while i < n:
        j = i
        # a paragraph opens with a sentence: a run under a line in lower case is a list
        # (tags over teasers: "election 2012 2:35 PM This Year Was…")
        while j + 1 < n and not _lower(lines[i]) and continues(lines[j], lines[j + 1], lw):
            j += 1
        if j > i:
            _join(lines, i, j, weights.lines)
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


def headers(
    lines: list[Line], repeats: Repeats, cues: Cues, lw: LayoutWeights, start: int = 0, end: int | None = None
) -> list[int]:
    """Indices of article headers in ``[start, end)``: a title-like line shown again a few
    lines on, with a date line in between or right after (the header an infinite-scroll
    page repeats for every article). The same title twice is not two articles."""
    heads: list[int] = []
    titles: set[str] = set()
    end = len(lines) if end is None else end
    for i in range(start, end):
        line = lines[i]
        j = repeats.next[i]
        if j < 0 or j >= end or j - i >= lw.header_span or line.fold in titles \
                or not any(x.key for x in lines[i + 1 : j]):  # twice in a row: a teaser's picture and link
            continue
        if line.weight < lw.header_min_weight:
            found = _short_header(lines, i, j)
        else:
            found = cues.title_like(line) and any(x.dates for x in lines[i + 1 : j + lw.header_date_after])
        # (a commenter's signature, "Jane Roe says:", or a line shown on every comment is none;
        # nor a comment quoted in a reply, a commenter's signature between the two showings)
        if found and not cues.says(line.text) and not _shown_more(repeats, i, start, end, lw.header_max_shows) \
                and not any(cues.says(x.text) or x.rule in cues.page_comments for x in lines[i + 1 : j]) \
                and not _block_shown_twice(lines, i, j, start):
            heads.append(i)
            titles.add(line.fold)
    return heads


def _block_shown_twice(lines: list[Line], i: int, j: int, start: int) -> bool:
    """Whether the line of words over line ``i`` shows over line ``j`` too: a block printed
    twice (a comment's name, date and text), no headline shown again under its date."""
    over_i = next((lines[k] for k in range(i - 1, start - 1, -1) if lines[k].key), None)
    over_j = next((lines[k] for k in range(j - 1, i, -1) if lines[k].key), None)
    return over_i is not None and over_j is not None and bool(over_i.fold) and over_i.fold == over_j.fold


def _shown_more(repeats: Repeats, i: int, start: int, end: int, most: int) -> bool:
    """Whether line ``i``'s text shows more than ``most`` times in ``[start, end)``."""
    count = 1
    for step in (repeats.next, repeats.prev):
        j = step[i]
        while start <= j < end:
            count += 1
            if count > most:
                return True
            j = step[j]
    return False


def _apart(lines: list[Line], i: int) -> bool:
    """Whether line ``i`` stands as a paragraph of its own (blank lines or the dump's ends
    above and below it)."""
    return (i == 0 or lines[i - 1].blank) and (i + 1 == len(lines) or lines[i + 1].blank)


def _short_header(lines: list[Line], i: int, j: int) -> bool:
    """A headline of one or two words ("Opinion") heads an article in the stricter shape of
    a header: shown again word for word, both showings standing apart as paragraphs of
    their own (a comment's sign-off "Mike" over a reply to "Mike," is not), what stands between
    them is a header's (a date line, no body-like line), and a body-like line opens the
    story under the second."""
    x = lines[i]
    if x.key != lines[j].key or x.dates or x.sentence or not any(ch.isalpha() for ch in x.key) \
            or not (_apart(lines, i) and _apart(lines, j)):
        return False
    between = lines[i + 1 : j]
    if not any(y.dates for y in between) or any(y.good or y.sentence for y in between):
        return False
    after = next((y for y in lines[j + 1 :] if y.key), None)  # the story opens under it
    return after is not None and after.good and not after.rule


def _headline(lines: list[Line], repeats: Repeats, i: int) -> bool:
    """Whether header ``i`` reads as a headline at both its showings: neither is a
    sentence or a body-like line (a quote shown twice, a comment form's "Sign in to
    comment." are not)."""
    return not any(x.sentence or x.good for x in (lines[i], lines[repeats.next[i]]))


def split(
    lines: list[Line], repeats: Repeats, cues: Cues, weights: ParseWeights, start: int = 0, end: int | None = None
) -> list[tuple[int, int, int | None, int | None]]:
    """The article spans of the part ``[start, end)`` of the dump (all of it by default),
    as (start, end_exclusive, header index or None, lone header index or None). A lone
    header is the one header found where there is no split: it heads the article only if
    the body run found without it would hold it (see :meth:`Builder.build`)."""
    stop = len(lines) if end is None else end
    heads = headers(lines, repeats, cues, weights.layout, start, stop)
    spans: list[tuple[int, int, int | None, int | None]] = []
    for k, h in enumerate(heads):
        end = heads[k + 1] if k + 1 < len(heads) else stop
        if body_weight(lines, h, end) < weights.body.min_body_weight:
            if spans:  # no body of its own: it belongs to the article before
                s, _, hh, _ = spans[-1]
                spans[-1] = (s, end, hh, None)
            continue
        spans.append((h, end, h, None))
    if len(spans) < 2:  # noqa: PLR2004 (one header is no split)
        return [(start, stop, None, spans[0][0] if spans and _headline(lines, repeats, spans[0][0]) else None)]
    first, first_end, first_head, _ = spans[0]
    if body_weight(lines, start, first) >= weights.body.min_body_weight:
        return [(start, first, None, None), *spans]  # a body of its own above the first headline: an article too
    spans[0] = (start, first_end, first_head, None)  # what comes before the first headline is that article's chrome
    return spans


# --- one article's lines --------------------------------------------------------------


class Span:
    """One article's lines, where they start in the dump, and the dump's repeats."""

    __slots__ = ("lines", "offset", "repeats")

    def __init__(self, lines: list[Line], offset: int = 0, repeats: Repeats | None = None) -> None:
        self.lines = lines
        self.offset = offset  # where these lines start in the dump (line number offset + 1)
        self.repeats = repeats or Repeats.of(lines)  # the dump's, by index in the dump

    def below(self, i: int, end: int | None = None) -> int | None:
        """The nearest non-blank line below line ``i`` (and before ``end``)."""
        lines = self.lines
        for x in range(i + 1, len(lines) if end is None else end):
            if not lines[x].blank:
                return x
        return None

    def above(self, i: int, start: int = 0) -> int | None:
        """The nearest non-blank line above line ``i`` (from ``start`` on)."""
        lines = self.lines
        for x in range(i - 1, start - 1, -1):
            if not lines[x].blank:
                return x
        return None

    def repeated(self, i: int) -> bool:
        """Whether line ``i``'s text (folded) shows again in this article's span."""
        lo, hi = self.offset, self.offset + len(self.lines)
        return bool(self.lines[i].fold) and (
            lo <= self.repeats.prev[lo + i] or 0 <= self.repeats.next[lo + i] < hi
        )
