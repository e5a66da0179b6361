"""Time the corpus index: build, a re-index of 1 %, show, list and search, db size.

Usage:
    python -m bench.bench_index ../shared/corpus/aeb/truth [--sizes 10000,100000] [--work DIR]
                                [--queries 100] [--seed 20261202] [--jobs N] [--json FILE]

For each size N (articles), a seeded corpus is made as ``bench.make_dedupe_corpus`` makes its
own (synthetic stories: real sentence skeletons spliced, every content word replaced, a cast
of invented names per story, so no two stories share their lines; 1-5 articles a file with
an outlet's menus, date lines, share buttons and footers; a third of them in clusters of
rewrites), from the 96 aeb bodies (TRUTH_DIR). Then, as a user runs them (process start-up
included; wall time, CPU time of the tree, peak memory of the largest process):

- ``newskit index DUMPS --db DB`` from nothing: seconds, articles/s, peak memory;
- ``newskit index`` again after 1 % of the files changed (a body line edited in each);
- ``newskit show ID --db DB --no-refresh`` (the index as it is) and ``newskit show ID DUMPS
  --db DB`` (refreshed first: every file is looked at, as ``git status`` does), three runs
  each; ``newskit list --db DB --no-refresh`` (all articles, to /dev/null);

and in one process, over ``--queries`` queries each (median and p99, milliseconds):

- show: ``Index.find`` of an id's first 8 characters (random articles), the article made;
- list: ``Index.list_rows`` of one folder of 1,000 files (random folders);
- search: ``Index.search`` of one or two words, a phrase or a prefix* drawn from the titles,
  ``--limit 20``.

The database's size per article closes the table. ``others`` is the number of CPUs other
processes kept busy meanwhile (the machine is shared): read the figures with it. They go to
bench/out/bench_index.json (or ``--json FILE``).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from newskit.index import Index, SearchOptions
from newskit.reader import expand_inputs

from .benchutil import Run, json_option, load, machine, mib, newskit_command, run, write_figures
from .corpus import truth_records
from .make_dedupe_corpus import Maker, write_corpus


def make(truth: Path, size: int, seed: int, out: Path) -> tuple[Path, int]:
    """The corpus of ``size`` articles under ``out`` (made once; same seed, same bytes)."""
    dumps = out / "dumps"
    if not (out / "truth.json").is_file():
        maker = Maker(truth_records(truth), random.Random(seed * 1_000_003 + size))
        write_corpus(maker, size, out)
    return dumps, sum(1 for _ in dumps.rglob("*.txt"))


def change_files(dumps: Path, share: float, rng: random.Random) -> int:
    """Edit one body line in ``share`` of the files (a word changed): how many files."""
    files = sorted(dumps.rglob("*.txt"))
    chosen = rng.sample(files, max(1, round(share * len(files))))
    for path in chosen:
        lines = path.read_text(encoding="utf-8").split("\n")
        longest = max(range(len(lines)), key=lambda i: len(lines[i]))
        words = lines[longest].split(" ")
        words[len(words) // 2] = f"changed{rng.randrange(10**6)}"
        lines[longest] = " ".join(words)
        path.write_text("\n".join(lines), encoding="utf-8")
    return len(chosen)


def timed(cmd: list[str], stdout: Path | None = None) -> Run:
    r = run(cmd, stdout=stdout)
    if r.returncode != 0:
        sys.exit(f"bench_index: {' '.join(cmd)} failed ({r.returncode}): {r.stderr[-2000:]}")
    return r


def run_figures(r: Run) -> dict[str, object]:
    return {"seconds": round(r.seconds, 2), "cpu": round(r.cpu, 2), "peak_mib": mib(r.peak_kb),
            "tree_mib": mib(r.tree_kb), "others": None if r.others is None else round(r.others, 2)}


def latency(fn: object, args: list[object]) -> dict[str, float]:
    """Median and p99 of ``fn(arg)`` over ``args``, in milliseconds."""
    times = []
    for arg in args:
        start = time.perf_counter()
        fn(arg)  # type: ignore[operator]
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    p99 = times[min(len(times) - 1, round(0.99 * (len(times) - 1)))]
    return {"median_ms": round(statistics.median(times), 2), "p99_ms": round(p99, 2), "queries": len(times)}


def queries(index: Index, rng: random.Random, n: int) -> list[str]:
    """Search queries drawn from the stored titles: words, two words, phrases, prefixes."""
    titles = [t for (t,) in index.conn.execute("SELECT title FROM articles ORDER BY random() LIMIT 2000")]
    out = []
    for _ in range(n):
        words = [w.strip(".,:;'\"’‘“”!?()") for w in rng.choice(titles).split()]
        words = [w for w in words if len(w) > 3 and w.isalpha()] or ["council"]
        kind = rng.randrange(4)
        if kind == 0:
            out.append(rng.choice(words))
        elif kind == 1:
            out.append(" ".join(rng.sample(words, min(2, len(words)))))
        elif kind == 2 and len(words) > 1:
            i = rng.randrange(len(words) - 1)
            out.append(f'"{words[i]} {words[i + 1]}"')
        else:
            out.append(rng.choice(words)[:4] + "*")
    return out


def in_process(db: Path, dumps: Path, rng: random.Random, n: int) -> dict[str, object]:
    with Index.open(db) as index:
        ids = [i for (i,) in index.conn.execute("SELECT id FROM articles")]
        picks = [rng.choice(ids)[:8] for _ in range(n)]
        figures: dict[str, object] = {"show": latency(lambda p: index.find(p).article.to_dict(lines=True), picks)}
        folders = sorted(p for p in dumps.iterdir() if p.is_dir())
        chosen = [list(expand_inputs([str(rng.choice(folders))])) for _ in range(n)]
        figures["list_folder"] = latency(lambda s: list(index.list_rows(s)), chosen)
        qs = queries(index, rng, n)
        figures["search"] = latency(lambda q: index.search(q, SearchOptions(limit=20)), qs)
        figures["search_examples"] = qs[:8]
    return figures


def bench_size(truth: Path, size: int, args: argparse.Namespace, work: Path) -> dict[str, object]:
    rng = random.Random(args.seed + size)
    made = time.perf_counter()
    dumps, files = make(truth, size, args.seed, work / str(size))
    made = time.perf_counter() - made
    db = work / f"{size}.db"
    for old in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
        old.unlink(missing_ok=True)
    nk = newskit_command()
    jobs = [] if args.jobs is None else ["-j", str(args.jobs)]
    print(f"bench_index: {size}: {files} files made in {made:.0f} s; indexing ({load()})", file=sys.stderr)
    build = timed([*nk, "index", str(dumps), "--db", str(db), *jobs])
    with Index.open(db) as index:
        articles = index.conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    changed = change_files(dumps, 0.01, rng)
    reindex = timed([*nk, "index", str(dumps), "--db", str(db), *jobs])
    with Index.open(db) as index:
        some = index.conn.execute("SELECT id FROM articles ORDER BY random() LIMIT 1").fetchone()[0]
    devnull = Path(os.devnull)
    show_stale = [timed([*nk, "show", some, "--db", str(db), "--no-refresh"], devnull) for _ in range(3)]
    show_fresh = [timed([*nk, "show", some, str(dumps), "--db", str(db)], devnull) for _ in range(3)]
    list_all = [timed([*nk, "list", "--db", str(db), "--no-refresh"], devnull) for _ in range(3)]
    figures: dict[str, object] = {
        "articles": articles,
        "files": files,
        "build": {**run_figures(build), "articles_per_s": round(articles / build.seconds, 1)},
        "reindex_1pct": {**run_figures(reindex), "files_changed": changed},
        "cli_show_no_refresh": run_figures(min(show_stale, key=lambda r: r.seconds)),
        "cli_show_refreshed": run_figures(min(show_fresh, key=lambda r: r.seconds)),
        "cli_list_all_no_refresh": run_figures(min(list_all, key=lambda r: r.seconds)),
        "db_bytes": db.stat().st_size,
        "db_bytes_per_article": round(db.stat().st_size / max(1, articles)),
        "build_stderr": build.stderr.strip().splitlines()[-1:],
        "reindex_stderr": reindex.stderr.strip().splitlines()[-1:],
    }
    figures.update(in_process(db, dumps, rng, args.queries))
    return figures


def table(results: dict[str, dict[str, object]]) -> str:
    rows = ["| measure | " + " | ".join(f"{k} articles" for k in results) + " |",
            "|---|" + "---|" * len(results)]

    def cell(size: str, *keys: str) -> str:
        value: object = results[size]
        for k in keys:
            value = value[k]  # type: ignore[index]
        return str(value)

    spec = [
        ("index build, s", ("build", "seconds")), ("index build, articles/s", ("build", "articles_per_s")),
        ("index build, peak MiB (largest process)", ("build", "peak_mib")),
        ("index build, other CPUs busy", ("build", "others")),
        ("re-index after 1 % changed, s", ("reindex_1pct", "seconds")),
        ("show (CLI, --no-refresh), s", ("cli_show_no_refresh", "seconds")),
        ("show (CLI, refreshed), s", ("cli_show_refreshed", "seconds")),
        ("list all (CLI, --no-refresh), s", ("cli_list_all_no_refresh", "seconds")),
        ("show, in process, median / p99 ms", ("show",)), ("list of 1,000 files, median / p99 ms", ("list_folder",)),
        ("search, median / p99 ms", ("search",)), ("db bytes per article", ("db_bytes_per_article",)),
    ]
    for label, keys in spec:
        cells = []
        for size in results:
            if keys[-1] in ("show", "list_folder", "search"):
                d = results[size][keys[0]]
                cells.append(f"{d['median_ms']} / {d['p99_ms']}")  # type: ignore[index]
            else:
                cells.append(cell(size, *keys))
        rows.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    size_arguments(ap, "10000,100000")
    ap.add_argument("--queries", type=int, default=100)
    ap.add_argument("--seed", type=int, default=20261202)
    ap.add_argument("--jobs", type=int, help="newskit index -j N (default: newskit's own)")
    json_option(ap, "bench_index")
    return run_sizes("bench_index", ap.parse_args(argv), bench_size, table)


def size_arguments(ap: argparse.ArgumentParser, sizes: str) -> None:
    """The arguments every benchmark of generated corpora takes: TRUTH_DIR, --sizes, --work."""
    ap.add_argument("truth_dir", type=Path, help="corpus/aeb/truth of the shared corpus")
    ap.add_argument("--sizes", default=sizes, help="comma-separated numbers of articles")
    ap.add_argument("--work", type=Path,
                    help="where to make the corpora and indexes (kept; default: a temporary folder)")


SizeBench = Callable[[Path, int, argparse.Namespace, Path], dict[str, object]]


def run_sizes(
    script: str, args: argparse.Namespace, bench_size: SizeBench, table: Callable[[dict[str, dict[str, object]]], str]
) -> int:
    """Run ``bench_size`` for each of ``args.sizes`` in ``args.work`` (a temporary folder,
    removed after, if none), the table so far on stderr after each, then the table on stdout
    and the figures to ``args.json``; 2 if ``args.truth_dir`` is no folder."""
    if not args.truth_dir.is_dir():
        print(f"error: {args.truth_dir} is not the aeb truth folder", file=sys.stderr)
        return 2
    work = args.work or Path(tempfile.mkdtemp(prefix=f"{script}-"))
    results: dict[str, dict[str, object]] = {}
    try:
        for size in (int(s) for s in args.sizes.split(",")):
            results[str(size)] = bench_size(args.truth_dir, size, args, work)
            print(table(results), file=sys.stderr)
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    print(table(results))
    write_figures(script, {"machine": machine(), "sizes": results}, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
