"""The corpus index: `newskit index`, `--db` on list/show/diff, `newskit search`.

Results read from the index must be those of a direct run; the index must be incremental
(unchanged files not parsed again), safe (a run killed with SIGKILL leaves a database the
next run completes) and refuse what it cannot read.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from bench.corpus import corpus_path, is_corpus
from newskit import index as index_module
from newskit import output
from newskit.cli import cli
from newskit.index import Index, IndexDbError, SearchOptions, Settings
from newskit.pipeline import Reader
from newskit.reader import expand_inputs
from newskit.render import list_rows

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"


def run(*args: str, cwd: Path | None = None) -> Result:
    if cwd is not None:
        old = Path.cwd()
        os.chdir(cwd)
    try:
        return CliRunner().invoke(cli, list(args), catch_exceptions=False)
    finally:
        if cwd is not None:
            os.chdir(old)


def story(n: int, words: str = "harbour council") -> str:
    """A small one-article dump; ``n`` makes its content (and so its id) its own."""
    return (
        f"Vote number {n} on the {words} ends a long debate\n\n"
        f"The city council voted on Tuesday to approve a new plan for the {words}, ending a debate "
        f"that has lasted for more than two years among residents and traders. Vote {n}.\n\n"
        "Officials said the work would start next spring and take about three years to finish, "
        "with most of the cost paid by the regional government.\n"
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A copy of data/ (the two samples) and a few small dumps of our own."""
    root = tmp_path / "dumps"
    shutil.copytree(DATA, root)
    (root / "more").mkdir()
    for n in range(3):
        (root / "more" / f"story{n}.txt").write_text(story(n), encoding="utf-8")
    return root


def ids(result: Result) -> list[str]:
    return [line.split("\t")[0] for line in result.stdout.splitlines()]


# --- same results as a direct run -------------------------------------------------------


def test_list_show_diff_from_the_index_are_those_of_a_direct_run(folder: Path) -> None:
    r = run("index", str(folder))
    assert r.exit_code == 0, r.stderr
    assert (folder / ".newskit.db").is_file()
    assert "5 files: 5 new, 0 changed, 0 unchanged, 0 removed; 6 articles (6 parsed now)" in r.stderr
    for args in (["list"], ["list", "--json"], ["list", "--csv"]):
        direct, indexed = run(*args, str(folder), "--no-db"), run(*args, str(folder))
        assert indexed.stdout == direct.stdout and indexed.exit_code == direct.exit_code == 0
        explicit = run(*args, str(folder), "--db", str(folder / ".newskit.db"))
        assert explicit.stdout == direct.stdout
    every = ids(run("list", str(folder), "--no-db"))
    for aid in every:
        for mode in ([], ["--json"], ["--raw"], ["--explain"]):
            direct = run("show", aid[:7], str(folder), "--no-db", *mode)
            indexed = run("show", aid[:7], str(folder), *mode)
            assert (indexed.stdout, indexed.stderr, indexed.exit_code) == (
                direct.stdout, direct.stderr, direct.exit_code), (aid, mode)
    for mode in ([], ["--json"]):
        direct = run("diff", every[1], every[2], str(folder), "--no-db", *mode)
        assert run("diff", every[1], every[2], str(folder), *mode).stdout == direct.stdout
    for wrong in ("ffffff", "zz", "1"):  # unknown, not an id, perhaps ambiguous: the same error
        direct, indexed = run("show", wrong, str(folder), "--no-db"), run("show", wrong, str(folder))
        assert (indexed.stderr, indexed.exit_code) == (direct.stderr, direct.exit_code)


def test_the_default_index_is_read_only_when_present_and_no_db_turns_it_off(folder: Path) -> None:
    assert not (folder / ".newskit.db").exists()
    run("list", str(folder))
    assert not (folder / ".newskit.db").exists()  # a direct run makes no index
    run("index", str(folder))
    (folder / "more" / "story0.txt").write_text(story(10), encoding="utf-8")
    r = run("list", str(folder), "--no-db")
    assert r.exit_code == 0
    with Index.open(folder / ".newskit.db") as index:  # --no-db did not refresh it
        titles = [row["title"] for row in index.list_rows(None)]
    assert not any("number 10" in t for t in titles)
    r = run("-v", "list", str(folder))  # the default index is refreshed first, as git status does
    assert "number 10" in r.stdout and "1 changed" in r.stderr
    assert run("list", str(folder), "--db", "x.db", "--no-db").exit_code == 2


