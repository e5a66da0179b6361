"""A fixed, fresh subset for counting the parser's instructions under callgrind.

Usage:
    valgrind --tool=callgrind --callgrind-out-file=/tmp/cg.0 python -m bench.cg_parse 0
    valgrind --tool=callgrind --callgrind-out-file=/tmp/cg.1 python -m bench.cg_parse 1
    python -m bench.cg_parse profile [--every 4]

Every 40th dump of both corpora (74 dumps, sorted by path), each made fresh with
``fresh_text`` (no line met twice). ``0`` builds them and stops; ``1`` builds them and
parses each once; the parser's instructions are the ``1`` run's total less the ``0`` run's
(``callgrind_annotate FILE | head``), the same whatever the machine's load. ``profile``
parses every ``--every``-th dump fresh under cProfile and prints the top functions by
cumulative time.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats

from .benchutil import fresh_text
from .corpus import all_dumps, read_dump


def fresh_subset(every: int) -> list[tuple[str, str]]:
    out, n = [], 0
    for path in all_dumps()[::every]:
        text, n = fresh_text(read_dump(path), n)
        out.append((text, str(path)))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("mode", choices=["0", "1", "profile"])
    ap.add_argument("--every", type=int, default=0, help="every N-th dump (default 40; 4 for profile)")
    args = ap.parse_args()
    from newskit import parse_text

    dumps = fresh_subset(args.every or (4 if args.mode == "profile" else 40))
    if args.mode == "1":
        for text, name in dumps:
            parse_text(text, name)
    elif args.mode == "profile":
        prof = cProfile.Profile()
        prof.enable()
        for text, name in dumps:
            parse_text(text, name)
        prof.disable()
        pstats.Stats(prof).sort_stats("cumulative").print_stats(60)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
