"""Where the parser's memory levels off on input whose body lines never repeat.

Usage:
    python bench/mem_ceiling.py ../shared/corpus/aeb [--mb 420] [--every 50]

The 192 dev dumps (``chromium/`` and ``inscriptis/``) are parsed with ``parse_text`` in
this one process, again and again; in copy k every line of 8 words or more has k inserted
after its first word, so body lines are new to the parser each time while short chrome
lines repeat, as across the pages of a large collection. After about every ``--every`` MB
the script prints the peak resident memory so far. The parser keeps nothing from one
dump to the next but its bounded stores of line features and its text tests' caches, so
the peak should rise at first and then stay level.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchutil import corpus_dumps, vary  # noqa: E402

from newskit.parser import parse_text  # noqa: E402
from newskit.reader import decode  # noqa: E402


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path, help="the corpus folder, e.g. ../shared/corpus/aeb")
    ap.add_argument("--mb", type=float, default=420, help="how much text to parse in all (default 420)")
    ap.add_argument("--every", type=float, default=50, help="report after about this many MB (default 50)")
    args = ap.parse_args()
    texts = [decode(p.read_bytes(), str(p)).text for p in corpus_dumps(args.corpus, "mem_ceiling")]
    print(f"peak RSS before parsing: {peak_mib():.0f} MiB")
    print("| MB parsed | peak RSS | seconds |")
    print("|---:|---:|---:|")
    done = next_report = 0.0
    start = time.perf_counter()
    k = 0
    while done < args.mb * 1e6:
        k += 1
        for text in texts:
            text = vary(text, k)
            parse_text(text)
            done += len(text.encode("utf-8"))
        if done >= next_report or done >= args.mb * 1e6:
            print(f"| {done / 1e6:.0f} | {peak_mib():.0f} MiB | {time.perf_counter() - start:.0f} |", flush=True)
            next_report = done + args.every * 1e6
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
