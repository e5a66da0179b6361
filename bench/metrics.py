"""Quality metrics on the development corpora: kept text, titles, dates and outlets.

These are the metrics the project is judged by (``../shared/corpus/README.md``); the
scorer ``bench.score_corpus`` and the quality gate ``tests/test_quality_gate.py`` both use
this module, so a figure means the same in both.

**Text** (the article-extraction benchmark's own metric). Tokens are the matches of
``\\w+`` (Unicode, case kept); the units are the multiset of 4-token shingles of a text (a
text of fewer than 4 tokens is one shingle, the empty text too). Per page, true
positives, false positives and false negatives come from the multiset overlap of the
predicted and the true shingles, each divided by their sum so that a long page weighs
no more than a short one. Over a corpus: precision is the mean of the per-page
precisions (pages with tp + fp > 0), recall the mean of the per-page recalls (pages with
tp + fn > 0), F1 the harmonic mean of the two means. What is predicted differs by corpus
(:data:`KEPT`): on aeb the body paragraphs, whose truth holds only those; on dragnet the
title, summary, captions and body, as its gold holds the visible headline, byline and
captions too.

**Titles** (:func:`title_found`): on the pages whose truth headline comes from the page's
metadata (aeb: all with a headline; dragnet: ``headline_source`` og:title, twitter:title
or jsonld), the page's best-matching article title (rapidfuzz ``partial_ratio``, lower
case) must reach 90 and be at most 40 characters longer than the headline.
:func:`title_matches` is the stricter check the project used before: the *first*
article's title against the headline or a part of it cut at a site separator
(" | ", " - "...), case and punctuation folded, rapidfuzz ``ratio`` at least 80.

**Dates** (:func:`date_match`): on the pages whose truth ``published`` starts with an
ISO date, the first article's published date is the same day, or within a day (page
metadata is often in UTC, the page's own text in local time). Where both give a time
with its UTC offset, the day is the one the truth's offset gives to the same moment
("2019-11-19T22:31-06:00" is 2019-11-20 at +00:00). A truth of year 1
("0001-01-01T00:00:00Z", a CMS's empty date) is no date.

**Outlets** (:func:`names_site`): on the pages whose truth has a ``site``, the first
article's outlet names it when the site's registrable name (:func:`site_label`: the host
without its public suffix and subdomains, "nytimes" of "www.nytimes.com", "telegraph" of
"telegraph.co.uk", "ap" of "hosted.ap.org"; on a blog host the subdomain, "foo" of
"foo.wordpress.com"; letters and digits only) is spelt by the
outlet's words in order, each word giving its initial or the whole of itself: "The New
York Times" spells "nytimes" (n, y, times), "The Wall Street Journal" "wsj", "The
Associated Press" "ap", "NBC 5 Dallas-Fort Worth" "nbcdfw". Words of up to three letters
("the", "de", "5") may give nothing, and the words after the site's name is spelt are
let go ("Telegraph Media Group" names telegraph.co.uk). Otherwise the outlet's letters
and the site's must be nearly the same (rapidfuzz ``ratio`` >= 90: "The Paradigm" and
"theparadigmng"). A site's leading "the" may be left off ("Pioneer Woman" names
thepioneerwoman.com), and a site on a portal's host is named by its subdomain where two of
the outlet's words or more spell it ("ABC News" names abcnews.go.com, "Film Drunk"
filmdrunk.uproxx.com; "Sports" does not name sports.yahoo.com). A name that only begins
the site's ("Beachbody" for beachbodyondemand.com) does not name it: the same rule would
take "Google" for googlephotos.blogspot.com and "Space" for spacenews.com. A publisher
that owns the site under another name ("Hearst Communications" for sfgate.com) does not
name it, nor does a copyright line whose long words come before the name ("Copyright
India Post Media" for indiapost.com): the figure rewards a clean name of the site itself.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

TOKEN = re.compile(r"\w+")
SHINGLE = 4
KEPT = {
    "aeb": ("body",),
    "dragnet": ("title", "summary", "captions", "body"),
}
"""The article fields each corpus's truth is compared with, in this order, per article."""
META_HEADLINES = ("og:title", "twitter:title", "jsonld")
"""The ``headline_source`` values whose headline is a fair title check (not an h1)."""

