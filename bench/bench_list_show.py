"""Time `newskit list` and `newskit show` on a folder of 10,000 articles.

Usage:
    python -m bench.bench_list_show ../shared/corpus/aeb [--articles 10000] [--repeat 3] [--json FILE]

The folder is made from the 192 dev dumps (chromium/ and inscriptis/ ``*.txt``), copied
again and again (``copy-000/``, ``copy-001/``, ...) until the copies hold at least
``--articles`` articles. In every file, the longest body line (as newskit parses the
original dump) gets the file's number (1, 2, 3, ...) inserted after its first word ("The
17 US administration warned ..."), so that every article has an id of its own, including
the chromium and inscriptis dumps of one page (which otherwise often give the same
article); the rest of each dump, chrome included, is as in the corpus.

Each command runs ``--repeat`` times, as a user runs it (process start-up included, stdout
to /dev/null); the table gives the median, articles/s and the peak resident memory:

- ``newskit list FOLDER`` (stdout is not a terminal: tab-separated rows), and with ``-j 1``;
- ``newskit list FOLDER --json``;
- ``newskit show ID FOLDER`` with the full id of the last article listed, and with ``-j 1``;
- ``newskit show PREFIX FOLDER`` with the shortest unique start (at least 6 characters)
  of the id of the article in the middle of the listing.

Without ``-j``, newskit parses a folder of 16 files or more on one process per CPU. The
figures go to bench/out/bench_list_show.json as well (or ``--json FILE``).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from newskit import Document, Kind, parse_text

from .benchutil import Run, json_option, load, machine, mib, newskit_command, revision, run, vary, write_figures
from .corpus import read_dump, require_dumps


def build(dumps: list[Path], root: Path, articles: int) -> tuple[int, int]:
    """Copies of ``dumps`` under ``root`` until they hold ``articles``: (files, articles)."""
    docs = [parse_text(read_dump(d), str(d)) for d in dumps]
    per_dump = [len(doc.articles) for doc in docs]
    body = [longest_body_line(doc) for doc in docs]
    files = found = k = 0
    while found < articles:
        folder = root / f"copy-{k:03d}"
        for dump, n, line in zip(dumps, per_dump, body, strict=True):
            if found >= articles:
                break
            text = dump.read_bytes().decode("utf-8")
            dest = folder / dump.parent.name / dump.name
            dest.parent.mkdir(parents=True, exist_ok=True)
            files += 1
            dest.write_text(vary(text, files, line=line), encoding="utf-8")
            found += n
        k += 1
    return files, found


def longest_body_line(doc: Document) -> int | None:
    """The (0-based) number of the longest line that went into an article's body."""
    body = [r for r in doc.records() if r.kind is Kind.BODY]
    return max(body, key=lambda r: len(r.text)).no - 1 if body else None


def timed(cmd: list[str], repeat: int) -> list[Run]:
    runs = [run(cmd) for _ in range(repeat)]
    for r in runs:
        if r.returncode != 0:
            sys.exit(f"bench_list_show: {' '.join(cmd)} failed ({r.returncode}): {r.stderr[-2000:]}")
    return runs


def shortest_unique(ids: list[str], target: str, least: int = 6) -> str:
    others = {i for i in ids if i != target}
    for n in range(least, len(target) + 1):
        if not any(o.startswith(target[:n]) for o in others):
            return target[:n]
    return target


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path, help="the corpus folder, e.g. ../shared/corpus/aeb")
    ap.add_argument("--articles", type=int, default=10_000, help="articles in the folder")
    ap.add_argument("--repeat", type=int, default=3, help="runs per command (median)")
    json_option(ap, "bench_list_show")
    args = ap.parse_args()
    dumps = require_dumps(args.corpus, "bench_list_show")
    newskit = newskit_command()
    loads = [load()]
    code = revision()
    print(f"machine: {machine()}", file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="newskit-bench-") as tmp:
        folder = Path(tmp) / "articles"
        files, _ = build(dumps, folder, args.articles)
        nbytes = sum(f.stat().st_size for f in folder.rglob("*.txt"))
        listing = subprocess.run(
            [*newskit, "-q", "list", str(folder)], capture_output=True, text=True, check=True
        ).stdout.splitlines()
        ids = [line.split("\t", 1)[0] for line in listing]
        count = len(ids)
        distinct = len(set(ids))
        say(f"folder: {files:,} files, {nbytes / 1e6:.1f} MB, {count:,} articles, {distinct:,} ids")
        last = ids[-1]
        prefix = shortest_unique(ids, ids[len(ids) // 2])
        commands = [
            ("newskit list FOLDER", [*newskit, "list", str(folder)]),
            ("newskit list -j 1 FOLDER", [*newskit, "list", "-j", "1", str(folder)]),
            ("newskit list FOLDER --json", [*newskit, "list", str(folder), "--json"]),
            (f"newskit show {last} FOLDER", [*newskit, "show", last, str(folder)]),
            (f"newskit show -j 1 {last} FOLDER", [*newskit, "show", "-j", "1", last, str(folder)]),
            (f"newskit show {prefix} FOLDER", [*newskit, "show", prefix, str(folder)]),
        ]
        rows = []
        for name, cmd in commands:
            say(f"{name} x{args.repeat} ...")
            runs = timed(cmd, args.repeat)
            secs = statistics.median(r.seconds for r in runs)
            rows.append(
                (
                    name,
                    f"{secs:.2f}",
                    f"{min(r.seconds for r in runs):.2f}",
                    f"{statistics.median(r.cpu for r in runs):.2f}",
                    f"{count / secs:,.0f}",
                    f"{nbytes / 1e6 / secs:.2f}",
                    mib(max(r.peak_kb or 0 for r in runs)),
                    "?" if any(r.others is None for r in runs) else f"{max(r.others or 0 for r in runs):.1f}",
                )
            )
    print(f"Machine: {machine()}. Load average before / after: {loads[0]} / {load()}.")
    print(f"Code: {code}." + ("" if revision() == code else f" At the end: {revision()}."))
    print()
    print(
        f"Folder: {files:,} files, {nbytes / 1e6:.1f} MB, {count:,} articles "
        f"({distinct:,} distinct ids); {args.repeat} runs of each command. Articles/s and MB/s "
        "from the median wall time.\n"
    )
    print("| command | median s | fastest s | median CPU s | articles/s | MB/s | peak RSS | other load |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print("| " + " | ".join(r) + " |")
    print(
        "\nOther load: the most CPUs that other processes kept busy, on average, during one of the runs "
        "(from /proc/stat, minus the run's own CPU time)."
    )
    columns = ("command", "median_s", "fastest_s", "median_cpu_s", "articles_per_s", "mb_per_s", "peak_rss",
               "other_load")
    write_figures("bench_list_show", {
        "files": files, "mb": nbytes / 1e6, "articles": count, "distinct_ids": distinct, "repeat": args.repeat,
        "commands": [dict(zip(columns, r, strict=True)) for r in rows],
    }, args.json)
    return 0


def say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


if __name__ == "__main__":
    raise SystemExit(main())
