"""The body: each line's score in a run, and the densest run of an article's lines.

A body-like line scores its weight; a short sentence a little; a short line, or one a
boilerplate rule removed, costs (see :func:`newskit.parse.features.make_line`). The
body is the maximum-sum run of those scores, corrected for the way a page sets its
lines out: paragraphs apart, link lists and teasers crowded, table rows short.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import islice

from .cues import Cues
from .features import Line
from .memo import remembered, store_for
from .weights import BodyWeights, ParseWeights

# Rules whose lines the body never runs across.
BARRIER_RULES = frozenset({"comments"})
# Rules whose lines end the article once most of its body has been seen.
END_RULES = frozenset({"comments", "newsletter", "copyright", "post-footer", "tags"})


def scores(lines: list[Line], lo: int, hi: int, weights: ParseWeights, cues: Cues | None = None) -> list[float]:
    """Each line's score in [lo, hi) for the body run (see :func:`_scores`)."""
    return _scores(lines, lo, hi, weights, cues)[0]


def _scores(
    lines: list[Line], lo: int, hi: int, weights: ParseWeights, cues: Cues | None = None
) -> tuple[list[float], list[int]]:
    """Each line's score in [lo, hi) for the body run, and the signature lines found.

    A body-like line scores its weight; a short sentence a little; a short line, or one a
    boilerplate rule removed, costs; a blank line is 0. Where paragraphs are set apart by
    blank lines (in a quarter of the body-like lines or more), a body-like line crowded
    in among others counts for less: link lists and teasers run line after line; and a
    short line set apart the same way (a heading, a list item) costs less than one among
    others: menus run line after line too.
    """
    bw = weights.body
    n = len(lines)
    part = lines[lo:hi]
    out = [x.score for x in part]
    good = [i for i, x in enumerate(part, lo) if x.good]  # removed ones too
    if good:
        crowded: list[int] = []  # positions in ``out`` of body-like lines with no blank beside them
        isolated = 0
        for i in good:
            if (i == 0 or lines[i - 1].blank) and (i + 1 == n or lines[i + 1].blank):
                isolated += 1
            elif not lines[i].blank and not lines[i].rule:
                crowded.append(i - lo)
        if isolated >= bw.apart_share * len(good):
            for k in crowded:
                out[k] *= bw.crowded_factor
            # and a short line set apart the same way is a subheading or a list item
            for i in [i for i in range(max(lo, 1), min(hi, n - 1)) if lines[i].heading]:
                if lines[i - 1].blank and lines[i + 1].blank:
                    out[i - lo] = -bw.isolated_cost
        # Teasers, a headline and the story's first sentence on one line, two or more in a
        # row: a list of other stories. (Only lines with a body-like line right beside them
        # are looked at: most are not.)
        goods = set(good)
        is_teaser = _teaser_test(bw)
        teasers = {i for i in good if (i - 1 in goods or i + 1 in goods) and is_teaser(lines[i].key)}
        for i in teasers:
            if i - 1 in teasers or i + 1 in teasers:
                out[i - lo] = -weights.lines.short_cost
    # Date lines that recur down the page are signatures: each one cuts the run.
    signed = signatures(lines, lo, hi, bw, cues)
    for i in signed:
        out[i - lo] = min(out[i - lo], -bw.signature_cost)
    # The rows of a table are short, but they are the article's as much as its sentences.
    # (Prose with two spaces after each full stop may look like rows: it keeps its weight.)
    for i in table_rows(lines, lo, hi, bw):
        if not lines[i].rule:
            out[i - lo] = max(out[i - lo], bw.table_row_score)
    # So are the items of a list a body line leads into with a colon ("It has:", then the
    # items), and of a list of quantities (a recipe's ingredients, between story and steps).
    hw = weights.header
    for i in (*colon_lists(lines, lo, hi, bw, cues, frozenset(signed)),
              *quantity_lists(lines, lo, hi, hw.list_item_weight, hw.quantity_min_items)):
        out[i - lo] = max(out[i - lo], bw.list_item_score)
    return out, signed


