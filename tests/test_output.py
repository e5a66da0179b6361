"""The shared output layer, called directly."""

from __future__ import annotations

import json

import pytest

from newskit import output
from newskit.output import json_dumps, neutralise, write_rows

COLUMNS = ("id", "title", "words")
ROWS = [
    {"words": 3, "title": "Tab\there [b]x[/b]", "id": "a1"},
    {"id": "b2", "title": None, "words": 10},
]


def test_neutralise_keeps_tab_newline_and_text() -> None:
    assert neutralise("a\tb\nc “d” Привет") == "a\tb\nc “d” Привет"
    nasty = "\x1b[31mx\x1b]0;title\x07\x08\x7f\x9b"
    assert neutralise(nasty) == "\ufffd[31mx\ufffd]0;title" + "\ufffd" * 4


def test_json_escapes_c1_but_decodes_the_same() -> None:
    text = json_dumps({"t": "a\x9b31m\x1b“"})
    assert "\x9b" not in text and "\x1b" not in text and "“" in text
    assert json.loads(text) == {"t": "a\x9b31m\x1b“"}


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        (None, "a1\tTab here [b]x[/b]\t3\nb2\t\t10\n"),
        ("jsonl", '{"id": "a1", "title": "Tab\\there [b]x[/b]", "words": 3}\n'
                  '{"id": "b2", "title": null, "words": 10}\n'),
        ("csv", 'id,title,words\na1,Tab\there [b]x[/b],3\nb2,,10\n'),
    ],
)
def test_formats_keep_column_order(capsys: pytest.CaptureFixture[str], fmt: str | None,
                                   expected: str) -> None:
    assert write_rows(iter(ROWS), COLUMNS, fmt) == 2
    assert capsys.readouterr().out == expected


def test_json_array(capsys: pytest.CaptureFixture[str]) -> None:
    write_rows(ROWS, COLUMNS, "json")
    assert json.loads(capsys.readouterr().out) == [{c: r[c] for c in COLUMNS} for r in ROWS]
    write_rows([], COLUMNS, "json")
    assert capsys.readouterr().out == "[]\n"


def test_unknown_format() -> None:
    with pytest.raises(ValueError):
        write_rows(ROWS, COLUMNS, "xml")


def test_table_on_a_terminal_shows_markup_as_text(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(output, "stdout_is_terminal", lambda: True)
    monkeypatch.setenv("COLUMNS", "120")
    monkeypatch.setenv("NO_COLOR", "1")
    write_rows(ROWS, COLUMNS)
    out = capsys.readouterr().out
    assert "[b]x[/b]" in out
    assert "Tab here" in out  # a tab inside a cell is not a column break


def test_messages(capsys: pytest.CaptureFixture[str]) -> None:
    say = output.Messages(quiet=True)
    say.error("x.txt: broken \x1b[2J")
    say.warn("hidden")
    say.note("hidden")
    loud = output.Messages(verbose=True)
    loud.note("shown")
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == "newskit: x.txt: broken \ufffd[2J\nnewskit: shown\n"


def test_progress_stays_silent_when_disabled(capsys: pytest.CaptureFixture[str]) -> None:
    with output.Progress(5, "reading", enabled=False) as bar:
        for _ in range(5):
            bar.advance()
    assert capsys.readouterr() == ("", "")
