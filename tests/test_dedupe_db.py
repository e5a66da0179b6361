"""`dedupe --db`: dedupe from the index, its checks stored and reused.

A run from the index must give what a direct run gives, byte for byte, after files are
added, changed and removed, with other options, and when a site's chrome (which depends on
every article) changes; a rerun checks only the pairs that new bodies make.
"""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from bench.corpus import corpus_path, is_corpus
from newskit import index as index_module
from newskit.cli import cli
from newskit.dedupe import (
    Cluster,
    DedupeOptions,
    Deduper,
    _pack_pair,
    _Pair,
    _unpack_pair,
    fingerprint,
)
from newskit.index import Index
from newskit.model import Article
from newskit.sentences import PairScore
from tests.test_dedupe import _WORDS

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"


def _sentence(rng: random.Random) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(rng.randint(9, 16))).capitalize() + "."


def _story(seed: int, sentences: int = 10) -> list[str]:
    rng = random.Random(seed)
    return [_sentence(rng) for _ in range(sentences)]


def _dump(title: str, body: list[str]) -> str:
    paragraphs = [" ".join(body[i : i + 2]) for i in range(0, len(body), 2)]
    return f"{title}\n\n" + "\n\n".join(paragraphs) + "\n"


def _article(body: list[str], n: int, outlet: str | None = None) -> Article:
    return Article(source=f"s{n}.txt", start=1, end=len(body) + 1, body=body, id=f"id{n}", outlet=outlet)


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def same_as_direct(folder: Path, db: Path, *flags: str) -> Result:
    """Run ``dedupe`` on ``folder`` directly and from ``db``: the same stdout and exit
    status (and the same counts on stderr). The run from the index is returned."""
    direct = run("dedupe", str(folder), "--no-db", *flags)
    indexed = run("-v", "dedupe", str(folder), "--db", str(db), *flags)
    assert indexed.stdout == direct.stdout
    assert indexed.exit_code == direct.exit_code
    assert indexed.stderr.splitlines()[-1] == direct.stderr.splitlines()[-1]  # the counts
    return indexed


def checks_said(result: Result) -> tuple[int, int]:
    """(checked, reused) as ``dedupe -v --db`` says them on stderr."""
    line = next(x for x in result.stderr.splitlines() if " checked, " in x)
    checked, reused = line.split(": ")[-1].split(", ")
    return int(checked.split()[0]), int(reused.split()[0])


@pytest.fixture
def crawl(tmp_path: Path) -> Path:
    """Three stories, each with a rewrite in another file, and two single stories."""
    folder = tmp_path / "crawl"
    folder.mkdir()
    for k in range(3):
        base = _story(k)
        (folder / f"a{k}.txt").write_text(_dump(f"Story number {k} on the harbour", base))
        (folder / f"b{k}.txt").write_text(_dump(f"Another view of story {k}", base[:7] + _story(100 + k, 2)))
    for k in range(2):
        (folder / f"c{k}.txt").write_text(_dump(f"A story of its own, {k}", _story(200 + k)))
    return folder


# -- the library: a Deduper with a store of checks -------------------------------------------


class _Store:
    """A CheckStore in a dict."""

    def __init__(self) -> None:
        self.checks: dict[bytes, bytes] = {}

    def get(self, key: bytes) -> bytes | None:
        return self.checks.get(key)

    def put(self, key: bytes, value: bytes, bodies: tuple[bytes, bytes]) -> None:
        self.checks[key] = value


def _clusters(articles: list[Article], options: DedupeOptions | None = None,
              store: _Store | None = None) -> tuple[list[Cluster], Deduper]:
    deduper = Deduper(options, store)
    for a in articles:
        deduper.add_fingerprint(fingerprint(a, options))
    return deduper.clusters(), deduper


def _rewrites() -> list[Article]:
    arts = []
    for k in range(6):
        base = _story(300 + k, 12)
        arts.append(_article(base, 3 * k))
        arts.append(_article(base[:8] + _story(400 + k, 3), 3 * k + 1))
        arts.append(_article(base[2:] + _story(500 + k, 2), 3 * k + 2))
    return arts


def test_a_stored_check_is_the_check_made() -> None:
    pair = _Pair(PairScore(0.7, 0.5, 0.25, 3, 2, 7, 9), 0.45, 0.125, b"\x01\0\0\0\x02\0\0\0", b"\x05\0\0\0")
    assert _unpack_pair(_pack_pair(pair)) == pair
    arts = _rewrites()
    store = _Store()
    first, d1 = _clusters(arts, store=store)
    again, d2 = _clusters(arts, store=store)
    plain, d0 = _clusters(arts)
    assert first and first == plain and again == plain
    assert [c.to_dict() for c in again] == [c.to_dict() for c in plain]
    # (a run without a store checks again a pair found not to be duplicates, when it needs it later)
    assert d1.stats.checked + d1.stats.reused == d0.stats.checked > d1.stats.checked > 0
    assert d2.stats.checked == 0 and d2.stats.reused == d0.stats.checked


