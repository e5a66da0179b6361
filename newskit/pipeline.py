"""The pipeline: read, parse and map over inputs, on one process or several.

Every command and library call that goes through many inputs uses this one loop,
:func:`map_sources`: each source (a file path, or ``-`` for standard input; folders are
expanded beforehand by :func:`newskit.reader.expand_inputs`) is read, decoded, parsed into
a :class:`~newskit.model.Document`, and handed to a function whose result is yielded, in
input order, whatever the number of processes::

    from functools import partial
    from newskit.pipeline import map_sources
    from newskit.reader import expand_inputs
    from newskit.strip import document_texts

    sources = list(expand_inputs(["big-folder/"]))
    for texts in map_sources(document_texts, sources, jobs=4):
        ...

- **One error path.** An input that cannot be read becomes an
  :class:`~newskit.errors.InputError`, given to ``on_error`` (or raised when there is
  none); the other inputs go on. ``on_warning`` hears of an input read but not parsed,
  because it looks like an HTML page (:data:`~newskit.reader.HTML_WARNING`: a document
  with no articles, every line removed as ``html-input``), ``on_decoded`` which encoding
  each input was read with, ``on_read`` how many articles it held. All four are called in
  this process, in input order.
- **Serial or on processes.** With ``jobs=1`` (or a single file) everything happens in
  this process. With more, a pool of worker processes reads and parses the files, handed
  their names a few at a time (:data:`CHUNK`), and sends back only the function's results;
  where worker processes cannot be started (no semaphores in some sandboxes), the work is
  done here. Ctrl-C is the main process's to handle: it ends the pool.
- **Memory stays flat.** Only a few chunks are in flight per worker (:data:`IN_FLIGHT`), so
  a slow reader of the results holds the workers back instead of piling results up.
- **Standard input** is read and parsed by this process, in its turn.

The function must be picklable (a module-level function, or a ``functools.partial`` of
one), and so must its results. :class:`Reader` bundles the settings of a reading (rules,
processes, callbacks) for library functions that read inputs, such as
:func:`newskit.ids.find_articles`. :func:`iter_documents`, :func:`iter_articles` and
:func:`parse_file` are the plain forms. :func:`fork_map` is the other half of working on
several processes: not inputs, but chunks of work on data this process already holds
(dedupe's candidate search), in forked children that see it without pickling.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from .engine import DaskEngine
from .errors import InputError
from .model import Article, Document, Kind, LineRecord, Reason
from .reader import HTML_WARNING, STDIN, Decoded, Records, container_kind, expand_inputs, read_source, record_of
from .rules import Rules, default_rules
from .splitting import AUTO, check_split

if TYPE_CHECKING:
    from .sitechrome import SiteChrome

T = TypeVar("T")
S = TypeVar("S")
C = TypeVar("C")

CHUNK = 8
"""At most this many files per task sent to a worker (at least, where the results stay on a
Dask cluster: see :data:`KEPT_TASKS`)."""

IN_FLIGHT = 4
"""Tasks in flight per worker: enough to keep every worker busy, few enough to bound memory."""

KEPT_TASKS = 64
"""Where the results stay on a Dask cluster (see :class:`Kept`), the inputs are cut into about
this many tasks a worker slot: more inputs make larger tasks, so the scheduler holds
thousands of tasks for any number of inputs, not one for each few."""

AUTO_FILES = 16
"""With this many input files or more, and no number of processes given, every CPU parses."""

TEXT_FIELD = "text"
"""The field of a JSON Lines record that holds its text, unless told (``--text-field``)."""


def cpu_count() -> int:
    """The number of CPUs this process may run on (at least 1)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def auto_jobs(files: int) -> int:
    """How many processes to parse ``files`` inputs with when the user did not say: one
    per CPU for a folder's worth of files, else one (starting the worker processes costs
    a few tenths of a second, more than a few files take to parse)."""
    return cpu_count() if files >= AUTO_FILES else 1


# --- reading one input ------------------------------------------------------------------


def parse_file(
    path: str | os.PathLike[str], rules: Rules | None = None, *, explain: bool = False, split: str = AUTO,
    now: dt.datetime | None = None, chrome: frozenset[str] = frozenset(), text_field: str = TEXT_FIELD,
) -> Document:
    """Read, decode and parse one file (``-`` for standard input, ``crawl.jsonl#17`` for a
    record of a crawl file); raises :class:`InputError`.
    With ``explain``, articles keep their title candidates; ``split`` says where the dump
    splits into articles, ``now`` resolves relative dates and ``chrome`` is the site chrome
    to remove (see :func:`newskit.parse.parse_text`); ``text_field`` names a JSON Lines
    record's text."""
    return _parse(read_source(os.fspath(path), text_field), rules, explain, split, now, chrome)


