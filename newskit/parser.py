"""Reading and parsing files (the parser itself is :mod:`newskit.parse`)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator

from .errors import InputError
from .model import Article, Document
from .parse import parse_text, split_lines
from .reader import expand_inputs, read_source
from .rules import Rules, default_rules

__all__ = ["iter_articles", "iter_documents", "parse_file", "parse_text", "split_lines"]


def parse_file(path: str | os.PathLike[str], rules: Rules | None = None) -> Document:
    """Read, decode and parse one file (``-`` for standard input)."""
    decoded = read_source(os.fspath(path))
    return parse_text(decoded.text, decoded.source, rules)


def iter_documents(
    args: list[str] | tuple[str, ...],
    pattern: str = "*.txt",
    rules: Rules | None = None,
    on_error: Callable[[InputError], None] | None = None,
    on_decoded: Callable[[str, str], None] | None = None,
) -> Iterator[Document]:
    """Parse every input named by ``args`` (files, folders, ``-``), one at a time.

    Inputs that cannot be read are passed to ``on_error`` (or raised if it is None) and
    the others go on. ``on_decoded(source, encoding)`` hears which encoding was used.
    """
    rules = rules or default_rules()
    for source in expand_inputs(args, pattern):
        try:
            decoded = read_source(source)
        except InputError as exc:
            if on_error is None:
                raise
            on_error(exc)
            continue
        if on_decoded is not None:
            on_decoded(decoded.source, decoded.encoding)
        yield parse_text(decoded.text, decoded.source, rules)


def iter_articles(args: list[str] | tuple[str, ...], pattern: str = "*.txt", rules: Rules | None = None,
                  on_error: Callable[[InputError], None] | None = None) -> Iterator[Article]:
    """Every article of every input, in input order."""
    for doc in iter_documents(args, pattern, rules, on_error):
        yield from doc.articles