def test_only_the_pairs_of_a_new_article_are_checked_again() -> None:
    arts = _rewrites()
    store = _Store()
    _clusters(arts[:-1], store=store)
    clusters, deduper = _clusters(arts, store=store)
    assert clusters == _clusters(arts)[0]
    assert 0 < deduper.stats.checked <= 2 and deduper.stats.reused > 0  # the new one against its two


def test_checks_stored_before_a_site_chrome_changed_are_not_reused() -> None:
    # Two pages of one site share a sidebar: no chrome yet (it takes three pages), so they
    # are duplicates. Two more pages of the site make the sidebar chrome, and the first
    # two are duplicates no longer: their stored check left the sidebar in.
    sidebar = _story(900, 10)
    pages = [_article(_story(910 + k, 3) + sidebar, k, outlet="The Daily Site") for k in range(4)]
    store = _Store()
    two, _ = _clusters(pages[:2], store=store)
    assert len(two) == 1
    four, deduper = _clusters(pages, store=store)
    assert four == _clusters(pages)[0] == []
    assert deduper.stats.site_chrome == len(sidebar) and deduper.stats.reused == 0
    # ... and back: with the sidebar no chrome again, the first check is the one reused
    again, deduper = _clusters(pages[:2], store=store)
    assert again == two and deduper.stats.reused == 1


def test_other_check_options_check_again() -> None:
    arts = _rewrites()
    store = _Store()
    _, first = _clusters(arts, store=store)
    strict = DedupeOptions(sentence_threshold=0.8)
    clusters, deduper = _clusters(arts, strict, store)
    assert clusters == _clusters(arts, strict)[0]
    assert deduper.stats.checked == first.stats.checked > 0  # every pair checked again
    # the pair thresholds do not change a check, only what is made of it
    loose = DedupeOptions(threshold=0.3, containment=0.4)
    clusters, deduper = _clusters(arts, loose, store)
    assert clusters == _clusters(arts, loose)[0]
    assert deduper.stats.checked == 0


# -- the command line -------------------------------------------------------------------------


