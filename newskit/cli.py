"""The command line: flags in, one library call, results out.

Everything a command does is in the library (reading, parsing, stripping, dedupe, diff,
finding ids) and everything it shows is in the output layer (:mod:`newskit.render` on
:mod:`newskit.output`); a command body turns its flags into an options object, makes one
library call and hands the result to one render function. The pieces a new command
reuses:

- :func:`paths_argument` and :func:`glob_option` for inputs, :meth:`State.sources` to
  expand them (a folder with no match is reported) and :meth:`State.reader` to read them
  (a :class:`newskit.pipeline.Reader` on ``-j`` processes, with a progress bar; an
  unreadable input is reported on stderr, ``newskit: PATH: reason``, and the others go
  on); :meth:`State.done` ends the command with exit status 1 if any failed;
- :func:`newskit.output.output_options` and :func:`newskit.output.write_rows` for a
  listing (table on a terminal, tab-separated when piped, ``--json/--jsonl/--csv``);
- :class:`ExitCode` for exit statuses, :class:`CLIError` for an expected failure and
  :func:`library_errors` to turn the library's exceptions into one;
- :func:`_write_files` for ``--out DIR`` (one clean file per article, never over an input).
"""

from __future__ import annotations

import datetime as dt
import errno
import functools
import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import IntEnum
from functools import partial
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

from . import __version__, render
from .dedupe import DedupeError, DedupeOptions, Keep, dedupe_inputs
from .engine import DaskEngine, EngineError
from .errors import IdError, InputError, NewskitError, OutputError, RulesError, SplitError
from .ids import ArticleRef, check_names, find_articles, named_articles, read_again, where
from .index import SCHEMA_VERSION, Index, SearchOptions, Settings, Summary, default_db
from .model import Article, Document
from .output import Messages, TextOut, neutralise, output_options
from .pipeline import AUTO_FILES, TEXT_FIELD, Kept, Reader, auto_jobs, map_sources
from .reader import STDIN, expand_inputs, record_of
from .rules import Rules, load_rules, user_rules_path
from .splitting import AUTO, check_split
from .strip import (
    CleanFiles,
    StripOptions,
    document_articles,
    document_records,
    document_texts,
    file_name,
)

if TYPE_CHECKING:
    from .sitechrome import SiteChrome

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
    INTERRUPTED = 130  # Ctrl-C: 128 + SIGINT, as shells report it


class CLIError(click.ClickException):
    """An expected failure: ``newskit: message`` on stderr and exit status 1, no traceback."""

    exit_code = ExitCode.INPUT_ERROR

    def show(self, file: Any = None) -> None:
        sys.stderr.write(f"newskit: {neutralise(self.format_message())}\n")


@contextmanager
def library_errors() -> Iterator[None]:
    """Turn the library's exceptions into a :class:`CLIError` (an unknown or ambiguous id
    lists its candidates, one per line)."""
    try:
        yield
    except IdError as exc:
        raise CLIError("\n  ".join([str(exc), *exc.candidates])) from None
    except NewskitError as exc:
        raise CLIError(str(exc)) from None


