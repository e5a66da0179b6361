"""The corpus index: parsed articles kept in one SQLite file, refreshed file by file.

Parsing is what every command spends its time on; the index does it once. ``newskit
index`` parses inputs into a database (stdlib :mod:`sqlite3`, one file); ``list``,
``show``, ``diff``, ``dedupe`` and ``search`` then read the database, after parsing again only the
files that changed since (as ``git status`` looks at the work tree before it answers)::

    from newskit.index import Index
    from newskit.pipeline import Reader
    from newskit.reader import expand_inputs

    sources = list(expand_inputs(["crawl/"]))
    with Index.open("crawl/.newskit.db") as index:
        summary = index.refresh(sources, ["crawl/"], Reader())
        for row in index.list_rows(sources):
            ...

- **Incremental.** A file is known by its absolute path, size, modification time and a
  hash of its bytes (BLAKE2b). A file whose size and time are those stored is not read;
  one whose bytes are those stored is not parsed again (its new time is stored); any other
  is parsed and its articles replace the stored ones. A stored file under the roots given
  that the inputs no longer hold (deleted, or no longer matching ``--glob``) is removed
  with its articles. A file written while the run was going on is stored without a hash,
  so the next run parses it again (git's "racy" files).
- **What was in force.** Each file row holds the key of the parser (the package's version
  and a hash of its code and rules data, :func:`parser_version`) and of the settings
  (rules files, ``--split``, ``--now``: :class:`Settings`) it was parsed with; a file
  whose key is not the current one is stale and parsed again.
- **Safe.** The database is in WAL mode with a busy timeout: readers never wait, writers
  wait their turn. Each batch of files is one transaction, so a run killed at any moment
  leaves the database as it was after its last batch, and the next run goes on from there.
  A database of an older schema version is rebuilt empty (its files are parsed again:
  :attr:`Index.rebuilt_from`); one of a newer or unknown version, or a file that is not
  one, is refused with :class:`IndexDbError`.
- **Memory stays flat.** Files are streamed through the pipeline and written in batches;
  the inputs are compared with the stored files in SQL (a temporary table of the inputs),
  not in a dict of everything stored.

The schema (see :data:`SCHEMA` and the README) is plain tables a user can query: ``files``,
``articles`` (every field; lists as JSON; the body one paragraph a line), ``removed`` (each
removed non-blank line with its rule), ``fingerprints`` (what dedupe's fingerprint is made
of, whatever its options: :class:`newskit.dedupe.BodyPrint`), ``dedupe_checks`` (the exact
checks ``dedupe`` made, :meth:`Index.dedupe`) and ``articles_fts`` (FTS5 over title and body).

No click, no rich: the command line is in :mod:`newskit.cli`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import os
import sqlite3
import time
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache, partial
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from . import __version__
from .errors import InputError, NewskitError
from .ids import SHOWN_CANDIDATES, Match, check_prefix, choose_match, describe, where
from .model import Article, Document, Kind, LineRecord, Reason
from .pipeline import TEXT_FIELD, Reader
from .reader import HTML_WARNING, STDIN, record_of

if TYPE_CHECKING:
    from .dedupe import DedupeOptions, DedupeRun

SCHEMA_VERSION = 2
"""The version of the schema this newskit writes and reads (``meta.schema``)."""

DEFAULT_NAME = ".newskit.db"
"""The index's file name in the folder it indexes, when ``--db`` does not name one."""

BATCH_FILES = 256
"""At most this many parsed files per transaction ..."""
BATCH_SECONDS = 2.0
"""... or this long: a run killed loses at most this much work."""

BUSY_TIMEOUT_MS = 60_000
"""How long a writer waits for another one to finish its transaction."""

