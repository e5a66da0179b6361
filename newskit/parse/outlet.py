"""The outlet: the name of the site or paper a dump comes from, where the page tells it.

In order of trust:

1. an outlet profile of the rules (``[[outlet]]`` in ``newskit/rules/default.toml``),
   whose ``detect`` pattern is in the dump; else the name a blog platform's footer gives
   the blog ("Inside Gizmo is powered by Blogger", ``outlet_powered_by``), which the
   copyright owner ("© 2012 Gizmo Inc", the blog's company or its author) is not;
2. the site a publisher says it owns ("Live Science is part of Future US Inc", "... All
   rights reserved. Gizmo is a registered trademark of Foo Inc": the sentence that says so);
3. a name the page gives itself (the copyright owner, a framed name, a masthead: see
   below) that an address the page shows spells, case, spaces and an article aside
   ("Gizmo Daily" and "tips@gizmodaily.com", "www.GizmoDaily.com" on a short line): the
   page's own address names its own site, where the copyright line may name a parent
   company ("© 2012 Foo Corp" on a page of "Gizmo Daily"). A social network's or a mail
   service's address (``outlet_not_sites``: "twitter", "gmail") spells no outlet;
4. where the copyright owner is a publisher (see below) or the line tells none, a short
   name that stands before the sign on the line and recurs ("Gizmo Daily Copyright © Foo
   Media", "Gizmo Daily ©2012 All Rights Reserved");
   else the copyright line's owner, cleaned of what is not a name ("© 2019 Foo Media, Inc.
   All rights reserved." -> "Foo Media", "Copyright Gannett 2018" -> "Gannett",
   "Copyright 2019. Gizmo Daily. All Rights Reserved.", "© 2019 Gizmo (gizmo.net)"; the
   site's address after it, "© Jane Roe / Gizmo.com 2012", is the site's), unless
   the owner is a publisher ("Hearst Communications", "CBS Interactive": a name that ends
   in a publisher's word, ``outlet_publisher_words``), who owns the site under another
   name, or signs the page's posts ("Posted by Jane Roe" and "© 2012 Jane Roe": a
   blogger, whose blog's name comes first where the page gives one), or a name that
   several lines frame as the page's own ("About Gizmo", "Follow Gizmo on Twitter") and
   that recurs as often, the owner being its parent or its author; a name the page
   frames as its own (see 5) that holds the owner's at one end and recurs is the owner's
   site ("YumSugar" for "© 2012 Sugar Inc" beside "Follow YumSugar");
5. a name the page frames as its own ("About SFGATE", "More From WIRED", "Subscribe to
   X", "Related Stories on X", "IGN Staff": ``outlet_frames_before`` and
   ``outlet_frames_after``, on a line or as one link of a line of links, "About X |
   Contact Us"; "Follow X on
   Twitter" frames X; a quoted name, 'Follow “X”' as a blog platform's button writes it,
   need not recur), or a site's
   address near the top or the foot of the page ("CBSNews.com"), that recurs on the page (at least :data:`RECURS`
   times, case aside): the most frequent. A blog platform's name ("WordPress.com",
   ``outlet_platforms``) is not the blog's; or the masthead: one of the first lines, a
   short name whose letters are in an address the page shows. A framed name that signs
   the page's posts ("About Jane Roe" and "Posted by Jane Roe": an author's box) comes
   after the masthead;
6. the publisher owner, or its title that the page names again and again ("CBS News"
   for "© 2019 CBS Interactive Inc.");
7. the page's first line, a short name no rule took, where nothing else (or only an owner
   who signs the posts) names the outlet
   and the parser removed that line as chrome (a first line that is the headline, as on
   a clipping, names nothing); else a short name on a line of its own further down
   ("Gizmo Daily" over a box of links) that an address or a handle the page shows spells
   ("Follow @GizmoDaily").

Nothing here knows a site: the words are data in ``newskit/rules/cues.toml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import chain, islice
from typing import TYPE_CHECKING, NamedTuple

from ..model import Article, Kind, LineRecord
from ..rules import Rules
from ..vocabulary import alternatives
from .weights import OutletWeights

if TYPE_CHECKING:
    from collections.abc import Iterable

    from .features import Line

DEFAULT_WEIGHTS = OutletWeights()
POWERED = "powered by"  # what a platform's footer holds, as outlet_powered_by writes it
SELF_FRAMES = 2  # a name that this many lines frame is the site's own, over its owner's
RECURS = 2  # a framed name must be on the page this many times
COPYRIGHT_MAX_CHARS = 400  # a copyright line is short; longer lines are text about copyright
FRAMED_MAX_CHARS = 80  # "About X", "X Staff": a short line
EDGE_LINES = 15  # a site's address is looked for in this many lines at the top and the foot
NAME_MIN_CHARS = 2  # a name has two characters or more
_NAME = r"[A-Z0-9][\w&.'’!+-]*(?:\s+(?:[A-Z0-9&][\w&.'’!+-]*|of|the|de|and|on)){0,3}"
_MASTHEAD_CUT = re.compile(r"\s+[-–—|:·•»]\s+|[:,]\s")  # where a masthead's tagline starts: "Foo - bar", "Foo: bar"
_QUOTE = "[\"“”‘’']"  # a name in quotes: 'Follow “The Daily Bugle”'
_STRIPPED_C = re.compile(r"[cC]\)\s*(?:19|20)\d{2}")  # "(c) 2012 Foo" as a line's key has it: its "(" is an edge
_NAMED = re.compile(_NAME)
_HANDLE = re.compile(r"(?<![\w.])@(\w{2,30})")  # "@gizmodaily", not "tips@gizmodaily.com"
_MAIL_HOST = re.compile(r"@([\w-]+(?:\.[\w-]+)+)")  # "gizmodaily.com" of "tips@gizmodaily.com"
RUN_WORDS = 2  # words of a name in a row that spell an address ("Gizmo Daily" of "Inside Gizmo Daily")
LABEL_MIN_CHARS = 3  # a site's name in its address has three letters or more ("ign", not "t" of t.co)
_NOT_LETTERS = re.compile(r"[^0-9a-z]+")
_SIGN = re.compile(r"©|\([cC]\)|(?i:copyright)")  # a copyright sign or word, where a line has one
_BEFORE_CUT = re.compile(r"\s+[-–—|:·•»●/]\s+|\s{2,}|[|•●·]")  # what parts the links before a copyright sign
_ON_SITE = re.compile(r"\s+(?i:on)\s+(\S+)")  # "Gizmo on Twitter": the name, then the network it is on
_LINKS = re.compile(r"\s+[|·•]\s+")  # what parts a line of links: "About Gizmo | Contact Us | Donate"
_LINK_MARKS = ("|", "·", "•")
_SLASH = re.compile(r"\s*[/|–—-]\s*")  # what parts an owner from the address after it: "Jane Roe / Gizmo.com"
_YEAR_OR_STOP = re.compile(r"\s*(?:(?:19|20)\d{2}\b|[.,|]|$)")  # what ends an address that ends a copyright owner
_SENTENCE_END = re.compile(r"[.!?]\s+(?=\S)")  # where a sentence ends and the next starts
_YEARS = re.compile(r"\b(?:19|20)\d{2}\b(?:\s*[-–]\s*(?:(?:19|20)?\d{2})\b)?")


@dataclass(frozen=True, slots=True)
class OutletCues:
    """The patterns of an outlet's name, built from one vocabulary."""

    owner: re.Pattern[str]  # what follows a copyright sign: "© 2019 Foo Media, Inc." -> "Foo Media, Inc"
    not_owners: tuple[str, ...]
    lead: re.Pattern[str]  # what stands before the owner's name: "by", a second "Copyright"
    legal: re.Pattern[str]  # a legal form that ends a name: "Inc.", ", LLC"
    cut: re.Pattern[str]  # where a name ends inside the line: "All rights", " is a trademark"
    publisher: re.Pattern[str]  # a publisher's name: ends in "Communications", "Media Group"
    framed: re.Pattern[str]  # "About X", "X Staff"
    domain: re.Pattern[str]  # "CBSNews.com"
    tld: re.Pattern[str]  # ".com": what a line with an address holds (found fast, it opens with a dot)
    addressed: re.Pattern[str]  # a site's address before the sign: "Wired.com © 2012 Condé Nast"
    host: re.Pattern[str]  # a site's address: its subdomains, its name, its ending ("blog.gizmodaily.co.uk")
    part_of: re.Pattern[str]  # "Live Science is part of Future US": the outlet, then its owner
    not_names: frozenset[str]
    frame_ends: frozenset[str]  # the first words of outlet_frames_before, the last of outlet_frames_after
    not_sites: frozenset[str]  # the names of sites that are no page's outlet: "twitter", "gmail"
    signs: tuple[str, ...]  # the words a byline opens with ("by", "von"): a post's author's name follows
    powered: re.Pattern[str]  # a platform's footer: "Inside Gizmo is powered by Blogger" -> "Inside Gizmo"

    @classmethod
    def of(cls, rules: Rules) -> OutletCues:
        found = rules.derived.get("outlet")
        if isinstance(found, OutletCues):
            return found
        v = rules.vocabulary
        before, after = alternatives(v["outlet_frames_before"]), alternatives(v["outlet_frames_after"])
        found = rules.derived["outlet"] = cls(
            owner=re.compile(
                rf"(?:(?:©|\(c\)|^c\)|\b(?:{alternatives(v['copyright'])})\b)\s*)+(?:\d{{4}}\s*[-–]\s*)?(?:\d{{4}})?"
                rf"\s*[,.:]?\s*([A-Z][\w&.'’ -]{{1,60}}?)\s*"
                rf"(?:[.,|(•·●]|\s[-–—/]\s|{alternatives(v['rights_reserved'])}|$)",
                re.I,
            ),
            not_owners=tuple(v["not_owners"]),
            lead=re.compile(rf"^(?:\W|(?:{alternatives([*v['copyright'], *v['outlet_leads']])})\b)*", re.I),
            legal=re.compile(rf"[\s,]+(?:{alternatives(v['outlet_legal_forms'])})\.?$", re.I),
            cut=re.compile(rf"\s(?:{alternatives(v['outlet_cuts'])})\b.*|\s[/|·]\s.*", re.I),
            publisher=re.compile(rf"(?:^|\s)(?:{alternatives(v['outlet_publisher_words'])})$", re.I),
            framed=re.compile(rf"^(?i:{before})\s+{_QUOTE}?({_NAME}){_QUOTE}?\W*$|^({_NAME})\s+(?i:{after})\W*$"),
            domain=re.compile(rf"\b([A-Za-z0-9][\w-]{{1,40}}\.(?:{alternatives(v['outlet_domains'])}))(?![\w.])", re.I),
            tld=re.compile(rf"\.(?:{alternatives(v['outlet_domains'])})(?![\w.])", re.I),
            addressed=re.compile(rf"([A-Za-z0-9][\w-]{{1,40}}\.(?:{alternatives(v['outlet_domains'])}))\s*(?:©|\(c\)|"
                                 rf"{alternatives(v['copyright'])})", re.I),
            host=re.compile(rf"(?<![\w.-])((?:[A-Za-z0-9-]+\.)*)([A-Za-z0-9][\w-]{{1,40}})"
                            rf"\.(?:{alternatives(v['outlet_domains'])})(?![\w.])", re.I),
            part_of=re.compile(alternatives(v["outlet_part_of"]), re.I),
            not_names=frozenset([*v["outlet_not_names"], *v["outlet_platforms"]]),
            frame_ends=frozenset([*(w.split()[0] for w in v["outlet_frames_before"]),
                                  *(w.split()[-1] for w in v["outlet_frames_after"])]),
            not_sites=frozenset([*v["outlet_not_sites"], *v["outlet_platforms"], *v["outlet_not_names"]]),
            signs=tuple(v["by"]),
            powered=re.compile(rf"^(?:[Tt]he\s+)?(?:official\s+)?({_NAME})\s+(?:{alternatives(v['outlet_powered_by'])})"
                               rf"\s+(?i:{alternatives(v['outlet_platforms'])})\b"),
        )
        return found

    def clean(self, owner: str) -> str:
        """A copyright owner as a name: no years, legal form, "All rights reserved"."""
        name = _YEARS.sub(" ", owner)
        name = self.cut.sub("", name)
        name = self.lead.sub("", " ".join(name.split()))
        while True:
            shorter = self.legal.sub("", name.strip(" .,;:-|·&"))
            if shorter == name:
                return name
            name = shorter

    def is_publisher(self, name: str) -> bool:
        return self.publisher.search(name) is not None

    def framed_name(self, key: str, split: list[str] | None = None) -> str:
        """The name a line frames as the page's own ("About SFGATE" -> "SFGATE"), else ""
        (``split``: ``key.split()``, where it is known). A line of links frames the name
        one of its links frames ("About Gizmo | Contact Us | Donate" -> "Gizmo")."""
        if len(key) <= FRAMED_MAX_CHARS:
            name = self._framed_one(key, key.split() if split is None else split)
            if name:
                return name
        if len(key) > COPYRIGHT_MAX_CHARS or not any(mark in key for mark in _LINK_MARKS):
            return ""
        for part in _LINKS.split(key):
            name = self._framed_one(part, part.split()) if len(part) < len(key) else ""
            if name and name.lower() not in self.not_names:  # ("Contact Us" frames no one)
                return name
        return ""

    def _framed_one(self, key: str, words: list[str]) -> str:
        """The name one short line (or link) frames, else ""."""
        if not words or (words[0].lower() not in self.frame_ends and words[-1].lower() not in self.frame_ends):
            return ""
        m = self.framed.match(key) if len(key) <= FRAMED_MAX_CHARS else None
        if not m:
            return ""
        name = (m.group(1) or m.group(2)).strip(" .!")
        # (The site on a social network: "Follow Gizmo on Twitter" frames "Gizmo".)
        on = _ON_SITE.search(name)
        if on and _NOT_LETTERS.sub("", on.group(1).lower()) in self.not_sites:
            return name[: on.start()]
        return name

    def stem(self, name: str) -> str:
        """A publisher's name without its publisher's words: "Hearst" of "Hearst Communications"."""
        while True:
            shorter = self.publisher.sub("", name).strip(" .,&")
            if shorter == name:
                return name
            name = shorter


