"""The splitting benchmark of issue 11 (bench/make_concat.py, bench/score_split.py) on hand-made
pages and articles; one test on the development corpora (marked ``corpus``, skips without them)."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from click.testing import CliRunner

from bench import make_concat, score_split
from bench.corpus import CORPUS_ROOT
from bench.score_split import Parsed, match
from newskit.cli import cli

PAGES = {
    "p1": (
        "Rivers rise across the valley after a week of rain",
        [
            "The river rose by two metres overnight, and the town council opened the school hall to "
            "families who had to leave their homes before dawn.",
            "Forecasters expect more rain on Thursday, though the worst of the storm has moved east "
            "towards the coast, where ferries stayed in port.",
        ],
    ),
    "p2": (
        "New library opens its doors with a queue around the block",
        [
            "Hundreds of readers waited in the cold on Saturday morning as the new central library "
            "opened after four years of building work and a long fight over its cost.",
            "The mayor said the building would stay open until ten every night, and that the old "
            "reading room would become a museum of the town's printing trade.",
        ],
    ),
    "p3": (
        "Local baker wins the national bread prize for a second year",
        [
            "A baker from the high street has won the national bread prize again, this time for a "
            "rye loaf that the judges called the best they had tasted in a decade.",
            "She plans to spend the prize money on a second oven and on training two apprentices "
            "from the college, who will start work in the spring.",
        ],
    ),
}


def dump(title: str, body: list[str]) -> str:
    head = ["Home | World | Sport | Weather", "Valley News", title, "By Jane Doe", "12 March 2020", ""]
    foot = ["", "Share on Facebook", "Share on Twitter", "© 2020 Valley News. All rights reserved."]
    return "\n".join([*head, *body, *foot])


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A corpus of three hand-written pages, named aeb so that it is scored as aeb is."""
    root = tmp_path / "corpus"
    for name in ("truth", "chromium", "inscriptis"):
        (root / "aeb" / name).mkdir(parents=True)
    for pid, (title, body) in PAGES.items():
        # (p3 on a site of its own: the site variant draws the other two)
        site = "bakers.example" if pid == "p3" else "valleynews.example"
        truth = {"id": pid, "site": site, "headline": title, "published": None, "body": "\n\n".join(body)}
        (root / "aeb" / "truth" / f"{pid}.json").write_text(json.dumps(truth), encoding="utf-8")
        for renderer in ("chromium", "inscriptis"):
            (root / "aeb" / renderer / f"{pid}.txt").write_text(dump(title, body) + "\n", encoding="utf-8")
    return root


# -- the generator --------------------------------------------------------------------


def test_assemble_puts_each_gap_before_its_segment_and_gives_1_based_spans() -> None:
    text, spans = make_concat.assemble([["a", "b"], ["c"], ["d", "e"]], [[], ["", ""], ["----"]])
    assert text == "a\nb\n\n\nc\n----\nd\ne\n"
    assert spans == [(1, 2), (5, 5), (7, 8)]
    lines = text.split("\n")
    assert [lines[a - 1 : b] for a, b in spans] == [["a", "b"], ["c"], ["d", "e"]]


def test_gaps_of_each_variant() -> None:
    rng = random.Random(0)
    blank = make_concat.gaps_for("blank", None, 5, rng)
    assert blank[0] == [] and all(1 <= len(g) <= 3 and set(g) == {""} for g in blank[1:])
    assert make_concat.gaps_for("strip", None, 3, rng) == [[], ["\f"], ["\f"]]
    docs = make_concat.gaps_for("separator", "documents", 3, rng)
    assert [[x.strip() for x in g if x.strip()] for g in docs] == [[f"{i} of 3 DOCUMENTS"] for i in (1, 2, 3)]
    stars = make_concat.gaps_for("separator", "stars", 3, rng)
    assert stars[0] == [] and all([x for x in g if x] == ["* * *"] for g in stars[1:])
    dashes = make_concat.separator_line("dashes", 1, 2, rng)
    assert set(dashes) == {"-"} and len(dashes) >= 4


def test_a_pair_file_is_two_pages_with_one_rule_between_them(corpus: Path) -> None:
    pool = make_concat.sources(corpus, ("aeb",))
    for number in range(6):
        text, manifest = make_concat.make_file("pair", 3, number, pool)
        pages = manifest["pages"]
        assert len(pages) == 2 and manifest["separator"] in make_concat.RULE_STYLES
        between = [x for x in text.split("\n")[pages[0]["end"] : pages[1]["start"] - 1] if x]
        assert len(between) == 1 and set(between[0]) <= set("-=* ")


def test_a_site_file_holds_the_pages_of_one_site_with_two_pages_or_more(corpus: Path) -> None:
    pool = make_concat.sources(corpus, ("aeb",))
    assert [[s.id for s in site] for site in make_concat.sites(pool)] == [["p1", "p2"]]
    for number in range(4):
        _, manifest = make_concat.make_file("site", 3, number, pool)
        assert sorted(p["id"] for p in manifest["pages"]) == ["p1", "p2"]


def test_lines_of_trims_blank_ends_and_normalises() -> None:
    assert make_concat.lines_of("\n \nA\u00a0b\r\n\nc\n\n") == ["A b", "", "c"]


