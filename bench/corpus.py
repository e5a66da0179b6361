"""The development corpora: where the dumps and the truth are, and how to read them.

A corpus is a folder such as ``../shared/corpus/aeb`` (see that folder's README.md)::

    <corpus>/chromium/<id>.txt      the page rendered to text by headless Chromium
    <corpus>/inscriptis/<id>.txt    the same page by the inscriptis converter
    <corpus>/truth/<id>.json        the true headline, publication time and body

The corpora sit together under one root (``../shared/corpus`` from the project root,
:data:`CORPUS_ROOT`): ``aeb/`` (96 pages, MIT licence) and ``dragnet/`` (1,379 pages,
AGPLv3: never copy its pages or truth into the project).
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

from newskit.errors import InputError
from newskit.reader import decode

ROOT = Path(__file__).resolve().parent.parent
"""The project root (the folder holding ``pyproject.toml``)."""

CORPUS_ROOT = ROOT.parent / "shared" / "corpus"
"""Where the development corpora are: ``../shared/corpus`` from the project root."""

CORPORA = ("aeb", "dragnet")
RENDERERS = ("chromium", "inscriptis")
DATA = ROOT / "data"
"""The project's own sample dumps (not a corpus: no truth)."""


@dataclass(frozen=True)
class Page:
    """One page of a corpus in one rendering: its truth and the path of its dump."""

    id: str
    dump: Path
    truth: dict[str, object]


def is_corpus(folder: Path) -> bool:
    return (folder / "truth").is_dir()


def corpus_path(name: str | Path, root: Path = CORPUS_ROOT) -> Path:
    """``name`` as a folder: a path as it is, a bare corpus name (``aeb``) under ``root``."""
    path = Path(name)
    return path if path.is_dir() or len(path.parts) > 1 else root / path


def dumps(corpus: Path, renderers: tuple[str, ...] = RENDERERS) -> list[Path]:
    """The dumps of ``corpus`` in those renderings (``<renderer>/*.txt``), sorted by path."""
    return sorted(p for r in renderers for p in (corpus / r).glob("*.txt"))


def require_dumps(corpus: Path, prog: str, renderers: tuple[str, ...] = RENDERERS) -> list[Path]:
    """:func:`dumps`, or a message on stderr and exit status 2 where there are none."""
    found = dumps(corpus, renderers)
    if not found:
        print(
            f"{prog}: no corpus at {corpus} (expected a folder with "
            f"{' and '.join(f'{r}/*.txt' for r in renderers)}, such as ../shared/corpus/aeb); "
            "nothing to measure",
            file=sys.stderr,
        )
        raise SystemExit(2)
    return found


def all_dumps(root: Path = CORPUS_ROOT) -> list[Path]:
    """Every dump of every corpus under ``root`` (both renderings), sorted by path."""
    return [p for p in sorted(root.glob("*/*/*.txt")) if p.is_file()]


def sample_dumps() -> list[Path]:
    """The project's sample dumps in ``data/``."""
    return sorted(p for p in DATA.glob("*.txt") if p.is_file())


def text_files(paths: list[Path]) -> list[Path]:
    """Dump files given as files or folders (searched recursively for ``*.txt``), in that order."""
    return [f for p in paths for f in (sorted(p.rglob("*.txt")) if p.is_dir() else [p])]


def truth_records(folder: Path) -> list[dict[str, object]]:
    """The truth records (``*.json``) in ``folder``, sorted by file name."""
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))]


def truth(corpus: Path) -> list[dict[str, object]]:
    """Every truth record of ``corpus`` (its ``truth/`` folder), sorted by id."""
    return truth_records(corpus / "truth")


def pages(corpus: Path, renderer: str) -> list[Page]:
    """Every page of ``corpus`` with its ``renderer`` dump (which may be missing), sorted by id."""
    return [Page(str(t["id"]), corpus / renderer / f"{t['id']}.txt", t) for t in truth(corpus)]


def read_dump(path: Path) -> str:
    """The decoded text of a dump, as newskit reads it; "" if it is missing, empty or binary."""
    try:
        return decode(path.read_bytes(), str(path)).text
    except (OSError, InputError):
        return ""
