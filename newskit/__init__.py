"""newskit: split raw news text dumps into clean articles, strip boilerplate, dedupe, diff."""

from .dedupe import Cluster, DedupeOptions, Deduper, find_clusters
from .diff import ArticleDiff, diff_articles
from .errors import InputError, NewskitError, RulesError
from .model import Article, Document, Kind, LineRecord
from .parse import parse_text
from .pipeline import iter_articles, iter_documents, parse_file
from .rules import Rules, load_rules

__version__ = "0.1.0"
"""The version, written here only: ``pyproject.toml`` reads it (``dynamic = ["version"]``)."""

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