@dataclass(slots=True)
class State:
    """What the group's flags set up for every command, and what the run has met so far."""

    messages: Messages = field(default_factory=Messages)
    rule_files: tuple[str, ...] = ()
    split: str = AUTO  # where dumps split into articles (--split)
    now: dt.datetime | None = None  # the reference time of relative dates (--now)
    site_chrome: bool = False  # learn each site's chrome from the inputs first (--site-chrome)
    hidden: bool = False  # walk hidden and tool folders too (--hidden)
    text_field: str = TEXT_FIELD  # the text of a JSON Lines record (--text-field)
    engine: str = "local"  # where to parse: this machine, or a Dask cluster (--engine)
    scheduler: str | None = None  # the Dask scheduler's address (--scheduler)
    _engine: DaskEngine | None = None
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
            these = list(expand_inputs([arg], pattern, hidden=self.hidden, on_error=self.input_failed))
            if not these:  # only a folder can expand to nothing
                self.input_failed(InputError(arg, f"no files matching {pattern!r}"))
            found.extend(these)
        return found

    def reader(self, jobs: int | None, *, progress: bool = True, lazy_rules: bool = False) -> Reader:
        """How the command reads its inputs: on ``jobs`` processes (None: one per CPU for
        :data:`~newskit.pipeline.AUTO_FILES` inputs or more, else one), failed inputs
        reported, a progress bar on a terminal (if ``progress``), ``-v`` notes, dumps split
        as ``--split`` says.

        The rules are loaded at once, so a bad rules file fails before any output; with
        ``lazy_rules``, when the reader first reads (an index's refresh with no stale file
        reads nothing, and so does not compile them).
        """
        return _Reading(None if lazy_rules else self.rules(), jobs, split=self.split, now=self.now,
                        site_chrome=self.site_chrome, state=self,
                        progress=progress, text_field=self.text_field, engine=self.dask(jobs))

    def dask(self, jobs: int | None) -> DaskEngine | None:
        """The Dask cluster to parse on (``--engine dask``; ``-j`` workers of a local one), made
        once and closed when the command ends; None for this machine's processes."""
        if self.scheduler is not None and self.engine != "dask":
            raise click.UsageError("--scheduler ADDRESS goes with --engine dask.")
        if self.engine != "dask":
            return None
        if self._engine is None:
            engine = DaskEngine(self.scheduler, jobs or None)
            click.get_current_context().call_on_close(engine.close)
            try:
                engine.client()  # started now: a cluster that cannot start fails before any output
            except EngineError as exc:
                raise CLIError(str(exc)) from None
            self._engine = engine
        return self._engine

    def settings(self) -> Settings:
        """What the index records of the parse besides the parser: rules files, --split,
        --now, --text-field."""
        user = user_rules_path()
        files = (os.fspath(user),) if user.is_file() else ()
        return Settings(rule_files=files + self.rule_files, split=self.split, now=self.now,
                        text_field=self.text_field)

    def index(
        self, paths: Sequence[str], pattern: str, choice: DbChoice, jobs: int | None, *, required: bool = False,
    ) -> tuple[Index | None, list[str] | None]:
        """The index a command reads (see :class:`DbChoice`), refreshed from ``paths``
        (stale files parsed again, as ``git status`` does), and the inputs it answers
        for (None: every file it holds); (None, None) when the command is to read the
        inputs directly. ``required``: no index is an error (``search``)."""
        path = self._index_path(paths, choice, required)
        if path is None:
            return None, None
        index = self.open_index(path)
        if not paths and choice.db is not None:  # an index named, no PATH: the roots it was made from
            roots = index.roots()[0]
            if not roots and choice.refresh:
                raise click.UsageError(f"{path} records no folders to refresh from: name the PATHs.")
        else:
            roots = list(paths or (".",))
        pattern = _stored_glob(index, pattern)
        if not choice.refresh:
            return index, (self.sources(paths, pattern) if paths else None)
        sources, summary = self.refresh(index, roots, pattern, jobs)
        self.messages.note(render.index_summary(index.path, summary))
        return index, sources

    def open_index(self, path: Path) -> Index:
        """The index at ``path``, opened (made if need be); an index of an older schema,
        rebuilt empty, is said on stderr."""
        with library_errors():
            index = Index.open(path)
        if index.rebuilt_from is not None:
            self.messages.warn(f"{path}: an index of schema version {index.rebuilt_from}, rebuilt for version "
                               f"{SCHEMA_VERSION}: every file is parsed again")
        return index

    def refresh(self, index: Index, roots: list[str], pattern: str, jobs: int | None) -> tuple[list[str], Summary]:
        """Bring ``index`` up to date with the inputs under ``roots``: the inputs and what was done."""
        sources = self.sources(roots, pattern)
        say = self.messages
        with library_errors():
            summary = index.refresh(
                sources, roots, self.reader(jobs, lazy_rules=True), self.settings(), pattern=pattern,
                on_warning=lambda source, message: say.warn(f"{source}: {message}"),
                on_note=lambda source, note: say.note(f"{source}: {note}"),
            )
        return sources, summary

    def _index_path(self, paths: Sequence[str], choice: DbChoice, required: bool) -> Path | None:
        if choice.db is not None and choice.no_db:
            raise click.UsageError("--db and --no-db cannot be used together.")
        if choice.no_db:
            if required:
                raise click.UsageError("this command reads an index: --no-db cannot be used with it.")
            return None
        why = ("standard input cannot be indexed" if STDIN in paths else
               "--site-chrome learns from all the inputs at once" if self.site_chrome else None)
        if why is not None:
            if choice.db is not None or required:
                raise click.UsageError(f"the index cannot be used here: {why}.")
            return None
        path = choice.db if choice.db is not None else default_db(paths)
        if path is None or (choice.db is None and not path.is_file()):
            if required:
                raise CLIError(f"no index found ({path or 'give --db FILE'}): make one with `newskit index`")
            return None
        return path

    def done(self) -> None:
        """End the command: exit status 1 if an input failed, else carry on to 0."""
        if self.failed:
            click.get_current_context().exit(ExitCode.INPUT_ERROR)

    def stop(self) -> NoReturn:
        """End the command now, with exit status 1: an input failed (and was reported)."""
        click.get_current_context().exit(ExitCode.INPUT_ERROR)


