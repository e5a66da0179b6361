"""Time `dedupe --db` against a direct `dedupe`: first run, and a rerun after 1 % changed.

Usage:
    python -m bench.bench_dedupe_db ../shared/corpus/aeb/truth [--sizes 10000] [--work DIR]
                                    [--seed 20261202] [--json FILE]

For each size N (articles), the seeded corpus ``bench.bench_index`` makes (as
``bench.make_dedupe_corpus`` does: synthetic stories that share no lines, a third of them
in clusters of rewrites, 1-5 articles a file). Then, as a user runs them (process start-up
included; wall time, CPU time of the process tree, peak memory of the largest process):

(a) ``newskit dedupe DUMPS --no-db``: the direct run (parse, fingerprint, search, check);
(i) ``newskit index DUMPS --db DB``: the index built, timed apart;
(b) ``newskit dedupe DUMPS --db DB``: the first run from the index (every check made and stored);
(c) the same after 1 % of the files changed: half of them edited (a body line's word
    changed), half added (a copy of a file with a word changed in each body line: new
    rewrites of stories already there); the refresh parses them, the rerun checks only
    the pairs their articles make;
(d) ``newskit dedupe --db DB --no-refresh`` once more: what is left when nothing changed
    (the stored fingerprints read, the candidate search and the clusters made again, every
    check found stored);

and (a') the direct run again on the changed files, which (b), (c) and (d) are compared with
byte for byte (the run stops if one differs). Ratios are per CPU second against the direct
run on the same files. ``others`` is the CPUs other processes kept busy meanwhile (the
machine is shared). The figures go to bench/out/bench_dedupe_db.json (or ``--json FILE``).
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

from .bench_index import change_files, make, run_figures, run_sizes, size_arguments, timed
from .benchutil import Run, json_option, load, newskit_command


def add_files(dumps: Path, share: float, rng: random.Random) -> int:
    """Copies of ``share`` of the files, a word changed in each long line: how many."""
    files = sorted(dumps.rglob("*.txt"))
    chosen = rng.sample(files, max(1, round(share * len(files))))
    for k, path in enumerate(chosen):
        lines = path.read_text(encoding="utf-8").split("\n")
        for i, line in enumerate(lines):
            words = line.split(" ")
            if len(words) >= 8:  # noqa: PLR2004 (a body line, not a menu item)
                words[len(words) // 2] = f"added{rng.randrange(10**6)}"
                lines[i] = " ".join(words)
        path.with_name(f"added-{k:05d}-{path.name}").write_text("\n".join(lines), encoding="utf-8")
    return len(chosen)


def checks(r: Run) -> dict[str, int]:
    """The pairs checked and the checks reused, as ``-v dedupe --db`` says them."""
    line = next(x for x in r.stderr.splitlines() if " checked, " in x)
    checked, reused = line.split(": ")[-1].split(", ")
    return {"checked": int(checked.split()[0]), "reused": int(reused.split()[0])}


def same(a: Path, b: Path, what: str) -> None:
    if a.read_bytes() != b.read_bytes():
        sys.exit(f"bench_dedupe_db: {what} differs from the direct run ({a} against {b})")


def bench_size(truth: Path, size: int, args: argparse.Namespace, work: Path) -> dict[str, object]:
    rng = random.Random(args.seed + size)
    dumps, files = make(truth, size, args.seed, work / str(size))
    db = work / f"{size}.db"
    for old in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
        old.unlink(missing_ok=True)
    nk = newskit_command()
    out = {k: work / f"{size}-{k}.tsv" for k in ("a", "b", "c", "d", "a2")}
    print(f"bench_dedupe_db: {size}: {files} files; direct dedupe ({load()})", file=sys.stderr)
    direct = timed([*nk, "dedupe", str(dumps), "--no-db"], out["a"])
    build = timed([*nk, "index", str(dumps), "--db", str(db)])
    first = timed([*nk, "-v", "dedupe", str(dumps), "--db", str(db)], out["b"])
    same(out["b"], out["a"], "the first dedupe --db")
    changed = change_files(dumps, 0.005, rng)
    added = add_files(dumps, 0.005, rng)
    rerun = timed([*nk, "-v", "dedupe", str(dumps), "--db", str(db)], out["c"])
    unchanged = timed([*nk, "-v", "dedupe", "--db", str(db), "--no-refresh"], out["d"])
    print(f"bench_dedupe_db: {size}: direct dedupe again ({load()})", file=sys.stderr)
    direct2 = timed([*nk, "dedupe", str(dumps), "--no-db"], out["a2"])
    same(out["c"], out["a2"], "the rerun")
    same(out["d"], out["a2"], "the rerun with --no-refresh")

    def versus(r: Run, peer: Run) -> dict[str, object]:
        return {**run_figures(r), "cpu_ratio": round(peer.cpu / r.cpu, 2),
                "wall_ratio": round(peer.seconds / r.seconds, 2)}

    return {
        "files": files,
        "articles_line": direct.stderr.strip().splitlines()[-1],
        "clusters": sum(1 for _ in out["a2"].open(encoding="utf-8")),
        "direct": run_figures(direct),
        "index_build": run_figures(build),
        "first_db": {**versus(first, direct), **checks(first)},
        "files_changed": changed,
        "files_added": added,
        "direct_after": run_figures(direct2),
        "rerun_db": {**versus(rerun, direct2), **checks(rerun),
                     "refresh": rerun.stderr.strip().splitlines()[0]},
        "no_refresh_db": {**versus(unchanged, direct2), **checks(unchanged)},
    }


def table(results: dict[str, dict[str, object]]) -> str:
    rows = ["| run | " + " | ".join(f"{k} articles: CPU s / wall s (× direct per CPU s) / checks made" for k in results)
            + " |", "|---|" + "---|" * len(results)]
    spec = [("(a) direct `dedupe`", "direct"), ("(i) `index` build", "index_build"),
            ("(b) first `dedupe --db`", "first_db"), ("(a') direct `dedupe` after 1 % changed", "direct_after"),
            ("(c) `dedupe --db` after 1 % changed", "rerun_db"), ("(d) `dedupe --db --no-refresh`", "no_refresh_db")]
    for label, key in spec:
        cells = []
        for size in results:
            d: dict[str, object] = results[size][key]  # type: ignore[assignment]
            cell = f"{d['cpu']} / {d['seconds']}"
            if "cpu_ratio" in d:
                cell += f" ({d['cpu_ratio']}×) / {d['checked']} made, {d['reused']} reused"
            cells.append(cell)
        rows.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    size_arguments(ap, "10000")
    ap.add_argument("--seed", type=int, default=20261202)
    json_option(ap, "bench_dedupe_db")
    return run_sizes("bench_dedupe_db", ap.parse_args(argv), bench_size, table)


if __name__ == "__main__":
    sys.exit(main())
