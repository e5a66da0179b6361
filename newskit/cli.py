"""The command line: flags in, library calls, results out.

Everything a command does is in the library (reading, parsing, stripping, ids); this
module only turns flags into options objects and results into output. The pieces a new
command reuses:

- :func:`paths_argument` and :func:`glob_option` for inputs, and
  :meth:`State.sources` / :meth:`State.documents` / :meth:`State.articles` to read them:
  an unreadable input is reported on stderr (``newskit: PATH: reason``), the others go
  on, and :meth:`State.done` ends the command with exit status 1 if any failed;
- :func:`newskit.output.output_options` and :func:`newskit.output.write_rows` for a
  listing (table on a terminal, tab-separated when piped, ``--json/--jsonl/--csv``);
- :class:`ExitCode` for exit statuses and :class:`CLIError` for an expected failure;
- :func:`_mapped` to read inputs on ``-j`` processes (:func:`newskit.pipeline.map_sources`),
  and :func:`_write_files` for ``--out DIR`` (one clean file per article, never over an input).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import IntEnum
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.table import Table
from rich.text import Text

from . import __version__, output
from .dedupe import Cluster, DedupeError, DedupeOptions, Deduper, Fingerprint, Keep, fingerprint
from .diff import ArticleDiff, SentencePair, diff_articles, unified_lines
from .diff import rows as diff_rows
from .errors import IdError, InputError, NewskitError, OutputError, RulesError
from .ids import ArticleRef, Match, find_article, where
from .model import Article, Document
from .output import (
    Messages,
    TextOut,
    json_dumps,
    neutralise,
    output_options,
    terminal_console,
    write_json,
    write_lines,
    write_rows,
)
from .pipeline import AUTO_FILES, auto_jobs, map_sources, parse_file
from .reader import STDIN, expand_inputs
from .rules import Rules, load_rules
from .strip import (
    SEPARATOR,
    CleanFiles,
    StripOptions,
    document_articles,
    document_records,
    document_texts,
    file_name,
)

F = TypeVar("F", bound=Callable[..., Any])
T = TypeVar("T")


class ExitCode(IntEnum):
    """newskit's exit statuses, all in one place.

    A status that reports a finding is opt-in: only the flag that asks for it uses it.
    ``DIFFERENT`` is 1, as with ``git diff --exit-code`` and ``diff``; in this enum it is
    therefore another name for ``INPUT_ERROR``.
    """

    OK = 0
    INPUT_ERROR = 1  # an input could not be read, an id matched nothing; any click.ClickException
    USAGE = 2  # bad flags or arguments (click.UsageError)
    DUPLICATES_FOUND = 3  # `dedupe --check` found duplicates
    DIFFERENT = 1  # `diff --exit-code` found a difference, as `git diff --exit-code` does


class CLIError(click.ClickException):
    """An expected failure: ``newskit: message`` on stderr and exit status 1, no traceback."""

    exit_code = ExitCode.INPUT_ERROR

    def show(self, file: Any = None) -> None:
        sys.stderr.write(f"newskit: {neutralise(self.format_message())}\n")


@dataclass(slots=True)
class State:
    """What the group's flags set up for every command, and what the run has met so far."""

    messages: Messages = field(default_factory=Messages)
    rule_files: tuple[str, ...] = ()
    failed: bool = False
    _rules: Rules | None = None

    def rules(self) -> Rules:
        """Built-in rules, the user's config file, then ``--rules`` files (loaded once)."""
        if self._rules is None:
            try:
                self._rules = load_rules(self.rule_files)
            except RulesError as exc:
                raise CLIError(str(exc)) from None
        return self._rules

    def input_failed(self, exc: NewskitError) -> None:
        """Report a failed input (or output) and go on; the command will exit with 1."""
        self.failed = True
        self.messages.error(str(exc))

    def sources(self, paths: Sequence[str], pattern: str) -> list[str]:
        """The inputs named by ``paths``, in order; a folder with no match is reported."""
        found: list[str] = []
        for arg in paths or (".",):
            these = list(expand_inputs([arg], pattern))
            if not these:  # only a folder can expand to nothing
                self.input_failed(InputError(arg, f"no files matching {pattern!r}"))
            found.extend(these)
        return found

    def documents(self, sources: Sequence[str], *, progress: bool = True) -> Iterator[Document]:
        """Parse ``sources`` one at a time, reporting failed ones and showing progress.

        The rules are loaded at once, so a bad rules file fails before any output.
        """
        rules = self.rules()
        return self._documents(list(sources), rules, progress)

    def _documents(self, sources: list[str], rules: Rules, progress: bool) -> Iterator[Document]:
        for batch in _mapping(self, sources, _alone, 1, rules, progress, count=_articles_of):
            yield batch[0]

    def articles(self, sources: Sequence[str], *, progress: bool = True) -> Iterator[Article]:
        """Every article of ``sources`` in order, read as :meth:`documents` does."""
        docs = self.documents(sources, progress=progress)
        return (article for doc in docs for article in doc.articles)

    def done(self) -> None:
        """End the command: exit status 1 if an input failed, else carry on to 0."""
        if self.failed:
            click.get_current_context().exit(ExitCode.INPUT_ERROR)


