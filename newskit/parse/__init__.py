"""The shared parser: raw dump text in, articles out.

How a dump is read, in order, one module a stage:

1. :mod:`~newskit.parse.features`: every line gets features: its weight (words, or CJK
   characters / 2), whether it ends like a sentence, which boilerplate rule (if any)
   matches it, whether it is a date line.
2. :mod:`~newskit.parse.parts`: the dump is split at its separator lines (form feeds,
   "N of M DOCUMENTS", recurring rules), or as the ``split`` setting says.
   :mod:`~newskit.parse.layout`: hard-wrapped text is joined; each part is split into
   articles where a title-like line is repeated a few lines further on (the headline
   shown twice, as infinite-scroll pages do) and each part has a body of its own.
   Otherwise the whole dump is one article.
3. :mod:`~newskit.parse.body`: in each article the body is the densest run of
   sentence-like lines (a maximum-sum segment: long sentences score by their weight,
   short and boilerplate lines cost).
4. :mod:`~newskit.parse.title`: the title is the best title-like line before the body.
5. :mod:`~newskit.parse.build`: the lines between title and body give dates, byline,
   summary and captions; credit lines are picked from the end. Every line ends up in
   exactly one :class:`~newskit.model.LineRecord`: kept in a field, or removed with the
   name of the rule that removed it.

:mod:`~newskit.parse.cues` holds the text tests the stages share (byline, credit, date
line, title-like). Nothing here is fitted to a particular page: the rules are shapes,
positions, repetition and language cues; site-specific lines live in the rules data files.
The parser takes text; reading files is :mod:`newskit.reader`'s.
"""

from __future__ import annotations

import datetime as dt

from ..model import Document, Kind, LineRecord, Reason
from ..rules import Rules, default_rules
from ..splitting import AUTO, FILE, separator_pattern
from .build import Builder
from .cues import Cues
from .features import Line, features, site_chrome
from .layout import Repeats, Span, join_fragments, join_wrapped
from .layout import split as layout_split
from .outlet import Found, find_outlet, first_line_outlet
from .parts import find_parts, strip_shaped
from .weights import DEFAULT_WEIGHTS, ParseWeights

__all__ = ["AUTO", "FILE", "ParseWeights", "parse_text", "split_lines"]


def split_lines(text: str) -> list[str]:
    """The lines of ``text`` (a final newline ends the last line, it does not start one)."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def parse_text(
    text: str,
    source: str = "<text>",
    rules: Rules | None = None,
    weights: ParseWeights = DEFAULT_WEIGHTS,
    *,
    explain: bool = False,
    split: str = AUTO,
    now: dt.datetime | None = None,
    chrome: frozenset[str] = frozenset(),
) -> Document:
    """Parse one dump's (decoded, normalised) text into a :class:`Document`.

    ``weights`` are the parser's tuned numbers (the shipped ones by default). With
    ``explain``, each article keeps its title candidates and the terms of their scores
    (:attr:`~newskit.model.Article.title_candidates`). ``split`` says where the dump
    splits into articles: ``"auto"``, ``"file"`` (one article per file) or a regular
    expression a whole separator line matches (see :mod:`newskit.parse.parts`; a bad one
    is a :class:`~newskit.errors.SplitError`). ``now`` is the reference time relative
    dates ("2 hours ago", "yesterday") are resolved against, into ``published`` and
    ``updated`` as ISO 8601; without it those stay None where only a relative date is given.
    ``chrome`` is the site chrome learned from a set of inputs (:mod:`newskit.sitechrome`):
    line texts (trimmed) that a line removed by no rule, and holding no date, is removed
    for, as ``site-chrome``.
    """
    rules = rules or default_rules()
    user_parts = separator_pattern(split) is not None or split == FILE
    raw = split_lines(text)
    lines = features(raw, rules, weights.lines)
    if chrome:
        site_chrome(lines, chrome, weights.lines)
    join_wrapped(lines, weights)
    join_fragments(lines, weights)
    doc = Document(source=source, line_count=len(lines))
    if not lines:
        return doc
    cues = Cues.of(rules)
    repeats = Repeats.of(lines)
    found = find_parts(lines, cues, weights, split)
    doc.chrome.extend(LineRecord(i + 1, raw[i], Kind.REMOVED, Reason.SEPARATOR) for i in found.separators)
    doc.notes.extend(_too_little(a, b) for a, b in found.leftovers)
    # Each part of a dump of several documents (pages appended, an export's records) tells
    # its own outlet; a dump of one tells it from the whole text.
    whole_told = None if len(found.spans) > 1 else find_outlet(text, lines, rules, weights.outlet)
    outlets: list[tuple[Found, int]] = []  # each part's outlet and its first article's index
    for lo, hi in found.spans:
        told = whole_told or _part_outlet(raw, lines, lo, hi, rules, weights)
        outlet, drop = told.name, told.drop
        outlets.append((told, len(doc.articles)))
        clean = found.stripped and strip_shaped(lines, lo, hi)
        whole = user_parts or clean or found.documents
        spans = [(lo, hi, None, None)] if whole else layout_split(lines, repeats, cues, weights, lo, hi)
        for start, end, header, lone in spans:
            builder = Builder(Span(lines[start:end], start, repeats), source, outlet, drop, cues, weights, explain, now)
            art = builder.clean() if clean else builder.build(header - start if header is not None else None,
                                                              lone - start if lone is not None else None)
            if art.body or art.title:
                doc.articles.append(art)
                continue
            doc.chrome.extend(
                LineRecord(r.no, r.text, Kind.REMOVED, r.rule if r.kind is Kind.REMOVED else Reason.NO_ARTICLE)
                for r in art.lines
            )
            if (found.separators or found.leftovers) and any(x.key for x in lines[start:end]):
                doc.notes.append(_too_little(start, end))
    doc.chrome.sort(key=lambda r: r.no)
    for k, (told, first) in enumerate(outlets):
        if told.first_line is not None:
            last = outlets[k + 1][1] if k + 1 < len(outlets) else len(doc.articles)
            outlet = first_line_outlet(told, doc.articles[first:last], doc.chrome)
            for art in doc.articles[first:last]:
                art.outlet = outlet
    return doc


def _part_outlet(raw: list[str], lines: list[Line], lo: int, hi: int, rules: Rules, weights: ParseWeights) -> Found:
    """The outlet the part ``[lo, hi)`` of the dump tells (its first line's index in the dump)."""
    told = find_outlet("\n".join(raw[lo:hi]) + "\n", lines[lo:hi], rules, weights.outlet)
    if told.first_line is None:
        return told
    return told._replace(first_line=(told.first_line[0] + lo, told.first_line[1]))


def _too_little(start: int, end: int) -> str:
    """The ``-v`` note on the lines ``[start, end)``: a part kept as chrome."""
    return f"lines {start + 1}-{end}: too little body for an article, kept as chrome"