def _parse(
    decoded: Decoded, rules: Rules | None, explain: bool, split: str = AUTO, now: dt.datetime | None = None,
    chrome: frozenset[str] = frozenset(),
) -> Document:
    """The document of a decoded input; an HTML page is not parsed: it has no articles,
    and its lines are removed as ``html-input`` (titles made of tags help no one). A
    crawl record's metadata goes to each of its articles (``meta``)."""
    from .parse import parse_text, split_lines  # loaded when first needed: not at start-up

    if decoded.html:
        records = [LineRecord(no, line, Kind.REMOVED, Reason.HTML)
                   for no, line in enumerate(split_lines(decoded.text), 1)]
        return Document(decoded.source, len(records), chrome=records)
    doc = parse_text(decoded.text, decoded.source, rules, explain=explain, split=split, now=now, chrome=chrome)
    if decoded.meta:
        for article in doc.articles:
            article.meta = dict(decoded.meta)
    return doc


class _Outcome(NamedTuple):
    """One input, read and mapped: ``value``, ``encoding``, how many ``articles`` it
    held and a ``warning`` about it, or why it could not be read (``error``)."""

    source: str
    encoding: str = ""
    value: Any = None
    articles: int = 0
    error: str | None = None
    notes: tuple[str, ...] = ()
    warning: str | None = None
    site_chrome: int = 0  # lines removed as site chrome


Chrome = dict[str, frozenset[str]]
"""The site chrome of the documents of one input, by their source (a plain file's is the
file's own; a crawl file's, each record's)."""


def _run(
    fn: Callable[[Document], Any], source: str, rules: Rules, explain: bool = False, split: str = AUTO,
    now: dt.datetime | None = None, chrome: Chrome | None = None, decoded: Decoded | None = None,
    text_field: str = TEXT_FIELD,
) -> list[_Outcome]:
    """Read (unless ``decoded`` is given), parse and map one input: one outcome, or one a
    record for a crawl file; one that cannot be read is an outcome with ``error``.
    ``chrome``: the site chrome of its documents (see :mod:`newskit.sitechrome`)."""
    chrome = chrome or {}
    if decoded is None and container_kind(source) and record_of(source) is None:
        return _run_records(fn, source, rules, explain, split, now, chrome, text_field)
    if decoded is None:
        try:
            decoded = read_source(source, text_field)
        except InputError as exc:
            return [_Outcome(exc.source, error=exc.reason)]
    return [_outcome(fn, decoded, rules, explain, split, now, chrome.get(decoded.source, frozenset()))]


def _outcome(
    fn: Callable[[Document], Any], decoded: Decoded, rules: Rules, explain: bool, split: str,
    now: dt.datetime | None, chrome: frozenset[str], notes: tuple[str, ...] = (),
) -> _Outcome:
    doc = _parse(decoded, rules, explain, split, now, chrome)
    warning = HTML_WARNING if decoded.html else None
    removed = sum(1 for r in doc.records() if r.rule == Reason.SITE_CHROME) if chrome else 0
    return _Outcome(decoded.source, decoded.encoding, fn(doc), len(doc.articles), notes=(*notes, *doc.notes),
                    warning=warning, site_chrome=removed)


def _run_records(
    fn: Callable[[Document], Any], source: str, rules: Rules, explain: bool, split: str,
    now: dt.datetime | None, chrome: Chrome, text_field: str,
) -> list[_Outcome]:
    """The outcomes of a crawl file's records, in order (see :class:`newskit.reader.Records`);
    a record that cannot be read is an outcome with ``error``, and the others go on."""
    records = Records(source, text_field)
    out: list[_Outcome] = []
    for item in records:
        if isinstance(item, InputError):
            out.append(_Outcome(item.source, error=item.reason))
        else:
            out.append(_outcome(fn, item, rules, explain, split, now, chrome.get(item.source, frozenset())))
    if records.empty:
        note = f"{records.empty} record{'s' if records.empty != 1 else ''} with no text left out"
        if out and out[-1].error is None:
            out[-1] = out[-1]._replace(notes=(*out[-1].notes, note))
        else:
            out.append(_Outcome(source, notes=(note,), value=_NO_VALUE))
    return out