def quantity_lists(lines: list[Line], lo: int, hi: int, most: int, least: int,
                   free: Callable[[int], bool] | None = None, closed: bool = False) -> list[int]:
    """Indices in [lo, hi) of the lists of quantities (a recipe's ingredients): lines one
    right under another, no blank line between them, each of ``most`` words or fewer, none
    a rule's or body-like (and each ``free``, if given), ``least`` of them or more opening
    with a quantity ("1/2 cup parsley"; a date is none: "18 Aug: Torquay", a list of
    fixtures), half of them or more. With ``closed``, a list must end before ``hi``
    (a line that is no item under it)."""
    found: list[int] = []
    block: list[int] = []
    for i in range(lo, hi if closed else hi + 1):
        x = lines[i] if i < hi else None
        if x is not None and x.key and not x.rule and not x.good and x.weight <= most and (free is None or free(i)):
            block.append(i)
            continue
        if len(block) >= least:
            led = sum(_QUANTITY.match(lines[j].text) is not None and not lines[j].dates for j in block)
            if led >= least and 2 * led >= len(block):
                found.extend(block)
        block = []
    return found


_QUANTITY = re.compile(r"\s*(?:\d+(?:[./]\d+)?|[½¼¾⅓⅔⅛])\s*[a-z(]")


def colon_lists(lines: list[Line], lo: int, hi: int, bw: BodyWeights, cues: Cues | None = None,
                signed: frozenset[int] = frozenset()) -> list[int]:
    """Indices in [lo, hi) of the lists that prose leads into with a colon: a line of
    words that ends in one, no rule's, right under a body-like line (blank lines apart) or
    under another such list, and under it ``colon_list_items`` lines or more, each short
    (``colon_item_weight`` words or fewer), none a rule's, body-like, dated or a signature
    (``signed``): the lead and its items (a list of specs, of changes, of steps). A list of links is not one: led by a
    rule's line ("Related posts:") or, with ``cues``, by words that lead links ("More
    stories from NBC News:", ``Cues.link_lead``), or a list of dates (an archive)."""
    out: list[int] = []
    above: Line | None = None  # the last line of words passed
    listed = False  # ... and whether it closed a list found
    i = lo
    while i < hi:
        x = lines[i]
        if not x.key:
            i += 1
            continue
        if not x.rule and x.text.rstrip()[-1:] in _COLONS and above is not None \
                and (listed or (above.good and not above.rule)) and not (cues is not None and cues.link_lead(x.key)):
            items: list[int] = []
            j = i + 1
            while j < hi:
                y = lines[j]
                if not y.key:
                    j += 1
                    continue
                if y.rule or y.good or y.dates or j in signed or y.weight > bw.colon_item_weight \
                        or y.text.rstrip()[-1:] in _COLONS:
                    break
                items.append(j)
                j += 1
            if len(items) >= bw.colon_list_items:
                out.extend([i, *items])
                above, listed, i = lines[items[-1]], True, items[-1] + 1
                continue
        above, listed = x, False
        i += 1
    return out


_COLONS = ":："  # what a "says:" line ends in (Cues.says), tested first: few lines do


def signatures(lines: list[Line], lo: int, hi: int, bw: BodyWeights, cues: Cues | None = None) -> list[int]:
    """Indices in [lo, hi) of signature lines that recur down the page: date lines
    ("Posted by: Jane | May 2, 2012 at 9:14 AM" over or under each comment, or the dates
    of a list of other posts) and, with ``cues``, a name with a speech verb ("Devin
    says:") or a stamp with a day and month and no year ("by Jane (123) on Tuesday July 24,
    @09:07AM", of one shape: see Cues.stamp), when there are ``signature_lines`` of one
    kind or more (a page's signatures share a shape). So that comments do not run on
    from the article or outweigh it, each cuts the body run. A line that opens with a
    dash is a quote's source ("— Jane Roe (@jroe) May 2, 2012" under an embedded post),
    inside the body: it is not counted."""
    dated: list[int] = []
    says: list[int] = []
    stamped: dict[str, list[int]] = {}  # yearless stamps ("on Tuesday July 24, @09:07AM"), by shape
    most = bw.signature_weight
    for i in range(lo, hi):
        x = lines[i]
        if x.dates:
            if not _QUOTE_SOURCE.match(x.text.lstrip()):
                dated.append(i)
        elif cues is None or not x.key or _QUOTE_SOURCE.match(x.text.lstrip()):
            continue
        elif x.weight <= most and x.text.rstrip()[-1:] in _COLONS and cues.says(x.text):
            says.append(i)
        elif x.weight <= bw.stamp_weight and not x.rule and (shape := cues.stamp(x.key)):
            stamped.setdefault(shape, []).append(i)
    m = bw.signature_lines
    found = [*(dated if len(dated) >= m else ()), *(says if len(says) >= m else ())]
    runs = [run for run in stamped.values() if len(run) >= m]
    if runs:
        found.extend(_spaced(lines, lo, hi, runs, m))
    return found


