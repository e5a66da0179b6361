"""Finding articles by id in inputs (the library under `show` and `diff`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newskit import parse_file
from newskit.errors import IdError, InputError
from newskit.ids import find_articles, first_article, named_articles
from newskit.model import Document
from newskit.pipeline import Reader

ROOT = Path(__file__).resolve().parent.parent
RFE = str(ROOT / "data" / "000_120db16d2a8201b2.txt")
ARAB = str(ROOT / "data" / "003_c01d65e13833c80f.txt")


def test_find_articles_reads_names_then_the_whole_article_again() -> None:
    hamas = parse_file(ARAB).articles[1]
    (match,) = find_articles([hamas.id[:6]], [RFE, ARAB, ARAB], Reader(jobs=2))
    assert match.article.id == hamas.id and match.article.body == hamas.body
    assert match.article.removed == hamas.removed  # a whole article, lines and all
    assert match.copies == [f"{ARAB}:42-64"]


def test_find_articles_names_the_candidates_of_an_unknown_id() -> None:
    with pytest.raises(IdError, match="no article with id '0000' among 3 articles") as info:
        find_articles(["0000"], [RFE, ARAB])
    assert len(info.value.candidates) == 3


def test_find_articles_hears_of_a_file_that_changed(monkeypatch: pytest.MonkeyPatch) -> None:
    rfe = parse_file(RFE).articles[0]
    def changed(path: str, rules: object = None, explain: bool = False, split: str = "auto",
                now: object = None, chrome: object = frozenset(), text_field: str = "text") -> Document:
        return Document(source=path, line_count=0)

    monkeypatch.setattr("newskit.ids.parse_file", changed)
    with pytest.raises(InputError, match="changed while newskit was reading it"):
        find_articles([rfe.id], [RFE])


def test_failed_inputs_go_to_on_error_and_the_others_are_searched(tmp_path: Path) -> None:
    errors: list[str] = []
    rfe = parse_file(RFE).articles[0]
    reader = Reader(on_error=lambda e: errors.append(str(e)))
    (match,) = find_articles([rfe.id], [str(tmp_path / "nope.txt"), RFE], reader)
    assert match.article.id == rfe.id and errors == [f"{tmp_path / 'nope.txt'}: no such file"]


def test_first_article_of_a_file(tmp_path: Path) -> None:
    assert first_article(ARAB).id == parse_file(ARAB).articles[0].id  # type: ignore[union-attr]
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    errors: list[InputError] = []
    assert first_article(str(empty), Reader(on_error=errors.append)) is None and len(errors) == 1
    with pytest.raises(InputError, match="empty file"):
        first_article(str(empty))
    chrome = tmp_path / "chrome.txt"
    chrome.write_text("Home\nShare\n", encoding="utf-8")
    with pytest.raises(IdError, match="chrome.txt: no article found"):
        first_article(str(chrome))


def test_named_articles_takes_files_and_ids_in_order() -> None:
    arab = parse_file(ARAB).articles
    found = named_articles([arab[1].id[:5], RFE], [ARAB])
    assert found is not None
    assert [a.id for a in found] == [arab[1].id, parse_file(RFE).articles[0].id]


def test_named_articles_rejects_a_name_that_is_neither_before_reading(tmp_path: Path) -> None:
    errors: list[InputError] = []
    with pytest.raises(IdError, match="'xyz' is neither a file nor an article id"):
        named_articles(["xyz", RFE], [str(tmp_path / "nope.txt")], Reader(on_error=errors.append))
    assert errors == []
