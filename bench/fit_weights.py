"""Fit the parser's tuned numbers on both corpora, with leave-sites-out figures (issue 11).

Usage:
    python -m bench.fit_weights [--folds K] [--fields NAME,NAME,...] [--budget N] [--rounds N]
                                [--margin M] [--salt S] [--no-fit] [--jobs N] [--json FILE]

**Folds by site.** Every page of both corpora (aeb and dragnet, each in both renderings) is
grouped by its site: the registrable name of its truth ``site`` (:func:`bench.metrics.site_label`,
so ``online.wsj.com`` and ``wsj.com`` are one site, in either corpus); a page whose truth has no
site (236 dragnet pages) is a site of its own. Each site goes to one of K folds (``--folds``,
default 2) by a stable hash of its name and ``--salt`` (:func:`fold_of`), so no site is in the
training pages and the scored pages of one fold, and the folds do not depend on the order of
the pages or on the run.

**The objective** (:func:`objective`) is the mean of four figures of ``bench.score_corpus``:
aeb body F1, dragnet kept-text F1, aeb titles and dragnet titles (``titles``: any article's
title matches the metadata headline), each the mean over the two renderings, computed over
the pages given. Each corpus weighs the same, whatever its size: dragnet's 1,379 pages would
otherwise drown aeb's 96, and the text F1 and the titles weigh the same as each other. Dates
and outlets are reported but not fitted (few pages have a date; the outlet turns on cues,
not on weights).

**The fitter** (:func:`coordinate_search`) is a coordinate search over a list of weights
(``--fields``; default :data:`FIELDS`, the body run's costs and the title's main terms):
each in turn is tried at a few steps from its current value (:func:`steps`: x0.5, x0.75,
x1.25, x1.5 for a real number; -1, +1, x0.75, x1.25 rounded for a whole one) and the best
step is kept where it beats the current objective by more than ``--margin`` (default 0.002:
one aeb title on one rendering moves the objective by about 0.0027 in a fold). Up to
``--rounds`` rounds (default 2; a round that changes nothing ends the search), and at most
``--budget`` evaluations of the objective per fit (default 60; the start counts). An
evaluation parses each page once with those weights; per-page results are remembered per
setting of the weights (the only thing valid across settings), so a setting that two fits
both try (the first steps of every fit are the same) is parsed once for the pages they share.

**What is reported.** For each fold: the overrides fitted on the other folds' sites, the
train objective, and the held-out figures (fold's own pages) with the default weights and
with the fitted ones; then the fit on all sites with its (in-sample) figures. The
leave-sites-out figure of a metric is the held-out figure with the weights fitted without
those sites, pooled over the folds (the held-out page results of every fold scored together,
as ``score_corpus`` scores a corpus). ``--no-fit`` reports only the per-fold figures of the
default weights. **The shipped defaults were tuned by hand on all pages**, so their figures
per fold are not held-out figures: the honest held-out figure of a way of setting weights is
only had by refitting without the scored sites, which is what the fit does.

Authors are not scored (no truth has them). Splitting is scored by ``bench.make_concat`` and
``bench.score_split``; its held-out figure is the one on a fresh seed (files drawn anew from
the pages), e.g. ``python -m bench.make_concat --seed 7 --out bench/out/concat7`` then
``python -m bench.score_split bench/out/concat7``, since the layout weights were set looking
at seed 1's files.

A markdown table goes to stdout, progress to stderr, and the figures to
bench/out/fit_weights.json (or ``--json FILE``).
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import multiprocessing
import os
import sys
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newskit.parse import ParseWeights

from . import metrics
from .benchutil import json_option, write_figures
from .corpus import CORPORA, CORPUS_ROOT, RENDERERS, Page, is_corpus, pages
from .score_corpus import PageResult, figures, score_page

DEFAULT = ParseWeights()
_DEFAULTS = dict(DEFAULT.items())

FIELDS = (
    "lines.short_cost",
    "lines.rule_cost",
    "lines.good_weight",
    "body.isolated_cost",
    "body.crowded_factor",
    "body.gap_growth",
    "body.end_fraction",
    "title.overlap",
    "title.meta_bonus",
    "title.rank_cost",
    "title.repeat_bonus",
    "title.name_cost",
)
"""The weights fitted by default: the body run's costs and the title's main terms."""

FACTORS = (0.5, 0.75, 1.25, 1.5)  # the steps of a real-valued weight
WHOLE_FACTORS = (0.75, 1.25)  # ... and of a whole one, beside -1 and +1
ZERO_STEPS = (0.1, 0.5)  # a real weight at 0 is tried at these
METRICS = (
    ("f1", "text F1"),
    ("titles", "titles (any article)"),
    ("titles_first", "first title"),
    ("dates_same_day", "date, same day"),
    ("outlet_names_site", "outlet names the site"),
)
"""The figures reported for each corpus and rendering (names of ``score_corpus.figures``)."""
OBJECTIVE_TERMS = (("aeb", "f1"), ("dragnet", "f1"), ("aeb", "titles"), ("dragnet", "titles"))


# -- folds ---------------------------------------------------------------------------


def site_key(corpus: str, truth: Mapping[str, object]) -> str:
    """Which site a page is of: its site's registrable name, else the page itself."""
    site = str(truth.get("site") or "")
    label = metrics.site_label(site) if site else ""
    return label or f"page:{corpus}/{truth.get('id')}"


