"""Line features: what the parser knows of each line's text, wherever it stands.

A line's features depend on its text alone (and the rules): its weight, whether it ends
like a sentence, which boilerplate rule removes it, the dates it holds, its folded form,
and what follows from those (its score in a body run, whether it may be a table row, a
heading, the "Home" of a breadcrumb trail). One immutable :class:`Line` serves every line
with that text, in a dump and across dumps: site chrome repeats on every page of a site,
so the features of a repeated line are looked up, not computed again.
"""

from __future__ import annotations

import math
import re
from typing import NamedTuple

from ..dates import DateInfo
from ..model import Reason
from ..rules import Rules, rule_key
from ..text import ends_sentence, fold, has_cjk, strip_bullet, weight
from .cues import Cues
from .memo import store_for
from .outlet import copyright_sign
from .weights import LineWeights


class Line(NamedTuple):
    """What the parser knows of a line's text.

    It depends on the text alone (and the rules), not on where the line stands, so one
    object serves every line with that text, in a dump and across dumps (site chrome
    repeats on every page of a site): it is never changed. Where a line stands (its
    number, the lines with the same text) is kept apart, by position.

    A named tuple, not a frozen dataclass: as immutable, and a fresh line costs one
    tuple rather than twenty ``object.__setattr__`` calls (a frozen dataclass's
    ``__init__``), a tenth of the time; on input whose lines are all new that was a
    fifth of the line features' cost (see bench/RESULTS.md, issue 14).
    """

    text: str
    key: str
    weight: int
    sentence: bool
    rule: str | None = None
    dates: tuple[DateInfo, ...] = ()
    fold: str = ""
    joined: int = 0  # hard-wrapped text: how many following lines continue this one
    merged: bool = False  # hard-wrapped text: this line continues the one above
    # Derived (see make_line): kept as plain fields because they are read very often.
    blank: bool = False  # empty, or a continuation of the line above (which stands for both)
    good: bool = False  # body-like: a long enough sentence, or a long line
    score: float = 0.0  # what the line adds to a body run (see body.scores); 0 only if blank
    removed: str = ""  # why it is removed whatever else it is: blank, continued, or its rule
    width: int = 0  # its length, trailing white space left out
    row: bool = False  # three cells or more, set apart by tabs or wide gaps: maybe a table row
    heading: bool = False  # short, no rule's, no "Label:": a heading or a list item if set apart
    home: bool = False  # "Home", where a breadcrumb trail starts
    cut: str = ""  # a separator line's kind (see Cues.cut), else ""
    signed: bool = False  # a short line with a copyright sign or word: it may name the outlet
    framed: str = ""  # the name the line frames as the page's own ("About X"), else ""

    @property
    def clean(self) -> str:
        """The line as a field keeps it: trimmed, without a leading list bullet."""
        return strip_bullet(self.text)


def _may_hold_date(key: str, cues: Cues) -> bool:
    """Whether ``key`` holds a year, or a word of a relative date (see Cues.year)."""
    return cues.year.search(key) is not None or cues.relative_hint.search(key.lower()) is not None


_NO_DATES: tuple[DateInfo, ...] = ()


def make_line(
    text: str, key: str, weight: int, sentence: bool, rule: str | None, dates: tuple[DateInfo, ...], fold: str,
    lw: LineWeights, joined: int = 0, merged: bool = False, home: bool = False, cut: str = "",
    signed: bool = False, framed: str = "",
) -> Line:
    """A :class:`Line`, its derived fields computed with the weights ``lw``."""
    listed = weight >= lw.long_weight and (run_together(key, lw) or cell_list(text, lw) or echoed(key, lw))
    good = ((sentence and weight >= lw.good_weight) or weight >= lw.long_weight) and not listed
    blank = not key or merged
    if blank:
        score = 0.0
    elif rule:
        score = -lw.rule_cost
    elif good:
        score = float(min(weight, lw.score_cap))
    elif listed or (sentence and weight >= lw.short_sentence_weight):
        score = lw.short_sentence_score
    else:
        score = -lw.short_cost
    removed = Reason.CONTINUED if merged else Reason.BLANK if not key else rule or ""
    row = not blank and cells(text) >= lw.table_cells
    heading = score < 0 and not rule and weight <= lw.heading_weight and ":" not in key
    return Line(
        text, key, weight, sentence, rule, dates, fold, joined, merged, blank, good, score, removed, len(text.rstrip()),
        row, heading, home, cut, signed, framed,
    )


