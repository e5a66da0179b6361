"""Shared helpers of the benchmarks: the machine, the revision, timed runs of newskit, figures as JSON.

A run of ``newskit`` is timed end to end (process start to exit) as a user runs it, in
wall-clock time and in CPU time (user + system, from ``os.wait4``: the command and the
worker processes it waited for). Its memory is read from ``/proc`` every 10 ms (Linux
only; None elsewhere) two ways: the peak resident set size of the largest process
(``VmHWM``, the kernel's own high-water mark, so nothing is missed between samples), and
the peak of the sum over the process tree (the command and its workers) of each
process's proportional set size (``Pss`` in ``smaps_rollup``: a page shared by n
processes, as forked workers share pages with their parent, counts 1/n in each).
``ru_maxrss`` is not used: on Linux it also counts the memory of the forked copy of this
process before it runs ``exec``, which says nothing about newskit.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shlex
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from .corpus import ROOT

OUT = ROOT / "bench" / "out"
"""Where the scripts write what they make (not tracked by git)."""


def json_option(parser: argparse.ArgumentParser, script: str) -> None:
    """Declare ``--json FILE``, the same on every script."""
    parser.add_argument(
        "--json",
        type=Path,
        metavar="FILE",
        default=OUT / f"{script}.json",
        help=f"write the figures as JSON to FILE (default: bench/out/{script}.json)",
    )


def write_figures(script: str, figures: object, path: Path) -> Path:
    """Write ``figures`` to ``path`` as JSON, with what made them; say so on stderr."""
    record = {
        "script": f"bench.{script}",
        "command": shlex.join(["python", "-m", f"bench.{script}", *sys.argv[1:]]),
        "revision": revision(),
        "machine": machine(),
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "figures": figures,
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{script}: figures written to {path}", file=sys.stderr)
    return path


def newskit_command() -> list[str]:
    """The ``newskit`` console script next to this Python, else ``python -m newskit``."""
    script = shutil.which("newskit", path=str(Path(sys.executable).parent))
    return [script] if script else [sys.executable, "-m", "newskit"]


def machine() -> str:
    """CPU model, CPU count, Python and OS, in one line."""
    model = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return (
        f"{model}, {cpus} CPUs (nproc), Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}"
    )


def revision() -> str:
    """The git commit of the code measured, and which files under newskit/ differ from it."""
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
        changed = subprocess.run(
            ["git", "status", "--porcelain", "--", "newskit"],
            cwd=ROOT,
            capture_output=True,
            text=True,
        ).stdout.split("\n")
    except OSError:
        return "unknown"
    files = sorted(line[3:] for line in changed if line.strip())
    return f"{head or 'unknown'}" + (f" with local changes to {', '.join(files)}" if files else "")


@dataclass
class Run:
    seconds: float
    cpu: float  # user + system seconds of the command and the workers it waited for
    returncode: int
    peak_kb: int | None  # largest single process (its VmHWM)
    tree_kb: int | None  # whole process tree (sum of Pss), sampled
    stderr: str
    others: float | None = None  # CPUs kept busy by other processes during the run, on average
    main_kb: int | None = None  # the command's own process (its VmHWM), apart from its workers


def _children(pid: int) -> list[int]:
    found = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as fh:
                found.extend(int(c) for c in fh.read().split())
    except OSError:
        pass
    return found


def _memory_kb(pid: int) -> tuple[int, int]:
    """(Pss, VmHWM) of ``pid`` in KB (VmRSS for Pss where smaps_rollup is missing)."""
    rss = pss = hwm = 0
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    rss = int(line.split()[1])
                elif line.startswith("VmHWM:"):
                    hwm = int(line.split()[1])
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    pss = int(line.split()[1])
                    break
    except (OSError, ValueError):
        pass
    return pss or rss, hwm


def tree_memory_kb(pid: int) -> dict[int, tuple[int, int]]:
    """(Pss, VmHWM) in KB of ``pid`` and each of its descendants (Linux /proc)."""
    found, todo = {}, [pid]
    while todo:
        p = todo.pop()
        found[p] = _memory_kb(p)
        todo.extend(_children(p))
    return found


def busy_seconds() -> float | None:
    """CPU seconds all CPUs have spent busy since boot (Linux /proc/stat), or None."""
    try:
        with open("/proc/stat") as fh:
            fields = [int(x) for x in fh.readline().split()[1:]]
    except (OSError, ValueError):
        return None
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)  # idle + iowait
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def run(cmd: list[str], stdout: Path | None = None, env: dict[str, str] | None = None) -> Run:
    """Run ``cmd`` with stdout to ``stdout`` (or /dev/null); time and measure it."""
    sample = Path("/proc/self/status").exists()
    peak_tree = 0
    peak_each: dict[int, int] = {}
    done = threading.Event()
    with open(stdout or os.devnull, "wb") as out:
        busy = busy_seconds()
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.PIPE, env=env)

        def sampler() -> None:
            nonlocal peak_tree
            while not done.is_set():
                now = tree_memory_kb(proc.pid)
                peak_tree = max(peak_tree, sum(rss for rss, _ in now.values()))
                for p, (_, hwm) in now.items():
                    peak_each[p] = max(peak_each.get(p, 0), hwm)
                done.wait(0.01)

        watcher = threading.Thread(target=sampler, daemon=True)
        if sample:
            watcher.start()
        assert proc.stderr is not None
        err = proc.stderr.read()  # stderr is small; read it all before reaping
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        busy_after = busy_seconds()
        done.set()
        if sample:
            watcher.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
    cpu = usage.ru_utime + usage.ru_stime
    others = None
    if busy is not None and busy_after is not None:  # this process's sampling counts as "other"
        others = max(0.0, (busy_after - busy - cpu) / seconds)
    return Run(
        seconds,
        cpu,
        proc.returncode,
        max(peak_each.values(), default=0) if sample else None,
        peak_tree if sample else None,
        err.decode("utf-8", "replace"),
        others,
        peak_each.get(proc.pid) if sample else None,
    )


def vary(text: str, k: int, *, min_words: int = 8, line: int | None = None) -> str:
    """``text`` with `` k`` inserted after the first word of its lines of ``min_words``+ words.

    With ``line`` (0-based), only in that line, whatever its length.
    """
    lines = text.split("\n")
    if line is None:
        chosen = [i for i, s in enumerate(lines) if len(s.split()) >= min_words]
    else:
        chosen = [line] if lines[line].strip() else []
    for i in chosen:
        words = lines[i].split(" ")
        j = next(n for n, w in enumerate(words) if w)  # the first word, after any indent
        words.insert(j + 1, str(k))
        lines[i] = " ".join(words)
    return "\n".join(lines)


def fresh_text(text: str, n: int) -> tuple[str, int]:
    """``text`` with every line of words made new: the numbers ``n + 1``, ``n + 2``, ...
    after the first word of each line in turn; and the last number given. A dump made
    this way meets no line twice, in itself or in any other dump numbered on from it:
    what a crawl of many sites gives."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        head, sep, rest = line.lstrip().partition(" ")
        if head:
            n += 1
            indent = line[: len(line) - len(line.lstrip())]
            lines[i] = f"{indent}{head} {n}{sep}{rest}" if sep else f"{indent}{head} {n}"
    return "\n".join(lines), n


def load() -> str:
    """The 1-minute load average and the number of CPUs, e.g. "0.12 on 2 CPUs"."""
    try:
        one = os.getloadavg()[0]
    except OSError:
        return "unknown"
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return f"{one:.2f} on {cpus} CPUs"


def mib(kb: int | None) -> str:
    return "n/a" if kb is None else f"{kb / 1024:.0f} MiB"