def _stored_glob(index: Index, pattern: str) -> str:
    """The ``--glob`` the index was last refreshed with, unless ``--glob`` is given: files
    it holds that the default pattern does not match are not to be forgotten."""
    stored = index.roots()[1]
    ctx = click.get_current_context()
    if stored is not None and ctx.get_parameter_source("pattern") is click.core.ParameterSource.DEFAULT:
        return stored
    return pattern


@dataclass(slots=True)
class _Reading(Reader):
    """The command line's :class:`~newskit.pipeline.Reader`: every reading shows a progress
    bar, reports failed inputs, warns of HTML given by mistake, notes non-UTF-8 decodings
    and ends with a count (``-v``)."""

    state: State = field(default_factory=State)
    progress: bool = True

    def map(
        self, fn: Callable[[Document], T], sources: Sequence[str], *, one_process: bool = False,
        explain: bool = False, kept: Kept | None = None,
    ) -> Iterator[T]:
        sources = list(sources)
        if not sources:
            return
        jobs = 1 if one_process else self.jobs if self.jobs is not None else auto_jobs(len(sources))
        state, say = self.state, self.state.messages
        articles = 0
        with say.progress(len(sources), "reading", enabled=self.progress) as bar:
            crawl: list[str] = []  # the crawl file whose records are being read

            def tick(source: str) -> None:  # the bar counts files; a crawl file's at its end
                record = record_of(source)
                if crawl and (record is None or record[0] != crawl[0]):
                    bar.advance()
                    crawl.clear()
                if record is None:
                    bar.advance()
                elif not crawl:
                    crawl.append(record[0])

            def on_error(exc: InputError) -> None:
                tick(exc.source)
                state.input_failed(exc)
                (self.on_error or _ignore)(exc)  # a library function may hear of failures too (the index)

            def on_warning(source: str, message: str) -> None:
                say.warn(f"{source}: {message}")

            def on_decoded(source: str, encoding: str) -> None:
                if encoding != "utf-8":
                    say.note(f"{source}: decoded as {encoding}")

            def on_read(source: str, count: int) -> None:
                nonlocal articles
                tick(source)
                articles += count

            def on_note(source: str, note: str) -> None:
                say.note(f"{source}: {note}")

            def on_site_chrome(learned: SiteChrome, removed: int) -> None:
                say.note(render.site_chrome_note(learned, removed))
                if self.on_site_chrome is not None:
                    self.on_site_chrome(learned, removed)

            yield from map_sources(
                fn,
                sources,
                self.rules if self.rules is not None else state.rules(),
                jobs=jobs,
                on_error=on_error,
                on_decoded=on_decoded,
                on_read=on_read,
                on_note=on_note,
                explain=explain,
                split=self.split,
                on_warning=on_warning,
                now=self.now,
                site_chrome=self.site_chrome,
                on_site_chrome=on_site_chrome,
                text_field=self.text_field,
                engine=None if one_process else self.engine,
                kept=kept,
            )
            if crawl:
                bar.advance()
        say.note(f"{articles} articles in {len(sources)} inputs")


