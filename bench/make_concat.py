"""Make seeded files of several dev pages appended one after another, for splitting (issue 11).

Usage:
    python -m bench.make_concat [--out DIR] [--seed 1] [--files 50]
                                [--variants blank,separator,digest,strip,pair,site] [--root DIR] [--json FILE]

Each file holds 2-30 pages drawn from the development corpora (``--root``, default
``../shared/corpus``): for each page aeb or dragnet with even odds, then a page of that
corpus at random, never the same page twice in a file, so the pages come in random order.
All pages of a file come from one renderer (Chromium or inscriptis, drawn per file). Only
pages with a non-empty dump and truth body are drawn. The variants:

``blank``
    the whole dumps (chrome and all, leading and trailing blank lines trimmed), separated
    by 1-3 blank lines: a day's scrape appended to one file.
``separator``
    the same, with a separator line between pages, one style per file: a row of ``-``
    or of ``=`` (4-72 of them), ``* * *``, or ``N of M DOCUMENTS`` as news-database
    exports print it (before every document, the first too, sometimes indented); 0-2
    blank lines on each side of it.
``digest``
    no chrome: each page's truth body, with its headline above it and a blank line, pages
    separated by 1-3 blank lines (a clippings file). The headline is left out where there
    is none, where the body's first two lines already hold it (most dragnet gold starts with
    the visible headline), and on dragnet where it is the page's first ``<h1>`` (often the
    blog's name, see the corpus README).
``strip``
    newskit's own ``strip`` output: each page's dump parsed by the library and its
    articles written as :func:`newskit.strip.clean_text` (title, blank line, paragraphs),
    articles and pages joined by :data:`newskit.strip.SEPARATOR` (a form-feed line), as
    ``newskit strip a.txt b.txt ...`` prints them. A page with nothing to strip is not drawn.
``pair``
    two whole dumps with one rule between them (``-`` or ``=`` as above, or ``* * *``),
    0-2 blank lines on each side of it: a rule whose shape the file holds only once.
``site``
    as ``blank``, but the pages of one site (its truth ``site``, as
    :func:`bench.metrics.site_label` names it; a site with 2 pages or more, drawn with even
    odds among them), 2 to all of its pages (30 at most) in random order: one site's scrape
    of a day appended to one file, its chrome the same on every page.

Every text is normalised as newskit's reader does (:func:`newskit.reader.normalise`), so the
line numbers are those the parser sees. Written to ``DIR/<variant>/NNN.txt`` (default
``bench/out/concat``, not tracked by git; it holds dragnet text, which must never be
committed), each with ``NNN.json``: the variant, seed, renderer, separator style, the number
of lines, and the pages in order (corpus, id, renderer, and ``start``/``end``, the 1-based
inclusive line span the page's text occupies). Old ``NNN.*`` files of a variant are removed
first. Same seed, same files: each file draws from its own generator seeded by the seed,
the variant and its number, so ``--files 100`` begins with the 50 files of ``--files 50``.
What was made goes to bench/out/make_concat.json (or ``--json FILE``).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from newskit.parse import parse_text
from newskit.reader import normalise
from newskit.strip import SEPARATOR, document_texts

from .benchutil import OUT, json_option, write_figures
from .corpus import CORPORA, CORPUS_ROOT, RENDERERS, read_dump, truth
from .metrics import site_label

VARIANTS = ("blank", "separator", "digest", "strip", "pair", "site")
SEPARATOR_STYLES = ("dashes", "equals", "stars", "documents")
RULE_STYLES = SEPARATOR_STYLES[:3]
"""The styles of the ``pair`` variant's one rule (a numbered line always splits)."""
MIN_PAGES, MAX_PAGES = 2, 30
DIGEST = "truth"
"""The renderer named in a digest's manifest: its text is the truth's, not a dump's."""


@dataclass(frozen=True)
class Source:
    """A page that may be drawn: its corpus folder, id and truth."""

    corpus: Path
    id: str
    truth: dict[str, object]

    @property
    def name(self) -> str:
        return self.corpus.name