def test_no_path_means_the_current_folder_and_its_index(folder: Path) -> None:
    run("index", cwd=folder)
    assert (folder / ".newskit.db").is_file()
    assert run("list", cwd=folder).stdout == run("list", "--no-db", cwd=folder).stdout


def test_an_index_named_with_no_path_refreshes_from_the_folders_it_was_made_from(
    folder: Path, tmp_path: Path
) -> None:
    db = tmp_path / "crawl.db"
    run("index", str(folder), "--db", str(db))
    (folder / "more" / "story9.txt").write_text(story(9), encoding="utf-8")
    r = run("list", "--db", str(db), cwd=tmp_path)
    assert "number 9" in r.stdout and len(r.stdout.splitlines()) == 7


def test_the_glob_the_index_was_made_with_holds_until_another_is_given(folder: Path) -> None:
    (folder / "notes.md").write_text(story(30), encoding="utf-8")
    run("index", str(folder), "--glob", "*.md")
    for command in (["index", str(folder)], ["list", str(folder)]):
        run(*command)
        with Index.open(folder / ".newskit.db") as index:
            assert [Path(r["source"]).name.split(":")[0] for r in index.list_rows(None)] == ["notes.md"]
    run("index", str(folder), "--glob", "*.txt")
    assert "notes.md" not in run("list", str(folder)).stdout


# --- incremental --------------------------------------------------------------------------


def _summary(folder: Path, db: Path) -> index_module.Summary:
    sources = list(expand_inputs([str(folder)]))
    with Index.open(db) as index:
        return index.refresh(sources, [str(folder)], Reader(on_error=lambda exc: None))