class Found(NamedTuple):
    """What the page tells of its outlet: its name (None where it tells none), the pattern of
    the outlet's own chrome lines (from its profile), and the page's first line as a
    masthead (its index and name) that stands for the outlet where that line is chrome
    (not the article's title or text: :func:`first_line_outlet`)."""

    name: str | None
    drop: re.Pattern[str] | None = None
    first_line: tuple[int, str] | None = None


def find_outlet(text: str, lines: list[Line], rules: Rules, weights: OutletWeights = DEFAULT_WEIGHTS) -> Found:
    """The outlet's name, where it can be told, and the pattern of its own chrome lines."""
    profile = rules.detect_outlet(text)
    if profile is not None:
        return Found(profile.name, profile.drop)
    oc = OutletCues.of(rules)
    powered = _powered(text, oc)
    if powered:
        return Found(powered)
    owner = _owner(lines, oc)
    part = _part_of(text, owner, oc) if owner else None
    if part:
        return Found(part)
    low = text.lower()
    confirmed = _confirmed(text, low, lines, owner, oc, weights)
    if confirmed:
        return Found(confirmed)
    if owner is None or oc.is_publisher(owner):
        before = _before_sign(low, lines, oc, weights)
        if before:
            return Found(before)
    if owner and not oc.is_publisher(owner) and _signs(low, owner, oc):
        # The owner signs the page's posts ("© 2012 Jane Roe" and "Posted by Jane Roe"): a
        # blogger, whose blog's name is the outlet where the page gives one.
        framed = _framed_or_masthead(low, lines, oc, weights)
        return Found(framed) if framed else Found(owner, first_line=_first_line(lines, oc, weights))
    told = _told(low, lines, owner, oc, weights)
    if told and told == owner and oc.is_publisher(owner):
        return Found(_publisher_title(text, owner, oc))
    if told:
        return Found(told)
    # (The page's first line, where the parser removes it as chrome, comes before a name
    # that stands alone further down.)
    return Found(_spelt_line(text, low, lines, oc, weights), first_line=_first_line(lines, oc, weights))


