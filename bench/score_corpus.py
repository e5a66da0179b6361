"""Score newskit's kept text, titles and dates on the development corpora.

Usage:
    python -m bench.score_corpus [CORPUS ...] [--variant chromium|inscriptis|both]
                                 [--worst N] [--page ID] [--baselines] [--jobs N] [--json FILE]
                                 [--set NAME=VALUE ...]

``--set title.crumb_bonus=2.0`` scores the parser with one of its weights changed (any name
of :class:`newskit.parse.ParseWeights`, repeatable): a sweep needs no code change.

CORPUS is a corpus folder (``../shared/corpus/aeb``) or the name of one under
``../shared/corpus`` (``aeb``, ``dragnet``); none means both. The metrics are in
``bench/metrics.py``: on aeb the body paragraphs are scored against the truth ``body``, on
dragnet the kept text (title, summary, captions and body) against its gold content, both
with the article-extraction benchmark's 4-token shingle F1; titles on the pages whose
headline comes from page metadata (any article's title, rapidfuzz partial_ratio >= 90; and
the stricter check of the first article's title, ratio >= 80 against the headline or a
part of it); dates on the pages whose truth gives an ISO publication date (the
article's date, as ``newskit list`` shows it: its published date, else its updated one, the
only date many pages show; and the published field alone); and whether the first
article's outlet names the page's site (``metrics.names_site``: "The New York Times" for
nytimes.com) on the pages whose truth has a ``site``. ``--worst N`` lists the
N worst pages by F1 on stderr. The figures go to bench/out/score_corpus.json as well (or
``--json FILE``). The pages are parsed on ``--jobs`` processes (default: one per CPU).

The quality gate (``tests/test_quality_gate.py``) checks the figures named in :data:`FLOORED`
against the floors in ``tests/quality_floors.json``. After a change that makes newskit
better, raise them with ``--write-floors tests/quality_floors.json``: today's figures,
rounded down at the third decimal (the figures are deterministic), for the corpora and
renderers scored (the others in the file are kept).
"""

from __future__ import annotations

import argparse
import json
import math
import multiprocessing
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from newskit.model import Article
from newskit.parse import ParseWeights, parse_text

from . import metrics
from .benchutil import json_option, write_figures
from .corpus import CORPORA, RENDERERS, Page, corpus_path, is_corpus, pages, read_dump

DEFAULT = ParseWeights()


def parse(text: str, source: str, weights: ParseWeights = DEFAULT) -> list[Article]:
    """The one place where the scorer calls the parser, with the weights ``--set`` gives."""
    return parse_text(text, source, weights=weights).articles


def weights_of(settings: list[str]) -> ParseWeights:
    """``--set NAME=VALUE`` settings (``title.crumb_bonus=2.0``) as parser weights."""
    values: dict[str, float] = {}
    for setting in settings:
        name, eq, value = setting.partition("=")
        try:
            values[name.strip()] = float(value)
        except ValueError:
            raise SystemExit(f"score_corpus: --set {setting!r}: expected NAME=NUMBER") from None
        if not eq:
            raise SystemExit(f"score_corpus: --set {setting!r}: expected NAME=NUMBER")
    try:
        return DEFAULT.with_overrides(values)
    except ValueError as exc:
        raise SystemExit(f"score_corpus: --set: {exc}") from None


def kind_of(corpus: Path) -> str:
    """Which metric a corpus takes: ``dragnet`` for that corpus, else ``aeb``'s."""
    return "dragnet" if corpus.resolve().name == "dragnet" else "aeb"


@dataclass(frozen=True)
class PageResult:
    id: str
    site: str
    text: metrics.Overlap
    articles: int
    title: str  # the first article's
    headline: str | None
    title_checked: bool
    title_found: bool  # any article's title, as the judging hook checks
    title_first: bool  # the first article's, the stricter check
    headline_in_dump: bool | None  # None: not asked
    date: int | None  # metrics.date_match of the article's date (published, else updated)
    published_only: int | None  # metrics.date_match of its published field alone
    outlet: str | None  # the first article's
    outlet_named: bool | None  # metrics.names_site; None: the truth has no site


