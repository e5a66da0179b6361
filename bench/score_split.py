"""Score how newskit splits files of appended pages into articles (issue 11).

Usage:
    python -m bench.make_concat --seed 1 --files 50
    python -m bench.score_split [DIR] [--variants blank,separator,digest,strip,pair,site] [--root DIR]
                                [--jobs N] [--json FILE]

DIR is what ``bench.make_concat`` wrote (default ``bench/out/concat``): ``<variant>/NNN.txt``,
each with a manifest ``NNN.json`` of its pages and the line span each occupies. Each file is
decoded as newskit reads it (:func:`bench.corpus.read_dump`) and parsed with
:func:`newskit.parse.parse_text`; every page's text (its span's lines) is also parsed alone,
for the one-page-per-file figure of the same pages. The truth is read from the corpora
(``--root``, default ``../shared/corpus``) at run time.

How articles are matched to pages, by line numbers (an article's ``start``/``end`` and the
line records of its fields against each page's span):

- an article **belongs to** the page whose span holds most of its content lines (title,
  summary, captions, body; else most of its span); a page's predicted text is the kept text
  of the articles that belong to it;
- an article **holds** a page's body where its body lines inside that page's span cover at
  least :data:`HOLDS` of the shingles of the page's truth body;
- a page is **found** (page recall) where an article lies mostly (more than half of its
  span's lines) inside the page's span and the article's body shares a shingle with the
  page's truth body ("as the pages alone give": where the page's span parsed alone gives
  an article whose body does, the recall splitting can reach);
- a page is **merged** where an article holds its body and another page's body too;
- a page is **lost** where no article is its own: none lies mostly inside it, none holds
  its body, none belongs to it;
- a file has the **exact count** where it gives as many articles as it has pages ("as
  alone": as many as its pages give when each is parsed alone, where a page alone is not
  always one article).

Body F1 is :mod:`bench.metrics`'s shingle F1 as ``bench.score_corpus`` scores it (aeb: the body
against the truth body; dragnet: title, summary, captions and body against the gold), over
the pages of a variant and corpus, in the file and alone. For ``strip`` files, "round trip"
is the share of pages whose articles in the file have the same titles and bodies as the
articles ``newskit`` finds in the page's own dump (the ones ``strip`` printed), in the file
and with the page's strip output parsed alone. Markdown tables on stdout; the figures, with
one row per file, go to bench/out/score_split.json (or ``--json FILE``).
"""

from __future__ import annotations

import argparse
import functools
import json
import multiprocessing
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newskit.model import Article, Kind, Reason
from newskit.parse import parse_text, split_lines

from . import metrics
from .benchutil import OUT, json_option, write_figures
from .corpus import CORPUS_ROOT, read_dump
from .make_concat import VARIANTS

HOLDS = 0.1
"""The share of a page's truth shingles an article's body lines in its span must cover to hold it."""
CONTENT = frozenset({Kind.TITLE, Kind.SUMMARY, Kind.CAPTION, Kind.BODY})

Span = tuple[int, int]


# -- matching articles to pages (no corpus needed) ------------------------------------


@dataclass(frozen=True)
class Parsed:
    """An article as the matching sees it: its span, fields, and content lines by number."""

    start: int
    end: int
    fields: dict[str, object]  # Article.to_dict()
    content: tuple[int, ...]  # line numbers of its title, summary, caption and body lines
    body: tuple[tuple[int, str], ...]  # (line number, text) of its body lines

    @classmethod
    def of(cls, article: Article) -> Parsed:
        content: list[int] = []
        body: list[tuple[int, str]] = []
        kind = Kind.REMOVED
        for r in article.lines:
            if not (r.kind is Kind.REMOVED and r.rule == Reason.CONTINUED):
                kind = r.kind  # a continued (hard-wrapped) line has the kind of the line above
            if kind in CONTENT:
                content.append(r.no)
            if kind is Kind.BODY:
                body.append((r.no, r.text))
        return cls(article.start, article.end, article.to_dict(), tuple(content), tuple(body))

    @property
    def text(self) -> str:
        return "\n".join(t for _, t in self.body)