def first_line_outlet(found: Found, articles: list[Article], chrome: list[LineRecord]) -> str | None:
    """The outlet of a parsed page: the page's first line where :func:`find_outlet` offered
    it and the parser removed it as chrome (a first line that is the article's headline,
    as on a clipping, names no outlet); else the name found."""
    if found.first_line is None:
        return found.name
    no = found.first_line[0] + 1
    record = next((r for r in chrome if r.no == no), None)
    if record is None:
        record = next((r for a in articles if (r := a.line(no)) is not None), None)
    return found.first_line[1] if record is not None and record.kind is Kind.REMOVED else found.name


def _powered(text: str, oc: OutletCues) -> str | None:
    """The name a blog platform's footer gives the blog, on a line of its own ("Inside
    Gizmo is powered by Blogger."). (Read where the page holds "powered by": most pages
    do not.)"""
    i = text.find(POWERED)
    while i >= 0:
        start = text.rfind("\n", 0, i) + 1
        end = text.find("\n", i)
        m = oc.powered.match(text[start : end if end >= 0 else len(text)].strip())
        if m and m.group(1).lower() not in oc.not_names and not oc.is_publisher(m.group(1)):
            return m.group(1)
        i = text.find(POWERED, i + 1)
    return None


def _signs(low: str, owner: str, oc: OutletCues) -> bool:
    """Whether the page's posts are signed with the owner's name ("Posted by Jane Roe"), on
    a line with no copyright sign ("© 2012 by Jane Roe" signs nothing). (``low``: the
    page's text in lower case.)"""
    for said in (f"{word} {owner.lower()}" for word in oc.signs):
        i = low.find(said)
        while i >= 0:
            end = low.find("\n", i)
            if not copyright_sign(low[low.rfind("\n", 0, i) + 1 : end if end >= 0 else len(low)]):
                return True
            i = low.find(said, i + 1)
    return False