def line_features(text: str, rules: Rules, cues: Cues, lw: LineWeights) -> Line:
    key = rule_key(text)
    cut = cues.cut(text) if text else ""
    if not key:
        return Line(text, key, 0, False, None, _NO_DATES, "", 0, False, True, False, 0.0, Reason.BLANK, 0, cut=cut)
    split = key.split()
    words = len(split)
    w = weight(key, words)
    folded, dates = "", _NO_DATES
    if w <= lw.fold_weight:  # only short lines can be titles or repeat as chrome
        folded = fold(key)
        if w <= lw.date_weight and _may_hold_date(key, cues):
            dates = cues.dates.date_line(key)
    home = w <= lw.home_weight and cues.home(key)
    return make_line(
        text, key, w, ends_sentence(key), rules.match_key(key, words), dates, folded, lw, 0, False, home, cut,
        copyright_sign(key), cues.outlet.framed_name(key, split),
    )


# Site chrome repeats on every page of a site: what a line's text gives is remembered
# (per rule set), so a folder of pages from a few sites costs little per repeated line.
# Longer lines, body paragraphs, repeat too where the same wire copy runs on many sites,
# or a page is saved twice: the most recent of them are remembered apart, in a smaller
# store. Both stores start afresh when full, so memory stays bounded.
_Store = dict[tuple[Rules, LineWeights], dict[str, Line]]
_FEATURES: _Store = {}
_FEATURES_MAX = 50_000
CACHE_LINE_CHARS = 200  # lines this short go in the large store
_LONG_FEATURES: _Store = {}
_LONG_FEATURES_MAX = 4_096
LONG_CACHE_CHARS = 2_000  # longer lines up to this length go in the small one


def features(texts: list[str], rules: Rules, lw: LineWeights) -> list[Line]:
    """The :class:`Line` of each of ``texts``, remembered ones looked up."""
    cues = Cues.of(rules)
    cache = _store(_FEATURES, (rules, lw), _FEATURES_MAX)
    long = _store(_LONG_FEATURES, (rules, lw), _LONG_FEATURES_MAX)
    out: list[Line | None] = list(map(cache.get, texts))
    for i, found in enumerate(out):
        if found is None:
            text = texts[i]
            if len(text) <= CACHE_LINE_CHARS:
                cache[text] = out[i] = line_features(text, rules, cues, lw)
                continue
            known = long.get(text)
            if known is not None:
                out[i] = known
                continue
            line = out[i] = line_features(text, rules, cues, lw)
            if len(text) <= LONG_CACHE_CHARS:
                if len(long) >= _LONG_FEATURES_MAX:
                    long.clear()
                long[text] = line
    return out  # type: ignore[return-value]  # (no None left)


def _store(stores: _Store, key: tuple[Rules, LineWeights], most: int) -> dict[str, Line]:
    """The line store for a rule set and weights, started afresh when it holds ``most`` lines."""
    store = store_for(stores, key, dict)
    if len(store) >= most:
        store = stores[key] = {}
    return store