def _spaced(lines: list[Line], lo: int, hi: int, runs: list[list[int]], m: int) -> list[int]:
    """The stamps of ``runs`` (each a shape's) with a line of words above and under them
    that is not a stamp of their shape, for the shapes with ``m`` of them or more: a
    comment's text stands between two signatures, and stamps one right under another are
    a listing (tour dates, a schedule), no signatures."""
    worded = [j for j in range(lo, hi) if lines[j].key]
    place = {j: k for k, j in enumerate(worded)}
    out: list[int] = []
    for run in runs:
        marks = set(run)
        spaced = [i for i in run if not marks & {
            worded[place[i] - 1] if place[i] else -1, worded[place[i] + 1] if place[i] + 1 < len(worded) else -1}]
        if len(spaced) >= m:
            out.extend(spaced)
    return out


def comment_openers(
    lines: list[Line], signed: list[int], lo: int, hi: int, line_scores: list[float], bw: BodyWeights
) -> dict[int, float]:
    """The signatures (indices, from :func:`signatures`) that may open a section of
    comments, each with the score of the text it opens (up to the next signature).

    One opens comments where each of the next ``signature_lines`` signatures from it on
    (it included) has a sentence (or a body-like line) between it and the next one (or
    the end, ``hi``): a comment is a signature over its text, again and again. A list of
    dated teasers (a date under each headline, no sentence between) is not. Signature
    lines with no line of words between them ("Jane says:" over its date) sign one comment."""
    marked = set(signed)
    if len(marked) < bw.signature_lines:
        return {}
    # One walk down from the first signature: a signature with a line of words above it
    # (since the last one counted) is the next mark; the lines of words under a mark, up to
    # the next, are its text: the score of their prose, and whether a sentence is among them.
    first = min(marked)
    marks = [first]
    opened = [0.0]  # the score of the prose under each signature, up to the next
    spoken = [False]  # whether a sentence stands under it (a comment may be a short one)
    worded = False
    for j in range(first + 1, hi):
        if worded and j in marked:
            marks.append(j)
            opened.append(0.0)
            spoken.append(False)
            worded = False
            continue
        x = lines[j]
        if x.key and not x.rule:
            worded = True
            if x.good and (sc := line_scores[j - lo]) > 0:
                opened[-1] += sc
            if x.sentence or x.good:
                spoken[-1] = True
    if len(marks) < bw.signature_lines:
        return {}
    m = bw.signature_lines
    return {marks[k]: opened[k] for k in range(len(marks) - m + 1) if all(spoken[k : k + m])}


def table_rows(lines: list[Line], lo: int, hi: int, bw: BodyWeights) -> list[int]:
    """Indices in [lo, hi) of table rows: three lines or more in a row, each of three
    cells or more set apart by tabs or wide gaps."""
    rows: list[int] = []
    run: list[int] = []
    for i in [i for i in range(lo, hi) if lines[i].row]:
        if run and i != run[-1] + 1:
            if len(run) >= bw.table_min_rows:
                rows.extend(run)
            run = []
        run.append(i)
    if len(run) >= bw.table_min_rows:
        rows.extend(run)
    return rows


_QUOTE_SOURCE = re.compile(r"[—–-] ")
_GLUE = re.compile(r"(?:[a-z]{2}|[0-9?!)’'])(?=[A-Z][\w’'-]* )")
# A dateline inside a line, after a headline: "…return home from US NEW DELHI: Their…"
_INNER_DATELINE = re.compile(r"(?<=[\w’'\")] )[A-Z][A-Z.'’\-]{2,}(?: [A-Z][A-Z.'’\-]{2,}){0,2}(?: \([^)]{1,40}\))?: ")


