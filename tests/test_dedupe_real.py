"""Dedupe on real pages of the development corpora: the real cross-outlet copies found in
them, and pairs that only look alike (issue 12, "real pairs"; bench/RESULTS.md lists them).

Every pair here was read in both bodies before it was called real or false. The pages are
read by path from ``../shared/corpus`` and the tests skip where it is absent; no text of
the corpora is kept in the project. Marked ``corpus``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newskit.dedupe import DedupeRun, Relation, dedupe_inputs

pytestmark = pytest.mark.corpus

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
RENDERERS = ("chromium", "inscriptis")

# Associated Press reports that two outlets ran (page ids of dragnet): a report contained
# whole in a longer one, a near-identical copy, and a rewrite of one wire story.
WIRE_COPIES = ({"100", "143"}, {"9", "44"}, {"250", "328"})
# Reports of one event that quote the same statements but are written apart: no copies.
SHARED_QUOTES = ("149", "30", "222", "R889", "R938")
# Seven posts of one blog whose parsed bodies share the site's sidebar and nothing else.
ONE_SITE = tuple(f"R{n}" for n in range(874, 881))


def _run(corpus: str, renderer: str, ids: tuple[str, ...] | list[str]) -> DedupeRun:
    folder = CORPUS / corpus / renderer
    if not folder.is_dir():
        pytest.skip(f"no corpus at {folder}")
    return dedupe_inputs([str(folder / f"{i}.txt") for i in ids])


def _clusters(run: DedupeRun) -> list[set[str]]:
    return [{Path(m.source).stem for m in c.members} for c in run.clusters]


@pytest.mark.parametrize("renderer", RENDERERS)
def test_the_wire_copies_of_dragnet_are_found_and_nothing_else(renderer: str) -> None:
    ids = sorted({i for pair in WIRE_COPIES for i in pair} | set(SHARED_QUOTES))
    run = _run("dragnet", renderer, ids)
    assert sorted(map(sorted, _clusters(run))) == sorted(map(sorted, WIRE_COPIES))
    (earhart,) = (c for c in run.clusters if {Path(m.source).stem for m in c.members} == {"100", "143"})
    assert {Path(m.source).stem: m.relation for m in earhart.members}["100"] is Relation.CONTAINED


@pytest.mark.parametrize("renderer", RENDERERS)
def test_the_pages_of_one_blog_sharing_its_sidebar_are_no_copies(renderer: str) -> None:
    assert _run("dragnet", renderer, ONE_SITE).clusters == []


@pytest.mark.parametrize("renderer", RENDERERS)
def test_two_aeb_reports_quoting_one_statement_are_no_copies(renderer: str) -> None:
    assert _run("aeb", renderer, ["70cb2d5bca75", "eb62ac8425e5"]).clusters == []
