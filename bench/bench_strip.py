"""Speed of `newskit strip` against jusText 3, and its memory as the input grows.

Usage:
    python -m bench.bench_strip ../shared/corpus/aeb [--mb 100] [--justext-mb 20]
                                [--jobs 1,2] [--memory-mb 25,50,100] [--no-varied] [--no-fresh]
                                [--repeat N] [--json FILE]

The benchmark input is the 192 dev dumps (chromium/ and inscriptis/ ``*.txt``) copied
again and again into a temporary folder (``copy-000/``, ``copy-001/``, ...) until it holds
at least ``--mb`` MB (1 MB = 10^6 bytes of input). Measured in the same run:

- **newskit, repeated input**: ``newskit -v strip -j N FOLDER > file`` as a user runs it,
  end to end (process start-up included), for each N of ``--jobs``. newskit caches
  per-line rule results, and this input repeats every line, so it favours newskit.
- **newskit, varied copies** (skip with ``--no-varied``): the same size, but in every copy
  after the first, each line of 8 or more words gets the copy's number inserted after its
  first word ("The 17 US administration warned ..."), so body lines are new to the cache
  while short chrome lines ("Share", "Follow") repeat, as they do across the pages of a site.
- **newskit, fresh copies** (skip with ``--no-fresh``): every line of words in every copy,
  the first too, gets a number of its own after its first word, so no line repeats at
  all (``bench_parse --fresh`` makes the same input): what a crawl of many sites gives,
  and the honest figure for newskit's own work per line.
- **newskit, cold**: the 192 distinct dumps once each (1.7 MB). Start-up weighs more on
  so small an input.
- **jusText 3** in this Python process, on the first ``--justext-mb`` MB of the copies
  (whole copies; its throughput is a rate, it has no cache, so a subset measures it) and on
  the 192 distinct dumps: each dump read and decoded, each non-empty line HTML-escaped into
  a ``<p>`` of one HTML document per dump, ``justext.justext(html, get_stoplist("English"))``,
  the non-boilerplate paragraphs written to a file.
- **memory**: ``newskit strip -j 1`` on the first 25, 50, 100 MB (``--memory-mb``) of the
  repeated and of the varied copies: peak resident memory of the largest process and of
  all processes together (see ``bench/benchutil.py`` for how).

Each run reports wall-clock time and CPU time (user + system, newskit's worker processes
included), and the "other load": how many CPUs other processes kept busy meanwhile. On a
machine shared with other work, wall time shows the contention and CPU time much less so.
With ``--repeat N`` every timed run (newskit's and jusText's alike) is made N times,
newskit's -j values in turns, and the fastest kept, the one least disturbed; the runs on
the 192 distinct dumps are made at least 3 times. Articles/s counts the articles newskit
found (its ``-v`` count); jusText gives one output per dump, so its figure is dumps/s.
The runs with different -j must give byte-identical output: checked. The figures go to
bench/out/bench_strip.json as well (or ``--json FILE``).
"""

from __future__ import annotations

import argparse
import hashlib
import html
import re
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import justext

from .benchutil import (
    Run,
    busy_seconds,
    fresh_text,
    json_option,
    load,
    machine,
    mib,
    newskit_command,
    revision,
    run,
    vary,
    write_figures,
)
from .corpus import RENDERERS, require_dumps

MB = 1_000_000
_ARTICLES = re.compile(r"newskit: (\d+) articles in (\d+) inputs")


def build(dumps: list[Path], root: Path, mb: int, kind: str) -> list[Path]:
    """Copies of ``dumps`` in ``root/copy-NNN/<variant>/``, ``mb`` MB or more; the copy
    folders. ``kind``: "repeated", "varied" (long lines new after the first copy) or
    "fresh" (every line of words new, in every copy)."""
    copies: list[Path] = []
    total = n = 0
    while total < mb * MB:
        k = len(copies)
        folder = root / f"copy-{k:03d}"
        for src in dumps:
            dest = folder / src.parent.name / src.name
            dest.parent.mkdir(parents=True, exist_ok=True)
            data = src.read_bytes()
            if kind == "varied" and k:
                data = vary(data.decode("utf-8", "replace"), k).encode("utf-8")
            elif kind == "fresh":
                text, n = fresh_text(data.decode("utf-8", "replace"), n)
                data = text.encode("utf-8")
            dest.write_bytes(data)
            total += len(data)
        copies.append(folder)
    return copies