def test_dedupe_db_is_a_direct_run_on_the_samples(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    db = tmp_path / "i.db"
    assert run("index", str(folder), "--db", str(db)).exit_code == 0
    first = same_as_direct(folder, db)
    assert first.stdout.count("\n") == 2  # the sample pair
    assert checks_said(first) == (1, 0)
    assert checks_said(same_as_direct(folder, db, "--jsonl")) == (0, 1)
    same_as_direct(folder, db, "--threshold", "0.95", "--containment", "0.95", "--check")
    same_as_direct(folder, db, "--keep", "longest", "--csv")


def test_the_default_index_is_read_and_no_db_turns_it_off(crawl: Path) -> None:
    assert run("index", str(crawl)).exit_code == 0
    direct = run("dedupe", str(crawl), "--no-db")
    indexed = run("-v", "dedupe", str(crawl))
    assert indexed.stdout == direct.stdout and "checks reused" in indexed.stderr
    assert "checked" not in run("-v", "dedupe", str(crawl), "--no-db").stderr


def test_files_added_changed_and_removed_then_a_rerun_is_a_direct_run(crawl: Path, tmp_path: Path) -> None:
    db = tmp_path / "i.db"
    checked, reused = checks_said(same_as_direct(crawl, db))
    assert checked >= 3 and reused == 0
    assert checks_said(same_as_direct(crawl, db)) == (0, checked)
    # a new rewrite of story 0, a new single story; b1 now a rewrite of c0; a2 gone
    (crawl / "d0.txt").write_text(_dump("Story zero told again", _story(0)[1:9] + _story(600, 2)))
    (crawl / "d1.txt").write_text(_dump("One more story", _story(700)))
    (crawl / "b1.txt").write_text(_dump("Another view of a story", _story(200)[:8] + _story(800, 2)))
    (crawl / "a2.txt").unlink()
    now, reused = checks_said(same_as_direct(crawl, db))
    assert 0 < now < checked + 3 and reused > 0
    # other options: the checks are those of the same bodies, the results those of a direct run
    same_as_direct(crawl, db, "--threshold", "0.9", "--containment", "0.95")
    same_as_direct(crawl, db, "--keep", "longest", "--json")
    # checks of bodies the index no longer holds are forgotten
    with sqlite3.connect(db) as conn:
        left = conn.execute("SELECT count(*) FROM dedupe_checks WHERE a NOT IN (SELECT exact FROM fingerprints) "
                            "OR b NOT IN (SELECT exact FROM fingerprints)").fetchone()[0]
        assert left == 0 and conn.execute("SELECT count(*) FROM dedupe_checks").fetchone()[0] > 0


def test_no_refresh_reads_the_index_as_it_is(crawl: Path, tmp_path: Path) -> None:
    db = tmp_path / "i.db"
    before = same_as_direct(crawl, db)
    os.utime(crawl / "a0.txt")
    (crawl / "a0.txt").write_text(_dump("Something else entirely", _story(999)))
    stale = run("dedupe", "--db", str(db), "--no-refresh")
    assert stale.stdout == before.stdout  # the stored articles, not the changed file
    assert run("dedupe", str(crawl), "--db", str(db)).stdout == run("dedupe", str(crawl), "--no-db").stdout


def test_dedupe_out_from_the_index_writes_what_a_direct_run_writes(crawl: Path, tmp_path: Path) -> None:
    db = tmp_path / "i.db"
    assert run("dedupe", str(crawl), "--no-db", "--out", str(tmp_path / "direct")).exit_code == 0
    assert run("dedupe", str(crawl), "--db", str(db), "--out", str(tmp_path / "indexed")).exit_code == 0
    direct = {p.name: p.read_text() for p in (tmp_path / "direct").iterdir()}
    indexed = {p.name: p.read_text() for p in (tmp_path / "indexed").iterdir()}
    assert indexed == direct and len(direct) == 5


def test_dedupe_db_with_stdin_or_site_chrome_is_a_usage_error(crawl: Path, tmp_path: Path) -> None:
    r = run("dedupe", str(crawl), "--db", str(tmp_path / "i.db"), "--site-chrome")
    assert r.exit_code == 2 and "--site-chrome learns from all the inputs" in r.stderr


def test_an_index_of_schema_version_1_is_rebuilt(crawl: Path, tmp_path: Path) -> None:
    db = tmp_path / "i.db"
    assert run("index", str(crawl), "--db", str(db)).exit_code == 0
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE meta SET value = '1' WHERE key = 'schema'")
        conn.execute("DROP TABLE dedupe_checks")
    r = run("dedupe", "--db", str(db))  # no PATH: the folders the index was made from
    assert r.stderr.startswith(f"newskit: {db}: an index of schema version 1, rebuilt for version "
                               f"{index_module.SCHEMA_VERSION}: every file is parsed again\n")
    assert r.stdout == run("dedupe", str(crawl), "--no-db").stdout
    with Index.open(db) as index:
        assert index.meta()["schema"] == str(index_module.SCHEMA_VERSION) and index.rebuilt_from is None


def test_other_signature_options_are_made_from_the_stored_words(crawl: Path, tmp_path: Path) -> None:
    from newskit.pipeline import Reader  # noqa: PLC0415
    from newskit.reader import expand_inputs  # noqa: PLC0415

    short = _story(50, 3)  # two short rewrites, under the default min_prose
    (crawl / "e0.txt").write_text(_dump("A short one", short))
    (crawl / "e1.txt").write_text(_dump("A short one again", short[:2] + _story(51, 1)))
    sources = list(expand_inputs([str(crawl)]))
    articles = [a for doc in Reader().documents(sources) for a in doc.articles]
    low = DedupeOptions(min_prose=5, index_words=5)
    assert any({m.source for m in c.members} == {str(crawl / "e0.txt"), str(crawl / "e1.txt")}
               for c in _clusters(articles, low)[0])
    with Index.open(tmp_path / "i.db") as index:
        index.refresh(sources, [str(crawl)], Reader())
        # min_prose lower than the default: the stored signatures of bodies with little prose serve
        for options in (DedupeOptions(), DedupeOptions(min_prose=5, index_words=5),
                        DedupeOptions(shingle=2, num_perm=64, min_prose=10)):
            assert index.dedupe(sources, options).clusters == _clusters(articles, options)[0]


# --- on a corpus -------------------------------------------------------------------------------


@pytest.mark.corpus
def test_dedupe_db_on_aeb_is_a_direct_run(tmp_path: Path) -> None:
    # Both renderings of each page: near-duplicates of each other, with the site's chrome.
    aeb = corpus_path("aeb")
    if not is_corpus(aeb):
        pytest.skip("the development corpus is not here")
    folder = tmp_path / "aeb"
    names = sorted(p.name for p in (aeb / "chromium").glob("*.txt"))[:40]
    for renderer in ("chromium", "inscriptis"):
        (folder / renderer).mkdir(parents=True)
        for name in names[:30]:
            shutil.copy(aeb / renderer / name, folder / renderer / name)
    db = tmp_path / "aeb.db"
    checked, _ = checks_said(same_as_direct(folder, db))
    assert checked > 0
    for name in names[30:]:  # new pages, one changed, one gone
        shutil.copy(aeb / "chromium" / name, folder / "chromium" / name)
    first = folder / "inscriptis" / names[0]
    first.write_text(first.read_text() + "\nA line the page did not have.\n")
    (folder / "chromium" / names[1]).unlink()
    now, reused = checks_said(same_as_direct(folder, db))
    assert now < checked and reused > 0
    same_as_direct(folder, db, "--threshold", "0.8", "--jsonl")
