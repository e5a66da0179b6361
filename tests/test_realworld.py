"""Real pages with must-keep and must-drop lines (after trafilatura's realworld_tests).

Each case in ``tests/realworld/cases.toml`` is a real dump of a news page (from the MIT-licensed
article-extraction benchmark, see ``tests/realworld/README.md``, or the project's ``data/``
samples) with what newskit gets right on it today, checked against the page's true headline and
body: the article titles, sentences of the body that must stay in the body, and lines of site
chrome that must be in no kept field. A change that loses one of them fails here.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from newskit import Article, parse_file

HERE = Path(__file__).resolve().parent / "realworld"
CASES = tomllib.loads((HERE / "cases.toml").read_text(encoding="utf-8"))["case"]


def _fold(text: str) -> str:
    return " ".join(text.split())


def kept_fields(article: Article) -> list[str]:
    """Every text newskit keeps of an article: title, dateline, byline, summary, captions, body, credits."""
    single = [article.title, article.dateline or "", article.byline or ""]
    return [x for x in [*single, *article.summary, *article.captions, *article.body, *article.credits] if x]


def _missing(sentences: list[str], paragraphs: list[str]) -> list[str]:
    text = _fold("\n".join(paragraphs))
    return [s for s in sentences if _fold(s) not in text]


@pytest.fixture(scope="module")
def parsed() -> dict[str, list[Article]]:
    return {case["file"]: parse_file(HERE / case["file"]).articles for case in CASES}


def test_the_cases_are_many_and_can_fail() -> None:
    """About 20 dumps, each with lines to keep and to drop that are in the dump: else a case proves nothing."""
    assert len(CASES) >= 18
    assert len({case["file"] for case in CASES}) == len(CASES)
    for case in CASES:
        assert case["titles"] and case["must_drop"], case["file"]
        keep = case.get("must_keep", []) + [s for k in case.get("keep_by_article", []) for s in k]
        assert keep, case["file"]
        dump = _fold((HERE / case["file"]).read_text(encoding="utf-8"))
        absent = [line for line in [*keep, *case["must_drop"]] if _fold(line) not in dump]
        assert absent == [], f"{case['file']}: not in the dump"


@pytest.mark.parametrize("case", CASES, ids=[c["file"].rsplit("/", 1)[-1] for c in CASES])
def test_titles(case: dict, parsed: dict[str, list[Article]]) -> None:
    assert [a.title for a in parsed[case["file"]]] == case["titles"]


@pytest.mark.parametrize("case", CASES, ids=[c["file"].rsplit("/", 1)[-1] for c in CASES])
def test_must_keep(case: dict, parsed: dict[str, list[Article]]) -> None:
    articles = parsed[case["file"]]
    body = [p for a in articles for p in a.body]
    assert _missing(case.get("must_keep", []), body) == [], "not in the body"
    for k, sentences in enumerate(case.get("keep_by_article", [])):
        assert k < len(articles), f"no article {k + 1}"
        assert _missing(sentences, articles[k].body) == [], f"not in the body of article {k + 1}"
    summary = [p for a in articles for p in a.summary]
    assert _missing(case.get("summary", []), summary) == [], "not in the summary"


@pytest.mark.parametrize("case", CASES, ids=[c["file"].rsplit("/", 1)[-1] for c in CASES])
def test_must_drop(case: dict, parsed: dict[str, list[Article]]) -> None:
    kept = [(a.title, field) for a in parsed[case["file"]] for field in kept_fields(a)]
    found = [(line, title) for line in case["must_drop"] for title, field in kept if _fold(line) in _fold(field)]
    assert found == [], "chrome kept (line, in the article titled)"