_NO_VALUE = object()
"""The value of an outcome that only carries notes (a crawl file with no record read)."""


def _chrome_of(learned: SiteChrome | None) -> Callable[[str], Chrome]:
    """For each input, the site chrome of its documents (a crawl file's, by record)."""
    if learned is None or not learned.chrome:
        return lambda source: {}
    records: dict[str, Chrome] = {}
    for key, texts in learned.chrome.items():
        record = record_of(key)
        if record is not None:
            records.setdefault(record[0], {})[key] = texts
    return lambda source: records.get(source) or {source: learned.of(source)}


# --- the loop ---------------------------------------------------------------------------


def map_sources(
    fn: Callable[[Document], T],
    sources: Sequence[str],
    rules: Rules | None = None,
    *,
    jobs: int | None = 1,
    on_error: Callable[[InputError], None] | None = None,
    on_decoded: Callable[[str, str], None] | None = None,
    on_read: Callable[[str, int], None] | None = None,
    on_note: Callable[[str, str], None] | None = None,
    explain: bool = False,
    split: str = AUTO,
    on_warning: Callable[[str, str], None] | None = None,
    now: dt.datetime | None = None,
    site_chrome: bool = False,
    on_site_chrome: Callable[[SiteChrome, int], None] | None = None,
    text_field: str = TEXT_FIELD,
    engine: DaskEngine | None = None,
    kept: Kept | None = None,
) -> Iterator[T]:
    """``fn(document)`` for every one of ``sources`` (files or ``-``), in input order.

    An input that cannot be read goes to ``on_error`` (or is raised if it is None);
    ``on_warning(source, message)`` hears of an input that looks like HTML (its document
    has no articles), ``on_decoded(source, encoding)`` which encoding was used and
    ``on_read(source, articles)`` how many articles the input held, just before its result
    is yielded; ``on_note(source, note)`` hears the parser's notes on it
    (:attr:`~newskit.model.Document.notes`). ``split`` says where each dump splits into
    articles (see :func:`newskit.parse.parse_text`; checked first: a bad pattern is a
    :class:`~newskit.errors.SplitError`); ``now`` is the reference time relative dates are
    resolved against (see :func:`newskit.parse.parse_text`). ``jobs`` is the number of
    processes to parse with (0: one per CPU; None: :func:`auto_jobs`); the results are the
    same whatever it is. With ``explain``, the articles keep their title candidates (in
    this process only: ``jobs`` is then 1).

    With ``site_chrome``, the inputs are read twice: once to learn the lines that recur on
    the pages of each site (:mod:`newskit.sitechrome`), then to parse each with its site's
    chrome removed (standard input is read once and kept in memory). ``on_site_chrome``
    then hears, after the last input, what was learned and how many lines were removed.

    A crawl file (JSON Lines, ``*.jsonl``; Common Crawl WET, ``*.warc.wet.gz``; see
    :class:`newskit.reader.Records`) is a document per record, each with its own source
    (``crawl.jsonl#17``): ``fn`` is called, and the callbacks hear, once per record.
    ``text_field`` names the field of a JSON Lines record that holds its text.

    With an ``engine`` (:class:`newskit.engine.DaskEngine`), the inputs are read and parsed
    on its cluster's workers instead of this machine's processes (``jobs`` is then not
    used); the results, and so the output, are the same. With ``kept`` as well, part of
    each result stays on the cluster (see :class:`Kept`): what is yielded is the part
    that comes back.
    """
    rules = rules or default_rules()
    check_split(split)
    sources = list(sources)
    files = sum(1 for s in sources if s != STDIN)
    if jobs is None:
        jobs = auto_jobs(len(sources))
    jobs = min(cpu_count() if jobs <= 0 else jobs, files)
    learned: SiteChrome | None = None
    stdin = None
    chrome_of = _chrome_of(None)
    if site_chrome:
        if STDIN in sources:
            try:
                stdin = read_source(STDIN)
            except InputError:
                stdin = None  # reported in its turn, below
        learned = _learn(sources, rules, jobs, split, now, stdin, text_field, engine)
        chrome_of = _chrome_of(learned)
    if engine is not None and not explain:
        outcomes: Iterator[_Outcome] = _on_cluster(engine, fn, sources, rules, split, now, chrome_of, stdin, text_field,
                                                   kept)
    elif jobs <= 1 or explain:
        outcomes = (
            outcome
            for source in sources
            for outcome in _run(fn, source, rules, explain, split, now, chrome_of(source),
                                stdin if source == STDIN else None, text_field)
        )
    else:
        outcomes = _pooled(fn, sources, rules, jobs, split, now, chrome_of, stdin, text_field)
    removed = 0
    for outcome in outcomes:
        removed += outcome.site_chrome
        if outcome.error is not None:
            exc = InputError(outcome.source, outcome.error)
            if on_error is None:
                raise exc
            on_error(exc)
            continue
        _hear(outcome, on_warning, on_decoded, on_note)
        if outcome.value is _NO_VALUE:
            continue
        if on_read is not None:
            on_read(outcome.source, outcome.articles)
        yield outcome.value
    if learned is not None and on_site_chrome is not None:
        on_site_chrome(learned, removed)


