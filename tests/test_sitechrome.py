"""Site chrome learned from a folder (``--site-chrome``): hand-written pages of two sites."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newskit.cli import cli
from newskit.model import Document, Reason
from newskit.parse import parse_text
from newskit.pipeline import Reader, map_sources
from newskit.sitechrome import PageLines, group_sites, learn, page_lines

WIRE = ("The central bank left its main interest rate unchanged on Thursday, saying that growth across "
        "the region had slowed more than its economists expected in the spring.")
SITES = {
    "gazette": {
        "menu": ["Gazette Front", "Harbour Life", "Boats and Tides"],
        "promo": "Gazette members get free entry to the harbour boat show, so join the club today and save.",
        "foot": ["Contact the newsroom", "Gazette Archive"],
    },
    "valley": {
        "menu": ["Valley Front Page", "Farms and Fields", "Valley Weather Desk"],
        "promo": "Valley readers can now order prints of every photograph in our spring gallery online.",
        "foot": ["Write to the editor", "Valley Archive"],
    },
}
TOPICS = ["ferry timetable", "market hall roof", "school library", "river bridge", "town museum"]


def page(site: str, n: int, *, wire: bool = False, teaser: str | None = None) -> str:
    """One page of ``site``: its menu, a headline, three paragraphs (the wire sentence
    among them if ``wire``), its promo and footer; ``teaser``: another page's headline in
    a 'most read' box."""
    s = SITES[site]
    topic = TOPICS[n]
    body = [
        f"The {site} council met on Monday to discuss the {topic}, which residents have asked about for "
        f"many months, and agreed that a decision on page {n} would come before the summer.",
        f"Officials said the work on the {topic} could start next year and would take about two years, "
        f"with most of the money coming from the regional government and the rest from local taxes.",
        WIRE if wire else f"Residents who spoke to reporters about the {topic} said they were glad that "
        f"something was finally being done, though several of them worried about the noise.",
    ]
    lines = [*s["menu"], "", headline(site, n), "", *[x for p in body for x in (p, "")], s["promo"], ""]
    if teaser:
        lines += ["Most read", teaser, ""]
    lines += s["foot"]
    return "\n".join(lines) + "\n"


def headline(site: str, n: int) -> str:
    return f"{site.title()} council weighs the future of the {TOPICS[n]}"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Four pages of each site; the wire sentence on three pages of each; the gazette's
    first headline a teaser on its other pages."""
    for site in SITES:
        for n in range(4):
            teaser = headline(site, 0) if site == "gazette" and n else None
            (tmp_path / f"{site}-{n}.txt").write_text(page(site, n, wire=n < 3, teaser=teaser), encoding="utf-8")
    return tmp_path


def sources(folder: Path) -> list[str]:
    return sorted(str(p) for p in folder.glob("*.txt"))


def documents(paths: list[str]) -> dict[str, Document]:
    return {doc.source: doc for doc in Reader(site_chrome=True).documents(paths)}


def removed_as_chrome(doc: Document) -> list[str]:
    return [r.text for r in doc.records() if r.rule == Reason.SITE_CHROME]


def test_lines_recurring_on_a_site_go_as_site_chrome(folder: Path) -> None:
    docs = documents(sources(folder))
    for source, doc in docs.items():
        site = "gazette" if "gazette" in source else "valley"
        (art,) = doc.articles
        assert SITES[site]["promo"] not in art.body  # kept without --site-chrome, see below
        assert SITES[site]["promo"] in removed_as_chrome(doc)
        assert art.title == headline(site, int(source[-5]))
        assert len(art.body) == 3  # noqa: PLR2004
    plain = parse_text(page("valley", 1), "valley-1.txt")
    assert SITES["valley"]["promo"] in plain.articles[0].body


def test_no_line_is_lost(folder: Path) -> None:
    for source, doc in documents(sources(folder)).items():
        text = Path(source).read_text(encoding="utf-8")
        assert [r.text for r in doc.records()] == text.split("\n")[:-1]


def test_wire_copy_shared_by_two_sites_is_never_site_chrome(folder: Path) -> None:
    docs = documents(sources(folder))
    holding = [doc for doc in docs.values() if WIRE in Path(doc.source).read_text(encoding="utf-8")]
    assert len(holding) == 6  # noqa: PLR2004 (three pages of each site)
    for doc in holding:
        assert WIRE in doc.articles[0].body
        assert WIRE not in removed_as_chrome(doc)


def test_a_sentence_only_one_site_repeats_is_chrome(folder: Path) -> None:
    """The contrast to wire copy: the same sentence on three gazette pages only goes."""
    paths = [p for p in sources(folder) if "gazette" in p]
    docs = documents(paths)
    assert all(WIRE in removed_as_chrome(docs[p]) for p in paths[:3])


