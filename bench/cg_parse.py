"""A fixed, fresh subset for counting the parser's instructions under callgrind.

Usage:
    valgrind --tool=callgrind --callgrind-out-file=/tmp/cg.0 python -m bench.cg_parse 0
    valgrind --tool=callgrind --callgrind-out-file=/tmp/cg.1 python -m bench.cg_parse 1
    python -m bench.cg_parse profile [--every 4]
    python -m bench.cg_parse stages [--every 4]

Every 40th dump of both corpora (74 dumps, sorted by path), each made fresh with
``fresh_text`` (no line met twice). ``0`` builds them and stops; ``1`` builds them and
parses each once; the parser's instructions are the ``1`` run's total less the ``0`` run's
(``callgrind_annotate FILE | head``), the same whatever the machine's load. ``profile``
parses every ``--every``-th dump fresh under cProfile and prints the top functions by
cumulative time; ``stages`` times them without a profiler and prints the share of CPU time
in line features, in building articles and in picking titles (a part of building).
"""

from __future__ import annotations

import argparse
import cProfile
import importlib
import pstats
import time
from collections.abc import Callable
from typing import Any

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
    ap.add_argument("mode", choices=["0", "1", "profile", "stages"])
    ap.add_argument("--every", type=int, default=0, help="every N-th dump (default 40; 4 for profile)")
    args = ap.parse_args()
    from newskit import parse_text

    dumps = fresh_subset(args.every or (40 if args.mode in ("0", "1") else 4))
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
    elif args.mode == "stages":
        stages(dumps)
    return 0


def stages(dumps: list[tuple[str, str]]) -> None:
    from newskit import parse_text

    parse_text(*dumps[0])  # the rules and cues built first, not timed
    spent: dict[str, float] = {}

    def timed(owner: Any, name: str, label: str) -> None:
        inner: Callable[..., Any] = getattr(owner, name)

        def run(*a: Any, **k: Any) -> Any:
            start = time.process_time()
            try:
                return inner(*a, **k)
            finally:
                spent[label] = spent.get(label, 0.0) + time.process_time() - start

        setattr(owner, name, run)

    timed(importlib.import_module("newskit.parse"), "features", "line features")
    timed(importlib.import_module("newskit.parse.build").Builder, "build", "building articles")
    timed(importlib.import_module("newskit.parse.title").TitlePicker, "pick", "of which titles")
    start = time.process_time()
    for text, name in dumps:
        parse_text(text, name)
    total = time.process_time() - start
    mb = sum(len(t.encode("utf-8")) for t, _ in dumps) / 1e6
    print(f"{len(dumps)} dumps, {mb:.1f} MB, {total:.2f} CPU s ({mb / total:.2f} MB per CPU s): "
          + ", ".join(f"{k} {spent.get(k, 0.0) / total:.1%}" for k in ("line features", "building articles",
                                                                     "of which titles")))


if __name__ == "__main__":
    raise SystemExit(main())
