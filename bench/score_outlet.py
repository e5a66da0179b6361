"""The outlet on the development corpora: hits, misses by cause, on two halves of the sites.

Usage:
    python -m bench.score_outlet [CORPUS ...] [--variant chromium|inscriptis|both]
                                 [--misses dev|held|all] [--jobs N] [--json FILE]

For each corpus and renderer, the pages whose truth has a ``site`` are counted where the
first article's outlet names that site (``metrics.names_site``), on the whole corpus and on
two halves of its sites: ``dev``, the sites the outlet cues were developed on, and ``held``,
the sites kept out of sight while doing so. A site's half is a stable hash of its
registrable name (:func:`half`), so every page of a site is in the same half and the split
does not change from run to run or from machine to machine.

The misses are counted by cause (:func:`cause`):

- ``none``: no outlet;
- ``publisher``: a name that ends in a publisher's word (``outlet_publisher_words``:
  "Hearst Communications", "Penske Media"), the owner rather than the outlet;
- ``wrong``: another name;

each split by whether the site's name is on the page at all (its letters, case and
spaces aside, as in "nytimes" of "NYTimes.com" or "The NY Times"; ``absent`` where not).
``--misses`` lists the missed pages of one half on stderr (site, cause, outlet).
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
from collections import Counter

from newskit.parse.outlet import OutletCues
from newskit.rules import default_rules

from . import metrics
from .benchutil import json_option, write_figures
from .corpus import CORPORA, RENDERERS, corpus_path, read_dump
from .score_corpus import PageResult, results

HALVES = ("dev", "held")
_LETTERS = re.compile(r"[^0-9a-z]+")


def half(site: str) -> str:
    """Which half a site is in: the low bit of the SHA-1 of its registrable name."""
    label = metrics.site_label(site)
    return HALVES[hashlib.sha1(label.encode()).digest()[0] & 1]


def cause(row: PageResult, page_text: str, oc: OutletCues) -> str:
    """Why a page's outlet misses its site: none / publisher / wrong, then on-page / absent."""
    kind = "none" if not row.outlet else "publisher" if oc.is_publisher(row.outlet) else "wrong"
    label = metrics.site_label(row.site)
    present = bool(label) and label in _LETTERS.sub("", page_text.casefold())
    return f"{kind}/{'on-page' if present else 'absent'}"


def share(ok: int, n: int) -> str:
    return f"{ok}/{n} ({ok / n:.1%})" if n else "0/0"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpora", nargs="*", default=list(CORPORA))
    ap.add_argument("--variant", choices=[*RENDERERS, "both"], default="both")
    ap.add_argument("--misses", choices=[*HALVES, "all"], default=None)
    ap.add_argument("--jobs", type=int, default=0)
    json_option(ap, "score_outlet")
    args = ap.parse_args(argv)
    oc = OutletCues.of(default_rules())
    renderers = RENDERERS if args.variant == "both" else (args.variant,)
    figures: dict[str, object] = {}
    for name in args.corpora:
        corpus = corpus_path(name)
        for renderer in renderers:
            rows = [r for r in results(corpus, renderer, jobs=args.jobs) if r.outlet_named is not None]
            by_half = {h: [r for r in rows if half(r.site) == h] for h in HALVES}
            causes: Counter[str] = Counter()
            for r in rows:
                if not r.outlet_named:
                    text = read_dump(corpus / renderer / f"{r.id}.txt")
                    c = cause(r, text, oc)
                    causes[c] += 1
                    if args.misses in (half(r.site), "all"):
                        print(f"{corpus.name}/{renderer}/{r.id}\t{half(r.site)}\t{r.site}\t{c}\t{r.outlet!r}",
                              file=sys.stderr)
            ok = {h: sum(bool(r.outlet_named) for r in by_half[h]) for h in HALVES}
            total = sum(ok.values())
            print(f"{corpus.name} {renderer}: whole {share(total, len(rows))}, "
                  f"dev {share(ok['dev'], len(by_half['dev']))}, held {share(ok['held'], len(by_half['held']))}")
            print("  misses: " + ", ".join(f"{k} {v}" for k, v in sorted(causes.items())))
            figures[f"{corpus.name}/{renderer}"] = {
                "n": len(rows), "ok": total,
                **{f"{h}_n": len(by_half[h]) for h in HALVES}, **{f"{h}_ok": ok[h] for h in HALVES},
                "misses": dict(sorted(causes.items())),
            }
    write_figures("score_outlet", figures, args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())


__all__ = ["cause", "half", "main"]
