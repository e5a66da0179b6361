"""Reading input: decoding, normalising, finding files."""

from __future__ import annotations

import bz2
import codecs
import gzip
import lzma
import os
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newskit.errors import InputError
from newskit.reader import decode, expand_inputs, normalise, read_source
from newskit.text import ODD_SPACES, ZERO_WIDTH

TEXT = "“Quoted” — ‘dash’ – Привет, 北京, مرحبا\nsecond line\n"


def test_utf8_without_bom() -> None:
    d = decode(TEXT.encode("utf-8"), "a.txt")
    assert (d.text, d.encoding, d.source) == (TEXT, "utf-8", "a.txt")


def test_utf8_bom_is_dropped() -> None:
    d = decode(codecs.BOM_UTF8 + TEXT.encode("utf-8"), "a.txt")
    assert d.text == TEXT
    assert d.encoding == "utf-8-sig"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom(codec: str) -> None:
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    d = decode(bom + TEXT.replace("\n", "\r\n").encode(codec), "a.txt")
    assert d.text == TEXT
    assert d.encoding == "utf-16"


def test_utf16_without_bom_is_reported_as_binary() -> None:
    with pytest.raises(InputError, match="binary"):
        decode("plain words".encode("utf-16-le"), "a.txt")


def test_invalid_utf8_falls_back_to_cp1252() -> None:
    data = "café “quoted” — 5 €\n".encode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    d = decode(data, "a.txt")
    assert d.text == "café “quoted” — 5 €\n"
    assert d.encoding == "cp1252"


def test_cp1252_fallback_never_fails_on_its_undefined_bytes() -> None:
    d = decode(b"caf\xe9 \x81\x8d\x8f\x90\x9d end", "a.txt")
    assert d.text.startswith("café ")
    assert d.text.endswith(" end")
    assert len(d.text) == len("café ") + 5 + len(" end")


@pytest.mark.parametrize("raw", ["a\r\nb\r\nc", "a\rb\rc", "a\nb\rc", "a\u2028b\u2029c"])
def test_line_ends_are_unified(raw: str) -> None:
    assert decode(raw.encode("utf-8"), "a.txt").text == "a\nb\nc"


def test_odd_spaces_folded_and_zero_width_dropped() -> None:
    raw = "a\u00a0b\u2009c\u202fd\u3000e f zero\u200bwidth word\u2060joiner soft\u00adhyphen"
    assert normalise(raw) == "a b c d e f zerowidth wordjoiner softhyphen"


def test_tabs_kept_they_divide_table_cells() -> None:
    row = "1\tKyle Busch\t5040\t5"
    assert normalise(row) == row
    assert normalise(row + "\u00a0") == row + " "  # the non-ASCII path keeps them too


def test_curly_quotes_dashes_scripts_and_joiners_kept() -> None:
    kept = "“Q” ‘q’ — – … Привет 北京 مرحبا नमस्ते می\u200cخواهم 👩\u200d💻"
    assert normalise(kept) == kept


_SPECIAL = list("ab é\t\n\r\x85\u2028\u2029\f\u200c\u200d" + ODD_SPACES + ZERO_WIDTH)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(_SPECIAL)))
def test_normalise_is_the_character_mapping(text: str) -> None:
    """normalise (regular expressions, for speed) = unify line ends, then map each character."""
    table = {ord(c): " " for c in ODD_SPACES} | {ord(c): None for c in ZERO_WIDTH}
    unified = text.replace("\r\n", "\n")
    for end in "\r\u2028\u2029\x85":
        unified = unified.replace(end, "\n")
    assert normalise(text) == unified.translate(table)


def test_nul_bytes_mean_binary(tmp_path: Path) -> None:
    p = tmp_path / "image.txt"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(InputError) as info:
        read_source(str(p))
    assert info.value.source == str(p)
    assert "binary" in info.value.reason


@pytest.mark.parametrize(("data", "reason"), [(b"", "empty file"), (b" \n\r\n\t", "white space")])
def test_empty_input(tmp_path: Path, data: bytes, reason: str) -> None:
    p = tmp_path / "empty.txt"
    p.write_bytes(data)
    with pytest.raises(InputError, match=reason):
        read_source(str(p))


def test_missing_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_source(str(tmp_path / "nope.txt"))
    with pytest.raises(InputError, match="is a directory"):
        read_source(str(tmp_path))


def _tree(root: Path) -> None:
    for name in ["b/2.txt", "a.txt", "b/1.txt", "b/c/0.txt", "notes.md", "b/skip.html"]:
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("x\n")