def size(paths: list[Path]) -> tuple[int, int]:
    """(files, bytes) under ``paths`` (files or folders)."""
    files = [f for p in paths for f in ([p] if p.is_file() else p.rglob("*.txt"))]
    return len(files), sum(f.stat().st_size for f in files)


def newskit_strip(args: list[str], jobs: int, out: Path) -> tuple[Run, int]:
    """One run of ``newskit -v strip -j JOBS ARGS > out``, and the articles it found."""
    r = run([*newskit_command(), "-v", "strip", "-j", str(jobs), *args], out)
    if r.returncode != 0:
        sys.exit(f"bench_strip: newskit failed ({r.returncode}): {r.stderr[-2000:]}")
    m = _ARTICLES.search(r.stderr)
    return r, int(m.group(1)) if m else 0


def fastest(args: list[str], jobs: list[int], out: Path, repeat: int) -> dict[int, tuple[Run, int]]:
    """The fastest of ``repeat`` runs for each -j in ``jobs``, taken in turns (-j 1, -j 2,
    -j 1, -j 2, ...) so that a busy spell on the machine hurts none in particular; every
    run's output must be the same."""
    best: dict[int, tuple[Run, int]] = {}
    first: str | None = None
    for _ in range(repeat):
        for j in jobs:
            r, arts = newskit_strip(args, j, out)
            with open(out, "rb") as fh:
                digest = hashlib.file_digest(fh, "sha256").hexdigest()
            first = first or digest
            if digest != first:
                sys.exit(f"bench_strip: the output of -j {j} differs from that of -j {jobs[0]}")
            if j not in best or r.seconds < best[j][0].seconds:
                best[j] = (r, arts)
    out.unlink()
    return best


def justext_strip(files: list[Path], out: Path) -> tuple[float, float, int, float | None]:
    """jusText over ``files``, kept paragraphs written to ``out``.

    Returns (seconds, CPU seconds, bytes read, CPUs used by other processes meanwhile).
    """
    stoplist = justext.get_stoplist("English")
    total = 0
    busy = busy_seconds()
    start, cpu = time.perf_counter(), time.process_time()
    with open(out, "w", encoding="utf-8") as fh:
        for i, f in enumerate(files):
            data = f.read_bytes()
            total += len(data)
            text = data.decode("utf-8", "replace")
            body = "".join(f"<p>{html.escape(line)}</p>\n" for line in text.split("\n") if line.strip())
            doc = f"<html><body>\n{body}</body></html>".encode()
            kept = [p.text for p in justext.justext(doc, stoplist) if not p.is_boilerplate]
            if i:
                fh.write("\f\n")
            fh.write("\n\n".join(kept) + "\n")
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    after = busy_seconds()
    others = None if busy is None or after is None else max(0.0, (after - busy - cpu) / seconds)
    return seconds, cpu, total, others


@dataclass
class Measure:
    name: str
    files: int
    nbytes: int
    seconds: float
    cpu: float
    articles: int
    run: Run | None = None  # None: in this process (jusText)
    others: float | None = None  # CPUs used by other processes during the run, on average

    def __post_init__(self) -> None:
        if self.run is not None:
            self.others = self.run.others

    @property
    def rate(self) -> float:
        return self.nbytes / MB / self.seconds

    @property
    def cpu_rate(self) -> float:
        return self.nbytes / MB / self.cpu

    def figures(self) -> dict[str, object]:
        r = self.run
        return {
            "run": self.name, "files": self.files, "mb": self.nbytes / MB, "seconds": self.seconds,
            "cpu_seconds": self.cpu, "mb_per_s": self.rate, "mb_per_cpu_s": self.cpu_rate,
            "articles": self.articles, "peak_rss_kb": r.peak_kb if r else None,
            "peak_pss_kb": r.tree_kb if r else None, "other_load": self.others,
        }

    def cells(self, base: Measure) -> list[str]:
        r = self.run
        return [
            self.name,
            f"{self.files:,}",
            f"{self.nbytes / MB:.1f}",
            f"{self.seconds:.2f}",
            f"{self.rate:.2f}",
            f"{self.articles / self.seconds:,.0f}",
            f"{self.rate / base.rate:.1f}×",
            f"{self.cpu:.2f}",
            f"{self.cpu_rate:.2f}",
            f"{self.cpu_rate / base.cpu_rate:.1f}×",
            mib(r.peak_kb) if r else "–",
            mib(r.tree_kb) if r else "–",
            "?" if self.others is None else f"{self.others:.1f}",
        ]


