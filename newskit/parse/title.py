"""The title: the best title-like line shortly before an article's body (or opening it).

Each candidate's score is a sum of named terms (:data:`TERMS`): what its own text looks
like (a headline's shape), where it stands (near the body, over its byline, after a
breadcrumb trail, under a longer headline) and what the body says (the lead speaks of
what the headline speaks of). :meth:`TitlePicker.pick` can hand back every candidate with
its terms, which ``newskit show --explain`` prints.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from ..model import Kind
from ..text import CJK, has_cjk, weight
from ..text import content_words as content_words_of
from .cues import (
    CRUMB_ENDS,
    CRUMB_NUMBER,
    JUNCTION,
    PHOTO_CREDIT_TAIL,
    TWO_SENTENCES,
    Cues,
    content_words,
    headline_shape,
    title_case,
)
from .features import Line
from .layout import Span
from .memo import remembered, store_for
from .weights import TitleWeights

ARROWS_BACK = ("«", "‹")  # what opens a link to the post before
ARROWS_ON = ("»", "›")  # what closes a link to the post after
SENTENCE_ENDS = (".", "?", "!")  # a standfirst ends as a sentence does
TRAIL = re.compile(r"\S\s*[→›»>/|]\s*\w")  # a breadcrumb trail's separator between two items

# The terms of a candidate's score, in the order they are added.
SHAPE_TERMS = ("full stop", "title case", "capital", "names", "two sentences", "glued", "arrow", "tools")
# The shape's terms that say a line is no headline at all (a full stop or two sentences
# say it is a standfirst): a line with one of them heads no standfirst.
NO_HEADLINE = tuple(SHAPE_TERMS.index(t) for t in ("capital", "names", "glued", "arrow", "tools"))
TERMS = (
    "length", "rank", "byline/date under", "lead overlap", "topic", "repeated", "capitals", *SHAPE_TERMS,
    "standfirst", "subtitle", "breadcrumb", "label value", "caption", "related", "post head", "quoted",
)


class TitleCandidate(NamedTuple):
    """One title candidate of an article: its line (index in the span), its terms (value
    by name, in :data:`TERMS` order) and their total."""

    line: int
    terms: tuple[tuple[str, float], ...]
    total: float


def _shape(cues: Cues, tw: TitleWeights, key: str, text: str) -> tuple[float, ...]:
    """What a candidate's own text adds to its score, wherever it stands (a candidate is
    title-like: no date line), term by term (:data:`SHAPE_TERMS`)."""
    return (
        -tw.full_stop_cost if _full_stop(key) else 0.0,
        tw.title_case_bonus if title_case(key) else 0.0,
        # opens with a capital (or a CJK character); a line whose first word is lower-case
        # letters is a list of tags, not a headline ("iPhone", "x86", "n'importe" are not)
        tw.capital_bonus if key[:1].isupper() or CJK.match(key) else
        -tw.lowercase_cost if (first := key.split(None, 1)[0].replace("-", "")).islower() and first.isalpha()
        else 0.0,
        # a photo credit, a byline, a line opening with a date, a line of names
        -tw.name_cost if cues.photo_credit_text(key[-PHOTO_CREDIT_TAIL:]) or cues.meta_text(key)
        or cues.name_text(text.strip()) else 0.0,
        -tw.two_sentences_cost if TWO_SENTENCES.search(key) else 0.0,  # a standfirst, not a headline
        # words run together: link texts or menu items glued into one line
        -tw.glued_cost if len(JUNCTION.findall(key)) >= tw.glued_min else 0.0,
        # a link to the post before or after: an arrow, or its words ("Previous Story ...")
        -tw.arrow_cost if arrow_link(text.strip()) or cues.other_post(key) else 0.0,
        # share, follow and feed tools' links in a row ("Print Article Send a Tip")
        -tw.tools_cost if (tools := cues.tool_words(key))[0] >= tw.tools_min and tools[0] >= tw.tools_share * tools[1]
        else 0.0,
    )


def _full_stop(key: str) -> bool:
    """A line that ends in a full stop (not in an ellipsis)."""
    return key.endswith(".") and not key.endswith(("...", "…"))


def arrow_link(text: str) -> bool:
    """A link to the post before or after: "« Older post's title", "Newer post's title ›"
    (an arrow on one side only: French quotation marks close what they open, «like this»).
    ``text`` is the line's trimmed text: its key has lost a closing arrow."""
    if text.startswith(ARROWS_BACK):
        return not any(a in text for a in ARROWS_ON)
    return text.endswith(ARROWS_ON) and not any(a in text for a in ARROWS_BACK)