_TEASER_TESTS: dict[BodyWeights, Callable[[str], bool]] = {}


def _teaser_test(bw: BodyWeights) -> Callable[[str], bool]:
    """:func:`teaser` with the weights ``bw``, remembered per text."""
    return store_for(_TEASER_TESTS, bw, lambda: remembered(teaser, bw=bw))


def teaser(key: str, bw: BodyWeights) -> bool:
    """A headline and the story's first sentence on one line: run together with no space
    between them ("…At Troy SteakhouseA party of six left…"), or with the story's dateline
    between them ("…return home from US NEW DELHI: Their American dream…")."""
    for m in _GLUE.finditer(key, 0, bw.teaser_window):
        head, tail = key[: m.end()], key[m.end() :]
        if len(tail.split()) >= bw.teaser_min_tail and _capitalised(head) and not _capitalised(tail[:_SENTENCE_START]):
            return True
    for m in _INNER_DATELINE.finditer(key, 0, bw.teaser_window):
        head, tail = key[: m.start()], key[m.end() :]
        if len(head.split()) >= bw.teaser_min_head and len(tail.split()) >= bw.teaser_min_after:
            return True
    return False


def _capitalised(text: str) -> bool:
    """Three words or more, nearly all capitalised, short ones too: "Ford Recalls F-150s At Last"."""
    words = _CASED_WORD.findall(text)
    return len(words) >= _CAPITALISED_WORDS and sum(w[0].isupper() for w in words) >= _CAPITALISED_SHARE * len(words)


_CASED_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_CAPITALISED_WORDS, _CAPITALISED_SHARE = 3, 0.75  # (a headline's shape: see _capitalised)
_SENTENCE_START = 80  # a sentence's opening words: where it shows whether it is capitalised


def densest(
    lines: list[Line], lo: int, hi: int, weights: ParseWeights, cues: Cues | None = None, short_posts: bool = False
) -> tuple[int, int] | None:
    """Indices [a, b] of the densest body run within [lo, hi).

    The run is the maximum-sum segment of line scores. A comment-section marker ends the
    search when a body of some size comes before it: what follows it is comments. With
    ``short_posts`` (an article's body, not a split's test), a short post above the marker
    ends it too (see :func:`_short_post`).
    """
    bw = weights.body
    line_scores, signed = _scores(lines, lo, hi, weights, cues)
    openers = comment_openers(lines, signed, lo, hi, line_scores, bw)
    # The lines that count: a blank line scores 0 and nothing else does.
    counted = [(i, sc) for i, sc in enumerate(line_scores, lo) if sc]
    signed_above: int | None = None  # the last signature passed that opens comments
    headers = _lone_headers(lines, lo, hi, cues)
    counts = _repeated_counts(lines, lo, hi)
    for k, (i, _) in enumerate(counted):
        if i in headers:
            # a share bar's word heads the comments where the article above outweighs
            # all that follows it (over an article it is a count's link: "Comments")
            found = _prose_run(lines, counted[:k], weights)
            rest = _prose_run(lines, counted[k + 1 :], weights)
            if found and found[2] >= max(bw.min_body_weight, rest[2] if rest else 0.0):
                return _framed(lines, counted[:k], found, bw)
        elif lines[i].rule in BARRIER_RULES and i not in counts:
            found = _prose_run(lines, counted[:k], weights)
            if found and found[2] >= bw.min_body_weight:
                return _framed(lines, counted[:k], found, bw)
            if found and short_posts and _links_only(lines, found):
                found = None  # links run together on long lines are no short post
            if found and short_posts and _short_post(lines, found, i, counted[k + 1 :], weights, cues):
                return found[0], found[1]
            # (under a run that scores: only where the date line that heads the post stands
            # between them, and the run over it is a sidebar's)
            post_lo = lo if found is None else found[1] + 1
            if short_posts and (post := _weak_post(lines, post_lo, i, counted[k + 1 :], weights, cues)) \
                    and (found is None or _dated_head(lines, post_lo, post[0], bw.weak_post_lines)):
                return post
        elif i in openers:
            # the first comment, under its signature, weighs less than the article above
            # it; a page's own date line opens more than what stands above it
            found = _prose_run(lines, counted[:k], weights)
            if found and found[2] >= max(bw.min_body_weight, openers[i]):
                return _framed(lines, counted[:k], found, bw)
            if short_posts and signed_above is not None and found and found[0] > signed_above \
                    and (post := _signed_post(counted[:k], signed_above, openers, bw)):
                return post
            if signed_above is None:
                signed_above = i
    found = _prose_run(lines, counted, weights)
    if not found:
        return None
    return _framed(lines, counted, found, bw)