def lines_in(start: int, end: int, span: Span) -> int:
    """How many of the lines ``start``..``end`` lie inside ``span`` (both inclusive)."""
    return max(0, min(end, span[1]) - max(start, span[0]) + 1)


def mostly_inside(article: Parsed, span: Span) -> bool:
    """More than half of the article's span lies inside ``span``."""
    return 2 * lines_in(article.start, article.end, span) > article.end - article.start + 1


def owner(article: Parsed, spans: Sequence[Span]) -> int | None:
    """The page the article belongs to: the one with most of its content lines, else of its span."""
    counts = [sum(a <= no <= b for no in article.content) for a, b in spans]
    if not any(counts):
        counts = [lines_in(article.start, article.end, s) for s in spans]
    best = max(range(len(spans)), key=counts.__getitem__, default=None)
    return best if best is not None and counts[best] else None


def holds(article: Parsed, span: Span, gold: str) -> bool:
    """The article's body lines inside ``span`` cover at least :data:`HOLDS` of ``gold``'s shingles."""
    inside = "\n".join(t for no, t in article.body if span[0] <= no <= span[1])
    return bool(inside) and (metrics.overlap(inside, gold).recall or 0.0) >= HOLDS


@dataclass(frozen=True)
class PageMatch:
    found: bool
    merged: bool
    lost: bool
    articles: tuple[int, ...]  # the indexes of the articles that belong to the page


def match(articles: Sequence[Parsed], spans: Sequence[Span], golds: Sequence[str]) -> list[PageMatch]:
    """Each page's outcome (see the module docstring), given its span and its truth body."""
    owners = [owner(a, spans) for a in articles]
    held = [[holds(a, s, g) for s, g in zip(spans, golds, strict=True)] for a in articles]
    out = []
    for p, (span, gold) in enumerate(zip(spans, golds, strict=True)):
        found = any(mostly_inside(a, span) and metrics.overlap(a.text, gold).tp > 0 for a in articles if a.body)
        merged = any(h[p] and sum(h) > 1 for h in held)
        mine = tuple(i for i, o in enumerate(owners) if o == p)
        lost = not found and not mine and not any(h[p] for h in held)
        out.append(PageMatch(found, merged, lost, mine))
    return out


def same_articles(got: Sequence[dict[str, object]], want: Sequence[dict[str, object]]) -> bool:
    """The same titles and bodies, in the same order."""
    def key(fields: Sequence[dict[str, object]]) -> list[tuple[object, object]]:
        return [(f["title"], f["body"]) for f in fields]

    return key(got) == key(want)


# -- scoring the files ----------------------------------------------------------------


@dataclass(frozen=True)
class PageResult:
    corpus: str
    id: str
    found: bool
    found_alone: bool  # found as the page's own span parsed alone gives it
    merged: bool
    lost: bool
    text: metrics.Overlap  # in the file
    alone: metrics.Overlap  # its span's lines parsed alone
    alone_articles: int
    round_trip: bool | None  # strip files: the same articles as the page's own dump gives
    round_trip_alone: bool | None


@dataclass(frozen=True)
class FileResult:
    variant: str
    file: str
    articles: int
    pages: list[PageResult]

    @property
    def alone_articles(self) -> int:
        return sum(p.alone_articles for p in self.pages)


@functools.lru_cache(maxsize=4096)
def truth_of(root: Path, corpus: str, page: str) -> dict[str, object]:
    return json.loads((root / corpus / "truth" / f"{page}.json").read_text(encoding="utf-8"))


def kind_of(corpus: str) -> str:
    return "dragnet" if corpus == "dragnet" else "aeb"


def stripped(fields: Sequence[dict[str, object]]) -> list[dict[str, object]]:
    """The articles ``newskit strip`` prints (those with a title or body to show)."""
    return [f for f in fields if f["title"] or f["body"]]


