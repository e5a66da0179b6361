"""The quality gate: whole-corpus figures must not fall below their floors.

For each development corpus and renderer (aeb and dragnet, Chromium and inscriptis dumps) the
figures of ``bench.score_corpus`` (text F1, both title checks, both date checks, outlets; the metrics are
in ``bench/metrics.py``) must reach the floors pinned in ``tests/quality_floors.json``: the
figures when the floors were last set, rounded down at the third decimal. The figures are
deterministic, so a test here fails only when newskit got worse on that corpus; the message
names the figure, its floor and its value. After an improvement, raise the floors with
``python -m bench.score_corpus --write-floors tests/quality_floors.json``.

The corpora are not part of the repository: they are read from ``../shared/corpus`` beside the
project root, and the tests skip where it is absent (a user's clone). Marked ``corpus``:
``pytest -m corpus`` runs only the gate, ``pytest -m "not corpus"`` everything else.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

import pytest

from bench.corpus import CORPORA, RENDERERS, is_corpus
from bench.score_corpus import FLOORED, below_floors, floors_of, score

pytestmark = pytest.mark.corpus

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
FLOORS: dict[str, dict[str, float]] = json.loads(
    (ROOT / "tests" / "quality_floors.json").read_text(encoding="utf-8")
)["floors"]
KEYS = [f"{corpus}/{renderer}" for corpus in CORPORA for renderer in RENDERERS]


@functools.cache
def measured(key: str) -> dict[str, object]:
    corpus, renderer = key.split("/")
    return score(CORPUS / corpus, renderer)  # on every CPU


def test_every_corpus_and_figure_has_a_floor() -> None:
    assert sorted(FLOORS) == sorted(KEYS)
    for key, floors in FLOORS.items():
        assert sorted(floors) == sorted(FLOORED), key
        assert all(0 < f <= 1 for f in floors.values()), key


def test_a_figure_below_its_floor_is_named_with_floor_and_value() -> None:
    figures = {"f1": 0.9371, "titles": 0.5, "titles_first": 0.9, "dates_same_day": 0.6, "dates_within_a_day": 0.7,
               "outlet_names_site": 0.5}
    floors = floors_of({**figures, "titles": 0.8925})
    assert floors["titles"] == 0.892 and floors["f1"] == 0.937
    assert below_floors("aeb/chromium", figures, floors) == ["aeb/chromium titles: 0.5000 is below its floor 0.892"]
    assert below_floors("aeb/chromium", figures, floors_of(figures)) == []


@pytest.mark.parametrize("key", KEYS)
def test_quality_is_at_or_above_its_floors(key: str) -> None:
    corpus = CORPUS / key.split("/")[0]
    if not is_corpus(corpus):
        pytest.skip(f"no development corpus at {corpus}")
    problems = below_floors(key, measured(key), FLOORS[key])
    assert not problems, "quality fell below its floor (tests/quality_floors.json):\n" + "\n".join(problems)
