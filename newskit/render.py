"""What each command shows: results turned into rows, styled lines and tables.

:mod:`newskit.output` is *how* anything is written (a table on a terminal, tab-separated
when piped, JSON, CSV, plain or styled text, messages and progress on stderr); this module
is *what* each command writes: the columns of ``list`` and ``dedupe``, the lines of
``show`` and its ``--explain``, ``strip``'s stream of clean texts, ``diff`` unified or side
by side. Together they are the output layer: the CLI calls one function here per result,
and the library never imports either. Text from the dumps is never read as markup, and
on a terminal its control characters are neutralised (see :mod:`newskit.output`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from . import output
from .ids import where
from .index import MARK_END, MARK_START, Hit, Summary
from .model import Article, Document
from .output import TextOut, json_dumps, neutralise, write_json, write_lines, write_rows
from .strip import SEPARATOR

if TYPE_CHECKING:  # rich's tables, dedupe and diff are loaded by the commands that show them (start-up)
    from rich.table import Table
    from rich.text import Text

    from .dedupe import Cluster, DedupeRun
    from .diff import ArticleDiff, SentencePair
    from .sitechrome import SiteChrome

# --- list ------------------------------------------------------------------------------

LIST_COLUMNS = ("id", "date", "outlet", "title", "words", "source")


def list_row(article: Article) -> dict[str, object]:
    """The row ``newskit list`` shows for an article (keys: :data:`LIST_COLUMNS`)."""
    return {
        "id": article.id,
        "date": article.date,
        "outlet": article.outlet,
        "title": article.title,
        "words": article.word_count,
        "source": where(article),
    }


def list_rows(doc: Document) -> list[dict[str, object]]:
    """The rows of ``doc``'s articles (a unit of work for the pipeline: rows are small)."""
    return [list_row(a) for a in doc.articles]


def listing(rows: Iterable[dict[str, object]], fmt: str | None) -> int:
    """Write ``list``'s rows in ``fmt`` (see :func:`newskit.output.write_rows`); how many."""
    return write_rows(rows, LIST_COLUMNS, fmt)


# --- show ------------------------------------------------------------------------------


def show_lines(article: Article) -> Iterator[tuple[str, str]]:
    """The clean article as ``(text, style)`` lines: title, metadata, summary, body, credits."""
    yield article.title or "(no title)", "bold"
    meta = {
        "id": article.id,
        "source": where(article),
        "url": article.meta.get("url"),
        "outlet": article.outlet,
        "language": article.language,
        "published": _date(article.published, article.published_relative),
        "updated": _date(article.updated, article.updated_relative),
        "dateline": article.dateline,
        "byline": article.byline,
        "authors": ", ".join(article.authors),
        "words": str(article.word_count),
    }
    for key, value in meta.items():
        if value:
            yield f"{key + ':':<11}{value}", "dim"
    blocks: list[list[tuple[str, str]]] = [
        [(f"• {s}", "italic") for s in article.summary],
        [(f"Caption: {c}", "dim italic") for c in article.captions],
    ]
    blocks.extend([(p, "")] for p in article.body)
    blocks.append([(c, "dim") for c in article.credits])
    for block in blocks:
        if block:
            yield "", ""
            yield from block


def _date(iso: str | None, relative: str | None) -> str | None:
    """A date as ``show`` prints it: ISO 8601, the relative date as written after it."""
    if iso and relative:
        return f"{iso} ({relative})"
    return iso or relative


EXPLAIN_COLUMNS = ("line", "rule", "text")


TITLE_COLUMNS = ("line", "score", "title", "text", "terms")


def title_rows(article: Article) -> list[dict[str, object]]:
    """The title candidates of an article parsed with ``explain``, best first (keys:
    :data:`TITLE_COLUMNS`): line, score, ``yes`` for the one that became the title, its
    text, and the terms of its score that are not zero ("breadcrumb +1.50")."""
    found = sorted(article.title_candidates or [], key=lambda c: (-c.total, c.no))
    return [
        {"line": c.no, "score": f"{c.total:.2f}", "title": "yes" if c.chosen else "", "text": c.text,
         "terms": ", ".join(f"{name} {value:+.2f}" for name, value in c.terms if value)}
        for c in found
    ]


