"""Reading input: finding files, decoding bytes, normalising text.

Nothing here knows about articles. Files are read one at a time, so memory stays flat
however many inputs there are.
"""

from __future__ import annotations

import bz2
import codecs
import fnmatch
import gzip
import io
import json
import lzma
import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from .errors import InputError
from .text import ODD_SPACES, ZERO_WIDTH

STDIN = "-"

# Other line breaks, folded to "\n" (after CRLF and CR).
_LINE_BREAKS = "\u2028\u2029\x85"

# HTML given by mistake: a page that opens as one, or whose opening lines are mostly tags.
HTML_WARNING = "looks like HTML; newskit reads text dumps"
_HTML_OPENINGS = ("<!doctype html", "<html")
HTML_HEAD_CHARS = 65536
HTML_LINES_SEEN = 200
"""Non-blank lines looked at in a text's opening (its first :data:`HTML_HEAD_CHARS`
characters) to tell HTML ..."""
HTML_TAG_SHARE = 0.5
"""... and the part of them that must be tags (a line that opens with ``<`` and a letter,
``/`` or ``!`` and ends with ``>``; in the dev corpus's dumps, at most a tenth are) ..."""
HTML_MIN_TAGS = 3
"""... and at least this many of them (or all, in a shorter text)."""


@dataclass(frozen=True, slots=True)
class Decoded:
    """One input's text, its source and encoding; ``html`` when it looks like an HTML
    page rather than a text dump (see :func:`looks_like_html`)."""

    source: str
    text: str
    encoding: str
    html: bool = False
    # Source metadata of a record of a crawl file (see :func:`read_records`): its URL, id,
    # date as the crawl gives them, as (name, value) pairs; none for a plain dump.
    meta: tuple[tuple[str, str], ...] = ()


def looks_like_html(text: str) -> bool:
    """Whether ``text`` is an HTML page: it opens with ``<!doctype html`` or ``<html``, or
    most of its first non-blank lines (:data:`HTML_LINES_SEEN`) are tags. Cheap: a text
    with no ``>`` in its opening is told at once."""
    head = text[:HTML_HEAD_CHARS]
    start = head.lstrip()
    if start[:1] == "<" and start[:14].lower().startswith(_HTML_OPENINGS):
        return True
    if ">" not in head:
        return False
    seen = tags = 0
    for line in head.split("\n"):
        line = line.strip()
        if not line:
            continue
        seen += 1
        if line[0] == "<" and line[-1] == ">" and (line[1:2].isalpha() or line[1:2] in ("/", "!")):
            tags += 1
        if seen >= HTML_LINES_SEEN:
            break
    return tags >= min(HTML_MIN_TAGS, seen) and tags >= HTML_TAG_SHARE * seen