def fold_of(key: str, folds: int, salt: str = "") -> int:
    """The fold (0 to ``folds`` - 1) of a site: a stable hash of its name, not Python's ``hash``."""
    digest = hashlib.sha256(f"{salt}\0{key}".encode()).digest()
    return int.from_bytes(digest[:8], "big") % folds


@dataclass(frozen=True)
class Ref:
    """One page in one rendering, with its site and fold."""

    corpus: str
    renderer: str
    page: Page
    site: str
    fold: int


def load_refs(root: Path, folds: int, salt: str = "") -> list[Ref]:
    """Every page of both corpora in both renderings, in a fixed order, with its fold."""
    refs = []
    for corpus in CORPORA:
        for renderer in RENDERERS:
            for page in pages(root / corpus, renderer):
                key = site_key(corpus, page.truth)
                refs.append(Ref(corpus, renderer, page, key, fold_of(key, folds, salt)))
    return refs


# -- evaluating a setting of the weights ---------------------------------------------

Setting = tuple[tuple[str, float | int], ...]
"""A setting of the weights: the overrides, sorted by name (hashable)."""


def setting_of(overrides: Mapping[str, float | int]) -> Setting:
    """``overrides`` as a :data:`Setting`, values as the weights hold them, defaults left out."""
    weights = dict(DEFAULT.with_overrides(overrides).items())
    return tuple((k, weights[k]) for k in sorted(overrides) if weights[k] != _DEFAULTS[k])


def _score(ref: Ref, weights: ParseWeights) -> PageResult:
    r = score_page(ref.page, ref.corpus, weights=weights)
    return dataclasses.replace(r, title="", headline=None)  # what figures() needs, no more


@dataclass
class Evaluator:
    """Per-page results of settings of the weights, each page parsed once per setting."""

    refs: list[Ref]
    pool: Any = None  # a multiprocessing pool, or None: parse here
    cache: dict[tuple[Setting, int], PageResult] = field(default_factory=dict)
    parsed: int = 0  # dumps parsed
    seconds: float = 0.0  # wall-clock seconds spent parsing

    def results(self, overrides: Mapping[str, float | int], indices: Sequence[int]) -> list[PageResult]:
        setting = setting_of(overrides)
        todo = [i for i in indices if (setting, i) not in self.cache]
        if todo:
            weights = DEFAULT.with_overrides(dict(setting))
            start = time.perf_counter()
            work = [(self.refs[i], weights) for i in todo]
            done = (self.pool.starmap(_score, work, chunksize=8) if self.pool is not None
                    else [_score(*w) for w in work])
            self.seconds += time.perf_counter() - start
            self.parsed += len(todo)
            self.cache.update(((setting, i), r) for i, r in zip(todo, done, strict=True))
        return [self.cache[(setting, i)] for i in indices]

    def figures(self, overrides: Mapping[str, float | int], indices: Sequence[int]) -> dict[str, dict[str, Any]]:
        """``score_corpus`` figures of those pages, by ``corpus/renderer``."""
        return group_figures([self.refs[i] for i in indices], self.results(overrides, indices))


def group_figures(refs: Sequence[Ref], rows: Sequence[PageResult]) -> dict[str, dict[str, Any]]:
    """The figures of page results by ``corpus/renderer``, as ``score_corpus`` computes them."""
    groups: dict[str, list[PageResult]] = {}
    for ref, row in zip(refs, rows, strict=True):
        groups.setdefault(f"{ref.corpus}/{ref.renderer}", []).append(row)
    return {key: figures(key.split("/")[0], key.split("/")[1], found) for key, found in sorted(groups.items())}