def paths_argument(fn: F) -> F:
    """``[PATH]...``: files, folders (searched recursively for --glob) or ``-`` for stdin."""
    return click.argument("paths", nargs=-1, metavar="[PATH]...")(fn)


def glob_option(fn: F) -> F:
    """``--glob PATTERN``: which files to read in folders; the function gets ``pattern``."""
    return click.option(
        "--glob",
        "pattern",
        default="*.txt",
        show_default=True,
        metavar="PATTERN",
        help="Which files to read in folders (searched recursively).",
    )(fn)


CONTEXT = {"help_option_names": ["-h", "--help"]}


@click.group("newskit", context_settings=CONTEXT)
@click.version_option(__version__, "--version", prog_name="newskit", message="%(prog)s %(version)s")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing on stderr but errors.")
@click.option("-v", "--verbose", is_flag=True, help="Also say how non-UTF-8 files were decoded.")
@click.option(
    "--rules",
    "rule_files",
    multiple=True,
    metavar="FILE",
    help="A rules file (TOML) to add to the built-in rules; repeatable, later files win.",
)
@click.pass_context
def cli(ctx: click.Context, quiet: bool, verbose: bool, rule_files: tuple[str, ...]) -> None:
    """Split raw news text dumps into clean articles.

    newskit reads text copied or rendered from news pages (one or more articles per
    file, wrapped in site chrome), finds the articles and strips the boilerplate.
    PATHs are files, folders (searched recursively) or - for stdin; none means the
    current folder. Data goes to stdout; messages and progress go to stderr.

    Examples:

    \b
        newskit list data/
        newskit show e038a1 data/
        newskit strip data/ | wc -w
    """
    ctx.obj = State(Messages(quiet=quiet, verbose=verbose), tuple(rule_files))


def _jobs(ctx: click.Context, param: click.Parameter, value: int | None) -> int | None:
    if value is not None and value < 0:
        raise click.BadParameter(f"{value} is not 0 or more.", ctx, param)
    return value


def jobs_option(what: str) -> Callable[[F], F]:
    """``-j/--jobs N``: how many processes do ``what``; the function gets ``jobs``."""
    return click.option(
        "-j",
        "--jobs",
        type=int,
        default=None,
        callback=_jobs,
        metavar="N",
        help=f"{what} with N processes; 0: one per CPU.  [default: one per CPU for {AUTO_FILES} files or more, else 1]",
    )


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


def _list_rows(doc: Document) -> list[dict[str, object]]:
    return [list_row(a) for a in doc.articles]


