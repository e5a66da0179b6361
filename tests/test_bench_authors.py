"""bench/score_authors.py on a tiny hand-made sample and corpus (no dev pages)."""

from __future__ import annotations

import json
from pathlib import Path

from bench import score_authors

BODY = (
    "The river rose by two metres overnight, and the town council opened the school hall to "
    "families who had to leave their homes before dawn.\n\n"
    "Forecasters expect more rain on Thursday, though the worst of the storm has moved east "
    "towards the coast, where ferries stayed in port and the harbour stayed shut all day.\n"
)
DUMPS = {
    "p1": "Home\nNews\n\nRivers rise across the valley after a week of rain\n\nBy Jane Roe and John Doe\n\n" + BODY,
    "p2": "Home\nNews\n\nRivers rise across the valley after a week of rain\n\nBy Ann Lee\n\n" + BODY,
    "p3": "Home\nNews\n\nRivers rise across the valley after a week of rain\n\nBy Tom Hill\n\n" + BODY,
}
SAMPLE = """
[[page]]
corpus = "fake"
id = "p1"
authors = ["john  doe", "JANE ROE"]

[[page]]
corpus = "fake"
id = "p2"
authors = ["Ann Lee", "Bo Chan"]

[[none]]
corpus = "fake"
id = "p3"
"""


def make_corpus(root: Path) -> None:
    for folder in ("truth", "chromium"):
        (root / "fake" / folder).mkdir(parents=True)
    for pid, text in DUMPS.items():
        (root / "fake" / "chromium" / f"{pid}.txt").write_text(text, encoding="utf-8")
        record = {"id": pid, "site": f"{pid}.example.com"}
        (root / "fake" / "truth" / f"{pid}.json").write_text(json.dumps(record), encoding="utf-8")


def test_scores_a_fake_sample(tmp_path: Path, capsys: object) -> None:
    make_corpus(tmp_path)
    (tmp_path / "sample.toml").write_text(SAMPLE, encoding="utf-8")
    out = tmp_path / "out.json"
    args = ["--renderer", "chromium", "--sample", str(tmp_path / "sample.toml"), "--corpus", str(tmp_path)]
    assert score_authors.main([*args, "--json", str(out), "-v"]) == 0
    figures = json.loads(out.read_text(encoding="utf-8"))["figures"]["chromium"]
    every = figures["groups"]["all"]
    # p1: both names, other case, other order, extra space: right; p2: one of two names
    assert (every["pages"], every["right"], every["any_right"]) == (2, 1, 2)
    assert figures["false_positives"] == ["fake/p3"]
    assert figures["none_pages"] == 1


def test_half_is_by_site() -> None:
    assert score_authors.half("a.example.com") in score_authors.HALVES
    assert {score_authors.half(f"site{k}.com") for k in range(20)} == set(score_authors.HALVES)
    assert score_authors.norm("  Jane\tROE ") == "jane roe"
