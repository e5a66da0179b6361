"""Throughput of the parser alone (``newskit.parse_text``), in this process.

Usage:
    python -m bench.bench_parse PATH [PATH ...] [--limit N] [--repeat 5] [--newskit DIR] [--json FILE]

PATHs are dump files or folders (``*.txt``, searched recursively), e.g.
``../shared/corpus/aeb`` or ``bench/out/dedupe/10000/dumps``. The files are read and
decoded first (not timed), then parsed:

- **cold**: each file once, in a fresh process (the parser's line caches start empty);
- **warm**: every file again, ``--repeat`` times; the fastest pass counts. The line caches
  then know every short line, which is what a folder of pages from a few sites, or the
  same wire copy on many sites, gives.

With ``--fresh``, every line of words in every file is made new before parsing (a number,
different for every line, after its first word), so the cold pass meets no line twice:
what a crawl of many sites gives. Times are CPU seconds of this process (wall seconds
beside them in the JSON).

With ``--newskit DIR``, the newskit package is imported from DIR (for instance a git
worktree of an older commit), so two versions can be compared in the same session: the
script runs itself again in a subprocess with ``PYTHONPATH=DIR`` (and ``python -P``, so the
current folder does not come first), and the table names the folder newskit came from.
MB are 10^6 bytes of UTF-8 input.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

from .benchutil import fresh_text, json_option, write_figures
from .corpus import ROOT, read_dump, text_files


def rerun_with(newskit_dir: Path) -> int:
    """This command again, minus ``--newskit``, importing newskit from ``newskit_dir``."""
    if not (newskit_dir / "newskit" / "__init__.py").is_file():
        print(f"bench_parse: no newskit package in {newskit_dir}", file=sys.stderr)
        return 2
    argv, skip = [], False
    for arg in sys.argv[1:]:
        if skip:
            skip = False
        elif arg == "--newskit":
            skip = True
        elif not arg.startswith("--newskit="):
            argv.append(arg)
    # DIR first for newskit; this project's root after it for the bench package (an older
    # checkout's bench/ is no package, so it does not hide this one).
    path = os.pathsep.join([str(newskit_dir.resolve()), str(ROOT)])
    env = {**os.environ, "PYTHONPATH": path, "BENCH_PARSE_EXPECT": str(newskit_dir.resolve())}
    return subprocess.run([sys.executable, "-P", "-m", "bench.bench_parse", *argv], env=env).returncode


def fresh(texts: list[str]) -> list[str]:
    """``texts`` with every line of words made new: a number, one per line, after its first word."""
    out, n = [], 0
    for text in texts:
        made, n = fresh_text(text, n)
        out.append(made)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="+", type=Path)
    ap.add_argument("--limit", type=int, default=0, help="parse at most N files (0: all)")
    ap.add_argument("--repeat", type=int, default=5, help="warm passes (the fastest counts)")
    ap.add_argument("--newskit", type=Path, metavar="DIR", help="import newskit from this folder")
    ap.add_argument("--fresh", action="store_true", help="make every line of words new (no line repeats)")
    json_option(ap, "bench_parse")
    args = ap.parse_args()
    if args.newskit:
        return rerun_with(args.newskit)
    import newskit
    from newskit import parse_text

    where = Path(newskit.__file__).resolve().parent.parent
    expect = os.environ.get("BENCH_PARSE_EXPECT")
    if expect and where != Path(expect):
        print(f"bench_parse: newskit came from {where}, not {expect}", file=sys.stderr)
        return 2
    missing = [p for p in args.paths if not p.exists()]
    if missing:
        print(f"bench_parse: {missing[0]}: no such file or folder", file=sys.stderr)
        return 2
    files = text_files(args.paths)
    if args.limit:
        files = files[: args.limit]
    texts = [read_dump(f) for f in files]
    if args.fresh:
        texts = fresh(texts)
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    start, wall = time.process_time(), time.perf_counter()
    articles = sum(len(parse_text(t, str(f)).articles) for t, f in zip(texts, files, strict=True))
    cold, cold_wall = time.process_time() - start, time.perf_counter() - wall
    warm = warm_wall = float("inf")
    for _ in range(args.repeat):
        start, wall = time.process_time(), time.perf_counter()
        for t, f in zip(texts, files, strict=True):
            parse_text(t, str(f))
        warm, warm_wall = min(warm, time.process_time() - start), min(warm_wall, time.perf_counter() - wall)
    print("| newskit from | input | files | MB | articles | cold MB per CPU s | warm MB per CPU s |")
    print("|---|---|---:|---:|---:|---:|---:|")
    print(f"| {where} | {'fresh' if args.fresh else 'as is'} | {len(files):,} | {mb:.1f} | {articles:,} | "
          f"{mb / cold:.2f} | {mb / warm:.2f} |")
    write_figures("bench_parse", {
        "newskit": str(where), "paths": [str(p) for p in args.paths], "fresh": args.fresh, "files": len(files),
        "mb": mb, "articles": articles, "cold_cpu_seconds": cold, "warm_cpu_seconds": warm,
        "cold_wall_seconds": cold_wall, "warm_wall_seconds": warm_wall, "repeat": args.repeat,
        "cold_mb_per_cpu_s": mb / cold, "warm_mb_per_cpu_s": mb / warm,
    }, args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