_ID_LIMIT = "g"  # just above every hexadecimal digit: ids starting with p are in [p, p + "g")

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE files (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,      -- absolute path: the file's key
    source TEXT NOT NULL,           -- the path as the run that parsed it named it
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    hash TEXT,                      -- BLAKE2b of its bytes; NULL: parse it again next time
    parser TEXT NOT NULL,           -- parser_version() it was parsed with
    settings TEXT NOT NULL,         -- Settings.key() it was parsed with
    line_count INTEGER NOT NULL,
    warning TEXT,                   -- e.g. it looks like HTML
    notes TEXT NOT NULL,            -- JSON list: the parser's notes on it (-v)
    indexed_at TEXT NOT NULL
);
CREATE TABLE articles (
    rowid INTEGER PRIMARY KEY,
    file INTEGER NOT NULL REFERENCES files(id),
    seq INTEGER NOT NULL,           -- its place in the file, from 0
    id TEXT NOT NULL,               -- the content id `newskit list` shows
    source TEXT NOT NULL,
    part TEXT NOT NULL,             -- a crawl file's record ('#17': its source is crawl.jsonl#17), else ''
    meta TEXT,                      -- JSON: a crawl record's url, id, date; NULL for a plain dump
    start_line INTEGER NOT NULL,
    end_line INTEGER NOT NULL,
    title TEXT NOT NULL,
    outlet TEXT,
    language TEXT,
    date TEXT,                      -- published, else updated (ISO 8601)
    published TEXT,
    updated TEXT,
    published_relative TEXT,
    updated_relative TEXT,
    dateline TEXT,
    byline TEXT,
    authors TEXT NOT NULL,          -- JSON lists
    summary TEXT NOT NULL,
    captions TEXT NOT NULL,
    body TEXT NOT NULL,             -- one paragraph a line
    body_json TEXT,                 -- the body as a JSON list where a paragraph holds a line break
    credits TEXT NOT NULL,
    words INTEGER NOT NULL,
    lines BLOB NOT NULL             -- zlib-compressed JSON [[no, text, kind, rule], ...] of its span
);
CREATE INDEX articles_file ON articles(file, seq);
CREATE INDEX articles_id ON articles(id);
CREATE INDEX articles_date ON articles(date);
CREATE TABLE removed (
    article INTEGER NOT NULL,       -- articles.rowid
    line INTEGER NOT NULL,
    rule TEXT NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (article, line)
) WITHOUT ROWID;
CREATE TABLE fingerprints (
    article INTEGER PRIMARY KEY,    -- articles.rowid
    exact BLOB NOT NULL,            -- digest of the normalised body (newskit.dedupe.BodyPrint)
    signature BLOB NOT NULL,        -- MinHash bins (uint32) with the default options, whatever the prose
                                    -- LSH band b is bins [b*rows, (b+1)*rows); empty: no body words
    words BLOB NOT NULL,            -- the word hashes (UTF-16 code units)
    ends BLOB NOT NULL,             -- where each sentence ends in them (uint32)
    prose INTEGER NOT NULL          -- words in sentences (DedupeOptions.min_prose)
);
CREATE INDEX fingerprints_exact ON fingerprints(exact);
CREATE TABLE dedupe_checks (
    key BLOB PRIMARY KEY,           -- hash of what the check depends on (Deduper._check_key)
    a BLOB NOT NULL,                -- the two bodies' fingerprints.exact
    b BLOB NOT NULL,
    result BLOB NOT NULL            -- the packed check (newskit.dedupe._pack_pair)
) WITHOUT ROWID;
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, body, content="articles", content_rowid="rowid", tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, body) VALUES (new.rowid, new.title, new.body);
END;
CREATE TRIGGER articles_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', old.rowid, old.title, old.body);
    DELETE FROM removed WHERE article = old.rowid;
    DELETE FROM fingerprints WHERE article = old.rowid;
END;
CREATE TRIGGER files_delete AFTER DELETE ON files BEGIN
    DELETE FROM articles WHERE file = old.id;
END;
"""

TITLE_WEIGHT = 2.0
"""bm25 weight of a match in the title against 1.0 in the body: a headline says what the
article is about more than any sentence of it."""

SNIPPET_TOKENS = 16
"""Words in a search hit's snippet."""

MARK_START, MARK_END = "\ue000", "\ue001"
"""Where a snippet's matched words start and end: private-use characters, which the output
layer turns into styles or brackets (a dump that holds them itself, which shows nothing
for them, gets a stray mark)."""


class IndexDbError(NewskitError):
    """The index cannot be used: not a database, another schema, a bad query."""


# --- what the index was built with -------------------------------------------------------


@cache
def parser_version() -> str:
    """The parser's key: the package version and a hash of its code and rules data, so
    that any change to the parser (a new release or a local edit) makes files stale."""
    digest = hashlib.blake2b(digest_size=8)
    root = resources.files("newskit")
    paths = sorted(p for p in Path(str(root)).rglob("*") if p.suffix in (".py", ".toml") and p.is_file())
    for p in paths:
        digest.update(p.relative_to(str(root)).as_posix().encode())
        digest.update(p.read_bytes())
    return f"{__version__}+{digest.hexdigest()}"


@dataclass(frozen=True, slots=True)
class Settings:
    """What else decides how a file parses: the rules files in force (their bytes: a
    user's config file and ``--rules`` files), ``split``, ``now`` and the ``text_field`` of
    JSON Lines records."""

    rule_files: tuple[str, ...] = ()
    split: str = "auto"
    now: dt.datetime | None = None
    text_field: str = TEXT_FIELD

    def key(self) -> str:
        digest = hashlib.blake2b(digest_size=8)
        for path in self.rule_files:
            digest.update(path.encode() + b"\0")
            try:
                digest.update(Path(path).read_bytes())
            except OSError:
                digest.update(b"\0missing")
        now = self.now.isoformat() if self.now else ""
        digest.update(f"\0split={self.split}\0now={now}\0text_field={self.text_field}".encode())
        return digest.hexdigest()


def default_db(paths: Sequence[str]) -> Path | None:
    """Where the index of ``paths`` is kept when ``--db`` does not say: ``.newskit.db`` in
    the one folder given (the current folder when none is); None for anything else (files,
    several folders, standard input)."""
    args = list(paths) or ["."]
    if len(args) == 1 and args[0] != STDIN and Path(args[0]).is_dir():
        return Path(args[0]) / DEFAULT_NAME
    return None