def _hear(
    outcome: _Outcome,
    on_warning: Callable[[str, str], None] | None,
    on_decoded: Callable[[str, str], None] | None,
    on_note: Callable[[str, str], None] | None,
) -> None:
    """Tell the callbacks of :func:`map_sources` what is known of an input read."""
    if outcome.warning is not None and on_warning is not None:
        on_warning(outcome.source, outcome.warning)
    if on_decoded is not None and outcome.value is not _NO_VALUE:
        on_decoded(outcome.source, outcome.encoding)
    if on_note is not None:
        for note in outcome.notes:
            on_note(outcome.source, note)


def _learn(
    sources: list[str], rules: Rules, jobs: int, split: str, now: dt.datetime | None, stdin: Decoded | None,
    text_field: str = TEXT_FIELD, engine: DaskEngine | None = None,
) -> SiteChrome:
    """The first pass of ``site_chrome``: every input parsed and summed up, then the chrome
    of each site learned (inputs that cannot be read are left out; the second pass reports them)."""
    from .sitechrome import learn, page_lines  # with the parser's weights: not loaded at start-up

    if engine is not None:
        outcomes: Iterable[_Outcome] = _on_cluster(engine, page_lines, sources, rules, split, now, _chrome_of(None),
                                                   stdin, text_field)
    elif jobs <= 1:
        outcomes = (
            outcome
            for source in sources
            for outcome in _run(page_lines, source, rules, split=split, now=now,
                                decoded=stdin if source == STDIN else None, text_field=text_field)
        )
    else:
        outcomes = _pooled(page_lines, sources, rules, jobs, split, now, stdin=stdin, text_field=text_field)
    return learn(o.value for o in outcomes if o.error is None and o.value is not _NO_VALUE)


def _pooled(
    fn: Callable[[Document], Any], sources: list[str], rules: Rules, jobs: int, split: str = AUTO,
    now: dt.datetime | None = None, chrome_of: Callable[[str], Chrome] | None = None,
    stdin: Decoded | None = None, text_field: str = TEXT_FIELD,
) -> Iterator[_Outcome]:
    """The outcomes of ``sources`` in order, the files parsed by ``jobs`` worker processes."""
    chrome_of = chrome_of or _chrome_of(None)
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
        yield from (
            outcome
            for source in sources
            for outcome in _run(fn, source, rules, split=split, now=now, chrome=chrome_of(source),
                                decoded=stdin if source == STDIN else None, text_field=text_field)
        )
        return
    with pool:
        for task in tasks:
            if task[0] == STDIN:
                pending.append(_run(fn, STDIN, rules, split=split, now=now, chrome=chrome_of(STDIN), decoded=stdin))
            else:
                chrome = {source: chrome_of(source) for source in task}
                pending.append(pool.apply_async(_run_chunk, (fn, task, split, now, chrome, text_field)))
            while len(pending) >= jobs * IN_FLIGHT:
                yield from _get(pending.popleft())
        while pending:
            yield from _get(pending.popleft())


def _get(item: Any) -> list[_Outcome]:
    return item if isinstance(item, list) else item.get()


_worker_rules: Rules | None = None


def _init_worker(rules: Rules) -> None:
    """In a worker: Ctrl-C is the parent's to handle (it ends the pool); keep the rules."""
    global _worker_rules
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker_rules = rules


def _run_chunk(
    fn: Callable[[Document], Any], sources: list[str], split: str = AUTO, now: dt.datetime | None = None,
    chrome: dict[str, Chrome] | None = None, text_field: str = TEXT_FIELD,
) -> list[_Outcome]:
    rules = _worker_rules or default_rules()
    chrome = chrome or {}
    return [outcome for source in sources
            for outcome in _run(fn, source, rules, split=split, now=now, chrome=chrome.get(source),
                                text_field=text_field)]


