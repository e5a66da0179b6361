"""The article model: plain data, no I/O, no parsing.

Every input line of a dump ends up in exactly one :class:`LineRecord`, either inside an
:class:`Article` (as part of one of its fields, or removed with a named rule) or in the
``chrome`` of the :class:`Document` (lines between or around articles).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import NamedTuple

from .language import detect_parts
from .text import word_count


class Kind(StrEnum):
    """Where a line went."""

    TITLE = "title"
    DATE = "date"
    BYLINE = "byline"
    SUMMARY = "summary"
    CAPTION = "caption"
    BODY = "body"
    CREDIT = "credit"
    REMOVED = "removed"


class Reason(StrEnum):
    """Why the parser removed a line, where no boilerplate rule did (a rule's lines give
    the rule's own name, from the rules files)."""

    BLANK = "blank"  # an empty line
    CONTINUED = "continued"  # hard-wrapped text: it continues the line above (which tells its kind)
    OUTLET = "outlet-boilerplate"  # a line of the outlet's own chrome (its profile's ``drop``)
    REPEATED_TITLE = "repeated-title"  # the headline shown again under itself
    REPEATED_SUMMARY = "repeated-summary"  # a standfirst or caption shown twice
    REPEATED_PARAGRAPH = "repeated-paragraph"  # a body paragraph shown again in the same body (a page printed twice)
    BYLINE_REPEAT = "byline-repeat"  # a second byline
    SHORT_LINE = "short-line"  # a short line inside the body run that no field takes
    CHROME = "chrome"  # outside the body run: the page's, not the article's
    NO_ARTICLE = "no-article"  # a part of the dump with no article in it
    SEPARATOR = "separator"  # a separator line between two documents ("----", a form feed, "2 of 9 DOCUMENTS")
    HTML = "html-input"  # the input looks like an HTML page, not a text dump: not parsed
    SITE_CHROME = "site-chrome"  # its text recurs on many pages of the same site (``--site-chrome``)


class LineRecord(NamedTuple):
    """One input line and what the parser did with it.

    ``no`` is 1-based. ``rule`` names the rule that removed the line (``kind`` is
    ``REMOVED``) or, for kept lines, may name the rule that classified it. (A named
    tuple: a dump has many lines, and a tuple is the cheapest record to make.)
    """

    no: int
    text: str
    kind: Kind
    rule: str = ""


class TitleScore(NamedTuple):
    """One title candidate of an article, as ``show --explain`` lists it: its line number,
    its text, the terms of its score (name and value, in the order they are added), their
    total, and whether it became the title."""

    no: int
    text: str
    terms: tuple[tuple[str, float], ...]
    total: float
    chosen: bool


@dataclass(slots=True)
class Article:
    """One article found in a dump."""

    source: str
    start: int  # first line number, 1-based, inclusive
    end: int  # last line number, inclusive
    title: str = ""
    outlet: str | None = None
    # ISO 8601 ("2019-11-19", "2019-11-19T22:31-06:00": the time and its UTC offset when
    # the dump gives them); a relative date is ISO only when resolved against ``--now``.
    published: str | None = None
    updated: str | None = None
    published_relative: str | None = None  # a relative date as written ("2 hours ago", "Today 12:01 AM")
    updated_relative: str | None = None
    dateline: str | None = None
    byline: str | None = None  # the byline as written ("By Jane Doe, Staff Writer")
    authors: list[str] = field(default_factory=list)  # the names in it (["Jane Doe"])
    summary: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    id: str = ""
    # Source metadata of a crawl record (``url``, ``id``, ``date`` as the crawl gives them;
    # see :class:`newskit.reader.Records`); empty for a plain dump.
    meta: dict[str, str] = field(default_factory=dict)
    # The title candidates with the terms of their scores, best first; only when the
    # parser was asked to explain (``parse_text(..., explain=True)``), else None.
    title_candidates: list[TitleScore] | None = field(default=None, repr=False, compare=False)
    # The line records of the article's span (see ``lines``), or how to make them: the
    # parser hands over a picklable callable, as most uses never look at the records.
    _lines: list[LineRecord] | None = field(default=None, repr=False, compare=False)
    _make_lines: Callable[[], list[LineRecord]] | None = field(default=None, repr=False, compare=False)
    _make_record: Callable[[int], LineRecord] | None = field(default=None, repr=False, compare=False)  # one of them
    # The language, told on first use (see ``language``): most uses never ask.
    _language: str | None = field(default=None, repr=False, compare=False)
    _language_told: bool = field(default=False, repr=False, compare=False)

    @property
    def language(self) -> str | None:
        """The ISO 639-1 code of the language of the title and body ("en", "pt"), or None
        where they are too short to tell (see :mod:`newskit.language`). Told on first use."""
        if not self._language_told:
            self._language = detect_parts([self.title, *self.body])
            self._language_told = True
        return self._language

    @property
    def lines(self) -> list[LineRecord]:
        """A record for every line of the article's span, in order."""
        if self._lines is None:
            self._lines = self._make_lines() if self._make_lines is not None else []
            self._make_lines = None
        return self._lines

    @lines.setter
    def lines(self, records: list[LineRecord]) -> None:
        self._lines, self._make_lines, self._make_record = records, None, None

    def line(self, no: int) -> LineRecord | None:
        """The record of line ``no`` (1-based, as in the dump), None outside the article's
        span; made alone where the records are not made yet (a page's first line, asked
        whether it is chrome, needs not the records of every line)."""
        if not self.start <= no <= self.end:
            return None
        if self._lines is None and self._make_record is not None:
            return self._make_record(no)
        return next((r for r in self.lines if r.no == no), None)

    @property
    def text(self) -> str:
        """The body paragraphs joined by blank lines."""
        return "\n\n".join(self.body)

    @property
    def removed(self) -> list[LineRecord]:
        """Non-blank lines removed from this article's span, each with its rule."""
        return [r for r in self.lines if r.kind is Kind.REMOVED and r.rule != Reason.BLANK]

    @property
    def word_count(self) -> int:
        """The body's words: runs between spaces, each Chinese character or Japanese kana
        one word (see :func:`newskit.text.word_count`)."""
        return sum(map(word_count, self.body))

    @property
    def date(self) -> str | None:
        """The published date, else the updated one: ISO 8601 or None, so that it sorts."""
        return self.published or self.updated

    def raw(self) -> str:
        """The original lines of the article's span, as they were (after decoding)."""
        return "\n".join(r.text for r in self.lines)

    def to_dict(self, *, lines: bool = False) -> dict[str, object]:
        d: dict[str, object] = {
            "id": self.id,
            "source": self.source,
            "start_line": self.start,
            "end_line": self.end,
            "outlet": self.outlet,
            "language": self.language,
            "title": self.title,
            "published": self.published,
            "updated": self.updated,
            "published_relative": self.published_relative,
            "updated_relative": self.updated_relative,
            "dateline": self.dateline,
            "byline": self.byline,
            "authors": list(self.authors),
            "summary": list(self.summary),
            "captions": list(self.captions),
            "body": list(self.body),
            "credits": list(self.credits),
            "word_count": self.word_count,
        }
        if self.meta:
            d["meta"] = dict(self.meta)
        if lines:
            d["removed"] = [{"line": r.no, "text": r.text, "rule": r.rule} for r in self.removed]
        return d


@dataclass(slots=True)
class Document:
    """A parsed dump: its articles, and the lines that belong to none of them."""

    source: str
    line_count: int
    articles: list[Article] = field(default_factory=list)
    chrome: list[LineRecord] = field(default_factory=list)
    # What a reader may want to hear of the parse (``-v``): parts of the dump with too
    # little body for an article, kept as chrome ("lines 3-9: too little body ...").
    notes: list[str] = field(default_factory=list)

    def records(self) -> list[LineRecord]:
        """Every line record of the document, in line order."""
        out = list(self.chrome)
        for a in self.articles:
            out.extend(a.lines)
        out.sort(key=lambda r: r.no)
        return out


def content_id(title: str, body: list[str]) -> str:
    """A short, stable hash of an article's clean content (title and body).

    It depends on the text only, never on the file it came from, so the same article
    has the same id in any folder and on any run; exact copies share an id.
    """
    # White space runs as one space, case folded: " ".join(text.split()).casefold() of the
    # parts joined, made without splitting the lines that are clean already (most are).
    norm = " ".join([p for p in map(_one_spaced, (title, *body)) if p])
    norm = norm.lower() if norm.isascii() else norm.casefold()
    return hashlib.blake2b(norm.encode("utf-8"), digest_size=6).hexdigest()


def _one_spaced(text: str) -> str:
    """``text`` with every run of white space one space, none at the ends."""
    # (no white space but " " is printable; then a clean line has no "  " and no end space)
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return " ".join(text.split())