def test_only_new_and_changed_files_are_parsed_and_deleted_ones_are_forgotten(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "i.db"
    first = _summary(folder, db)
    assert (first.new, first.unchanged, first.parsed_articles) == (5, 0, 6)
    again = _summary(folder, db)
    assert (again.new, again.changed, again.unchanged, again.parsed_articles) == (0, 0, 5, 0)
    (folder / "more" / "story0.txt").write_text(story(20), encoding="utf-8")  # changed
    (folder / "more" / "story1.txt").unlink()  # deleted
    (folder / "more" / "story5.txt").write_text(story(5), encoding="utf-8")  # new
    touched = folder / "more" / "story2.txt"  # same bytes, a new time: not parsed
    os.utime(touched, ns=(time.time_ns(), time.time_ns() + 5_000_000_000))
    parsed: list[str] = []
    real = index_module.document_rows

    def spy(doc):  # type: ignore[no-untyped-def]
        parsed.append(Path(doc.source).name)
        return real(doc)

    monkeypatch.setattr(index_module, "document_rows", spy)
    s = _summary(folder, db)
    assert sorted(parsed) == ["story0.txt", "story5.txt"]
    assert (s.new, s.changed, s.unchanged, s.removed, s.articles) == (1, 1, 3, 1, 6)
    with Index.open(db) as index:
        rows = list(index.list_rows(list(expand_inputs([str(folder)]))))
        assert rows == [r for doc in Reader().documents(list(expand_inputs([str(folder)]))) for r in list_rows(doc)]
        fts = "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'number'"
        assert index.conn.execute(fts).fetchone()[0] == 3


def test_a_new_parser_or_new_settings_parse_every_file_again(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "i.db"
    _summary(folder, db)
    monkeypatch.setattr(index_module, "parser_version", lambda: "0.0.0+another")
    s = _summary(folder, db)
    assert (s.changed, s.unchanged, s.reparsed_for_settings) == (5, 0, 5)
    assert _summary(folder, db).unchanged == 5
    with Index.open(db) as index:
        sources = list(expand_inputs([str(folder)]))
        s = index.refresh(sources, [str(folder)], Reader(split="file"), Settings(split="file"))
    assert s.changed == 5


def test_rules_files_are_part_of_what_the_index_records(folder: Path, tmp_path: Path) -> None:
    rules = tmp_path / "rules.toml"
    rules.write_text('[[rule]]\nname = "officials"\nmode = "start"\npatterns = ["Officials said"]\nmax_words = 60\n',
                     encoding="utf-8")
    run("index", str(folder))
    r = run("--rules", str(rules), "-v", "list", str(folder))
    assert "5 changed (5 for a new parser or rules)" in r.stderr
    assert r.stdout == run("--rules", str(rules), "list", str(folder), "--no-db").stdout


def test_a_file_that_becomes_unreadable_loses_its_articles_and_is_reported(folder: Path) -> None:
    run("index", str(folder))
    (folder / "more" / "story0.txt").write_bytes(b"")
    direct, indexed = run("list", str(folder), "--no-db"), run("list", str(folder))
    assert indexed.stdout == direct.stdout
    assert indexed.exit_code == direct.exit_code == 1
    assert "story0.txt: empty file" in indexed.stderr


def test_an_unreadable_file_among_others_leaves_them_stored_as_parsed(tmp_path: Path) -> None:
    root = tmp_path / "d"
    root.mkdir()
    for n in range(4):
        (root / f"s{n}.txt").write_text(story(n), encoding="utf-8")
    (root / "s2.txt").write_bytes(b"")  # between two readable ones
    db = tmp_path / "i.db"
    first = _summary(root, db)
    assert (first.new, first.failed) == (3, 1)
    again = _summary(root, db)
    assert (again.unchanged, again.failed, again.changed, again.new) == (3, 1, 0, 0)


def test_crawl_records_are_indexed_with_their_metadata_and_bad_ones_reported_again(folder: Path) -> None:
    records = [{"id": "r1", "url": "https://example.com/1", "text": story(41)}, "{not json",
               {"id": "r3", "text": story(43)}]
    (folder / "crawl.jsonl").write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n"
                                                for r in records), encoding="utf-8")
    for _ in range(2):  # the second time from the index: the bad record is said again
        r = run("index", str(folder), "--glob", "*.jsonl")
        assert r.exit_code == 1 and "crawl.jsonl#2: not a JSON record" in r.stderr
    direct = run("list", str(folder), "--glob", "*.jsonl", "--jsonl", "--no-db")
    indexed = run("list", str(folder), "--glob", "*.jsonl", "--jsonl")
    assert (indexed.stdout, indexed.stderr, indexed.exit_code) == (direct.stdout, direct.stderr, direct.exit_code)
    assert [json.loads(line)["source"].split("/")[-1] for line in indexed.stdout.splitlines()] == [
        "crawl.jsonl#1:1-5", "crawl.jsonl#3:1-5"]
    aid = json.loads(indexed.stdout.splitlines()[0])["id"]
    direct = run("show", aid, str(folder), "--glob", "*.jsonl", "--json", "--no-db")
    indexed = run("show", aid, str(folder), "--glob", "*.jsonl", "--json")
    assert indexed.stdout == direct.stdout and json.loads(indexed.stdout)["meta"]["url"] == "https://example.com/1"


# --- safety -----------------------------------------------------------------------------------


def test_a_run_killed_mid_way_leaves_an_index_the_next_run_completes(tmp_path: Path) -> None:
    root = tmp_path / "many"
    root.mkdir()
    for n in range(400):
        (root / f"s{n:03d}.txt").write_text(story(n, f"harbour plan {n}"), encoding="utf-8")
    db = tmp_path / "i.db"
    code = ("import sys, newskit.index as ix, newskit.cli as c; ix.BATCH_FILES = 5; "
            "c.main(['-q', 'index', sys.argv[1], '--db', sys.argv[2], '-j', '1'])")
    proc = subprocess.Popen([sys.executable, "-c", code, str(root), str(db)], cwd=ROOT)
    deadline = time.monotonic() + 120
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
        try:
            with sqlite3.connect(db, timeout=1) as conn:
                stored = conn.execute("SELECT count(*) FROM files").fetchone()[0]
        except sqlite3.Error:
            continue
        if stored >= 20:  # noqa: PLR2004 (a few batches in)
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert 0 < stored < 400, "the run was not caught mid-way"
    with sqlite3.connect(db) as conn:  # consistent: every stored file has its article, nothing else
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        files, articles = conn.execute(
            "SELECT (SELECT count(*) FROM files), (SELECT count(*) FROM articles)").fetchone()
        assert files == articles and 0 < files < 400
        assert conn.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == articles
    r = run("index", str(root), "--db", str(db))
    assert r.exit_code == 0
    assert f"{400 - files} new" in r.stderr and f"{files} unchanged" in r.stderr
    assert run("list", str(root), "--db", str(db)).stdout == run("list", str(root), "--no-db").stdout