def explain(article: Article) -> None:
    """``show --explain``: every removed line of the article (its number, rule and text),
    then, after a blank line and a heading, its title candidates (:func:`title_rows`)."""
    rows = ({"line": r.no, "rule": r.rule, "text": r.text} for r in article.removed)
    write_rows(rows, EXPLAIN_COLUMNS)
    out = TextOut()
    candidates = title_rows(article)
    if candidates:
        out.write("\nTitle candidates, best first (line, score, title, text, terms):\n")
        write_rows(candidates, TITLE_COLUMNS)
    elif article.title_candidates is not None and article.title:
        out.write("\nTitle: the headline the dump repeats over the article (no candidates scored)\n")


def show(article: Article, mode: str | None = None) -> None:
    """``show``: the clean article, or with ``mode`` ``"json"`` all its fields and lines,
    ``"raw"`` its original lines, ``"explain"`` what was removed (:func:`explain`)."""
    if mode == "json":
        write_json(article.to_dict(lines=True))
    elif mode == "raw":
        TextOut().write(article.raw() + "\n")
    elif mode == "explain":
        explain(article)
    else:
        write_lines(show_lines(article))


# --- index and search ---------------------------------------------------------------


def index_summary(path: object, summary: Summary) -> str:
    """The line ``index`` says on stderr: files new, changed, unchanged, removed; articles."""
    s = summary
    files = s.new + s.changed + s.unchanged + s.failed
    failed = f", {s.failed} unreadable" if s.failed else ""
    why = f" ({s.reparsed_for_settings} for a new parser or rules)" if s.reparsed_for_settings else ""
    return (f"{path}: {plural(files, 'file')}: {s.new} new, {s.changed} changed{why}, {s.unchanged} unchanged"
            f"{failed}, {s.removed} removed; {plural(s.articles, 'article')} ({s.parsed_articles} parsed now)")


SEARCH_COLUMNS = ("id", "date", "outlet", "title", "words", "score", "snippet", "source")
HIGHLIGHT = "bold yellow"
"""The style of a snippet's matched words on a terminal."""


def _snippet(snippet: str, how: str) -> str | Text:
    """A snippet as ``how`` shows it: ``"text"`` (rich Text, matches styled), ``"brackets"``
    (matches in [brackets]) or ``"plain"`` (no marks)."""
    if how == "text":
        from rich.text import Text

        text = Text()
        for n, part in enumerate(snippet.replace(MARK_END, MARK_START).split(MARK_START)):
            text.append(output.one_line(part), style=HIGHLIGHT if n % 2 else "")
        return text
    if how == "brackets":
        return snippet.replace(MARK_START, "[").replace(MARK_END, "]")
    return snippet.replace(MARK_START, "").replace(MARK_END, "")


def search_rows(hits: Iterable[Hit], how: str) -> Iterator[dict[str, object]]:
    for h in hits:
        yield {"id": h.id, "date": h.date, "outlet": h.outlet, "title": h.title, "words": h.words,
               "score": h.score, "snippet": _snippet(h.snippet, how), "source": f"{h.source}:{h.start}-{h.end}"}


def search_hits(hits: Sequence[Hit], fmt: str | None) -> int:
    """``search``: one row per hit (:data:`SEARCH_COLUMNS`), best first; how many."""
    how = "plain" if fmt is not None else "text" if output.stdout_is_terminal() else "brackets"
    return write_rows(search_rows(hits, how), SEARCH_COLUMNS, fmt)


# --- strip -----------------------------------------------------------------------------


def clean_texts(texts: Iterable[str], out: TextOut) -> None:
    """``strip``: clean texts one after the other, :data:`~newskit.strip.SEPARATOR`
    between two; an empty one (an article with nothing to show) is left out."""
    for i, text in enumerate(t for t in texts if t):
        out.write(SEPARATOR + text if i else text)


def json_lines(records: Iterable[object], out: TextOut) -> None:
    """``strip --jsonl``: one JSON object per line."""
    for rec in records:
        out.write(json_dumps(rec) + "\n")


# --- dedupe ----------------------------------------------------------------------------

DEDUPE_COLUMNS = (
    "cluster", "kept", "relation", "id", "date", "outlet", "title", "share", "similarity",
    "from_origin", "own", "source",
)
CLUSTER_KEYS = ("size", "representative", "origin", "members")
"""The keys of a cluster in ``dedupe --json/--jsonl`` (:meth:`Cluster.to_dict`)."""


