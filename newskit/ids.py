"""Finding an article by its id, or by a unique prefix of it, as git does with commits.

An id is a short hash of the article's clean title and body (see
:func:`newskit.model.content_id`), so exact copies of an article share it: they count
as one match, the first in input order is returned and the others are named as copies.

:func:`find_article` looks among articles at hand; :func:`find_articles` among the
articles of inputs, reading them once for names only (:class:`ArticleRef`) and then
parsing again just the file that holds each match, so memory holds names, not text;
:func:`named_articles` also takes dump files, meaning their first article.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Generic, Protocol, TypeVar

from .errors import IdError, InputError
from .model import Article, Document
from .pipeline import Reader, parse_file
from .reader import STDIN

if TYPE_CHECKING:
    from .sitechrome import SiteChrome

SHOWN_CANDIDATES = 10
_HEX = re.compile(r"[0-9a-f]+")


class Named(Protocol):
    """What finding an article by id needs of it: an :class:`Article` or an :class:`ArticleRef`."""

    @property
    def id(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def source(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


A = TypeVar("A", bound=Named)


@dataclass(frozen=True, slots=True)
class ArticleRef:
    """An article named without its text: cheap to hand between processes, enough to
    find it by id and to read it again from its source."""

    id: str
    title: str
    source: str
    start: int
    end: int

    @classmethod
    def of(cls, article: Article) -> ArticleRef:
        return cls(article.id, article.title, article.source, article.start, article.end)


def where(article: Named) -> str:
    """``path:first-last`` line span of an article."""
    return f"{article.source}:{article.start}-{article.end}"


def describe(article: Named) -> str:
    """One line naming an article: id, title, where it is."""
    return f"{article.id}  {article.title or '(no title)'}  {where(article)}"


@dataclass(slots=True)
class Match(Generic[A]):
    """The article an id names, and where else the same article (an exact copy) is."""

    article: A
    copies: list[str] = field(default_factory=list)


def find_article(articles: Iterable[A], prefix: str) -> Match[A]:
    """The one article whose id starts with ``prefix`` (case-insensitive).

    Reads every article (an id is unique only once all are seen) but keeps only those
    that match. Raises :class:`IdError` when no id or more than one distinct id
    matches; its ``candidates`` name the matching articles, or, for an unknown id, the
    first few articles read.
    """
    wanted = check_prefix(prefix)
    matches: dict[str, Match[A]] = {}
    seen: list[str] = []
    total = 0
    for article in articles:
        total += 1
        if len(seen) < SHOWN_CANDIDATES:
            seen.append(describe(article))
        if not article.id.startswith(wanted):
            continue
        if article.id in matches:
            matches[article.id].copies.append(where(article))
        else:
            matches[article.id] = Match(article)
    return choose_match(prefix, matches, total, seen)


def check_prefix(prefix: str) -> str:
    """``prefix`` as ids are written (lower case, no spaces); :class:`IdError` if it is
    empty or not hexadecimal."""
    wanted = prefix.strip().lower()
    if not wanted:
        raise IdError("an article id cannot be empty")
    if not _HEX.fullmatch(wanted):
        raise IdError(f"{prefix!r} is not an article id: ids are hexadecimal, e.g. e038a101effd")
    return wanted


def choose_match(prefix: str, matches: dict[str, Match[A]], total: int, seen: list[str]) -> Match[A]:
    """The one match of ``prefix`` (the distinct ids that start with it, each with its
    copies), or :class:`IdError`: none among the ``total`` articles read (``seen``
    describes the first :data:`SHOWN_CANDIDATES`), or several."""
    if len(matches) == 1:
        return next(iter(matches.values()))
    if not matches:
        if not total:
            raise IdError(f"no article with id {prefix!r}: the inputs hold no articles")
        which = "they are" if total == len(seen) else f"the first {len(seen)} (see `newskit list`)"
        raise IdError(f"no article with id {prefix!r} among {total} articles; {which}:", seen)
    found = [describe(m.article) for m in matches.values()]
    raise IdError(
        f"id {prefix!r} is ambiguous: {len(found)} articles match; give more characters:",
        found[:SHOWN_CANDIDATES] + ([f"... and {len(found) - SHOWN_CANDIDATES} more"]
                                    if len(found) > SHOWN_CANDIDATES else []),
    )


# --- in inputs --------------------------------------------------------------------------


def article_refs(doc: Document) -> list[ArticleRef]:
    """An :class:`ArticleRef` of each of ``doc``'s articles (a unit of work for
    :func:`newskit.pipeline.map_sources`)."""
    return [ArticleRef.of(a) for a in doc.articles]


def find_articles(
    prefixes: Sequence[str], sources: Sequence[str], reader: Reader | None = None, *, explain: bool = False
) -> list[Match[Article]]:
    """The article each of the id ``prefixes`` names, from one reading of ``sources``.

    The sources are parsed (as ``reader`` reads: on its processes, its callbacks hearing
    of each input) for the ids of their articles only; the file of each match is then
    parsed again for the whole article. Standard input cannot be read twice: with ``-``
    among the sources, every article is kept as it is read. Raises :class:`IdError` for
    an unknown or ambiguous id (its ``candidates`` name articles), and
    :class:`InputError` when the file of a match cannot be read again or has changed.
    With ``explain``, the articles found keep their title candidates. With the reader's
    ``site_chrome``, a match is parsed again with the site chrome learned in the reading.
    """
    reader = reader or Reader()
    if STDIN in sources:
        pool = list(reader.articles(sources, explain=explain))
        return [find_article(pool, x) for x in prefixes]
    learned: list[SiteChrome] = []
    if reader.site_chrome:
        heard = reader.on_site_chrome

        def keep(site_chrome: SiteChrome, removed: int) -> None:
            learned.append(site_chrome)
            if heard is not None:
                heard(site_chrome, removed)

        reader = dataclasses.replace(reader, on_site_chrome=keep)
    refs = [ref for batch in reader.map(article_refs, sources) for ref in batch]
    found = [find_article(refs, x) for x in prefixes]
    chrome = learned[0].of if learned else lambda source: frozenset()
    return [Match(read_again(m.article, reader, explain, chrome(m.article.source)), m.copies) for m in found]


def read_again(
    ref: ArticleRef, reader: Reader, explain: bool = False, chrome: frozenset[str] = frozenset()
) -> Article:
    """The whole article ``ref`` names, parsed again from its file (with its site ``chrome``)."""
    doc = parse_file(ref.source, reader.rules, explain=explain, split=reader.split, now=reader.now, chrome=chrome,
                     text_field=reader.text_field)
    for article in doc.articles:
        if article.id == ref.id and article.start == ref.start:
            return article
    raise InputError(ref.source, "changed while newskit was reading it")


def first_article(path: str, reader: Reader | None = None) -> Article | None:
    """The first article of the dump file ``path``; :class:`IdError` if it has none.

    A file that cannot be read goes to ``reader.on_error`` (and None is returned), or is
    raised when there is none.
    """
    reader = reader or Reader()
    for doc in reader.documents([path]):
        if doc.articles:
            return doc.articles[0]
        break
    else:
        return None
    raise IdError(f"{path}: no article found")


def named_articles(
    names: Sequence[str], sources: Sequence[str], reader: Reader | None = None,
    finder: Callable[[list[str]], list[Match[Article]]] | None = None,
) -> list[Article] | None:
    """Each of ``names`` as an article: a name that is a file means its first article
    (:func:`first_article`); any other is an id, or a unique start of one, found in
    ``sources`` (:func:`find_articles`, one reading for all of them).

    Raises :class:`IdError` for a name that is neither a file nor hexadecimal (before
    anything is read) and for an unknown or ambiguous id. Returns None if a file could
    not be read (given to ``reader.on_error``; raised when there is none). ``finder``
    finds the ids instead of a reading of ``sources`` (the index's, :meth:`newskit.index.Index.find`).
    """
    reader = reader or Reader()
    files = {x: Path(x).is_file() for x in names}
    ids = check_names(names)
    found: dict[str, Article] = {}
    if ids:
        matches = finder(ids) if finder is not None else find_articles(ids, sources, reader)
        found = {x: m.article for x, m in zip(ids, matches, strict=True)}
    for x in names:
        if files[x]:
            article = first_article(x, reader)
            if article is None:
                return None
            found[x] = article
    return [found[x] for x in names]


_ID_OR_PREFIX = re.compile(r"[0-9a-fA-F]+")


def check_names(names: Sequence[str]) -> list[str]:
    """Those of ``names`` that are ids (the others are files); :class:`IdError` for a
    name that is neither a file nor hexadecimal. Reads nothing but the file system."""
    ids = [x for x in names if not Path(x).is_file()]
    for x in ids:
        if not _ID_OR_PREFIX.fullmatch(x):
            raise IdError(f"{x!r} is neither a file nor an article id (ids are hexadecimal)")
    return ids