def test_a_digest_puts_the_headline_above_the_body_unless_it_is_there() -> None:
    src = make_concat.Source(Path("aeb"), "x", {"headline": "A headline here", "body": "One.\n\nTwo."})
    assert make_concat.digest_lines(src) == ["A headline here", "", "One.", "", "Two."]
    there = make_concat.Source(Path("dragnet"), "y", {"headline": "A headline here", "body": "A headline here\nOne."})
    assert make_concat.digest_lines(there) == ["A headline here", "One."]
    h1 = make_concat.Source(Path("dragnet"), "z", {"headline": "Blog", "headline_source": "h1", "body": "One."})
    assert make_concat.digest_lines(h1) == ["One."]


@pytest.mark.parametrize("variant", make_concat.VARIANTS)
def test_files_are_seeded_spans_hold_their_pages_and_no_page_repeats(corpus: Path, variant: str) -> None:
    pool = make_concat.sources(corpus, ("aeb",))
    text, manifest = make_concat.make_file(variant, 7, 0, pool)
    assert make_concat.make_file(variant, 7, 0, pool) == (text, manifest)
    lines = text.split("\n")[:-1]
    pages = manifest["pages"]
    assert manifest["lines"] == len(lines) and 2 <= len(pages) <= 3
    assert len({p["id"] for p in pages}) == len(pages)
    for p in pages:
        title, body = PAGES[p["id"]]
        held = "\n".join(lines[p["start"] - 1 : p["end"]])
        assert title in held and all(b in held for b in body)
    assert all(a["end"] < b["start"] for a, b in zip(pages, pages[1:], strict=False))


def test_a_strip_file_is_what_newskit_strip_prints_for_those_pages(corpus: Path) -> None:
    pool = make_concat.sources(corpus, ("aeb",))
    text, manifest = make_concat.make_file("strip", 3, 1, pool)
    paths = [str(corpus / "aeb" / p["renderer"] / f"{p['id']}.txt") for p in manifest["pages"]]
    result = CliRunner().invoke(cli, ["-q", "strip", "-j", "1", *paths], catch_exceptions=False)
    assert result.exit_code == 0 and result.stdout == text


# -- matching articles to pages -------------------------------------------------------


def article(start: int, end: int, body: dict[int, str]) -> Parsed:
    fields: dict[str, object] = {"title": "", "summary": [], "captions": [], "body": list(body.values())}
    return Parsed(start, end, fields, tuple(body), tuple(body.items()))


SPANS = [(1, 10), (13, 20), (23, 30)]
GOLDS = ["alpha beta gamma delta epsilon", "one two three four five six", "red green blue cyan magenta"]


def test_one_article_per_page_finds_every_page() -> None:
    arts = [article(1, 10, {5: GOLDS[0]}), article(12, 21, {15: GOLDS[1]}), article(23, 30, {25: GOLDS[2]})]
    got = match(arts, SPANS, GOLDS)
    assert [(m.found, m.merged, m.lost, m.articles) for m in got] == [
        (True, False, False, (0,)), (True, False, False, (1,)), (True, False, False, (2,))]


def test_one_article_over_the_file_with_one_body_loses_the_other_pages() -> None:
    got = match([article(1, 30, {5: GOLDS[0]})], SPANS, GOLDS)
    assert [(m.found, m.merged, m.lost, m.articles) for m in got] == [
        (False, False, False, (0,)), (False, False, True, ()), (False, False, True, ())]


def test_a_body_running_over_two_pages_merges_them() -> None:
    arts = [article(1, 20, {5: GOLDS[0], 15: GOLDS[1]}), article(23, 30, {25: GOLDS[2]})]
    got = match(arts, SPANS, GOLDS)
    want = [(False, True, False), (False, True, False), (True, False, False)]
    assert [(m.found, m.merged, m.lost) for m in got] == want


def test_an_article_in_the_gap_between_pages_belongs_to_none() -> None:
    got = match([article(11, 12, {11: "stray words in no page"})], SPANS, GOLDS)
    assert all(m.lost and not m.articles for m in got)
    assert score_split.owner(article(11, 12, {}), SPANS) is None


def test_a_body_that_misses_the_truth_is_not_found() -> None:
    got = match([article(1, 10, {5: "nothing of the true text at all"})], SPANS[:1], GOLDS[:1])
    assert not got[0].found and not got[0].lost  # it belongs to the page, but is not its body


# -- end to end -----------------------------------------------------------------------


def test_score_file_on_hand_made_pages(corpus: Path, tmp_path: Path) -> None:
    pool = make_concat.sources(corpus, ("aeb",))
    out = tmp_path / "concat"
    made = make_concat.write_variant(out, "separator", 1, 2, pool)
    assert made["files"] == 2
    results = [score_split.score_file(p, corpus) for p in sorted((out / "separator").glob("*.txt"))]
    figures = score_split.figures("separator", results)
    assert figures["files"] == 2 and figures["pages"] == sum(len(r.pages) for r in results)
    assert all(p.alone.f1 > 0.9 for r in results for p in r.pages)  # each page alone is easy
    assert set(figures["body_f1"]) == {"aeb"}


@pytest.mark.corpus
@pytest.mark.skipif(not (CORPUS_ROOT / "aeb" / "truth").is_dir(), reason="no development corpus in ../shared/corpus")
def test_generated_files_from_the_corpora_score(tmp_path: Path) -> None:
    pool = make_concat.sources(CORPUS_ROOT, ("aeb", "dragnet"))
    for variant in make_concat.VARIANTS:
        make_concat.write_variant(tmp_path, variant, 1, 2, pool)
        results = [score_split.score_file(p) for p in sorted((tmp_path / variant).glob("*.txt"))]
        f = score_split.figures(variant, results)
        assert f["files"] == 2 and f["pages"] >= 4
        assert 0 <= f["page_recall"] <= 1 and f["lost"] + f["found"] <= f["pages"]