def score_file(path: Path, root: Path = CORPUS_ROOT) -> FileResult:
    manifest = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    text = read_dump(path)
    lines = split_lines(text)
    if len(lines) != manifest["lines"]:
        raise SystemExit(f"score_split: {path} has {len(lines)} lines, its manifest says {manifest['lines']}; "
                         "make the files again with python -m bench.make_concat")
    articles = [Parsed.of(a) for a in parse_text(text, str(path)).articles]
    pages = manifest["pages"]
    spans = [(int(p["start"]), int(p["end"])) for p in pages]
    truths = [truth_of(root, p["corpus"], p["id"]) for p in pages]
    golds = [str(t.get("body") or "") for t in truths]
    matched = match(articles, spans, golds)
    variant = manifest["variant"]
    out = []
    for page, (a, b), gold, m in zip(pages, spans, golds, matched, strict=True):
        fields = metrics.KEPT[kind_of(page["corpus"])]
        own = "\n".join(lines[a - 1 : b]) + "\n"
        parsed_alone = [Parsed.of(x) for x in parse_text(own, f"{path}:{a}-{b}").articles]
        alone = [x.fields for x in parsed_alone]
        mine = [articles[i].fields for i in m.articles]
        trip = trip_alone = None
        if variant == "strip":
            dump = root / page["corpus"] / page["renderer"] / f"{page['id']}.txt"
            want = stripped([x.to_dict() for x in parse_text(read_dump(dump), str(dump)).articles])
            trip, trip_alone = same_articles(mine, want), same_articles(stripped(alone), want)
        out.append(PageResult(
            corpus=page["corpus"],
            id=page["id"],
            found=m.found,
            found_alone=any(x.body and metrics.overlap(x.text, gold).tp > 0 for x in parsed_alone),
            merged=m.merged,
            lost=m.lost,
            text=metrics.overlap(metrics.kept_text(mine, fields), gold),
            alone=metrics.overlap(metrics.kept_text(alone, fields), gold),
            alone_articles=len(alone),
            round_trip=trip,
            round_trip_alone=trip_alone,
        ))
    return FileResult(variant, manifest["file"], len(articles), out)


def score_files(paths: list[Path], root: Path, jobs: int = 0) -> list[FileResult]:
    jobs = jobs or len(os.sched_getaffinity(0))
    work = functools.partial(score_file, root=root)
    if jobs == 1 or len(paths) < 4:
        return [work(p) for p in paths]
    with multiprocessing.Pool(jobs) as pool:
        return pool.map(work, paths, chunksize=1)


# -- figures --------------------------------------------------------------------------


def share(k: int, n: int) -> float:
    return k / n if n else 0.0


def figures(variant: str, files: list[FileResult]) -> dict[str, Any]:
    pages = [p for f in files for p in f.pages]
    f1: dict[str, dict[str, Any]] = {}
    for corpus in sorted({p.corpus for p in pages}):
        some = [p for p in pages if p.corpus == corpus]
        got, alone = metrics.text_score(p.text for p in some), metrics.text_score(p.alone for p in some)
        f1[corpus] = {"pages": len(some), "f1": got.f1, "precision": got.precision, "recall": got.recall,
                      "f1_alone": alone.f1, "precision_alone": alone.precision, "recall_alone": alone.recall}
    out: dict[str, Any] = {
        "variant": variant,
        "files": len(files),
        "pages": len(pages),
        "articles": sum(f.articles for f in files),
        "exact_count": sum(f.articles == len(f.pages) for f in files),
        "exact_count_share": share(sum(f.articles == len(f.pages) for f in files), len(files)),
        "count_as_alone": sum(f.articles == f.alone_articles for f in files),
        "count_as_alone_share": share(sum(f.articles == f.alone_articles for f in files), len(files)),
        "one_article_files": sum(f.articles == 1 for f in files),
        "found": sum(p.found for p in pages),
        "page_recall": share(sum(p.found for p in pages), len(pages)),
        "found_alone": sum(p.found_alone for p in pages),
        "page_recall_alone": share(sum(p.found_alone for p in pages), len(pages)),
        "merged": sum(p.merged for p in pages),
        "lost": sum(p.lost for p in pages),
        "body_f1": f1,
    }
    trips = [p for p in pages if p.round_trip is not None]
    if trips:
        out["round_trip"] = sum(bool(p.round_trip) for p in trips)
        out["round_trip_alone"] = sum(bool(p.round_trip_alone) for p in trips)
        out["round_trip_share"] = share(out["round_trip"], len(trips))
        out["round_trip_alone_share"] = share(out["round_trip_alone"], len(trips))
    out["per_file"] = [{"file": f.file, "pages": len(f.pages), "articles": f.articles,
                        "articles_alone": f.alone_articles} for f in files]
    return out