def _framed_or_masthead(low: str, lines: list[Line], oc: OutletCues, weights: OutletWeights) -> str | None:
    found = _framed_name(low, lines, oc, weights)
    return found[1] if found else None


def _told(low: str, lines: list[Line], owner: str | None, oc: OutletCues, weights: OutletWeights) -> str | None:
    """The outlet the copyright owner, a framed name or the masthead tell."""
    if owner and not oc.is_publisher(owner):
        site = _owner_site(low, lines, owner, oc)
        return (_self_framed(low, lines, owner, oc) or site) if site == owner else site
    framed = _framed_name(low, lines, oc, weights)
    if framed is None or owner is None:
        return framed[1] if framed else owner
    # A publisher's name may be the outlet's with a publisher's word ("The Foreign Policy
    # Group"): the owner stays unless the framed name is on the page more often than it.
    return framed[1] if framed[0] > _times(low, oc.stem(owner)) else owner


def _publisher_title(text: str, owner: str, oc: OutletCues) -> str:
    """A publisher's title that the page names after it, where it names no other outlet:
    its name without the publisher's words and the word that follows it most often on the
    page, if that recurs ("CBS News" for "© 2019 CBS Interactive Inc" on a page that says
    "CBS News" again and again); else the publisher's name."""
    stem = oc.stem(owner)
    if stem == owner:
        return owner
    words: dict[str, int] = {}
    for m in re.finditer(rf"(?<![\w-]){re.escape(stem)} ([A-Z][\w&'’-]*)", text):
        title = f"{stem} {m.group(1)}"
        if not oc.is_publisher(title) and not oc.legal.search(title) and title.lower() != owner.lower():
            words[title] = words.get(title, 0) + 1
    title, n = max(words.items(), key=lambda x: x[1], default=(owner, 0))
    return title if n >= RECURS else owner


