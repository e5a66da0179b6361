"""Where the parser's memory levels off on input whose body lines never repeat.

Usage:
    python -m bench.mem_ceiling ../shared/corpus/aeb [--mb 420] [--every 50] [--json FILE]

The 192 dev dumps (``chromium/`` and ``inscriptis/``) are parsed with ``parse_text`` in
this one process, again and again; in copy k every line of 8 words or more has k inserted
after its first word, so body lines are new to the parser each time while short chrome
lines repeat, as across the pages of a large collection. After about every ``--every`` MB
the script prints the peak resident memory so far. The parser keeps nothing from one
dump to the next but its bounded stores of line features and its text tests' caches, so
the peak should rise at first and then stay level. The figures go to
bench/out/mem_ceiling.json as well (or ``--json FILE``).
"""

from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

from newskit import parse_text

from .benchutil import json_option, vary, write_figures
from .corpus import read_dump, require_dumps


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path, help="the corpus folder, e.g. ../shared/corpus/aeb")
    ap.add_argument("--mb", type=float, default=420, help="how much text to parse in all (default 420)")
    ap.add_argument("--every", type=float, default=50, help="report after about this many MB (default 50)")
    json_option(ap, "mem_ceiling")
    args = ap.parse_args()
    texts = [read_dump(p) for p in require_dumps(args.corpus, "mem_ceiling")]
    before = peak_mib()
    print(f"peak RSS before parsing: {before:.0f} MiB")
    print("| MB parsed | peak RSS | seconds |")
    print("|---:|---:|---:|")
    done = next_report = 0.0
    rows = []
    start = time.perf_counter()
    k = 0
    while done < args.mb * 1e6:
        k += 1
        for text in texts:
            text = vary(text, k)
            parse_text(text)
            done += len(text.encode("utf-8"))
        if done >= next_report or done >= args.mb * 1e6:
            rows.append({"mb": done / 1e6, "peak_rss_mib": peak_mib(), "seconds": time.perf_counter() - start})
            print(f"| {done / 1e6:.0f} | {peak_mib():.0f} MiB | {time.perf_counter() - start:.0f} |", flush=True)
            next_report = done + args.every * 1e6
    write_figures("mem_ceiling", {"peak_rss_mib_before": before, "rows": rows}, args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