@cli.command("list")
@paths_argument
@glob_option
@output_options
@jobs_option("Parse")
@click.pass_obj
def list_command(state: State, paths: tuple[str, ...], pattern: str, fmt: str | None, jobs: int | None) -> None:
    """List the articles in dumps, one row each.

    Columns: id, date (published, else updated), outlet, title, words (in the body)
    and source (path:first-last line). On a terminal the rows make a table; piped, they
    are tab-separated lines with no header line, so `head -1` gives the first article
    and `cut -f1` the ids. --json, --jsonl and --csv name the columns.

    Examples:

    \b
        newskit list data/
        newskit list data/ --csv > articles.csv
        newskit list data/ | cut -f1
    """
    batches = _mapped(state, state.sources(paths, pattern), _list_rows, jobs)
    count = write_rows((row for batch in batches for row in batch), LIST_COLUMNS, fmt)
    if count == 0 and not state.failed:
        state.messages.warn("no articles found")
    state.done()


# --- show ------------------------------------------------------------------------------


def show_lines(article: Article) -> Iterator[tuple[str, str]]:
    """The clean article as ``(text, style)`` lines: title, metadata, summary, body, credits."""
    yield article.title or "(no title)", "bold"
    meta = {
        "id": article.id,
        "source": where(article),
        "outlet": article.outlet,
        "published": article.published,
        "updated": article.updated,
        "dateline": article.dateline,
        "byline": article.byline,
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


@cli.command()
@click.argument("article_id", metavar="ID")
@paths_argument
@glob_option
@click.option("--raw", is_flag=True, help="Print the article's original lines instead.")
@click.option("--explain", is_flag=True, help="List every removed line: line number, rule, text.")
@click.option("--json", "as_json", is_flag=True, help="Print the article as a JSON object.")
@jobs_option("Parse")
@click.pass_obj
def show(
    state: State,
    article_id: str,
    paths: tuple[str, ...],
    pattern: str,
    raw: bool,
    explain: bool,
    as_json: bool,
    jobs: int | None,
) -> None:
    """Show one article, cleaned: title, metadata, then the body.

    ID is an id from `newskit list`, or any unique start of one, as with git commits.
    Exact copies of an article share an id: the first in input order is shown and the
    others are named on stderr. An unknown or ambiguous ID is an error that lists the
    candidates. --explain lists the removed lines with the rule that removed each.

    Examples:

    \b
        newskit show e038a1 data/
        newskit show e038a1 data/ --explain
        newskit show e038a1 data/ --json | jq .credits
    """
    flags = (("--raw", raw), ("--explain", explain), ("--json", as_json))
    modes = [flag for flag, on in flags if on]
    if len(modes) > 1:
        raise click.UsageError(f"{' and '.join(modes)} cannot be used together.")
    match = _find_articles(state, state.sources(paths, pattern), [article_id], jobs)[0]
    article = match.article
    if match.copies:
        copies = ", ".join(match.copies)
        state.messages.warn(f"the same article (id {article.id}) is also in: {copies}")
    if as_json:
        write_json(article.to_dict(lines=True))
    elif raw:
        TextOut().write(article.raw() + "\n")
    elif explain:
        rows = ({"line": r.no, "rule": r.rule, "text": r.text} for r in article.removed)
        write_rows(rows, ("line", "rule", "text"))
    else:
        write_lines(show_lines(article))
    state.done()


# --- strip -----------------------------------------------------------------------------


@cli.command()
@paths_argument
@glob_option
@click.option("--jsonl", is_flag=True, help="One JSON object per article: fields and clean text.")
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    metavar="DIR",
    help="Write one file per article into DIR (<id>-<title>.txt); print their paths.",
)
@click.option("--no-title", is_flag=True, help="Leave the titles out.")
@click.option("--summary", is_flag=True, help="Put the summary bullets before the body.")
@jobs_option("Parse")
@click.pass_obj
def strip(
    state: State,
    paths: tuple[str, ...],
    pattern: str,
    jsonl: bool,
    out_dir: Path | None,
    no_title: bool,
    summary: bool,
    jobs: int | None,
) -> None:
    """Print the articles as clean text, for pipes.

    Each article is its title, a blank line, then its paragraphs separated by blank
    lines. Between two articles comes a line
    holding only a form feed (\\f, shown as ^L): white space to `wc -w`, and a place
    to split, e.g. `awk -v RS='\\f\\n'` or Python's text.split("\\n\\f\\n"). Output
    streams as each input is read. --out writes one file per article instead, each
    whole or not at all; it never replaces an input file, and exact copies (same id)
    are written once. With 16 files or more, every CPU parses (-j 1: one).

    Examples:

    \b
        newskit strip data/ | wc -w
        cat dump.txt | newskit strip - > clean.txt
        newskit strip data/ --jsonl | jq -r .title
        newskit strip data/ --out clean/
        newskit strip -j 1 big-folder/ > clean.txt
    """
    if jsonl and out_dir is not None:
        raise click.UsageError("--jsonl and --out cannot be used together.")
    options = StripOptions(title=not no_title, summary=summary)
    sources = state.sources(paths, pattern)
    out = TextOut()
    if out_dir is not None:
        try:
            files = CleanFiles(out_dir, sources, options)
        except OutputError as exc:
            raise CLIError(str(exc)) from None
        batches = _mapped(state, sources, document_articles, jobs)
        _write_files(state, files, (a for batch in batches for a in batch), out)
    elif jsonl:
        records = partial(document_records, options=options)
        for batch in _mapped(state, sources, records, jobs, progress=not out.terminal):
            for rec in batch:
                out.write(json_dumps(rec) + "\n")
    else:
        clean = partial(document_texts, options=options)
        texts = _mapped(state, sources, clean, jobs, progress=not out.terminal)
        for i, text in enumerate(t for batch in texts for t in batch if t):
            out.write(SEPARATOR + text if i else text)
    state.done()