def normalise(text: str) -> str:
    """Unify line ends, fold odd spaces, drop zero-width characters.

    Curly quotes, dashes and every script are kept as they are. (One ``str.replace`` per
    character present: these characters are rare, and ``in`` and ``replace`` scan fast,
    several times faster than a regular expression or ``str.translate``.)
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.isascii():
        return text
    for chars, new in ((_LINE_BREAKS, "\n"), (ODD_SPACES, " "), (ZERO_WIDTH, "")):
        for ch in chars:
            if ch in text:
                text = text.replace(ch, new)
    return text


def decode(data: bytes, source: str) -> Decoded:
    """Decode bytes of a text dump.

    UTF-8 (with or without BOM), UTF-16 with BOM; anything else that is not valid UTF-8
    is read as cp1252. Raises :class:`InputError` for empty or binary input. The result's
    ``html`` tells whether the text looks like an HTML page (:func:`looks_like_html`).
    """
    if not data.strip():
        raise InputError(source, "empty file" if not data else "no text (only white space)")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return _decoded(source, normalise(data.decode("utf-16")), "utf-16")
        except UnicodeDecodeError as exc:
            reason = f"invalid UTF-16 despite its byte-order mark ({exc.reason})"
            raise InputError(source, reason) from None
    if b"\x00" in data:
        raise InputError(source, "binary file (contains NUL bytes)")
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
        encoding = "utf-8-sig"
    else:
        encoding = "utf-8"
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; map those through latin-1 so decoding never fails.
        text = data.decode("cp1252", errors="replace")
        if "\ufffd" in text:
            text = "".join(
                ch if ch != "\ufffd" else chr(b) for ch, b in zip(text, data, strict=True)
            )
        encoding = "cp1252"
    return _decoded(source, normalise(text), encoding)


def _decoded(source: str, text: str, encoding: str, meta: tuple[tuple[str, str], ...] = ()) -> Decoded:
    return Decoded(source, text, encoding, looks_like_html(text), meta)


def read_source(source: str, text_field: str = "text") -> Decoded:
    """Read and decode one input: a file path or ``-`` for standard input. A file named
    ``*.gz``, ``*.bz2``, ``*.xz`` or ``*.zst`` is decompressed first (``.zst`` needs the
    ``zstandard`` package: ``pip install 'newskit[zstd]'``). A record of a crawl file,
    ``crawl.jsonl#17`` (see :class:`Records`), is read from its file."""
    if source == STDIN:
        data = sys.stdin.buffer.read()
        return decode(data, "<stdin>")
    record = record_of(source)
    if record is not None:
        return _one_record(record[0], record[1], text_field)
    if not compression_suffix(source):
        return decode(_read_bytes(source), source)
    try:
        with _open_stream(source) as stream:
            data = stream.read()
    except _READ_ERRORS as exc:
        raise _read_error(source, exc) from None
    except _decompress_errors() as exc:  # (a .zst's: known once zstandard is loaded)
        raise _read_error(source, exc) from None
    return decode(data, source)


def _read_bytes(source: str) -> bytes:
    try:
        return Path(source).read_bytes()
    except OSError as exc:
        raise _open_error(source, exc) from None


def _open_error(source: str, exc: OSError) -> InputError:
    if isinstance(exc, FileNotFoundError):
        return InputError(source, "no such file")
    if isinstance(exc, IsADirectoryError):
        return InputError(source, "is a directory")
    if isinstance(exc, PermissionError):
        return InputError(source, "permission denied")
    return InputError(source, exc.strerror or str(exc))


# --- crawl files: JSON Lines and Common Crawl WET, a dump per record ----------------------

JSONL_NAMES = (".jsonl", ".ndjson")
"""Name endings (before any compression suffix) of JSON Lines files: a dump per line."""
WET_NAMES = (".wet",)
"""Name endings of WARC files of text conversions (Common Crawl's ``*.warc.wet.gz``)."""
RECORD_META = ("id", "url", "date")
"""The fields of a JSON Lines record kept as its source metadata (when they are there)."""
WET_META = (("url", "WARC-Target-URI"), ("date", "WARC-Date"), ("id", "WARC-Record-ID"))
"""The WET record headers kept as source metadata, by the names newskit gives them."""
WARCIO_MISSING = "reading WET files needs the warcio package: pip install 'newskit[warc]'"


def container_kind(name: str) -> str:
    """``"jsonl"`` or ``"wet"`` for a crawl file that holds a dump per record (by its name,
    compressed or not), else ``""``."""
    base = name.lower()
    suffix = compression_suffix(base)
    if suffix:
        base = base[: -len(suffix)]
    if base.endswith(JSONL_NAMES):
        return "jsonl"
    if base.endswith(WET_NAMES):
        return "wet"
    return ""


def record_source(source: str, number: int) -> str:
    """The source name of record ``number`` (1-based) of a crawl file: ``crawl.jsonl#17``."""
    return f"{source}#{number}"


def record_of(source: str) -> tuple[str, int] | None:
    """``(file, number)`` for a record's source name (``crawl.jsonl#17``), else None; a
    file whose name really holds a ``#`` is itself."""
    file, sep, number = source.rpartition("#")
    if not sep or not number.isdigit() or not container_kind(file) or os.path.exists(source):
        return None
    return file, int(number)