def score_page(page: Page, kind: str, reach: bool = False, weights: ParseWeights = DEFAULT) -> PageResult:
    text = read_dump(page.dump)
    articles = parse(text, str(page.dump), weights)
    fields = [a.to_dict() for a in articles]
    truth = page.truth
    headline = truth.get("headline") or None
    checked = metrics.title_checked(truth)
    first = articles[0] if articles else None
    return PageResult(
        id=page.id,
        site=str(truth.get("site") or ""),
        text=metrics.overlap(metrics.kept_text(fields, metrics.KEPT[kind]), str(truth.get("body") or "")),
        articles=len(articles),
        title=first.title if first else "",
        headline=str(headline) if headline else None,
        title_checked=checked,
        title_found=checked and metrics.title_found([a.title for a in articles], str(headline)),
        title_first=checked and metrics.title_matches(first.title if first else "", str(headline)),
        headline_in_dump=metrics.headline_in(text, str(headline)) if reach and checked else None,
        date=metrics.date_match(first.date if first else None, truth.get("published")),  # type: ignore[arg-type]
        published_only=metrics.date_match(first.published if first else None, truth.get("published")),  # type: ignore[arg-type]
        outlet=first.outlet if first else None,
        outlet_named=metrics.names_site(first.outlet if first else None, str(truth["site"]))
        if truth.get("site") else None,
    )


def results(corpus: Path, renderer: str, *, jobs: int = 0, reach: bool = False,
            page: str | None = None, weights: ParseWeights = DEFAULT) -> list[PageResult]:
    """Every page of ``corpus`` in ``renderer``, parsed and scored on ``jobs`` processes (0: all CPUs)."""
    todo = [p for p in pages(corpus, renderer) if page is None or p.id == page]
    work: Callable[[Page], PageResult] = partial(score_page, kind=kind_of(corpus), reach=reach, weights=weights)
    jobs = jobs or len(os.sched_getaffinity(0))
    if jobs == 1 or len(todo) < 8:
        return [work(p) for p in todo]
    with multiprocessing.Pool(jobs) as pool:
        return pool.map(work, todo, chunksize=8)


def figures(corpus: str, renderer: str, rows: list[PageResult]) -> dict[str, object]:
    """The corpus figures of one rendering's pages."""
    text = metrics.text_score(r.text for r in rows)
    checked = [r for r in rows if r.title_checked]
    dated = [r for r in rows if r.date is not None]
    reach = [r for r in checked if r.headline_in_dump is not None]
    sited = [r for r in rows if r.outlet_named is not None]

    def share(k: int, n: int) -> float:
        return k / n if n else 0.0

    out: dict[str, object] = {
        "corpus": corpus,
        "renderer": renderer,
        "pages": len(rows),
        "precision": text.precision,
        "recall": text.recall,
        "f1": text.f1,
        "titles_n": len(checked),
        "titles_ok": sum(r.title_found for r in checked),
        "titles": share(sum(r.title_found for r in checked), len(checked)),
        "titles_first_ok": sum(r.title_first for r in checked),
        "titles_first": share(sum(r.title_first for r in checked), len(checked)),
        "dates_n": len(dated),
        "dates_day": sum(r.date == 2 for r in dated),
        "dates_near": sum((r.date or 0) >= 1 for r in dated),
        "dates_same_day": share(sum(r.date == 2 for r in dated), len(dated)),
        "dates_within_a_day": share(sum((r.date or 0) >= 1 for r in dated), len(dated)),
        "dates_published_field": sum(r.published_only == 2 for r in dated),
        "pages_not_one_article": sum(r.articles != 1 for r in rows),
        "outlets_n": len(sited),
        "outlets_given": sum(r.outlet is not None for r in sited),
        "outlets_ok": sum(bool(r.outlet_named) for r in sited),
        "outlet_names_site": share(sum(bool(r.outlet_named) for r in sited), len(sited)),
    }
    if reach:
        out["headline_in_dump"] = sum(bool(r.headline_in_dump) for r in reach)
    return out