def _mapped(
    state: State,
    sources: list[str],
    fn: Callable[[Document], list[T]],
    jobs: int | None,
    *,
    progress: bool = True,
) -> Iterator[list[T]]:
    """``fn`` (one item per article) of each input, on ``jobs`` processes, in input order.

    Inputs are reported and counted as :meth:`State.documents` does; the rules are
    loaded at once, so a bad rules file fails before any output.
    """
    rules = state.rules()
    return _mapping(state, sources, fn, jobs, rules, progress)


def _alone(doc: Document) -> list[Document]:
    return [doc]


def _articles_of(batch: list[Document]) -> int:
    return len(batch[0].articles)


def _mapping(
    state: State,
    sources: list[str],
    fn: Callable[[Document], list[T]],
    jobs: int | None,
    rules: Rules,
    progress: bool,
    count: Callable[[list[T]], int] = len,
) -> Iterator[list[T]]:
    """The reading loop every command shares: progress, error reports, the final count."""
    if not sources:
        return
    if jobs is None:
        jobs = auto_jobs(len(sources))
    say = state.messages
    articles = 0
    with say.progress(len(sources), "reading", enabled=progress) as bar:

        def on_error(exc: InputError) -> None:
            bar.advance()
            state.input_failed(exc)

        def on_decoded(source: str, encoding: str) -> None:
            if encoding != "utf-8":
                say.note(f"{source}: decoded as {encoding}")

        for batch in map_sources(
            fn, sources, rules, jobs=jobs, on_error=on_error, on_decoded=on_decoded
        ):
            bar.advance()
            articles += count(batch)
            yield batch
    say.note(f"{articles} articles in {len(sources)} inputs")


def _write_files(
    state: State, files: CleanFiles, articles: Iterator[Article], out: TextOut | None
) -> int:
    """``--out``: one file per article, its path on stdout (unless ``out`` is None); stop
    if one cannot be written. Return how many files were written."""
    written = 0
    for article in articles:
        try:
            path = files.write(article)
        except OutputError as exc:  # it would replace an input: skip it, go on
            state.input_failed(exc)
            continue
        except OSError as exc:  # a full disk or a read-only folder: no use going on
            raise CLIError(f"{files.folder / file_name(article)}: {exc.strerror or exc}") from None
        if path is None:
            first = files.written[article.id]
            state.messages.warn(f"{where(article)}: same article as {first}; not written again")
        else:
            written += 1
            if out is not None:
                out.write(f"{path}\n")
    return written


# --- dedupe ------------------------------------------------------------------------------