def _framed(lines: list[Line], counted: list[tuple[int, float]], found: tuple[int, int, float],
             bw: BodyWeights) -> tuple[int, int]:
    """The run ``found`` started under the date line that heads it (:func:`_headed`) and
    ended at its first end marker (:func:`_ended`), wherever the search for it stopped."""
    return _ended(lines, counted, _headed(lines, counted, found, bw), bw)


def _headed(lines: list[Line], counted: list[tuple[int, float]], found: tuple[int, int, float],
            bw: BodyWeights) -> tuple[int, int, float]:
    """The run ``found``, started under its first date line where that has less than
    ``head_share`` of what stands under it in the run above it: a post's date heads its
    text, and what the run took in above it is a sidebar's (an author's or the site's
    "about" box, a menu's glued lines). Dates further down are the text's (a letter's)."""
    a, b, total = found
    mass = 0.0
    start, kept = a, total
    for i, sc in counted:
        if i < a:
            continue
        if i > b:
            break
        if lines[i].dates:
            if 0 < mass < bw.head_share * (total - mass):
                start, kept = i, total - mass
            break
        if sc > 0:
            mass += sc
    if start == a:
        return found
    first = next(i for i, sc in counted if i > start and sc > 0)
    return first, b, kept


def _ended(lines: list[Line], counted: list[tuple[int, float]], found: tuple[int, int, float],
           bw: BodyWeights) -> tuple[int, int]:
    """The run ``found``, ended at its first end marker (related links, tags, copyright...)
    once most of the body has been seen: what follows such a marker is the page's, not the
    article's."""
    a, b, total = found
    mass = 0.0
    last_good = a
    least = max(bw.min_body_weight, bw.end_fraction * total)
    for i, sc in counted:
        if i < a:
            continue
        if i > b:
            break
        if mass >= least and lines[i].rule in END_RULES:
            return a, last_good
        if sc > 0:
            mass += sc
            last_good = i
    return a, b


def _repeated_counts(lines: list[Line], lo: int, hi: int) -> frozenset[int]:
    """The comments lines of [lo, hi) that are a count's link in a post's header, not the
    head of its comments: shown again further down ("4 Comments" over the post and again
    over its comments), with a body-like line between the two (the post's text; a count
    under the post over a comment form and the count again over the comments has none).
    Only the last one can head the comments."""
    shown: dict[str, list[int]] = {}
    for i in range(lo, hi):
        x = lines[i]
        if x.rule in BARRIER_RULES and x.key:
            shown.setdefault(x.key.casefold(), []).append(i)
    out: list[int] = []
    for marks in shown.values():
        for i, again in zip(marks, marks[1:], strict=False):
            if any(lines[k].good and not lines[k].rule for k in range(i + 1, again)):
                out.append(i)
    return frozenset(out)


_HEADER_WORDS = 2  # a lone comments header is this light ("Reader comments")


def _lone_headers(lines: list[Line], lo: int, hi: int, cues: Cues | None) -> frozenset[int]:
    """The lines of [lo, hi) that a share bar's word ("Comments") heads the comments with:
    a line another rule took for a tool, standing alone (no line of words beside it is a
    rule's), its words a comments header's (``Cues.comments_header``), and shown once
    (a button shown twice is a button)."""
    if cues is None:
        return frozenset()
    out: list[int] = []
    for i in range(lo, hi):
        x = lines[i]
        if x.rule and x.rule not in BARRIER_RULES and x.weight <= _HEADER_WORDS and cues.comments_header(x.key):
            above = next((lines[j] for j in range(i - 1, lo - 1, -1) if lines[j].key), None)
            below = next((lines[j] for j in range(i + 1, hi) if lines[j].key), None)
            if not (above is not None and above.rule) and not (below is not None and below.rule):
                out.append(i)
    if out:
        shown = [x.key.casefold() for x in lines[lo:hi] if x.key and x.weight <= _HEADER_WORDS]
        out = [i for i in out if shown.count(lines[i].key.casefold()) == 1]
    return frozenset(out)