def _on_cluster(
    engine: DaskEngine, fn: Callable[[Document], Any], sources: list[str], rules: Rules, split: str,
    now: dt.datetime | None, chrome_of: Callable[[str], Chrome], stdin: Decoded | None, text_field: str,
    kept: Kept | None = None,
) -> Iterator[_Outcome]:
    """The outcomes of ``sources`` in order, the files read and parsed on ``engine``'s
    workers; standard input, read here, goes to a worker as text. With ``kept``, the
    values are cut in two on the workers (see :class:`Kept`)."""
    failed = _Outcome(STDIN, error="not read")
    if STDIN in sources and stdin is None:
        try:
            stdin = read_source(STDIN)
        except InputError as exc:
            failed = _Outcome(exc.source, error=exc.reason)
    chunks: list[tuple[list[str], dict[str, Chrome], Decoded | None]] = []
    size = CHUNK  # results that stay there need not come back in small pieces: fewer, larger tasks
    if kept is not None:
        size = max(CHUNK, -(-len(sources) // (engine.slots() * KEPT_TASKS)))
    for source in sources:
        if not chunks or len(chunks[-1][0]) >= size or source == STDIN:
            chunks.append(([], {}, None))
        chunks[-1][0].append(source)
        chunks[-1][1][source] = chrome_of(source)
        if source == STDIN:
            chunks[-1] = (chunks[-1][0], chunks[-1][1], stdin)
    settings = (fn, rules, split, now, text_field)
    results: Iterator[Any]
    if kept is None:
        results = engine.map_ordered(_cluster_chunk, chunks, settings)
    else:
        results = engine.map_kept(_cluster_chunk, partial(_part_outcomes, part=kept.part), chunks, settings)
    for chunk, result in zip(chunks, results, strict=True):
        outcomes = result
        if kept is not None:
            outcomes, heavy = result
            kept.chunks.append((heavy, sum(kept.weigh(o.value) for o in outcomes
                                           if o.error is None and o.value is not _NO_VALUE)))
        if STDIN in chunk[0] and chunk[2] is None:  # standard input could not be read
            outcomes = [failed if o.source == STDIN else o for o in outcomes]
        yield from outcomes


@dataclass(slots=True)
class Kept:
    """Values that stay on a Dask cluster: ``part(value)`` is made on the worker, for the
    value of each input, giving what comes back (what :func:`map_sources` yields) and what
    stays. ``chunks`` gets, for each task in input order, the future of the list of what
    stayed of its inputs' values, and the sum of ``weigh`` over what came back of them (for
    dedupe, how many articles the task's inputs held)."""

    part: Callable[[Any], tuple[Any, Any]]
    weigh: Callable[[Any], int] = len
    chunks: list[tuple[Any, int]] = field(default_factory=list)


def _part_outcomes(
    outcomes: list[_Outcome], part: Callable[[Any], tuple[Any, Any]]
) -> tuple[list[_Outcome], list[Any]]:
    """On a worker: the outcomes with each value's first part, and the list of the second parts."""
    light: list[_Outcome] = []
    heavy: list[Any] = []
    for o in outcomes:
        if o.error is None and o.value is not _NO_VALUE:
            first, second = part(o.value)
            light.append(o._replace(value=first))
            heavy.append(second)
        else:
            light.append(o)
    return light, heavy


def _cluster_chunk(
    chunk: tuple[list[str], dict[str, Chrome], Decoded | None],
    settings: tuple[Callable[[Document], Any], Rules, str, dt.datetime | None, str],
) -> list[_Outcome]:
    """On a cluster's worker: read, parse and map a chunk of inputs (see :func:`_on_cluster`)."""
    sources, chrome, stdin = chunk
    fn, rules, split, now, text_field = settings
    out: list[_Outcome] = []
    for source in sources:
        if source == STDIN and stdin is None:
            out.append(_Outcome(STDIN))  # replaced by the driver's error
            continue
        out.extend(_run(fn, source, rules, split=split, now=now, chrome=chrome.get(source),
                        decoded=stdin if source == STDIN else None, text_field=text_field))
    return out


# --- a reading's settings ---------------------------------------------------------------


def _document(doc: Document) -> Document:
    return doc


@dataclass(slots=True)
class Reader:
    """How to read inputs: the rules, the number of processes (``jobs``; 0: one per CPU;
    None: :func:`auto_jobs`), who hears of each input, where dumps split into articles
    (``split``), the reference time of relative dates (``now``) and whether site chrome is
    learned from the inputs first (``site_chrome``, ``on_site_chrome``; see :func:`map_sources`).

    Library functions that read inputs take one, so that a caller can decide how: the
    command line's reader adds a progress bar and the messages on stderr.
    """

    rules: Rules | None = None
    jobs: int | None = 1
    on_error: Callable[[InputError], None] | None = None
    on_decoded: Callable[[str, str], None] | None = None
    on_read: Callable[[str, int], None] | None = None
    on_note: Callable[[str, str], None] | None = None
    split: str = AUTO
    on_warning: Callable[[str, str], None] | None = None
    now: dt.datetime | None = None
    site_chrome: bool = False
    on_site_chrome: Callable[[SiteChrome, int], None] | None = None
    text_field: str = TEXT_FIELD  # the text of a JSON Lines record
    engine: DaskEngine | None = None  # parse on a Dask cluster (see newskit.engine)

    def map(
        self, fn: Callable[[Document], T], sources: Sequence[str], *, one_process: bool = False,
        explain: bool = False, kept: Kept | None = None,
    ) -> Iterator[T]:
        """:func:`map_sources` with these settings; ``one_process`` when ``fn``'s results
        are whole documents or articles, which cost more to send between processes than
        to parse; ``explain`` to keep the articles' title candidates."""
        return map_sources(
            fn,
            sources,
            self.rules,
            jobs=1 if one_process else self.jobs,
            on_error=self.on_error,
            on_decoded=self.on_decoded,
            on_read=self.on_read,
            on_note=self.on_note,
            explain=explain,
            split=self.split,
            on_warning=self.on_warning,
            now=self.now,
            site_chrome=self.site_chrome,
            on_site_chrome=self.on_site_chrome,
            text_field=self.text_field,
            engine=None if one_process else self.engine,
            kept=kept,
        )

    def documents(self, sources: Sequence[str], *, explain: bool = False) -> Iterator[Document]:
        """Every source parsed, in order, in this process (``explain``: see :meth:`map`)."""
        return self.map(_document, sources, one_process=True, explain=explain)

    def articles(self, sources: Sequence[str], *, explain: bool = False) -> Iterator[Article]:
        """Every article of every source, in order, parsed in this process (``explain``: see :meth:`map`)."""
        return (article for doc in self.documents(sources, explain=explain) for article in doc.articles)


# --- the plain forms --------------------------------------------------------------------


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
    sources = list(expand_inputs(args, pattern, on_error=on_error))
    yield from Reader(rules, 1, on_error, on_decoded).documents(sources)


def iter_articles(
    args: list[str] | tuple[str, ...],
    pattern: str = "*.txt",
    rules: Rules | None = None,
    on_error: Callable[[InputError], None] | None = None,
) -> Iterator[Article]:
    """Every article of every input, in input order."""
    for doc in iter_documents(args, pattern, rules, on_error):
        yield from doc.articles


# --- work on data in memory, in forked processes ----------------------------------------

_forked: tuple[Callable[[Any, Any], Any], Any] | None = None  # what forked children work on


def fork_map(func: Callable[[S, C], T], shared: S, chunks: Iterable[C]) -> list[T]:
    """``func(shared, chunk)`` for each chunk, one forked process each, results in order.

    The children see ``shared`` as this process holds it (forked memory, copied only where
    written), so it is never pickled; the chunks and results are. Where processes cannot
    be forked (not Linux-like, or no semaphores), everything runs in this process. Ctrl-C
    is this process's to handle: it ends the children.
    """
    global _forked
    chunks = list(chunks)
    if len(chunks) < 2 or "fork" not in multiprocessing.get_all_start_methods():  # noqa: PLR2004 (one chunk: no fork)
        return [func(shared, chunk) for chunk in chunks]
    _forked = (func, shared)
    try:
        try:
            pool = multiprocessing.get_context("fork").Pool(len(chunks), initializer=_ignore_sigint)
        except OSError:  # no process semaphores here
            return [func(shared, chunk) for chunk in chunks]
        with pool:
            return pool.map(_call_forked, chunks)
    finally:
        _forked = None


def _ignore_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _call_forked(chunk: Any) -> Any:
    assert _forked is not None
    func, shared = _forked
    return func(shared, chunk)