def _owner_site(low: str, lines: list[Line], owner: str, oc: OutletCues) -> str:
    """The owner's name, or a name the page frames as its own that holds the owner's at
    one end and recurs, the most frequent ("YumSugar" beside "© 2012 Sugar Inc" and
    "Follow YumSugar"): the site of a network named after its owner."""
    own = owner.lower()
    best = (0, owner)
    for name in dict.fromkeys(x.framed for x in lines if x.framed):
        folded = name.lower()
        if folded == own or not folded.startswith(own) and not folded.endswith(own) or folded in oc.not_names:
            continue
        n = _times(low, name)
        if n >= RECURS and n > best[0]:
            best = (n, name)
    return best[1]


def _self_framed(low: str, lines: list[Line], owner: str, oc: OutletCues) -> str | None:
    """A name that several lines of the page frame as its own ("About Gizmo", "Follow Gizmo
    on Twitter", "Subscribe to Gizmo"), that recurs as often as the copyright owner or more
    and is not the owner's name, its initials or a part of it: the site, where the owner is
    its parent company ("© 2012 Foo Corp" on a page of Gizmo) or its author. The most
    frequent."""
    own = _NOT_LETTERS.sub("", owner.lower())
    initials = "".join(w[0] for w in owner.lower().split() if w[:1].isalnum())
    frames: dict[str, set[str]] = {}
    for x in lines:
        if x.framed:
            frames.setdefault(x.framed, set()).add(x.key.lower())
    n_owner = _times(low, owner)
    best: tuple[int, str] | None = None
    for name, keys in frames.items():
        letters = _NOT_LETTERS.sub("", name.lower())
        if (len(keys) < SELF_FRAMES or name.lower() in oc.not_names or oc.is_publisher(name) or not letters
                or letters in own or own in letters or letters == initials):
            continue
        n = _times(low, name)
        if n >= max(RECURS, n_owner) and (best is None or n > best[0]) and not _signs(low, name, oc):
            best = (n, name)
    return best[1] if best else None


def _confirmed(text: str, low: str, lines: list[Line], owner: str | None, oc: OutletCues,
               w: OutletWeights) -> str | None:
    """The name, of those the page gives itself (the copyright owner, a framed name, a
    masthead), that an address the page shows spells, the most frequent."""
    top = islice((x for x in lines if x.key), w.masthead_lines)
    mastheads = (_MASTHEAD_CUT.split(x.key, maxsplit=1)[0] for x in top if not (x.rule or x.home or x.dates))
    # (A name that is an address, "Example.com", is not confirmed by itself.)
    given = (x.strip(" .!") for x in chain((x.framed for x in lines if x.framed), mastheads))
    names = [x for x in [owner or "", *(x for x in given if not oc.tld.search(x))] if x]
    labels = _labels(text, oc) if names else []
    if not labels:
        return None
    best = _most_spelt(names, labels, low, oc)
    return _longer(text, best, labels) if best else None


def _most_spelt(names: Iterable[str], labels: list[str], low: str, oc: OutletCues) -> str | None:
    """Of ``names``, the one a shown address or handle (``labels``) spells that the page
    (``low``, folded) names most often, as the label spells it (the first on a tie)."""
    best: tuple[int, str] | None = None
    for name in dict.fromkeys(names):
        spelt = next((x for x in (_spelt_by(name, label, oc) for label in labels) if x), None)
        if spelt is None:
            continue
        n = _times(low, spelt)
        if best is None or n > best[0]:
            best = (n, spelt)
    return best[1] if best else None


def _longer(text: str, name: str, labels: list[str]) -> str:
    """The name with the word that follows it on the page where, with that word, it spells
    another address the page shows, the more often so ("CBS" -> "CBS News" on a page that
    shows "CBSNews.com" and "CBS.com", where "CBS News" recurs): the owner's or the
    network's name is the outlet's first word."""
    letters = _NOT_LETTERS.sub("", name.lower())
    longer = {x for x in labels if x.startswith(letters) and x != letters}
    if not longer:
        return name
    words: dict[str, int] = {}
    for m in re.finditer(rf"(?<!\w){re.escape(name)} ([A-Z][\w&'’-]*)", text):
        word = m.group(1)
        if letters + _NOT_LETTERS.sub("", word.lower()) in longer:
            words[word] = words.get(word, 0) + 1
    word, n = max(words.items(), key=lambda x: x[1], default=("", 0))
    return f"{name} {word}" if n >= RECURS else name