@dataclass(slots=True)
class Records:
    """The records of a crawl file, one :class:`Decoded` (or the :class:`InputError` of a
    record that cannot be read) each, in file order; records with no text are skipped
    and counted in ``empty``. Iterate once. The file is read as a stream: memory does not
    grow with its size."""

    source: str
    text_field: str = "text"
    empty: int = 0

    def __iter__(self) -> Iterator[Decoded | InputError]:
        kind = container_kind(self.source)
        try:
            if kind == "jsonl":
                yield from self._jsonl()
            else:
                yield from self._wet()
        except _READ_ERRORS as exc:  # a file that cannot be opened or decompressed
            yield _read_error(self.source, exc)
        except _decompress_errors() as exc:
            yield _read_error(self.source, exc)

    def _jsonl(self) -> Iterator[Decoded | InputError]:
        with _open_stream(self.source) as stream:
            for number, raw in enumerate(stream, 1):
                if not raw.strip():
                    continue
                where = record_source(self.source, number)
                item = _jsonl_record(raw, where, self.text_field)
                if item is None:
                    self.empty += 1
                else:
                    yield item

    def _wet(self) -> Iterator[Decoded | InputError]:
        try:
            from warcio.archiveiterator import ArchiveIterator  # noqa: PLC0415 (the warc extra)
        except ImportError:
            yield InputError(self.source, WARCIO_MISSING)
            return
        gz = compression_suffix(self.source) == ".gz"  # warcio reads gzip members itself
        with open(self.source, "rb") if gz else _open_stream(self.source) as stream:  # noqa: SIM115
            number = 0
            for rec in ArchiveIterator(stream):
                if rec.rec_type != "conversion":
                    continue
                number += 1
                meta = tuple((name, v) for name, h in WET_META if (v := rec.rec_headers.get_header(h)))
                data = rec.content_stream().read()
                where = record_source(self.source, number)
                try:
                    decoded = decode(data, where)
                except InputError:
                    self.empty += 1
                    continue
                yield Decoded(where, decoded.text, decoded.encoding, decoded.html, meta)


def _jsonl_record(raw: bytes, where: str, text_field: str) -> Decoded | InputError | None:
    try:
        record = json.loads(raw)
    except ValueError as exc:  # JSONDecodeError and UnicodeDecodeError
        return InputError(where, f"not a JSON record ({exc})")
    if not isinstance(record, dict):
        return InputError(where, "not a JSON object")
    text = record.get(text_field)
    if text is None:
        return InputError(where, f"no {text_field!r} field (--text-field names it)")
    if not isinstance(text, str):
        return InputError(where, f"its {text_field!r} field is not text")
    if not text.strip():
        return None
    meta = tuple((k, str(record[k])) for k in RECORD_META if k != text_field and record.get(k) not in (None, ""))
    return _decoded(where, normalise(text), "utf-8", meta)


def _one_record(file: str, number: int, text_field: str) -> Decoded:
    """Record ``number`` of a crawl file, read again (``show`` of an id found in it)."""
    where = record_source(file, number)
    for item in Records(file, text_field):
        if isinstance(item, InputError):
            if item.source in (where, file):
                raise item
            continue
        if item.source == where:
            return item
    raise InputError(where, "no such record")


def _open_stream(source: str) -> IO[bytes]:
    """A binary stream of ``source``'s bytes, decompressed as its name says."""
    suffix = compression_suffix(source)
    if suffix == ".gz":
        return gzip.open(source, "rb")  # type: ignore[return-value]  # a GzipFile is a binary stream
    if suffix == ".bz2":
        return bz2.open(source, "rb")
    if suffix == ".xz":
        return lzma.open(source, "rb")
    if suffix == ".zst":
        try:
            import zstandard  # noqa: PLC0415 (an optional extra)
        except ImportError:
            raise ValueError(ZSTD_MISSING) from None
        return io.BufferedReader(zstandard.ZstdDecompressor().stream_reader(open(source, "rb"), closefd=True))  # noqa: SIM115
    return open(source, "rb")  # noqa: SIM115 (the caller closes it)


COMPRESSED = (".gz", ".bz2", ".xz", ".zst")
"""The suffixes of compressed inputs, read transparently (see :func:`read_source`)."""