def run_together(key: str, lw: LineWeights) -> bool:
    """A list run together on one line, not prose: nearly every word opens with a capital
    or a digit ("Archives October 2012 (1) September 2012 (2) ...", "Home News Sport
    Business ...", a row of headlines), where prose has its small words; or, with no comma
    or stop in it, a tag cloud all in small letters ("adopt a pet water alert ...") or a
    menu in both cases with few small words in small letters ("Select Category Arts
    biology Books ...": fewer than ``list_small_share`` of its words "of", "the", "to" and
    their like, which a sentence that lacks its full stop runs on). Only lines most of
    whose words have case or are numbers are judged (not CJK text).

    Such a line is no body line, however long: it scores a little in a body run (as a
    short sentence does), so that it neither carries a run nor cuts one."""
    words = key.split()
    lower = cased = 0
    # (Prose, the common case, is told early: once this many of its words open in small
    # letters and it has a comma or a full stop, it can be neither kind of list.)
    enough = lw.list_lower_share * len(words) if _PROSE_MARKS.search(key) else math.inf
    for w in words:
        c = w.lstrip(_OPENERS)[:1]
        if c.islower():
            lower += 1
            if lower >= enough:
                return False
        elif c.isupper() or c.isdigit():
            cased += 1
    judged = lower + cased
    if judged < lw.list_judged_share * len(words):
        return False
    if lower < lw.list_lower_share * judged:
        return True
    if _PROSE_MARKS.search(key) or has_cjk(key):
        return False
    # a tag cloud, all in small letters; or a menu of any case (a list of categories), few
    # of its words the small ones prose runs on ("of", "the", "to"), and no comma or stop
    small = sum(1 for w in words if len(w) <= _SMALL_WORD and w[:1].islower())
    return not cased or small < lw.list_small_share * len(words)


def echoed(key: str, lw: LineWeights) -> bool:
    """Links run together on one line that say the same words over and over, with no
    sentence's marks: "I Geek for Creativity on Facebook I Geek for Creativity on YouTube
    I Geek for Creativity on Pinterest", "Follow us on Twitter Follow us on Facebook ...":
    a run of ``echo_words`` words shown ``echo_times`` times or more."""
    if _PROSE_MARKS.search(key):
        return False
    words = key.casefold().split()
    n = lw.echo_words
    seen: dict[tuple[str, ...], int] = {}
    for k in range(len(words) - n + 1):
        gram = tuple(words[k : k + n])
        seen[gram] = seen.get(gram, 0) + 1
        if seen[gram] >= lw.echo_times:
            return True
    return False


def cell_list(text: str, lw: LineWeights) -> bool:
    """A list set out on one line in cells (as a text converter writes a row of links,
    two spaces or a tab between them: "Audi City to Open in London  Audi A2 Aims at the
    Juke  ..."): ``table_cells`` cells or more, none of them ending like a sentence (prose
    with two spaces after its full stops is no list)."""
    if "  " not in text and "\t" not in text:
        return False
    cells = [c for c in _CELL_GAP.split(text.strip()) if c]
    return len(cells) >= lw.table_cells and not any(c[-1] in CLAUSE_ENDS for c in cells)


CLAUSE_ENDS = ".!?…:;\"”"  # how a sentence, a clause or a quoted one ends (no link's label ends so)
_PROSE_MARKS = re.compile(r"[.,;:!?]")
_SMALL_WORD = 3  # letters: "of", "the", "to", "and"
_OPENERS = "\"'“‘([«¿¡"
_CELL_GAP = re.compile(r"\t|\s{2,}")


def cells(text: str) -> int:
    """How many cells a line holds when tabs or gaps of two spaces or more divide it."""
    if "\t" not in text and "  " not in text:
        return 1
    return sum(1 for cell in _CELL_GAP.split(text.strip()) if cell)


def site_chrome(lines: list[Line], chrome: frozenset[str], lw: LineWeights) -> int:
    """Mark the lines whose text is in ``chrome`` as removed (``site-chrome``), in place,
    unless a rule removes them already, or they are blank or hold a date; return how many."""
    marked = 0
    for i, x in enumerate(lines):
        if x.key in chrome and not x.rule and not x.blank and not x.dates:
            lines[i] = make_line(
                x.text, x.key, x.weight, x.sentence, Reason.SITE_CHROME, x.dates, x.fold, lw, x.joined, x.merged,
                x.home, x.cut, x.signed, x.framed,
            )
            marked += 1
    return marked