SITE_NAME_RATIO = 90  # letters nearly the same (names_site)
SUBDOMAIN_WORDS = 2  # an outlet spells a portal site's subdomain with this many words or more (names_site)
SKIPPABLE = 3  # a word of up to three letters may give nothing (names_site)
SECOND_LEVEL = frozenset(("co", "com", "org", "net", "gov", "ac", "edu", "ne", "or", "go", "gob", "nic"))
"""Second-level labels under a country's domain ("co.uk", "com.br"): part of the public suffix."""
COUNTRY_TLD = 2  # a country's top-level domain has two letters
PLATFORMS = frozenset(("wordpress", "blogspot", "tumblr", "typepad", "posterous", "livejournal", "substack"))
"""Blog hosts: a blog on one is named by its subdomain ("blog" of "blog.wordpress.com")."""

_SEP = re.compile(r"\s+(?:[|\-–—:•»]|::)\s+")


# -- text ----------------------------------------------------------------------------


def shingles(text: str) -> Counter[tuple[str, ...]]:
    """The multiset of 4-token shingles of ``text``; one shingle if it has fewer tokens."""
    toks = TOKEN.findall(text)
    return Counter(tuple(toks[i : i + SHINGLE]) for i in range(max(1, len(toks) - SHINGLE + 1)))


@dataclass(frozen=True)
class Overlap:
    """One page's true positives, false positives and false negatives, as shares of their sum."""

    tp: float
    fp: float
    fn: float

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float:
        p, r = self.precision or 0.0, self.recall or 0.0
        return 2 * p * r / (p + r) if p + r else 0.0


def overlap(predicted: str, true: str) -> Overlap:
    """The shingle overlap of one page's predicted text with its true text."""
    pred, gold = shingles(predicted), shingles(true)
    tp = sum((pred & gold).values())
    fp, fn = sum(pred.values()) - tp, sum(gold.values()) - tp
    total = tp + fp + fn
    return Overlap(tp / total, fp / total, fn / total) if total else Overlap(0.0, 0.0, 0.0)


@dataclass(frozen=True)
class TextScore:
    precision: float
    recall: float
    f1: float


def text_score(pages: Iterable[Overlap]) -> TextScore:
    """Corpus precision and recall (means over pages) and the F1 of the two means."""
    pages = list(pages)
    ps = [o.precision for o in pages if o.precision is not None]
    rs = [o.recall for o in pages if o.recall is not None]
    p = sum(ps) / len(ps) if ps else 0.0
    r = sum(rs) / len(rs) if rs else 0.0
    return TextScore(p, r, 2 * p * r / (p + r) if p + r else 0.0)


def kept_text(articles: Sequence[dict[str, object]], fields: Sequence[str]) -> str:
    """The text of ``fields`` of every article (a string or a list of them), blank-line separated."""
    parts: list[str] = []
    for article in articles:
        for name in fields:
            value = article.get(name)
            items = [value] if isinstance(value, str) else list(value or ())  # type: ignore[call-overload]
            parts.extend(str(x) for x in items if x)
    return "\n\n".join(parts)


# -- titles --------------------------------------------------------------------------


def title_checked(truth: dict[str, object]) -> bool:
    """Whether the page's headline is a fair title check: from metadata, not an h1."""
    if not truth.get("headline"):
        return False
    return "headline_source" not in truth or truth["headline_source"] in META_HEADLINES


def title_found(titles: Sequence[str], headline: str) -> bool:
    """The best of the page's article titles (partial_ratio, lower case) reaches 90 and is at
    most 40 characters longer than the headline."""
    titles = [t for t in titles if t]
    if not titles:
        return False
    h = headline.lower()
    best = max(titles, key=lambda t: fuzz.partial_ratio(t.lower(), h))  # the first of equals
    return fuzz.partial_ratio(best.lower(), h) >= 90 and len(best) <= len(h) + 40


def _fold(text: str) -> str:
    return " ".join(TOKEN.findall(text.casefold()))