def corpus_mean(figs: Mapping[str, Mapping[str, Any]], corpus: str, name: str) -> float | None:
    """A figure of ``corpus``, the mean over its renderings (None where it has no pages)."""
    values = [float(f[name]) for key, f in figs.items() if key.split("/")[0] == corpus]
    return sum(values) / len(values) if values else None


def objective(figs: Mapping[str, Mapping[str, Any]]) -> float:
    """The fitted objective: the mean of :data:`OBJECTIVE_TERMS` (a missing term left out)."""
    terms = [v for c, n in OBJECTIVE_TERMS if (v := corpus_mean(figs, c, n)) is not None]
    return sum(terms) / len(terms) if terms else 0.0


# -- the coordinate search -----------------------------------------------------------


def steps(value: float | int) -> list[float | int]:
    """The values a weight is tried at from ``value`` (not ``value`` itself), in order."""
    if isinstance(value, int):
        found = {value - 1, value + 1, *(round(value * f) for f in WHOLE_FACTORS)}
        return sorted(v for v in found if v >= 0 and v != value)
    if value == 0:
        return list(ZERO_STEPS)
    return [round(value * f, 6) for f in FACTORS]


@dataclass
class Search:
    """What a coordinate search found: the overrides, their objective, and how it went."""

    overrides: dict[str, float | int]
    value: float
    start_value: float
    evaluations: int
    trail: list[dict[str, Any]]


def coordinate_search(
    score: Callable[[dict[str, float | int]], float],
    start: Mapping[str, float | int],
    fields: Sequence[str],
    *,
    budget: int = 60,
    rounds: int = 2,
    margin: float = 0.002,
    log: Callable[[str], None] = lambda _: None,
) -> Search:
    """Maximise ``score(overrides)`` one weight at a time from ``start`` (the values of ``fields``).

    Each weight in turn is tried at :func:`steps` from its current value; the best step is kept
    where it beats the current score by more than ``margin``. At most ``rounds`` rounds (one
    that keeps nothing ends it) and ``budget`` calls of ``score`` (the start counts; a setting
    seen before is not scored again).
    """
    seen: dict[tuple[tuple[str, float | int], ...], float] = {}

    def value_of(overrides: dict[str, float | int]) -> float | None:
        key = tuple(sorted(overrides.items()))
        if key not in seen:
            if len(seen) >= budget:
                return None
            seen[key] = score(dict(overrides))
        return seen[key]

    current: dict[str, float | int] = {}
    best = value_of(current)
    assert best is not None, "a budget of at least 1"
    first, trail = best, []
    log(f"start: {best:.4f}")
    for round_no in range(1, rounds + 1):
        kept = 0
        for name in fields:
            now = current.get(name, start[name])
            tried = [(v, value_of({**current, name: v})) for v in steps(now)]
            scored = [(v, s) for v, s in tried if s is not None]
            if not scored:
                break
            v, s = max(scored, key=lambda t: t[1])
            keep = s > best + margin
            trail.append({"round": round_no, "weight": name, "from": now, "tried": dict(scored),
                          "kept": v if keep else None})
            log(f"round {round_no} {name}={now}: " + ", ".join(f"{x}: {y:.4f}" for x, y in scored)
                + (f" -> {v} ({s:.4f})" if keep else " (kept as it was)"))
            if keep:
                current[name], best, kept = v, s, kept + 1
        if not kept or len(seen) >= budget:
            break
    return Search(current, best, first, len(seen), trail)


# -- the run -------------------------------------------------------------------------


@dataclass
class Fold:
    """One fold: its held-out pages, and what the fit on the other folds gave."""

    number: int
    test: list[int]
    train: list[int]
    search: Search | None = None


def fit(ev: Evaluator, train: list[int], fields: Sequence[str], args: argparse.Namespace, name: str) -> Search:
    """The coordinate search of ``fields`` on the ``train`` pages, logged to stderr."""
    start = dict(DEFAULT.items())
    count = 0

    def score(overrides: dict[str, float | int]) -> float:
        nonlocal count
        count += 1
        t = time.perf_counter()
        value = objective(ev.figures(overrides, train))
        shown = ", ".join(f"{k}={v}" for k, v in sorted(overrides.items())) or "defaults"
        print(f"fit_weights: [{name}] evaluation {count}/{args.budget}: {shown}: {value:.4f} "
              f"({time.perf_counter() - t:.1f} s; {ev.parsed} dumps parsed so far)", file=sys.stderr, flush=True)
        return value

    return coordinate_search(score, start, fields, budget=args.budget, rounds=args.rounds, margin=args.margin,
                             log=lambda s: print(f"fit_weights: [{name}] {s}", file=sys.stderr, flush=True))