def test_folders_recursive_sorted(tmp_path: Path) -> None:
    _tree(tmp_path)
    found = [Path(p).relative_to(tmp_path).as_posix() for p in expand_inputs([str(tmp_path)])]
    assert found == ["a.txt", "b/1.txt", "b/2.txt", "b/c/0.txt"]


def test_glob_pattern(tmp_path: Path) -> None:
    _tree(tmp_path)
    found = [Path(p).name for p in expand_inputs([str(tmp_path)], "*.md")]
    assert found == ["notes.md"]


def test_files_and_stdin_pass_through_in_order(tmp_path: Path) -> None:
    _tree(tmp_path)
    folder = tmp_path / "b" / "c"
    args = [str(tmp_path / "notes.md"), "-", str(tmp_path / "missing.txt"), str(folder)]
    assert list(expand_inputs(args)) == [*args[:3], str(folder / "0.txt")]


def test_no_argument_means_current_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert list(expand_inputs([])) == ["a.txt", "b/1.txt", "b/2.txt", "b/c/0.txt"]


# --- folder walking: hidden and tool folders, unreadable subfolders ----------------------


def _project_like(root: Path) -> None:
    """A folder laid out as the README's: dumps beside a virtual environment, git and
    build folders whose files also end in .txt."""
    for name in [
        "data/a.txt", "notes/b.txt", ".venv/lib/site-packages/x/LICENSE.txt", ".git/info/c.txt",
        "node_modules/p/README.txt", "newskit.egg-info/SOURCES.txt", "pkg/__pycache__/d.txt",
        "data/.hidden.txt",
    ]:
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("x\n")


def test_hidden_and_tool_folders_are_left_out(tmp_path: Path) -> None:
    _project_like(tmp_path)
    found = [Path(p).relative_to(tmp_path).as_posix() for p in expand_inputs([str(tmp_path)])]
    assert found == ["data/a.txt", "notes/b.txt"]


def test_hidden_includes_them(tmp_path: Path) -> None:
    _project_like(tmp_path)
    found = [Path(p).relative_to(tmp_path).as_posix() for p in expand_inputs([str(tmp_path)], hidden=True)]
    assert len(found) == 8
    assert ".git/info/c.txt" in found and "newskit.egg-info/SOURCES.txt" in found


def test_a_hidden_folder_named_is_walked(tmp_path: Path) -> None:
    _project_like(tmp_path)
    found = list(expand_inputs([str(tmp_path / ".git")]))
    assert [Path(p).name for p in found] == ["c.txt"]


def test_an_unreadable_subfolder_is_reported_and_the_walk_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _tree(tmp_path)
    locked = tmp_path / "b" / "c"
    real = os.scandir

    def scandir(path: Any = ".") -> Any:
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)  # as root, chmod 000 would not stop a read
    errors: list[InputError] = []
    found = [Path(p).relative_to(tmp_path).as_posix() for p in expand_inputs([str(tmp_path)], on_error=errors.append)]
    assert found == ["a.txt", "b/1.txt", "b/2.txt"]
    assert [str(e) for e in errors] == [f"{locked}: cannot read folder: Permission denied"]
    with pytest.raises(InputError, match="cannot read folder"):
        list(expand_inputs([str(tmp_path)]))


# --- compressed inputs --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("suffix", "compress"), [(".gz", gzip.compress), (".bz2", bz2.compress), (".xz", lzma.compress)]
)
def test_compressed_files_are_read_and_found(tmp_path: Path, suffix: str, compress: Any) -> None:
    path = tmp_path / f"page.txt{suffix}"
    path.write_bytes(compress(TEXT.encode("utf-8")))
    assert read_source(str(path)).text == TEXT
    assert list(expand_inputs([str(tmp_path)])) == [str(path)]


def test_a_broken_compressed_file_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "page.txt.gz"
    path.write_bytes(b"not gzip at all")
    with pytest.raises(InputError, match=r"cannot decompress \.gz"):
        read_source(str(path))


def test_zst_is_read(tmp_path: Path) -> None:
    zstandard = pytest.importorskip("zstandard")  # in the test extra
    path = tmp_path / "page.txt.zst"
    path.write_bytes(zstandard.ZstdCompressor().compress(TEXT.encode("utf-8")))
    assert read_source(str(path)).text == TEXT


def test_zst_without_zstandard_says_what_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "zstandard", None)  # as if it were not installed
    path = tmp_path / "page.txt.zst"
    path.write_bytes(b"\x28\xb5\x2f\xfd")
    with pytest.raises(InputError, match=r"pip install 'newskit\[zstd\]'"):
        read_source(str(path))