def _ignore(exc: InputError) -> None:
    pass


def paths_argument(fn: F) -> F:
    """``[PATH]...``: files, folders (searched recursively for --glob) or ``-`` for stdin."""
    return click.argument("paths", nargs=-1, metavar="[PATH]...")(fn)


def _set_state(name: str) -> Callable[[click.Context, click.Parameter, Any], Any]:
    """A callback that keeps an option's value on the :class:`State` as ``name``."""

    def keep(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
        setattr(ctx.ensure_object(State), name, value)
        return value

    return keep


def engine_option(fn: F) -> F:
    """``--engine local|dask`` and ``--scheduler ADDRESS`` (kept on the :class:`State`)."""
    fn = click.option(
        "--scheduler",
        metavar="ADDRESS",
        expose_value=False,
        callback=_set_state("scheduler"),
        help="With --engine dask: the scheduler to use (tcp://host:8786); none starts a local cluster of -j workers.",
    )(fn)
    return click.option(
        "--engine",
        type=click.Choice(["local", "dask"]),
        default="local",
        show_default=True,
        expose_value=False,
        callback=_set_state("engine"),
        help="Work on this machine's processes, or on a Dask cluster (needs newskit[dask]): the parsing, "
        "and all of dedupe's search.",
    )(fn)


def glob_option(fn: F) -> F:
    """``--glob PATTERN``: which files to read in folders; the function gets ``pattern``.
    With it come ``--hidden`` and ``--text-field`` (kept on the :class:`State`)."""
    fn = click.option(
        "--text-field",
        default=TEXT_FIELD,
        show_default=True,
        metavar="FIELD",
        expose_value=False,
        callback=_set_state("text_field"),
        help="The field that holds the text in a JSON Lines file (*.jsonl).",
    )(fn)
    fn = click.option(
        "--hidden",
        is_flag=True,
        expose_value=False,
        callback=_set_state("hidden"),
        help="Walk hidden folders (.git, .venv…) and tool folders (node_modules, __pycache__, *.egg-info) too.",
    )(fn)
    return click.option(
        "--glob",
        "pattern",
        default="*.txt",
        show_default=True,
        metavar="PATTERN",
        help="Which files to read in folders (searched recursively; a.txt.gz matches *.txt).",
    )(fn)


def _split(ctx: click.Context, param: click.Parameter, value: str) -> str:
    try:
        check_split(value)
    except SplitError as exc:
        raise click.BadParameter(str(exc), ctx, param) from None
    ctx.ensure_object(State).split = value
    return value


def split_option(fn: F) -> F:
    """``--split auto|file|PATTERN``: where dumps split into articles, kept in the :class:`State`
    (the command reads it through :meth:`State.reader`)."""
    return click.option(
        "--split",
        default=AUTO,
        show_default=True,
        metavar="auto|file|PATTERN",
        expose_value=False,
        callback=_split,
        help="Where a dump splits into articles: auto (form feeds, separator lines, repeated "
        "headlines); file (one article per file); or a regular expression that a whole "
        "separator line matches (the dump splits there and nowhere else).",
    )(fn)


def _now(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is not None:
        try:
            ctx.ensure_object(State).now = dt.datetime.fromisoformat(value)
        except ValueError:
            raise click.BadParameter(f"{value!r} is not an ISO 8601 date or time.", ctx, param) from None
    return value


def now_option(fn: F) -> F:
    """``--now ISO``: the reference time relative dates are resolved against, kept in the
    :class:`State` (the command reads it through :meth:`State.reader`)."""
    return click.option(
        "--now",
        metavar="ISO",
        expose_value=False,
        callback=_now,
        help="Resolve relative dates ('2 hours ago', 'yesterday') against this time, e.g. "
        "2019-11-20T12:00+00:00; without it their published/updated stay empty.",
    )(fn)


def _site_chrome(ctx: click.Context, param: click.Parameter, value: bool) -> bool:
    ctx.ensure_object(State).site_chrome = value
    return value


def site_chrome_option(fn: F) -> F:
    """``--site-chrome``: learn each site's chrome from the inputs first, kept in the
    :class:`State` (the command reads it through :meth:`State.reader`)."""
    return click.option(
        "--site-chrome",
        is_flag=True,
        expose_value=False,
        callback=_site_chrome,
        help="Read the inputs twice: first learn the lines that recur on 3 pages or more of one "
        "site (same outlet, or same first or last lines), then remove them as site-chrome. "
        "Sentences that two sites share stay. Ids follow the clean text, so they may change.",
    )(fn)


@dataclass(frozen=True, slots=True)
class DbChoice:
    """``--db FILE``, ``--no-db``, ``--no-refresh``: which index a command reads, if any.

    With neither ``--db`` nor ``--no-db``, the default index (``.newskit.db`` in the one
    folder given, or the current folder) is read when it exists. ``--no-refresh`` reads it
    as it is, without looking at the files (with no PATH: every file it holds)."""

    db: Path | None = None
    no_db: bool = False
    refresh: bool = True


def db_options(fn: F) -> F:
    """``--db FILE``, ``--no-db`` and ``--no-refresh``; the function gets ``choice`` (a :class:`DbChoice`)."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        choice = DbChoice(kwargs.pop("db"), kwargs.pop("no_db"), not kwargs.pop("no_refresh"))
        return fn(*args, choice=choice, **kwargs)

    wrapper = click.option(
        "--no-refresh", is_flag=True,
        help="Read the index as it is, without looking for changed files (with no PATH: all it holds).",
    )(wrapper)
    wrapper = click.option("--no-db", is_flag=True, help="Parse the inputs; do not read the default index.")(wrapper)
    wrapper = click.option(
        "--db", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE",
        help="Read (and refresh) this index (see `newskit index`). [default: .newskit.db in the folder "
        "given, when it exists]",
    )(wrapper)
    return wrapper  # type: ignore[return-value]


CONTEXT = {"help_option_names": ["-h", "--help"]}


@click.group("newskit", context_settings=CONTEXT)
@click.version_option(__version__, "--version", prog_name="newskit", message="%(prog)s %(version)s")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing on stderr but errors.")
@click.option(
    "-v", "--verbose", is_flag=True,
    help="Also say how non-UTF-8 files were decoded and which parts of a dump were too short for an article.",
)
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


@cli.command("list")
@paths_argument
@glob_option
@output_options
@jobs_option("Parse")
@split_option
@now_option
@site_chrome_option
@db_options
@click.pass_obj
def list_command(
    state: State, paths: tuple[str, ...], pattern: str, fmt: str | None, jobs: int | None, choice: DbChoice
) -> None:
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
        newskit list crawl/ --db crawl.db
    """
    index, indexed = state.index(paths, pattern, choice, jobs)
    if index is not None:
        count = render.listing(index.list_rows(indexed), fmt)
    else:
        sources = state.sources(paths, pattern)
        rows = state.reader(jobs).map(render.list_rows, sources)
        count = render.listing(chain.from_iterable(rows), fmt)
    if count == 0 and not state.failed:
        state.messages.warn("no articles found")
    state.done()


# --- show ------------------------------------------------------------------------------


@cli.command()
@click.argument("article_id", metavar="ID")
@paths_argument
@glob_option
@click.option("--raw", is_flag=True, help="Print the article's original lines instead.")
@click.option(
    "--explain", is_flag=True,
    help="List every removed line (line number, rule, text), then the title candidates and their scores.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the article as a JSON object.")
@jobs_option("Parse")
@split_option
@now_option
@site_chrome_option
@db_options
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
    choice: DbChoice,
) -> None:
    """Show one article, cleaned: title, metadata, then the body.

    ID is an id from `newskit list`, or any unique start of one, as with git commits.
    Exact copies of an article share an id: the first in input order is shown and the
    others are named on stderr. An unknown or ambiguous ID is an error that lists the
    candidates. --explain lists the removed lines with the rule that removed each, then
    the title candidates, best first, with the terms of each one's score.

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
    index, indexed = state.index(paths, pattern, choice, jobs)
    with library_errors():
        if index is not None:
            match = index.find(article_id, indexed)
            if explain:  # the removed lines are the index's; the title candidates need a parse
                again = read_again(ArticleRef.of(match.article), state.reader(1), explain=True)
                match.article.title_candidates = again.title_candidates
        else:
            (match,) = find_articles([article_id], state.sources(paths, pattern), state.reader(jobs), explain=explain)
    if match.copies:
        copies = ", ".join(match.copies)
        state.messages.warn(f"the same article (id {match.article.id}) is also in: {copies}")
    render.show(match.article, modes[0][2:] if modes else None)
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
@engine_option
@split_option
@now_option
@site_chrome_option
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
        articles = state.reader(jobs).map(document_articles, sources)
        _write_files(state, files, chain.from_iterable(articles), out)
    elif jsonl:
        records = state.reader(jobs, progress=not out.terminal).map(
            partial(document_records, options=options), sources
        )
        render.json_lines(chain.from_iterable(records), out)
    else:
        texts = state.reader(jobs, progress=not out.terminal).map(
            partial(document_texts, options=options), sources
        )
        render.clean_texts(chain.from_iterable(texts), out)
    state.done()


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
    "--containment",
    type=click.FloatRange(0, 1, min_open=True),
    default=DedupeOptions().containment,
    show_default=True,
    metavar="FLOAT",
    help="Least part (0-1) of the shorter article's words in sentences found in the longer "
    "one for the two to be duplicates, whatever their similarity (a brief cut from a story, "
    "a report quoted in a post).",
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
@engine_option
@split_option
@now_option
@site_chrome_option
@output_options
@db_options
@click.pass_obj
def dedupe(
    state: State,
    paths: tuple[str, ...],
    pattern: str,
    threshold: float,
    containment: float,
    keep: str,
    out_dir: Path | None,
    check: bool,
    jobs: int | None,
    fmt: str | None,
    choice: DbChoice,
) -> None:
    """Find exact copies and near-duplicate reports, grouped in clusters.

    Compares the clean bodies of all articles of the inputs (never the site chrome) and
    groups copies and rewrites of one story (sentences reworded, added, dropped or
    moved), and articles mostly contained in another (--containment), into clusters.
    Each cluster has a likely origin, the member whose text the others share most
    (ties to the earliest date), and every member is a duplicate of it. A body needs 50
    words in sentences to join another: menus and link lists are no copies.

    Lists one row per member of a cluster: cluster number, kept (the member --keep
    picks), relation (how it joined the origin: origin, copy, rewrite, contained), id,
    date, outlet, title, share (part of its words in sentences it has in common with the
    kept one), similarity (0-1, with the kept one), from_origin (part of its words in
    sentences found in the origin), own (part in sentences found in no other member:
    what this outlet added) and source. `newskit diff ORIGIN MEMBER` shows the two
    side by side. Articles with no duplicate are not listed; the counts go to stderr.
    --json and --jsonl write one object per cluster. --out DIR writes the kept articles
    and the unique ones as clean text, one file each; --check is for scripts.

    With an index (--db, or .newskit.db in the folder given) the fingerprints and the
    checks of earlier runs are read from it, after stale files are parsed again: a
    rerun checks only the pairs that new or changed articles make.

    Examples:

    \b
        newskit dedupe data/
        newskit dedupe data/ --threshold 0.7 --json
        newskit dedupe data/ --keep longest --out clean/
        newskit -q dedupe --check folder/ > /dev/null || echo duplicates
        newskit dedupe crawl/ --db crawl.db
    """
    try:
        options = DedupeOptions(threshold=threshold, containment=containment, keep=Keep(keep))
    except DedupeError as exc:
        raise click.UsageError(str(exc)) from None
    index, indexed = state.index(paths, pattern, choice, jobs)
    sources = (indexed or []) if index is not None else state.sources(paths, pattern)
    files = None
    if out_dir is not None:
        try:
            files = CleanFiles(out_dir, sources)
        except OutputError as exc:
            raise CLIError(str(exc)) from None
    if index is not None:
        with library_errors():
            run = index.dedupe(indexed, options, keep_articles=files is not None)
        stats = index.last_dedupe
        state.messages.note(f"{index.path}: {render.plural(stats.checked, 'pair')} checked, "
                            f"{render.plural(stats.reused, 'check')} reused")
    else:
        run = dedupe_inputs(sources, options, state.reader(jobs), keep_articles=files is not None)
    render.clusters(run.clusters, fmt)
    say = state.messages
    if run.total == 0:
        if not state.failed:
            say.warn("no articles found")
    else:
        say.warn(render.dedupe_counts(run))
    if files is not None:
        written = _write_files(state, files, run.kept(), None)
        say.warn(f"{render.plural(written, 'file')} written to {files.folder}")
    state.done()
    if check and run.clusters:
        click.get_current_context().exit(ExitCode.DUPLICATES_FOUND)


# --- diff --------------------------------------------------------------------------------


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
@split_option
@now_option
@db_options
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
    choice: DbChoice,
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
    names = (a, b)
    files = [Path(x).is_file() for x in names]
    if paths and all(files):
        raise click.UsageError("PATHs are read for article ids only; A and B are files.")
    with library_errors():
        check_names(names)  # before anything is read
        index, indexed = (None, None) if all(files) else state.index(paths, pattern, choice, jobs)
        if index is not None:
            found = named_articles(names, [], state.reader(jobs),
                                   finder=lambda ids: [index.find(x, indexed) for x in ids])
        else:
            sources = [] if all(files) else state.sources(paths, pattern)
            found = named_articles(names, sources, state.reader(jobs))
    if found is None:  # a file could not be read (reported)
        state.stop()
    from .diff import diff_articles  # loaded by the one command that compares (start-up)

    result = diff_articles(found[0], found[1])
    render.diff(result, unified=unified, as_json=as_json)
    state.done()
    if exit_code and result.differs:
        click.get_current_context().exit(ExitCode.DIFFERENT)


# --- index ---------------------------------------------------------------------------------


@cli.command("index")
@paths_argument
@glob_option
@click.option(
    "--db", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE",
    help="The index file.  [default: .newskit.db in the folder given, or the current folder]",
)
@jobs_option("Parse")
@engine_option
@split_option
@now_option
@click.pass_obj
def index_command(
    state: State, paths: tuple[str, ...], pattern: str, db: Path | None, jobs: int | None
) -> None:
    """Parse dumps into an index that list, show, diff, dedupe and search read.

    The index is one SQLite file (.newskit.db in the folder given, unless --db names
    one). A second run parses only what changed: new files, files whose bytes changed
    (their size and time are looked at first, then a hash of their bytes), and every
    file if the parser, the rules, --split or --now changed; files no longer there are
    forgotten. Each batch of files is written in one transaction, so a run that is
    killed loses at most its last batch and the next run goes on. The counts go to
    stderr: files new, changed, unchanged, removed, and articles. The schema is in the
    README (sqlite3, sqlite-utils and Datasette read it).

    Examples:

    \b
        newskit index data/
        newskit index crawl/ --db crawl.db
        newskit list data/
        newskit search 'police AND protest*' --db crawl.db
    """
    target = db if db is not None else default_db(paths)
    if target is None:
        raise click.UsageError("give --db FILE: the default index is .newskit.db in the one folder given.")
    index = state.open_index(target)
    with index:
        roots = list(paths or (".",))
        _, summary = state.refresh(index, roots, _stored_glob(index, pattern), jobs)
        state.messages.warn(render.index_summary(index.path, summary))
    state.done()


# --- search --------------------------------------------------------------------------------


_DATE_PREFIX = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def _iso_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A date to compare articles' ISO dates with: a year, a month, a day or a time."""
    if value is not None:
        try:
            ok = _DATE_PREFIX.fullmatch(value) is not None or bool(dt.datetime.fromisoformat(value))
        except ValueError:
            ok = False
        if not ok:
            raise click.BadParameter(f"{value!r} is not an ISO 8601 date (2019, 2019-11, 2019-11-20).", ctx, param)
    return value


@cli.command()
@click.argument("query")
@paths_argument
@glob_option
@click.option("--outlet", metavar="NAME", help="Only articles of this outlet (case does not matter).")
@click.option("--since", metavar="DATE", callback=_iso_date, help="Only articles dated on or after DATE (2019-11-20).")
@click.option("--until", metavar="DATE", callback=_iso_date, help="Only articles dated on or before DATE.")
@click.option("--lang", metavar="CODE", help="Only articles in this language (ISO 639-1: en, fr, pt).")
@click.option("--limit", type=click.IntRange(min=1), default=SearchOptions().limit, show_default=True,
              help="Show at most this many hits.")
@output_options
@jobs_option("Parse")
@split_option
@now_option
@db_options
@click.pass_obj
def search(
    state: State, query: str, paths: tuple[str, ...], pattern: str, outlet: str | None, since: str | None,
    until: str | None, lang: str | None, limit: int, fmt: str | None, jobs: int | None, choice: DbChoice,
) -> None:
    """Find articles in the index by the words of their title and body.

    QUERY is in SQLite FTS5's syntax: words (all must be there), "a phrase", OR, NOT,
    AND, prefix* and NEAR(a b, 5). Hits come best first (bm25; a word in the title
    counts twice a word in the body): id, date, outlet, title, words, score, snippet and
    source. On a terminal the snippet's matched words are highlighted; piped, they are
    in [brackets]; --json, --jsonl and --csv give the snippet as plain text. The index
    is refreshed first, as for list (see --no-refresh).

    Examples:

    \b
        newskit search police data/
        newskit search '"climate change" NOT opinion' --db crawl.db --since 2019-11
        newskit search 'protest*' --outlet Reuters --lang en --json
    """
    options = SearchOptions(outlet=outlet, since=since, until=until, language=lang, limit=limit)
    index, indexed = state.index(paths, pattern, choice, jobs, required=True)
    assert index is not None
    with library_errors():
        hits = index.search(query, options, indexed)
    if not render.search_hits(hits, fmt) and not state.failed:
        state.messages.warn("no articles match")
    state.done()


def main(argv: Sequence[str] | None = None) -> None:
    """The ``newskit`` console script (and ``python -m newskit``).

    Standard output that cannot be written (a full disk: ``newskit strip data/ >
    /dev/full``) is one line on stderr and exit status 1, not a traceback; what was
    buffered is dropped, so the interpreter's last flush fails no more. (click itself
    ends quietly on a closed pipe, ``| head``.)"""
    try:
        # (with standalone_mode off, click returns the status a command's ctx.exit gave)
        status = cli.main(args=list(argv) if argv is not None else None, prog_name="newskit", standalone_mode=False)
        sys.stdout.flush()
        if isinstance(status, int) and status:
            sys.exit(status)
    except click.exceptions.Exit as done:
        _flush_or_fail()
        sys.exit(done.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except NewskitError as exc:  # one the command did not turn into a message itself
        click.echo(f"newskit: {neutralise(str(exc))}", err=True)
        sys.exit(ExitCode.INPUT_ERROR)
    except click.Abort:  # Ctrl-C (click turns KeyboardInterrupt into Abort)
        _drop_stdout()
        click.echo("newskit: interrupted", err=True)
        sys.exit(ExitCode.INTERRUPTED)
    except OSError as exc:
        _output_failed(exc)


def _flush_or_fail() -> None:
    try:
        sys.stdout.flush()
    except OSError as exc:
        _output_failed(exc)


def _output_failed(exc: OSError) -> NoReturn:
    """Report an output that could not be written, drop what is buffered, exit 1."""
    if exc.errno == errno.EPIPE:  # the reader went away (`| head`): end quietly
        _drop_stdout()
        sys.exit(ExitCode.INPUT_ERROR)
    if exc.filename is not None:  # a file of the user's (`--out`), not standard output
        click.echo(f"newskit: cannot write {exc.filename}: {exc.strerror}", err=True)
    else:
        click.echo(f"newskit: cannot write the output: {exc.strerror or exc}", err=True)
    _drop_stdout()
    sys.exit(ExitCode.INPUT_ERROR)


def _drop_stdout() -> None:
    """Point standard output at the null device, so the buffered rest is never written."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no file descriptor (a test's captured stream)
        pass