def _signed_post(
    counted: list[tuple[int, float]], signed: int, openers: dict[int, float], bw: BodyWeights
) -> tuple[int, int] | None:
    """A short post signed as its comments are ("Posted by Jane on Tuesday July 24, @09:04AM"
    over it, "by Joe on ..." over each of ``signature_lines`` comments or more): the text
    right under its signature (line ``signed``), if it weighs ``signed_post_weight`` or more
    and the first of those comments is no article by its weight (an article under a
    teaser's date: ``signed_post_rival`` or more)."""
    post = _run_under([(j, sc) for j, sc in counted if j > signed])
    thread = [sc for j, sc in openers.items() if j > signed][: bw.signature_lines]
    if post and post[2] >= bw.signed_post_weight and len(thread) == bw.signature_lines \
            and thread[0] < bw.signed_post_rival:
        return post[0], post[1]
    return None


def _run_under(counted: list[tuple[int, float]]) -> tuple[int, int, float] | None:
    """The heaviest run of ``counted`` that opens at its first line that scores (the text
    right under a signature, up to where what follows costs more than it adds)."""
    start = next((k for k, (_, sc) in enumerate(counted) if sc > 0), None)
    if start is None:
        return None
    best = (counted[start][0], counted[start][0], counted[start][1])
    total = 0.0
    for i, sc in counted[start:]:
        total += sc
        if total > best[2]:
            best = (best[0], i, total)
    return best


def _short_post(
    lines: list[Line], found: tuple[int, int, float], at: int, after: list[tuple[int, float]],
    weights: ParseWeights, cues: Cues | None,
) -> bool:
    """Whether the run ``found`` above the comments header at ``at`` is a short post of its
    own (a picture and its line, a note): it weighs ``post_min_weight`` or more, no date line
    stands between it and the header (a header's "12 Comments" under the post's date opens no
    comments), the header heads no sidebar list ("Recent Comments"), and no run under the
    header weighs ``post_rival_weight`` or more (an article under a count of its comments)."""
    bw = weights.body
    if found[2] < bw.post_min_weight or (cues is not None and cues.comment_list(lines[at].key)):
        return False
    stamp = _stamp_under(lines, found[1], at, cues)
    if any(lines[j].dates for j in range(found[1] + 1, at) if j != stamp):
        return False
    rival = _prose_run(lines, after, weights)
    return _light(lines, rival, weights)


def _stamp_under(lines: list[Line], end: int, at: int, cues: Cues | None) -> int:
    """The post's stamp right under its last line ``end`` (blank lines aside), over the
    header at ``at``: a date line that opens as a byline or a label does ("Posted on
    November 13, 2012 at 6:15 AM"), where a post's head has its bare date. Else -1."""
    j = next((j for j in range(end + 1, at) if not lines[j].blank), None)
    if j is None or cues is None:
        return -1
    x = lines[j]
    return j if x.dates and cues.meta_text(x.key) and not cues.leading_date(x.key) else -1


def _light(lines: list[Line], rival: tuple[int, int, float] | None, weights: ParseWeights) -> bool:
    """Whether the run ``rival`` under a comments header weighs less than
    ``post_rival_weight``, its long lines counted in full: paragraphs crowded together (a
    text converter's, with no blank line between them) are an article's as much as set
    apart; a list's short lines are not."""
    if rival is None:
        return True
    a, b, total = rival
    long = sum(x.score for x in lines[a : b + 1] if x.weight >= weights.lines.long_weight)
    return max(total, long) < weights.body.post_rival_weight


def _up(lines: list[Line], at: int, lo: int, n: int) -> list[int]:
    """The ``n`` nearest non-blank lines over line ``at`` (down to ``lo``), nearest first."""
    return list(islice((j for j in range(at - 1, lo - 1, -1) if not lines[j].blank), n))


