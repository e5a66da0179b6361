"""HTML given by mistake (issue 11): told cheaply, warned of once a file, not parsed."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from newskit.cli import cli
from newskit.model import Document, Kind, Reason
from newskit.pipeline import map_sources, parse_file
from newskit.reader import HTML_WARNING, decode, looks_like_html

ROOT = Path(__file__).resolve().parent.parent
RFE = ROOT / "data" / "000_120db16d2a8201b2.txt"

PAGE = """<!DOCTYPE html>
<html lang="en">
<head><title>Harbour vote ends long debate</title></head>
<body>
<h1>Harbour vote ends long debate</h1>
<p>The city council voted on Tuesday to approve a new plan for the harbour, ending a debate
that has lasted for more than two years among residents and traders.</p>
</body>
</html>
"""
FRAGMENT = """<div class="story">
<h2>Harbour vote ends long debate</h2>
<p>The city council voted on Tuesday to approve a new plan for the harbour.</p>
<p>Officials said the work would start next spring.</p>
</div>
"""
WARNING = "looks like HTML; newskit reads text dumps"


@pytest.mark.parametrize(
    "text",
    [PAGE, "\n  <html><body><p>one line</p></body></html>", PAGE.replace("<!DOCTYPE html>", "<!-- saved -->"),
     FRAGMENT, "<p>A page minified onto one line.</p><p>Another.</p>"],
)
def test_html_is_told(text: str) -> None:
    assert looks_like_html(text)
    assert decode(text.encode(), "a.html").html


@pytest.mark.parametrize(
    "text",
    [
        RFE.read_text(encoding="utf-8"),
        "Harbour vote ends long debate\n\nThe council voted, 5 > 3, to approve the plan.\n",
        # a dump of a page about HTML shows a few tags among its sentences
        "How to write a link\n\nA link is written like this:\n<a href=\"x\">text</a>\n"
        "The browser shows the text and hides the tag.\nThat is all there is to it.\n"
        "Next, a paragraph:\n<p>words</p>\nAnd that ends the lesson.\n",
        "<3 to all our readers>\n\nThanks for reading.\n",
    ],
)
def test_text_dumps_are_not_html(text: str) -> None:
    assert not looks_like_html(text)
    assert not decode(text.encode(), "a.txt").html


def test_html_is_not_parsed_and_no_line_is_lost(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    doc = parse_file(page)
    assert doc.articles == []
    assert doc.line_count == len(doc.chrome) == PAGE.count("\n")
    assert {(r.kind, r.rule) for r in doc.records()} == {(Kind.REMOVED, Reason.HTML)}
    assert "\n".join(r.text for r in doc.records()) + "\n" == PAGE


def _articles(doc: Document) -> int:
    return len(doc.articles)


@pytest.mark.parametrize("jobs", [1, 2])
def test_pipeline_warns_of_each_html_input(tmp_path: Path, jobs: int) -> None:
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "frag.txt").write_text(FRAGMENT, encoding="utf-8")
    sources = [str(tmp_path / "page.html"), str(RFE), str(tmp_path / "frag.txt")]
    heard: list[tuple[str, str]] = []
    counts = list(map_sources(_articles, sources, jobs=jobs,
                              on_warning=lambda s, m: heard.append((s, m))))
    assert counts == [0, 1, 0]
    assert heard == [(sources[0], HTML_WARNING), (sources[2], HTML_WARNING)]
    assert HTML_WARNING == WARNING


def test_cli_warns_once_a_file_and_goes_on(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    only_text = CliRunner().invoke(cli, ["list", str(RFE)], catch_exceptions=False)
    r = CliRunner().invoke(cli, ["list", str(page), str(RFE)], catch_exceptions=False)
    assert r.exit_code == 0
    assert r.stdout == only_text.stdout and r.stdout.count("\n") == 1
    assert r.stderr == f"newskit: {page}: {WARNING}\n"
    # on standard input too; -q silences it
    r = CliRunner().invoke(cli, ["strip", "-"], input=PAGE, catch_exceptions=False)
    assert (r.exit_code, r.stdout) == (0, "")
    assert r.stderr.splitlines()[0] == f"newskit: <stdin>: {WARNING}"
    r = CliRunner().invoke(cli, ["-q", "list", str(page), str(RFE)], catch_exceptions=False)
    assert (r.exit_code, r.stdout, r.stderr) == (0, only_text.stdout, "")