def score(corpus: Path, renderer: str, *, jobs: int = 0, reach: bool = False) -> dict[str, object]:
    """:func:`figures` of ``corpus`` in ``renderer``."""
    return figures(corpus.resolve().name, renderer, results(corpus, renderer, jobs=jobs, reach=reach))


# -- floors (the quality gate) -------------------------------------------------------

FLOORED = ("f1", "titles", "titles_first", "dates_same_day", "dates_within_a_day", "outlet_names_site")
"""The figures the quality gate keeps from falling: text F1, both title checks, both date checks, outlets."""


def floors_of(figures: dict[str, object]) -> dict[str, float]:
    """The :data:`FLOORED` figures rounded down at the third decimal."""
    return {name: math.floor(float(figures[name]) * 1000) / 1000 for name in FLOORED}  # type: ignore[arg-type]


def below_floors(key: str, figures: dict[str, object], floors: dict[str, float]) -> list[str]:
    """One line for each figure below its floor, naming the figure, the floor and the value."""
    return [
        f"{key} {name}: {float(figures[name]):.4f} is below its floor {floor:.3f}"  # type: ignore[arg-type]
        for name, floor in floors.items()
        if float(figures[name]) < floor  # type: ignore[arg-type]
    ]


def write_floors(path: Path, found: list[dict[str, object]]) -> None:
    data = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    floors = data.get("floors", {})
    floors.update({f"{f['corpus']}/{f['renderer']}": floors_of(f) for f in found})
    data = {
        "about": "Quality floors checked by tests/test_quality_gate.py: each figure of bench.score_corpus for "
        "each corpus/renderer, rounded down at the third decimal. Raise them after an improvement with "
        "python -m bench.score_corpus --write-floors tests/quality_floors.json",
        "floors": dict(sorted(floors.items())),
    }
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    print(f"score_corpus: floors written to {path}", file=sys.stderr)


# -- baselines -----------------------------------------------------------------------


def keep_all(text: str) -> str:
    """Baseline: every line is kept."""
    return text


def justext_body(text: str) -> str:
    """Baseline: jusText 3 with each dump line given as a paragraph (English stoplist)."""
    import html

    import justext  # the `bench` extra

    doc = "<html><body>" + "".join(f"<p>{html.escape(x)}</p>" for x in text.split("\n") if x.strip())
    paras = justext.justext((doc + "</body></html>").encode("utf-8"), justext.get_stoplist("English"))
    return "\n\n".join(p.text for p in paras if not p.is_boilerplate)


BASELINES: dict[str, Callable[[str], str]] = {
    "keep every line": keep_all,
    "jusText 3, a line a paragraph": justext_body,
}


def _baseline_page(page: Page, name: str) -> metrics.Overlap:
    return metrics.overlap(BASELINES[name](read_dump(page.dump)), str(page.truth.get("body") or ""))


def score_baseline(corpus: Path, renderer: str, name: str, jobs: int = 0) -> metrics.TextScore:
    todo = pages(corpus, renderer)
    with multiprocessing.Pool(jobs or len(os.sched_getaffinity(0))) as pool:
        return metrics.text_score(pool.map(partial(_baseline_page, name=name), todo, chunksize=8))


# -- the command ---------------------------------------------------------------------

HEADER = (
    "| corpus | dumps | pages | precision | recall | text F1 | title found (any article) "
    "| first title matches | headline in dump at all | pages not parsed as 1 article "
    "| date (published, else updated): same day / within a day; published field alone "
    "| outlet names the site (outlet given) |\n"
    "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
)