def dedupe_rows(clusters: Sequence[Cluster]) -> Iterator[dict[str, object]]:
    """One row per cluster member (keys: :data:`DEDUPE_COLUMNS`); the kept one first."""
    for number, cluster in enumerate(clusters, 1):
        kept = cluster.representative.index
        for m in cluster.members:
            yield {
                "cluster": number,
                "kept": "yes" if m.index == kept else "no",
                "relation": m.relation.value,
                "id": m.id,
                "date": m.date,
                "outlet": m.outlet,
                "title": m.title,
                "share": round(m.share, 2),
                "similarity": round(m.similarity, 2),
                "from_origin": round(m.from_origin, 2),
                "own": round(m.own, 2),
                "source": f"{m.source}:{m.start}-{m.end}",
            }


def clusters(found: Sequence[Cluster], fmt: str | None) -> None:
    """``dedupe``: one object per cluster in JSON, else one row per member."""
    if fmt in ("json", "jsonl"):
        write_rows((c.to_dict() for c in found), CLUSTER_KEYS, fmt)
    else:
        write_rows(dedupe_rows(found), DEDUPE_COLUMNS, fmt)


def site_chrome_note(learned: SiteChrome, removed: int) -> str:
    """The ``-v`` line of ``--site-chrome``: what was learned and how many lines went."""
    return (f"site chrome: {plural(removed, 'line')} removed; {plural(learned.texts, 'line text')} "
            f"learned on {learned.sites_with_chrome} of {plural(learned.sites, 'site')}")


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def dedupe_counts(run: DedupeRun) -> str:
    """The counts ``dedupe`` says on stderr: articles, in clusters, unique, to keep."""
    total, clustered, groups = run.total, run.clustered, len(run.clusters)
    return (
        f"{plural(total, 'article')}: {clustered} in {plural(groups, 'cluster')}, "
        f"{total - clustered} unique; {groups + total - clustered} to keep"
    )


# --- diff ------------------------------------------------------------------------------

SIDE_BY_SIDE_WIDTH = 100
"""A terminal at least this wide shows a diff side by side; a narrower one, unified."""

REMOVED = "bold red"
ADDED = "bold green"


def diff(result: ArticleDiff, *, unified: bool = False, as_json: bool = False) -> None:
    """``diff``: JSON; side by side on a terminal at least :data:`SIDE_BY_SIDE_WIDTH`
    wide (unless ``unified``); otherwise unified lines, coloured on a terminal."""
    from rich.text import Text

    from .diff import unified_lines

    if as_json:
        write_json(result.to_dict())
    elif not unified and output.stdout_is_terminal() and (
        (console := output.terminal_console()).width >= SIDE_BY_SIDE_WIDTH
    ):
        console.print(Text(unified_lines(result)[2], style="cyan"))
        console.print(side_by_side(result))
    else:
        write_lines(unified_styles(unified_lines(result)))


def marked(pair: SentencePair, side: str) -> Text:
    """One sentence of a pair with the words the other lacks in bold colour."""
    from rich.text import Text

    text = Text()
    for op in pair.ops:
        words = op.a if side == "a" else op.b
        if not words:
            continue
        if text:
            text.append(" ")
        text.append(neutralise(words), style="" if op.op == "equal" else
                    (REMOVED if side == "a" else ADDED))
    return text


def side_by_side(result: ArticleDiff) -> Table:
    """A table of two columns, A's sentences left and B's right, row by row."""
    from rich.table import Table
    from rich.text import Text

    from .diff import SentencePair
    from .diff import rows as diff_rows

    table = Table(show_lines=True, expand=True, header_style="bold")
    for side in (result.a, result.b):
        table.add_column(Text(neutralise(f"{side.id}  {side.title}")), ratio=1, overflow="fold")
    for row in diff_rows(result):
        if isinstance(row, SentencePair):
            if row.identical:
                table.add_row(Text(neutralise(row.a)), Text(neutralise(row.b)))
            else:
                table.add_row(marked(row, "a"), marked(row, "b"))
        elif row[0] == "a":
            table.add_row(Text(neutralise(row[1].text), style=REMOVED), "")
        else:
            table.add_row("", Text(neutralise(row[1].text), style=ADDED))
    return table


def unified_styles(lines: list[str]) -> Iterator[tuple[str, str]]:
    """Unified lines with their styles: the two headers bold, the @@ line cyan, - red, + green."""
    for n, line in enumerate(lines):
        if n < 2:  # noqa: PLR2004 (the "---" and "+++" lines)
            yield line, "bold"
        elif line.startswith("@@"):
            yield line, "cyan"
        else:
            yield line, {"-": "red", "+": "green"}.get(line[:1], "")