def _spelt_by(name: str, label: str, oc: OutletCues) -> str | None:
    """The name, or the words of it, that spell a site's name in its address: all of them
    ("Gizmo Daily", "The Gizmo Daily", "GizmoDaily.com" for gizmodaily), else two or more
    in a row ("Gizmo Daily" of "Inside Gizmo Daily", "Gizmo Daily Stories"); else None."""
    tokens = oc.tld.sub("", oc.stem(name)).split()
    words = [_NOT_LETTERS.sub("", w.lower()) for w in tokens]
    letters = "".join(words)
    if len(letters) < NAME_MIN_CHARS or label not in letters:
        return None
    if letters == label or letters.removeprefix("the") == label.removeprefix("the"):
        return name
    for i in range(len(words)):
        for j in range(i + RUN_WORDS, len(words) + 1):
            if "".join(words[i:j]) == label:
                return " ".join(tokens[i:j])
    return None


def _times(low: str, name: str) -> int:
    """How often ``name`` is on the page (``low``: its text in lower case), as a whole word,
    case aside. (Found with ``str.find``: a pattern that opens with a look-behind, or
    ignores case, would try every character of the page.)"""
    name = name.lower()
    n, size, i = 0, len(name), low.find(name) if name else -1
    while i >= 0:
        end = i + size
        if (i == 0 or not _word(low[i - 1])) and (end == len(low) or not _word(low[end])):
            n += 1
        i = low.find(name, i + 1)
    return n


def _word(ch: str) -> bool:
    """A character of a word, as a pattern's ``\\w`` reads it."""
    return ch.isalnum() or ch == "_"


def _owner(lines: list[Line], oc: OutletCues) -> str | None:
    """The owner of the last copyright line, cleaned; else of the last line with a copyright
    sign in it (a long one, or one no rule took: "Certain photos copyright © Getty Images")."""
    marked = (x.key for x in reversed(lines) if x.rule == "copyright")
    signed = (x.key for x in reversed(lines) if x.signed)
    for key in chain(marked, signed):
        address = oc.addressed.match(key)
        if address and address.group(1).lower() not in oc.not_names:
            return address.group(1)
        m = oc.owner.search(key)
        if not m or _names_no_one(m.group(1), oc):
            continue
        # (The site's address after the owner, "© Jane Roe / GizmoDaily.com 2012", is the site's.)
        # (Not a company named after its address: "© Foo AG / Bar.net GmbH".)
        after = _SLASH.sub("", key[m.end(1) :], count=1)
        site = oc.domain.match(after) if _SLASH.match(key, m.end(1)) else None
        if site and _YEAR_OR_STOP.match(after, site.end()) and site.group(1).lower() not in oc.not_names:
            return site.group(1)
        name = oc.clean(m.group(1))
        if len(name) >= NAME_MIN_CHARS and not _names_no_one(name, oc):
            return name
    return None


def _before_sign(low: str, lines: list[Line], oc: OutletCues, w: OutletWeights) -> str | None:
    """The site's name where the copyright line gives it before the sign ("Gizmo Daily ©
    2012 Foo Media Group", "Gizmo Daily Copyright © Foo Media", "Gizmo © 2012. All rights
    reserved"), the links that open the line aside ("Privacy | Gizmo Daily © 2012"): a
    short name that recurs on the page, taken where the owner after the sign is a
    publisher or is not told. (The last copyright line; ``low``: the page in lower case.)"""
    key = next((x.key for x in reversed(lines) if x.rule == "copyright"), None) or next(
        (x.key for x in reversed(lines) if x.signed), None)
    m = _SIGN.search(key) if key else None
    if m is None or key is None:  # (key: for the type checker, m tells)
        return None
    name = _BEFORE_CUT.split(key[: m.start()])[-1].strip(" .,;:-–—®™&")
    words = name.split()
    if (sum(ch.isalpha() for ch in name) < NAME_MIN_CHARS or len(name) > w.masthead_chars
            or len(words) > w.masthead_words or not _NAMED.fullmatch(name) or name.lower() in oc.not_names
            or words[0].lower() in oc.frame_ends or oc.is_publisher(name) or _names_no_one(name, oc)):
        return None
    bare = name[4:] if name.lower().startswith("the ") else name
    return name if max(_times(low, name), _times(low, bare)) >= RECURS else None


def _names_no_one(name: str, oc: OutletCues) -> bool:
    """Whether a copyright line's owner opens with words that name no one ("All rights
    reserved", a footer link's "Copyright Information"), as whole words: "Infoworld" is a name."""
    low = name.lower()
    return any(low.startswith(w) and not _word(low[len(w) : len(w) + 1]) for w in oc.not_owners)


