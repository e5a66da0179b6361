"""newskit: split raw news text dumps into clean articles, strip boilerplate, dedupe, diff.

The names below are imported on first use (PEP 562), so that ``import newskit.model`` or
the command line's start-up does not load the parser, the rules and dedupe when a
command needs none of them (``newskit show ID`` on an index).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
"""The version, written here only: ``pyproject.toml`` reads it (``dynamic = ["version"]``)."""

_EXPORTS = {
    "Article": "model",
    "ArticleDiff": "diff",
    "Cluster": "dedupe",
    "DedupeOptions": "dedupe",
    "Deduper": "dedupe",
    "Document": "model",
    "InputError": "errors",
    "Kind": "model",
    "LineRecord": "model",
    "NewskitError": "errors",
    "Rules": "rules",
    "RulesError": "errors",
    "diff_articles": "diff",
    "find_clusters": "dedupe",
    "iter_articles": "pipeline",
    "iter_documents": "pipeline",
    "load_rules": "rules",
    "parse_file": "pipeline",
    "parse_text": "parse",
}
"""Each public name and the module (under ``newskit``) it comes from."""

__all__ = [
    "Article",
    "ArticleDiff",
    "Cluster",
    "DedupeOptions",
    "Deduper",
    "Document",
    "InputError",
    "Kind",
    "LineRecord",
    "NewskitError",
    "Rules",
    "RulesError",
    "diff_articles",
    "find_clusters",
    "iter_articles",
    "iter_documents",
    "load_rules",
    "parse_file",
    "parse_text",
    "__version__",
]

if TYPE_CHECKING:
    from .dedupe import Cluster, DedupeOptions, Deduper, find_clusters
    from .diff import ArticleDiff, diff_articles
    from .errors import InputError, NewskitError, RulesError
    from .model import Article, Document, Kind, LineRecord
    from .parse import parse_text
    from .pipeline import iter_articles, iter_documents, parse_file
    from .rules import Rules, load_rules


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'newskit' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value  # found once
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])