def is_index_file(source: str, db: Path) -> bool:
    """Whether ``source`` is the database itself or one of its WAL companions."""
    if not os.path.basename(source).startswith(os.path.basename(db)):  # most inputs: no path made absolute
        return False
    name = os.path.abspath(source)
    base = os.path.abspath(db)
    return name in (base, base + "-wal", base + "-shm", base + "-journal")


# --- a parsed file as rows ------------------------------------------------------------


class ArticleRow(NamedTuple):
    """One article as the ``articles`` table holds it, with its removed lines and fingerprint."""

    values: tuple[Any, ...]  # the columns of ``articles`` after ``file``, in _ARTICLE_COLUMNS order
    removed: list[tuple[int, str, str]]
    fingerprint: tuple[bytes, bytes, bytes, bytes, int]  # the columns of ``fingerprints`` after ``article``


class FileRows(NamedTuple):
    """A parsed file, ready to be written (made in the worker process that parsed it)."""

    source: str
    line_count: int
    warning: str | None
    notes: list[str]
    articles: list[ArticleRow]


_ARTICLE_COLUMNS = (
    "seq", "id", "source", "part", "meta", "start_line", "end_line", "title", "outlet", "language", "date", "published",
    "updated", "published_relative", "updated_relative", "dateline", "byline", "authors", "summary",
    "captions", "body", "body_json", "credits", "words", "lines",
)


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def _pack_lines(records: list[LineRecord]) -> bytes:
    return zlib.compress(_json([[r.no, r.text, r.kind.value, r.rule] for r in records]).encode("utf-8"))


def _unpack_lines(blob: bytes) -> list[LineRecord]:
    return [LineRecord(no, text, Kind(kind), rule) for no, text, kind, rule in json.loads(zlib.decompress(blob))]


def article_row(article: Article, seq: int) -> ArticleRow:
    """The row of one article (its lines are packed; the fingerprint is dedupe's own)."""
    body = article.body
    joined = "\n".join(body)
    exact = all(p and "\n" not in p for p in body)
    values = (
        seq, article.id, article.source, _part(article.source), _json(article.meta) if article.meta else None,
        article.start, article.end, article.title, article.outlet,
        article.language, article.date, article.published, article.updated, article.published_relative,
        article.updated_relative, article.dateline, article.byline, _json(article.authors),
        _json(article.summary), _json(article.captions), joined, None if exact else _json(body),
        _json(article.credits), article.word_count, _pack_lines(article.lines),
    )
    from .dedupe import DedupeOptions, body_print, signature_of  # loaded by the writer, not at every start-up

    removed = [(r.no, r.rule, r.text) for r in article.removed]
    bp = body_print(article)
    signature = signature_of(bp, DedupeOptions())
    return ArticleRow(values, removed, (bp.digest, signature, bp.text.encode("utf-16-le"), bp.ends, bp.info.prose))


def _part(source: str) -> str:
    """A crawl record's part of its source name (``#17``), else ""."""
    return source[len(record[0]):] if (record := record_of(source)) is not None else ""


def file_of(source: str) -> str:
    """The file a document's source names: a crawl record's file, else the source itself."""
    return record[0] if (record := record_of(source)) is not None else source


def document_rows(doc: Document) -> FileRows:
    """A parsed dump as rows (a unit of work for :func:`newskit.pipeline.map_sources`)."""
    html = bool(doc.chrome) and not doc.articles and all(r.rule == Reason.HTML for r in doc.chrome)
    return FileRows(doc.source, doc.line_count, HTML_WARNING if html else None, list(doc.notes),
                    [article_row(a, seq) for seq, a in enumerate(doc.articles)])


# --- reading rows back ------------------------------------------------------------------

_SELECT = ", ".join(f"a.{c}" for c in _ARTICLE_COLUMNS)


def _article(row: sqlite3.Row | tuple[Any, ...], source: str) -> Article:
    """An :class:`Article` from a row of :data:`_SELECT` (``source`` spelt as the caller names it)."""
    (_seq, aid, _source, part, meta, start, end, title, outlet, language, _date, published, updated, published_rel,
     updated_rel, dateline, byline, authors, summary, captions, body, body_json, credits, _words, lines) = row
    article = Article(
        source=source + part, start=start, end=end, title=title, outlet=outlet, published=published, updated=updated,
        published_relative=published_rel, updated_relative=updated_rel, dateline=dateline, byline=byline,
        authors=json.loads(authors), summary=json.loads(summary), captions=json.loads(captions),
        body=json.loads(body_json) if body_json is not None else (body.split("\n") if body else []),
        credits=json.loads(credits), id=aid, meta=json.loads(meta) if meta else {},
    )
    article._make_lines = partial(_unpack_lines, lines)
    article._language, article._language_told = language, True
    return article


@dataclass(slots=True)
class Summary:
    """What a refresh did: inputs new, changed (parsed again), unchanged, removed from the
    index, failed (could not be read: reported, not stored); articles parsed and in all."""

    new: int = 0
    changed: int = 0
    unchanged: int = 0
    removed: int = 0
    failed: int = 0
    parsed_articles: int = 0
    articles: int = 0
    reparsed_for_settings: int = 0  # of the changed: same bytes, another parser or settings