def copyright_sign(key: str) -> bool:
    """A short line with a copyright sign or word in it (a line feature: see ``Line.signed``)."""
    return len(key) <= COPYRIGHT_MAX_CHARS and (
        "©" in key or "opyright" in key or "(c)" in key or "(C)" in key or _STRIPPED_C.match(key) is not None
    )


def _framed(low: str, lines: list[Line], oc: OutletCues, signers: bool = False) -> tuple[int, str] | None:
    """The most frequent name the page frames as its own, or its address at an edge, and
    how often it is on the page. A name that signs the page's posts ("About Jane Roe" and
    "Posted by Jane Roe": an author's box) is left out unless ``signers``: it comes after
    the masthead (:func:`_framed_name`)."""
    # (What each line frames is one of its features, read once per distinct text.)
    names = [x.framed for x in lines if x.framed]
    edges = lines[:EDGE_LINES] + lines[-EDGE_LINES:]
    # (The address pattern is costly where a line has none: it is tried only where a line
    # holds a domain's ending.)
    names.extend(m.group(1) for x in edges if oc.tld.search(x.key) for m in oc.domain.finditer(x.key))
    best: tuple[int, str] | None = None
    if not names:
        return None
    for name in dict.fromkeys(names):
        folded = name.lower()
        # (A name in quotes after a frame, as a blog platform's button writes it, 'Follow
        # “Gizmo Daily”', is the blog's own once on the page.)
        quoted = f"“{folded}”" in low or f'"{folded}"' in low
        if folded in oc.not_names or (low.count(folded) < RECURS and not quoted) or oc.is_publisher(name):
            continue
        n = _times(low, name)
        if (n >= RECURS or quoted) and (best is None or n > best[0]) and (signers or not _signs(low, name, oc)):
            best = (n, name)
    return best


def _framed_name(low: str, lines: list[Line], oc: OutletCues, w: OutletWeights) -> tuple[int, str] | None:
    """A name the page frames as its own, else its masthead, else a framed name that signs
    the page's posts (an author's box on a page that gives no other name: a blogger's
    own blog, "About Jane Roe" on janeroe.com)."""
    return _framed(low, lines, oc) or _masthead(low, lines, oc, w) or _framed(low, lines, oc, signers=True)


def _addresses(lines: list[Line], oc: OutletCues) -> list[str]:
    """The letters of the addresses the page shows ("www.gizmodaily.com",
    "tips@gizmodaily.com") and of its handles ("Follow @gizmodaily"), read once a page."""
    handles = (m.group(1) for x in lines if "@" in x.key for m in _HANDLE.finditer(x.key))
    addresses = (m.group(1) for x in lines if oc.tld.search(x.key) for m in oc.domain.finditer(x.key))
    return [_NOT_LETTERS.sub("", found.lower()) for found in chain(addresses, handles)]


def _part_of(text: str, owner: str, oc: OutletCues) -> str | None:
    """The outlet a page says its owner owns: "Live Science is part of Future US Inc",
    "© 2018 Rolling Stone, LLC, a subsidiary of Penske Business Media" (the owner's name,
    without its publisher's words, must follow the words that say so)."""
    first = oc.stem(owner).lower().removeprefix("the ")
    # (The words in any case: "Gizmo is a Trademark of Foo".)
    for m in oc.part_of.finditer(text):
        i, end = m.span()
        after = text[end : end + len(first) + 8].lower().lstrip()
        if after.startswith((first, "the " + first)):
            start = max(text.rfind("\n", 0, i) + 1, i - FRAMED_MAX_CHARS)
            before = text[start:i].replace("©", " ").replace("(c)", " ").replace("™", "").replace("®", "")
            # (The sentence that says so: "... All Rights Reserved. Gizmo is a trademark of Foo".)
            name = oc.clean(_SENTENCE_END.split(before)[-1])
            if _NAMED.fullmatch(name) and name.lower() not in oc.not_names and not oc.is_publisher(name):
                return name
    return None


def _masthead(low: str, lines: list[Line], oc: OutletCues, w: OutletWeights) -> tuple[int, str] | None:
    """The site's name at the top of the page, its tagline cut off ("Gizmo Daily - gadgets
    and more" -> "Gizmo Daily"), and how often it is on the page: the first of the page's
    first lines that no rule took, holds no date, is a short name, in capitals ("Gizmo
    Daily") or else on the page again ("gizmoblog"), and whose letters are in an address
    the page shows ("gizmodaily.com", "tips@gizmodaily.com"). (A first line is as often a
    menu item, "Featured" or "Japan": the address tells the site's name from those; the
    first line alone is taken only where nothing else names the outlet, :func:`_first_line`.)"""
    addresses: list[str] | None = None
    for x in islice((x for x in lines if x.key), w.masthead_lines):
        if x.rule or x.home or x.dates:
            continue
        name = _MASTHEAD_CUT.split(x.key, maxsplit=1)[0].strip(" .!")
        letters = _NOT_LETTERS.sub("", name.lower())
        if (len(letters) < NAME_MIN_CHARS or len(name) > w.masthead_chars or len(name.split()) > w.masthead_words
                or name.lower() in oc.not_names or oc.is_publisher(name)):
            continue
        if addresses is None:
            addresses = _addresses(lines, oc)
        if not any(letters in found for found in addresses):
            continue
        n = _times(low, name)
        if n >= RECURS or _NAMED.fullmatch(name):
            return n, name
    return None


