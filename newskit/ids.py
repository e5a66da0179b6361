"""Finding an article by its id, or by a unique prefix of it, as git does with commits.

An id is a short hash of the article's clean title and body (see
:func:`newskit.model.content_id`), so exact copies of an article share it: they count
as one match, the first in input order is returned and the others are named as copies.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Generic, Protocol, TypeVar

from .errors import IdError
from .model import Article

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
    wanted = prefix.strip().lower()
    if not wanted:
        raise IdError("an article id cannot be empty")
    if not _HEX.fullmatch(wanted):
        raise IdError(f"{prefix!r} is not an article id: ids are hexadecimal, e.g. e038a101effd")
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
