"""Output for the command line: listings, styled text, JSON, progress and messages.

Every command writes through this module, so that they all behave the same way:

- **stdout carries data only.** Messages, warnings and progress go to stderr
  (:class:`Messages`, :class:`Progress`); ``-q`` silences all but errors.
- **The terminal changes decoration, not content.** :func:`write_rows` draws a rich table
  when stdout is a terminal and no format was asked for; when piped it writes the same
  columns as tab-separated lines, one per row, *without* a header line, so that
  ``| head -1`` gives the first row, ``| wc -l`` counts rows and ``| cut -f1`` gives the
  first column. ``--json``, ``--jsonl`` and ``--csv`` (declared by :func:`output_options`)
  always win. Rows come out in the order given.
- **Untrusted text stays text.** Text from the dumps is printed with markup disabled
  (``rich.text.Text``), and on a terminal every control character except tab and newline
  (C0, DEL, C1: the ESC that starts an ANSI escape sequence among them) is replaced by
  U+FFFD, so an input line cannot move the cursor, change colours or retitle the window.
  Values in a table or in tab-separated rows are neutralised the same way whatever the
  destination (and tabs and line breaks in them become spaces), since there they can
  only corrupt a row; JSON escapes control characters; plain text and CSV sent to a pipe
  or a file are written exactly as they are.
- ``NO_COLOR`` is honoured (rich reads it): no colours, same content.

This module is *how* the output layer writes; :mod:`newskit.render` is *what* each command
shows, built on it. Both are the CLI side: the library (reading, parsing, stripping, dedupe,
diff) never imports them.
"""

from __future__ import annotations

import csv
import functools
import json
import re
import sys
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

import click

if TYPE_CHECKING:  # rich is loaded when something is drawn on a terminal, not at start-up
    from rich.console import Console
    from rich.progress import Progress as RichProgress
    from rich.table import Table

FORMATS = ("json", "jsonl", "csv")
"""The explicit output formats of a listing, as given to :func:`write_rows`."""

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_C1 = re.compile(r"[\x7f-\x9f]")
_TSV_BREAKS = str.maketrans({"\t": " ", "\n": " ", "\r": " "})

F = TypeVar("F", bound=Callable[..., Any])


def neutralise(text: str) -> str:
    """Replace control characters other than tab and newline by U+FFFD.

    This covers ESC, so an ANSI escape sequence in the input shows up as ``�[31m``
    instead of acting on the terminal.
    """
    return _CONTROL.sub("\ufffd", text)


def stdout_is_terminal() -> bool:
    """Whether stdout is a terminal (the one place that decides; tests replace it)."""
    return sys.stdout.isatty()


def stderr_is_terminal() -> bool:
    return sys.stderr.isatty()


def _console(*, stderr: bool = False) -> Console:
    from rich.console import Console

    return Console(
        stderr=stderr,
        force_terminal=True,  # the caller has decided it is one (or a test says so)
        markup=False,
        emoji=False,
        highlight=False,
    )


def terminal_console() -> Console:
    """A rich console on stdout, markup off, for a command that found stdout is a terminal
    (:func:`stdout_is_terminal`) and draws more than a table (e.g. ``diff``)."""
    return _console()


# --- the format flags ----------------------------------------------------------------


def output_options(fn: F) -> F:
    """Add ``--json``, ``--jsonl`` and ``--csv`` to a listing command.

    The decorated function receives one keyword argument ``fmt`` instead of the three
    flags: ``"json"``, ``"jsonl"``, ``"csv"`` or ``None`` (a table on a terminal,
    tab-separated lines otherwise); pass it on to :func:`write_rows`. Two of the flags
    together are a usage error (exit status 2). Use it below ``@cli.command()``::

        @cli.command()
        @click.argument("paths", nargs=-1)
        @output_options
        def dedupe(paths, fmt):
            write_rows(find_groups(paths), ["group", "id", "title", "source"], fmt)
    """

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        chosen = [name for name in FORMATS if kwargs.pop(f"as_{name}")]
        if len(chosen) > 1:
            flags = " and ".join(f"--{name}" for name in chosen)
            raise click.UsageError(f"{flags} cannot be used together: choose one output format.")
        return fn(*args, fmt=chosen[0] if chosen else None, **kwargs)

    helps = {
        "json": "Write a JSON array of objects.",
        "jsonl": "Write JSON lines: one object per line.",
        "csv": "Write CSV with a header row.",
    }
    for name in reversed(FORMATS):
        wrapper = click.option(f"--{name}", f"as_{name}", is_flag=True, help=helps[name])(wrapper)
    return wrapper  # type: ignore[return-value]


# --- listings ------------------------------------------------------------------------


def write_rows(
    rows: Iterable[Mapping[str, object]],
    columns: Sequence[str],
    fmt: str | None = None,
) -> int:
    """Write ``rows`` (mappings with the keys ``columns``) to stdout; return how many.

    ``fmt`` is ``"json"`` (an array, one object per line inside it), ``"jsonl"``,
    ``"csv"`` (a header row, then one row each) or ``None``: a rich table when stdout is
    a terminal, otherwise tab-separated lines with no header (``None`` as an empty
    field; tabs and line breaks inside a value become spaces). Columns come in the order
    of ``columns``; rows in the order given. Except for the table, rows are written as
    they come, so a long listing streams and ``| head`` stops it early.
    """
    if fmt is not None and fmt not in FORMATS:
        raise ValueError(f"unknown output format {fmt!r}")
    terminal = stdout_is_terminal()
    out = sys.stdout
    count = 0
    if fmt is None and terminal:
        materialised = list(rows)
        if materialised:
            console = _console()
            console.print(_table(materialised, columns, console.width))
        return len(materialised)
    if fmt == "json":
        out.write("[")
        for row in rows:
            out.write(("\n" if count == 0 else ",\n") + json_dumps(_pick(row, columns)))
            count += 1
        out.write("\n]\n" if count else "]\n")
    elif fmt == "jsonl":
        for row in rows:
            out.write(json_dumps(_pick(row, columns)) + "\n")
            count += 1
    elif fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            values = ["" if row[c] is None else str(row[c]) for c in columns]
            writer.writerow([neutralise(v) for v in values] if terminal else values)
            count += 1
    else:
        for row in rows:
            out.write("\t".join(one_line(row[c]) for c in columns) + "\n")
            count += 1
    return count