def test_two_processes_at_once_both_finish(folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "i.db"
    cmd = [sys.executable, "-m", "newskit", "-q", "index", str(folder), "--db", str(db), "-j", "1"]
    procs = [subprocess.Popen(cmd, cwd=ROOT, stderr=subprocess.PIPE) for _ in range(2)]
    for p in procs:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
    assert run("list", str(folder), "--db", str(db)).stdout == run("list", str(folder), "--no-db").stdout


def test_a_writer_that_waits_too_long_is_one_line(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "i.db"
    run("index", str(folder), "--db", str(db))
    (folder / "more" / "story0.txt").write_text(story(50), encoding="utf-8")
    monkeypatch.setattr(index_module, "BUSY_TIMEOUT_MS", 50)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another writer, in the middle of its transaction
    try:
        r = run("index", str(folder), "--db", str(db))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert r.exit_code == 1
    assert r.stderr == f"newskit: {db}: cannot write the index (database is locked)\n"
    assert run("index", str(folder), "--db", str(db)).exit_code == 0  # and the next run goes on


def test_an_index_of_another_schema_version_is_refused(folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "i.db"
    run("index", str(folder), "--db", str(db))
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema'")
    r = run("list", str(folder), "--db", str(db))
    assert r.exit_code == 1
    assert r.stderr == (f"newskit: {db}: the index has schema version 99; this newskit reads version "
                        f"{index_module.SCHEMA_VERSION} only (use the newskit that made it, or remove the file and "
                        "index again)\n")
    with pytest.raises(IndexDbError):
        Index.open(db)


def test_a_file_that_is_not_an_index_is_refused(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database at all, not at all" * 100)
    r = run("list", str(DATA), "--db", str(junk))
    assert r.exit_code == 1 and r.stderr.startswith(f"newskit: {junk}: not a newskit index") and r.stdout == ""
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE t (x)")
    r = run("list", str(DATA), "--db", str(other))
    assert r.exit_code == 1 and "not a newskit index" in r.stderr
    nowhere = tmp_path / "no-such-folder" / "i.db"
    r = run("index", str(DATA), "--db", str(nowhere))
    assert r.exit_code == 1
    assert r.stderr == f"newskit: {nowhere}: cannot open the index (unable to open database file)\n"


def test_standard_input_and_site_chrome_do_not_use_the_index(folder: Path) -> None:
    run("index", str(folder))
    assert run("list", "-", "--db", str(folder / ".newskit.db")).exit_code == 2
    assert run("list", str(folder), "--site-chrome", "--db", str(folder / ".newskit.db")).exit_code == 2
    direct = run("list", str(folder), "--site-chrome", "--no-db")
    assert run("list", str(folder), "--site-chrome").stdout == direct.stdout  # default index left alone


# --- what is stored ------------------------------------------------------------------------


def test_every_field_removed_lines_and_fingerprints_are_stored(folder: Path) -> None:
    run("index", str(folder))
    with sqlite3.connect(folder / ".newskit.db") as conn:
        row = conn.execute("SELECT a.title, a.outlet, a.language, a.words, r.rule, r.text FROM articles a "
                           "JOIN removed r ON r.article = a.rowid WHERE a.id = 'e038a101effd' AND r.line = 35"
                           ).fetchone()
        assert row[:5] == ("U.S. Says It 'Can't Tolerate' Attacks By Iranian-Backed Militias In Iraq", "RFE/RL",
                           "en", 285, "outlet-boilerplate")
        assert row[5].strip().startswith("RFE/RL journalists report the news")
        fp = conn.execute("SELECT length(signature), length(exact) FROM fingerprints f JOIN articles a "
                          "ON a.rowid = f.article WHERE a.id = 'e038a101effd'").fetchone()
        assert fp == (512, 12)


# --- search ------------------------------------------------------------------------------------


@pytest.fixture
def searchable(folder: Path) -> Path:
    (folder / "more" / "ferry.txt").write_text(story(7, "ferry terminal"), encoding="utf-8")
    run("index", str(folder))
    return folder


def test_search_ranks_by_bm25_and_marks_the_matches_in_brackets_when_piped(searchable: Path) -> None:
    r = run("search", "ferry", str(searchable))
    assert r.exit_code == 0, r.stderr
    (line,) = r.stdout.splitlines()
    fields = line.split("\t")
    assert fields[3] == "Vote number 7 on the ferry terminal ends a long debate"
    assert "[ferry]" in fields[6] and fields[7].endswith("ferry.txt:1-5")
    r = run("search", "militias OR harbour", str(searchable), "--json")
    hits = json.loads(r.stdout)
    assert [h["score"] for h in hits] == sorted((h["score"] for h in hits), reverse=True)
    assert hits[0]["title"].startswith(("U.S. Says", "US says"))  # in the title: counts twice
    assert "[" not in hits[0]["snippet"] and "\ue000" not in hits[0]["snippet"]
    assert run("search", '"long debate" NOT ferry', str(searchable), "--limit", "2", "--jsonl").stdout.count("\n") == 2


def test_search_highlights_with_styles_on_a_terminal(searchable: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(output, "stdout_is_terminal", lambda: True)
    r = CliRunner().invoke(cli, ["search", "ferry", str(searchable)], color=True)
    assert "ferry" in r.stdout and "[ferry]" not in r.stdout and "\x1b[" in r.stdout


def test_search_filters(searchable: Path) -> None:
    def titles(*args: str) -> list[str]:
        found = run("search", *args, str(searchable), "--jsonl").stdout.splitlines()
        return [json.loads(line)["title"] for line in found]

    assert titles("militias", "--outlet", "arab news") == [
        "US says ‘can’t tolerate’ attacks by Iranian-backed militias in Iraq"]
    assert titles("militias", "--since", "2020-10") == titles("militias", "--outlet", "Arab News")
    assert titles("militias", "--until", "2020-09-30") == []
    assert len(titles("militias", "--lang", "en")) == 2 and titles("militias", "--lang", "fr") == []
    assert run("search", "x", str(searchable), "--since", "last week").exit_code == 2


def test_search_no_refresh_reads_the_index_as_it_is(searchable: Path) -> None:
    (searchable / "more" / "ferry.txt").unlink()
    assert run("search", "ferry", "--db", str(searchable / ".newskit.db"), "--no-refresh").stdout.count("\n") == 1
    assert run("search", "ferry", str(searchable)).stdout == ""


def test_a_malformed_query_is_one_line(searchable: Path) -> None:
    for query in ("ferry AND", '"unclosed', "NOT"):
        r = run("search", query, str(searchable))
        assert r.exit_code == 1 and r.stdout == ""
        assert r.stderr.startswith("newskit: bad search query") and r.stderr.count("\n") == 1


def test_search_needs_an_index(tmp_path: Path) -> None:
    r = run("search", "x", str(tmp_path))
    assert r.exit_code == 1 and "make one with `newskit index`" in r.stderr


def test_the_library_search(searchable: Path) -> None:
    with Index.open(searchable / ".newskit.db") as index:
        hits = index.search("ferry OR harbour", SearchOptions(limit=3))
        assert len(hits) == 3 and hits[0].score >= hits[-1].score
        with pytest.raises(IndexDbError):
            index.search("ferry AND")


# --- on a corpus --------------------------------------------------------------------------------


@pytest.mark.corpus
def test_the_index_of_aeb_gives_what_a_direct_run_gives(tmp_path: Path) -> None:
    aeb = corpus_path("aeb")
    if not is_corpus(aeb):
        pytest.skip("the development corpus is not here")
    sources = list(expand_inputs([str(aeb)]))
    with Index.open(tmp_path / "aeb.db") as index:
        index.refresh(sources, [str(aeb)], Reader(jobs=0))
        direct = [a for doc in Reader().documents(sources) for a in doc.articles]
        indexed = list(index.articles(sources))
        assert [a.to_dict(lines=True) for a in indexed] == [a.to_dict(lines=True) for a in direct]
        assert [a.lines for a in indexed] == [a.lines for a in direct]
        assert list(index.list_rows(sources)) == [r for doc in Reader().documents(sources) for r in list_rows(doc)]
        first = {}
        for a in direct:
            first.setdefault(a.id, a)  # exact copies share an id: the first in input order is the one shown
        for a in list(first.values())[::7]:
            assert index.find(a.id, sources).article.to_dict(lines=True) == a.to_dict(lines=True)
