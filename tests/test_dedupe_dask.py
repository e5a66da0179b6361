"""Dedupe on a Dask cluster (newskit.dedupe_dask): the same clusters as a local run.

The partitioned search runs here on a stand-in for a cluster that runs each task at once,
its results pickled and unpickled as between workers, so that many cases and numbers of
partitions are cheap to try; a real LocalCluster runs newskit in a subprocess (see
tests/test_engine.py for the small inputs, and the corpus test below).
"""

from __future__ import annotations

import json
import pickle
import random
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import newskit.dedupe_dask as dedupe_dask_module
import newskit.pipeline as pipeline_module
from newskit.cli import cli
from newskit.dedupe import Article, DedupeOptions, Deduper, DedupeStats, dedupe_inputs, fingerprint
from newskit.dedupe_dask import ShuffleBytes, find_clusters_on
from newskit.pipeline import Reader
from tests.test_dedupe import _article, _rewrite, _site_pages, _story

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"


class _Done:
    """A finished task's result, as a future stands for it."""

    def __init__(self, value: Any) -> None:
        self.value = pickle.loads(pickle.dumps(value))  # what a worker would get: a copy

    def result(self) -> Any:
        return self.value


def _resolved(x: Any) -> Any:
    if isinstance(x, _Done):
        return x.value
    if isinstance(x, list | tuple):
        return type(x)(_resolved(v) for v in x)
    return x


class _Client:
    def submit(self, fn: Callable[..., Any], *args: Any, pure: bool = True) -> _Done:
        return _Done(fn(*map(_resolved, args)))

    def scatter(self, values: list[Any], hash: bool = True) -> list[_Done]:
        return [_Done(v) for v in values]

    def gather(self, futures: list[_Done]) -> list[Any]:
        return [f.value for f in futures]


class _Engine:
    """Stands in for a DaskEngine of ``slots`` workers: each task runs when submitted."""

    def __init__(self, slots: int) -> None:
        self._slots = slots

    def client(self) -> _Client:
        return _Client()

    def slots(self) -> int:
        return self._slots

    def map_kept(
        self, task: Callable[..., Any], part: Callable[[Any], tuple[Any, Any]], chunks: list[Any], *shared: Any
    ) -> Iterator[tuple[Any, _Done]]:
        for chunk in chunks:
            light, heavy = part(task(pickle.loads(pickle.dumps(chunk)), *shared))
            yield light, _Done(heavy)


def _articles() -> list[Article]:
    """Rewrites, exact copies (a family larger than max_bucket below), a brief cut from a
    story, a site's pages sharing a sidebar, wire copy on two sites, short pages."""
    out: list[Article] = []
    for k in range(6):
        story = _story(100 + k, 14)
        out.append(_article(story, len(out), outlet=f"Outlet {k % 3}"))
        for j in range(k % 3 + 1):
            out.append(_article(_rewrite(story, 200 + 10 * k + j, 0.3), len(out), outlet=f"Outlet {j}"))
    family = _story(300, 12)
    out += [_article(family, len(out) + j, outlet="Wire") for j in range(7)]
    long_story = _story(400, 30)
    out.append(_article(long_story, len(out)))
    out.append(_article(long_story[5:13], len(out)))  # a brief: contained, low shingle Jaccard
    out += _site_pages(6, "The Daily Site", _story(500, 10), 510)
    wire = _story(600, 12)
    out += [_article(wire + _story(610 + k, 1), len(out) + k, outlet="Site A") for k in range(3)]
    out.append(_article(wire, len(out), outlet="Site B"))
    out += [_article(["Home", "News", "Sport"], len(out) + j) for j in range(3)]  # no prose: joins nothing
    random.Random(7).shuffle(out)  # copies apart, not one after another
    return out


@pytest.mark.parametrize("parts", [1, 2, 5, 16])
@pytest.mark.parametrize(
    "options",
    [DedupeOptions(), DedupeOptions(max_bucket=2), DedupeOptions(band_rows=4, keep="longest"),
     DedupeOptions(site_pages=0, index_words=0)],
    ids=["default", "chains", "wide-bands", "no-index"],
)
def test_the_partitioned_search_finds_what_a_local_run_finds(options: DedupeOptions, parts: int) -> None:
    arts = _articles()
    fps = [fingerprint(a, options) for a in arts]
    local = Deduper(options)
    for fp in fps:
        local.add_fingerprint(fp)
    expected = local.clusters()
    assert len(expected) >= 8 and any(len(c) >= 7 for c in expected)  # noqa: PLR2004
    if options.site_pages:
        assert local.stats.site_chrome == 10  # the sidebar: left out of the checks
    stats = DedupeStats()
    found = find_clusters_on(_Engine(2), fps, options, parts=parts, stats=stats)  # type: ignore[arg-type]
    assert found == expected
    counted = ("articles", "distinct", "candidates", "duplicates", "site_chrome", "clusters")
    assert [getattr(stats, x) for x in counted] == [getattr(local.stats, x) for x in counted]


def test_dedupe_inputs_on_an_engine_reads_there_and_gives_the_local_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline_module, "CHUNK", 1)  # a parsing task per input,
    monkeypatch.setattr(dedupe_dask_module, "ROUTE_TASKS", 2)  # several routing tasks: indices go on across them
    arts = _articles()
    lines = [json.dumps({"text": "\n\n".join([f"Headline {i} of the day", *a.body]) + "\n",
                         "url": f"https://{(a.outlet or 'plain').replace(' ', '').lower()}.example.com/{i}"})
             for i, a in enumerate(arts)]
    crawls = []
    for k in range(3):
        crawls.append(tmp_path / f"crawl{k}.jsonl")
        crawls[-1].write_text("\n".join(lines[k::3]) + "\n")
    dumps = sorted(map(str, (ROOT / "data").glob("*.txt")))
    sources = [*map(str, crawls), *dumps, dumps[0]]  # an exact copy of a dump too
    local = dedupe_inputs(sources, keep_articles=True)
    assert len(local.clusters) >= 8  # noqa: PLR2004
    measure = ShuffleBytes()
    there = dedupe_inputs(sources, reader=Reader(engine=_Engine(3)), keep_articles=True)  # type: ignore[arg-type]
    assert there.clusters == local.clusters and there.total == local.total
    assert [a.id for a in there.kept()] == [a.id for a in local.kept()]
    fps = [fingerprint(a) for a in local.articles]
    assert find_clusters_on(_Engine(1), fps, measure=measure) == local.clusters  # type: ignore[arg-type]
    assert measure.fingerprints > sum(len(fp.text) for fp in fps) and measure.bands > 0 and measure.total


def newskit(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "newskit", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=900, check=False)


@pytest.mark.corpus
def test_dedupe_of_the_dev_corpora_on_a_local_dask_cluster_is_the_local_run_byte_for_byte() -> None:
    pytest.importorskip("distributed")
    if not CORPUS.is_dir():
        pytest.skip("no development corpora")
    inputs = [str(CORPUS / "aeb"), str(CORPUS / "dragnet")]
    there = newskit("-q", "dedupe", "--json", "--engine", "dask", "-j", "2", *inputs)
    assert there.returncode == 0, there.stderr
    here = CliRunner().invoke(cli, ["-q", "dedupe", "--json", "-j", "1", *inputs], catch_exceptions=False)
    assert there.stdout == here.stdout
    assert len(json.loads(here.stdout)) > 1000  # noqa: PLR2004