HEADER = (
    "| run | files | MB | wall s | MB/s | articles/s | × jusText | CPU s | MB per CPU s "
    "| × jusText (CPU) | peak RSS, largest process | peak PSS, all processes | other load |\n"
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path, help="the corpus folder, e.g. ../shared/corpus/aeb")
    ap.add_argument("--mb", type=int, default=100, help="size of the repeated input (default 100)")
    ap.add_argument(
        "--justext-mb",
        type=int,
        default=20,
        help="MB of the copies jusText runs on (default 20; 0: all)",
    )
    ap.add_argument("--jobs", default="1,2", help="newskit -j values to time (default 1,2)")
    ap.add_argument(
        "--memory-mb",
        default="25,50,100",
        help="input sizes for the memory runs, -j 1 (default 25,50,100; at most --mb)",
    )
    ap.add_argument("--no-varied", action="store_true", help="skip the varied-copies runs")
    ap.add_argument("--no-fresh", action="store_true", help="skip the fresh-copies runs (no line repeats)")
    ap.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="time each newskit and jusText run this many times and keep the fastest "
        "(default 1; the runs on the distinct dumps are always at least 3)",
    )
    json_option(ap, "bench_strip")
    args = ap.parse_args()
    dumps = require_dumps(args.corpus, "bench_strip")
    jobs = [int(j) for j in args.jobs.split(",")]
    memory_mb = sorted({int(m) for m in args.memory_mb.split(",") if int(m) <= args.mb})

    say(f"machine: {machine()}")
    say(f"command: {' '.join(newskit_command())}")
    loads = [load()]
    code = revision()
    fast: list[Measure] = []  # on the copies
    cold: list[Measure] = []  # on the 192 distinct dumps
    memory: list[tuple[str, str, str, str, str]] = []

    with tempfile.TemporaryDirectory(prefix="newskit-bench-") as tmp:
        root = Path(tmp)
        outs = root / "out"
        outs.mkdir()
        inputs = {"repeated": root / "repeated"}
        if not args.no_varied:
            inputs["varied"] = root / "varied"
        if not args.no_fresh:
            inputs["fresh"] = root / "fresh"
        copies = {kind: build(dumps, folder, args.mb, kind) for kind, folder in inputs.items()}
        copy_bytes = {kind: [size([c])[1] for c in cs] for kind, cs in copies.items()}

        def first_copies(kind: str, mb: int) -> list[Path]:
            """The fewest first copies that hold at least ``mb`` MB (all for 0)."""
            total = 0
            for n, b in enumerate(copy_bytes[kind]):
                if mb and total >= mb * MB:
                    return copies[kind][:n]
                total += b
            return copies[kind]

        # jusText first: its rates are the bases of the ratios.
        jt_copies = first_copies("repeated", args.justext_mb)
        jt_files = sorted(f for c in jt_copies for v in RENDERERS for f in (c / v).glob("*.txt"))
        say(f"jusText on {len(jt_files):,} files of {len(jt_copies)} copies ...")
        secs, cpu, nbytes, others = min(justext_strip(jt_files, outs / "justext.txt") for _ in range(args.repeat))
        jt = Measure(f"jusText 3, first {len(jt_copies)} copies", len(jt_files), nbytes, secs, cpu, len(jt_files))
        jt.others = others
        say(f"jusText on the {len(dumps)} distinct dumps ...")
        cold_runs = max(3, args.repeat)
        secs, cpu, nbytes, others = min(justext_strip(dumps, outs / "justext-cold.txt") for _ in range(cold_runs))
        jt_cold = Measure(f"jusText 3, {len(dumps)} distinct dumps", len(dumps), nbytes, secs, cpu, len(dumps))
        jt_cold.others = others

        for kind, folder in inputs.items():
            files, nbytes = size([folder])
            say(f"newskit -j {','.join(map(str, jobs))} on {nbytes / MB:.0f} MB, {kind} ...")
            for j, (r, arts) in fastest([str(folder)], jobs, outs / "out.txt", args.repeat).items():
                fast.append(Measure(f"newskit strip -j {j}, {kind} copies", files, nbytes, r.seconds, r.cpu, arts, r))
                if j == 1 and args.mb in memory_mb:
                    memory.append((kind, f"{nbytes / MB:.0f}", f"{files:,}", mib(r.peak_kb), mib(r.tree_kb)))
            for m in memory_mb:
                if m == args.mb and 1 in jobs:
                    continue  # measured above
                some = first_copies(kind, m)
                f, b = size(some)
                say(f"newskit -j 1 on {b / MB:.0f} MB, {kind} (memory) ...")
                r, _ = newskit_strip([str(c) for c in some], 1, outs / "mem.txt")
                memory.append((kind, f"{b / MB:.0f}", f"{f:,}", mib(r.peak_kb), mib(r.tree_kb)))
        fast.append(jt)

        cold_args = [str(args.corpus / v) for v in RENDERERS]
        say(f"newskit -j {','.join(map(str, jobs))} on the {len(dumps)} distinct dumps ...")
        for j, (r, arts) in fastest(cold_args, jobs, outs / "cold.txt", max(3, args.repeat)).items():
            cold.append(
                Measure(
                    f"newskit strip -j {j}, {len(dumps)} distinct dumps",
                    len(dumps),
                    jt_cold.nbytes,
                    r.seconds,
                    r.cpu,
                    arts,
                    r,
                )
            )
        cold.append(jt_cold)
    loads.append(load())

    print(f"Machine: {machine()}. Load average before / after: {loads[0]} / {loads[1]}.")
    print(f"Code: {code}." + ("" if revision() == code else f" At the end: {revision()}."))
    print(f"Each figure: the fastest of {args.repeat} run(s) ({max(3, args.repeat)} on the distinct dumps).\n")
    print(HEADER)
    for m in fast:
        print("| " + " | ".join(m.cells(jt)) + " |")
    for m in cold:
        print("| " + " | ".join(m.cells(jt_cold)) + " |")
    print(
        "\nOther load: how many CPUs other processes kept busy during the run, on average "
        "(from /proc/stat, minus the run's own CPU time).\n"
    )
    print(
        f"× jusText: newskit's rate over jusText's on the same kind of input: "
        f"{jt.rate:.2f} MB/s ({jt.cpu_rate:.2f} MB per CPU s) on the copies, "
        f"{jt_cold.rate:.2f} MB/s ({jt_cold.cpu_rate:.2f}) on the distinct dumps. "
        "jusText runs in this process, so its figures leave out the start-up that "
        "newskit's include.\n"
    )
    print("Memory, newskit strip -j 1:\n")
    print("| input | MB | files | peak RSS, largest process | peak PSS, all processes |")
    print("|---|---:|---:|---:|---:|")
    for row in sorted(memory, key=lambda x: (x[0], float(x[1]))):
        print("| " + " | ".join(row) + " |")
    write_figures("bench_strip", {
        "load_before": loads[0], "load_after": loads[1], "repeat": args.repeat,
        "runs": [m.figures() for m in fast + cold],
        "memory": [dict(zip(("input", "mb", "files", "peak_rss", "peak_pss"), row, strict=True))
                   for row in sorted(memory, key=lambda x: (x[0], float(x[1])))],
    }, args.json)
    return 0


def say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


if __name__ == "__main__":
    raise SystemExit(main())