ZSTD_MISSING = "reading .zst files needs the zstandard package: pip install 'newskit[zstd]'"


def compression_suffix(name: str) -> str:
    """The compression suffix of a file name (one of :data:`COMPRESSED`), or ``""``."""
    lower = name.lower()
    return next((s for s in COMPRESSED if lower.endswith(s)), "")


_READ_ERRORS = (OSError, EOFError, ValueError, lzma.LZMAError)
"""What opening and reading a (compressed) file raises on a missing file or bad data."""


def _decompress_errors() -> type[Exception]:
    """What the zstd reader raises on bad data (imported by :func:`_open_stream` when a
    .zst is read; none is raised otherwise)."""
    zstandard = sys.modules.get("zstandard")
    return zstandard.ZstdError if zstandard is not None else _NeverRaised


class _NeverRaised(Exception):
    """Stands for the zstd reader's error where zstandard is not loaded."""


def _read_error(source: str, exc: Exception) -> InputError:
    """The error of a file that could not be opened, or whose bytes did not decompress."""
    if isinstance(exc, (FileNotFoundError, IsADirectoryError, PermissionError)):
        return _open_error(source, exc)
    suffix = compression_suffix(source)
    return InputError(source, f"cannot decompress {suffix} ({exc})" if suffix else str(exc))


SKIPPED_FOLDERS = ("node_modules", "__pycache__", "*.egg-info")
"""Tool folders a folder walk leaves out (with every hidden one, ``.git``, ``.venv``…),
unless ``hidden`` is set: what they hold is never a user's dumps."""


def expand_inputs(
    args: list[str] | tuple[str, ...],
    pattern: str = "*.txt",
    *,
    hidden: bool = False,
    on_error: Callable[[InputError], None] | None = None,
) -> Iterator[str]:
    """Turn command-line arguments into input sources, in a deterministic order.

    Folders are searched recursively for files matching ``pattern`` (sorted by path); a
    compressed file matches by its name without the compression suffix (``a.txt.gz``
    matches ``*.txt``). Hidden files and folders and tool folders
    (:data:`SKIPPED_FOLDERS`) are left out unless ``hidden``; symbolic links to folders
    are not followed. A subfolder that cannot be read is given to ``on_error`` (raised
    when it is None) and the walk goes on. Files and ``-`` are passed through in the
    order given; no argument means ``.``. A missing path is yielded as is, so that reading
    it reports the error in turn.
    """
    for arg in args or (".",):
        if arg == STDIN:
            yield arg
            continue
        path = Path(arg)
        if path.is_dir():
            yield from sorted(_walk(path, pattern, hidden, on_error), key=_posix)
        else:
            yield arg


def _walk(
    root: Path, pattern: str, hidden: bool, on_error: Callable[[InputError], None] | None
) -> Iterator[str]:
    def failed(exc: OSError) -> None:
        error = InputError(exc.filename or os.fspath(root), f"cannot read folder: {exc.strerror or exc}")
        if on_error is None:
            raise error
        on_error(error)

    for folder, dirs, files in os.walk(root, onerror=failed):
        if not hidden:
            dirs[:] = [d for d in dirs if not _skipped(d)]
        here = os.fspath(Path(folder))  # as pathlib spells it ("./a" is "a"), once a folder
        for name in files:
            if (hidden or not name.startswith(".")) and _matches(name, pattern):
                p = name if here == "." else os.path.join(here, name)
                if os.path.isfile(p) or os.path.islink(p):  # a broken link is read, and reported
                    yield p


def _posix(path: str) -> str:
    """The order of a walk's paths: ``Path.as_posix`` of each (the paths are pathlib's own)."""
    return path if os.sep == "/" else path.replace(os.sep, "/")


def _skipped(name: str) -> bool:
    return name.startswith(".") or any(fnmatch.fnmatch(name, s) for s in SKIPPED_FOLDERS)


def _matches(name: str, pattern: str) -> bool:
    if fnmatch.fnmatch(name, pattern):
        return True
    suffix = compression_suffix(name)
    return bool(suffix) and fnmatch.fnmatch(name[: -len(suffix)], pattern)
