"""Parsing on several processes, results in input order.

:func:`map_documents` reads and parses inputs as :func:`newskit.parser.iter_documents`
does, applies a function to each :class:`~newskit.model.Document` and yields the results
in input order, whatever the number of processes. With ``jobs=1`` (or a single input)
everything happens in this process; with more, a pool of worker processes reads and
parses the files, and this process only receives the results::

    from functools import partial
    from newskit.parallel import map_documents
    from newskit.strip import document_texts

    for texts in map_documents(partial(document_texts), ["big-folder/"], jobs=4):
        ...

Memory stays flat: workers are given file paths, not text, and only a few chunks of
inputs are in flight at a time, so a slow reader of the results holds the workers back
instead of piling results up. Standard input (``-``) is read and parsed here, in turn.
``fn`` must be picklable (a module-level function, or a ``functools.partial`` of one),
and so must its results.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from typing import Any, NamedTuple, TypeVar

from .errors import InputError
from .model import Document
from .parser import parse_text
from .reader import STDIN, expand_inputs, read_source
from .rules import Rules, default_rules

T = TypeVar("T")

CHUNK = 8
"""At most this many files per task sent to a worker."""

IN_FLIGHT = 4
"""Tasks in flight per worker: enough to keep every worker busy, few enough to bound memory."""


class _Outcome(NamedTuple):
    """One input, read and mapped: ``value`` and ``encoding``, or why it could not be read."""

    source: str
    encoding: str = ""
    value: Any = None
    error: str | None = None


_worker_rules: Rules | None = None


AUTO_FILES = 16
"""With this many input files or more, and no -j given, parsing runs on every CPU."""


def auto_jobs(files: int) -> int:
    """How many processes to parse ``files`` inputs with when the user did not say: one
    per CPU for a folder's worth of files, else one (starting the worker processes costs
    a few tenths of a second, more than a few files take to parse)."""
    return cpu_count() if files >= AUTO_FILES else 1


def cpu_count() -> int:
    """The number of CPUs this process may run on (at least 1)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def map_documents(
    fn: Callable[[Document], T],
    args: Sequence[str],
    pattern: str = "*.txt",
    rules: Rules | None = None,
    *,
    jobs: int = 1,
    on_error: Callable[[InputError], None] | None = None,
    on_decoded: Callable[[str, str], None] | None = None,
) -> Iterator[T]:
    """``fn(document)`` for every input named by ``args``, in input order.

    Inputs are found, read and reported as by :func:`~newskit.parser.iter_documents`:
    one that cannot be read goes to ``on_error`` (or is raised if it is None), and
    ``on_decoded(source, encoding)`` hears which encoding was used; both are called in
    this process, in input order. ``jobs`` is the number of processes to parse with
    (0: one per CPU); the results are the same whatever it is.
    """
    rules = rules or default_rules()
    sources = list(expand_inputs(list(args), pattern))
    jobs = cpu_count() if jobs <= 0 else jobs
    jobs = min(jobs, sum(1 for s in sources if s != STDIN))
    if jobs <= 1:
        outcomes: Iterator[_Outcome] = (_run(fn, source, rules) for source in sources)
    else:
        outcomes = _pooled(fn, sources, rules, jobs)
    for outcome in outcomes:
        if outcome.error is not None:
            exc = InputError(outcome.source, outcome.error)
            if on_error is None:
                raise exc
            on_error(exc)
            continue
        if on_decoded is not None:
            on_decoded(outcome.source, outcome.encoding)
        yield outcome.value


def _run(fn: Callable[[Document], Any], source: str, rules: Rules) -> _Outcome:
    """Read, parse and map one input; one that cannot be read is an outcome with ``error``."""
    try:
        decoded = read_source(source)
    except InputError as exc:
        return _Outcome(exc.source, error=exc.reason)
    doc = parse_text(decoded.text, decoded.source, rules)
    return _Outcome(decoded.source, decoded.encoding, fn(doc))


def _pooled(
    fn: Callable[[Document], Any], sources: list[str], rules: Rules, jobs: int
) -> Iterator[_Outcome]:
    """The outcomes of ``sources`` in order, the files parsed by ``jobs`` worker processes."""
    files = sum(1 for s in sources if s != STDIN)
    size = max(1, min(CHUNK, files // (jobs * IN_FLIGHT)))
    tasks: list[list[str]] = []
    for source in sources:  # stdin is a task of its own, run here
        if source == STDIN or not tasks or len(tasks[-1]) >= size or tasks[-1][0] == STDIN:
            tasks.append([source])
        else:
            tasks[-1].append(source)
    pending: deque[Any] = deque()
    try:
        pool = multiprocessing.Pool(jobs, initializer=_init_worker, initargs=(rules,))
    except OSError:  # no process semaphores here (some sandboxes and containers): one process
        yield from (_run(fn, source, rules) for source in sources)
        return
    with pool:
        for task in tasks:
            if task[0] == STDIN:
                pending.append([_run(fn, STDIN, rules)])
            else:
                pending.append(pool.apply_async(_run_chunk, (fn, task)))
            while len(pending) >= jobs * IN_FLIGHT:
                yield from _get(pending.popleft())
        while pending:
            yield from _get(pending.popleft())


def _get(item: Any) -> list[_Outcome]:
    return item if isinstance(item, list) else item.get()


def _init_worker(rules: Rules) -> None:
    """In a worker: Ctrl-C is the parent's to handle (it ends the pool); keep the rules."""
    global _worker_rules
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker_rules = rules


def _run_chunk(fn: Callable[[Document], Any], sources: list[str]) -> list[_Outcome]:
    rules = _worker_rules or default_rules()
    return [_run(fn, source, rules) for source in sources]