def _spelt_line(text: str, low: str, lines: list[Line], oc: OutletCues, w: OutletWeights) -> str | None:
    """Where nothing else names the outlet: a short name on a line of its own anywhere on
    the page ("Sweater Punch", its tagline cut off) whose letters an address or a handle
    the page shows spell ("Follow @SweaterPunch", "tips@sweaterpunch.com"), the most
    frequent. (The masthead, :func:`_masthead`, is such a name among the first lines; the
    site's name also stands alone lower down, over a box of its links or in the footer.)"""
    handles = (_NOT_LETTERS.sub("", m.group(1).lower()) for x in lines if "@" in x.key for m in _HANDLE.finditer(x.key))
    labels = list(dict.fromkeys([*_labels(text, oc),
                                 *(h for h in handles if len(h) >= LABEL_MIN_CHARS and h not in oc.not_sites)]))
    if not labels:
        return None
    names = (_MASTHEAD_CUT.split(key, maxsplit=1)[0].strip(" .!&")
             for key in dict.fromkeys(x.key for x in lines if x.key and not (x.home or x.dates)))
    return _most_spelt(
        (name for name in names
         if not (len(name) > w.masthead_chars or len(name.split()) > w.masthead_words or not name[:1].isalnum()
                 or name.lower() in oc.not_names or oc.is_publisher(name) or oc.tld.search(name))),
        labels, low, oc)


def _labels(text: str, oc: OutletCues) -> list[str]:
    """The names of the sites whose addresses the page shows, in letters: "gizmodaily" of
    "tips@gizmodaily.com" and of a short line "www.GizmoDaily.com", or a line that is one
    address (a long line is prose, whose addresses are of the sites it talks about). A blog's host
    gives the blog's name ("gizmoblog" of "gizmoblog.wordpress.com"); a social network's or a
    mail service's address (``outlet_not_sites``) gives none. (Read from the page's text
    at the "@" and the endings, ".com", that the patterns find fast: most lines have none.)"""
    found: list[str] = []
    for m in _MAIL_HOST.finditer(text):
        host = oc.host.fullmatch(m.group(1))
        if host and m.start() > 0 and _word(text[m.start() - 1]):
            found.append(_host_label(host, oc))
    end = 0  # the end of the last line read
    for m in oc.tld.finditer(text):
        if m.start() < end:
            continue  # on the line just read
        start = text.rfind("\n", end, m.start()) + 1 or end
        end = text.find("\n", m.end())
        end = len(text) if end < 0 else end
        line = text[start:end].strip()
        if len(line) <= FRAMED_MAX_CHARS or " " not in line:
            found.extend(_host_label(h, oc) for h in oc.host.finditer(line))
    labels = (_NOT_LETTERS.sub("", label.lower()) for label in found)
    return [x for x in dict.fromkeys(labels) if len(x) >= LABEL_MIN_CHARS and x not in oc.not_sites]


def _host_label(m: re.Match[str], oc: OutletCues) -> str:
    """The site's name of an address ``oc.host`` matched: "gizmodaily" of "www.gizmodaily.com",
    "gizmoblog" of "gizmoblog.blogspot.com"."""
    name, subdomains = m.group(2), m.group(1).rstrip(".")
    if subdomains and name.lower() in oc.not_names:
        return subdomains.rsplit(".", 1)[-1]
    return name



def _first_line(lines: list[Line], oc: OutletCues, w: OutletWeights) -> tuple[int, str] | None:
    """The page's first line as its masthead, where nothing else names the outlet: a short
    name ("Gizmo Daily", its tagline cut off) that no rule took and that holds no date."""
    i = next((i for i, x in enumerate(lines) if x.key), None)
    if i is None or lines[i].rule or lines[i].home or lines[i].dates:
        return None
    name = _MASTHEAD_CUT.split(lines[i].key, maxsplit=1)[0].strip(" .!")
    letters = _NOT_LETTERS.sub("", name.lower())
    if (len(letters) < NAME_MIN_CHARS or len(name) > w.masthead_chars or len(name.split()) > w.masthead_words
            or name.lower() in oc.not_names or oc.is_publisher(name)):
        return None
    return i, name