DEDUPE_COLUMNS = (
    "cluster", "kept", "id", "date", "outlet", "title", "share", "similarity", "source"
)
CLUSTER_KEYS = ("size", "representative", "members")
"""The keys of a cluster in ``dedupe --json/--jsonl`` (:meth:`Cluster.to_dict`)."""


def dedupe_rows(clusters: Sequence[Cluster]) -> Iterator[dict[str, object]]:
    """One row per cluster member (keys: :data:`DEDUPE_COLUMNS`); the kept one first."""
    for number, cluster in enumerate(clusters, 1):
        kept = cluster.representative.index
        for m in cluster.members:
            yield {
                "cluster": number,
                "kept": "yes" if m.index == kept else "no",
                "id": m.id,
                "date": m.date,
                "outlet": m.outlet,
                "title": m.title,
                "share": round(m.share, 2),
                "similarity": round(m.similarity, 2),
                "source": f"{m.source}:{m.start}-{m.end}",
            }


def _fingerprints(doc: Document, options: DedupeOptions) -> list[Fingerprint]:
    """The fingerprint of each of ``doc``'s articles (picklable, for ``map_sources``)."""
    return [fingerprint(a, options) for a in doc.articles]


def _with_fingerprints(doc: Document, options: DedupeOptions) -> list[tuple[Article, Fingerprint]]:
    """Each of ``doc``'s articles and its fingerprint (for ``dedupe --out``)."""
    return [(a, fingerprint(a, options)) for a in doc.articles]


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


@cli.command()
@paths_argument
@glob_option
@click.option(
    "--threshold",
    type=click.FloatRange(0, 1, min_open=True),
    default=DedupeOptions().threshold,
    show_default=True,
    metavar="FLOAT",
    help="Least similarity (0-1) for two articles to be duplicates.",
)
@click.option(
    "--keep",
    type=click.Choice([k.value for k in Keep]),
    default=Keep.FIRST.value,
    show_default=True,
    help="Which article of a cluster to keep: first in input order, most words, oldest date.",
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    metavar="DIR",
    help="Write the kept article of each cluster and every unique article into DIR, as "
    "clean text (one file each, as `strip --out` names them).",
)
@click.option(
    "--check",
    is_flag=True,
    help=f"Exit with status {ExitCode.DUPLICATES_FOUND.value} if there are duplicates, "
    "0 if not.",
)
@jobs_option("Read and fingerprint")
@output_options
@click.pass_obj
def dedupe(
    state: State,
    paths: tuple[str, ...],
    pattern: str,
    threshold: float,
    keep: str,
    out_dir: Path | None,
    check: bool,
    jobs: int | None,
    fmt: str | None,
) -> None:
    """Find exact copies and near-duplicate reports, grouped in clusters.

    Compares the clean bodies of all articles of the inputs (never the site chrome) and
    groups copies and rewrites of one story (sentences reworded, added, dropped or
    moved) into clusters. Lists one row per member of a cluster: cluster number, kept
    (the member --keep picks; the others are compared with it), id, date, outlet,
    title, share (part of its words in sentences it has in common with the kept one),
    similarity (0-1) and source. Articles with no duplicate are not listed; the counts
    go to stderr. --json and --jsonl write one object per cluster. --out DIR writes the
    kept articles and the unique ones as clean text, one file each; --check is for
    scripts.

    Examples:

    \b
        newskit dedupe data/
        newskit dedupe data/ --threshold 0.7 --json
        newskit dedupe data/ --keep longest --out clean/
        newskit -q dedupe --check folder/ > /dev/null || echo duplicates
    """
    try:
        options = DedupeOptions(threshold=threshold, keep=Keep(keep))
    except DedupeError as exc:
        raise click.UsageError(str(exc)) from None
    sources = state.sources(paths, pattern)
    files = None
    if out_dir is not None:
        try:
            files = CleanFiles(out_dir, sources)
        except OutputError as exc:
            raise CLIError(str(exc)) from None
    deduper = Deduper(options)
    kept_articles: list[Article] = []  # only for --out: the text must outlive the reading
    if files is None:
        for batch in _mapped(state, sources, partial(_fingerprints, options=options), jobs):
            for fp in batch:
                deduper.add_fingerprint(fp)
    else:
        pairs = _mapped(state, sources, partial(_with_fingerprints, options=options), jobs)
        for pair_batch in pairs:
            for article, fp in pair_batch:
                deduper.add_fingerprint(fp)
                kept_articles.append(article)
    clusters = deduper.clusters()
    if fmt in ("json", "jsonl"):
        write_rows((c.to_dict() for c in clusters), CLUSTER_KEYS, fmt)
    else:
        write_rows(dedupe_rows(clusters), DEDUPE_COLUMNS, fmt)
    say = state.messages
    total = len(deduper)
    if total == 0:
        if not state.failed:
            say.warn("no articles found")
    else:
        in_clusters = sum(len(c) for c in clusters)
        say.warn(
            f"{_plural(total, 'article')}: {in_clusters} in {_plural(len(clusters), 'cluster')}, "
            f"{total - in_clusters} unique; {len(clusters) + total - in_clusters} to keep"
        )
    if files is not None:
        dropped = {m.index for c in clusters for m in c.members[1:]}
        keep_these = (a for i, a in enumerate(kept_articles) if i not in dropped)
        written = _write_files(state, files, keep_these, None)
        say.warn(f"{_plural(written, 'file')} written to {files.folder}")
    state.done()
    if check and clusters:
        click.get_current_context().exit(ExitCode.DUPLICATES_FOUND)


