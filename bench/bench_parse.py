"""Throughput of the parser alone (``newskit.parse_text``), in this process.

Usage:
    python bench/bench_parse.py PATH [PATH ...] [--limit N] [--repeat 5] [--newskit DIR]

PATHs are dump files or folders (``*.txt``, searched recursively), e.g.
``../shared/corpus/aeb`` or ``bench/out/dedupe/10000/dumps``. The files are read and
decoded first (not timed), then parsed:

- **cold**: each file once, in a fresh process (the parser's line caches start empty);
- **warm**: every file again, ``--repeat`` times; the fastest pass counts. The line caches
  then know every short line, which is what a folder of pages from a few sites, or the
  same wire copy on many sites, gives.

With ``--newskit DIR``, the newskit package is imported from DIR (for instance a git
worktree of an older commit), so two versions can be compared in the same session.
MB are 10^6 bytes of UTF-8 input.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="+", type=Path)
    ap.add_argument("--limit", type=int, default=0, help="parse at most N files (0: all)")
    ap.add_argument("--repeat", type=int, default=5, help="warm passes (the fastest counts)")
    ap.add_argument("--newskit", type=Path, help="import newskit from this folder")
    args = ap.parse_args()
    if args.newskit:
        sys.path.insert(0, str(args.newskit.resolve()))
    else:
        sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    import newskit
    from newskit.parser import parse_text
    from newskit.reader import decode

    files: list[Path] = []
    for p in args.paths:
        if not p.exists():
            print(f"bench_parse: {p}: no such file or folder", file=sys.stderr)
            return 2
        files.extend(sorted(p.rglob("*.txt")) if p.is_dir() else [p])
    if args.limit:
        files = files[: args.limit]
    texts = [decode(f.read_bytes(), str(f)).text for f in files]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    start = time.perf_counter()
    articles = sum(len(parse_text(t, str(f)).articles) for t, f in zip(texts, files, strict=True))
    cold = time.perf_counter() - start
    warm = float("inf")
    for _ in range(args.repeat):
        start = time.perf_counter()
        for t, f in zip(texts, files, strict=True):
            parse_text(t, str(f))
        warm = min(warm, time.perf_counter() - start)
    where = Path(newskit.__file__).resolve().parent.parent
    print(f"| {where} | {len(files):,} | {mb:.1f} | {articles:,} | {mb / cold:.2f} | {mb / warm:.2f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