def lines_of(text: str) -> list[str]:
    """The lines of ``text`` normalised as newskit reads it, blank lines at both ends trimmed."""
    lines = normalise(text).split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    return lines


def assemble(segments: list[list[str]], gaps: list[list[str]]) -> tuple[str, list[tuple[int, int]]]:
    """The file's text, ``gaps[i]`` before ``segments[i]``, and each segment's 1-based line span."""
    out: list[str] = []
    spans = []
    for gap, seg in zip(gaps, segments, strict=True):
        out.extend(gap)
        spans.append((len(out) + 1, len(out) + len(seg)))
        out.extend(seg)
    return "\n".join(out) + "\n", spans


def separator_line(style: str, number: int, total: int, rng: random.Random) -> str:
    """One separator line of ``style`` (``number`` of ``total`` for the documents style)."""
    if style == "dashes":
        return "-" * rng.choice((4, 8, 20, 40, 72))
    if style == "equals":
        return "=" * rng.choice((4, 8, 20, 40, 72))
    if style == "stars":
        return "* * *"
    return f"{' ' * rng.choice((0, 0, 30))}{number} of {total} DOCUMENTS"


def blank_gap(rng: random.Random) -> list[str]:
    return [""] * rng.randint(1, 3)


def gaps_for(variant: str, style: str | None, total: int, rng: random.Random) -> list[list[str]]:
    """The lines before each of ``total`` pages in a file of ``variant``."""
    if variant == "strip":
        return [[]] + [[SEPARATOR.rstrip("\n")] for _ in range(total - 1)]
    if variant not in ("separator", "pair"):
        return [[]] + [blank_gap(rng) for _ in range(total - 1)]
    assert style is not None
    gaps: list[list[str]] = []
    for i in range(total):
        if i == 0 and style != "documents":
            gaps.append([])
            continue
        line = separator_line(style, i + 1, total, rng)
        gaps.append([""] * (rng.randint(0, 2) if i else 0) + [line] + [""] * rng.randint(0, 2))
    return gaps


def digest_lines(source: Source) -> list[str]:
    """The page as a clipping: its headline (where it adds one), a blank line, its truth body."""
    body = lines_of(str(source.truth.get("body") or ""))
    headline = " ".join(str(source.truth.get("headline") or "").split())
    if not body or not headline or source.truth.get("headline_source") == "h1":
        return body
    first = " ".join(x.strip() for x in body[:2] if x.strip()).lower()
    if fuzz.partial_ratio(headline.lower(), first) >= 90:
        return body
    return [headline, "", *body]


def strip_text(dump: str, source: str) -> str:
    """What ``newskit strip`` prints for one dump: its articles' clean texts, form-feed separated."""
    texts = [t for t in document_texts(parse_text(dump, source)) if t]
    return SEPARATOR.join(texts)


def page_lines(variant: str, source: Source, renderer: str) -> list[str]:
    """The lines ``source`` adds to a file of ``variant`` ([] where it has nothing to add)."""
    if variant == "digest":
        return digest_lines(source)
    dump_path = source.corpus / renderer / f"{source.id}.txt"
    dump = read_dump(dump_path)
    if variant == "strip":
        return lines_of(strip_text(dump, str(dump_path)))
    return lines_of(dump)


def sources(root: Path, corpora: tuple[str, ...]) -> dict[str, list[Source]]:
    """The pages that may be drawn, by corpus: those with a truth body."""
    out = {}
    for name in corpora:
        folder = root / name
        out[name] = [Source(folder, str(t["id"]), t) for t in truth(folder) if str(t.get("body") or "").strip()]
    return {k: v for k, v in out.items() if v}


def sites(pool: dict[str, list[Source]]) -> list[list[Source]]:
    """The pages of each site with two pages or more (of either corpus), sites in name order."""
    by: dict[str, list[Source]] = {}
    for name in sorted(pool):
        for s in pool[name]:
            if s.truth.get("site"):
                by.setdefault(site_label(str(s.truth["site"])), []).append(s)
    return [by[k] for k in sorted(by) if len(by[k]) >= MIN_PAGES]