@dataclass(frozen=True, slots=True)
class SearchOptions:
    """``search``'s filters: outlet (exact, case-insensitive), dates (ISO 8601 prefixes,
    inclusive), language code, how many hits at most."""

    outlet: str | None = None
    since: str | None = None
    until: str | None = None
    language: str | None = None
    limit: int = 20


@dataclass(frozen=True, slots=True)
class Hit:
    """One search hit: the article's row fields, its bm25 score (higher is better here:
    SQLite's is negated) and a snippet whose matched words lie between
    :data:`MARK_START` and :data:`MARK_END`."""

    id: str
    date: str | None
    outlet: str | None
    title: str
    words: int
    source: str
    start: int
    end: int
    score: float
    snippet: str


@dataclass(slots=True)
class _Pending:
    """Parsed files waiting for the next transaction, and what they were parsed with."""

    parser: str
    settings: str
    started: int  # when the run started (ns): a file written since is stored without a hash
    files: list[tuple[FileRows, str, bool]] = field(default_factory=list)  # rows, key, parse it again
    since: float = field(default_factory=time.monotonic)


# --- the index ----------------------------------------------------------------------------


class Index:
    """An open index database (see the module docs). Use :meth:`open`, as a context manager."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path
        self._inputs_of: Sequence[str] | None = None  # the inputs the temporary table holds
        self.rebuilt_from: int | None = None  # the older schema version the index was rebuilt from
        self.last_dedupe: Any = None  # the DedupeStats of the last dedupe (checks made, reused)

    @classmethod
    def open(cls, path: str | os.PathLike[str], *, create: bool = True) -> Index:
        """Open (or, with ``create``, make) the index at ``path``; :class:`IndexDbError`
        if it is not a newskit index of this schema version."""
        path = Path(path)
        if not create and not path.exists():
            raise IndexDbError(f"{path}: no such index")
        try:
            conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
        except sqlite3.Error as exc:
            raise IndexDbError(f"{path}: cannot open the index ({exc})") from None
        index = cls(conn, path)
        try:
            index._prepare()
        except sqlite3.OperationalError as exc:  # a folder that cannot be written, a lock held too long
            conn.close()
            raise IndexDbError(f"{path}: cannot open the index ({exc})") from None
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise IndexDbError(f"{path}: not a newskit index ({exc})") from None
        except IndexDbError:
            conn.close()
            raise
        return index

    def _prepare(self) -> None:
        c = self.conn
        c.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        tables = {r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not tables:
            self._wal()
            c.execute("BEGIN IMMEDIATE")
            if not {r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}:
                for statement in _statements(SCHEMA):
                    c.execute(statement)
                c.execute("INSERT INTO meta VALUES ('schema', ?), ('created', ?)",
                          (str(SCHEMA_VERSION), _now()))
            c.execute("COMMIT")
        elif "meta" not in tables:
            raise IndexDbError(f"{self.path}: not a newskit index (an SQLite database without its meta table)")
        else:
            self._wal()
        row = c.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        version = int(row[0]) if row and str(row[0]).isdigit() else None
        if version is not None and 1 <= version < SCHEMA_VERSION:
            self._rebuild(version)
            version = SCHEMA_VERSION
        if version != SCHEMA_VERSION:
            said = "an unknown schema version" if version is None else f"schema version {version}"
            raise IndexDbError(
                f"{self.path}: the index has {said}; this newskit reads version {SCHEMA_VERSION} only "
                "(use the newskit that made it, or remove the file and index again)"
            )
        c.execute("PRAGMA synchronous = NORMAL")
        c.execute("PRAGMA temp_store = FILE")  # (the inputs of a run: a crawl's may not fit in memory)

    def _rebuild(self, version: int) -> None:
        """Make an index of an older schema version an empty one of this version, keeping
        the folders it was made from (:meth:`roots`): the next refresh parses every file
        again. (Version 1 did not store what ``dedupe`` reads now: the prose, the digest
        and the signature of bodies with little prose.)"""

        def rebuild(c: sqlite3.Connection) -> None:
            kept = c.execute("SELECT key, value FROM meta WHERE key IN ('roots', 'glob', 'created')").fetchall()
            c.execute("DROP TABLE IF EXISTS articles_fts")
            for (name,) in c.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
                c.execute(f'DROP TABLE "{name}"')
            for statement in _statements(SCHEMA):
                c.execute(statement)
            c.execute("INSERT INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
            c.executemany("INSERT INTO meta VALUES (?, ?)", kept)

        self._transaction(rebuild)
        self.rebuilt_from = version

    def _wal(self) -> None:
        """Switch to write-ahead logging. SQLite does not wait on a lock for this pragma (no
        busy handler): two processes opening a new index at once retry it here, as long as
        the busy timeout."""
        deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
        while True:
            try:
                self.conn.execute("PRAGMA journal_mode = WAL")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(0.01)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Index:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def meta(self) -> dict[str, str]:
        return dict(self.conn.execute("SELECT key, value FROM meta"))

    # -- the inputs of this run -----------------------------------------------------------

    def _set_inputs(self, sources: Sequence[str]) -> None:
        """Fill the temporary table ``want(ord, path, shown)`` with the inputs, in order."""
        c = self.conn
        c.execute("CREATE TEMP TABLE IF NOT EXISTS want (ord INTEGER PRIMARY KEY, path TEXT NOT NULL, "
                  "shown TEXT NOT NULL)")
        c.execute("CREATE INDEX IF NOT EXISTS temp.want_path ON want(path)")
        c.execute("DELETE FROM temp.want")
        c.executemany("INSERT INTO temp.want (ord, path, shown) VALUES (?, ?, ?)",
                      ((i, os.path.abspath(s), s) for i, s in enumerate(sources, 1) if s != STDIN))
        self._inputs_of = sources

    def _scope(self, sources: Sequence[str] | None) -> tuple[str, str, str]:
        """How a query reads the articles of ``sources``: what to select ``FROM`` (``files
        f`` with the inputs), the name to show of a file and the order of the files. None:
        every stored file, in path order (as a folder is read), named as when it was parsed."""
        if sources is None:
            return "files f", "f.source", "f.path"
        if sources is not self._inputs_of:
            self._set_inputs(sources)
        return "temp.want w JOIN files f ON f.path = w.path", "w.shown", "w.ord"

    # -- refreshing ---------------------------------------------------------------------

    def roots(self) -> tuple[list[str], str | None]:
        """The folders and files this index was refreshed from (absolute paths, none inside
        another) and the ``--glob`` pattern of its last refresh."""
        meta = self.meta()
        return json.loads(meta.get("roots", "[]")), meta.get("glob")

    def _add_roots(self, roots: Sequence[str], pattern: str | None) -> None:
        known, _ = self.roots()
        every = sorted({*known, *(os.path.abspath(r) for r in roots if r != STDIN)})
        kept = [r for r in every if not any(r.startswith(o.rstrip("/") + "/") for o in every if o != r)]
        values = [("roots", _json(kept))] + ([("glob", pattern)] if pattern is not None else [])
        self._transaction(lambda c: c.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", values))

    def refresh(
        self, sources: Sequence[str], roots: Sequence[str], reader: Reader, settings: Settings | None = None,
        *, on_warning: Any = None, on_note: Any = None, pattern: str | None = None,
    ) -> Summary:
        """Bring the index up to date with ``sources`` (files; folders expanded already):
        parse new, changed and stale files through ``reader`` (its processes, progress and
        error reports), forget stored files under ``roots`` that ``sources`` no longer
        hold. Files that cannot be read go to the reader's ``on_error`` (if any: a
        refresh is never stopped by one; :attr:`Summary.failed` counts them) and are not
        stored (a stored one's articles are removed); a crawl file some of whose records
        cannot be read is stored to be parsed again next time, so they are reported again.
        ``on_warning(source, message)`` and ``on_note(source, note)`` hear again of
        unchanged files what the parse said of them (HTML given by mistake; the parser's
        notes). The roots and ``pattern`` (``--glob``) are recorded (:meth:`roots`)."""
        settings = settings or Settings(split=reader.split, now=reader.now, text_field=reader.text_field)
        parser, key = parser_version(), settings.key()
        given = sources
        sources = [s for s in sources if s != STDIN and not is_index_file(s, self.path)]
        self._set_inputs(sources)
        self._inputs_of = given  # (the same files: neither stdin nor the index is stored)
        summary = Summary()
        self._add_roots(roots, pattern)
        pending = _Pending(parser, key, time.time_ns())
        stale, new = self._stale(sources, parser, key, summary, on_warning, on_note)
        summary.removed = self._forget(roots)
        partial: set[str] = set()  # files that were read, but not all their records
        previous = reader.on_error

        def heard(exc: InputError) -> None:
            partial.add(file_of(exc.source))
            if previous is not None:
                previous(exc)

        done = 0
        current: FileRows | None = None
        for rows in dataclasses.replace(reader, on_error=heard).map(document_rows, stale):
            source = file_of(rows.source)
            if current is not None and source == current.source:  # another record of a crawl file
                current.articles.extend(a._replace(values=(len(current.articles), *a.values[1:]))
                                        for a in rows.articles)
                current.notes.extend(rows.notes)
                summary.parsed_articles += len(rows.articles)
                continue
            self._add(current, pending, partial)
            while done < len(stale) and stale[done] != source:  # the ones skipped could not be read
                self._failed(stale[done], pending, summary)
                done += 1
            if done == len(stale):  # pragma: no cover (the pipeline names a document as its source was given)
                raise IndexDbError(f"{rows.source}: not among the inputs given")
            current = rows._replace(source=source)
            summary.parsed_articles += len(rows.articles)
            if new[done]:
                summary.new += 1
            else:
                summary.changed += 1
            done += 1
        self._add(current, pending, partial)
        for source in stale[done:]:
            self._failed(source, pending, summary)
        self._write(pending)
        self.conn.execute("INSERT OR REPLACE INTO meta VALUES ('parser', ?), ('settings', ?), ('refreshed', ?)",
                          (parser, key, _now()))
        summary.articles = self.conn.execute(
            "SELECT count(*) FROM temp.want w JOIN files f ON f.path = w.path JOIN articles a ON a.file = f.id"
        ).fetchone()[0]
        return summary

    def _stale(
        self, sources: list[str], parser: str, key: str, summary: Summary, on_warning: Any, on_note: Any,
    ) -> tuple[list[str], bytearray]:
        """The inputs to parse, in order, and which of them are new (1) or stored (0);
        unchanged ones counted (and the stored times of files whose bytes did not change
        brought up to date). The stored rows are streamed, not held."""
        stale: list[str] = []
        new = bytearray()
        touched: list[tuple[int, int, int]] = []
        rows = self.conn.execute(
            "SELECT w.ord, w.path, f.id, f.size, f.mtime_ns, f.hash, f.parser, f.settings, f.warning, f.notes "
            "FROM temp.want w LEFT JOIN files f ON f.path = w.path ORDER BY w.ord"
        )
        for ordinal, path, fid, size, mtime, digest, f_parser, f_settings, warning, notes in rows:
            shown = sources[ordinal - 1]  # (the caller's own string: a crawl's names are not held twice)
            if fid is None:
                stale.append(shown)
                new.append(1)
                continue
            same_parse = f_parser == parser and f_settings == key and digest is not None
            try:
                st = os.stat(path)
            except OSError:  # gone or unreadable: the reading reports it
                stale.append(shown)
                new.append(0)
                continue
            if same_parse and (st.st_size, st.st_mtime_ns) != (size, mtime):
                if _hash_file(path) == digest:
                    touched.append((st.st_size, st.st_mtime_ns, fid))
                else:
                    same_parse = False
            if not same_parse:
                if digest is not None and f_parser is not None and (st.st_size, st.st_mtime_ns) == (size, mtime):
                    summary.reparsed_for_settings += 1
                stale.append(shown)
                new.append(0)
                continue
            summary.unchanged += 1
            if warning and on_warning is not None:
                on_warning(shown, warning)
            if on_note is not None:
                for note in json.loads(notes):
                    on_note(shown, note)
        if touched:
            self._transaction(lambda c: c.executemany("UPDATE files SET size = ?, mtime_ns = ? WHERE id = ?", touched))
        return stale, new

    def _forget(self, roots: Sequence[str]) -> int:
        """Remove stored files under ``roots`` (folders, or files) that are not inputs now."""
        removed = 0
        for root in roots:
            if root == STDIN:
                continue
            base = os.path.abspath(root)
            prefix = base.rstrip("/") + "/"

            def forget(c: sqlite3.Connection, base: str = base, prefix: str = prefix) -> int:
                cur = c.execute(
                    "DELETE FROM files WHERE (path = ? OR substr(path, 1, ?) = ?) "
                    "AND path NOT IN (SELECT path FROM temp.want)", (base, len(prefix), prefix))
                return cur.rowcount

            removed += self._transaction(forget)
        return removed

    def _add(self, rows: FileRows | None, pending: _Pending, partial: set[str]) -> None:
        """A parsed file to the pending ones (written once there are enough of them); one
        whose records were not all read is stored to be parsed again (its errors said again)."""
        if rows is None:
            return
        pending.files.append((rows, os.path.abspath(rows.source), rows.source in partial))
        if len(pending.files) >= BATCH_FILES or time.monotonic() - pending.since >= BATCH_SECONDS:
            self._write(pending)

    def _failed(self, source: str, pending: _Pending, summary: Summary) -> None:
        """An input that could not be read: its stored articles go (a direct run lists none)."""
        summary.failed += 1
        self._write(pending)
        self._transaction(lambda c: c.execute("DELETE FROM files WHERE path = ?", (os.path.abspath(source),)))

    def _write(self, pending: _Pending) -> None:
        """Write the pending files in one transaction."""
        files, pending.files, pending.since = pending.files, [], time.monotonic()
        parser, key, started = pending.parser, pending.settings, pending.started
        if not files:
            return

        def write(c: sqlite3.Connection) -> None:
            for rows, path, again in files:
                try:
                    st = os.stat(path)
                    digest: str | None = _hash_file(path)
                except OSError:
                    continue  # gone already: the next run forgets it
                if again or st.st_mtime_ns >= started:  # a record unread, or written while this run went on
                    digest = None  # parse it again next time
                c.execute("DELETE FROM files WHERE path = ?", (path,))
                fid = c.execute(
                    "INSERT INTO files (path, source, size, mtime_ns, hash, parser, settings, line_count, warning, "
                    "notes, indexed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (path, rows.source, st.st_size, st.st_mtime_ns, digest, parser, key, rows.line_count,
                     rows.warning, _json(rows.notes), _now()),
                ).lastrowid
                for art in rows.articles:
                    rowid = c.execute(_INSERT_ARTICLE, (fid, *art.values)).lastrowid
                    c.executemany("INSERT OR REPLACE INTO removed VALUES (?, ?, ?, ?)",
                                  [(rowid, *r) for r in art.removed])
                    c.execute("INSERT INTO fingerprints VALUES (?, ?, ?, ?, ?, ?)", (rowid, *art.fingerprint))

        self._transaction(write)

    def _transaction(self, work: Any) -> Any:
        """``work(connection)`` in one write transaction; an SQLite error (a lock held past
        the busy timeout, a full disk, a table not as this newskit made it) is rolled back
        and becomes :class:`IndexDbError`."""
        c = self.conn
        try:
            c.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise IndexDbError(f"{self.path}: cannot write the index ({exc})") from None
        try:
            result = work(c)
            c.execute("COMMIT")
        except BaseException as exc:
            if c.in_transaction:
                c.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise IndexDbError(f"{self.path}: cannot write the index ({exc})") from None
            raise
        return result

    # -- reading --------------------------------------------------------------------------

    def list_rows(self, sources: Sequence[str] | None = None) -> Iterator[dict[str, object]]:
        """``list``'s rows (see :func:`newskit.render.list_row`) of the articles of
        ``sources`` (None: every stored file), in input order, sources named as given."""
        scope, shown, order = self._scope(sources)
        cur = self.conn.execute(
            f"SELECT a.id, a.date, a.outlet, a.title, a.words, {shown} || a.part, a.start_line, a.end_line "
            f"FROM {scope} JOIN articles a ON a.file = f.id ORDER BY {order}, a.seq")
        for aid, date, outlet, title, words, name, start, end in cur:
            yield {"id": aid, "date": date, "outlet": outlet, "title": title, "words": words,
                   "source": f"{name}:{start}-{end}"}

    def articles(self, sources: Sequence[str] | None = None) -> Iterator[Article]:
        """The articles of ``sources`` (None: every stored file), in input order."""
        scope, shown, order = self._scope(sources)
        cur = self.conn.execute(
            f"SELECT {_SELECT}, {shown} FROM {scope} JOIN articles a ON a.file = f.id ORDER BY {order}, a.seq")
        for row in cur:
            yield _article(row[:-1], row[-1])

    def find(self, prefix: str, sources: Sequence[str] | None = None) -> Match[Article]:
        """The article whose id starts with ``prefix`` among those of ``sources`` (None:
        every stored file), as :func:`newskit.ids.find_article` finds it in a direct run
        (the same copies, the same errors), by the index of ids."""
        wanted = check_prefix(prefix)
        scope, shown, order = self._scope(sources)
        cur = self.conn.execute(
            f"SELECT {_SELECT}, {shown} FROM {scope} JOIN articles a ON a.file = f.id "
            f"WHERE a.id >= ? AND a.id < ? ORDER BY {order}, a.seq", (wanted, wanted + _ID_LIMIT))
        matches: dict[str, Match[Article]] = {}
        for row in cur:
            article = _article(row[:-1], row[-1])
            if article.id in matches:
                matches[article.id].copies.append(where(article))
            else:
                matches[article.id] = Match(article)
        if len(matches) == 1:
            return next(iter(matches.values()))
        total = self.conn.execute(f"SELECT count(*) FROM {scope} JOIN articles a ON a.file = f.id").fetchone()[0]
        seen = [describe(a) for a in _take(self.articles(sources), SHOWN_CANDIDATES)] if not matches else []
        return choose_match(prefix, matches, total, seen)

    def search(self, query: str, options: SearchOptions | None = None,
               sources: Sequence[str] | None = None) -> list[Hit]:
        """The articles matching an FTS5 ``query`` (phrases, AND/OR/NOT, prefix*), best
        first by bm25 (title :data:`TITLE_WEIGHT`, body 1), with ``options``' filters,
        among ``sources`` (None: every stored file). :class:`IndexDbError` for a malformed
        query."""
        options = options or SearchOptions()
        where_sql, params = ["articles_fts MATCH ?"], [query]
        if options.outlet is not None:
            where_sql.append("a.outlet = ? COLLATE NOCASE")
            params.append(options.outlet)
        if options.since is not None:
            where_sql.append("substr(a.date, 1, ?) >= ?")
            params += [len(options.since), options.since]  # type: ignore[list-item]
        if options.until is not None:
            where_sql.append("substr(a.date, 1, ?) <= ?")
            params += [len(options.until), options.until]  # type: ignore[list-item]
        if options.language is not None:
            where_sql.append("a.language = ?")
            params.append(options.language.lower())
        join, shown = "", "a.source"
        if sources is not None:
            scope, shown, _ = self._scope(sources)
            join, shown = f"JOIN ({scope}) ON a.file = f.id", f"{shown} || a.part"
        sql = (
            f"SELECT a.id, a.date, a.outlet, a.title, a.words, {shown}, a.start_line, a.end_line, "
            f"-bm25(articles_fts, {TITLE_WEIGHT}, 1.0) AS score, "
            f"snippet(articles_fts, -1, '{MARK_START}', '{MARK_END}', '…', {SNIPPET_TOKENS}) "
            f"FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid {join} "
            f"WHERE {' AND '.join(where_sql)} ORDER BY score DESC, a.rowid LIMIT ?"
        )
        try:
            rows = self.conn.execute(sql, (*params, options.limit)).fetchall()
        except sqlite3.OperationalError as exc:
            raise IndexDbError(f"bad search query {query!r}: {exc}") from None
        return [Hit(aid, date, outlet, title, words, source, start, end, round(score, 3), snippet)
                for aid, date, outlet, title, words, source, start, end, score, snippet in rows]


    def dedupe(
        self, sources: Sequence[str] | None = None, options: DedupeOptions | None = None, *,
        keep_articles: bool = False,
    ) -> DedupeRun:
        """``dedupe`` over the articles of ``sources`` (None: every stored file), in input
        order, from their stored fingerprints (no parsing): the clusters
        :func:`newskit.dedupe.dedupe_inputs` finds when it parses them. The exact checks
        of candidate pairs, most of dedupe's work, are kept in ``dedupe_checks``, keyed on
        all they depend on (the two bodies, the options they read, the site-chrome
        sentences of each), so a run checks again only pairs with a new or changed body or
        chrome; the candidate search and the clustering run over every article, from the
        stored signatures. With ``keep_articles`` the articles are read as well
        (``dedupe --out``)."""
        from .dedupe import (  # noqa: PLC0415 (not at every command's start-up)
            ArticleInfo,
            BodyPrint,
            DedupeOptions,
            Deduper,
            DedupeRun,
            fingerprint_of,
            same_signature,
        )

        options = options or DedupeOptions()
        stored = same_signature(options, DedupeOptions())  # the signatures stored are these
        scope, shown, order = self._scope(sources)
        cur = self.conn.execute(
            f"SELECT a.id, {shown} || a.part, a.start_line, a.end_line, a.title, a.outlet, a.date, "
            f"p.exact, p.signature, p.words, p.ends, p.prose FROM {scope} JOIN articles a ON a.file = f.id "
            f"JOIN fingerprints p ON p.article = a.rowid ORDER BY {order}, a.seq")
        store = _Checks(self.conn)
        deduper = Deduper(options, store)
        names: dict[str, str] = {}
        for aid, name, start, end, title, outlet, date, exact, signature, words, ends, prose in cur:
            text = words.decode("utf-16-le")
            info = ArticleInfo(aid, names.setdefault(name, name), start, end, title, outlet, date,
                               len(text), len(ends) // 4, prose)
            body = BodyPrint(info, exact, text, ends)
            deduper.add_fingerprint(fingerprint_of(body, options, signature if stored else None))
        clusters = deduper.clusters()
        self._transaction(store.write)
        self.last_dedupe = deduper.stats
        articles = list(self.articles(sources)) if keep_articles else []
        return DedupeRun(clusters, len(deduper), articles)


class _Checks:
    """The index's store of dedupe checks (a :class:`newskit.dedupe.CheckStore`): read
    from ``dedupe_checks`` as they are asked for, the new ones written at the end."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.new: list[tuple[bytes, bytes, bytes, bytes]] = []

    def get(self, key: bytes) -> bytes | None:
        row = self.conn.execute("SELECT result FROM dedupe_checks WHERE key = ?", (key,)).fetchone()
        return None if row is None else bytes(row[0])

    def put(self, key: bytes, value: bytes, bodies: tuple[bytes, bytes]) -> None:
        self.new.append((key, *bodies, value))

    def write(self, c: sqlite3.Connection) -> None:
        """Store the new checks; forget those of bodies the index no longer holds."""
        c.executemany("INSERT OR REPLACE INTO dedupe_checks VALUES (?, ?, ?, ?)", self.new)
        c.execute("DELETE FROM dedupe_checks WHERE a NOT IN (SELECT exact FROM fingerprints) "
                  "OR b NOT IN (SELECT exact FROM fingerprints)")
        self.new = []


_INSERT_ARTICLE = (f"INSERT INTO articles (file, {', '.join(_ARTICLE_COLUMNS)}) "
                   f"VALUES ({', '.join('?' * (len(_ARTICLE_COLUMNS) + 1))})")


def _take(items: Iterable[Article], n: int) -> list[Article]:
    out = []
    for item in items:
        out.append(item)
        if len(out) >= n:
            break
    return out


def _statements(script: str) -> list[str]:
    """The statements of :data:`SCHEMA` (``;`` ends one outside a trigger's BEGIN ... END)."""
    out, current, depth = [], [], 0
    for line in script.strip().splitlines():
        current.append(line)
        word = line.strip().upper()
        if word.endswith("BEGIN"):
            depth += 1
        elif word == "END;":
            depth -= 1
        if depth == 0 and line.rstrip().endswith(";"):
            out.append("\n".join(current))
            current = []
    return out


def _hash_file(path: str) -> str:
    with open(path, "rb") as f:
        return hashlib.file_digest(f, lambda: hashlib.blake2b(digest_size=16)).hexdigest()


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
