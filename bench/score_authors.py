"""Score the authors newskit reads from bylines on a hand-checked sample of dev pages.

Usage:
    python -m bench.score_authors [--renderer chromium|inscriptis|both] [-v]
                                  [--sample FILE] [--corpus ROOT] [--json FILE]

The sample is ``bench/authors_sample.toml`` (or ``--sample``): ``[[page]]`` tables name a
page of a corpus (``corpus``, ``id``) and the authors its byline shows, checked by hand;
``[[none]]`` tables name pages that show no byline. Each dump is parsed as
``bench.score_corpus`` parses it (:func:`newskit.parse.parse_text`), and the first
article's ``authors`` are compared with the truth: names are compared case-insensitively
after whitespace is normalised, as sets (order-free). Reported for each renderer:

- right: the share of sampled pages whose authors equal the truth;
- any right: the share with at least one true name among the authors found;
- false positives: the ``none`` pages on which any author was found.

The figures are also given for each half of the sample split by site (:func:`half`: the
first byte of the SHA-1 of the page's ``site``, even for half A, odd for B), so that a
change developed on the misses of one half can be judged on the other. ``-v`` lists every
miss on stderr. The figures go to bench/out/score_authors.json as well (or ``--json FILE``).
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import tomllib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from newskit.parse import parse_text

from .benchutil import json_option, write_figures
from .corpus import CORPUS_ROOT, RENDERERS, ROOT, read_dump, truth_records

SAMPLE = ROOT / "bench" / "authors_sample.toml"
HALVES = ("A", "B")


@dataclass(frozen=True)
class Sampled:
    """One page of the sample: where it is, its true authors ([] for a ``none`` page)."""

    corpus: str
    id: str
    authors: tuple[str, ...]
    site: str


def norm(name: str) -> str:
    """A name as compared: whitespace collapsed, case folded."""
    return " ".join(name.split()).casefold()


def half(site: str) -> str:
    """Which half of the sample a site's pages are in: "A" or "B" (by its SHA-1)."""
    return HALVES[hashlib.sha1(site.encode("utf-8")).digest()[0] % 2]


def load_sample(path: Path, root: Path) -> list[Sampled]:
    """The sampled pages (``[[page]]``, then ``[[none]]``), with each page's site from its truth."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    sites: dict[tuple[str, str], str] = {}
    for corpus in {str(e["corpus"]) for key in ("page", "none") for e in data.get(key, [])}:
        for t in truth_records(root / corpus / "truth"):
            sites[corpus, str(t["id"])] = str(t.get("site") or "")
    found = []
    for key in ("page", "none"):
        for entry in data.get(key, []):
            names = tuple(entry.get("authors", [])) if key == "page" else ()
            if key == "page" and not names:
                raise SystemExit(f"score_authors: {path}: page {entry['id']} has no authors")
            corpus, pid = str(entry["corpus"]), str(entry["id"])
            found.append(Sampled(corpus, pid, names, sites.get((corpus, pid), "")))
    return found


def authors_of(page: Sampled, root: Path, renderer: str) -> tuple[list[str], str | None]:
    """The first article's authors and language on ``page``'s dump in ``renderer``."""
    text = read_dump(root / page.corpus / renderer / f"{page.id}.txt")
    articles = parse_text(text, page.id).articles if text else []
    if not articles:
        return [], None
    return list(articles[0].authors), articles[0].language


def verdict(page: Sampled, found: list[str]) -> tuple[bool, bool]:
    """(all right, at least one right) for a sampled page's found authors."""
    truth, got = {norm(n) for n in page.authors}, {norm(n) for n in found}
    return got == truth, bool(truth & got)


def score(sample: list[Sampled], root: Path, renderer: str, verbose: bool) -> dict[str, object]:
    """The figures of one renderer (see the module docs); misses on stderr with ``verbose``."""
    right: Counter[str] = Counter()
    any_right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    languages: Counter[str] = Counter()
    false_pos: list[str] = []
    nones = 0
    for page in sample:
        found, language = authors_of(page, root, renderer)
        if not page.authors:
            nones += 1
            if found:
                false_pos.append(f"{page.corpus}/{page.id}")
                if verbose:
                    print(f"{renderer} false positive {page.corpus}/{page.id}: {found}", file=sys.stderr)
            continue
        exact, some = verdict(page, found)
        languages[language or "?"] += 1
        for group in ("all", page.corpus, f"half {half(page.site)}"):
            total[group] += 1
            right[group] += exact
            any_right[group] += some
        if verbose and not exact:
            print(
                f"{renderer} miss [{half(page.site)}] {page.corpus}/{page.id} ({page.site}): "
                f"found {found}, truth {list(page.authors)}",
                file=sys.stderr,
            )
    groups = {
        g: {"pages": total[g], "right": right[g], "any_right": any_right[g],
            "right_share": round(right[g] / total[g], 4), "any_share": round(any_right[g] / total[g], 4)}
        for g in total
    }
    return {"groups": groups, "none_pages": nones, "false_positives": false_pos, "languages": dict(languages)}


def table(renderer: str, figures: dict[str, object]) -> str:
    groups = figures["groups"]
    assert isinstance(groups, dict)
    lines = [f"{renderer}:", f"  {'pages':<10}{'n':>5}{'right':>10}{'any right':>12}"]
    for name in ("all", "aeb", "dragnet", "half A", "half B"):
        if name in groups:
            g = groups[name]
            lines.append(f"  {name:<10}{g['pages']:>5}{g['right_share']:>10.1%}{g['any_share']:>12.1%}")
    fp = figures["false_positives"]
    assert isinstance(fp, list)
    lines.append(f"  false positives: {len(fp)} of {figures['none_pages']} pages with no byline")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.score_authors", description=__doc__.split("\n")[0])
    parser.add_argument("--renderer", choices=[*RENDERERS, "both"], default="both")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss on stderr")
    parser.add_argument("--sample", type=Path, default=SAMPLE, help="the sample (default bench/authors_sample.toml)")
    parser.add_argument(
        "--corpus", type=Path, default=CORPUS_ROOT, help="the corpora's root (default ../shared/corpus)"
    )
    json_option(parser, "score_authors")
    args = parser.parse_args(argv)
    sample = load_sample(args.sample, args.corpus)
    renderers = RENDERERS if args.renderer == "both" else (args.renderer,)
    figures = {}
    for renderer in renderers:
        figures[renderer] = score(sample, args.corpus, renderer, args.verbose)
        print(table(renderer, figures[renderer]))
    write_figures("score_authors", figures, args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