def _pick(row: Mapping[str, object], columns: Sequence[str]) -> dict[str, object]:
    return {c: row[c] for c in columns}


def one_line(value: object) -> str:
    """A value as one line of safe text: tabs and line breaks as spaces, controls neutralised."""
    return "" if value is None else neutralise(str(value).translate(_TSV_BREAKS))


_SHORT_VALUE = 16  # a column whose values are this short (ids, dates, numbers) keeps its width


def _table(rows: list[Mapping[str, object]], columns: Sequence[str], width: int) -> Table:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    table = Table(box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False)
    spec = []
    for c in columns:
        values = [str(r[c]) for r in rows if r[c] is not None]
        numeric = all(isinstance(r[c], int | float) for r in rows if r[c] is not None)
        longest = max([len(c), *(len(v) for v in values)])
        spec.append((c, numeric, longest))
    # Short values (ids, dates, numbers) keep their width while long ones (titles, paths)
    # fold, if the terminal has room for that; otherwise every column folds. Nothing is
    # cut off either way.
    short = sum(longest + 3 for _, _, longest in spec if longest <= _SHORT_VALUE)
    keep = short + 20 * sum(1 for *_, longest in spec if longest > _SHORT_VALUE) <= width
    for c, numeric, longest in spec:
        table.add_column(
            c,
            justify="right" if numeric else "left",
            overflow="fold",
            min_width=longest if keep and longest <= _SHORT_VALUE else None,
        )
    for r in rows:  # (a value may come as rich Text already: styled, made safe by its maker)
        table.add_row(*(v if isinstance(v := r[c], Text) else Text(one_line(v)) for c in columns))
    return table


def json_dumps(obj: object, *, indent: int | None = None) -> str:
    """JSON text of ``obj``: UTF-8 kept as is, but C1 controls and DEL escaped too.

    ``json`` escapes C0 controls itself; escaping DEL and C1 (valid JSON either way)
    keeps the output safe to show on a terminal without changing what it decodes to.
    """
    text = json.dumps(obj, ensure_ascii=False, indent=indent)
    return _C1.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def write_json(obj: object) -> None:
    """Write ``obj`` as indented JSON and a newline to stdout."""
    sys.stdout.write(json_dumps(obj, indent=2) + "\n")


# --- text ------------------------------------------------------------------------------


class TextOut:
    """Plain text to stdout: exactly as given in a pipe, neutralised on a terminal."""

    def __init__(self) -> None:
        self.terminal = stdout_is_terminal()

    def write(self, text: str) -> None:
        sys.stdout.write(neutralise(text) if self.terminal else text)


def write_lines(lines: Iterable[tuple[str, str]]) -> None:
    """Write ``(text, style)`` lines to stdout: styled by rich on a terminal, plain otherwise.

    ``style`` is a rich style name ("" for none). Text is never read as markup.
    """
    if stdout_is_terminal():
        from rich.text import Text

        console = _console()
        for text, style in lines:
            console.print(Text(neutralise(text), style=style or ""))
    else:
        sys.stdout.writelines(text + "\n" for text, _ in lines)


# --- stderr ------------------------------------------------------------------------------


@dataclass(slots=True)
class Messages:
    """What a command says on stderr: errors always, warnings unless quiet, notes if verbose.

    Every line starts with ``newskit:`` and is neutralised (file names are untrusted too).
    """

    quiet: bool = False
    verbose: bool = False

    def _say(self, text: str) -> None:
        sys.stderr.write(f"newskit: {neutralise(text)}\n")
        sys.stderr.flush()

    def error(self, text: str) -> None:
        self._say(text)

    def warn(self, text: str) -> None:
        if not self.quiet:
            self._say(text)

    def note(self, text: str) -> None:
        if self.verbose and not self.quiet:
            self._say(text)

    def progress(self, total: int, label: str, *, enabled: bool = True) -> Progress:
        """A :class:`Progress` that shows only on a terminal and when not quiet."""
        return Progress(total, label, enabled=enabled and not self.quiet and stderr_is_terminal())


class Progress:
    """A progress bar on stderr for long runs.

    Nothing is drawn until the run has taken ``delay`` seconds (short runs stay silent)
    or when ``enabled`` is false; the bar clears itself at the end. Use it as a context
    manager and call :meth:`advance` once per item.
    """

    delay = 1.0

    def __init__(self, total: int, label: str, *, enabled: bool) -> None:
        self.total = total
        self.label = label
        self.enabled = enabled
        self.done = 0
        self._start = time.monotonic()
        self._bar: RichProgress | None = None
        self._task: Any = None

    def advance(self) -> None:
        self.done += 1
        if self._bar is None:
            if not self.enabled or self.done >= self.total:
                return
            if time.monotonic() - self._start < self.delay:
                return
            from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeRemainingColumn
            from rich.progress import Progress as RichProgress

            self._bar = RichProgress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                console=_console(stderr=True),
                transient=True,
                redirect_stdout=False,  # stdout is data; never route it through the bar
            )
            self._bar.start()
            self._task = self._bar.add_task(self.label, total=self.total, completed=self.done)
        else:
            self._bar.update(self._task, completed=self.done)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