def make_file(variant: str, seed: int, number: int, pool: dict[str, list[Source]]) -> tuple[str, dict[str, Any]]:
    """File ``number`` of ``variant``: its text and its manifest."""
    rng = random.Random(f"{seed}/{variant}/{number}")
    total = MIN_PAGES if variant == "pair" else rng.randint(MIN_PAGES, MAX_PAGES)
    renderer = rng.choice(RENDERERS)
    if variant == "site":
        pages = list(rng.choice(sites(pool)))
        rng.shuffle(pages)
        pool = {"site": pages[: rng.randint(MIN_PAGES, min(MAX_PAGES, len(pages)))]}
        total = len(pool["site"])
    styles = {"separator": SEPARATOR_STYLES, "pair": RULE_STYLES}.get(variant)
    style = rng.choice(styles) if styles else None
    names = sorted(pool)
    used: set[tuple[str, str]] = set()
    drawn: list[tuple[Source, list[str]]] = []
    while len(drawn) < total:
        left = [n for n in names if len(pool[n]) > sum(k[0] == n for k in used)]
        if not left:
            break
        name = rng.choice(left)
        source = rng.choice([s for s in pool[name] if (name, s.id) not in used])
        used.add((name, source.id))
        lines = page_lines(variant, source, renderer)
        if lines:
            drawn.append((source, lines))
    gaps = gaps_for(variant, style, len(drawn), rng)
    text, spans = assemble([lines for _, lines in drawn], gaps)
    shown = DIGEST if variant == "digest" else renderer
    manifest: dict[str, Any] = {
        "file": f"{number:03d}.txt",
        "variant": variant,
        "seed": seed,
        "renderer": shown,
        "separator": style,
        "lines": text.count("\n"),
        "pages": [
            {"corpus": s.name, "id": s.id, "renderer": shown, "start": a, "end": b}
            for (s, _), (a, b) in zip(drawn, spans, strict=True)
        ],
    }
    return text, manifest


def write_variant(out: Path, variant: str, seed: int, files: int, pool: dict[str, list[Source]]) -> dict[str, Any]:
    folder = out / variant
    folder.mkdir(parents=True, exist_ok=True)
    for old in [*folder.glob("[0-9][0-9][0-9].txt"), *folder.glob("[0-9][0-9][0-9].json")]:
        old.unlink()
    pages = lines = 0
    for number in range(files):
        text, manifest = make_file(variant, seed, number, pool)
        (folder / str(manifest["file"])).write_text(text, encoding="utf-8", newline="\n")
        (folder / f"{number:03d}.json").write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
        pages += len(manifest["pages"])
        lines += manifest["lines"]
        print(f"\r{variant}: {number + 1}/{files} files", end="", file=sys.stderr)
    print(file=sys.stderr)
    return {"variant": variant, "folder": str(folder), "files": files, "pages": pages, "lines": lines}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=OUT / "concat", help="where to write (default bench/out/concat)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--files", type=int, default=50, help="files per variant (default 50)")
    ap.add_argument("--variants", default=",".join(VARIANTS), help=f"comma-separated, of {', '.join(VARIANTS)}")
    ap.add_argument("--root", type=Path, default=CORPUS_ROOT, help="the corpora (default ../shared/corpus)")
    json_option(ap, "make_concat")
    args = ap.parse_args(argv)
    variants = [v.strip() for v in args.variants.split(",") if v.strip()]
    unknown = [v for v in variants if v not in VARIANTS]
    if unknown:
        ap.error(f"--variants: unknown {', '.join(unknown)} (known: {', '.join(VARIANTS)})")
    pool = sources(args.root, CORPORA)
    if not pool:
        print(f"make_concat: no corpus under {args.root} (expected aeb/ or dragnet/ with truth/); "
              "nothing written", file=sys.stderr)
        return 2
    made = [write_variant(args.out, v, args.seed, args.files, pool) for v in variants]
    for m in made:
        print(f"| {m['variant']} | {m['files']} files | {m['pages']} pages | {m['lines']} lines | {m['folder']} |")
    figures = {"seed": args.seed, "corpora": sorted(pool), "pages_drawable": {k: len(v) for k, v in pool.items()},
               "variants": made}
    write_figures("make_concat", figures, args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
