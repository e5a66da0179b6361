"""The title: the best title-like line shortly before an article's body (or opening it).

Each candidate is scored by what its own text looks like (a headline's shape), where it
stands (near the body, over its byline, after a breadcrumb trail) and what the body says
(the lead speaks of what the headline speaks of).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, partial

from ..model import Kind
from . import cues as shapes
from .cues import Cues, content_words
from .layout import Span

TITLE_WINDOW = 30  # lines of words (boilerplate not counted) looked at above the body for the title
TITLE_OVERLAP = 0.6  # bonus for a title whose words the body's lead shares, in full
REPEAT_BONUS = 0.4
TITLE_RANK_COST = 0.02  # per line of words (not boilerplate) between a title candidate and the body
META_BONUS = 0.5  # a byline or date right under a title candidate
TITLE_CASE_BONUS = 0.15
DEK_MIN_WEIGHT = 12
DEK_PENALTY = 0.3  # a longer line right under a title-like one: its standfirst
BYLINE_BONUS = 0.2  # a headline right over its "By" byline
BYLINED_RANK = 10  # ... pays rank cost for this many lines at most
NAME_COST = 0.6  # a line of names is a credit or a byline, not a headline
CRUMB_BONUS = 1.5  # a line right after a breadcrumb trail ("Home / Sport / <headline>")
CRUMB_LABELS = 3  # ... of at most this many section labels
SUBTITLE_UNDER = 12  # a headline this heavy makes a lighter line right under it its subtitle
SUBTITLE_PENALTY = 1.0


def _title_shape(cues: Cues, key: str, text: str) -> float:
    """What a title candidate's own text adds to its score, wherever it stands (a
    candidate is title-like: no date line)."""
    score = 0.0
    if key.endswith(".") and not key.endswith(("...", "…")):
        score -= 0.35
    if shapes.title_case(key):
        score += TITLE_CASE_BONUS
    if key[:1].isupper() or shapes.CJK.match(key):
        score += 0.1
    if cues.photo_credit_text(key[-160:]) or cues.meta_text(key) or cues.name_text(text.strip()):
        score -= NAME_COST  # a photo credit, a byline, a line opening with a date, a line of names
    if shapes.TWO_SENTENCES.search(key):
        score -= 0.3  # two sentences: a standfirst, not a headline
    if len(shapes.JUNCTION.findall(key)) >= 2:
        score -= 0.4  # words run together: link texts or menu items glued into one line
    return score


class TitlePicker:
    """Scores the title candidates of one article's span."""

    def __init__(self, span: Span, kind: list[Kind | None], cues: Cues) -> None:
        self.span = span
        self.cues = cues
        self._shape = _shapes(cues)
        self.lines = span.lines
        self.kind = kind  # lines a field or a removal has taken already are no candidates
        self._follows: dict[int, float] = {}

    def pick(self, body_start: int) -> int | None:
        """The best title-like line shortly before the body (or opening it)."""
        lines = self.lines
        span = self.span
        cues = self.cues
        title_like, meta_like = cues.title_like, cues.meta_like
        window: list[int] = []  # non-blank line indices, nearest to the body first
        ranks: list[int] = []  # how many of them, not counting boilerplate, come first
        counted = 0
        trail = False  # whether a breadcrumb trail may stand among them (see under_crumbs)
        for i in range(body_start - 1, -1, -1):
            if not lines[i].blank:
                window.append(i)
                ranks.append(counted)
                trail = trail or lines[i].home
                if not lines[i].rule:
                    counted += 1
                    if counted >= TITLE_WINDOW:
                        break
        # A long headline may open the body run itself: the run's first line, when it
        # does not end like a statement and a byline or date follows, or it repeats.
        first = next((i for i in range(body_start, min(len(lines), body_start + 3)) if not lines[i].blank), None)
        if first is not None and title_like(lines[first]) and not lines[first].key.endswith(".") and (
            not lines[first].sentence or self.meta_follows(first) > 0 or span.repeated(first)
        ):
            window.insert(0, first)
            ranks = [0, *(r + 1 for r in ranks)]
        # The lead, less any line shown above it too (a standfirst repeated at the top of
        # the body would otherwise be the best match for itself).
        shown = {lines[i].fold for i in window} - {""}  # (long lines have no fold: they never repeat as chrome)
        lead_lines = [x for x in lines[body_start : body_start + 12] if x.good and not x.rule]
        lead_keys = [x.key for x in lead_lines if x.fold not in shown]
        in_lead = {x.fold for x in lead_lines} & shown
        joined = " ".join(lead_keys)
        # The lead's words; a line's own are remembered, so a page's lead seen again costs
        # little. (CJK character pairs may run across lines: such a lead is read whole.)
        lead = (
            frozenset().union(*map(content_words, lead_keys)) if not shapes.cjk_in(joined)
            else shapes.words_of(joined)
        )
        best, best_i = 0.0, None
        for k, i in enumerate(window):
            line = lines[i]
            rank = ranks[k]
            if self.kind[i] is not None or not title_like(line):
                continue
            # (The window lists every line of words going up: the next one is the one above.)
            prev = window[k + 1] if k + 1 < len(window) else span.above(i)
            # The title-like line above, past one label such as "Editorial" or "Analysis".
            above = prev
            if prev is not None and lines[prev].weight <= 2 and not meta_like(lines[prev]):
                above = window[k + 2] if k + 2 < len(window) else span.above(prev)
            prev_title = above if above is not None and title_like(lines[above]) and not meta_like(lines[above]) \
                else None
            w = line.weight
            score = 0.85 + 0.01 * min(w, 15) if 4 <= w <= 20 else 0.7 if w > 20 else 0.35 if w == 3 else 0.1
            meta = self.meta_follows(i)
            # A headline over its byline heads the article, whatever stands between it
            # and the body (a photo, a video strip): distance counts only so far.
            score -= TITLE_RANK_COST * (min(rank, BYLINED_RANK) if meta >= META_BONUS + BYLINE_BONUS else rank)
            score += meta
            words = content_words(line.key)
            if words and lead:
                # The headline speaks of what the lead speaks of; menus and other
                # stories' headlines do not.
                shared = len(words & lead) / len(words)
                score += TITLE_OVERLAP * shared
                if shared == 1.0 and cues.bare_name(line.text.strip()):
                    score += NAME_COST  # a few capitalised words the lead speaks of: a topic, not an author
            if w >= 4 and line.fold not in in_lead and span.repeated(i):
                score += REPEAT_BONUS
            if line.key.isupper() and w > 2:
                score -= 0.3
            score += self._shape(line.key, line.text)
            if prev_title is not None and w >= DEK_MIN_WEIGHT and lines[prev_title].weight < w:
                score -= DEK_PENALTY  # a longer line right under a title-like one is its standfirst
            elif prev_title is not None and lines[prev_title].weight >= SUBTITLE_UNDER > w \
                    and shapes.headline_shape(lines[prev_title]):
                score -= SUBTITLE_PENALTY  # a shorter line right under a long headline is its subtitle
            if trail and self.under_crumbs(i):
                score += CRUMB_BONUS
            if prev is not None and lines[prev].weight <= 3 and lines[prev].text.rstrip().endswith(":"):
                score -= 0.6  # the value of a "Label:" line
            if score > best:
                best, best_i = score, i
        return best_i

    def under_crumbs(self, i: int) -> bool:
        """Whether line ``i`` comes right after a breadcrumb trail: "Home", then at most
        CRUMB_LABELS section labels ("Home / Sport / Swimming / <headline>"), and is
        neither a crumb itself nor one more item of a menu that opens with "Home"."""
        span, lines = self.span, self.lines
        j = i
        for labels in range(CRUMB_LABELS + 1):
            above = span.above(j)
            if above is None:
                return False
            if lines[above].home:
                if labels == 0:
                    return False  # right under "Home" stands a menu's first item as often
                break
            if lines[above].weight > 2 and not self.crumb(above):
                return False
            j = above
        else:
            return False
        if self.crumb(i):
            return False
        after = span.below(i)  # a menu goes on with more short items
        return after is None or lines[after].weight > 3 or self.cues.meta_like(lines[after])

    def crumb(self, i: int) -> bool:
        """A section label of a breadcrumb trail, by its form: numbered ("2. News"), ending
        in a separator ("Software ›"), or a short name the page shows elsewhere too
        (its menu: "Economy & Business")."""
        line = self.lines[i]
        return bool(shapes.CRUMB_NUMBER.match(line.key)) or line.text.rstrip().endswith(shapes.CRUMB_ENDS) or (
            line.weight <= 3 and self.span.repeated(i)
        )

    def meta_follows(self, i: int) -> float:
        """A bonus when a date or byline comes right after line ``i`` (author-name
        lines in between are skipped): the headline sits on top of its byline. A byline
        ("By Jane Doe") right under it says more than a date: lists of other stories
        show dates more often than authors."""
        if (bonus := self._follows.get(i)) is None:
            bonus = self._follows[i] = self._meta_follows(i)
        return bonus

    def _meta_follows(self, i: int) -> float:
        seen = names = 0
        lines = self.lines
        cues = self.cues
        for k in range(i + 1, len(lines)):
            x = lines[k]
            if x.blank:
                continue
            if cues.meta_like(x):
                if seen == names == 0 and cues.by.match(x.key):
                    # and the line itself is no name: the names are in the byline
                    return META_BONUS + BYLINE_BONUS + (NAME_COST if cues.bare_name(lines[i].text.strip()) else 0.0)
                return META_BONUS - 0.12 * seen
            if names == 0 and cues.name_like(x):
                names += 1
            else:
                seen += 1
            if seen >= 4:
                break
        return 0.0



_SHAPES: dict[Cues, Callable[[str, str], float]] = {}


def _shapes(cues: Cues) -> Callable[[str, str], float]:
    """:func:`_title_shape` with ``cues``, remembered per text (one store per rule set)."""
    found = _SHAPES.get(cues)
    if found is None:
        if len(_SHAPES) >= 8:  # rule sets come and go in tests, not in a run
            _SHAPES.clear()
        found = _SHAPES[cues] = lru_cache(maxsize=16384)(partial(_title_shape, cues))
    return found
