"""Site chrome learned from a set of inputs (``--site-chrome``).

A folder holds many pages of each site, and the lines a site prints on every page (its
menus, teasers, footers, promos) are chrome even where no rule names them. Learning them
takes two passes over the inputs (:func:`newskit.pipeline.map_sources` does both):

1. Each input is parsed as usual and summed up as a :class:`PageLines`
   (:func:`page_lines`): its outlet, its opening and closing blocks (the texts of its
   first and last :attr:`~newskit.parse.weights.SiteWeights.block_lines` non-blank lines)
   and the distinct texts of its lines that no rule removed and that are no date line.
2. :func:`learn` groups the pages by site: pages with the same outlet, or the same
   opening block, or the same closing block, are of one site (and so, in turn, are the
   pages linked to those: the groups are the connected parts of that relation). For each
   site it counts on how many distinct pages each line text is, and a text on at least
   ``min_pages`` pages of its site (and ``min_share`` of them) is that site's chrome,
   except on a page whose title it was (a headline shown as a teaser on the site's other
   pages), unless it was the title of ``min_pages`` pages or more (a blog's name).
   Each input is then parsed again with its site's chrome
   (:func:`newskit.parse.parse_text`'s ``chrome``): those lines are removed as
   ``site-chrome`` (:attr:`newskit.model.Reason.SITE_CHROME`), so no line is lost.

Two things hold whatever the inputs:

- **Wire copy stays.** A line like a sentence (see :func:`is_prose`) that pages of two
  sites or more share is never site chrome, however many pages of one site hold it: the
  same agency story on several sites is content, and dedupe needs it whole.
- **Order does not matter.** The groups, the counts and so the chrome of each input
  depend on the set of inputs only, never on the order they are read in.

This module knows no click or rich, and reads no files: it works on parsed documents.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from .model import Document, Kind, Reason
from .parse.weights import DEFAULT_WEIGHTS, ParseWeights
from .rules import rule_key
from .text import ends_sentence, weight
from .unionfind import UnionFind

# The parser's own reasons for removing a line (no rule's): such a line may be site chrome.
_PARSER_REASONS = frozenset({Reason.CHROME, Reason.SHORT_LINE, Reason.NO_ARTICLE, Reason.REPEATED_TITLE,
                             Reason.REPEATED_SUMMARY, Reason.BYLINE_REPEAT})


@dataclass(frozen=True, slots=True)
class PageLines:
    """What site chrome needs of one parsed input: its ``outlet`` (case folded; "" if
    none), its opening and closing blocks (``head``, ``tail``: "" where the page is too
    short for both), the distinct texts of its candidate lines (``lines``, sorted),
    which of them are prose (``prose``) and its articles' titles (``titles``)."""

    source: str
    outlet: str
    head: str
    tail: str
    lines: tuple[str, ...]
    prose: frozenset[str] = frozenset()
    titles: frozenset[str] = frozenset()


def is_prose(key: str, weights: ParseWeights = DEFAULT_WEIGHTS) -> bool:
    """Whether a line's text reads like a sentence of an article: it ends like one and has
    ``lines.short_sentence_weight`` words or more, or it is ``lines.long_weight`` heavy."""
    lw = weights.lines
    w = weight(key)
    return w >= lw.long_weight or (w >= lw.short_sentence_weight and ends_sentence(key))


def page_lines(doc: Document, weights: ParseWeights = DEFAULT_WEIGHTS) -> PageLines:
    """The :class:`PageLines` of a parsed document (see the module's docstring)."""
    sw = weights.site
    keys: list[str] = []
    candidates: set[str] = set()
    for r in doc.records():
        key = rule_key(r.text)
        if not key:
            continue
        keys.append(key)
        if r.kind is Kind.DATE or (r.kind is Kind.REMOVED and r.rule not in _PARSER_REASONS):
            continue
        if sw.max_weight and weight(key) > sw.max_weight:
            continue
        candidates.add(key)
    n = sw.block_lines
    long_enough = n > 0 and len(keys) >= 2 * n
    head = "\n".join(keys[:n]) if long_enough else ""
    tail = "\n".join(keys[-n:]) if long_enough else ""
    outlet = next((a.outlet for a in doc.articles if a.outlet), None) or ""
    prose = frozenset(k for k in candidates if is_prose(k, weights))
    titles = frozenset(key for a in doc.articles if (key := rule_key(a.title)) in candidates)
    return PageLines(doc.source, outlet.casefold(), head, tail, tuple(sorted(candidates)), prose, titles)


@dataclass(frozen=True, slots=True)
class SiteChrome:
    """Site chrome learned from a set of pages: for each input (by source), the line texts
    to remove; the number of ``sites`` (groups of pages) and how many of them had chrome."""

    chrome: Mapping[str, frozenset[str]] = field(default_factory=dict)
    sites: int = 0
    sites_with_chrome: int = 0

    def of(self, source: str) -> frozenset[str]:
        """The chrome line texts of the site of ``source`` (none for an input not learned from)."""
        return self.chrome.get(source, frozenset())

    @property
    def texts(self) -> int:
        """How many distinct line texts are some site's chrome."""
        return len(frozenset().union(*self.chrome.values())) if self.chrome else 0


def group_sites(pages: Iterable[PageLines]) -> list[list[PageLines]]:
    """The pages grouped by site: same outlet, opening block or closing block (transitively).
    Each group is sorted by source, the groups by their first source: the result depends on
    the set of pages, not on their order."""
    by_source = {p.source: p for p in pages}
    ordered = [by_source[s] for s in sorted(by_source)]
    sets = UnionFind(len(ordered))
    first: dict[tuple[str, str], int] = {}
    for i, p in enumerate(ordered):
        for link in (("outlet", p.outlet), ("head", p.head), ("tail", p.tail)):
            if link[1]:
                sets.union(i, first.setdefault(link, i))
    groups: dict[int, list[PageLines]] = {}
    for i, p in enumerate(ordered):
        groups.setdefault(sets.find(i), []).append(p)
    return [groups[k] for k in sorted(groups)]


def learn(pages: Iterable[PageLines], weights: ParseWeights = DEFAULT_WEIGHTS) -> SiteChrome:
    """The site chrome of ``pages`` (see the module's docstring)."""
    sw = weights.site
    sites = group_sites(pages)
    # Prose that pages of two sites or more hold is content (wire copy): never chrome.
    prose_sites: Counter[str] = Counter()
    for site in sites:
        prose_sites.update(frozenset().union(*(p.prose for p in site)))
    shared = {k for k, n in prose_sites.items() if n > 1}
    chrome: dict[str, frozenset[str]] = {}
    with_chrome = 0
    for site in sites:
        counts = Counter(k for p in site for k in p.lines)
        least = max(sw.min_pages, sw.min_share * len(site))
        found = frozenset(k for k, n in counts.items() if n >= least and k not in shared)
        if not found:
            continue
        with_chrome += 1
        # A page's own headline, shown as a teaser on the site's other pages, stays on
        # that page: the title of fewer than min_pages pages is no chrome there.
        titled = Counter(k for p in site for k in p.titles)
        for p in site:
            own = {k for k in p.titles if titled[k] < sw.min_pages} & found
            chrome[p.source] = found - own if own else found
    return SiteChrome(chrome, len(sites), with_chrome)
