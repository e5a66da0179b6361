"""bench.fit_weights: folds by site (stable, disjoint), the coordinate search, the evaluator's cache.

No corpus is needed: the corpora here are a few pages written by hand in a temporary folder.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from bench.fit_weights import (
    Evaluator,
    coordinate_search,
    fold_of,
    load_refs,
    objective,
    report,
    run,
    setting_of,
    site_key,
    split_folds,
    steps,
)

LEAD = ("The city council voted on Tuesday to rebuild the old harbour wall before the winter storms arrive, "
        "after engineers warned that the stones had shifted by more than a metre since spring.")
MORE = ("Work will begin next month and is expected to last until March, the council said in a statement "
        "that also promised a footpath along the new wall for walkers and anglers.")


def page(headline: str) -> str:
    return f"Home\nNews\nSport\n\n{headline}\n\n{LEAD}\n\n{MORE}\n\nShare this article\n"


def make_corpora(root: Path, sites: dict[str, list[str | None]]) -> None:
    """``sites``: corpus -> the site of each page (None: no site), each page a small dump."""
    for corpus, of_pages in sites.items():
        for renderer in ("chromium", "inscriptis"):
            (root / corpus / renderer).mkdir(parents=True)
        (root / corpus / "truth").mkdir()
        for n, site in enumerate(of_pages):
            headline = f"Council votes to rebuild harbour wall number {n}"
            truth = {"id": f"p{n}", "site": site, "headline": headline, "headline_source": "og:title",
                     "published": None, "body": f"{LEAD}\n\n{MORE}"}
            (root / corpus / "truth" / f"p{n}.json").write_text(json.dumps(truth), encoding="utf-8")
            for renderer in ("chromium", "inscriptis"):
                (root / corpus / renderer / f"p{n}.txt").write_text(page(headline), encoding="utf-8")


def test_a_site_is_its_registrable_name_in_either_corpus_and_a_page_without_one_is_its_own():
    assert site_key("aeb", {"id": "1", "site": "wsj.com"}) == site_key("dragnet", {"id": "9", "site": "online.wsj.com"})
    assert site_key("dragnet", {"id": "R1", "site": None}) == "page:dragnet/R1"
    assert site_key("dragnet", {"id": "R1", "site": None}) != site_key("dragnet", {"id": "R2", "site": None})


def test_the_fold_of_a_site_is_stable_and_spread():
    # a stable hash (not Python's salted hash()): the same folds in every run and process
    assert [fold_of(s, 3) for s in ("nytimes", "wsj", "guardian", "cnet", "nfl")] == [2, 0, 0, 1, 0]
    assert fold_of("nytimes", 3) == fold_of("nytimes", 3)
    assert {fold_of(s, 3, salt="x") for s in ("nytimes", "wsj", "guardian", "cnet", "nfl")} != {2}
    counts = [0, 0]
    for n in range(1000):
        counts[fold_of(f"site{n}", 2)] += 1
    assert min(counts) > 400  # (about half each)


def test_folds_hold_each_site_whole_and_every_page_once(tmp_path: Path):
    sites: dict[str, list[str | None]] = {
        "aeb": ["wsj.com", "nytimes.com", "bbc.co.uk", "wsj.com"],
        "dragnet": ["online.wsj.com", None, "nytimes.com", None, "blog.wordpress.com", "guardian.co.uk"],
    }
    make_corpora(tmp_path, sites)
    refs = load_refs(tmp_path, 2)
    assert len(refs) == 2 * (4 + 6)  # every page in both renderings
    folds = split_folds(refs, 2)
    for fold in folds:
        assert sorted(fold.test + fold.train) == list(range(len(refs)))
        test_sites = {refs[i].site for i in fold.test}
        assert test_sites.isdisjoint({refs[i].site for i in fold.train})
    wsj = {refs[i].fold for i in range(len(refs)) if refs[i].site == "wsj"}
    assert len(wsj) == 1  # aeb's wsj.com and dragnet's online.wsj.com go together
    # the same folds whatever the order the pages come in
    assert [r.fold for r in load_refs(tmp_path, 2)] == [r.fold for r in refs]


def test_the_evaluator_parses_each_page_once_per_setting(tmp_path: Path):
    make_corpora(tmp_path, {"aeb": ["a.com", "b.com"], "dragnet": ["c.com"]})
    ev = Evaluator(load_refs(tmp_path, 2))
    everything = list(range(len(ev.refs)))
    figs = ev.figures({}, everything)
    assert sorted(figs) == ["aeb/chromium", "aeb/inscriptis", "dragnet/chromium", "dragnet/inscriptis"]
    assert figs["aeb/chromium"]["titles_ok"] == 2 and figs["aeb/chromium"]["f1"] > 0.9
    assert ev.parsed == len(everything)
    ev.figures({}, everything[:3])
    ev.figures({"title.overlap": 0.6}, everything)  # the default value: the same setting
    assert ev.parsed == len(everything)
    ev.figures({"title.overlap": 0.3}, everything[:3])
    ev.figures({"title.overlap": 0.3}, everything)
    assert ev.parsed == 2 * len(everything)
    assert 0 < objective(figs) <= 1
    assert setting_of({"title.overlap": 0.6, "title.window": 25}) == (("title.window", 25),)


def test_steps_of_a_weight():
    assert steps(4.0) == [2.0, 3.0, 5.0, 6.0]
    assert steps(10) == [8, 9, 11, 12] and all(isinstance(v, int) for v in steps(10))
    assert steps(1) == [0, 2]
    assert steps(0.0) == [0.1, 0.5]


def test_the_coordinate_search_climbs_a_toy_objective_within_its_budget():
    calls: list[dict[str, float | int]] = []

    def score(o: dict[str, float | int]) -> float:
        calls.append(o)
        return -((float(o.get("a", 1.0)) - 2.0) ** 2) - (int(o.get("n", 10)) - 12) ** 2

    found = coordinate_search(score, {"a": 1.0, "n": 10}, ["a", "n"], budget=60, rounds=3, margin=0.001)
    assert found.overrides == {"a": 1.875, "n": 12}
    assert found.value == pytest.approx(-0.015625) and found.start_value == -5.0
    assert found.evaluations == len(calls) == len({tuple(sorted(c.items())) for c in calls})  # none twice
    few = coordinate_search(score, {"a": 1.0, "n": 10}, ["a", "n"], budget=5, rounds=3)
    assert few.evaluations == 5 and few.overrides == {"a": 1.5}  # (the start and a's four steps)


def test_a_gain_within_the_margin_is_not_kept():
    def score(o: dict[str, float | int]) -> float:
        return 0.5 + 0.001 * float(o.get("a", 1.0))  # x1.5 gains 0.0005

    assert coordinate_search(score, {"a": 1.0}, ["a"], margin=0.002).overrides == {}
    assert coordinate_search(score, {"a": 1.0}, ["a"], margin=0.0001, rounds=1).overrides == {"a": 1.5}


def test_a_whole_run_reports_every_page_once_in_sample_and_leave_sites_out(tmp_path: Path):
    make_corpora(tmp_path, {"aeb": ["a.com", "b.com", "c.com"], "dragnet": ["d.com", None, "e.com"]})
    ev = Evaluator(load_refs(tmp_path, 2))
    args = argparse.Namespace(folds=2, salt="", budget=3, rounds=1, margin=0.002, no_fit=False)
    out = run(ev, args, ["title.overlap"])
    n = {key: f["pages"] for key, f in out["default"].items()}
    assert n == {"aeb/chromium": 3, "aeb/inscriptis": 3, "dragnet/chromium": 3, "dragnet/inscriptis": 3}
    # held out: each page in exactly one fold, so the pooled figures count every page once
    assert {key: f["pages"] for key, f in out["leave_sites_out"].items()} == n
    assert sum(f["test_pages"]["aeb"] + f["test_pages"]["dragnet"] for f in out["folds"]) == 6
    assert all(f["evaluations"] <= 3 for f in out["folds"]) and out["all_sites"]["evaluations"] <= 3
    text = "\n".join(report(out))
    assert "leave-sites-out" in text and "| all | objective |" in text
    no_fit = run(ev, argparse.Namespace(**{**vars(args), "no_fit": True}), ["title.overlap"])
    assert "all_sites" not in no_fit and all("overrides" not in f for f in no_fit["folds"])
    assert "| all | objective |" not in "\n".join(report(no_fit))
