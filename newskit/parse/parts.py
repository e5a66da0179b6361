"""Parts: where a dump of several documents splits, before any article is looked for.

A dump may hold several documents one after another: newskit's own ``strip`` output
(articles set apart by a form-feed line), an export with separator lines between its
documents (``----``, ``====``, ``* * *``, "3 of 20 DOCUMENTS"), or whole pages appended
with only blank lines between them. Each part is then read as a dump of its own (and may
still split where a headline repeats, :func:`newskit.parse.layout.split`).

How a dump is split is the ``split`` setting of :func:`newskit.parse.parse_text`:

- ``"auto"`` (the default): at every form-feed line and numbered separator ("3 of 20
  DOCUMENTS"; where only those split a dump, each part is one document, not split
  further); at every other separator line (a rule of dashes or equals signs, a row of
  asterisks) whose shape the dump holds at least twice (``layout.separator_repeats``),
  whose parts on both sides have a body of their own, and which neither stands between
  two paragraphs nor lies inside the densest body run of its two parts with body-like
  lines near it on both sides (a section break inside an article), unless the two parts
  are about different things (their cohesion, :mod:`newskit.parse.cohesion`, is under
  ``layout.separator_cohesion``); where the dump holds no such rule and no form feed, at a
  lone rule with only chrome near it on both sides, a body on each side and a headline
  over the body under it (two whole pages with one rule between them);
- ``"file"``: never (one article per file, not even where a headline repeats);
- any other value is a regular expression that a whole separator line matches (its
  spaces at both ends aside): the dump splits at those lines and nowhere else.

A part between separators with too little body to stand alone (``layout.part_min_body``
words: a label, a notice; a brief of a sentence or two is an article, as it is alone, and so
is a record that opens with a headline over a byline or date line, whatever its body) is not
an article: across a separator line it joins the part before it (or after it, for the
first), as its chrome; between form feeds or the user's separators it is chrome between
articles. Either way :class:`Parts` names it, so that ``-v`` can say so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import islice, pairwise
from typing import NamedTuple

from ..splitting import AUTO, FILE, separator_pattern
from ..text import content_words
from .body import BARRIER_RULES, densest
from .cohesion import Cohesion
from .cues import FORM_FEED, NUMBERED, Cues
from .features import CLAUSE_ENDS, Line
from .weights import LayoutWeights, ParseWeights


class Cut(NamedTuple):
    """A separator line: its index, and whether the dump always splits there."""

    at: int
    hard: bool


@dataclass(slots=True)
class Parts:
    """A dump's parts: spans ``[start, end)`` of lines to read as dumps of their own, the
    separator lines between them (removed as ``separator``), and the spans of the parts
    with too little body that were kept as chrome."""

    spans: list[tuple[int, int]] = field(default_factory=list)
    separators: list[int] = field(default_factory=list)
    leftovers: list[tuple[int, int]] = field(default_factory=list)
    stripped: bool = False  # split at form feeds: parts in :func:`strip_shaped` form are clean text
    documents: bool = False  # split at an export's numbered lines ("3 of 20 DOCUMENTS"): a part is one article


def strip_shaped(lines: list[Line], start: int, end: int) -> bool:
    """Whether ``[start, end)`` is one article as ``newskit strip`` writes it: lines of
    text each set apart by one blank line (its title, then one paragraph or more), blank
    lines at its ends aside, and none of them a rule's. Such a part between form feeds is
    clean text already, read back as it was written (a round trip gives the same articles).
    (Not a whole dump without form feeds: clean text written by hand has that shape too,
    with its byline and dates in lines of their own.)"""
    text = [i for i in range(start, end) if lines[i].text.strip()]
    return (
        len(text) > 1
        and all(b - a == 2 for a, b in zip(text, text[1:], strict=False))  # noqa: PLR2004 (a line, a blank)
        and not any(lines[i].removed for i in text)
    )


def body_weight(lines: list[Line], start: int, end: int) -> int:
    """The weight of the body-like lines in ``[start, end)`` (no rule's)."""
    return sum(x.weight for x in lines[start:end] if x.good and not x.rule)


def _has_text(lines: list[Line], start: int, end: int) -> bool:
    return any(x.key for x in lines[start:end])


def cuts(lines: list[Line], pattern: re.Pattern[str] | None, repeats: int, box: int = 0) -> list[Cut]:
    """The separator lines: the user's (``pattern``; all hard), else form feeds and numbered
    separators (hard) and the rules of :meth:`~newskit.parse.cues.Cues.cut` whose
    shape (dashes, equals signs, asterisks) the dump holds ``repeats`` times or more. A
    shape whose rules all stand within ``box`` lines of words of each other frames one
    short stretch (a boxed title, a banner in a comment): decoration, no separator."""
    if pattern is not None:
        return [Cut(i, True) for i, x in enumerate(lines) if pattern.fullmatch(x.text.strip()) is not None]
    # (Each line's kind of separator is one of its features, read once per distinct text.)
    marked = [i for i, x in enumerate(lines) if x.cut]
    if not marked:
        return []
    shapes: dict[str, int] = {}
    for i in marked:
        shapes[lines[i].cut] = shapes.get(lines[i].cut, 0) + 1
    # A lone rule is more often a page's own (over its archive links, under a letter) than
    # the one line between two documents: a rule splits where its shape comes again.
    hard = (FORM_FEED, NUMBERED)
    boxed = {shape for shape in shapes if shapes[shape] > 1 and shape not in hard and _boxed(lines, marked, shape, box)}
    return [Cut(i, lines[i].cut in hard) for i in marked
            if lines[i].cut in hard or (shapes[lines[i].cut] >= repeats and lines[i].cut not in boxed)]


def _boxed(lines: list[Line], marked: list[int], shape: str, box: int) -> bool:
    """Whether the rules of ``shape`` among ``marked`` all stand within ``box`` lines of words."""
    at = [i for i in marked if lines[i].cut == shape]
    return sum(1 for x in lines[at[0] + 1 : at[-1]] if x.key and not x.cut) <= box


def _inside_a_body(lines: list[Line], lo: int, at: int, hi: int) -> bool:
    """Whether line ``at`` stands between two paragraphs of a body: the nearest lines of
    words above and below it (within ``[lo, hi)``) are both body-like. That is a section
    break inside an article; between two whole pages stand the page's own chrome."""
    above = next((x for x in reversed(lines[lo:at]) if x.key), None)
    below = next((x for x in lines[at + 1 : hi] if x.key), None)
    return above is not None and below is not None and above.good and below.good


def _one_subject(lines: list[Line], lo: int, at: int, hi: int, lw: LayoutWeights) -> bool:
    """Whether the lines of ``[lo, hi)`` on both sides of line ``at`` are about the same
    things: their cohesion (:meth:`~newskit.parse.cohesion.Cohesion.between`) is
    ``layout.separator_cohesion`` or more. Two documents set apart by a rule are not."""
    return Cohesion(lines, lo, hi, lw.digest_window).between(at - 1, at + 1) >= lw.separator_cohesion


def _body_across(lines: list[Line], lo: int, at: int, hi: int, weights: ParseWeights) -> bool:
    """Whether the densest body run of ``[lo, hi)`` runs across line ``at``: the rule is
    inside one article's body (its chrome on both sides is too thin to tell two pages).
    Not where the ``layout.separator_chrome`` nearest lines of words on one side of the
    rule are all chrome (no body-like line): a page's footer over it, or the next page's
    menu under it."""
    run = densest(lines, lo, hi, weights)
    if run is None or not run[0] < at < run[1]:
        return False
    above, below = _near_words(lines, lo, at, hi, weights.layout.separator_chrome)
    return all(any(x.good and not x.rule for x in side) for side in (above, below))


def _near_words(lines: list[Line], lo: int, at: int, hi: int, near: int) -> tuple[list[Line], list[Line]]:
    """The ``near`` nearest lines of words above line ``at`` (down to ``lo``, nearest
    first) and below it (up to ``hi``)."""
    above = [x for x in reversed(lines[lo:at]) if x.key][:near]
    below = [x for x in lines[at + 1 : hi] if x.key][:near]
    return above, below


def _lone_between_pages(lines: list[Line], at: int, cues: Cues, weights: ParseWeights) -> bool:
    """Whether a rule whose shape the dump holds only once stands between two whole pages:
    none of the ``layout.separator_chrome`` nearest lines of words on either side is
    body-like (a page's footer over it, the next page's menu under it), both sides hold a
    body of their own, and a headline stands over the body under it (as at a seam of pages
    set apart by blank lines only). The body each side needs is ``layout.seam_min_body``,
    or only ``layout.separator_lone_body`` where those near lines tell a seam: a page's
    closing line (:func:`_closing`) over the rule or an opening rule's line under it. Where
    the line right over the rule is a closing line, the one right under it can only open a
    page (:attr:`Cues.page_start`, "Skip to content"), or a menu opens under it
    (``layout.seam_menu`` opening rule's lines, :func:`_opening_lines`), the rule tells the
    seam itself: body-like lines may be near it, ``layout.separator_told_body`` of body a
    side will do (a picture post), and the next page need not open with its headline (a
    weather strip's long line may stand over it), and a short post over its comments header
    (:func:`_short_post_part`) is body enough. A menu by its shape under the rule
    (:func:`_menu_under`, whatever its words), or a document's head (a headline over its
    byline or date, :func:`_headed_document`), lets body-like lines be near it too. With
    body-like lines near it and none of those, it stands between two pages only where
    their words differ (:func:`_apart_by_rule`)."""
    lw = weights.layout
    above, below = _near_words(lines, 0, at, len(lines), lw.separator_chrome)
    told = bool(above and _closing(above[0], cues) or below and below[0].rule in cues.page_start) \
        or _opening_lines(lines, at + 1, len(lines), cues, lw) >= lw.seam_menu
    menu = told or _menu_under(lines, at + 1, lw) or _headed_document(lines, at + 1, len(lines), cues, lw)
    if not menu and any(x.good and not x.rule for side in (above, below) for x in side):
        return _apart_by_rule(lines, at, weights)
    seam = menu or any(_closing(x, cues) for x in above) or any(x.rule in cues.page_opening for x in below)
    least = lw.separator_told_body if told else \
        max(weights.body.min_body_weight, lw.separator_lone_body if seam else lw.seam_min_body)
    n = len(lines)

    def bodied(a: int, b: int) -> bool:  # (told: a short post over its comments will do)
        return body_weight(lines, a, b) >= least or told and _short_post_part(lines, a, b, cues, weights)

    return bodied(0, at) and bodied(at + 1, n) and (told or _headed(lines, at + 1, n, lw))


def _apart_by_rule(lines: list[Line], at: int, weights: ParseWeights) -> bool:
    """Whether a lone rule with body-like lines near it stands between two pages on other
    subjects: ``layout.seam_min_body`` words of body on each side, a headline over the
    body under it, and a cohesion across it under ``layout.separator_lone_cohesion`` (a
    section break inside one article, or a page's rule over its comments, stands between
    words about the same things)."""
    lw, n = weights.layout, len(lines)
    return body_weight(lines, 0, at) >= lw.seam_min_body and body_weight(lines, at + 1, n) >= lw.seam_min_body \
        and _headed(lines, at + 1, n, lw) \
        and Cohesion(lines, 0, n, lw.digest_window).between(at - 1, at + 1) < lw.separator_lone_cohesion


def find_parts(lines: list[Line], cues: Cues, weights: ParseWeights, split: str = AUTO) -> Parts:
    """Where the dump splits, by its separator lines (see the module docstring)."""
    n = len(lines)
    if split == FILE:
        return Parts([(0, n)])
    pattern = separator_pattern(split)
    found = cuts(lines, pattern, weights.layout.separator_repeats, weights.layout.separator_box)
    if pattern is None and not found:  # no rule's shape recurs: a lone rule may stand between two pages
        found = [c for c in cuts(lines, None, 1, weights.layout.separator_box)
                 if _lone_between_pages(lines, c.at, cues, weights)]
    if not found:
        whole = Parts([(0, n)])
        return whole if pattern is not None else _split_pages(lines, whole, cues, weights)
    bounds = [-1, *(c.at for c in found), n]
    segments = [(bounds[k] + 1, bounds[k + 1]) for k in range(len(bounds) - 1)]
    kept = [True] * len(found)  # cut k lies between segments k and k + 1
    leftovers: list[tuple[int, int]] = []
    least = weights.layout.part_min_body
    for k, (a, b) in enumerate(segments):
        if not _has_text(lines, a, b) or body_weight(lines, a, b) >= least \
                or _headed_document(lines, a, b, cues, weights.layout) or _short_post_part(lines, a, b, cues, weights):
            continue
        if k > 0 and not found[k - 1].hard:  # chrome of the part before (or after, for the first)
            kept[k - 1] = False
        elif k < len(found) and not found[k].hard:
            kept[k] = False
        else:
            continue
        leftovers.append((a, b))
    kept_cuts = [c for c, keep in zip(found, kept, strict=True) if keep]
    bounds = [-1, *(c.at for c in kept_cuts), n]
    # A rule or a row of asterisks between two paragraphs is a section break, where the
    # paragraphs on both sides are about the same things.
    breaks = {
        c.at for k, c in enumerate(kept_cuts)
        if not c.hard and (
            _inside_a_body(lines, bounds[k] + 1, c.at, bounds[k + 2])
            or _body_across(lines, bounds[k] + 1, c.at, bounds[k + 2], weights)
        ) and _one_subject(lines, bounds[k] + 1, c.at, bounds[k + 2], weights.layout)
    }
    out = Parts(separators=[c.at for c in kept_cuts if c.at not in breaks], leftovers=leftovers)
    start = 0
    for at in out.separators:
        out.spans.append((start, at))
        start = at + 1
    out.spans.append((start, n))
    # newskit's own strip output: each part between form feeds is one article already
    # (a round trip gives the same articles), not a digest to split by its words.
    out.stripped = any(lines[at].cut == FORM_FEED for at in out.separators)
    # An export that numbers its documents ("3 of 20 DOCUMENTS") says where each starts:
    # a part between two numbered lines is one document, not split further.
    out.documents = all(lines[at].cut == NUMBERED for at in out.separators) and bool(out.separators)
    if pattern is not None or out.stripped or out.documents:
        return out
    return _split_pages(lines, out, cues, weights)


def _headed_document(lines: list[Line], a: int, b: int, cues: Cues, lw: LayoutWeights) -> bool:
    """Whether the part ``[a, b)`` opens as a document does, whatever its body: a headline
    (:func:`_head_shaped`) over a byline or date line (:func:`_meta`) as its first two
    lines of words (a record of an export with its text cut off, not a label or a notice)."""
    head, meta = [*islice((x for x in lines[a:b] if x.key), 2), None, None][:2]
    return head is not None and meta is not None and _head_shaped(head, cues, lw) and _meta(meta, cues, lw)


def _short_post_part(lines: list[Line], a: int, b: int, cues: Cues, weights: ParseWeights) -> bool:
    """Whether the part ``[a, b)``, light as it is, holds a short post over its comments
    header (a picture and its line, :func:`~newskit.parse.body.densest` with short posts):
    a page of its own, not chrome between two others."""
    if not any(x.rule in BARRIER_RULES for x in lines[a:b]):
        return False  # (the common case, told at once: no comments header, no short post)
    run = densest(lines, a, b, weights, cues, short_posts=True)
    if run is None:
        return False
    post = lines[run[0] : run[1] + 1]
    return sum(x.weight for x in post if x.key and not x.rule) >= weights.lines.short_sentence_weight \
        and not any(x.good for x in post)


def _split_pages(lines: list[Line], parts: Parts, cues: Cues, weights: ParseWeights) -> Parts:
    """``parts`` with each span split further where whole pages were appended with only
    blank lines between them (where the site's own blocks show again, :func:`template_cuts`;
    at their seams, :func:`seam_cuts`; and where :func:`page_cuts` finds pages) and where
    the articles of a digest start (:func:`digest_cuts`). Pages of one site that its blocks
    tell (three or more) are each read as a dump of their own; a lone such cut stands for the
    other cuts near it."""
    spans: list[tuple[int, int]] = []
    least = weights.body.min_body_weight
    for lo, hi in parts.spans:
        told = template_cuts(lines, lo, hi, weights.layout, cues=cues)
        if len(told) > 1:
            cut = [*told, *(at for a, b in pairwise([lo, *told, hi]) for at in _page_cuts(lines, a, b, cues, weights))]
        else:
            cut = [c for c in _page_cuts(lines, lo, hi, cues, weights)
                   if all(body_weight(lines, min(at, c), max(at, c)) >= least for at in told)] + told
        if cut and not told:
            # a run of one site's pages among others': its blocks show again in the part it
            # ends up in (with no cut, the part was looked at whole already)
            cut += [at for a, b in pairwise([lo, *sorted(cut), hi])
                    for at in template_cuts(lines, a, b, weights.layout, closing=False)]
        spans.extend(pairwise([lo, *sorted(cut), hi]))
    parts.spans = spans
    return parts


def _page_cuts(lines: list[Line], lo: int, hi: int, cues: Cues, weights: ParseWeights) -> list[int]:
    """Where pages and a digest's articles start in ``[lo, hi)`` (:func:`seam_cuts`,
    :func:`page_cuts`, :func:`digest_cuts`, and :func:`apart_cuts` where they leave a page
    on both sides, :func:`_a_page`)."""
    least = weights.body.min_body_weight
    seams = seam_cuts(lines, lo, hi, cues, weights)
    found = {*page_cuts(lines, lo, hi, cues, weights), *digest_cuts(lines, lo, hi, cues, weights)}
    # A seam and another cut with too little body between them tell one page's start:
    # the earlier's (a seam found in the next page's own menu, its links a footer's
    # words, stands under the page test's cut past the footer).
    close = [(at, s) for at in found for s in seams if body_weight(lines, min(at, s), max(at, s)) < least]
    found -= {at for at, s in close if at > s}
    later = {s for at, s in close if s > at}
    told = sorted({*found, *(s for s in seams if s not in later)})
    # Bodies with nothing in common, a skip link: cuts only where a page stands on both sides.
    apart = [at for at in (*apart_cuts(lines, lo, hi, cues, weights), *start_cuts(lines, lo, hi, cues, weights.layout))
             if all(body_weight(lines, min(at, c), max(at, c)) >= least for c in told)]
    if not apart:
        return told
    every = sorted({*told, *apart})
    kept = set(_pages_apart(lines, lo, every, hi, cues, weights))
    return sorted({*told, *(at for at in apart if at in kept)})


def template_cuts(lines: list[Line], lo: int, hi: int, lw: LayoutWeights, closing: bool = True,
                  cues: Cues | None = None) -> list[int]:
    """Where pages of one site appended in ``[lo, hi)`` start, told by the site's own
    blocks of lines shown once a page: the part's opening block (``layout.template_lines``
    lines of words in a row, none body-like, none the same as another, the first of them
    within ``layout.template_offset`` lines of words of the top) shown again further down
    starts a page, as many lines of words above it as the block stands under the top (the
    lines over a site's menu that change from page to page: a date, the page's title); else
    its closing block (the same, at the bottom) shown again higher up ends one, the next
    page starting as many lines of words under it as the block stands over the bottom.
    Where each page so cut has ``layout.template_min_body`` words of body or more (a page's
    own menu shown again in its footer has no body under it)."""
    words = [i for i in range(lo, hi) if lines[i].key]
    keys = [lines[i].key for i in words]
    n = lw.template_lines
    if len(keys) < 2 * n:
        return []
    for tail in (False, True)[: 2 if closing else 1]:
        for s in range(min(lw.template_offset, len(keys) - n)):
            first = len(keys) - n - s if tail else s  # the block's first line of words
            shown = _shown_again(lines, words, keys, first, n)
            # each showing's page start: over the opening block, or under the closing one
            cuts = [words[j] for j in sorted({j + n + s if tail else j - s for j in shown}) if 0 < j < len(keys)]
            cuts = _bodied(lines, lo, cuts, hi, lw.template_min_body)
            if cuts:
                return cuts
    return _closed_template_cuts(lines, words, keys, lo, hi, lw, cues) if cues is not None else []


def _closed_template_cuts(lines: list[Line], words: list[int], keys: list[str], lo: int, hi: int,
                          lw: LayoutWeights, cues: Cues) -> list[int]:
    """Where a shorter opening block (``layout.template_closed_lines`` lines of words) shows
    again right under a page's last line each time (a copyright line or a line of
    :attr:`Cues.page_end`'s rules, among the ``layout.seam_between`` lines of words over
    it): a site's menu under the footer of the page before."""
    n = lw.template_closed_lines
    for s in range(min(lw.template_offset, len(keys) - n)):
        shown = _shown_again(lines, words, keys, s, n)
        if not shown or not all(any(_page_end(lines[words[k]], cues) for k in range(max(0, j - lw.seam_between), j))
                                for j in shown):
            continue
        cuts = _bodied(lines, lo, [words[j - s] for j in shown if 0 < j - s], hi, lw.template_min_body)
        if cuts:
            return cuts
    return []


def _shown_again(lines: list[Line], words: list[int], keys: list[str], first: int, n: int) -> list[int]:
    """Where else (indexes of ``keys``, the keys of the lines of words ``words``) the block
    of ``n`` lines of words from ``first`` is shown; none where it is no site's block (a
    line of it shown twice within it, a body-like line)."""
    block = keys[first : first + n]
    if len(set(block)) < n or any(lines[words[k]].good for k in range(first, first + n)):
        return []
    return [j for j, key in enumerate(keys) if key == block[0] and j != first and keys[j : j + n] == block]


def _bodied(lines: list[Line], lo: int, cuts: list[int], hi: int, least: int) -> list[int]:
    """``cuts`` in ``[lo, hi)``, less each one that leaves a part with less than ``least``
    words of body above or under it (the first such part's lower cut goes; the last part's
    upper one)."""
    cuts = list(cuts)
    while cuts:
        bounds = [lo, *cuts, hi]
        light = next((k for k in range(len(bounds) - 1) if body_weight(lines, bounds[k], bounds[k + 1]) < least), None)
        if light is None:
            break
        del cuts[min(light, len(cuts) - 1)]
    return cuts


def _opening_after(lines: list[Line], c: int, bound: int, cues: Cues, lw: LayoutWeights) -> int | None:
    """The first line of an opening rule's within ``layout.seam_between`` lines of words
    under line ``c`` (and above ``bound``), with no body-like line before it; else None."""
    seen = 0
    opening = cues.page_opening
    for i in range(c + 1, bound):
        x = lines[i]
        if not x.key:
            continue
        if x.rule in opening:
            return i
        seen += 1
        if seen >= lw.seam_between or (x.good and not x.rule):
            return None
    return None


def _menu_under(lines: list[Line], o: int, lw: LayoutWeights) -> bool:
    """Whether a menu opens at line ``o``: its first ``layout.menu_items`` lines of words,
    one after another, each a link's label by its shape (``layout.menu_item_words`` words
    or fewer, opening with a capital, no digit, no sentence's end: "Home", "Top Stories",
    "RAISING BOYS"), whatever words the site names its sections with."""
    seen = 0
    for x in lines[o:]:
        if not x.key:
            if seen:
                return False  # (a menu's items stand line after line)
            continue
        words = x.key.split()
        if len(words) > lw.menu_item_words or not x.key[0].isupper() or any(c.isdigit() for c in x.key) \
                or x.key[-1] in CLAUSE_ENDS:
            return False
        seen += 1
        if seen >= lw.menu_items:
            return True
    return False


def _opening_lines(lines: list[Line], o: int, hi: int, cues: Cues, lw: LayoutWeights) -> int:
    """The opening rule's lines among the ``layout.seam_lines`` lines of words from line
    ``o`` on (a page's menu: "Skip to content", "Home", "News" ...)."""
    count = seen = 0
    for x in lines[o:hi]:
        if x.key:
            count += x.rule in cues.page_opening
            seen += 1
            if seen >= lw.seam_lines:
                break
    return count


def _closing_lines(lines: list[Line], lo: int, c: int, cues: Cues, lw: LayoutWeights, block: bool = False) -> int:
    """The closing lines (:func:`_closing`) among the ``layout.seam_lines`` lines of words
    up to line ``c`` (with ``block``, only those under the last body-like line: a closing
    block, not a line of chrome between paragraphs)."""
    count = seen = 0
    for i in range(c, lo - 1, -1):
        x = lines[i]
        if block and x.good and not x.rule:
            break
        if x.key:
            count += _closing(x, cues)
            seen += 1
            if seen >= lw.seam_lines:
                break
    return count


def _block_start(lines: list[Line], shut: list[int], n: int, lw: LayoutWeights) -> int:
    """The first closing line of the block that ``shut[n]`` closes: the earliest closing
    line before it with no body-like line between and within ``layout.seam_lines`` lines of
    words."""
    start = shut[n]
    for k in range(n - 1, -1, -1):
        between = [x for x in lines[shut[k] + 1 : start] if x.key]
        if len(between) > lw.seam_lines or any(x.good and not x.rule for x in between):
            break
        start = shut[k]
    return start


def _nearest_gap(lines: list[Line], first: int, o: int, hi: int) -> int | None:
    """The line of words under a blank line nearest over line ``o`` (down to ``first``,
    a closing block's first line), else the first under ``o`` before a body-like line."""
    over = next((j for j in range(o, first, -1) if lines[j].key and not lines[j - 1].key), None)
    if over is not None:
        return over
    for j in range(o + 1, hi):
        x = lines[j]
        if x.key and not lines[j - 1].key:
            return j
        if x.good and not x.rule:
            return None
    return None


def _widest_gap_under(lines: list[Line], c: int, bound: int, *, through: bool = False) -> int | None:
    """The first line of words under the widest run of blank lines below line ``c`` (and
    above ``bound``) before the first body-like line: where a page's closing block ends
    and the next page begins; None where no blank line comes first. With ``through``, the
    whole stretch up to ``bound`` is looked at and the last of the widest runs wins (the
    gap between two bodies, whose next page opens lowest)."""
    best: tuple[int, int] | None = None
    run = 0
    for i in range(c + 1, bound):
        x = lines[i]
        if not x.key:
            run += 1
            continue
        if run and (best is None or run > best[1] or (through and run == best[1])):
            best = (i, run)
        run = 0
        if not through and x.good and not x.rule:
            break
    return best[0] if best else None


def _headed(lines: list[Line], at: int, hi: int, lw: LayoutWeights) -> bool:
    """Whether a line of a headline's shape (:func:`_titled`) stands between line ``at`` and
    the first body-like line under it: a page opens with its headline over its body."""
    for x in lines[at:hi]:
        if x.good and not x.rule:
            return False
        if x.key and _titled(x, lw):
            return True
    return False


def _closing(line: Line, cues: Cues) -> bool:
    """A line of a page's closing block: a closing rule's (:attr:`Cues.page_closing`) or a
    copyright line."""
    return line.rule in cues.page_closing or line.signed


def _page_end(line: Line, cues: Cues) -> bool:
    """A line that only ends a page: a copyright line, a line of :attr:`Cues.page_end`'s rules."""
    return line.signed or line.rule in cues.page_end


def seam_cuts(lines: list[Line], lo: int, hi: int, cues: Cues, weights: ParseWeights) -> list[int]:
    """Where whole pages appended with only blank lines between them start in ``[lo, hi)``,
    told by the seam between two pages: a page's closing block (its footer: terms and
    privacy, cookies, copyright, contact; :attr:`Cues.page_closing`) followed by the next
    page's opening block (its menu, "Skip to content"; :attr:`Cues.page_opening`).

    A seam is a line of an opening rule's that follows a closing line (:func:`_closing`)
    with ``layout.seam_closing`` closing lines or more among the ``layout.seam_lines``
    lines of words up to it (or one, where ``layout.seam_menu`` opening rule's lines or
    more are among the ``layout.seam_lines`` from it: the next page's menu), within
    ``layout.seam_between`` lines of words and no body-like line between them
    (:func:`_opening_after`). The next page starts at the
    line of words under the blank line nearest over the opening line, from the closing
    block's first line on, else under the first blank line below it (:func:`_nearest_gap`),
    if a headline stands over the next body (:func:`_headed`; no blank line: no seam). Where the part before or after a
    seam has less body than ``layout.seam_min_body`` words, it is none either: a page's
    own footer menu above its comments, a header of links over a cookie notice; unless
    that part is a short page, its headline over a sentence of prose
    (:func:`_strongly_headed`; ``body.min_body_weight`` words of body at least).

    With no opening block near (the next page's menu is its site's own words), a
    closing block of ``layout.seam_far_closing`` closing lines or more under the last
    body-like line (or one, where ``layout.seam_far_menu`` menu-like lines in a row open
    the next part, :func:`_menu_row`) is a seam at the widest run of blank lines under it before the next
    body (:func:`_widest_gap_under`), where a headline stands over that body and the
    bodies on both sides are about different things (the cohesion of their body-like
    lines is under ``layout.seam_far_cohesion``): under a page's footer, text on the page's
    own subject (its comments, letters) is the same page.
    """
    lw = weights.layout
    # (Cheap first: the closing lines, found in one pass; the rest looks only near them.)
    closing = cues.page_closing
    shut = [i for i, x in enumerate(lines[lo:hi], lo) if x.signed or x.rule in closing]
    if not shut:
        return []
    found: list[int] = []
    bodies: Cohesion | None = None  # built once, where first needed
    for n, c in enumerate(shut):
        bound = shut[n + 1] if n + 1 < len(shut) else hi  # a later closing line looks on from there
        if found and c < found[-1]:
            continue
        o = _opening_after(lines, c, bound, cues, lw)
        shut_lines = _closing_lines(lines, lo, c, cues, lw)
        if o is not None and (shut_lines >= lw.seam_closing or (
            shut_lines and _opening_lines(lines, o, hi, cues, lw) >= lw.seam_menu
        )):
            at = _nearest_gap(lines, _block_start(lines, shut, n, lw), o, hi)
            if at is not None and _headed(lines, at, hi, lw):
                found.append(at)
            continue
        # No opening block under it: a closing block right under a body, over another subject.
        block = _closing_lines(lines, lo, c, cues, lw, block=True)
        if not block:
            continue
        at = _widest_gap_under(lines, c, bound)
        if at is None or not _headed(lines, at, hi, lw):
            continue
        if block < lw.seam_far_closing and _menu_row(lines, at, hi, lw) < lw.seam_far_menu:
            continue
        if bodies is None:
            bodies = Cohesion(lines, lo, hi, lw.digest_window, bodies=True)
        if bodies.between(at - 1, at) < lw.seam_far_cohesion:
            found.append(at)
    return _pages_apart(lines, lo, found, hi, cues, weights)


def _pages_apart(lines: list[Line], lo: int, found: list[int], hi: int, cues: Cues, weights: ParseWeights) -> list[int]:
    """Of the cuts ``found`` (in order) in ``[lo, hi)``, those with a page on both sides
    (:func:`_a_page`) up to the cut kept before and the next one found."""
    out: list[int] = []
    start = lo
    for k, at in enumerate(found):
        nxt = found[k + 1] if k + 1 < len(found) else hi
        if _a_page(lines, start, at, cues, weights) and _a_page(lines, at, nxt, cues, weights):
            out.append(at)
            start = at
    return out


def _a_page(lines: list[Line], a: int, b: int, cues: Cues, weights: ParseWeights) -> bool:
    """Whether ``[a, b)`` holds a page: ``layout.seam_min_body`` words of body or more, or
    a short page's (:func:`_strongly_headed`; ``body.min_body_weight`` words at least)."""
    least, lw = weights.body.min_body_weight, weights.layout
    weight = body_weight(lines, a, b)
    return weight >= max(least, lw.seam_min_body) or weight >= least and _strongly_headed(lines, a, b, cues, lw)


def _strongly_headed(lines: list[Line], a: int, b: int, cues: Cues, lw: LayoutWeights) -> bool:
    """Whether ``[a, b)``, with less body than a page's, is a short page of its own: a
    headline (:func:`_head_shaped`) of ``layout.seam_short_head`` words or more among the
    last ``layout.digest_head_lines`` lines of words over its first body-like line, under
    no line of a headline's shape (:func:`_titled`: a list of teasers) nor a teasers' or
    comments' head ("Related stories", "Latest comments"), and a sentence of
    ``layout.seam_short_prose`` words or more in its body (a list of teasers has none), and
    no other headline over a body-like line in it (teasers, each headline over its blurb)."""
    first = next((i for i in range(a, b) if lines[i].good and not lines[i].rule), None)
    if first is None:
        return False
    above = [i for i in range(a, first) if lines[i].key][-lw.digest_head_lines :]
    head = next((i for i in reversed(above) if _head_shaped(lines[i], cues, lw)), None)
    if head is None:
        return False
    over = next((lines[i] for i in range(head - 1, a - 1, -1) if lines[i].key), None)
    teaser = over is not None and (_titled(over, lw) or over.rule in cues.related or over.rule in cues.page_comments)
    return not teaser and lines[head].weight >= lw.seam_short_head \
        and any(x.good and x.sentence and not x.rule and x.weight >= lw.seam_short_prose for x in lines[first:b]) \
        and not any(_head_shaped(lines[i], cues, lw) and _headline(lines, i, b, lw) for i in range(first, b))


def _bare(lines: list[Line], lo: int, hi: int, lw: LayoutWeights, allowed: int = 0) -> bool:
    """Whether ``[lo, hi)`` may be a digest, articles with no chrome: it opens with an
    article (a line of a headline's shape, :func:`_titled`, a lighter headline over its
    paragraphs, :func:`_short_head`, a body-like line or a date line first) and holds no
    more than ``allowed`` rule's lines among its first and last
    ``layout.digest_clear_lines`` lines of words (a page opens with its menu, ends with its
    footer)."""
    first = next((i for i in range(lo, hi) if lines[i].key), None)
    return first is not None and not _chrome_at_ends(lines, lo, hi, lw.digest_clear_lines, allowed) \
        and (lines[first].good or bool(lines[first].dates) or _titled(lines[first], lw)
             or _short_head(lines, first, hi, lw))


def _short_head(lines: list[Line], at: int, hi: int, lw: LayoutWeights) -> bool:
    """Whether line ``at`` is a headline lighter than :func:`_titled` allows ("Shop Joielle"):
    no rule's, no date, no sentence, over its article's first paragraphs: the next
    ``layout.digest_paragraphs`` lines of words under it are all body-like (a blog's name
    over its tagline and dated post is no headline)."""
    x = lines[at]
    if x.rule or x.dates or x.sentence or not x.key:
        return False
    under = list(islice((y for y in lines[at + 1 : hi] if y.key), lw.digest_paragraphs))
    return len(under) == lw.digest_paragraphs and all(y.good and not y.rule for y in under)


def digest_cuts(lines: list[Line], lo: int, hi: int, cues: Cues, weights: ParseWeights) -> list[int]:
    """Where articles set one after another with no chrome (a digest, a clippings file)
    start in ``[lo, hi)``.

    Only a dump that opens with an article (a line of a headline's shape, :func:`_titled`,
    a body-like line or a date line first) and holds no rule's line among its first and last
    ``layout.digest_clear_lines`` lines of words (a page opens with its menu, ends with its
    footer), and no ``layout.digest_block_rules`` rule's lines of words in a row anywhere
    (a block of share links under a page's body, :func:`_rule_block`), may be a digest;
    with ``layout.digest_end_rules`` such lines (a clipping's copyright line), only its
    headlines under a wide gap start articles. Its articles
    start where the words change subject (:class:`~newskit.parse.cohesion.Cohesion`, the
    cohesion across a line):

    - at a headline (:func:`_headline`) under a gap of ``layout.digest_gap_lines`` blank
      lines or more, wider than the gap that sets its paragraphs apart
      (:func:`_paragraph_gap`), where the cohesion across it is under
      ``layout.digest_wide_cohesion`` (a wide gap inside an article, over a subheading,
      stands between paragraphs about the same things), and so at a title-like line
      (:func:`_head_shaped`) or a date line (:func:`_date_only`) under such a gap that is
      too far over its body for a headline (a kicker, a dateline between), with the
      ``layout.digest_paragraphs`` body-like lines each side that a start needs;
    - at a headline under a narrower gap, as narrow as the paragraphs', or at any other
      line no rule names under a wide gap (an article with no headline, or one that opens
      with its date or a kicker; a blog's notice under its post),
      where the cohesion across it is under ``layout.digest_narrow_cohesion`` (at a
      title-like headline, :func:`_head_shaped`, under ``layout.digest_headed_cohesion``
      with ``layout.digest_headed_paragraphs`` body-like lines on each side: a headline
      under a narrow gap starts a clipping more often than a paragraph does) and no higher than at any such
      start within ``layout.digest_rival_lines`` lines of words
      (a subheading stands between paragraphs about the same things; across a new
      article's start the words change, and they change most at the start itself), and
      the parts on both sides each hold ``layout.digest_paragraphs`` body-like lines or
      more (the words of one paragraph, a blog's tagline over its post, are too few to
      tell a subject by);
    - at a clipping's head after a paragraph, whatever the words (:func:`_marked_starts`):
      a headline with a date or byline line right under it, or a date line with a
      headline right under it, then the article's first paragraph, where the parts on both
      sides each hold ``layout.digest_paragraphs`` body-like lines or more (a blog's
      tagline over its dated post is one);

    and the parts on both sides each have a body of their own (``body.min_body_weight``).
    Starts with no body-like line between them are one clipping's head, started under the
    widest gap of blank lines (:func:`_head_blocks`).
    """
    lw = weights.layout
    # (Cheap first: most dumps are pages, with chrome at their ends.)
    if not _bare(lines, lo, hi, lw, lw.digest_end_rules) or _rule_block(lines, lo, hi, lw.digest_block_rules):
        return []
    # A clipping may keep a line of its page's (its copyright, a "Related" head), and so
    # may a page with little chrome: with such a line, only a headline under a wide gap.
    kept_line = not _bare(lines, lo, hi, lw)
    wide = max(_paragraph_gap(lines, lo, hi) + 1, lw.digest_gap_lines)
    starts = _digest_starts(lines, lo, hi, wide, lw)
    if kept_line:
        starts = [(at, broad, head) for at, broad, head in starts if broad and head]
    marked = [] if kept_line else _marked_starts(lines, lo, hi, cues, lw)
    if not starts and not marked:
        return []
    coh = Cohesion(lines, lo, hi, lw.digest_window)
    scored = [(coh.across(at), at, broad, head) for at, broad, head in starts]
    order = {at: k for k, at in enumerate(coh.rows)}
    heads: list[tuple[int, int]] = []  # (start, the body-like lines it needs on each side)
    for score, at, broad, head in scored:
        # (A title-like or date line too far over its body for a headline needs paragraphs.)
        if broad and (head or _head_shaped(lines[at], cues, lw) or _date_only(lines[at], cues, lw)):
            if score < lw.digest_wide_cohesion:
                heads.append((at, 0 if head else lw.digest_paragraphs))
            continue
        # (A headline under a narrow gap may start a clipping where the words change less
        # than a paragraph needs, with more paragraphs on each side.)
        looser = score >= lw.digest_narrow_cohesion
        if looser and (score >= lw.digest_headed_cohesion or not _head_shaped(lines[at], cues, lw)):
            continue
        near = (s for s, b, _, _ in scored if b != at and abs(order[b] - order[at]) <= lw.digest_rival_lines)
        if all(score <= s for s in near):
            heads.append((at, lw.digest_headed_paragraphs if looser else lw.digest_paragraphs))
    if marked:
        told = {at for at, _ in heads}
        heads = sorted([*heads, *((at, lw.digest_paragraphs) for at in marked if at not in told)])
    heads = _head_blocks(lines, heads)
    out: list[int] = []
    start = lo
    least = weights.body.min_body_weight
    for k, (at, needs) in enumerate(heads):
        nxt = heads[k + 1][0] if k + 1 < len(heads) else hi
        if body_weight(lines, start, at) < least or body_weight(lines, at, nxt) < least:
            continue
        if needs and min(_paragraphs(lines, start, at), _paragraphs(lines, at, nxt)) < needs:
            continue
        out.append(at)
        start = at
    return out


def _rule_block(lines: list[Line], lo: int, hi: int, least: int) -> bool:
    """Whether ``[lo, hi)`` holds ``least`` lines of words in a row that rules name (blank
    lines aside): a block of a page's chrome ("Share this:", "Facebook", "Twitter"), which
    a clippings file has none of (a clipping may keep a line or two of its page's)."""
    run = 0
    for x in lines[lo:hi]:
        if not x.key:
            continue
        run = run + 1 if x.rule else 0
        if run >= least:
            return True
    return False


def _head_blocks(lines: list[Line], heads: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The starts ``heads`` (in order, each with the body-like lines it needs on each side),
    one for each block of them with no body-like line between: a clipping's head may be
    told twice ("Site - Headline" over "Headline" and its date), or a short line left of
    the clipping before stand over it (its source, "Information from: ..."). The block
    starts at the start under the widest gap of blank lines, the top one of those."""
    out: list[tuple[int, int]] = []
    for at, needs in heads:
        if out and not _paragraphs(lines, out[-1][0], at):
            if _gap_over(lines, at) > _gap_over(lines, out[-1][0]):
                out[-1] = (at, needs)
            continue
        out.append((at, needs))
    return out


def _gap_over(lines: list[Line], at: int) -> int:
    """How many blank lines stand right over line ``at``."""
    k = at
    while k > 0 and not lines[k - 1].key:
        k -= 1
    return at - k


def _paragraphs(lines: list[Line], start: int, end: int) -> int:
    """The body-like lines (no rule's) in ``[start, end)``."""
    return sum(1 for x in lines[start:end] if x.good and not x.rule)


def _digest_starts(lines: list[Line], lo: int, hi: int, wide: int, lw: LayoutWeights) -> list[tuple[int, bool, bool]]:
    """The lines of words in ``(lo, hi)`` under a blank line that may start an article of
    a digest, each with whether its gap is ``wide`` blank lines or more and whether it is
    a headline (:func:`_headline`, blank lines aside; under a narrow gap, one that ends no sentence: a short
    paragraph is no headline): a headline, or under a wide gap any line no rule names (a
    paragraph, a date line, a kicker: a clipping with no headline of its shape)."""
    out: list[tuple[int, bool, bool]] = []
    run = 0
    seen = False  # a line of words above
    for i in range(lo, hi):
        x = lines[i]
        if not x.key:
            run += 1
            continue
        if seen and run:
            broad = run >= wide
            head = _headline(lines, i, hi, lw, blank_aside=True) and (broad or not x.sentence)
            if head or (broad and not x.rule):
                out.append((i, broad, head))
        seen, run = True, 0
    return out


def _marked_starts(lines: list[Line], lo: int, hi: int, cues: Cues, lw: LayoutWeights) -> list[int]:
    """The lines of words in ``(lo, hi)`` that head a clipping after a paragraph: under a
    blank line, with a body-like line among the ``layout.digest_head_lines`` lines of words
    above it, a headline (:func:`_head_shaped`) with a date or byline line (:func:`_meta`)
    as the next line of words, or a date line (:func:`_date_only`) with such a headline
    next; and a body-like line within ``layout.digest_head_lines`` lines of words under
    the two. Inside an article a subheading has no date under it."""
    words = [i for i in range(lo, hi) if lines[i].key]
    out: list[int] = []
    for k in range(1, len(words) - 2):
        i = words[k]
        if words[k - 1] == i - 1 or not any(
            lines[j].good and not lines[j].rule for j in words[max(0, k - lw.digest_head_lines) : k]
        ):
            continue
        x, y = lines[i], lines[words[k + 1]]
        headed = _head_shaped(x, cues, lw) and _meta(y, cues, lw)
        if not headed and not (_date_only(x, cues, lw) and _head_shaped(y, cues, lw)):
            continue
        if any(lines[j].good and not lines[j].rule for j in words[k + 2 : k + 2 + lw.digest_head_lines]):
            out.append(i)
    return out


def _head_shaped(x: Line, cues: Cues, lw: LayoutWeights) -> bool:
    """A headline: of a headline's shape (:func:`_titled`), title-like
    (:meth:`Cues.title_like`), opening with a letter not in lower case, no body-like line
    and ending no sentence (a comment's last line, "Here's to innovation!", does)."""
    head = x.key[:1]
    return _titled(x, lw) and not x.good and not x.sentence and head.isalpha() and not head.islower() \
        and cues.title_like(x)


def _meta(x: Line, cues: Cues, lw: LayoutWeights) -> bool:
    """A date line or a byline no heavier than a headline, no rule's, no body-like line, no
    comment's signature ("Jane said...") and no social post's (a @handle)."""
    return not x.rule and x.weight <= lw.digest_headline_weight and not x.good \
        and (bool(x.dates) or cues.is_byline(x)) and "@" not in x.key and not cues.says(x.text)


def _date_only(x: Line, cues: Cues, lw: LayoutWeights) -> bool:
    """A date line (:func:`_meta`) of ``layout.digest_date_weight`` words or fewer: the date
    and little else ("Monday, October 01, 2012"), not a comment's "Posted by X at ..."."""
    return bool(x.dates) and x.weight <= lw.digest_date_weight and _meta(x, cues, lw)


def _chrome_at_ends(lines: list[Line], lo: int, hi: int, near: int, allowed: int = 0) -> bool:
    """Whether more than ``allowed`` rule's lines (a menu, a share bar, a footer) are among
    the first and the last ``near`` lines of words of ``[lo, hi)``: a page's chrome, where
    a digest has none (or one line a clipping kept: its copyright, a "Related" head)."""
    found = 0
    for step, start, stop in ((1, lo, hi), (-1, hi - 1, lo - 1)):
        seen = 0
        for i in range(start, stop, step):
            x = lines[i]
            if x.key:
                if x.rule:
                    found += 1
                    if found > allowed:
                        return True
                    continue
                seen += 1
                if seen >= near:
                    break
    return False


def _titled(x: Line, lw: LayoutWeights) -> bool:
    """A headline's shape: ``layout.digest_headline_min`` to ``layout.digest_headline_weight``
    words, no rule's line, no date."""
    return not x.rule and not x.dates and lw.digest_headline_min <= x.weight <= lw.digest_headline_weight


def _headline(lines: list[Line], at: int, hi: int, lw: LayoutWeights, blank_aside: bool = False) -> bool:
    """Whether line ``at`` may head an article of a digest: a line of
    ``layout.digest_headline_min`` to ``layout.digest_headline_weight`` words that is no
    rule's and holds no date, with a body-like line within ``layout.digest_head_lines``
    lines under it (the byline or date of a clipping may stand between); with
    ``blank_aside``, within that many lines of words (a clipping's lines may be set a blank
    line apart, its byline and date too)."""
    if not _titled(lines[at], lw):
        return False
    stop = hi if blank_aside else min(hi, at + 1 + lw.digest_head_lines)
    under = (lines[k] for k in range(at + 1, stop) if lines[k].key or not blank_aside)  # (lazily, no copy)
    return any(y.good and not y.rule for y in islice(under, lw.digest_head_lines))


def _paragraph_gap(lines: list[Line], lo: int, hi: int) -> int:
    """The most common number of blank lines between two body-like lines that follow one
    another in ``[lo, hi)`` with only blank lines between them (0 if none do)."""
    counts: dict[int, int] = {}
    last = -1
    for i in range(lo, hi):
        x = lines[i]
        if not x.key:
            continue
        if x.good and not x.rule and last >= 0 and lines[last].good and not lines[last].rule:
            gap = i - last - 1
            counts[gap] = counts.get(gap, 0) + 1
        last = i
    return max(counts, key=lambda g: (counts[g], -g)) if counts else 0


def body_runs(
    lines: list[Line], lo: int, hi: int, weights: ParseWeights, heaviest: int = 0
) -> list[tuple[int, int]]:
    """The body runs of ``[lo, hi)`` in order, as ``[a, b]``: the densest, then the densest
    of what is left on either side, each with a body of its own (``body.min_body_weight``).
    With ``heaviest``, only the runs of that weight or more (the same runs: a part lighter
    than that holds none, and is not searched)."""
    least = weights.body.min_body_weight
    found: list[tuple[int, int]] = []
    todo = [(lo, hi)]
    while todo:
        a, b = todo.pop()
        if body_weight(lines, a, b) < max(least, heaviest):
            continue
        run = densest(lines, a, b, weights)
        if run is None:
            continue
        weight = body_weight(lines, run[0], run[1] + 1)
        if weight < least:
            continue
        if weight >= heaviest:
            found.append(run)
        todo.append((a, run[0]))
        todo.append((run[1] + 1, b))
    return sorted(found)


def _paragraphs_in_a_row(lines: list[Line], start: int, end: int) -> int:
    """The most body-like lines in ``[start, end)`` with only blank lines between them."""
    best = row = 0
    for x in lines[start:end]:
        if x.good and not x.rule:
            row += 1
            best = max(best, row)
        elif x.key:
            row = 0
    return best


def _footer(lines: list[Line], at: int, hi: int, cues: Cues, lw: LayoutWeights) -> bool:
    """Whether line ``at`` ends a page: its copyright line, short, with the sign or a year
    ("© 2019 …", "Copyright 2012 …"): not a sentence about copyright, not a link to a page
    on it; and not a commenter's sign-off ("Masters of the Walk-off (copyright of …) 2012"),
    which the line of words under it (before ``hi``) tells: a comment's
    (:attr:`Cues.page_comments`, "by Jane on Aug 8, 2012 5:30 PM reply")."""
    line = lines[at]
    if not (
        (line.rule == "copyright" or line.signed)
        and line.weight <= lw.page_footer_weight
        and ("©" in line.key or _YEAR.search(line.key) is not None)
    ):
        return False
    nxt = next((x for x in lines[at + 1 : hi] if x.key), None)
    return nxt is None or nxt.rule not in cues.page_comments


_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def page_cuts(lines: list[Line], lo: int, hi: int, cues: Cues, weights: ParseWeights) -> list[int]:
    """Where whole pages appended with only blank lines between them start, in ``[lo, hi)``.

    A page ends with its footer (:func:`_footer`, a copyright line). Between two body runs
    that are each a page's (:func:`_page_like`), whose chrome holds a footer and is long
    enough to be a page's end and the next one's opening (``layout.page_gap_lines`` lines
    or more), the next page starts past the last footer, the lines that close it and the
    blank lines after them (:func:`_gap_cuts`). Where the chrome between them holds no
    footer, the next page starts where its opening does (:func:`_opening_cut`: a wide
    blank gap, then a menu, then a headline over the body). Where neither tells two such
    body runs apart, the next page starts at its headline if the two bodies are about
    different things (:func:`_subject_cut`), or past a seam of chrome
    between two bodies on different subjects (:func:`_chrome_seam_cut`).
    """
    lw = weights.layout
    # (Cheap first: a cut needs two pages' worth of body, and a footer with a page's worth
    # of body on both sides of it or a gap with a page's opening. Most dumps are one page,
    # whose only footer closes it.)
    if body_weight(lines, lo, hi) < 2 * lw.page_min_body:
        return []
    feet = [i for i, x in enumerate(lines[lo:hi], lo)
            if (x.signed or x.rule == "copyright") and _footer(lines, i, hi, cues, lw)]
    footed = bool(feet) and body_weight(lines, feet[0] + 1, hi) >= lw.page_min_body \
        and body_weight(lines, lo, feet[-1]) >= lw.page_min_body
    framed = footed or _an_opening(lines, lo, hi, lw)
    if not framed and not _bare(lines, lo, hi, lw):  # a page with chrome at its ends and no frame: one page
        return []
    runs = [r for r in body_runs(lines, lo, hi, weights, lw.page_min_body) if _page_like(lines, r, lw)]
    out: list[int] = []
    apart = -1  # the blank lines between two paragraphs (the dump's widest lines of chrome are wider)
    coh: Cohesion | None = None
    cohb: Cohesion | None = None
    for (_, end), (start, _) in zip(runs, runs[1:], strict=False):
        found: list[int] = []
        if framed:
            gap = range(end + 1, start)
            feet = [i for i in gap if _footer(lines, i, hi, cues, lw)]
            if not feet:
                apart = _paragraph_gap(lines, lo, hi) if apart < 0 else apart
                found = _opening_cut(lines, end + 1, start, apart, lw)
            elif sum(1 for i in gap if lines[i].key) >= lw.page_gap_lines:
                found = _gap_cuts(lines, feet, end + 1, start, weights)
        if not found:
            coh = coh or Cohesion(lines, lo, hi, lw.digest_window)
            found = _subject_cut(lines, coh, end, start, lw)
        if not found:
            cohb = cohb or Cohesion(lines, lo, hi, lw.digest_window, bodies=True)
            found = _chrome_seam_cut(lines, cohb, end, start, cues, lw)
        out.extend(found)
    return out


def apart_cuts(lines: list[Line], lo: int, hi: int, cues: Cues, weights: ParseWeights) -> list[int]:
    """Where the next page starts between two bodies that have nothing in common, in
    ``[lo, hi)``: two body runs in a row (:func:`_prose_runs`, ``body.min_body_weight``
    words each: a short page will do), ``layout.page_apart_gap`` lines of words or more
    apart, whose lines of words, within ``layout.digest_window`` words of each side, share
    no word at all (:func:`_nothing_shared`), the second under a headline (:func:`_titled`,
    among the last ``layout.page_head_lines`` lines of words above it). One page's article,
    its comments, its teasers and its chrome come back to some of its words (its subject,
    its site's name, its sections); two pages of different sites appended need not. Or the
    chrome between the two runs is long (``layout.page_far_heads`` heading lines or more)
    and runs from a page's end to the next one's start: a closing line (:func:`_closing`)
    with a line of an opening rule's under it, however far (a footer's links and the next
    page's banner between them), and the words on the two sides of its widest run of blank
    lines have a cohesion of ``layout.page_far_cohesion`` or less. The cut stands where
    :func:`_seam_at` puts it; :func:`_page_cuts` keeps it where it leaves a page on both
    sides."""
    lw = weights.layout
    runs = _prose_runs(lines, lo, hi, weights.body.min_body_weight, lw.page_apart_chrome)
    if len(runs) < 2:  # noqa: PLR2004 (two runs at least)
        return []
    coh: Cohesion | None = None  # (built where first needed: most gaps fail the cheap tests)
    out: list[int] = []
    for (_, end), (start, _) in pairwise(runs):
        gap = [i for i in range(end + 1, start) if lines[i].key]
        headed = len(gap) >= lw.page_apart_gap and any(_titled(lines[i], lw) for i in gap[-lw.page_head_lines :])
        at: int | None = None
        if headed and _nothing_shared(lines, lo, end, start, hi, lw.digest_window):
            at = _seam_at(lines, gap, end, start, cues, lw)
        elif sum(lines[i].heading for i in gap) >= lw.page_far_heads and _closed_then_opened(lines, gap, cues):
            coh = coh or Cohesion(lines, lo, hi, lw.digest_window)
            wide = _widest_gap_under(lines, end, start, through=True)
            if wide is not None and end < wide - 1 and coh.between(wide - 1, wide) <= lw.page_far_cohesion:
                at = _seam_at(lines, gap, end, start, cues, lw)
        if at is not None:
            out.append(at)
    return out


def start_cuts(lines: list[Line], lo: int, hi: int, cues: Cues, lw: LayoutWeights) -> list[int]:
    """Where a line that can only open a page (:attr:`Cues.page_start`: "Skip to content")
    stands under a body-like line of ``[lo, hi)``, a headline over the next body
    (:func:`_headed`): the next page starts at the block of lines it opens (under the blank
    line nearest over it, :func:`_nearest_gap`)."""
    out: list[int] = []
    body = -1  # the last body-like line so far
    for i in range(lo, hi):
        x = lines[i]
        if x.good and not x.rule:
            body = i
        elif x.rule in cues.page_start and body >= 0:
            at = _nearest_gap(lines, body, i, hi)
            if at is not None and (not out or at > out[-1]) and _headed(lines, at, hi, lw):
                out.append(at)
    return out


def _prose_runs(lines: list[Line], lo: int, hi: int, least: int, chrome: int) -> list[tuple[int, int]]:
    """The runs of body-like lines of ``[lo, hi)`` as ``[a, b]``, in one pass: body-like
    lines (no rule's) with no more than ``chrome`` other lines of words between two of
    them and no date line (comments, each under its date, are no body), each run ``least``
    words of body or more."""
    runs: list[tuple[int, int]] = []
    first = last = -1
    weight = between = 0
    for i in range(lo, hi):
        x = lines[i]
        if not x.key:
            continue
        if x.good and not x.rule:
            if first < 0:
                first = i
            last, weight, between = i, weight + x.weight, 0
            continue
        between += 1
        if first >= 0 and (between > chrome or x.dates):  # (a date line: comments, each under its date)
            if weight >= least:
                runs.append((first, last))
            first, weight = -1, 0
    if first >= 0 and weight >= least:
        runs.append((first, last))
    return runs


def _nothing_shared(lines: list[Line], lo: int, end: int, start: int, hi: int, window: int) -> bool:
    """Whether the lines of words up to line ``end`` and those from line ``start`` on (within
    ``[lo, hi)``, ``window`` words a side, as :class:`~newskit.parse.cohesion.Cohesion` takes
    them) have no content word in common: their cohesion is 0, found without the part's
    word weights (a word shared is a word of some lines, not of all)."""
    before = _words_near(lines, end, lo - 1, -1, window)
    return not before or before.isdisjoint(_words_near(lines, start, hi, 1, window))


def _words_near(lines: list[Line], first: int, stop: int, step: int, window: int) -> set[str]:
    """The content words of the lines of words from line ``first`` on towards ``stop``
    (``step`` -1: upwards), until ``window`` words are taken."""
    words: set[str] = set()
    got = 0
    for i in range(first, stop, step):
        x = lines[i]
        if not x.key:
            continue
        if got >= window:
            break
        words.update(content_words(x.key))
        got += x.weight
    return words


def _closed_then_opened(lines: list[Line], gap: list[int], cues: Cues) -> bool:
    """Whether a closing line (:func:`_closing`) of ``gap`` has a line of an opening rule's under it."""
    first = next((i for i in gap if _closing(lines[i], cues)), None)
    return first is not None and any(lines[i].rule in cues.page_opening for i in gap if i > first)


def _subject_cut(lines: list[Line], coh: Cohesion, end: int, start: int, lw: LayoutWeights) -> list[int]:
    """Where the next page starts between two pages' bodies, the one ending at line
    ``end`` and the next starting at line ``start``, that no footer or opening tells
    apart: where the two bodies are about different things (their cohesion,
    :meth:`~newskit.parse.cohesion.Cohesion.between`, is under ``layout.page_cohesion``),
    at the next page's headline: the nearest line of a headline's shape (:func:`_titled`)
    among the last ``layout.page_head_lines`` lines of words above its body. The body of one page and
    its comments, or a second post of one blog, share their words; a page's legal notices
    under its article have no headline over them; and where the lines between the two
    bodies hold ``layout.page_signed_lines`` date lines or more, they are a thread of
    comments (each signed with its date), whatever its words."""
    gap = [i for i in range(end + 1, start) if lines[i].key]
    if sum(1 for i in gap if lines[i].dates) >= lw.page_signed_lines or coh.between(end, start) >= lw.page_cohesion:
        return []
    last = gap[-lw.page_head_lines :]
    head = next((i for i in reversed(last) if _titled(lines[i], lw)), None)
    return [] if head is None else [head]


def _chrome_seam_cut(
    lines: list[Line], cohb: Cohesion, end: int, start: int, cues: Cues, lw: LayoutWeights
) -> list[int]:
    """Where the next page starts between two pages' bodies, the one ending at line ``end``
    and the next starting at line ``start``, told by the chrome between them: a page's end
    (its comments, links, footer) and the next page's opening (its menu, its headline). The
    gap holds ``layout.page_seam_lines`` lines of words or more, a closing line
    (:func:`_closing`) or ``layout.page_seam_rules`` lines of rules' or more, and the body
    lines on its two sides are about different things (their cohesion, body lines only, is
    under ``layout.page_seam_cohesion``). A thread of comments under one page's body is
    no seam: its lines are the comment rules' (:attr:`Cues.page_comments`, one rule line
    in ``layout.page_seam_comments`` or more) or its date lines many (one line of words in
    ``layout.page_seam_dates`` or more). The next page starts where :func:`_seam_at` puts it."""
    gap = [i for i in range(end + 1, start) if lines[i].key]
    if len(gap) < lw.page_seam_lines or cohb.between(end, start) >= lw.page_seam_cohesion:
        return []
    rules = sum(1 for i in gap if lines[i].rule)
    comments = sum(1 for i in gap if lines[i].rule in cues.page_comments)
    dates = sum(1 for i in gap if lines[i].dates)
    if rules < lw.page_seam_rules and not any(_closing(lines[i], cues) for i in gap):
        return []
    if comments * lw.page_seam_comments > rules or dates * lw.page_seam_dates > len(gap):
        return []
    at = _seam_at(lines, gap, end, start, cues, lw)
    return [] if at is None else [at]


def _seam_at(lines: list[Line], gap: list[int], end: int, start: int, cues: Cues, lw: LayoutWeights) -> int | None:
    """Where the next page starts in the chrome between a body ending at line ``end`` and
    the next starting at line ``start`` (``gap``: its lines of words): past the last
    closing line's block (:func:`_closing`), else under the widest run of blank lines in
    the gap, and no lower than the next body's headline (:func:`_titled`, among the last
    ``layout.page_head_lines`` lines of words above it); None if that is no line between."""
    closing = [i for i in gap if _closing(lines[i], cues)]
    if closing:
        at = _past_block(lines, closing[-1], start)
    else:
        widest = _widest_gap_under(lines, end, start, through=True)
        at = start if widest is None else widest
    head = next((i for i in reversed(gap[-lw.page_head_lines :]) if _titled(lines[i], lw)), None)
    if head is not None and at > head:
        at = head
    return at if end < at < start else None


def _an_opening(lines: list[Line], lo: int, hi: int, lw: LayoutWeights) -> bool:
    """Whether ``[lo, hi)`` holds a page's opening as :func:`_opening_cut` needs one: a
    menu of ``layout.page_menu_lines`` menu-like lines in a row (:func:`_menu`) under
    ``layout.page_open_blanks`` blank lines or more, with a page's worth of body
    (``layout.page_min_body``) on both sides (one pass, no body runs)."""
    blanks = 0
    row = -1  # menu lines in a row since the last wide blank run (-1: none since)
    first = lo  # where that row starts
    for i in range(lo, hi):
        x = lines[i]
        if not x.key:
            blanks += 1
            continue
        if blanks >= lw.page_open_blanks:
            row, first = 0, i
        blanks = 0
        row = row + 1 if row >= 0 and _menu(x, lw) else -1
        if row == lw.page_menu_lines and body_weight(lines, lo, first) >= lw.page_min_body \
                and body_weight(lines, i, hi) >= lw.page_min_body:
            return True
    return False


def _menu(line: Line, lw: LayoutWeights) -> bool:
    """A menu-like line of words: a rule's, or light (``layout.page_menu_weight`` words or
    fewer) and holding no date (a byline's, a comment's)."""
    return bool(line.rule) or (line.weight <= lw.page_menu_weight and not line.dates)


def _opening_cut(lines: list[Line], end: int, start: int, apart: int, lw: LayoutWeights) -> list[int]:
    """Where the next page starts in a gap of chrome with no footer, from line ``end`` (the
    first past a body) to line ``start`` (the next body's): at the last of its widest runs
    of blank lines, where that run is wider than the ``apart`` blank lines between two
    paragraphs and ``layout.page_open_blanks`` lines or more, the gap holds
    ``layout.page_open_lines`` lines of words or more, and its part under that run opens a
    page: a menu of ``layout.page_menu_lines`` menu-like lines (:func:`_menu`) in a row right
    under the run, and a headline (:func:`_headline`) among the last
    ``layout.digest_head_lines`` lines of words above the body (its byline and date may
    stand between). The page before ends with its own chrome (comments, links, a footer
    menu) above that run. Comments under an article open with a line or two (a name, a
    date, "Report"), not with a menu, and stay.
    """
    if sum(1 for i in range(end, start) if lines[i].key) < lw.page_open_lines:
        return []
    best = run = 0
    at = -1
    for i in range(end, start):
        if not lines[i].key:
            run += 1
            continue
        if run and run >= best and i > end + run:
            best, at = run, i
        run = 0
    if at < 0 or best <= max(apart, lw.page_open_blanks - 1):
        return []
    last = [i for i in range(at, start) if lines[i].key][-lw.digest_head_lines :]
    head = next((i for i in last if _headline(lines, i, start + 1, lw)), None)
    if head is None or _menu_row(lines, at, head, lw) < lw.page_menu_lines:
        return []
    return [at]


def _menu_row(lines: list[Line], lo: int, hi: int, lw: LayoutWeights) -> int:
    """How many menu-like lines (:func:`_menu`) in ``[lo, hi)`` follow one another from
    its first line of words on, with only blank lines between them."""
    row = 0
    for x in lines[lo:hi]:
        if not x.key:
            continue
        if not _menu(x, lw):
            break
        row += 1
    return row


def _gap_cuts(lines: list[Line], feet: list[int], end: int, start: int, weights: ParseWeights) -> list[int]:
    """Where pages start in a gap of chrome that ends at line ``start`` (a body's) and holds
    the footers ``feet``: past the last footer's block and the blank lines under it; and so
    past each footer before it that stands ``layout.page_apart_lines`` lines of words or
    more below the body (``end``, the first line of the gap) and above the next footer: the
    footer of a page with too little body for the page test (a gallery, a form) between
    two that have one. Footers closer together close one page (two copyright lines); one
    right under the body is the article's own ("© 2019 Associated Press"), over its page's
    comments and chrome. Where the lines between two such cuts have too little body for
    an article (``body.min_body_weight``), they are the next page's opening, footer and
    all (some sites print their footer menu first): the page starts at the first cut."""
    lw = weights.layout

    def words(a: int, b: int) -> int:
        return sum(1 for i in range(a, b) if lines[i].key)

    ends = [_past_block(lines, foot + 1, start) for foot in feet]
    out = [
        at for k, at in enumerate(ends)
        if k + 1 == len(ends) or min(words(end, feet[k]), words(at, feet[k + 1])) >= lw.page_apart_lines
    ]
    kept = out[:1]
    for at in out[1:]:
        if body_weight(lines, kept[-1], at) >= weights.body.min_body_weight:
            kept.append(at)
    return kept


def _past_block(lines: list[Line], at: int, end: int) -> int:
    """The first line of words past the block of lines at ``at`` and the blank lines under it."""
    while at < end and lines[at].key:
        at += 1
    while at < end and not lines[at].key:
        at += 1
    return at


def _page_like(lines: list[Line], run: tuple[int, int], lw: LayoutWeights) -> bool:
    """Whether a body run is a page's: ``layout.page_min_body`` words or more, with
    ``layout.page_run_lines`` paragraphs in a row (not one long notice after a footer, not
    a list of teasers)."""
    a, b = run
    heavy = body_weight(lines, a, b + 1) >= lw.page_min_body
    return heavy and _paragraphs_in_a_row(lines, a, b + 1) >= lw.page_run_lines
