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
- :class:`ExitCode` for exit statuses and :class:`CLIError` for an expected failure.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import IntEnum
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

import click

from . import __version__
from .errors import IdError, InputError, NewskitError, OutputError, RulesError
from .ids import find_article, where
from .model import Article, Document
from .output import (
    Messages,
    TextOut,
    json_dumps,
    neutralise,
    output_options,
    write_json,
    write_lines,
    write_rows,
)
from .parallel import map_documents
from .parser import iter_documents
from .reader import expand_inputs
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
        if not sources:  # iter_documents would read the current folder
            return
        say = self.messages
        articles = 0
        with say.progress(len(sources), "reading", enabled=progress) as bar:

            def on_error(exc: InputError) -> None:
                bar.advance()
                self.input_failed(exc)

            def on_decoded(source: str, encoding: str) -> None:
                if encoding != "utf-8":
                    say.note(f"{source}: decoded as {encoding}")

            docs = iter_documents(sources, rules=rules, on_error=on_error, on_decoded=on_decoded)
            for doc in docs:
                bar.advance()
                articles += len(doc.articles)
                yield doc
        say.note(f"{articles} articles in {len(sources)} inputs")

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


@cli.command("list")
@paths_argument
@glob_option
@output_options
@click.pass_obj
def list_command(state: State, paths: tuple[str, ...], pattern: str, fmt: str | None) -> None:
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
    rows = (list_row(a) for a in state.articles(state.sources(paths, pattern)))
    count = write_rows(rows, LIST_COLUMNS, fmt)
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
@click.pass_obj
def show(
    state: State,
    article_id: str,
    paths: tuple[str, ...],
    pattern: str,
    raw: bool,
    explain: bool,
    as_json: bool,
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
    try:
        match = find_article(state.articles(state.sources(paths, pattern)), article_id)
    except IdError as exc:
        raise CLIError("\n  ".join([str(exc), *exc.candidates])) from None
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


def _jobs(ctx: click.Context, param: click.Parameter, value: int) -> int:
    if value < 0:
        raise click.BadParameter(f"{value} is not 0 or more.", ctx, param)
    return value


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
@click.option(
    "-j",
    "--jobs",
    type=int,
    default=1,
    callback=_jobs,
    metavar="N",
    help="Parse with N processes; 0: one per CPU. Same output.  [default: 1]",
)
@click.pass_obj
def strip(
    state: State,
    paths: tuple[str, ...],
    pattern: str,
    jsonl: bool,
    out_dir: Path | None,
    no_title: bool,
    summary: bool,
    jobs: int,
) -> None:
    """Print the articles as clean text, for pipes.

    Each article is its title, a blank line, then its paragraphs separated by blank
    lines. Between two articles comes a line
    holding only a form feed (\\f, shown as ^L): white space to `wc -w`, and a place
    to split, e.g. `awk -v RS='\\f\\n'` or Python's text.split("\\n\\f\\n"). Output
    streams as each input is read. --out writes one file per article instead, each
    whole or not at all; it never replaces an input file, and exact copies (same id)
    are written once. With many files, -j 0 parses them on every CPU.

    Examples:

    \b
        newskit strip data/ | wc -w
        cat dump.txt | newskit strip - > clean.txt
        newskit strip data/ --jsonl | jq -r .title
        newskit strip data/ --out clean/
        newskit strip -j 0 big-folder/ > clean.txt
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
    jobs: int,
    *,
    progress: bool = True,
) -> Iterator[list[T]]:
    """``fn`` (one item per article) of each input, on ``jobs`` processes, in input order.

    Inputs are reported and counted as :meth:`State.documents` does; the rules are
    loaded at once, so a bad rules file fails before any output.
    """
    rules = state.rules()
    return _mapping(state, sources, fn, jobs, rules, progress)


def _mapping(
    state: State,
    sources: list[str],
    fn: Callable[[Document], list[T]],
    jobs: int,
    rules: Rules,
    progress: bool,
) -> Iterator[list[T]]:
    if not sources:  # map_documents would read the current folder
        return
    say = state.messages
    articles = 0
    with say.progress(len(sources), "reading", enabled=progress) as bar:

        def on_error(exc: InputError) -> None:
            bar.advance()
            state.input_failed(exc)

        def on_decoded(source: str, encoding: str) -> None:
            if encoding != "utf-8":
                say.note(f"{source}: decoded as {encoding}")

        for batch in map_documents(
            fn, sources, rules=rules, jobs=jobs, on_error=on_error, on_decoded=on_decoded
        ):
            bar.advance()
            articles += len(batch)
            yield batch
    say.note(f"{articles} articles in {len(sources)} inputs")


def _write_files(
    state: State, files: CleanFiles, articles: Iterator[Article], out: TextOut
) -> None:
    """``strip --out``: one file per article, its path on stdout; stop if one cannot be written."""
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
            out.write(f"{path}\n")


def main(argv: Sequence[str] | None = None) -> None:
    """The ``newskit`` console script (and ``python -m newskit``)."""
    cli.main(args=list(argv) if argv is not None else None, prog_name="newskit")
