#!/usr/bin/env python3
"""``newskit dedupe`` on this machine against a Dask LocalCluster of two workers (issue 14).

Usage:
    python -m bench.bench_dask DUMPS [--workers 2] [--json FILE]

DUMPS is a folder of dumps, such as ``bench/out/dedupe/100000/dumps`` from
``python -m bench.make_dedupe_corpus`` (articles that do not repeat; planted copies and
rewrites of a third of them). Three runs, one after another:

1. ``newskit -q dedupe --json DUMPS`` (default jobs: one process per CPU);
2. ``newskit -q dedupe --json --engine dask -j WORKERS DUMPS`` (a LocalCluster started by
   the command: WORKERS worker processes of one thread, its scheduler and nannies in the
   command's own process);
3. the same dedupe on a LocalCluster, in this process, with the bytes of every shuffle
   added up (:class:`newskit.dedupe_dask.ShuffleBytes`: each partition pickled, as sent
   between two machines) and the run's counts. Its time is not the product's (the
   pickling is extra), so only its bytes and counts are reported.

For 1 and 2: wall seconds, CPU seconds (user + system of the command and every process it
waited for: the workers), the peak memory of the command's own process (the driver, its
VmHWM) and of the whole process tree (sum of Pss); and whether the two outputs are the
same bytes. Tables on stdout, the figures as JSON in bench/out/bench_dask.json.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from pathlib import Path

from .benchutil import json_option, mib, newskit_command, run, write_figures


def _timed(cmd: list[str], out: Path) -> dict[str, object]:
    r = run(cmd, stdout=out)
    if r.returncode:
        sys.stderr.write(r.stderr)
        raise SystemExit(f"bench_dask: {' '.join(cmd)} failed ({r.returncode})")
    return {
        "command": " ".join(["newskit", *cmd[len(newskit_command()):]]),
        "wall_s": round(r.seconds, 2), "cpu_s": round(r.cpu, 2),
        "driver_peak_kb": r.main_kb, "tree_peak_kb": r.tree_kb, "largest_process_kb": r.peak_kb,
        "other_cpus_busy": None if r.others is None else round(r.others, 2),
        "output_sha256": hashlib.sha256(out.read_bytes()).hexdigest(), "output_bytes": out.stat().st_size,
        "stderr": r.stderr.strip().splitlines()[-1:] if r.stderr.strip() else [],
    }


def _measured(dumps: Path, workers: int) -> dict[str, object]:
    """Run 3: the shuffle bytes and counts of the same dedupe on a LocalCluster."""
    from newskit.dedupe import DedupeOptions, DedupeStats
    from newskit.dedupe_dask import ShuffleBytes, dedupe_on_cluster
    from newskit.engine import DaskEngine
    from newskit.pipeline import Reader
    from newskit.reader import expand_inputs

    sources = list(expand_inputs([str(dumps)], "*.txt"))
    measure, stats = ShuffleBytes(), DedupeStats()
    read: list[float] = []
    with DaskEngine(workers=workers) as engine:
        engine.client()  # started before the clock
        start = time.perf_counter()
        reader = Reader(engine=engine, on_read=lambda source, n: read.append(time.perf_counter()))
        found = dedupe_on_cluster(sources, DedupeOptions(), reader, measure=measure, stats=stats)
        seconds = time.perf_counter() - start
    n = stats.articles
    per = {name: round(getattr(measure, name) / n, 1)
           for name in ("fingerprints", "bands", "sentences", "pairs", "checks", "groups", "total")}
    return {
        "articles": n, "distinct": stats.distinct, "candidates": stats.candidates,
        "duplicates": stats.duplicates, "site_chrome": stats.site_chrome, "clusters": len(found.clusters),
        "shuffle_bytes": {name: getattr(measure, name) for name in per}, "shuffle_bytes_per_article": per,
        "wall_s_with_measuring": round(seconds, 1),
        "parse_wall_s": round(read[-1] - start, 1) if read else None,  # up to the last input's count back
    }


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dumps", type=Path, help="a folder of dumps (bench.make_dedupe_corpus's N/dumps)")
    ap.add_argument("--workers", type=int, default=2, help="workers of the LocalCluster (default 2)")
    json_option(ap, "bench_dask")
    args = ap.parse_args(argv)
    if not args.dumps.is_dir():
        print(f"error: {args.dumps} is not a folder; run python -m bench.make_dedupe_corpus first", file=sys.stderr)
        return 2
    out = args.json.parent
    out.mkdir(parents=True, exist_ok=True)
    nk = newskit_command()
    local = _timed([*nk, "-q", "dedupe", "--json", str(args.dumps)], out / "bench_dask.local.json")
    print(f"local: {local['wall_s']} s wall, {local['cpu_s']} CPU s", file=sys.stderr)
    dask = _timed([*nk, "-q", "dedupe", "--json", "--engine", "dask", "-j", str(args.workers), str(args.dumps)],
                  out / "bench_dask.dask.json")
    print(f"dask: {dask['wall_s']} s wall, {dask['cpu_s']} CPU s", file=sys.stderr)
    same = local["output_sha256"] == dask["output_sha256"]
    measured = _measured(args.dumps, args.workers)
    n = int(measured["articles"])
    rows = [("local (default jobs)", local), (f"LocalCluster, {args.workers} workers", dask)]
    print(f"# dedupe, local against Dask ({n:,} articles, {args.dumps})\n")
    print("| run | wall s | CPU s | CPU ms / article | driver peak | process tree peak |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, r in rows:
        cpu = float(r["cpu_s"])
        print(f"| {name} | {r['wall_s']} | {cpu} | {1000 * cpu / n:.2f} | {mib(r['driver_peak_kb'])} | "
              f"{mib(r['tree_peak_kb'])} |")
    over = float(dask["cpu_s"]) / float(local["cpu_s"])
    wall = float(dask["wall_s"]) / float(local["wall_s"])
    print(f"\nOverhead of the cluster: {over:.2f}x the CPU seconds, {wall:.2f}x the wall time; "
          f"outputs {'identical' if same else 'DIFFERENT'} ({local['output_bytes']:,} bytes).\n")
    per = measured["shuffle_bytes_per_article"]
    print("| shuffle | bytes / article |")
    print("|---|---:|")
    for name, value in per.items():
        print(f"| {name} | {value} |")
    print(f"\nIn the measured run (cluster started beforehand): parsed in {measured['parse_wall_s']} s wall, "
          f"the shuffles, checks and clusters (with the measuring) in "
          f"{measured['wall_s_with_measuring'] - (measured['parse_wall_s'] or 0):.1f} s more.")
    print(f"\nCounts: {measured['distinct']:,} distinct bodies, {measured['candidates']:,} candidate pairs, "
          f"{measured['duplicates']:,} duplicates, {measured['clusters']:,} clusters.")
    write_figures("bench_dask", {"articles": n, "local": local, "dask": dask, "identical": same,
                                 "cpu_overhead": round(over, 3), "wall_overhead": round(wall, 3),
                                 "measured": measured}, args.json)
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
