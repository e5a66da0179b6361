"""Parsing on a Dask cluster: the same output as on this machine, byte for byte."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from newskit.cli import cli

ROOT = Path(__file__).resolve().parents[1]
INPUTS = [str(ROOT / "data"), str(ROOT / "tests" / "realworld")]


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def newskit(*args: str) -> subprocess.CompletedProcess[str]:
    """newskit in a process of its own, as a user runs it (a Dask cluster's worker
    processes are started from it)."""
    return subprocess.run([sys.executable, "-m", "newskit", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=600, check=False)


def test_strip_out_on_a_local_dask_cluster_writes_what_a_local_run_writes(tmp_path: Path) -> None:
    pytest.importorskip("distributed")  # in the test extra
    local, dask = tmp_path / "local", tmp_path / "dask"
    here = run("strip", "--out", str(local), "-j", "1", *INPUTS)
    there = newskit("strip", "--out", str(dask), "--engine", "dask", "-j", "2", *INPUTS)
    assert here.exit_code == there.returncode == 0, there.stderr
    assert len(files_of(local)) > 20
    assert files_of(dask) == files_of(local)
    assert there.stdout.replace(str(dask), "OUT") == here.stdout.replace(str(local), "OUT")


def test_site_chrome_on_a_local_dask_cluster_gives_what_a_local_run_gives() -> None:
    pytest.importorskip("distributed")
    there = newskit("--quiet", "strip", "--site-chrome", "--engine", "dask", "-j", "2", *INPUTS)
    assert there.returncode == 0, there.stderr
    assert there.stdout == run("--quiet", "strip", "--site-chrome", "-j", "1", *INPUTS).stdout


def test_engine_dask_without_dask_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if it were not installed
    r = run("strip", "--engine", "dask", str(ROOT / "data"))
    assert r.exit_code == 1
    assert r.stderr.strip() == "newskit: --engine dask needs Dask: pip install 'newskit[dask]'"
    assert r.stdout == ""


def test_scheduler_goes_with_engine_dask() -> None:
    r = run("strip", "--scheduler", "tcp://127.0.0.1:8786", str(ROOT / "data"))
    assert r.exit_code == 2
    assert "--scheduler ADDRESS goes with --engine dask" in r.stderr


def test_dedupe_and_index_on_a_local_dask_cluster_give_what_a_local_run_gives(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    inputs = [*INPUTS, str(ROOT / "data" / "000_120db16d2a8201b2.txt")]  # an exact copy, to find a cluster
    there = newskit("dedupe", "--json", "--engine", "dask", "-j", "2", *inputs)
    assert there.returncode == 0, there.stderr
    assert there.stdout == run("dedupe", "--json", "-j", "1", *inputs).stdout
    assert '"origin"' in there.stdout
    local_db, dask_db = tmp_path / "local.db", tmp_path / "dask.db"
    assert run("index", "--db", str(local_db), "-j", "1", *INPUTS).exit_code == 0
    indexed = newskit("index", "--db", str(dask_db), "--engine", "dask", "-j", "2", *INPUTS)
    assert indexed.returncode == 0, indexed.stderr
    listed = [run("list", "--jsonl", "--db", str(db), "--no-refresh", *INPUTS).stdout for db in (local_db, dask_db)]
    assert listed[0] == listed[1] and len(listed[0].splitlines()) > 20