_SHAPES: dict[tuple[Cues, TitleWeights], Callable[[str, str], tuple[float, ...]]] = {}


def _shapes(cues: Cues, tw: TitleWeights) -> Callable[[str, str], tuple[float, ...]]:
    """:func:`_shape` with ``cues`` and ``tw``, remembered per text (one store per rule set and weights)."""
    return store_for(_SHAPES, (cues, tw), lambda: remembered(_shape, cues, tw))


# A candidate's score: its terms added in order, the shape's own added up first; written
# out, not ``sum``, which adds floats otherwise from Python 3.12 on (and costs a call).


class TitlePicker:
    """Scores the title candidates of one article's span."""

    def __init__(self, span: Span, kind: list[Kind | None], cues: Cues, tw: TitleWeights) -> None:
        self.span = span
        self.lines = span.lines
        self.kind = kind  # lines a field or a removal has taken already are no candidates
        self.cues = cues
        self.tw = tw
        self._shape = _shapes(cues, tw)
        self._follows: dict[int, float] = {}

    def pick(
        self, body_start: int, explain: list[TitleCandidate] | None = None, body_end: int | None = None
    ) -> int | None:
        """The best title-like line shortly before the body (or opening it), if any;
        every candidate with its terms goes into ``explain`` when it is a list. A body run
        of one line (``body_end`` is ``body_start``) is no headline of its own: it is the
        post, and the title stands above it."""
        window, ranks, trail = self._window(body_start, body_end)
        head = self.post_head(window, body_start)
        if head is not None and head not in window:  # the body's first line (see post_head)
            window.insert(0, head)
            ranks = [0, *(r + 1 for r in ranks)]
        quoted = self.quoted(body_start)
        if quoted and not any(self._quoted_fold(self.lines[i]) in quoted for i in window):
            # none above the body: the quoted title may open the body run, under a blog's description
            for i in self._quoted_lines(body_start, quoted, window):
                window.insert(0, i)
                ranks = [0, *(r + 1 for r in ranks)]
        for i in self._named_lines(body_start, window):
            # the trail over it names it: the headline, though the body run took it in
            window.insert(0, i)
            ranks = [0, *(r + 1 for r in ranks)]
        lead, in_lead = self._lead(body_start, window)
        title_like, dated_headline = self.cues.title_like, self.cues.dated_headline
        best, best_i = 0.0, None
        for k, i in enumerate(window):
            if self.kind[i] is not None or not (
                title_like(self.lines[i]) or dated_headline(self.lines[i]) or i == head
            ):
                continue
            p = self._terms(i, k, window, ranks[k], trail, lead, in_lead)
            if i == head:
                p = (*p[:-2], self.tw.post_head_bonus, p[-1])
            if quoted and self._quoted_fold(self.lines[i]) in quoted:
                p = (*p[:-1], self.tw.quoted_bonus)
            s = self._shape(self.lines[i].key, self.lines[i].text)
            # the terms added in order, the shape's own first (see _total)
            score = p[0] + p[1] + p[2] + p[3] + p[4] + p[5] + p[6] \
                + (s[0] + s[1] + s[2] + s[3] + s[4] + s[5] + s[6] + s[7]) + p[7] + p[8] + p[9] + p[10] + p[11] \
                + p[12] + p[13] + p[14]
            if explain is not None:
                values = (*p[:7], *s, *p[7:])
                explain.append(TitleCandidate(i, tuple(zip(TERMS, values, strict=True)), score))
            if score > best:
                best, best_i = score, i
        return best_i

    def _window(self, body_start: int, body_end: int | None = None) -> tuple[list[int], list[int], bool]:
        """The lines looked at, nearest to the body first: the non-blank lines above it, up
        to the window's count of lines of words (boilerplate not counted), and the body
        run's first line when a long headline opens it; how many lines of words stand
        before each; and whether a breadcrumb trail ("Home") may stand among them."""
        lines, tw = self.lines, self.tw
        window: list[int] = []
        ranks: list[int] = []
        counted = 0
        trail = False
        for i in range(body_start - 1, -1, -1):
            if not lines[i].blank:
                window.append(i)
                ranks.append(counted)
                trail = trail or lines[i].home
                if not lines[i].rule:
                    counted += 1
                    if counted >= tw.window:
                        break
        # A long headline may open the body run itself: the run's first line, when it
        # does not end like a statement and a byline or date follows, or it repeats.
        end = min(len(lines), body_start + tw.opening_lines)
        first = self.span.below(body_start - 1, end)
        if first is not None and first != body_end and self.cues.title_like(lines[first]) \
                and not lines[first].key.endswith(".") and (
            not lines[first].sentence or self.meta_follows(first) > 0 or self.span.repeated(first)
        ):
            window.insert(0, first)
            ranks = [0, *(r + 1 for r in ranks)]
        return window, ranks, trail

    def _lead(self, body_start: int, window: list[int]) -> tuple[frozenset[str], set[str]]:
        """The lead's words, less those of any line shown above it too (a standfirst
        repeated at the top of the body would otherwise be the best match for itself),
        and the folds of the lead's lines that are shown above it."""
        lines = self.lines
        shown = {lines[i].fold for i in window} - {""}  # (long lines have no fold: they never repeat as chrome)
        lead_lines = [x for x in lines[body_start : body_start + self.tw.lead_lines] if x.good and not x.rule]
        lead_keys = [x.key for x in lead_lines if x.fold not in shown]
        in_lead = {x.fold for x in lead_lines} & shown
        joined = " ".join(lead_keys)
        # A line's own words are remembered, so a page's lead seen again costs little.
        # (CJK character pairs may run across lines: such a lead is read whole.)
        if has_cjk(joined):
            return content_words_of(joined), in_lead
        return frozenset().union(*map(content_words, lead_keys)), in_lead

    def _terms(
        self, i: int, k: int, window: list[int], rank: int, trail: bool, lead: frozenset[str], in_lead: set[str]
    ) -> tuple[float, ...]:
        """Candidate ``i``'s terms but its shape's, in :data:`TERMS` order (``k``: its place
        in the window; ``rank``: lines of words between it and the body). One function for
        all of them: a title is picked for every article, and calls cost."""
        lines, tw, span, cues = self.lines, self.tw, self.span, self.cues
        line = lines[i]
        w = line.weight
        # a labelled date that closes the line (a layout's inline boxes ran the headline and
        # its date into one: "Headline World, Updated Nov 07, 2012"): the headline's words
        # alone make its length, and its date stands with it as a date line under it would
        tail = cues.dates.date_tail(line.key, tw.headline_min) if w > tw.headline_min else None
        if tail is not None:
            w = weight(line.key[:tail])
        # length: a headline's length scores most, 4-20 words
        if tw.headline_min <= w <= tw.headline_max:
            length = tw.headline_score + tw.per_word * min(w, tw.per_word_upto)
        elif w > tw.headline_max:
            length = tw.long_score
        else:
            length = tw.three_word_score if w == tw.three_words else tw.short_score
        # byline/date under: the headline sits on top of its byline (see meta_follows)
        meta = self.meta_follows(i)
        if tail is not None:
            meta = max(meta, tw.meta_bonus)
        # rank: distance from the body costs; a headline over its byline heads the
        # article, whatever stands between it and the body (a photo, a video strip):
        # distance then counts only so far
        bylined = meta >= tw.meta_bonus + tw.byline_bonus
        rank_cost = tw.rank_cost * (min(rank, tw.bylined_rank) if bylined else rank)
        # lead overlap: the headline speaks of what the lead speaks of; menus and other
        # stories' headlines do not. topic: a few capitalised words the lead speaks of in
        # full are a topic, not an author's name (their names cost is given back)
        overlap = topic = 0.0
        words = content_words(line.key)
        if words and lead:
            shared = len(words & lead) / len(words)
            overlap = tw.overlap * shared
            if shared >= tw.topic_share and cues.bare_name(line.text.strip()):
                topic = tw.name_cost * shared
        # repeated: shown again in the article's span (not as the lead's own line)
        repeated = tw.repeat_bonus if w >= tw.repeat_min_weight and line.fold not in in_lead and span.repeated(i) \
            else 0.0
        capitals = -tw.upper_cost if line.key.isupper() and w > tw.upper_over else 0.0
        # standfirst, subtitle: under a title-like line (past one label such as
        # "Editorial"), a longer line is its standfirst, and a shorter one under a long
        # headline its subtitle. (The window lists every line of words going up: the
        # next one is the one above.)
        prev = window[k + 1] if k + 1 < len(window) else span.above(i)
        above = prev
        if prev is not None and lines[prev].weight <= tw.label_weight and not cues.meta_like(lines[prev]):
            above = window[k + 2] if k + 2 < len(window) else span.above(prev)
        standfirst = subtitle = 0.0
        # (a line whose own shape says it is no headline, such as a row of share links or a
        # trail of section names, a line already taken, or one of a run of sentences, heads
        # no standfirst)
        if above is not None and cues.title_like(head := lines[above]) and not cues.meta_like(head) \
                and self.kind[above] is None and not self._no_headline(head) and not self._sentence_run(above):
            if self.deck(above, i):
                standfirst = -tw.dek_penalty
            elif head.weight >= tw.subtitle_under > w and headline_shape(head) \
                    and (above == prev or tw.subtitle_past_label):  # (a subtitle stands right under it)
                subtitle = -tw.subtitle_penalty
        # label value: the value of a "Label:" line right above
        value = -tw.value_cost if prev is not None and lines[prev].weight <= tw.value_label_weight \
            and lines[prev].text.rstrip().endswith(":") else 0.0
        # breadcrumb: right after a trail, but no label's value, over it or on its own line
        # ("Featured: TED Quotes"): the trail's last item, not the headline under it
        crumb = tw.crumb_bonus if (trail and not value and not self._inline_value(line.key)
                                   and self.under_crumbs(i)) or self.named_by_trail(i) else 0.0
        # caption: right under a photo's credit ("Jane Roe/The Daily Star"), a line is the
        # photo's caption, however it is shaped (the headline stands above the photo)
        caption = -tw.caption_cost if (up := span.above(i)) is not None \
            and cues.credit_line(lines[up]) and not cues.photo_credit(line) else 0.0
        # related: a line of a list of other stories, under its head ("Related Stories")
        related = -tw.related_cost if self.under_related(i) else 0.0
        return (length, -rank_cost, meta, overlap, topic, repeated, capitals, standfirst, subtitle, crumb, value,
                caption, related, 0.0, 0.0)  # (post head, quoted: see pick)

    def quoted(self, body_start: int) -> frozenset[str]:
        """The titles (folded) that a comments header under the body's start quotes ("12
        Responses to “Title”", :meth:`Cues.quoted_title`): the post's own title."""
        quoted_title = self.cues.quoted_title
        return frozenset(
            q for x in self.lines[body_start:] if not x.blank and x.weight <= self.tw.quoted_header_weight
            and (q := quoted_title(x.key))
        )

    def _named_lines(self, body_start: int, window: list[int]) -> list[int]:
        """The lines among the body run's first ``lead_lines`` that the breadcrumb trail
        right over them names (:meth:`named_by_trail`), not in the ``window`` yet."""
        end = min(len(self.lines), body_start + self.tw.lead_lines)
        return [i for i in range(body_start, end) if i not in window and self.named_by_trail(i)]

    def named_by_trail(self, i: int) -> bool:
        """Whether the line right over line ``i`` is a breadcrumb trail whose last item is
        line ``i`` ("Home / Startups / <headline>", then the headline): the page's own
        trail names its headline. (Of ``named_words`` words or more: a trail's last item of
        fewer is a section, "Blogs / NFL Network", then the section's name over its posts.)"""
        up = self.span.above(i)
        if up is None or len((key := self.lines[i].key.casefold()).split()) < self.tw.named_words:
            return False
        trail = self.lines[up].key.casefold()
        return len(trail) > len(key) and trail.endswith(key) and trail[: -len(key)].rstrip().endswith(CRUMB_ENDS)

    def _quoted_lines(self, body_start: int, quoted: frozenset[str], window: list[int]) -> list[int]:
        """The title-like lines among the body run's first ``lead_lines`` that a comments
        header quotes, not in the ``window`` yet: a blog's description may open the run,
        the post's title under it. Nearest to the body's start last (they go in first)."""
        lines, title_like = self.lines, self.cues.title_like
        end = min(len(lines), body_start + self.tw.lead_lines)
        return [i for i in range(body_start, end) if i not in window and not lines[i].blank
                and title_like(lines[i]) and self._quoted_fold(lines[i]) in quoted]

    @staticmethod
    def _quoted_fold(line: Line) -> str:
        """A line's fold as a comments header quotes it: less a list's number ("132. Alien
        Surface" is quoted "Alien Surface")."""
        first = line.key.split(None, 1)[0]
        return line.fold.partition(" ")[2] if first.endswith(".") and first[:-1].isdigit() else line.fold

    def under_related(self, i: int) -> bool:
        """Whether line ``i`` is an item of a list of links to other stories: right under a
        line of a related rule's ("Related Stories", :attr:`Cues.related`), or under other
        items of it, one a line, headline-sized, no blank line between but right under the
        head, over two items or more (the head within ``related_items`` lines over it). A
        label ("More articles about:") or a breadcrumb trail ("Latest News → MediaWire") of a
        related rule's heads no list."""
        lines, related = self.lines, self.cues.related
        for k in range(i - 1, max(-1, i - 1 - self.tw.related_items), -1):
            x = lines[k]
            if x.blank:
                # blank lines stand only right under the list's head, a heading of a few
                # words over two items or more (a renderer may set it apart: "Related
                # Stories", a blank line, the items one a line); a line alone under a blank
                # line is no list's item, nor are lines under a line of inline links
                # ("TRENDING : Jelly Bean NVIDIA Nexus 7")
                top = k
                while top > 0 and lines[top].blank:
                    top -= 1
                if lines[top].rule not in related or lines[top].weight > self.tw.related_head_weight \
                        or (i - k < 2 and not self._item(i + 1)):  # noqa: PLR2004
                    return False
                x = lines[top]
            if x.rule in related:
                # (a label over its value is no list's head: "More articles about: FLDS"; nor
                # is a breadcrumb trail: "Latest News → MediaWire")
                return not x.text.rstrip().endswith(":") and TRAIL.search(x.key) is None
            if not self._item(k):
                return False  # (a section's label over the headline is no link: "WHITE HOUSE"; nor a teaser's text)
        return False

    def _item(self, k: int) -> bool:
        """Whether line ``k`` may be an item of a list of links: no rule's, headline-sized, title-like."""
        if k >= len(self.lines):
            return False
        x = self.lines[k]
        return not x.blank and not x.rule and self.tw.headline_min <= x.weight <= self.tw.headline_max \
            and self.cues.title_like(x)

    def _inline_value(self, key: str) -> bool:
        """A one-word label and its short value on one line ("Featured: TED Quotes"), as
        where the label stands on a line of its own over it."""
        label, colon, value = key.partition(": ")
        return bool(colon) and " " not in label and 0 < len(value.split()) <= self.tw.inline_value_weight

    def post_head(self, window: list[int], body_start: int) -> int | None:
        """A blog post's title, where a blog engine prints it: the line right under the
        links to the posts before and after ("« Older post | Main | Newer post »", a line of
        one of the cues' post head rules, or half of it where the newest or oldest post has
        one neighbour only: "« Older post | Main", :meth:`Cues.half_post_nav`) among the
        ``window``'s lines, past the post's date block ("June 15, 2012"; see
        :meth:`_date_block`), when it is no more than a headline's weight. It may hold a date
        word ("On Quadrille Today"), or open the body run at ``body_start`` (a headline of two
        sentences)."""
        lines, cues, span = self.lines, self.cues, self.span
        nav = next((i for i in window if lines[i].rule in cues.post_head
                    or not lines[i].rule and cues.half_post_nav(lines[i].text.strip())), None)
        if nav is None:
            return None
        head = span.below(nav)
        for _ in range(self.tw.post_head_dates):  # the post's date over its title ("Sunday / Oct212012")
            if head is None or not self._date_block(lines[head]):
                break
            head = span.below(head)
        # a word over a word: the post's tools, one link a line ("Edit / Delete / Tags"), skipped
        light = self.tw.post_head_link_weight
        if head is not None and lines[head].weight <= light and (after := span.below(head)) is not None \
                and lines[after].weight <= light:
            while head is not None and lines[head].weight <= light:
                head = span.below(head)
        # (a date block under the tools is the post's date, no title: "Edit / Delete / 11 Jul 2012")
        if head is None or head > body_start or self.kind[head] is not None or lines[head].rule \
                or not 0 < lines[head].weight <= self.tw.post_head_weight or self._date_block(lines[head]):
            return None
        return head

    def _date_block(self, line: Line) -> bool:
        """A line of a post's date block: a date and nothing else ("June 15, 2012", a day's
        name alone: "Sunday"), a line that opens with a label or a byline ("Posted by ..."),
        one word of letters and digits run together ("Oct212012"), or a month and a year
        ("JUL 2012"). (A line with words of its own besides a date word is a title: "On
        Quadrille Today".)"""
        key = line.key
        return self.cues.dates.words_besides(key) == 0 or self.cues.meta_text(key) \
            or line.weight == 1 and any(ch.isdigit() for ch in key) or self._month_line(key)

    def _month_line(self, key: str) -> bool:
        """A month and numbers alone: a date block's line of no whole date ("JUL 2012")."""
        words = key.split()
        months = self.cues.dates.month_names
        return any(w.lower().rstrip(".") in months for w in words) \
            and all(w.isdigit() or w.lower().rstrip(".") in months for w in words)

    def _sentence_run(self, i: int) -> bool:
        """Whether line ``i`` and the line above it both end in a full stop: a run of
        sentences (a form's messages: "Please enter your email address. / An error
        occurred, please try again later."), not a headline over its standfirst."""
        up = self.span.above(i)
        return up is not None and _full_stop(self.lines[i].key) and _full_stop(self.lines[up].key)

    def _no_headline(self, line: Line) -> bool:
        """Whether a line's own shape says it is no headline: a row of share links, a trail
        or line of names, a link to another post, a line of tags (:data:`NO_HEADLINE`)."""
        shape = self._shape(line.key, line.text)
        return any(shape[t] < 0 for t in NO_HEADLINE)

    def under_crumbs(self, i: int) -> bool:
        """Whether line ``i`` comes right after a breadcrumb trail: "Home", then at most
        ``crumb_labels`` section labels ("Home / Sport / Swimming / <headline>"), and is
        neither a crumb itself nor one more item of a menu that opens with "Home"."""
        span, lines, tw = self.span, self.lines, self.tw
        j = i
        for labels in range(tw.crumb_labels + 1):
            above = span.above(j)
            if above is None:
                return False
            if lines[above].home:
                if labels == 0:
                    return False  # right under "Home" stands a menu's first item as often
                break
            if lines[above].weight > tw.crumb_weight and not self.crumb(above):
                return False
            j = above
        else:
            return False
        if self.crumb(i):
            return False
        after = span.below(i)  # a menu goes on with more short items
        return after is None or lines[after].weight > tw.menu_item_weight or self.cues.meta_like(lines[after])

    def crumb(self, i: int) -> bool:
        """A section label of a breadcrumb trail, by its form: numbered ("2. News"), ending
        in a separator ("Software ›"), or a short name the page shows elsewhere too
        (its menu: "Economy & Business")."""
        line = self.lines[i]
        return bool(CRUMB_NUMBER.match(line.key)) or line.text.rstrip().endswith(CRUMB_ENDS) or (
            line.weight <= self.tw.crumb_name_weight and self.span.repeated(i)
        )

    def meta_follows(self, i: int) -> float:
        """A bonus when a date or byline comes right after line ``i`` (author-name
        lines in between are skipped): the headline sits on top of its byline. A byline
        ("By Jane Doe") right under it says more than a date: lists of other stories
        show dates more often than authors."""
        if (bonus := self._follows.get(i)) is None:
            bonus = self._follows[i] = self._meta_follows(i)
        return bonus

    def dek_under(self, i: int, k: int) -> bool:
        """Whether line ``k``, right under candidate ``i``, is its standfirst: a standfirst
        by its own form and by its form against the line above (:meth:`deck`)."""
        return self.deck(i, k) and self.cues.standfirst(self.lines[k])

    def deck(self, h: int, k: int) -> bool:
        """Whether line ``k``, under line ``h``, reads as its standfirst by their form: ``h``
        a line of a headline's words (not in capitals), ``k`` longer and heavy, or right
        under it and ending as a sentence ends where ``h`` does not ("Headline / But is it
        worth it?")."""
        tw, head, x = self.tw, self.lines[h], self.lines[k]
        if head.weight < tw.dek_head_min or head.key.isupper():
            return False
        return head.weight < x.weight and x.weight >= tw.dek_min_weight or (
            self.span.below(h) == k and x.text.rstrip().endswith(SENTENCE_ENDS)
            and not head.text.rstrip().endswith(SENTENCE_ENDS))

    def _meta_follows(self, i: int) -> float:
        seen = names = deks = 0
        named_first = False
        lines, cues, tw = self.lines, self.cues, self.tw
        for k in range(i + 1, len(lines)):
            x = lines[k]
            if x.blank:
                continue
            if cues.meta_like(x):
                if seen == names == 0 and cues.by.match(x.key):
                    # and the line itself is no name: the names are in the byline
                    named = tw.name_cost if cues.bare_name(lines[i].text.strip()) else 0.0
                    return tw.meta_bonus + tw.byline_bonus + named
                return tw.meta_bonus - tw.meta_decay * seen
            if names == 0 and cues.name_like(x):
                names += 1
                named_first = named_first or (seen == 0 and x.weight <= tw.name_under_weight)
            elif seen == names == 0 and deks < tw.dek_skips and self.dek_under(i, k):
                deks += 1  # its standfirst, between the headline and the byline
            else:
                seen += 1
            if seen >= tw.meta_lookahead:
                break
        # an author's name right under a headline-sized line that is no name itself, with
        # no date or "By" near: a byline still
        if named_first and lines[i].weight >= tw.headline_min and not cues.name_like(lines[i]):
            return tw.name_under_bonus
        return 0.0
