"""Score ``--site-chrome``: kept text with and without site chrome learned from the folder.

Usage:
    python -m bench.score_site_chrome [CORPUS ...] [--variant chromium|inscriptis|both]
                                      [--min-site-pages N] [--jobs N] [--json FILE]
                                      [--set NAME=VALUE ...]

For each corpus and renderer, every dump of the folder is parsed, summed up
(:func:`newskit.sitechrome.page_lines`) and the site chrome learned from all of them
(:func:`newskit.sitechrome.learn`), as ``newskit list --site-chrome <folder>`` does; then
each dump is parsed again with its site's chrome. The pages are grouped by what newskit
sees (outlet, opening and closing blocks); the truth's ``site`` only chooses the pages
scored: those of sites with ``--min-site-pages`` pages or more (default 5; on dragnet
667 pages), and, as a second row, every page. The metric is ``bench.score_corpus``'s
(kept-text 4-gram shingle precision / recall / F1, titles found on pages with a metadata
headline). The grouping's purity is reported too: the share of grouped pages (with a
truth site) whose group's most common truth site is their own, and how many truth sites
are split over more than one group. ``--set site.min_pages=4`` (any
:class:`newskit.parse.ParseWeights` name) changes a weight. Figures also go to
bench/out/score_site_chrome.json (or ``--json FILE``).
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from newskit.model import Reason
from newskit.parse import ParseWeights, parse_text
from newskit.sitechrome import PageLines, SiteChrome, group_sites, learn, page_lines

from . import metrics
from .benchutil import json_option, write_figures
from .corpus import CORPORA, RENDERERS, Page, corpus_path, pages, read_dump
from .score_corpus import kind_of, weights_of


@dataclass(frozen=True)
class Scored:
    id: str
    text: metrics.Overlap
    title_checked: bool
    title_found: bool
    removed: int  # lines removed as site chrome


def _score(page: Page, kind: str, weights: ParseWeights, chrome: frozenset[str]) -> Scored:
    text = read_dump(page.dump)
    doc = parse_text(text, str(page.dump), weights=weights, chrome=chrome)
    fields = [a.to_dict() for a in doc.articles]
    truth = page.truth
    checked = metrics.title_checked(truth)
    removed = sum(1 for r in doc.records() if r.rule == Reason.SITE_CHROME) if chrome else 0
    return Scored(
        page.id,
        metrics.overlap(metrics.kept_text(fields, metrics.KEPT[kind]), str(truth.get("body") or "")),
        checked,
        checked and metrics.title_found([a.title for a in doc.articles], str(truth.get("headline"))),
        removed,
    )


def _first(page: Page, kind: str, weights: ParseWeights) -> tuple[PageLines, Scored]:
    text = read_dump(page.dump)
    doc = parse_text(text, str(page.dump), weights=weights)
    return page_lines(doc, weights), _score(page, kind, weights, frozenset())


def _second(item: tuple[Page, frozenset[str]], kind: str, weights: ParseWeights) -> Scored:
    return _score(item[0], kind, weights, item[1])


def figures_of(rows: list[Scored]) -> dict[str, object]:
    t = metrics.text_score(r.text for r in rows)
    checked = [r for r in rows if r.title_checked]
    return {
        "pages": len(rows), "precision": t.precision, "recall": t.recall, "f1": t.f1,
        "titles_n": len(checked), "titles_ok": sum(r.title_found for r in checked),
        "site_chrome_lines": sum(r.removed for r in rows),
    }


def purity(todo: list[Page], learned_from: list[PageLines]) -> dict[str, object]:
    """How newskit's site groups match the truth's sites (pages with a truth site only)."""
    site_of = {str(p.dump): str(p.truth.get("site") or "") for p in todo}
    groups = group_sites(learned_from)
    pure = grouped = 0
    groups_of_site: defaultdict[str, set[int]] = defaultdict(set)
    for g, group in enumerate(groups):
        sites = [site_of[p.source] for p in group if site_of.get(p.source)]
        if len(group) < 2 or not sites:  # noqa: PLR2004 (a group of one page learns nothing)
            continue
        top = Counter(sites).most_common(1)[0][1]
        pure += top
        grouped += len(sites)
        for s in sites:
            groups_of_site[s].add(g)
    return {
        "groups": len(groups),
        "groups_of_2_or_more": sum(len(g) > 1 for g in groups),
        "grouped_pages_with_site": grouped,
        "purity": pure / grouped if grouped else 0.0,
        "sites_split": sum(len(v) > 1 for v in groups_of_site.values()),
    }


def run(corpus: Path, renderer: str, weights: ParseWeights, min_site_pages: int, jobs: int) -> dict[str, object]:
    todo = pages(corpus, renderer)
    kind = kind_of(corpus)
    with multiprocessing.Pool(jobs) as pool:
        first = pool.map(partial(_first, kind=kind, weights=weights), todo, chunksize=8)
        learned: SiteChrome = learn((f[0] for f in first), weights)
        second = pool.map(partial(_second, kind=kind, weights=weights),
                          [(p, learned.of(str(p.dump))) for p in todo], chunksize=8)
    per_site = Counter(str(p.truth.get("site") or "") for p in todo)
    multi = [i for i, p in enumerate(todo) if p.truth.get("site") and per_site[str(p.truth["site"])] >= min_site_pages]
    out: dict[str, object] = {
        "corpus": corpus.resolve().name, "renderer": renderer,
        "sites_found": learned.sites, "sites_with_chrome": learned.sites_with_chrome, "chrome_texts": learned.texts,
        **purity(todo, [f[0] for f in first]),
    }
    for name, idx in (("multi_page_sites", multi), ("all_pages", list(range(len(todo))))):
        out[name] = {"without": figures_of([first[i][1] for i in idx]), "with": figures_of([second[i] for i in idx])}
    return out


def line(name: str, f: dict[str, object]) -> str:
    a, b = f["without"], f["with"]  # type: ignore[index]
    return (f"| {name} | {a['pages']} | {a['precision']:.3f} → {b['precision']:.3f} | {a['recall']:.3f} → "
            f"{b['recall']:.3f} | **{a['f1']:.3f} → {b['f1']:.3f}** | {a['titles_ok']} → {b['titles_ok']} "
            f"of {a['titles_n']} | {b['site_chrome_lines']} |")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpora", nargs="*", default=list(CORPORA))
    ap.add_argument("--variant", choices=[*RENDERERS, "both"], default="both")
    ap.add_argument("--min-site-pages", type=int, default=5, help="score the pages of sites this big (default 5)")
    ap.add_argument("--jobs", type=int, default=0, help="processes (default 0: one per CPU)")
    ap.add_argument("--set", dest="settings", action="append", default=[], metavar="NAME=VALUE")
    json_option(ap, "score_site_chrome")
    args = ap.parse_args()
    weights = weights_of(args.settings)
    jobs = args.jobs or len(os.sched_getaffinity(0))
    renderers = list(RENDERERS) if args.variant == "both" else [args.variant]
    found = []
    print("| corpus / pages | pages | precision | recall | kept-text F1 | titles found | lines removed |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for c in args.corpora:
        corpus = corpus_path(c)
        for renderer in renderers:
            f = run(corpus, renderer, weights, args.min_site_pages, jobs)
            found.append(f)
            key = f"{f['corpus']}/{renderer}"
            print(line(f"{key} sites ≥ {args.min_site_pages} pages", f["multi_page_sites"]))  # type: ignore[arg-type]
            print(line(f"{key} all", f["all_pages"]), flush=True)  # type: ignore[arg-type]
            print(f"|  groups {f['groups']} ({f['groups_of_2_or_more']} of 2+ pages, {f['sites_with_chrome']} "
                  f"with chrome, {f['chrome_texts']} texts); purity {f['purity']:.3f} of "
                  f"{f['grouped_pages_with_site']} grouped pages; truth sites split: {f['sites_split']} |||||||",
                  flush=True)
    write_figures("score_site_chrome", {"settings": args.settings, "scores": found}, args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
