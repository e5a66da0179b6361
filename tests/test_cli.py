"""The command line through click's CliRunner: stdout, stderr and exit status apart."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

import newskit
from newskit import output, parse_file, parse_text
from newskit.cli import ExitCode, cli
from newskit.render import LIST_COLUMNS
from newskit.strip import clean_text, file_name

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"

RFE = "data/000_120db16d2a8201b2.txt"
ARAB = "data/003_c01d65e13833c80f.txt"


@pytest.fixture(autouse=True)
def _in_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def run(*args: str, input: str | bytes | None = None, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), input=input, env=env, catch_exceptions=False)


def articles() -> list[newskit.Article]:
    return [a for name in (RFE, ARAB) for a in parse_file(name).articles]


def story(n: int, extra: str = "") -> str:
    """A small one-article dump; ``n`` makes its content (and so its id) different."""
    return (
        f"Harbour council vote number {n} ends long debate\n\n"
        "The city council voted on Tuesday to approve a new plan for the harbour, ending a debate "
        f"that has lasted for more than two years among residents and traders. Vote {n}.\n\n"
        "Officials said the work would start next spring and take about three years to finish, "
        "with most of the cost paid by the regional government.\n"
        + (f"\n{extra}\n" if extra else "")
    )


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the commands believe stdout is a terminal."""
    monkeypatch.setattr(output, "stdout_is_terminal", lambda: True)


# --- list ------------------------------------------------------------------------------


def test_list_tab_separated_when_piped() -> None:
    r = run("list", "data/")
    assert r.exit_code == 0
    assert r.stderr == ""
    lines = r.stdout.splitlines()
    expected = articles()
    assert len(lines) == len(expected) == 3
    for line, a in zip(lines, expected, strict=True):
        fields = line.split("\t")
        assert fields == [a.id, a.date or "", a.outlet or "", a.title, str(a.word_count),
                          f"{a.source}:{a.start}-{a.end}"]
    assert "\x1b" not in r.stdout


def test_list_order_is_input_order() -> None:
    forward = run("list", RFE, ARAB).stdout.splitlines()
    backward = run("list", ARAB, RFE).stdout.splitlines()
    assert backward == forward[1:] + forward[:1]
    assert run("list", "data/").stdout.splitlines() == forward


def test_list_json() -> None:
    r = run("list", "data/", "--json")
    assert r.exit_code == 0
    rows = json.loads(r.stdout)
    assert [list(row) for row in rows] == [list(LIST_COLUMNS)] * 3
    assert [row["id"] for row in rows] == [a.id for a in articles()]
    assert rows[0]["words"] == articles()[0].word_count
    assert rows[1]["source"] == f"{ARAB}:1-{articles()[1].end}"


def test_list_jsonl() -> None:
    r = run("list", "data/", "--jsonl")
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert [row["title"] for row in rows] == [a.title for a in articles()]
    assert all(list(row) == list(LIST_COLUMNS) for row in rows)


def test_list_csv() -> None:
    r = run("list", "data/", "--csv")
    rows = list(csv.reader(io.StringIO(r.stdout)))
    assert rows[0] == list(LIST_COLUMNS)
    assert [row[0] for row in rows[1:]] == [a.id for a in articles()]


def test_format_flags_exclude_each_other() -> None:
    r = run("list", "data/", "--json", "--csv")
    assert r.exit_code == ExitCode.USAGE == 2
    assert r.stdout == ""
    assert "--json and --csv cannot be used together" in r.stderr


def test_list_table_on_a_terminal(terminal: None) -> None:
    r = run("list", "data/", env={"COLUMNS": "250"})
    assert r.exit_code == 0
    for a in articles():
        assert a.id in r.stdout
        assert a.title in r.stdout
    assert "\t" not in r.stdout
    header = next(line for line in r.stdout.splitlines() if line.strip())
    assert re.sub(r"\x1b\[[0-9;]*m", "", header).split() == list(LIST_COLUMNS)


def test_no_color_means_no_colour_codes(terminal: None) -> None:
    colour = run("list", "data/", env={"COLUMNS": "250", "FORCE_COLOR": "1"})
    plain = run("list", "data/", env={"COLUMNS": "250", "NO_COLOR": "1"})
    assert plain.exit_code == 0
    assert "\x1b[3" not in plain.stdout and "\x1b[9" not in plain.stdout
    assert articles()[0].title in plain.stdout
    assert colour.stdout.count("\n") == plain.stdout.count("\n")


