"""Clean text: an article as plain text, and one clean file per article.

This is what ``newskit strip`` writes, with neither click nor rich, so a notebook can do
the same::

    from newskit import iter_articles
    from newskit.strip import StripOptions, clean_text

    for article in iter_articles(["data/"]):
        print(clean_text(article, StripOptions(title=False)))

The clean text of an article is its title, a blank line, then its paragraphs separated
by blank lines, ending with a newline. In a stream of several articles, a line holding
a single form feed (``SEPARATOR``) comes between two articles: a form feed is white
space, so ``wc -w`` counts only the articles' words, and ``text.split("\\n\\f\\n")``
(or ``awk -v RS='\\f\\n'``) splits the stream. A form feed or vertical tab inside the
text itself is written as a space, so the separator cannot occur in an article.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .errors import OutputError
from .model import Article, Document

SEPARATOR = "\f\n"
"""Written between two articles of a stream (not before the first, not after the last)."""

_PAGE_BREAK = re.compile("[\f\v]")
_SLUG_WORD = re.compile(r"[^\W_]+")
_INNER_MARK = re.compile(r"(?<=\w)['’.](?=\w)")  # can't -> cant, U.S. -> US
SLUG_LENGTH = 60


@dataclass(frozen=True, slots=True)
class StripOptions:
    """What the clean text of an article holds besides its body paragraphs."""

    title: bool = True  # the title first, then a blank line
    summary: bool = False  # the summary bullets as paragraphs before the body


def clean_text(article: Article, options: StripOptions = StripOptions()) -> str:
    """The article as clean text (see the module docstring); "" if it has nothing to show."""
    parts = []
    if options.title and article.title:
        parts.append(article.title)
    if options.summary:
        parts.extend(article.summary)
    parts.extend(article.body)
    if not parts:
        return ""
    return _PAGE_BREAK.sub(" ", "\n\n".join(parts) + "\n")


def record(article: Article, options: StripOptions = StripOptions()) -> dict[str, object]:
    """The article's fields (:meth:`Article.to_dict`) and its clean ``text``."""
    return {**article.to_dict(), "text": clean_text(article, options)}


def document_texts(doc: Document, options: StripOptions = StripOptions()) -> list[str]:
    """The clean text of each of ``doc``'s articles, in order ("" for one with nothing to show).

    A picklable unit of work for :func:`newskit.pipeline.map_sources`.
    """
    return [clean_text(article, options) for article in doc.articles]


def document_records(
    doc: Document, options: StripOptions = StripOptions()
) -> list[dict[str, object]]:
    """:func:`record` of each of ``doc``'s articles, in order (for ``map_sources``)."""
    return [record(article, options) for article in doc.articles]


def document_articles(doc: Document) -> list[Article]:
    """``doc``'s articles (for ``map_sources``, when the caller needs whole articles)."""
    return doc.articles


def slug(title: str, limit: int = SLUG_LENGTH) -> str:
    """A file-name-safe form of ``title``: lower-case words joined by ``-``.

    Accents are dropped from Latin letters (``é`` -> ``e``); letters of other scripts are
    kept; apostrophes and dots inside a word vanish (``can't`` -> ``cant``); everything
    else (punctuation, slashes, spaces) separates words. At most
    ``limit`` characters, cut at a word boundary where there is one.
    """
    folded = "".join(_fold(ch) for ch in unicodedata.normalize("NFC", title))
    out = ""
    for word in _SLUG_WORD.findall(_INNER_MARK.sub("", folded).casefold()):
        joined = f"{out}-{word}" if out else word
        if len(joined) > limit:
            return out or word[:limit]
        out = joined
    return out


def _fold(ch: str) -> str:
    if ch.isascii():
        return ch
    base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    return base if base.isascii() and base.isalnum() else ch


def file_name(article: Article) -> str:
    """``<id>-<slug of the title>.txt``, or ``<id>.txt`` for an article with no usable title."""
    s = slug(article.title)
    return f"{article.id}-{s}.txt" if s else f"{article.id}.txt"


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` whole or not at all.

    The text goes to a hidden temporary file in the same folder, is flushed to disk, and
    then renamed over ``path`` in one step; on any failure the temporary file is removed
    and ``path`` is left as it was.
    """
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


class CleanFiles:
    """Writes one clean file per article into a folder, named by :func:`file_name`.

    - An input file is never replaced: ``inputs`` are the paths being read, and a target
      that is one of them (by name, link or case-folding file system: same file on
      disk) raises :class:`OutputError` instead.
    - Exact copies share an id and so a file name: the first is written, a later one is
      not (``write`` returns None; ``written[id]`` says where the first went).
    - Files written by an earlier run are replaced (same name, same content).
    """

    def __init__(self, folder: Path, inputs: Iterable[str], options: StripOptions = StripOptions()):
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(str(folder), f"cannot create folder: {exc.strerror or exc}") from None
        self.folder = folder
        self.options = options
        self.written: dict[str, Path] = {}
        self._inputs = set()
        for p in inputs:
            with contextlib.suppress(OSError, ValueError):
                st = os.stat(p)
                self._inputs.add((st.st_dev, st.st_ino))

    def write(self, article: Article) -> Path | None:
        """Write ``article``'s clean text; return its path, or None for an exact copy.

        Raises :class:`OutputError` if the file is an input, and ``OSError`` if it cannot
        be written (a full disk, no permission): then nothing is left behind.
        """
        if article.id in self.written:
            return None
        path = self.folder / file_name(article)
        with contextlib.suppress(OSError):
            st = os.stat(path)
            if (st.st_dev, st.st_ino) in self._inputs:
                raise OutputError(str(path), "is an input file; not overwritten")
        write_atomic(path, clean_text(article, self.options))
        self.written[article.id] = path
        return path