def row(f: dict[str, object]) -> str:
    n = f["titles_n"]
    return (
        f"| {f['corpus']} | {f['renderer']} | {f['pages']} | {f['precision']:.3f} | {f['recall']:.3f} "
        f"| **{f['f1']:.3f}** | {f['titles_ok']}/{n} ({f['titles']:.1%}) "
        f"| {f['titles_first_ok']}/{n} ({f['titles_first']:.1%}) | {f.get('headline_in_dump', '–')}/{n} "
        f"| {f['pages_not_one_article']} "
        f"| {f['dates_day']}/{f['dates_n']} / {f['dates_near']}/{f['dates_n']}; {f['dates_published_field']} "
        f"| {f['outlets_ok']}/{f['outlets_n']} ({f['outlet_names_site']:.1%}; {f['outlets_given']}) |"
    )


def show_pages(rows: list[PageResult], worst: int) -> None:
    for r in sorted(rows, key=lambda r: r.text.f1)[: worst or None]:
        mark = "ok" if r.title_found else "NO" if r.title_checked else "--"
        print(f"{r.id} {r.site:<24.24} P={r.text.precision or 0:.2f} R={r.text.recall or 0:.2f} n={r.articles} "
              f"title={mark} {r.title[:60]!r} / {str(r.headline)[:60]!r} outlet={r.outlet!r}", file=sys.stderr)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpora", nargs="*", default=list(CORPORA),
                    help="corpus folders or names under ../shared/corpus (default: aeb dragnet)")
    ap.add_argument("--variant", choices=[*RENDERERS, "both"], default="both", help="which dumps (default both)")
    ap.add_argument("--worst", type=int, default=0, help="list the N worst pages on stderr")
    ap.add_argument("--page", help="score one page id only (and list it on stderr)")
    ap.add_argument("--baselines", action="store_true",
                    help="also score keeping every line, and jusText (needs the bench extra)")
    ap.add_argument("--jobs", type=int, default=0, help="processes to parse on (default 0: one per CPU)")
    ap.add_argument("--write-floors", type=Path, metavar="FILE",
                    help="write today's figures, rounded down, as the quality gate's floors to FILE")
    ap.add_argument("--set", dest="settings", action="append", default=[], metavar="NAME=VALUE",
                    help="set a parser weight by name, e.g. title.crumb_bonus=2.0 (repeatable; "
                         "names: newskit.parse.weights)")
    json_option(ap, "score_corpus")
    args = ap.parse_args()
    weights = weights_of(args.settings)
    if args.write_floors and (args.page or args.settings):
        ap.error("--write-floors needs whole corpora and the shipped weights (no --page, no --set)")
    corpora = [corpus_path(c) for c in args.corpora]
    missing = [c for c in corpora if not is_corpus(c)]
    if missing:
        print(f"score_corpus: no corpus at {', '.join(map(str, missing))} (expected a folder with truth/, "
              "chromium/ and inscriptis/); nothing to score", file=sys.stderr)
        return 2
    renderers = list(RENDERERS) if args.variant == "both" else [args.variant]
    found: list[dict[str, object]] = []
    print(HEADER)
    for corpus in corpora:
        for renderer in renderers:
            rows = results(corpus, renderer, jobs=args.jobs, reach=True, page=args.page, weights=weights)
            if args.worst or args.page:
                show_pages(rows, args.worst)
            found.append(figures(corpus.resolve().name, renderer, rows))
            print(row(found[-1]), flush=True)
    base: list[dict[str, object]] = []
    if args.baselines:
        print()
        print("| baseline | corpus | dumps | precision | recall | text F1 |")
        print("|---|---|---|---:|---:|---:|")
        for name in BASELINES:
            for corpus in corpora:
                for renderer in renderers:
                    b = score_baseline(corpus, renderer, name, args.jobs)
                    base.append({"baseline": name, "corpus": corpus.resolve().name, "renderer": renderer,
                                 "precision": b.precision, "recall": b.recall, "f1": b.f1})
                    print(f"| {name} | {corpus.resolve().name} | {renderer} | {b.precision:.3f} | "
                          f"{b.recall:.3f} | {b.f1:.3f} |", flush=True)
    write_figures("score_corpus", {"scores": found, "baselines": base}, args.json)
    if args.write_floors:
        write_floors(args.write_floors, found)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