def test_glob_and_folders(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    shutil.copy(DATA / RFE.split("/")[1], tmp_path / "sub" / "page.dump")
    assert run("list", str(tmp_path), "--glob", "*.dump").stdout.count("\n") == 1
    r = run("list", str(tmp_path))
    assert r.exit_code == ExitCode.INPUT_ERROR
    assert r.stdout == ""
    assert r.stderr == f"newskit: {tmp_path}: no files matching '*.txt'\n"


# --- bad input -------------------------------------------------------------------------


def test_bad_inputs_are_reported_and_the_run_goes_on(tmp_path: Path) -> None:
    shutil.copy(DATA / RFE.split("/")[1], tmp_path / "b_good.txt")
    (tmp_path / "a_binary.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "c_empty.txt").write_bytes(b"")
    missing = tmp_path / "missing.txt"
    r = run("list", str(tmp_path), str(missing))
    assert r.exit_code == ExitCode.INPUT_ERROR == 1
    assert r.stdout.count("\n") == 1 and r.stdout.startswith(articles()[0].id)
    assert r.stderr.splitlines() == [
        f"newskit: {tmp_path / 'a_binary.txt'}: binary file (contains NUL bytes)",
        f"newskit: {tmp_path / 'c_empty.txt'}: empty file",
        f"newskit: {missing}: no such file",
    ]
    assert "Traceback" not in r.output


def test_verbose_says_the_fallback_decoding(tmp_path: Path) -> None:
    p = tmp_path / "old.txt"
    extra = "Caf\u00e9 prices rose \u201csharply\u201d this year, traders said on Monday."
    p.write_bytes(story(1, extra).encode("cp1252"))
    quiet = run("list", str(p))
    assert quiet.stderr == ""
    loud = run("-v", "list", str(p))
    assert f"newskit: {p}: decoded as cp1252\n" in loud.stderr
    assert loud.stdout == quiet.stdout
    assert "Harbour council vote number 1" in loud.stdout


def test_utf16_and_crlf_input(tmp_path: Path) -> None:
    p = tmp_path / "wide.txt"
    p.write_bytes(b"\xff\xfe" + story(2).replace("\n", "\r\n").encode("utf-16-le"))
    r = run("strip", str(p))
    assert r.exit_code == 0
    assert r.stdout == clean_text(parse_text(story(2), str(p)).articles[0])
    assert "\r" not in r.stdout


def test_stdin() -> None:
    r = run("strip", "-", input=story(3))
    assert r.exit_code == 0
    assert r.stdout.startswith("Harbour council vote number 3 ends long debate\n\nThe city council")


def test_bad_rules_file(tmp_path: Path) -> None:
    bad = tmp_path / "rules.toml"
    bad.write_text("[[rule]\nname = 1\n")
    r = run("--rules", str(bad), "list", "data/", "--json")
    assert r.exit_code == 1
    assert r.stdout == ""
    assert r.stderr.startswith(f"newskit: {bad}: not valid TOML")
    r = run("--rules", str(tmp_path / "none.toml"), "list", "data/")
    assert r.exit_code == 1
    assert "rules file not found" in r.stderr


def test_user_rules_file_removes_lines(tmp_path: Path) -> None:
    sentence = "Hamas has exercised total control over public life in Gaza since 2007."
    rules = tmp_path / "rules.toml"
    rules.write_text(
        '[[rule]]\nname = "my-rule"\npatterns = ["hamas has exercised total control.*"]\n'
        "max_words = 20\n"
    )
    assert sentence in run("strip", ARAB).stdout
    r = run("--rules", str(rules), "strip", ARAB)
    assert r.exit_code == 0
    assert sentence not in r.stdout
    assert "Egypt, a mediator in indirect ceasefire talks" in r.stdout


# --- show ------------------------------------------------------------------------------


def test_show_by_unique_prefix() -> None:
    a = articles()[1]
    r = run("show", a.id[:4], "data/")
    assert r.exit_code == 0
    assert r.stderr == ""
    lines = r.stdout.splitlines()
    assert lines[0] == a.title
    assert f"id:        {a.id}" in lines
    assert f"dateline:  {a.dateline}" in lines
    assert f"source:    {ARAB}:{a.start}-{a.end}" in lines
    assert a.body[0] in lines and a.body[-1] in lines
    assert all(f"• {s}" in lines for s in a.summary)
    assert "Short Url" not in lines and "Follow" not in lines


def test_show_full_id_and_uppercase() -> None:
    a = articles()[0]
    assert run("show", a.id.upper(), RFE).stdout.splitlines()[0] == a.title


def test_show_unknown_id_lists_candidates() -> None:
    ids = [a.id for a in articles()]
    unknown = next(p for p in ("0000", "ffff", "abcd") if not any(i.startswith(p) for i in ids))
    r = run("show", unknown, "data/")
    assert r.exit_code == 1
    assert r.stdout == ""
    assert r.stderr.startswith(f"newskit: no article with id '{unknown}' among 3 articles")
    for a in articles():
        assert f"  {a.id}  {a.title}  {a.source}:{a.start}-{a.end}" in r.stderr.splitlines()


def test_show_not_an_id() -> None:
    r = run("show", "not-an-id", "data/")
    assert r.exit_code == 1
    assert "is not an article id" in r.stderr


def test_show_ambiguous_id_lists_candidates(tmp_path: Path) -> None:
    # 17 different articles: two ids must share their first hex digit.
    by_first: dict[str, list[str]] = {}
    for n in range(17):
        p = tmp_path / f"story{n:02}.txt"
        p.write_text(story(n))
        (a,) = parse_file(p).articles
        by_first.setdefault(a.id[0], []).append(a.id)
    prefix, ids = next((k, v) for k, v in sorted(by_first.items()) if len(v) > 1)
    r = run("show", prefix, str(tmp_path))
    assert r.exit_code == 1
    assert r.stdout == ""
    assert r.stderr.startswith(f"newskit: id '{prefix}' is ambiguous: {len(ids)} articles match")
    listed = [line.split()[0] for line in r.stderr.splitlines()[1:]]
    assert listed == ids


def test_show_exact_copies(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt", "c.txt"):
        shutil.copy(DATA / RFE.split("/")[1], tmp_path / name)
    a = articles()[0]
    r = run("show", a.id[:6], str(tmp_path))
    assert r.exit_code == 0
    assert f"source:    {tmp_path / 'a.txt'}:{a.start}-{a.end}" in r.stdout.splitlines()
    assert r.stderr == (
        f"newskit: the same article (id {a.id}) is also in: "
        f"{tmp_path / 'b.txt'}:{a.start}-{a.end}, {tmp_path / 'c.txt'}:{a.start}-{a.end}\n"
    )
    assert run("-q", "show", a.id[:6], str(tmp_path)).stderr == ""


def test_show_raw_prints_the_original_lines() -> None:
    a = articles()[2]
    r = run("show", a.id, "data/", "--raw")
    assert r.exit_code == 0
    original = (ROOT / ARAB).read_text(encoding="utf-8").splitlines()
    assert r.stdout == "\n".join(original[a.start - 1 : a.end]) + "\n"


def test_show_explain_names_the_rules() -> None:
    a = articles()[1]
    r = run("show", a.id, "data/", "--explain")
    assert r.exit_code == 0
    removed, _, title = r.stdout.partition("\n\nTitle")
    # its title is the header the infinite-scroll page repeats: no candidates were scored
    assert title == ": the headline the dump repeats over the article (no candidates scored)\n"
    rows = [line.split("\t") for line in removed.splitlines()]
    assert rows == [[str(x.no), x.rule, x.text] for x in a.removed]
    by_text = {text.strip(): rule for _, rule, text in rows}
    assert by_text["Short Url"] == "short-url"
    assert by_text["Follow"] == "follow"
    assert all(rule for _, rule, _ in rows)


BREADCRUMB_PAGE = (
    "Home\nNews\nSport\nWeather\n\nSwimming & Diving\nHome\nSwimming\nArticle\n\nCity Swim Finals Results\n\n"
    "Jane Doe 100 butterfly\n\nSam Lee East Diving\n\nAnn Wu Central\nPosted: Fri 6:45 PM, Feb 16, 2018\n\n"
    "Jane Doe won the 100 butterfly on Friday, and Sam Lee took first in diving for East.\n\n"
    "Ann Wu of Central added a third state title to her collection in the 200 medley.\n\n"
    "Coaches said the new pool at the university made for some of the fastest times in years.\n"
)


@pytest.mark.parametrize("from_stdin", [False, True])
def test_show_explain_lists_the_title_candidates_best_first(tmp_path: Path, from_stdin: bool) -> None:
    page = tmp_path / "page.txt"
    page.write_text(BREADCRUMB_PAGE, encoding="utf-8")
    (a,) = parse_file(page).articles
    args = ("-",) if from_stdin else (str(page),)
    r = run("show", a.id, *args, "--explain", input=BREADCRUMB_PAGE if from_stdin else None)
    assert r.exit_code == 0, r.output
    head, _, rest = r.stdout.partition("\n\nTitle candidates, best first (line, score, title, text, terms):\n")
    assert [line.split("\t") for line in head.splitlines()] == [[str(x.no), x.rule, x.text] for x in a.removed]
    rows = [line.split("\t") for line in rest.splitlines()]
    assert len(rows) >= 3 and all(len(row) == 5 for row in rows)
    scores = [float(row[1]) for row in rows]
    assert scores == sorted(scores, reverse=True)
    assert [row[2] for row in rows] == ["yes"] + [""] * (len(rows) - 1)
    assert rows[0][3] == a.title == "City Swim Finals Results"
    assert int(rows[0][0]) == next(x.no for x in a.lines if x.kind == "title")
    assert "breadcrumb +1.50" in rows[0][4] and "breadcrumb" not in rows[1][4]  # non-zero terms, named
    lib = parse_file(page, explain=True).articles[0].title_candidates
    assert lib is not None
    assert [row[3] for row in rows] == [c.text for c in sorted(lib, key=lambda c: (-c.total, c.no))]


def test_show_json() -> None:
    a = articles()[1]
    r = run("show", a.id, "data/", "--json")
    data = json.loads(r.stdout)
    assert data == json.loads(json.dumps(a.to_dict(lines=True)))
    assert {"line", "text", "rule"} <= set(data["removed"][0])


def test_show_modes_exclude_each_other() -> None:
    r = run("show", "e0", "data/", "--raw", "--explain")
    assert r.exit_code == 2
    assert "--raw and --explain cannot be used together" in r.stderr


# --- strip -----------------------------------------------------------------------------


def test_strip_separator_and_shape() -> None:
    r = run("strip", "data/")
    assert r.exit_code == 0
    assert r.stderr == ""
    parts = r.stdout.split("\n\f\n")
    assert len(parts) == 3
    for part, a in zip(parts, articles(), strict=True):
        assert part.rstrip("\n") + "\n" == clean_text(a)
        assert part.startswith(a.title + "\n\n" + a.body[0] + "\n\n")
    for line in ("Short Url", "Follow", "Accessibility links", "Breaking News", "• 16x9 Image"):
        assert line not in r.stdout.splitlines()
    # wc -w counts only the articles' words: the form feed is white space.
    assert len(r.stdout.split()) == sum(len(a.title.split()) + a.word_count for a in articles())


def test_strip_jsonl() -> None:
    r = run("strip", "data/", "--jsonl")
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert [row["id"] for row in rows] == [a.id for a in articles()]
    assert rows[0]["text"] == clean_text(articles()[0])
    assert rows[1]["body"] == articles()[1].body


def test_strip_out_writes_complete_files(tmp_path: Path) -> None:
    out = tmp_path / "clean"
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in DATA.iterdir()}
    r = run("strip", "data/", "--out", str(out))
    assert r.exit_code == 0
    assert r.stderr == ""
    expected = [out / file_name(a) for a in articles()]
    assert r.stdout.splitlines() == [str(p) for p in expected]
    assert sorted(out.iterdir()) == sorted(expected)  # nothing else, no temporary files
    for p, a in zip(expected, articles(), strict=True):
        assert p.read_text(encoding="utf-8") == clean_text(a)
    assert {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in DATA.iterdir()} == before
    # A second run replaces its own files with the same content.
    assert run("strip", "data/", "--out", str(out)).stdout == r.stdout


def test_strip_out_never_overwrites_an_input(tmp_path: Path) -> None:
    text = story(5)
    (a,) = parse_text(text, "x").articles
    victim = tmp_path / file_name(a)  # an input with the very name its output would get
    victim.write_text(text)
    other = tmp_path / "other.txt"
    other.write_text(story(6))
    r = run("strip", str(tmp_path), "--out", str(tmp_path))
    assert r.exit_code == 1
    assert victim.read_text() == text
    assert r.stderr == f"newskit: {victim}: is an input file; not overwritten\n"
    (b,) = parse_text(story(6), "x").articles
    assert r.stdout == f"{tmp_path / file_name(b)}\n"


def test_strip_out_exact_copies_written_once(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(story(7))
    out = tmp_path / "out"
    r = run("strip", str(tmp_path), "--out", str(out))
    assert r.exit_code == 0
    assert len(list(out.iterdir())) == 1
    assert "same article as" in r.stderr and "not written again" in r.stderr


def test_strip_out_and_jsonl_exclude_each_other(tmp_path: Path) -> None:
    r = run("strip", "data/", "--jsonl", "--out", str(tmp_path))
    assert r.exit_code == 2


# --- untrusted text --------------------------------------------------------------------

MARKUP = "[bold red]x[/] and [link=http://example.com]click[/link]"
ESCAPE = "\x1b[31mred\x1b[0m\x07"
NASTY = f"Officials {MARKUP} and {ESCAPE} were quoted in this sentence, long enough to be body."


@pytest.fixture
def nasty(tmp_path: Path) -> Path:
    p = tmp_path / "nasty.txt"
    p.write_text(story(8, NASTY))
    return p


def test_markup_printed_as_written_when_piped(nasty: Path) -> None:
    assert MARKUP in run("strip", str(nasty)).stdout
    (a,) = parse_file(nasty).articles
    assert MARKUP in run("show", a.id, str(nasty)).stdout


def test_markup_printed_as_written_on_a_terminal(nasty: Path, terminal: None) -> None:
    (a,) = parse_file(nasty).articles
    r = run("show", a.id, str(nasty), env={"COLUMNS": "300"})
    assert r.exit_code == 0
    assert MARKUP in r.stdout


def test_escape_sequences_neutralised_on_a_terminal(nasty: Path, terminal: None) -> None:
    (a,) = parse_file(nasty).articles
    for args in (["show", a.id], ["show", a.id, "--raw"], ["strip"], ["list"]):
        r = run(*args, str(nasty), env={"COLUMNS": "300"})
        assert r.exit_code == 0
        assert "\x1b[31m" not in r.stdout and "\x07" not in r.stdout, args
    assert "\ufffd[31mred\ufffd[0m\ufffd" in run("strip", str(nasty)).stdout


def test_plain_text_to_a_pipe_is_exact(nasty: Path) -> None:
    assert ESCAPE in run("strip", str(nasty)).stdout


def test_tsv_rows_are_always_neutralised(tmp_path: Path) -> None:
    p = tmp_path / "t.txt"
    p.write_text(story(9).replace("Harbour council", "Harbour \x1b[2J council", 1))
    r = run("list", str(p))
    assert "\x1b" not in r.stdout
    assert "Harbour \ufffd[2J council" in r.stdout


# --- help, version, pipes ----------------------------------------------------------------


def commands() -> Iterator[tuple[str, click.Command]]:
    assert isinstance(cli, click.Group)
    yield from sorted(cli.commands.items())


def test_every_command_has_help_and_an_example() -> None:
    names = [name for name, _ in commands()]
    assert {"list", "show", "strip", "dedupe", "diff"} <= set(names)
    for name, command in [("", cli), *commands()]:
        assert command.help and command.help.strip().splitlines()[0], name
        assert "Examples:" in command.help and "\b" in command.help, name
        args = [name, "-h"] if name else ["-h"]
        r = run(*args)
        assert r.exit_code == 0, name
        assert "Examples:" in r.stdout
        assert f"newskit {name}".strip() in r.stdout
        assert command.get_short_help_str(), name
    assert run("--help").stdout == run("-h").stdout


def test_usage_error_exit_code() -> None:
    r = run("show")
    assert r.exit_code == ExitCode.USAGE
    assert "Missing argument 'ID'" in r.stderr


def test_python_m_newskit_version() -> None:
    r = subprocess.run(
        [sys.executable, "-m", "newskit", "--version"], capture_output=True, text=True, timeout=60
    )
    assert r.returncode == 0
    assert r.stdout == f"newskit {newskit.__version__}\n"
    assert r.stderr == ""


@pytest.mark.parametrize(("args", "status"), [
    (["list", "/nonexistent/dump.txt"], ExitCode.INPUT_ERROR),  # an input that cannot be read
    (["list", "data/", "/nonexistent/dump.txt"], ExitCode.INPUT_ERROR),  # ... beside good ones
    (["show", "0000000000", "data/"], ExitCode.INPUT_ERROR),  # an id that matches nothing
    (["list", "--json", "--csv", "data/"], ExitCode.USAGE),
    (["-q", "dedupe", "--check", "data/"], ExitCode.DUPLICATES_FOUND),  # the samples hold copies
])
def test_the_console_script_exits_with_the_commands_status(args: list[str], status: int) -> None:
    """The status a command ends with is the process's, as CliRunner sees it."""
    assert run(*args).exit_code == status
    done = subprocess.run([sys.executable, "-m", "newskit", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == status, done.stderr


def test_head_ends_quietly() -> None:
    """`newskit list data/ | head -1`, with enough output to fill the pipe."""
    args = [RFE, ARAB] * 300
    env = {**os.environ, "PYTHONUNBUFFERED": "0"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "newskit", "list", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        cwd=ROOT,
    )
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()  # what `head -1` does after its line
    err = proc.stderr.read()
    proc.wait(timeout=120)
    assert first.decode().startswith(articles()[0].id + "\t")
    assert b"Traceback" not in err and b"Error" not in err, err
    assert err == b""


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("command", [["strip", "data/"], ["list", "data/"], ["list", "--json", "data/"]])
def test_a_full_disk_is_one_line_and_status_1(command):
    root = Path(__file__).resolve().parents[1]
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "newskit", *command], cwd=root, stdout=full, stderr=subprocess.PIPE, text=True,
            check=False,
        )
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == ["newskit: cannot write the output: No space left on device"]


# --- folders as a project holds them; Ctrl-C ----------------------------------------------


def test_list_with_no_argument_leaves_out_the_venv_and_the_egg_info(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "a.txt").write_text(story(1))
    for tool in (".venv/lib/python3.11/site-packages/pkg", "newskit.egg-info"):
        (tmp_path / tool).mkdir(parents=True)
        (tmp_path / tool / "top_level.txt").write_text("newskit\n")
        (tmp_path / tool / "SOURCES.txt").write_text(story(2))
    monkeypatch.chdir(tmp_path)
    r = run("list", "--jsonl")
    assert r.exit_code == 0, r.stderr
    assert [json.loads(line)["source"].split(":")[0] for line in r.stdout.splitlines()] == ["data/a.txt"]
    r = run("list", "--jsonl", "--hidden")
    sources = {json.loads(line)["source"].split(":")[0] for line in r.stdout.splitlines()}
    assert "data/a.txt" in sources and ".venv/lib/python3.11/site-packages/pkg/SOURCES.txt" in sources


def test_compressed_dump_lists_as_the_plain_one(tmp_path: Path) -> None:
    import gzip

    (tmp_path / "a.txt").write_text(story(3))
    (tmp_path / "b.txt.gz").write_bytes(gzip.compress(story(3).encode()))
    r = run("list", "--jsonl", str(tmp_path))
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert [Path(row["source"].split(":")[0]).name for row in rows] == ["a.txt", "b.txt.gz"]
    assert rows[0]["title"] == rows[1]["title"] and rows[0]["words"] == rows[1]["words"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs a named pipe")
def test_ctrl_c_ends_with_status_130_and_no_traceback(tmp_path: Path) -> None:
    """A run interrupted while it reads (a named pipe no one writes to) ends with 130."""
    import errno
    import signal
    import time

    fifo = tmp_path / "slow.txt"
    os.mkfifo(fifo)
    proc = subprocess.Popen(
        [sys.executable, "-m", "newskit", "strip", str(fifo)], cwd=ROOT,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    writer = -1
    deadline = time.monotonic() + 60
    while writer < 0 and time.monotonic() < deadline and proc.poll() is None:
        try:  # opens only once newskit has the pipe open for reading
            writer = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        except OSError as exc:
            assert exc.errno == errno.ENXIO
            time.sleep(0.05)
    assert writer >= 0, "newskit never opened the input"
    try:
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)
    finally:
        os.close(writer)
    assert proc.returncode == ExitCode.INTERRUPTED == 130
    assert "Traceback" not in err
    assert err.strip() == "newskit: interrupted"
    assert out == ""
