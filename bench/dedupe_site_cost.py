#!/usr/bin/env python3
"""The cost of dedupe's site chrome (``DedupeOptions.site_pages``) in CPU seconds.

Usage:
    python -m bench.dedupe_site_cost bench/out/dedupe-hard/10000 [--rounds 3] [--json FILE]
    python -m bench.dedupe_site_cost ../shared/corpus/dragnet/chromium

The dumps of one size (what ``make_dedupe_corpus.py`` wrote), or any folder of dumps, are read, parsed and
fingerprinted once; then the dedupe stage (``Deduper.add_fingerprint`` for every article,
then ``clusters``) runs with the site chrome on (the default) and off (``site_pages=0``),
in turns, ``--rounds`` times each, in this process. Each run's CPU seconds
(``time.process_time``) are reported, the fewest of each setting kept, beside the clusters'
sizes and the number of sentences found to be a site's chrome. Parsing is the same for
both settings and not counted.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from newskit.dedupe import DedupeOptions, Deduper, Fingerprint, fingerprint_inputs

from .benchutil import json_option, load, write_figures


def stage(fps: list[Fingerprint], options: DedupeOptions) -> tuple[float, dict[str, int]]:
    t0 = time.process_time()
    deduper = Deduper(options)
    for fp in fps:
        deduper.add_fingerprint(fp)
    clusters = deduper.clusters()
    seconds = time.process_time() - t0
    pairs = sum(len(c) * (len(c) - 1) // 2 for c in clusters)
    return seconds, {"clusters": len(clusters), "pairs": pairs, "checked": deduper.stats.checked,
                     "site_chrome": deduper.stats.site_chrome}


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("size_dir", type=Path, help="one size of what make_dedupe_corpus.py wrote, or a folder of dumps")
    ap.add_argument("--rounds", type=int, default=3)
    json_option(ap, "dedupe_site_cost")
    args = ap.parse_args(argv)
    dumps = args.size_dir / "dumps" if (args.size_dir / "dumps").is_dir() else args.size_dir
    if not dumps.is_dir():
        print(f"dedupe_site_cost: no dumps in {args.size_dir}", file=sys.stderr)
        return 2
    fps = list(fingerprint_inputs([str(dumps)], DedupeOptions(), workers=2))
    settings = {"on": DedupeOptions(), "off": DedupeOptions(site_pages=0)}
    best: dict[str, float] = {}
    found: dict[str, dict[str, int]] = {}
    runs: dict[str, list[float]] = {name: [] for name in settings}
    for _ in range(args.rounds):
        for name, options in settings.items():
            seconds, found[name] = stage(fps, options)
            runs[name].append(seconds)
            best[name] = min(best.get(name, seconds), seconds)
    print(f"{len(fps)} articles, {args.rounds} rounds in turns, load {load()}")
    for name in settings:
        rounds = " ".join(f"{s:.2f}" for s in runs[name])
        print(f"site chrome {name:3}: {best[name]:.2f} CPU s (rounds {rounds})  {found[name]}")
    figures = {"articles": len(fps), "cpu_seconds": best,
               "rounds": runs, "found": found}
    write_figures("dedupe_site_cost", figures, args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