def test_a_headline_shown_as_a_teaser_elsewhere_stays_the_title(folder: Path) -> None:
    docs = documents(sources(folder))
    first = docs[str(folder / "gazette-0.txt")]
    assert first.articles[0].title == headline("gazette", 0)
    assert headline("gazette", 0) in removed_as_chrome(docs[str(folder / "gazette-2.txt")])


def test_output_does_not_depend_on_the_order_of_the_inputs(folder: Path) -> None:
    paths = sources(folder)
    want = {s: (d.articles[0].to_dict(), [tuple(r) for r in d.records()]) for s, d in documents(paths).items()}
    for order in itertools.islice(itertools.permutations(paths), 0, 40, 7):
        got = {s: (d.articles[0].to_dict(), [tuple(r) for r in d.records()]) for s, d in documents(list(order)).items()}
        assert got == want
    reversed_docs = documents(paths[::-1])
    assert {s: removed_as_chrome(d) for s, d in reversed_docs.items()} == {
        s: removed_as_chrome(d) for s, d in documents(paths).items()
    }


def test_learned_chrome_is_order_free() -> None:
    pages = [PageLines(f"{i}.txt", "", f"h{i % 2}", "", ("a", "b", f"own {i}")) for i in range(6)]
    forward, backward = learn(pages), learn(pages[::-1])
    assert forward.chrome == backward.chrome
    assert forward.of("0.txt") == frozenset({"a", "b"})
    assert [len(g) for g in group_sites(pages)] == [3, 3]


def test_pages_group_by_outlet_or_by_a_shared_block() -> None:
    pages = [
        PageLines("a.txt", "gazette", "x", "", ()),
        PageLines("b.txt", "gazette", "y", "", ()),
        PageLines("c.txt", "", "y", "", ()),  # no outlet: its opening block is b's
        PageLines("d.txt", "", "", "z", ()),
        PageLines("e.txt", "", "", "z", ()),
        PageLines("f.txt", "", "", "", ()),
    ]
    assert [[p.source for p in g] for g in group_sites(pages)] == [["a.txt", "b.txt", "c.txt"], ["d.txt", "e.txt"],
                                                                    ["f.txt"]]


def test_page_lines_leave_out_rule_lines_and_dates() -> None:
    doc = parse_text(page("valley", 1) + "Share\nPublished 12 March 2024\n", "v.txt")
    lines = page_lines(doc)
    assert "Share" not in lines.lines and "Published 12 March 2024" not in lines.lines
    assert SITES["valley"]["promo"] in lines.lines and SITES["valley"]["promo"] in lines.prose
    assert lines.head == "\n".join(SITES["valley"]["menu"])


def test_without_the_option_nothing_changes(folder: Path) -> None:
    paths = sources(folder)
    plain = list(map_sources(lambda d: d, paths))  # noqa: PLW0108
    assert not any(removed_as_chrome(d) for d in plain)


def test_cli_flag(folder: Path) -> None:
    runner = CliRunner()
    args = ["list", "--jsonl", str(folder)]
    plain = runner.invoke(cli, args)
    learned = runner.invoke(cli, ["-v", *args, "--site-chrome"])
    assert plain.exit_code == learned.exit_code == 0
    assert len(plain.stdout.splitlines()) == len(learned.stdout.splitlines()) == 8  # noqa: PLR2004
    assert plain.stdout != learned.stdout  # the promo left the bodies: other ids, fewer words
    assert "site chrome:" in learned.stderr and "site chrome:" not in plain.stderr
    words = [json.loads(x)["words"] for x in learned.stdout.splitlines()]
    assert all(w < p for w, p in zip(words, (json.loads(x)["words"] for x in plain.stdout.splitlines()), strict=True))
    strip = runner.invoke(cli, ["strip", "--site-chrome", str(folder)])
    assert strip.exit_code == 0 and SITES["gazette"]["promo"] not in strip.stdout and WIRE in strip.stdout
    one = json.loads(learned.stdout.splitlines()[0])["id"]
    show = runner.invoke(cli, ["show", "--site-chrome", "--explain", one, str(folder)])
    assert show.exit_code == 0, show.stderr
    assert "site-chrome" in show.stdout
    dedupe = runner.invoke(cli, ["dedupe", "--site-chrome", str(folder)])
    assert dedupe.exit_code == 0


def test_the_same_on_several_processes(folder: Path) -> None:
    paths = sources(folder)
    one = list(map_sources(removed_as_chrome, paths, site_chrome=True))
    assert list(map_sources(removed_as_chrome, paths, jobs=2, site_chrome=True)) == one
    assert any(one)