# --- diff --------------------------------------------------------------------------------

_HEX = re.compile(r"[0-9a-fA-F]+")
SIDE_BY_SIDE_WIDTH = 100
"""A terminal at least this wide shows a diff side by side; a narrower one, unified."""


def _article_refs(doc: Document) -> list[ArticleRef]:
    return [ArticleRef.of(a) for a in doc.articles]


def _find_articles(
    state: State, sources: list[str], prefixes: Sequence[str], jobs: int | None
) -> list[Match[Article]]:
    """The articles that the id ``prefixes`` name, from one reading of ``sources``.

    The files are parsed (on ``jobs`` processes) for the ids of their articles only;
    the file of each match is then parsed again for the whole article, so memory holds
    names, not text. Standard input cannot be read twice: with ``-`` among the sources,
    every article is kept as it is read. An unknown or ambiguous id is a CLIError that
    lists the candidates.
    """
    try:
        if STDIN in sources:
            pool = list(state.articles(sources))
            return [find_article(pool, x) for x in prefixes]
        refs = [ref for batch in _mapped(state, sources, _article_refs, jobs) for ref in batch]
        found = [find_article(refs, x) for x in prefixes]
    except IdError as exc:
        raise CLIError("\n  ".join([str(exc), *exc.candidates])) from None
    return [Match(_read_again(state, m.article), m.copies) for m in found]


def _read_again(state: State, ref: ArticleRef) -> Article:
    """The whole article ``ref`` names, parsed again from its file."""
    try:
        doc = parse_file(ref.source, state.rules())
    except InputError as exc:
        raise CLIError(str(exc)) from None
    for article in doc.articles:
        if article.id == ref.id and article.start == ref.start:
            return article
    raise CLIError(f"{ref.source}: changed while newskit was reading it")


def _first_article(state: State, path: str) -> Article:
    """The first article of the dump file ``path`` (``diff FILE FILE``)."""
    for doc in state.documents([path], progress=False):
        if doc.articles:
            return doc.articles[0]
        raise CLIError(f"{path}: no article found")
    state.done()  # the file could not be read: reported, exit status 1
    raise CLIError(f"{path}: no article found")  # pragma: no cover


def _differs(diff: ArticleDiff) -> bool:
    return bool(diff.only_a or diff.only_b) or not all(p.identical for p in diff.pairs)


REMOVED = "bold red"
ADDED = "bold green"


def _marked(pair: SentencePair, side: str) -> Text:
    """One sentence of a pair with the words the other lacks in bold colour."""
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


