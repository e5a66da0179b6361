"""`newskit dedupe` and `newskit diff` through CliRunner: stdout, stderr and exit status apart."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from newskit import output, parse_file
from newskit.cli import ExitCode, cli
from newskit.render import DEDUPE_COLUMNS
from newskit.strip import clean_text, file_name

ROOT = Path(__file__).resolve().parent.parent
RFE = "data/000_120db16d2a8201b2.txt"
ARAB = "data/003_c01d65e13833c80f.txt"

IRAQ_RFE = parse_file(ROOT / RFE).articles[0]
IRAQ_ARAB, HAMAS = parse_file(ROOT / ARAB).articles[:2]

DAESH_A = "fighting [-entrenched militants,-] which would be"
DAESH_B = "fighting {+holdout extremists,+} which would be"
ONLY_B = "+Also on Thursday, the US envoy on Iran Elliott Abrams said Tehran"
ONLY_A = "-Iraqi Kurdistan's counterterrorism service blamed the September 30 attack"
SHARED = ' "We are working, and we look forward to continuing to work, with our Iraqi'


@pytest.fixture(autouse=True)
def _in_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)


def rows(r: Result) -> list[list[str]]:
    return [line.split("\t") for line in r.stdout.splitlines()]


# --- dedupe ------------------------------------------------------------------------------


def test_dedupe_finds_the_sample_pair_and_not_hamas() -> None:
    r = run("dedupe", "data/")
    assert r.exit_code == 0
    assert r.stderr == "newskit: 3 articles: 2 in 1 cluster, 1 unique; 2 to keep\n"
    got = rows(r)
    assert [row[:4] for row in got] == [
        ["1", "yes", "rewrite", IRAQ_RFE.id], ["1", "no", "origin", IRAQ_ARAB.id]
    ]
    assert all(len(row) == len(DEDUPE_COLUMNS) for row in got)
    assert HAMAS.id not in r.stdout
    rfe, arab = got
    assert rfe[7:9] == ["1.0", "1.0"]  # the kept one, against itself
    assert 0.5 < float(arab[7]) < 0.9 and 0.5 < float(arab[8]) < 0.9  # share, similarity
    assert arab[4:7] == ["2020-10-01", "Arab News", IRAQ_ARAB.title]
    assert arab[11] == f"{ARAB}:{IRAQ_ARAB.start}-{IRAQ_ARAB.end}"


def test_dedupe_quiet_and_no_duplicates() -> None:
    r = run("-q", "dedupe", RFE)
    assert (r.exit_code, r.stdout, r.stderr) == (0, "", "")


def test_dedupe_exact_copies(tmp_path: Path) -> None:
    for name in ("one.txt", "two.txt"):
        shutil.copy(ROOT / ARAB, tmp_path / name)
    r = run("dedupe", str(tmp_path))
    assert r.exit_code == 0
    got = rows(r)
    clusters = {(row[0], row[3]) for row in got}
    assert clusters == {("1", IRAQ_ARAB.id), ("2", HAMAS.id)}
    assert [row[1] for row in got] == ["yes", "no", "yes", "no"]
    assert all(row[7:9] == ["1.0", "1.0"] for row in got)
    assert [row[2] for row in got] == ["origin", "copy", "origin", "copy"]


def test_dedupe_threshold_respected() -> None:
    r = run("dedupe", "data/", "--threshold", "0.99", "--containment", "1")
    assert (r.exit_code, r.stdout) == (0, "")
    assert r.stderr == "newskit: 3 articles: 0 in 0 clusters, 3 unique; 3 to keep\n"
    assert rows(run("dedupe", "data/", "--threshold", "0.6"))[0][3] == IRAQ_RFE.id


@pytest.mark.parametrize("value", ["0", "1.5", "-0.1", "high"])
def test_dedupe_threshold_validated(value: str) -> None:
    r = run("dedupe", "data/", "--threshold", value)
    assert r.exit_code == ExitCode.USAGE
    assert r.stdout == ""
    assert "--threshold" in r.stderr


def test_dedupe_keep_longest_and_earliest() -> None:
    for keep in ("longest", "earliest"):
        got = rows(run("dedupe", "data/", "--keep", keep))
        assert [[row[1], row[3]] for row in got] == [["yes", IRAQ_ARAB.id], ["no", IRAQ_RFE.id]], keep
    assert run("dedupe", "data/", "--keep", "last").exit_code == ExitCode.USAGE


def test_dedupe_check_exit_status() -> None:
    r = run("dedupe", "--check", "data/")
    assert r.exit_code == ExitCode.DUPLICATES_FOUND == 3
    assert IRAQ_ARAB.id in r.stdout
    r = run("dedupe", "--check", "data/", "--threshold", "0.99", "--containment", "1")
    assert r.exit_code == 0
    assert run("dedupe", "--check", RFE).exit_code == 0


def test_dedupe_json_shape_pinned() -> None:
    r = run("dedupe", "data/", "--json")
    assert r.exit_code == 0
    clusters = json.loads(r.stdout)
    assert len(clusters) == 1
    cluster = clusters[0]
    assert list(cluster) == ["size", "representative", "origin", "members"]
    assert cluster["size"] == 2 and cluster["representative"] == IRAQ_RFE.id
    member_keys = [
        "id", "source", "start_line", "end_line", "title", "outlet", "date", "words",
        "sentences", "shared_sentences", "share", "similarity", "exact", "relation",
        "from_origin", "own",
    ]
    assert [list(m) for m in cluster["members"]] == [member_keys, member_keys]
    rep, other = cluster["members"]
    assert rep["exact"] is True and rep["share"] == rep["similarity"] == 1.0
    assert other["id"] == IRAQ_ARAB.id and other["exact"] is False
    assert other["source"] == ARAB and other["outlet"] == "Arab News"
    assert 0 < other["shared_sentences"] < other["sentences"]
    jsonl = run("dedupe", "data/", "--jsonl").stdout.splitlines()
    assert [json.loads(line) for line in jsonl] == clusters


def test_diff_origin_member_shows_the_share_taken_from_the_origin() -> None:
    """`dedupe` names the origin and each member's from_origin; `diff ORIGIN MEMBER`
    compares the two, its share of B being that figure."""
    (cluster,) = json.loads(run("dedupe", "data/", "--json").stdout)
    assert cluster["origin"] == IRAQ_ARAB.id  # 91% of RFE/RL's text is in it, 69% the other way
    (member,) = [m for m in cluster["members"] if m["id"] != cluster["origin"]]
    assert member["relation"] == "rewrite"
    r = run("diff", cluster["origin"], member["id"], "data/", "--json")
    assert r.exit_code == 0
    d = json.loads(r.stdout)
    assert (d["a"]["id"], d["b"]["id"]) == (IRAQ_ARAB.id, IRAQ_RFE.id)
    assert d["share_b"] == member["from_origin"] == 0.9107
    assert d["share_a"] == 0.6927  # the origin's part found in the member
    assert round(member["own"] + member["from_origin"], 4) == 1.0  # two members: own = the rest


def test_dedupe_containment_validated() -> None:
    r = run("dedupe", "data/", "--containment", "0")
    assert r.exit_code == ExitCode.USAGE and "--containment" in r.stderr


def test_dedupe_csv_header() -> None:
    r = run("dedupe", "data/", "--csv")
    lines = r.stdout.splitlines()
    assert lines[0] == ",".join(DEDUPE_COLUMNS)
    assert len(lines) == 3


def test_dedupe_table_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(output, "stdout_is_terminal", lambda: True)
    r = run("dedupe", "data/", env={"COLUMNS": "200"})
    assert r.exit_code == 0
    assert "similarity" in r.stdout and IRAQ_ARAB.id in r.stdout


def test_dedupe_out_writes_kept_and_unique(tmp_path: Path) -> None:
    out = tmp_path / "clean"
    r = run("dedupe", "data/", "--out", str(out))
    assert r.exit_code == 0
    assert len(rows(r)) == 2  # the listing still goes to stdout
    assert r.stderr.endswith(f"newskit: 2 files written to {out}\n")
    written = sorted(p.name for p in out.iterdir())
    assert written == sorted([file_name(IRAQ_RFE), file_name(HAMAS)])
    assert (out / file_name(HAMAS)).read_text(encoding="utf-8") == clean_text(HAMAS)
    r = run("-q", "dedupe", "data/", "--keep", "longest", "--out", str(tmp_path / "long"))
    assert sorted(p.name for p in (tmp_path / "long").iterdir()) == sorted(
        [file_name(IRAQ_ARAB), file_name(HAMAS)]
    )


def test_dedupe_out_never_overwrites_an_input(tmp_path: Path) -> None:
    dump = tmp_path / file_name(HAMAS)
    original = (ROOT / ARAB).read_text(encoding="utf-8")
    dump.write_text(original, encoding="utf-8")
    r = run("dedupe", str(dump), "--out", str(tmp_path))
    assert r.exit_code == 1
    assert "is an input file; not overwritten" in r.stderr
    assert dump.read_text(encoding="utf-8") == original


def test_dedupe_jobs_same_output() -> None:
    one = run("dedupe", RFE, ARAB, RFE)
    two = run("dedupe", "-j", "2", RFE, ARAB, RFE)
    assert (two.exit_code, two.stdout, two.stderr) == (one.exit_code, one.stdout, one.stderr)
    assert len(rows(one)) == 3


def test_dedupe_stdin_and_bad_input() -> None:
    text = (ROOT / RFE).read_text(encoding="utf-8")
    r = CliRunner().invoke(cli, ["dedupe", "-", RFE, "missing.txt"], input=text)
    assert r.exit_code == 1
    assert [row[3] for row in rows(r)] == [IRAQ_RFE.id, IRAQ_RFE.id]
    assert "missing.txt" in r.stderr


# --- diff --------------------------------------------------------------------------------


def test_diff_sample_pair_unified_when_piped() -> None:
    r = run("diff", IRAQ_RFE.id[:6], IRAQ_ARAB.id[:6], "data/")
    assert r.exit_code == 0
    assert r.stderr == ""
    lines = r.stdout.splitlines()
    assert lines[0].startswith(f"--- {IRAQ_RFE.id}")
    assert lines[1].startswith(f"+++ {IRAQ_ARAB.id}")
    assert lines[2] == "@@ in common: 91% of A, 69% of B; similarity 0.71 @@"
    daesh_a = next(i for i, line in enumerate(lines) if DAESH_A in line)
    assert "because the [-Islamic State-] group" in lines[daesh_a]
    assert lines[daesh_a].startswith("-")
    assert lines[daesh_a + 1].startswith("+") and DAESH_B in lines[daesh_a + 1]
    assert "because the {+Daesh+} group" in lines[daesh_a + 1]
    assert any(line.startswith(ONLY_B) for line in lines)
    assert any(line.startswith(ONLY_A) for line in lines)
    assert any(line.startswith(SHARED) for line in lines)
    assert "\x1b" not in r.stdout


def test_diff_of_two_files_means_their_first_articles() -> None:
    by_file = run("diff", RFE, ARAB)
    by_id = run("diff", IRAQ_RFE.id, IRAQ_ARAB.id, "data/")
    assert by_file.exit_code == 0
    assert by_file.stdout == by_id.stdout
    r = run("diff", RFE, ARAB, "data/")
    assert r.exit_code == ExitCode.USAGE


def test_diff_json_shape_pinned() -> None:
    r = run("diff", IRAQ_RFE.id[:4], IRAQ_ARAB.id[:4], "data/", "--json")
    assert r.exit_code == 0
    d = json.loads(r.stdout)
    assert list(d) == ["a", "b", "share_a", "share_b", "similarity", "pairs", "only_a", "only_b"]
    assert list(d["a"]) == ["id", "title", "source", "sentences", "words"]
    assert (d["a"]["id"], d["b"]["id"]) == (IRAQ_RFE.id, IRAQ_ARAB.id)
    assert d["share_a"] == 0.9107 and d["share_b"] == 0.6927
    pair = next(p for p in d["pairs"] if "Daesh" in p["b_text"])
    assert list(pair) == ["a", "b", "similarity", "identical", "a_text", "b_text", "ops"]
    assert pair["identical"] is False
    assert {"op": "replace", "a": "Islamic State", "b": "Daesh"} in pair["ops"]
    assert all(list(u) == ["index", "text"] for u in d["only_a"] + d["only_b"])
    assert any(u["text"].startswith("Also on Thursday") for u in d["only_b"])


def test_diff_exit_code() -> None:
    r = run("diff", "--exit-code", IRAQ_RFE.id[:6], IRAQ_ARAB.id[:6], "data/")
    assert r.exit_code == ExitCode.DIFFERENT == 1
    assert r.stdout.startswith("---")
    r = run("diff", "--exit-code", IRAQ_RFE.id[:6], IRAQ_RFE.id[:6], "data/")
    assert r.exit_code == 0
    assert not any(line[:1] in "-+" for line in r.stdout.splitlines()[3:])
    assert run("diff", IRAQ_RFE.id[:6], HAMAS.id[:6], "data/").exit_code == 0  # not asked


def test_diff_unknown_and_ambiguous_ids(tmp_path: Path) -> None:
    r = run("diff", "0", IRAQ_ARAB.id[:6], "data/")
    assert r.exit_code == 1
    assert r.stdout == ""
    assert r.stderr.startswith("newskit: no article with id '0' among 3 articles; they are:\n")
    assert f"  {HAMAS.id}  " in r.stderr
    assert run("show", "0", "data/").stderr == r.stderr  # the same error as `show`
    r = run("diff", "nothere.txt", IRAQ_ARAB.id[:6], "data/")
    assert r.exit_code == 1
    assert "'nothere.txt' is neither a file nor an article id" in r.stderr


def test_diff_side_by_side_on_a_wide_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(output, "stdout_is_terminal", lambda: True)
    wide = run("diff", IRAQ_RFE.id[:6], IRAQ_ARAB.id[:6], "data/", env={"COLUMNS": "160"})
    assert wide.exit_code == 0
    assert "┃" in wide.stdout or "│" in wide.stdout
    assert "[-" not in wide.stdout and "{+" not in wide.stdout  # colours mark the words
    assert "Daesh" in wide.stdout and "\x1b[" in wide.stdout
    unified = run(
        "diff", "--unified", IRAQ_RFE.id[:6], IRAQ_ARAB.id[:6], "data/", env={"COLUMNS": "160"}
    )
    assert "{+Daesh+}" in unified.stdout and "│" not in unified.stdout
    narrow = run("diff", IRAQ_RFE.id[:6], IRAQ_ARAB.id[:6], "data/", env={"COLUMNS": "80"})
    assert "{+Daesh+}" in narrow.stdout


def test_diff_markup_in_articles_stays_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    base = (ROOT / RFE).read_text(encoding="utf-8")
    nasty = base.replace("he said.", "he said [bold red]loudly[/] \x1b[2J.", 1)
    (tmp_path / "a.txt").write_text(base, encoding="utf-8")
    (tmp_path / "b.txt").write_text(nasty, encoding="utf-8")
    monkeypatch.setattr(output, "stdout_is_terminal", lambda: True)
    r = run("diff", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), env={"COLUMNS": "160"})
    assert r.exit_code == 0
    assert "[bold" in r.stdout and "red]loudly[/]" in r.stdout  # (the cell wraps there)
    assert "\x1b[2J" not in r.stdout and "\ufffd[2J" in r.stdout
