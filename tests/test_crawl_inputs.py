"""Crawl files as inputs: JSON Lines and Common Crawl WET, a dump per record."""

from __future__ import annotations

import gzip
import io
import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from test_cli import story

from newskit.cli import cli
from newskit.errors import InputError
from newskit.reader import Records, container_kind, read_source, record_of


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def rows(result: Result) -> list[dict[str, object]]:
    return [json.loads(line) for line in result.stdout.splitlines()]


def write_jsonl(path: Path, records: list[object], compress: bool = False) -> Path:
    text = "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records)
    path.write_bytes(gzip.compress(text.encode()) if compress else text.encode())
    return path


def test_kinds_by_name() -> None:
    assert container_kind("a/crawl.jsonl") == container_kind("c.JSONL.gz") == container_kind("x.ndjson.zst") == "jsonl"
    assert container_kind("CC-MAIN-1.warc.wet.gz") == container_kind("a.wet") == "wet"
    assert container_kind("a.txt") == container_kind("a.txt.gz") == container_kind("a.json") == ""
    assert record_of("crawl.jsonl#17") == ("crawl.jsonl", 17)
    assert record_of("notes#3.txt") is None and record_of("crawl.jsonl") is None


def test_jsonl_records_are_dumps_with_their_metadata(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "crawl.jsonl", [
        {"id": "r1", "url": "https://example.com/1", "text": story(1)},
        {"id": "r2", "url": "https://example.com/2", "text": "  \n"},
        "",
        {"id": "r4", "text": story(4), "html": "<p>not kept</p>"},
    ])
    r = run("-v", "list", "--jsonl", str(path))
    assert r.exit_code == 0, r.stderr
    assert [row["source"] for row in rows(r)] == [f"{path}#1:1-5", f"{path}#4:1-5"]
    assert "1 record with no text left out" in r.stderr
    shown = run("show", "--json", str(rows(r)[0]["id"]), str(path))
    assert shown.exit_code == 0, shown.stderr
    article = json.loads(shown.stdout)
    assert article["meta"] == {"id": "r1", "url": "https://example.com/1"}
    assert article["title"] == "Harbour council vote number 1 ends long debate"
    later = json.loads(run("show", "--json", str(rows(r)[1]["id"]), str(path)).stdout)
    assert later["meta"] == {"id": "r4"} and later["source"] == f"{path}#4"


def test_a_bad_record_is_one_error_and_the_others_are_read(tmp_path: Path) -> None:
    records = [{"text": story(1)}, "{not json", {"body": story(3)}, {"text": story(4)}]
    path = write_jsonl(tmp_path / "crawl.jsonl", records)
    r = run("list", "--jsonl", str(path))
    assert r.exit_code == 1
    assert len(rows(r)) == 2
    errors = r.stderr.strip().splitlines()
    assert len(errors) == 2
    assert errors[0].startswith(f"newskit: {path}#2: not a JSON record")
    assert errors[1] == f"newskit: {path}#3: no 'text' field (--text-field names it)"
    assert "Traceback" not in r.stderr


def test_text_field_names_the_text_and_gzip_is_read(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "crawl.jsonl.gz", [{"content": story(1)}, {"content": story(2)}], compress=True)
    r = run("list", "--jsonl", "--text-field", "content", str(path))
    assert r.exit_code == 0, r.stderr
    assert len(rows(r)) == 2
    strip = run("strip", "--text-field", "content", f"{path}#2")  # a record named on its own
    assert strip.exit_code == 0, strip.stderr
    assert strip.stdout.startswith("Harbour council vote number 2 ends long debate\n")


def test_records_on_processes_give_what_one_process_gives(tmp_path: Path) -> None:
    paths = [str(write_jsonl(tmp_path / f"c{i}.jsonl", [{"text": story(10 * i + k)} for k in range(5)]))
             for i in range(3)]
    one = run("list", "--jsonl", "--jobs", "1", *paths)
    two = run("list", "--jsonl", "--jobs", "2", *paths)
    assert one.exit_code == two.exit_code == 0
    assert one.stdout == two.stdout and len(rows(one)) == 15


def _wet(path: Path, pages: list[tuple[str, str]]) -> Path:
    """A small WET file as Common Crawl writes them: a warcinfo record, then one
    conversion record a page, each a gzip member."""
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        writer.write_record(writer.create_warcinfo_record("test.warc.wet.gz", {"software": "test"}))
        for url, text in pages:
            headers = [("WARC-Target-URI", url), ("WARC-Date", "2024-03-01T10:00:00Z"),
                       ("Content-Type", "text/plain")]
            record = writer.create_warc_record(url, "conversion", payload=io.BytesIO(text.encode()),
                                               warc_headers_dict=dict(headers))
            writer.write_record(record)
    return path


def test_wet_conversion_records_are_dumps_with_url_and_date(tmp_path: Path) -> None:
    pytest.importorskip("warcio")  # in the test extra
    pages = [("https://example.com/a", story(1)), ("https://example.org/b", ""), ("https://example.net/c", story(3))]
    path = _wet(tmp_path / "CC-MAIN-test.warc.wet.gz", pages)
    found = list(Records(str(path)))
    assert [d.source for d in found if not isinstance(d, InputError)] == [f"{path}#1", f"{path}#3"]
    r = run("list", "--jsonl", str(path))
    assert r.exit_code == 0, r.stderr
    assert len(rows(r)) == 2
    article = json.loads(run("show", "--json", str(rows(r)[1]["id"]), str(path)).stdout)
    assert article["meta"]["url"] == "https://example.net/c"
    assert article["meta"]["date"] == "2024-03-01T10:00:00Z"
    assert article["meta"]["id"].startswith("<urn:uuid:")
    assert read_source(f"{path}#3").text == story(3)


def test_wet_without_warcio_says_what_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.warc.wet.gz"
    path.write_bytes(gzip.compress(b"WARC/1.0\r\n\r\n"))
    monkeypatch.setitem(sys.modules, "warcio.archiveiterator", None)  # as if it were not installed
    r = run("list", str(path))
    assert r.exit_code == 1
    needs = "reading WET files needs the warcio package: pip install 'newskit[warc]'"
    assert r.stderr.strip() == f"newskit: {path}: {needs}"
