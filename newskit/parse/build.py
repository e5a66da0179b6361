"""The builder: every line of one article span gets a field or a named removal.

In order: the body run, the title, the header zone between them (dates, byline,
standfirst, summary, captions), the body's lines, credits after it, a labelled date as
a last resort; then the article's fields and, when asked for, its line records.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import partial

from ..dates import DateInfo
from ..language import detect
from ..model import Article, Kind, LineRecord, Reason, TitleScore, content_id
from ..text import is_bullet
from .body import densest, quantity_lists, table_rows
from .cues import DATELINE, Cues
from .features import Line
from .layout import Span
from .title import TitleCandidate, TitlePicker
from .weights import ParseWeights

TAIL_SEPARATORS = " ,;|·•–—-"  # what stands between a title and the date cut off its line

_COLONS = (":", "：")  # what a list's lead-in line ends in
# A list item that opens with a quantity ("1 tbs. olive oil", "1/2 cup parsley", "16oz tofu"),
# in small letters: not a numbered line ("1. Title"), a time ("7:36 PM"), a date ("18 Aug")
# nor a listicle's headline ("27 Oddest Cases")
_NUMBERED = re.compile(r"\s*(\d{1,2})([.)])\s+\S")  # a numbered item: "1. Preheat the oven", "2) Tea"
_REMOVED = Kind.REMOVED


class Builder:
    """Assigns each line of one article span to a field or a removal rule."""

    def __init__(
        self, span: Span, source: str, outlet: str | None, drop: re.Pattern[str] | None, cues: Cues,
        weights: ParseWeights, explain: bool = False, now: dt.datetime | None = None,
    ) -> None:
        self.span = span
        self.now = now  # the reference time relative dates are resolved against (None: not resolved)
        self.cues = cues
        self.weights = weights
        self.hw = weights.header
        # With ``explain``, the title candidates and their terms are kept on the article.
        self.candidates: list[TitleCandidate] | None = [] if explain else None
        lines = self.lines = span.lines
        self.offset = span.offset
        self.source = source
        # Lines no field can take are removed from the start, each with its reason:
        # blank, continued (hard-wrapped), a boilerplate rule, the outlet's own lines.
        self.why: list[str] = [x.removed for x in lines]
        if drop is not None:
            for i, x in enumerate(lines):
                if not x.removed and drop.match(x.key):
                    self.why[i] = Reason.OUTLET
        self.kind: list[Kind | None] = [_REMOVED if w else None for w in self.why]
        self.art = Article(source=source, start=self.offset + 1, end=self.offset + len(lines), outlet=outlet)
        self._signed_count: int | None = None
        self._run = (0, 0)  # the body run, [start, end)
        self._language: str | None = None
        self._language_told = False

    def _full(self, i: int, bullet: bool = False) -> str:
        """Line ``i`` as a field keeps it, joined with the lines that continue it."""
        line = self.lines[i]
        head = line.text.strip() if bullet else line.clean
        if not line.joined:
            return head
        return " ".join([head, *(x.text.strip() for x in self.lines[i + 1 : i + 1 + line.joined])])

    def set(self, i: int, kind: Kind, why: str = "") -> None:
        self.kind[i], self.why[i] = kind, why

    def remove(self, i: int, why: str) -> None:
        self.set(i, Kind.REMOVED, why)

    def build(self, header: int | None, lone: int | None = None) -> Article:
        """The article, its body searched under ``header`` (if any). A ``lone`` header
        (a headline shown again with a date between, the only one in the span) heads the
        article where the body run found without it holds it: a body holds no headline
        and its date, so the run above it is a sidebar of teasers run on into the body."""
        lines, n = self.lines, len(self.lines)
        lo = header + 1 if header is not None else 0
        span = densest(lines, lo, n, self.weights, self.cues, short_posts=True)
        if header is None and lone is not None and span is not None and span[0] < lone <= span[1]:
            header = lone
            span = densest(lines, lone + 1, n, self.weights, self.cues, short_posts=True)
        if span is None:
            a = b = n
        else:
            a, b = span
        self._run = (a, b + 1 if span is not None else n)
        title_i = header
        if header is None:
            title_i = TitlePicker(self.span, self.kind, self.cues, self.weights.title).pick(
                a, self.candidates, b if span is not None else None)
        tail: tuple[DateInfo, ...] = ()
        if title_i is not None:
            self.art.title, tail = self._title_of(title_i)
            self.set(title_i, Kind.TITLE)
            if span is not None and title_i >= a:
                a = title_i + 1
        standfirst = self._header_zone(title_i, a)
        self._body(a, b + 1 if span is not None else n, standfirst)
        self._tail(b + 1 if span is not None else n)
        self._bare_bylines(title_i + 1 if title_i is not None else a, a, title_i)
        if not self._dated():
            for d in tail:  # the date the title's line closes with (see _title_of)
                self._date(d)
        if not self._dated():
            self._labelled_date()
        if not self._dated() and title_i is not None and self.cues.edition_title(self.lines[title_i]):
            self._title_date(title_i)
        return self._finish()

    def clean(self) -> Article:
        """The article of a part that is clean text already (:func:`~newskit.parse.parts.strip_shaped`,
        between form feeds: ``newskit strip`` output): its first line the title, each other
        line of text a paragraph of the body, as they were written."""
        text = [i for i, x in enumerate(self.lines) if x.text.strip()]
        self.art.title = self._full(text[0])
        self.set(text[0], Kind.TITLE)
        for i in text[1:]:
            self.set(i, Kind.BODY)
            self.art.body.append(self._full(i, bullet=True))
        self._run = (text[1], text[-1] + 1) if len(text) > 1 else (len(self.lines), len(self.lines))
        return self._finish()

    # between title and body: dates, byline, summary, captions ----------------------------
    def _header_zone(self, title_i: int | None, body_start: int) -> bool:
        """Dates, byline, standfirst, summary and captions around the title. True when no
        line of words stands between the title and the body: the body's first line may
        then be the standfirst."""
        lo = (title_i + 1) if title_i is not None else body_start
        title_fold = self.lines[title_i].fold if title_i is not None else None
        standfirst = title_i is not None  # the first line of words under the title may be its standfirst
        summary: set[str] = set()  # the folds of the summary lines so far
        for i in range(lo, body_start):
            if self.kind[i] is not None:
                continue
            line = self.lines[i]
            if title_fold and line.fold == title_fold:
                self.remove(i, Reason.REPEATED_TITLE)
            elif line.fold and line.fold in summary:
                self.remove(i, Reason.REPEATED_SUMMARY)  # a standfirst shown over and under the date
            elif not self._meta(i):
                if self.cues.photo_credit(line):
                    self._caption(i)
                elif (
                    is_bullet(line.text)
                    or (line.sentence and line.weight >= self.hw.sentence_weight)
                    or (standfirst and self.cues.standfirst(line))
                ):
                    self.set(i, Kind.SUMMARY)
                    self.art.summary.append(self._full(i))
                    summary.add(line.fold)
            if line.weight > self.hw.label_weight:
                standfirst = False
        # The lines just before the title: dates and bylines still count, and a photo
        # credit right over it; the rest is page chrome.
        end = title_i if title_i is not None else body_start
        for i in range(max(0, end - self.hw.before_title), end):
            if self.kind[i] is None:
                line = self.lines[i]
                if line.dates and not self._dated():
                    self._meta(i)
                elif self.cues.photo_credit(line) and i >= end - self.hw.credit_above \
                        and line.weight >= self.hw.credit_min_weight:
                    self._caption(i)
        return standfirst

    def _bare_bylines(self, lo: int, body_start: int, title_i: int | None) -> None:
        """With no byline yet (none under the title, in the body's first lines or after
        it), a line of names with no "By" under the title (lines ``lo`` to
        ``body_start``), else one over it, nearest first (see :meth:`_bare_byline`)."""
        end = title_i if title_i is not None else body_start
        for i in [*range(lo, body_start), *range(end - 1, max(0, end - self.hw.before_title) - 1, -1)]:
            if self.art.byline is not None:
                return
            if self.kind[i] is None:
                self._bare_byline(i, title_i, before=i < end)

    def _caption(self, i: int) -> None:
        self.set(i, Kind.CAPTION)
        self.art.captions.append(self._full(i))

    def _meta(self, i: int) -> bool:
        """Dates and bylines; True if line ``i`` was one."""
        line = self.lines[i]
        dates = line.dates
        if not dates and line.weight <= self.hw.date_line_weight and self.cues.leading_date(line.key):
            # "October 15, 2018/0 Comments/in News/by admin": the date that opens it
            dates = tuple(d for d in self.cues.dates.find_dates(line.key) if d.absolute)[:1]
        if dates:
            if self.art.byline is None and self._dated_byline(line):
                self.art.byline = self._full(i)
            for d in dates:
                self._date(d)
            self.set(i, Kind.DATE)
            return True
        if self.cues.is_byline(line) and self._speaks(line):
            if self.art.byline is None:
                self.art.byline = self._full(i)
                self.set(i, Kind.BYLINE)
            else:
                self.remove(i, Reason.BYLINE_REPEAT)
            return True
        return False

    def _byline_in_body(self, line: Line, paragraphs: int) -> bool:
        """A "By" byline after the first paragraph or so of the body, when the article has
        none yet (the standfirst was taken for the body's first paragraph)."""
        authors = self.cues.authors
        return paragraphs <= self.hw.byline_body_paragraphs and self.art.byline is None and (
            (self.cues.is_byline(line) and self._speaks(line)) or authors.lone_by(line.key) or self._signed_text(line)
        )

    def _speaks(self, line: Line) -> bool:
        """Whether a byline word that line opens with, if it is a word of some languages
        only ("door": Dutch, ``by_languages``), is of the article's language (told from its
        body run, only when such a word is met); True for every other line."""
        languages = self.cues.by_languages(line.key)
        if languages is None:
            return True
        if not self._language_told:
            a, b = self._run
            self._language = detect(" ".join(x.key for x in self.lines[a:b] if x.good))
            self._language_told = True
        return self._language is None or self._language in languages

    def _signed_text(self, line: Line) -> bool:
        """A short line of names with a handle or a role in it ("Jane Doe @jdoe")."""
        authors = self.cues.authors
        return line.weight <= self.hw.bare_byline_weight and bool(authors.bare(line.key)) \
            and ("@" in line.key or authors.has_role(line.key))

    def _signed(self, i: int) -> bool:
        """Line ``i`` as the byline if it is a line of names with a handle or a role."""
        if not self._signed_text(self.lines[i]):
            return False
        self.art.byline = self._full(i)
        self.set(i, Kind.BYLINE)
        return True

    def _dated_byline(self, line: Line) -> bool:
        """Whether a date line is a byline too: it opens with a byline word ("By Jane
        Doe, Nov 19, 2019"), has one after its date ("Nov 19, 2019 by Jane Doe") or opens
        with names and nothing else ("Jane Doe - Nov 19, 2019")."""
        authors, key = self.cues.authors, line.key
        if self.cues.by.match(key):
            return self._speaks(line)
        if authors.inside(key) is not None:
            return bool(authors.names(key))
        return not _attribution(line) and bool(authors.bare(key))

    def _bare_byline(self, i: int, title_i: int | None, *, before: bool) -> None:
        """A line of names with no byline word ("Jane Doe", "Jane Doe, Staff Writer",
        "Jane Doe @jdoe") is the byline when a role is in it, a label is under it ("View
        Profile") or a date line is near it (under the title: within ``bare_byline_reach``
        lines of words; over it, ``before``: right under it), and when it is not one of a
        list of names (the line of words right above or below it is none)."""
        line = self.lines[i]
        authors = self.cues.authors
        if self._lone_by(i):
            return
        if line.weight <= self.hw.by_line_weight and authors.inside(line.key) is not None \
                and authors.names(line.key):
            self.art.byline = self._full(i)  # "23 mins ago by Jane Doe": a date the date cues do not take
            self.set(i, Kind.BYLINE)
            return
        if line.weight > max(self.hw.by_line_weight, self.hw.bare_byline_weight):
            return  # too heavy either way (see below: no date to look for)
        # names and then a date ("Jane Doe on May 2, 2012 – 7:37 pm"): as heavy as a "By" line
        heaviest = self.hw.by_line_weight if authors.dated(line.key) else self.hw.bare_byline_weight
        if line.weight > heaviest or _attribution(line) \
                or not authors.bare(line.key) or self.cues.photo_credit(line):
            return
        above, below = self._words_from(i, -1), self._words_from(i, 1)
        if any(j != title_i and self.cues.name_text(self.lines[j].key) and not authors.label(self.lines[j].key)
               for j in above[:1] + below[:1]):
            return  # a list of names: players, guests, credits
        near = below[:1] if before else above + below
        dated = [j for j in near if self.lines[j].dates or self.kind[j] is Kind.DATE]
        if dated or authors.dated(line.key) or authors.has_role(line.key) \
                or (below and authors.label(self.lines[below[0]].key)):
            self.art.byline = self._full(i)
            self.set(i, Kind.BYLINE)

    def _lone_by(self, i: int) -> bool:
        """"By" on a line of its own and the name on the next line of words: the byline,
        both lines (True if taken)."""
        if not self.cues.authors.lone_by(self.lines[i].key):
            return False
        below = self._words_from(i, 1)
        if not below or self.kind[below[0]] is not None \
                or self.lines[below[0]].weight > self.hw.bare_byline_weight \
                or not self.cues.authors.bare(self.lines[below[0]].key):
            return False
        self.art.byline = f"{self._full(i)} {self._full(below[0])}"
        self.set(i, Kind.BYLINE)
        self.set(below[0], Kind.BYLINE)
        return True

    def _words_from(self, i: int, step: int) -> list[int]:
        """The ``bare_byline_reach`` lines of words nearest line ``i`` above it (``step``
        -1) or below it (1), nearest first (blank lines and lines a rule removed skipped)."""
        found: list[int] = []
        j = i + step
        while 0 <= j < len(self.lines) and len(found) < self.hw.bare_byline_reach:
            if not self.lines[j].removed:
                found.append(j)
            j += step
        return found

    def _dated(self) -> bool:
        """Whether the article has its publication date, absolute or relative."""
        return self.art.published is not None or self.art.published_relative is not None

    def _date(self, d: DateInfo) -> None:
        """A date of a date line into its field, if that has none yet: ISO 8601 into
        ``published`` or ``updated``, a relative date as written into its own field."""
        art = self.art
        if d.absolute and d.updated:
            art.updated = art.updated or d.value
        elif d.absolute:
            art.published = art.published or d.value
        elif d.updated:
            art.updated_relative = art.updated_relative or d.value
        else:
            art.published_relative = art.published_relative or d.value

    def _resolve(self) -> None:
        """Relative dates as ISO 8601, counted back from the reference time (if given),
        where the article has no absolute date."""
        art, now = self.art, self.now
        if now is None:
            return
        if art.published is None and art.published_relative:
            art.published = self.cues.dates.resolve(art.published_relative, now)
        if art.updated is None and art.updated_relative:
            art.updated = self.cues.dates.resolve(art.updated_relative, now)

    # the body ---------------------------------------------------------------------------
    def _body(self, a: int, b: int, standfirst_open: bool = False) -> None:
        lines, hw = self.lines, self.hw
        started = False
        # An image leaves an empty block: a sentence standing right after the title with
        # two or more blank lines before it is the image's caption, when body follows.
        if a < b and self.art.title and self.kind[a] is None and a >= hw.image_gap:
            prev = self.span.above(a)
            if prev is not None and self.kind[prev] is Kind.TITLE and a - 1 - prev >= hw.image_gap \
                    and lines[a].weight <= hw.image_caption_weight \
                    and any(lines[x].good for x in range(a + 1, min(b, a + hw.image_body_lines))):
                self._caption(a)
        table = set(table_rows(lines, a, b, self.weights.body)) | self._list_items(a, b)
        open_ = standfirst_open  # only the first line of words under the title may be its standfirst
        paragraphs = 0
        copies = self._copies(a, b)
        post = b - a == 1  # a run of one line is the post, however short (body._weak_post)
        for i in range(a, b):
            if self.kind[i] is not None:
                continue
            line = lines[i]
            if i in copies:
                self.remove(i, Reason.REPEATED_PARAGRAPH)  # the page shows its story twice
                continue
            if self.art.byline is not None and self._full(i) == self.art.byline:
                self.remove(i, Reason.BYLINE_REPEAT)  # the byline shown again, over the story's copy
                continue
            standfirst = open_
            if open_ and line.weight > hw.label_weight:
                open_ = False
            if started and self.art.byline is None and self._tail_byline(line):
                self._take_byline(i)  # "Written by Jane Doe on November 14, 2019" at the end
            elif self.cues.is_credit(line):
                self.set(i, Kind.CREDIT)
                self.art.credits.append(self._full(i))
            elif (not started or self._date_in_body(i, paragraphs) or self._byline_in_body(line, paragraphs)) \
                    and (self._meta(i) or (self.art.byline is None and (self._lone_by(i) or self._signed(i)))):
                pass
            elif (not line.good or (standfirst and not started)) and self.cues.photo_credit(line):
                self._caption(i)  # (right under the title, even a long line that ends so is a caption)
            elif not started and (
                (is_bullet(line.text) and self._plain_follows(i, b))
                or (standfirst and not line.sentence and self.cues.standfirst(line))
            ):
                self.set(i, Kind.SUMMARY)
                self.art.summary.append(self._full(i))
            elif line.good or (line.sentence and line.weight >= hw.sentence_weight) or i in table \
                    or self._subheading(i, a, b) or self._lead_in(line) or post:
                started = True
                paragraphs += 1
                self.set(i, Kind.BODY)
                self.art.body.append(self._full(i, bullet=True))
            else:
                self.remove(i, Reason.SHORT_LINE)

    def _copies(self, a: int, b: int) -> frozenset[int]:
        """The body lines of [a, b) that copy its opening: where the body's first two
        paragraphs of ``repeat_paragraph_weight`` words or more are shown again one after
        the other further down (a page that prints its story twice), that copy and the
        paragraphs after it that go on copying the opening, in order. A line shown twice
        alone is the article's (an interview's question, a recipe's refrain)."""
        least = self.hw.repeat_paragraph_weight
        at = [i for i in range(a, b) if self.lines[i].good and self.lines[i].weight >= least]
        keys = [self.lines[i].key for i in at]
        start = next((k for k in range(2, len(keys) - 1) if keys[k] == keys[0] and keys[k + 1] == keys[1]), None)
        if start is None:
            return frozenset()
        n = 0
        while start + n < len(keys) and n < start and keys[start + n] == keys[n]:
            n += 1
        return frozenset(at[start : start + n])

    def _list_items(self, a: int, b: int) -> frozenset[int]:
        """The lines of the lists inside the body run [a, b): a line of words that ends in a
        colon ("Here are the dates:"), and under it ``list_min_items`` lines or more of
        ``list_item_weight`` words or fewer (blank lines between them or not), none a rule's;
        the run goes on under them (its last line is a body line), so they are the article's."""
        lines, hw = self.lines, self.hw
        found: list[int] = []
        for i in range(a, b):
            lead = lines[i]
            if not lead.key or lead.rule or not lead.text.rstrip().endswith(_COLONS) or self.kind[i] is not None:
                continue
            items = []
            for j in range(i + 1, b):
                x = lines[j]
                if x.blank:
                    continue
                if x.rule or x.good or x.weight > hw.list_item_weight or self.kind[j] is not None:
                    break
                items.append(j)
            if len(items) >= hw.list_min_items:
                found.extend([i, *items])
        return frozenset(found) | self._quantities(a, b) | self._numbered(a, b)

    def _quantities(self, a: int, b: int) -> frozenset[int]:
        """The lines of the lists of quantities inside the body run [a, b) (a recipe's
        ingredients: see :func:`newskit.parse.body.quantity_lists`), none of them a field's
        yet; the run goes on under them."""
        hw, kind = self.hw, self.kind
        return frozenset(quantity_lists(self.lines, a, b, hw.list_item_weight, hw.quantity_min_items,
                                        lambda i: kind[i] is None, closed=True))

    def _numbered(self, a: int, b: int) -> frozenset[int]:
        """The items of the numbered lists inside the body run [a, b) (steps, a list of
        tips, a top ten): lines that open with a number and the same mark after it ("1.",
        "2)"), none a rule's, numbered one after another ("3.", "4.", "5."),
        ``numbered_min_items`` of them or more; other lines may stand between them (an item's
        paragraph). A lone "1." or a year opens no list."""
        found: list[int] = []
        chains: dict[str, list[tuple[int, int]]] = {}  # by the mark after the number: the chain so far
        for i in range(a, b):
            x = self.lines[i]
            if not x.key or x.rule or self.kind[i] is not None or (m := _NUMBERED.match(x.text)) is None:
                continue
            n, mark = int(m.group(1)), m.group(2)
            chain = chains.get(mark)
            if chain and n == chain[-1][1] + 1:
                chain.append((i, n))
                continue
            if chain and len(chain) >= self.hw.numbered_min_items:
                found.extend(j for j, _ in chain)
            chains[mark] = [(i, n)]
        found.extend(j for chain in chains.values() if len(chain) >= self.hw.numbered_min_items for j, _ in chain)
        return frozenset(found)

    def _date_in_body(self, i: int, paragraphs: int) -> bool:
        """A date line just inside the body ("Text: Jane Doe · 24 September 2018" under a
        first paragraph that stands as the standfirst) gives an undated article its date."""
        return paragraphs <= self.hw.date_body_paragraphs and bool(self.lines[i].dates) and not self._dated()

    def _plain_follows(self, i: int, b: int) -> bool:
        """Whether a body-like line that is not a bullet comes after line ``i`` in [i, b)."""
        return any(self.lines[x].good and not is_bullet(self.lines[x].text) for x in range(i + 1, b))

    def _lead_in(self, line: Line) -> bool:
        """A line of ``lead_in_weight`` words or more inside the body run that ends in a
        colon, no rule's: prose leading into what follows it (a quote, a picture, a list:
        "A spokesman for the council said:")."""
        return line.weight >= self.hw.lead_in_weight and not line.rule and line.text.rstrip().endswith(_COLONS)

    def _subheading(self, i: int, a: int, b: int) -> bool:
        """A short line between two body paragraphs, shaped like a heading."""
        line = self.lines[i]
        if not self.hw.subheading_min <= line.weight <= self.hw.subheading_max \
                or line.sentence and line.key.endswith("."):
            return False
        nxt = self.span.below(i, b)
        prv = self.span.above(i, a)
        return (nxt is not None and prv is not None and self.lines[nxt].good
                and self.kind[prv] is Kind.BODY)

    def _tail(self, after: int) -> None:
        """Credit lines shortly after the body."""
        seen = 0
        for i in range(after, len(self.lines)):
            line = self.lines[i]
            if line.blank:
                continue
            seen += 1
            if seen > self.hw.tail_lines:
                break
            if self.kind[i] is None and self.art.byline is None and self._tail_byline(line):
                self._take_byline(i)  # "Written by Jane Doe on November 14, 2019", "Posted by Jane Doe at 4:04 PM"
            elif self.kind[i] is None and self.cues.is_credit(line):
                self.set(i, Kind.CREDIT)
                self.art.credits.append(self._full(i))

    def _take_byline(self, i: int) -> None:
        """Line ``i`` as the byline; with a date in it, a date line too (see :meth:`_meta`)."""
        if not self.lines[i].dates or not self._meta(i):
            self.art.byline = self._full(i)
            self.set(i, Kind.BYLINE)

    def _tail_byline(self, line: Line) -> bool:
        """A short line after the body that opens with a byline word and names someone;
        not one of a list of signed, dated lines (comments, related posts: see
        :meth:`_signatures`)."""
        return line.weight <= self.hw.by_line_weight and bool(self.cues.by.match(line.key)) \
            and bool(self.cues.authors.names(line.key)) and not (line.dates and self._signatures() > 1) \
            and self._speaks(line)

    def _signatures(self) -> int:
        """How many lines of the span open with a byline word and hold a date (counted once)."""
        if self._signed_count is None:
            by = self.cues.by
            self._signed_count = sum(1 for x in self.lines if x.dates and by.match(x.key))
        return self._signed_count

    def _labelled_date(self) -> None:
        """With no date in the header, the first date labelled as the publication date
        anywhere in the article ("First published on November 19, 2019 / 8:16 AM" at its
        end), or signed ("Written by Jane Roe on November 14, 2019" under the body): a line
        no field has taken, one removed as a short line, or a signed line taken as a credit."""
        by = self.cues.by
        # Signed lines with dates one after another are a list (of comments, of related
        # posts), not the article's own signature: one alone counts.
        alone = self._signatures() == 1
        for i, line in enumerate(self.lines):
            if not line.dates:
                continue
            signed = alone and by.match(line.key) is not None
            if not signed and not self.cues.dates.published_label.search(line.key):
                continue
            k = self.kind[i]
            if k is None or (k is Kind.REMOVED and self.why[i] == Reason.SHORT_LINE) or (signed and k is Kind.CREDIT):
                if any(not d.updated and d.absolute for d in line.dates):
                    if k is Kind.CREDIT:
                        self.art.credits.remove(self._full(i))
                    self._meta(i)
                    return

    def _title_of(self, title_i: int) -> tuple[str, tuple[DateInfo, ...]]:
        """The title line's text, and the dates of a labelled date that closes it, cut off
        ("Nuclear talks resume in Geneva World, Updated Nov 07, 2012": the headline, the
        section's name and the date that a layout ran into one line; see
        :meth:`~newskit.dates.Dates.date_tail`), with the separator before it."""
        text = self._full(title_i)
        if self.lines[title_i].joined:
            return text, ()
        at = self.cues.dates.date_tail(text, self.weights.title.headline_min)
        if at is None:
            return text, ()
        return text[:at].rstrip(TAIL_SEPARATORS), tuple(self.cues.dates.find_dates(text[at:]))

    def _title_date(self, title_i: int) -> None:
        """With no date anywhere else, the day an edition's headline names (see
        :meth:`Cues.edition_title`): the post's, which no other line shows."""
        for d in self.lines[title_i].dates:
            if d.absolute and not d.updated:
                self._date(d)
                return

    def _candidate(self, c: TitleCandidate) -> TitleScore:
        line = self.lines[c.line]
        return TitleScore(self.offset + c.line + 1, line.clean, c.terms, c.total, self.kind[c.line] is Kind.TITLE)

    def _finish(self) -> Article:
        art, kind, why = self.art, self.kind, self.why
        if Reason.CONTINUED in why:  # hard-wrapped text: a continued line takes the kind of the line above
            for i, line in enumerate(self.lines):
                if line.merged and i > 0:
                    kind[i], why[i] = kind[i - 1], why[i - 1]
        # The records are made when first asked for (show --explain, --raw, records()):
        # stripping and listing never ask.
        self._resolve()
        art._make_lines = partial(records, self.lines, kind, why, self.offset + 1)
        art._make_record = partial(record, self.lines, kind, why, self.offset + 1)
        if art.body:
            m = DATELINE.match(art.body[0])
            if m and len(m.group(1)) <= self.hw.dateline_chars:
                art.dateline = m.group(1).strip()
        art.id = content_id(art.title, art.body)
        if art.byline:
            art.authors = list(self.cues.authors.names(art.byline))
        if self.candidates is not None:
            art.title_candidates = [self._candidate(c) for c in self.candidates]
        return art


def records(lines: list[Line], kind: list[Kind | None], why: list[str], first_no: int) -> list[LineRecord]:
    """The records of an article's lines; a line no field took is the page's chrome."""
    make = tuple.__new__  # LineRecord is a named tuple: made without a call per field
    numbers = range(first_no, first_no + len(lines))
    return [
        make(LineRecord, (no, x.text, k, w) if k is not None else (no, x.text, _REMOVED, Reason.CHROME))
        for no, x, k, w in zip(numbers, lines, kind, why, strict=True)
    ]


def record(lines: list[Line], kind: list[Kind | None], why: list[str], first_no: int, no: int) -> LineRecord:
    """The record of line ``no`` alone, as :func:`records` makes it."""
    i, k = no - first_no, kind[no - first_no]
    return LineRecord(no, lines[i].text, k, why[i]) if k is not None else LineRecord(
        no, lines[i].text, _REMOVED, Reason.CHROME
    )


def _attribution(line: Line) -> bool:
    """A line in brackets or opened by a dash: a photo credit or a quote's attribution,
    "(Jane Doe / Reuters)", "— Jane Doe on May 12, 2019", not a byline of names."""
    return line.text.lstrip()[:1] in "([—–-"