def title_matches(title: str, headline: str) -> bool:
    """``title`` is the headline, or a part of it cut at a site separator (ratio >= 80, folded)."""
    if not title:
        return False
    t = _fold(title)
    parts = [headline, *_SEP.split(headline)]
    return any(fuzz.ratio(t, _fold(p)) >= 80 for p in parts if p.strip())


def headline_in(text: str, headline: str) -> bool:
    """Whether some line of a dump matches the headline as :func:`title_matches` does."""
    return any(title_matches(x.strip(), headline) for x in text.split("\n") if 0 < len(x.strip()) < 400)


# -- dates ---------------------------------------------------------------------------


EARLIEST_TRUTH = 1900  # a truth's year before this is a placeholder, not a date


def date_match(published: str | None, truth: str | None) -> int | None:
    """2 for the same day, 1 within a day, 0 otherwise; None where the truth has no ISO date."""
    try:
        want = dt.date.fromisoformat((truth or "")[:10])
    except ValueError:
        return None
    if want.year < EARLIEST_TRUTH:
        return None
    try:
        got = dt.date.fromisoformat((published or "")[:10])
    except ValueError:
        return 0
    moment, zone = _aware(published or ""), _aware(truth or "")
    if moment is not None and zone is not None:
        got = moment.astimezone(zone.tzinfo).date()
    days = abs((got - want).days)
    return 2 if days == 0 else 1 if days == 1 else 0


def _aware(iso: str) -> dt.datetime | None:
    """An ISO 8601 time with its UTC offset, else None (a day alone, or a time with no offset)."""
    try:
        moment = dt.datetime.fromisoformat(iso)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None and len(iso) > len("2019-11-19") else None


# -- outlets -------------------------------------------------------------------------

_ALNUM = re.compile(r"[^\W_]+")


def _squash_words(text: str) -> list[str]:
    """Folded words of letters and digits, accents dropped ("Reflexão" -> "reflexao")."""
    plain = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    return _ALNUM.findall(plain)


def site_label(site: str) -> str:
    """A host's registrable name, letters and digits only: "nytimes" of "www.nytimes.com",
    "telegraph" of "telegraph.co.uk", "ap" of "hosted.ap.org", "lhpattm" of "lhpat-tm.com"."""
    labels = [x for x in site.casefold().strip(".").split(".") if x]
    if len(labels) > 1:
        tld = labels.pop()
        if len(labels) > 1 and len(tld) == COUNTRY_TLD and labels[-1] in SECOND_LEVEL:
            labels.pop()
    if len(labels) > 1 and labels[-1] in PLATFORMS:
        labels.pop()
    return "".join(_squash_words(labels[-1])) if labels else ""


def _spells(words: list[str], label: str) -> bool:
    """Whether ``words`` in order spell all of ``label``, each giving its initial or all of
    itself (a short word may give nothing), the words left over let go."""
    seen: set[tuple[int, int]] = set()

    def go(i: int, k: int) -> bool:
        if k == len(label):
            return True
        if i == len(words) or (i, k) in seen:
            return False
        seen.add((i, k))
        w = words[i]
        return (
            (label.startswith(w, k) and go(i + 1, k + len(w)))
            or (label[k] == w[0] and go(i + 1, k + 1))
            or (len(w) <= SKIPPABLE and go(i + 1, k))
        )

    return go(0, 0)


def names_site(outlet: str | None, site: str) -> bool:
    """Whether an outlet's name names the site it was read from (see the module's notes)."""
    label = site_label(site)
    words = _squash_words(outlet or "")
    if not label or not words:
        return False
    if _spells(words, label) or fuzz.ratio("".join(words), label) >= SITE_NAME_RATIO:
        return True
    if label.startswith("the") and words[0] != "the" and _spells(words, label.removeprefix("the")):
        return True  # "Pioneer Woman" for thepioneerwoman.com: the article left off
    # A site on a portal's host ("abcnews.go.com", "filmdrunk.uproxx.com") is named by its
    # subdomain, spelt with two words of the outlet or more (a single word, "Sports" for
    # sports.yahoo.com, names a section, not a site).
    subdomains = [_squash_words(x) for x in site.casefold().split(".")[:-2]]
    return len(words) >= SUBDOMAIN_WORDS and any(
        len(x) == 1 and x[0] != label and _spells(words, x[0]) for x in subdomains if x
    )