def _dated_head(lines: list[Line], lo: int, at: int, within: int) -> bool:
    """Whether a date line stands among the ``within`` non-blank lines over line ``at``
    (and under ``lo``): the head of a post (its date, its title) right over its text."""
    return any(lines[j].dates for j in _up(lines, at, lo, within))


def _weak_post(
    lines: list[Line], lo: int, at: int, after: list[tuple[int, float]], weights: ParseWeights,
    cues: Cues | None,
) -> tuple[int, int] | None:
    """A post too short for any line of it to score (a picture's one line of text, a
    note), over the comments header at ``at`` with nothing scoring above it: the nearest
    line of ``short_sentence_weight`` words or more among the last ``weak_post_lines``
    non-blank lines over the header that no rule took, unless a run under the header
    weighs ``post_rival_weight`` or more (an article under a count of its comments). What
    stands under a comments header is a comment form, comments and the sidebar; the post's
    few words over it are the article's. A date line on the way up says the header is a
    link in the post's head ("October 5, 2018 / Posted by Jane / Leave a comment"), over
    the post, and there is no such post; a byline is passed (it signs the post under it)."""
    bw, lw = weights.body, weights.lines
    for j in _up(lines, at, lo, bw.weak_post_lines):
        x = lines[j]
        if x.dates:
            return None
        if cues is not None and cues.meta_like(x):
            continue  # a byline under the post ("Posted by Jane"); a date line is the post head's
        if not x.rule and x.weight >= lw.short_sentence_weight:
            rival = _prose_run(lines, after, weights)
            return (j, j) if _light(lines, rival, weights) else None
    return None


def _links_only(lines: list[Line], found: tuple[int, int, float]) -> bool:
    """Whether the run ``found`` is links run together and nothing else (its lines that
    score are long lines :func:`~newskit.parse.features.make_line` took for lists)."""
    return all(not x.good and not x.sentence for x in lines[found[0] : found[1] + 1] if x.key and not x.rule)


def _prose_run(
    lines: list[Line], counted: list[tuple[int, float]], weights: ParseWeights
) -> tuple[int, int, float] | None:
    """The maximum-sum run of ``counted`` (see :func:`_max_run`), unless it is no prose:
    where less than ``prose_share`` of its words are in lines that end like sentences (a
    link list, an option menu, a sidebar of headlines), the maximum-sum run of sentence
    prose alone (other lines cost as short lines do, table rows keep their score), when
    that one weighs ``min_body_weight`` or more and ``prose_weight`` of the first one's score
    (a list of short items that is the article, over a few sentences, stays)."""
    found = _max_run(counted, weights)
    if found is None:
        return None
    a, b, _ = found
    prose = words = 0
    for i, sc in counted:
        if a <= i <= b and sc > 0:
            words += lines[i].weight
            if _prose(lines[i]):
                prose += lines[i].weight
    bw = weights.body
    if prose >= bw.prose_share * words:
        return found
    cost = -weights.lines.short_cost
    only = [(i, sc if sc <= 0 or lines[i].row or _prose(lines[i]) else cost) for i, sc in counted]
    alt = _max_run(only, weights)
    return alt if alt is not None and alt[2] >= max(bw.min_body_weight, bw.prose_weight * found[2]) else found


_INNER_STOP = re.compile(r"\w[.!?…][\"'”’)]?\s+\S")  # a sentence ends inside the line


def _prose(line: Line) -> bool:
    """A line of sentences: it ends like one, or one ends inside it."""
    return line.sentence or _INNER_STOP.search(line.text) is not None


def _max_run(counted: list[tuple[int, float]], weights: ParseWeights) -> tuple[int, int, float] | None:
    """The maximum-sum run of the ``(index, score)`` of the lines that count."""
    growth = weights.body.gap_growth
    good = weights.lines.good_weight * weights.body.crowded_factor  # a body line, even a crowded one
    best, best_span = 0.0, None
    run, start = 0.0, 0
    gap = 0  # non-body lines in a row: a long stretch of chrome costs more per line
    for i, s in counted:
        if s < 0:
            s *= 1.0 + growth * gap
            gap += 1
        elif s >= good:
            gap = 0
        if run <= 0:
            run, start = s, i
        else:
            run += s
        if run > best and s > 0:
            best, best_span = run, (start, i, run)
    return best_span
