"""Clean text and clean files (the library under `newskit strip`)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newskit.errors import OutputError
from newskit.model import Article, content_id
from newskit.strip import (
    SEPARATOR,
    CleanFiles,
    StripOptions,
    clean_text,
    file_name,
    record,
    slug,
    write_atomic,
)


def make(title: str = "A title", body: tuple[str, ...] = ("One.", "Two."), **kw: object) -> Article:
    a = Article(source="x.txt", start=1, end=9, title=title, body=list(body), **kw)  # type: ignore[arg-type]
    a.id = content_id(a.title, a.body)
    return a


def test_clean_text_shape() -> None:
    a = make(summary=["Point one"])
    assert clean_text(a) == "A title\n\nOne.\n\nTwo.\n"
    assert clean_text(a, StripOptions(title=False)) == "One.\n\nTwo.\n"
    assert clean_text(a, StripOptions(summary=True)) == "A title\n\nPoint one\n\nOne.\n\nTwo.\n"
    assert clean_text(make(title="", body=())) == ""


def test_separator_cannot_occur_inside_an_article() -> None:
    text = clean_text(make(body=("Page\fbreak and\vtab.",)))
    assert "\f" not in text and "\v" not in text
    assert SEPARATOR == "\f\n"


def test_record_has_fields_and_text() -> None:
    r = record(make())
    assert r["title"] == "A title"
    assert r["text"] == "A title\n\nOne.\n\nTwo.\n"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("U.S. Says It 'Can't Tolerate' Attacks", "us-says-it-cant-tolerate-attacks"),
        ("US says ‘can’t tolerate’ attacks", "us-says-cant-tolerate-attacks"),
        ("Élections à Paris : ça va", "elections-a-paris-ca-va"),
        ("Путин и Байден", "путин-и-байден"),
        ("../../etc/passwd", "etc-passwd"),
        ("C:\\Windows\\con", "c-windows-con"),
        ("...", ""),
    ],
)
def test_slug(title: str, expected: str) -> None:
    assert slug(title) == expected


def test_slug_is_bounded() -> None:
    assert len(slug("word " * 50)) <= 60
    assert slug("x" * 100) == "x" * 60


def test_file_name() -> None:
    a = make(title="Hello, World!")
    assert file_name(a) == f"{a.id}-hello-world.txt"
    b = make(title="!!!")
    assert file_name(b) == f"{b.id}.txt"


def test_write_atomic(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    write_atomic(target, "héllo\n")
    assert target.read_bytes() == "héllo\n".encode()
    assert os.listdir(tmp_path) == ["out.txt"]


def test_write_atomic_leaves_old_file_and_no_temp_on_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old\n")

    def fail(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError):
        write_atomic(target, "new\n")
    assert target.read_text() == "old\n"
    assert os.listdir(tmp_path) == ["out.txt"]


def test_clean_files_writes_once_per_id(tmp_path: Path) -> None:
    files = CleanFiles(tmp_path / "out", [])
    a = make()
    path = files.write(a)
    assert path == tmp_path / "out" / file_name(a)
    assert path.read_text() == clean_text(a)
    assert files.write(make()) is None  # an exact copy
    assert files.written == {a.id: path}


def test_clean_files_never_replace_an_input(tmp_path: Path) -> None:
    a = make()
    source = tmp_path / "input.txt"
    source.write_text("the input\n")
    os.link(source, tmp_path / file_name(a))  # the target name is the same file as an input
    files = CleanFiles(tmp_path, [str(source)])
    with pytest.raises(OutputError, match="input"):
        files.write(a)
    assert source.read_text() == "the input\n"


def test_clean_files_folder_cannot_be_made(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(OutputError, match="cannot create folder"):
        CleanFiles(tmp_path / "file" / "sub", [])