def split_folds(refs: list[Ref], folds: int) -> list[Fold]:
    return [Fold(k, [i for i, r in enumerate(refs) if r.fold == k], [i for i, r in enumerate(refs) if r.fold != k])
            for k in range(folds)]


def pooled(ev: Evaluator, chosen: Iterable[tuple[Mapping[str, float | int], list[int]]]) -> dict[str, dict[str, Any]]:
    """The figures of several (overrides, pages) results scored together."""
    refs: list[Ref] = []
    rows: list[PageResult] = []
    for overrides, indices in chosen:
        refs += [ev.refs[i] for i in indices]
        rows += ev.results(overrides, indices)
    return group_figures(refs, rows)


def fold_record(ev: Evaluator, fold: Fold) -> dict[str, Any]:
    refs = [ev.refs[i] for i in fold.test]
    record: dict[str, Any] = {
        "fold": fold.number,
        "test_sites": len({r.site for r in refs}),
        "test_pages": {c: sum(r.corpus == c for r in refs) // len(RENDERERS) for c in CORPORA},
        "held_out_default": ev.figures({}, fold.test),
    }
    record["held_out_default_objective"] = objective(record["held_out_default"])
    if fold.search is not None:
        s = fold.search
        record |= {"overrides": s.overrides, "evaluations": s.evaluations, "train_objective_default": s.start_value,
                   "train_objective_fitted": s.value, "trail": s.trail,
                   "held_out_fitted": ev.figures(s.overrides, fold.test)}
        record["held_out_fitted_objective"] = objective(record["held_out_fitted"])
    return record


def run(ev: Evaluator, args: argparse.Namespace, fields: Sequence[str]) -> dict[str, Any]:
    folds = split_folds(ev.refs, args.folds)
    everything = list(range(len(ev.refs)))
    out: dict[str, Any] = {"folds_k": args.folds, "salt": args.salt, "fields": list(fields), "budget": args.budget,
                           "rounds": args.rounds, "margin": args.margin,
                           "objective": "mean of aeb f1, dragnet f1, aeb titles, dragnet titles (each over both "
                                        "renderings)"}
    out["default"] = ev.figures({}, everything)
    out["default_objective"] = objective(out["default"])
    if not args.no_fit:
        for fold in folds:
            fold.search = fit(ev, fold.train, fields, args, f"fold {fold.number + 1}/{args.folds}")
        whole = fit(ev, everything, fields, args, "all sites")
        out["all_sites"] = {"overrides": whole.overrides, "evaluations": whole.evaluations, "trail": whole.trail,
                            "objective": whole.value, "figures": ev.figures(whole.overrides, everything)}
        assert all(f.search is not None for f in folds)
        out["leave_sites_out"] = pooled(ev, ((f.search.overrides, f.test) for f in folds if f.search))
        out["leave_sites_out_objective"] = objective(out["leave_sites_out"])
    out["folds"] = [fold_record(ev, f) for f in folds]
    out["cost"] = {"dumps_parsed": ev.parsed, "parse_seconds": round(ev.seconds, 1),
                   "settings": len({s for s, _ in ev.cache})}
    return out


# -- the report ----------------------------------------------------------------------


def shown(f: Mapping[str, Any] | None, name: str) -> str:
    if f is None:
        return "–"
    n = {"titles": "titles_n", "titles_first": "titles_n", "dates_same_day": "dates_n",
         "outlet_names_site": "outlets_n"}.get(name)
    ok = {"titles": "titles_ok", "titles_first": "titles_first_ok", "dates_same_day": "dates_day",
          "outlet_names_site": "outlets_ok"}.get(name)
    if n is None or ok is None:
        return f"{float(f[name]):.3f}"
    return f"{float(f[name]):.3f} ({f[ok]}/{f[n]})"


def overrides_text(overrides: Mapping[str, Any]) -> str:
    return ", ".join(f"`{k}={v}`" for k, v in sorted(overrides.items())) or "none (the defaults)"


def report(out: dict[str, Any]) -> list[str]:
    fitted = "all_sites" in out
    lines = ["| corpus/dumps | metric | default weights (tuned by hand on all pages) | "
             "fitted on all sites (in-sample) | fitted without the scored sites (leave-sites-out) |",
             "|---|---|---:|---:|---:|"]
    for key in out["default"]:
        for name, label in METRICS:
            lines.append(f"| {key} | {label} | {shown(out['default'][key], name)} "
                         f"| {shown(out['all_sites']['figures'][key], name) if fitted else '–'} "
                         f"| {shown(out['leave_sites_out'].get(key), name) if fitted else '–'} |")
    if fitted:
        lines.append(f"| all | objective | {out['default_objective']:.4f} | {out['all_sites']['objective']:.4f} "
                     f"| {out['leave_sites_out_objective']:.4f} |")
        lines += ["", f"Fitted on all sites: {overrides_text(out['all_sites']['overrides'])} "
                  f"({out['all_sites']['evaluations']} evaluations)."]
    lines += ["", "| fold | held-out sites | held-out pages (aeb, dragnet) | fitted on the other folds "
              "| train objective, default → fitted | held-out objective, default → fitted |",
              "|---|---:|---:|---|---:|---:|"]
    for f in out["folds"]:
        pages_ = ", ".join(str(f["test_pages"][c]) for c in CORPORA)
        if "overrides" in f:
            lines.append(f"| {f['fold'] + 1} | {f['test_sites']} | {pages_} | {overrides_text(f['overrides'])} "
                         f"| {f['train_objective_default']:.4f} → {f['train_objective_fitted']:.4f} "
                         f"| {f['held_out_default_objective']:.4f} → {f['held_out_fitted_objective']:.4f} |")
        else:
            lines.append(f"| {f['fold'] + 1} | {f['test_sites']} | {pages_} | – | – "
                         f"| {f['held_out_default_objective']:.4f} |")
    lines += ["", "| fold | corpus/dumps | metric | held out, default weights | held out, fitted without them |",
              "|---|---|---|---:|---:|"]
    for f in out["folds"]:
        for key, figs in f["held_out_default"].items():
            for name, label in METRICS:
                got = shown(f["held_out_fitted"][key], name) if "held_out_fitted" in f else "–"
                lines.append(f"| {f['fold'] + 1} | {key} | {label} | {shown(figs, name)} | {got} |")
    c = out["cost"]
    lines += ["", f"Cost: {c['dumps_parsed']} dumps parsed for {c['settings']} settings of the weights, "
              f"{c['parse_seconds']} s of parsing (wall clock)."]
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--root", type=Path, default=CORPUS_ROOT, help="the corpora (default ../shared/corpus)")
    ap.add_argument("--folds", type=int, default=2, help="K, the folds of sites (default 2)")
    ap.add_argument("--salt", default="", help="changes which fold each site falls in (default none)")
    ap.add_argument("--fields", default=",".join(FIELDS), help="comma-separated weights to fit (default: FIELDS)")
    ap.add_argument("--budget", type=int, default=60, help="evaluations of the objective per fit (default 60)")
    ap.add_argument("--rounds", type=int, default=2, help="rounds of the coordinate search (default 2)")
    ap.add_argument("--margin", type=float, default=0.002, help="a step is kept if it gains more (default 0.002)")
    ap.add_argument("--no-fit", action="store_true", help="only the per-fold figures of the default weights")
    ap.add_argument("--jobs", type=int, default=0, help="processes to parse on (default 0: one per CPU)")
    json_option(ap, "fit_weights")
    args = ap.parse_args(argv)
    fields = [f.strip() for f in args.fields.split(",") if f.strip()]
    known = dict(DEFAULT.items())
    if unknown := [f for f in fields if f not in known]:
        ap.error(f"no weight {', '.join(unknown)} (see newskit/parse/weights.py)")
    if args.folds < 2 or args.budget < 1:
        ap.error("--folds must be 2 or more and --budget 1 or more")
    missing = [c for c in CORPORA if not is_corpus(args.root / c)]
    if missing:
        print(f"fit_weights: no corpus {', '.join(missing)} under {args.root}; nothing to fit", file=sys.stderr)
        return 2
    refs = load_refs(args.root, args.folds, args.salt)
    jobs = args.jobs or len(os.sched_getaffinity(0))
    print(f"fit_weights: {len(refs)} dumps of {len({r.site for r in refs})} sites in {args.folds} folds, "
          f"on {jobs} processes", file=sys.stderr)
    if jobs == 1:
        out = run(Evaluator(refs), args, fields)
    else:
        with multiprocessing.Pool(jobs) as pool:
            out = run(Evaluator(refs, pool), args, fields)
    print("\n".join(report(out)))
    write_figures("fit_weights", out, args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