COUNTS = (
    "| variant | files | pages | articles | exact count (= pages) | count as the pages alone give "
    "| files of one article | page recall | as the pages alone give | merged pages | lost pages |\n"
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
)
TEXT = (
    "| variant | corpus | pages | body F1 in the file (P / R) | body F1 one page a file (P / R) | difference |\n"
    "|---|---|---:|---:|---:|---:|"
)


def count_row(f: dict[str, Any]) -> str:
    n, p = f["files"], f["pages"]
    return (
        f"| {f['variant']} | {n} | {p} | {f['articles']} | {f['exact_count']}/{n} ({f['exact_count_share']:.0%}) "
        f"| {f['count_as_alone']}/{n} ({f['count_as_alone_share']:.0%}) | {f['one_article_files']}/{n} "
        f"| {f['found']}/{p} ({f['page_recall']:.3f}) | {f['found_alone']}/{p} ({f['page_recall_alone']:.3f}) "
        f"| {f['merged']} | {f['lost']} |"
    )


def text_rows(f: dict[str, Any]) -> list[str]:
    rows = []
    for corpus, s in f["body_f1"].items():
        rows.append(
            f"| {f['variant']} | {corpus} | {s['pages']} | {s['f1']:.3f} ({s['precision']:.3f} / {s['recall']:.3f}) "
            f"| {s['f1_alone']:.3f} ({s['precision_alone']:.3f} / {s['recall_alone']:.3f}) "
            f"| {s['f1'] - s['f1_alone']:+.3f} |"
        )
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dir", nargs="?", type=Path, default=OUT / "concat",
                    help="what bench.make_concat wrote (default bench/out/concat)")
    ap.add_argument("--variants", default=",".join(VARIANTS), help=f"comma-separated, of {', '.join(VARIANTS)}")
    ap.add_argument("--root", type=Path, default=CORPUS_ROOT, help="the corpora (default ../shared/corpus)")
    ap.add_argument("--jobs", type=int, default=0, help="processes to parse on (default 0: one per CPU)")
    json_option(ap, "score_split")
    args = ap.parse_args(argv)
    variants = [v.strip() for v in args.variants.split(",") if v.strip()]
    todo = {v: sorted((args.dir / v).glob("[0-9][0-9][0-9].txt")) for v in variants}
    todo = {v: paths for v, paths in todo.items() if paths}
    if not todo:
        print(f"score_split: no files under {args.dir} (make them with python -m bench.make_concat); "
              "nothing to score", file=sys.stderr)
        return 2
    found = []
    for variant, paths in todo.items():
        print(f"score_split: {variant}: {len(paths)} files", file=sys.stderr)
        found.append(figures(variant, score_files(paths, args.root, args.jobs)))
    print(COUNTS)
    for f in found:
        print(count_row(f))
    print()
    print(TEXT)
    for f in found:
        print("\n".join(text_rows(f)))
    trips = [f for f in found if "round_trip" in f]
    if trips:
        print()
        print("| variant | pages | round trip: same articles as the page's own dump, in the file | parsed alone |")
        print("|---|---:|---:|---:|")
        for f in trips:
            print(f"| {f['variant']} | {f['pages']} | {f['round_trip']}/{f['pages']} ({f['round_trip_share']:.1%}) "
                  f"| {f['round_trip_alone']}/{f['pages']} ({f['round_trip_alone_share']:.1%}) |")
    write_figures("score_split", {"dir": str(args.dir), "variants": found}, args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