def _side_by_side(diff: ArticleDiff) -> Table:
    table = Table(show_lines=True, expand=True, header_style="bold")
    for side in (diff.a, diff.b):
        table.add_column(Text(neutralise(f"{side.id}  {side.title}")), ratio=1, overflow="fold")
    for row in diff_rows(diff):
        if isinstance(row, SentencePair):
            if row.identical:
                table.add_row(Text(neutralise(row.a)), Text(neutralise(row.b)))
            else:
                table.add_row(_marked(row, "a"), _marked(row, "b"))
        elif row[0] == "a":
            table.add_row(Text(neutralise(row[1].text), style=REMOVED), "")
        else:
            table.add_row("", Text(neutralise(row[1].text), style=ADDED))
    return table


def _unified_styles(lines: list[str]) -> Iterator[tuple[str, str]]:
    for n, line in enumerate(lines):
        if n < 2:
            yield line, "bold"
        elif line.startswith("@@"):
            yield line, "cyan"
        else:
            yield line, {"-": "red", "+": "green"}.get(line[:1], "")


@cli.command()
@click.argument("a", metavar="A")
@click.argument("b", metavar="B")
@paths_argument
@glob_option
@click.option("--unified", is_flag=True, help="Unified lines (-/+/space) even on a terminal.")
@click.option("--json", "as_json", is_flag=True, help="Write the diff as a JSON object.")
@click.option(
    "--exit-code",
    is_flag=True,
    help=f"Exit with status {ExitCode.DIFFERENT.value} if the articles differ, 0 if not.",
)
@jobs_option("Parse")
@click.pass_obj
def diff(
    state: State,
    a: str,
    b: str,
    paths: tuple[str, ...],
    pattern: str,
    unified: bool,
    as_json: bool,
    exit_code: bool,
    jobs: int | None,
) -> None:
    """Compare two reports sentence by sentence.

    A and B are article ids (or unique starts of them, as for `show`) found in PATHs,
    or dump files, meaning their first article. Sentences are paired in any order and
    compared word by word: the output shows the sentences both have (changed words
    marked), those only in A, those only in B, and how much of each is in common.
    Side by side on a wide terminal; otherwise unified, like `diff -u`: a space before
    a shared sentence, - and + before A's and B's versions of a changed one (words
    marked [-removed-] and {+added+}) and before a sentence found on one side only.

    Examples:

    \b
        newskit diff e038a1 d7c705 data/
        newskit diff --unified e038a1 d7c705 data/
        newskit diff one.txt other.txt --json | jq .share_a
        newskit diff --exit-code e038a1 d7c705 data/ > /dev/null || echo differ
    """
    if unified and as_json:
        raise click.UsageError("--unified and --json cannot be used together.")
    files = {x: Path(x).is_file() for x in (a, b)}
    if paths and all(files.values()):
        raise click.UsageError("PATHs are read for article ids only; A and B are files.")
    ids = [x for x in (a, b) if not files[x]]
    for x in ids:
        if not _HEX.fullmatch(x):
            raise CLIError(f"{x!r} is neither a file nor an article id (ids are hexadecimal)")
    found: dict[str, Article] = {}
    if ids:
        matches = _find_articles(state, state.sources(paths, pattern), ids, jobs)
        found = {x: m.article for x, m in zip(ids, matches, strict=True)}
    for x in (a, b):
        if files[x]:
            found[x] = _first_article(state, x)
    result = diff_articles(found[a], found[b])
    if as_json:
        write_json(result.to_dict())
    elif not unified and output.stdout_is_terminal() and (
        (console := terminal_console()).width >= SIDE_BY_SIDE_WIDTH
    ):
        console.print(Text(unified_lines(result)[2], style="cyan"))
        console.print(_side_by_side(result))
    else:
        write_lines(_unified_styles(unified_lines(result)))
    state.done()
    if exit_code and _differs(result):
        click.get_current_context().exit(ExitCode.DIFFERENT)


def main(argv: Sequence[str] | None = None) -> None:
    """The ``newskit`` console script (and ``python -m newskit``)."""
    cli.main(args=list(argv) if argv is not None else None, prog_name="newskit")
