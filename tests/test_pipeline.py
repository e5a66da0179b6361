"""The pipeline: parsing on several processes (`strip -j`) gives the same output, in the same order."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from newskit import pipeline
from newskit.cli import cli
from newskit.errors import InputError
from newskit.pipeline import map_sources
from newskit.reader import expand_inputs
from newskit.strip import StripOptions, document_texts

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"

STORY = (
    "Harbour council vote number {n} ends long debate\n\n"
    "The city council voted on Tuesday to approve a new plan for the harbour, ending a debate "
    "that has lasted for more than two years among residents and traders. Vote {n}.\n\n"
    "Officials said the work would start next spring and take about three years to finish, "
    "with most of the cost paid by the regional government.\n\nShare\n"
)


@pytest.fixture
def inputs(tmp_path: Path) -> list[str]:
    """data/, then a folder of small dumps with bad ones among them, then data/ again."""
    folder = tmp_path / "dumps"
    folder.mkdir()
    for n in range(12):
        (folder / f"{n:02d}.txt").write_text(STORY.format(n=n), encoding="utf-8")
    (folder / "03b-empty.txt").write_bytes(b"")
    (folder / "05b-binary.txt").write_bytes(b"abc\x00def")
    (folder / "07b-cp1252.txt").write_bytes(STORY.format(n="caf\xe9").encode("cp1252"))
    return [str(DATA), str(folder), str(tmp_path / "missing.txt"), str(DATA)]


def sources(args: list[str]) -> list[str]:
    return list(expand_inputs(args))


def strip(*args: str, input: str | None = None) -> Result:
    return CliRunner().invoke(cli, ["-v", "strip", *args], input=input, catch_exceptions=False)


def test_library_results_in_input_order(inputs: list[str]) -> None:
    fn = partial(document_texts, options=StripOptions())
    errors: dict[int, list[str]] = {1: [], 2: []}
    decoded: dict[int, list[tuple[str, str]]] = {1: [], 2: []}
    results = {
        jobs: list(
            map_sources(
                fn,
                sources(inputs),
                jobs=jobs,
                on_error=lambda exc, j=jobs: errors[j].append(str(exc)),
                on_decoded=lambda s, e, j=jobs: decoded[j].append((s, e)),
            )
        )
        for jobs in (1, 2)
    }
    assert results[2] == results[1]
    assert len(results[1]) == 2 + 13 + 2  # 15 files in the folder, two of them bad
    assert errors[2] == errors[1] and len(errors[1]) == 3
    assert decoded[2] == decoded[1]
    assert "cp1252" in {e for _, e in decoded[1]}


def test_library_raises_without_on_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        list(map_sources(document_texts, sources([str(DATA), str(tmp_path / "nope.txt")]), jobs=2))


@pytest.mark.parametrize("mode", [[], ["--jsonl"], ["--no-title", "--summary"]])
def test_cli_jobs_2_same_as_jobs_1(inputs: list[str], mode: list[str]) -> None:
    one = strip(*mode, "-j", "1", *inputs)
    two = strip(*mode, "-j", "2", *inputs)
    assert one.exit_code == two.exit_code == 1  # the bad inputs
    assert two.stdout == one.stdout and one.stdout
    assert two.stderr == one.stderr
    assert "binary file" in one.stderr and "missing.txt: no such file" in one.stderr


def test_cli_jobs_with_stdin_in_the_middle(inputs: list[str]) -> None:
    text = (DATA / "000_120db16d2a8201b2.txt").read_text(encoding="utf-8")
    args = [inputs[1], "-", str(DATA)]
    one = strip("-j", "1", *args, input=text)
    two = strip("-j", "0", *args, input=text)
    assert two.stdout == one.stdout and two.stderr == one.stderr
    title = "U.S. Says It 'Can't Tolerate' Attacks By Iranian-Backed Militias In Iraq\n"
    assert one.stdout.count(title) == 2  # from stdin, then from data/
    assert one.stdout.index("Harbour council vote number 11") < one.stdout.index(title)


def test_cli_jobs_out_dir(inputs: list[str], tmp_path: Path) -> None:
    results = {}
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}"
        r = strip("--out", str(out), "-j", jobs, *inputs)
        files = {p.name: p.read_text(encoding="utf-8") for p in out.iterdir()}
        results[jobs] = (
            r.exit_code,
            r.stdout.replace(str(out), "OUT"),
            r.stderr.replace(str(out), "OUT"),
            files,
        )
    assert results["2"] == results["1"]


def test_cli_jobs_rejects_negative() -> None:
    r = CliRunner().invoke(cli, ["strip", "-j", "-1", str(DATA)])
    assert r.exit_code == 2 and "-1" in r.stderr and not r.stdout


def test_small_chunks_keep_order(inputs: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Many tasks in flight at once (chunks of one file) still come back in order."""
    monkeypatch.setattr(pipeline, "CHUNK", 1)
    monkeypatch.setattr(pipeline, "IN_FLIGHT", 1)
    one = list(map_sources(document_texts, sources(inputs), jobs=1, on_error=lambda e: None))
    two = list(map_sources(document_texts, sources(inputs), jobs=2, on_error=lambda e: None))
    assert two == one


def test_auto_jobs_uses_every_cpu_only_for_many_files(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "cpu_count", lambda: 4)
    assert pipeline.auto_jobs(1) == 1
    assert pipeline.auto_jobs(pipeline.AUTO_FILES - 1) == 1
    assert pipeline.auto_jobs(pipeline.AUTO_FILES) == 4


def test_cli_default_jobs_is_automatic_and_gives_the_same_output(
    inputs: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    chosen: list[int] = []
    real = pipeline.map_sources

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        chosen.append(kwargs["jobs"])
        return real(*args, **kwargs)

    monkeypatch.setattr("newskit.cli.map_sources", spy)
    monkeypatch.setattr("newskit.cli.auto_jobs", lambda files: 2 if files >= 16 else 1)
    default = strip(*inputs)  # data/ twice and a folder of 15: 19 inputs
    assert chosen == [2]
    assert default.stdout == strip("-j", "1", *inputs).stdout
    strip(str(DATA))
    assert chosen[-1] == 1


def run(*args: str, input: str | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


@pytest.mark.parametrize("fmt", [[], ["--jsonl"]])
def test_list_jobs_2_same_as_jobs_1(inputs: list[str], fmt: list[str]) -> None:
    one = run("list", *fmt, "-j", "1", *inputs)
    two = run("list", *fmt, "-j", "2", *inputs)
    assert one.exit_code == two.exit_code == 1  # the bad inputs
    assert two.stdout == one.stdout and len(one.stdout.splitlines()) >= 12
    assert two.stderr == one.stderr


def _ids(inputs: list[str]) -> list[str]:
    return [line.split("\t")[0] for line in run("list", "-j", "1", *inputs).stdout.splitlines()]


@pytest.mark.parametrize("mode", [[], ["--json"], ["--explain"], ["--raw"]])
def test_show_jobs_2_same_as_jobs_1(inputs: list[str], mode: list[str]) -> None:
    some_id = _ids(inputs)[5]
    one = run("show", some_id[:8], *mode, "-j", "1", *inputs)
    two = run("show", some_id[:8], *mode, "-j", "2", *inputs)
    assert one.stdout == two.stdout and one.stdout
    assert one.stderr == two.stderr
    assert one.exit_code == two.exit_code == 1  # the bad inputs are still reported


def test_show_names_the_copies_of_an_article_read_on_several_processes(inputs: list[str]) -> None:
    first = _ids(inputs)[0]  # an article of data/, which the inputs name twice
    r = run("show", first, "-j", "2", *inputs)
    assert r.stdout.startswith(parse_text_title(first, inputs))
    assert "is also in" in r.stderr


def parse_text_title(article_id: str, inputs: list[str]) -> str:
    for line in run("list", "-j", "1", *inputs).stdout.splitlines():
        fields = line.split("\t")
        if fields[0] == article_id:
            return fields[3]
    raise AssertionError(article_id)


def test_show_from_stdin_among_the_inputs(inputs: list[str]) -> None:
    text = (DATA / "003_c01d65e13833c80f.txt").read_text(encoding="utf-8")
    wanted = run("list", str(DATA / "003_c01d65e13833c80f.txt")).stdout.splitlines()[1].split("\t")[0]
    r = run("show", wanted, "-", str(DATA), input=text)
    assert r.exit_code == 0
    assert "<stdin>" in r.stdout or "<stdin>" in r.stderr  # the first copy is the one read from stdin


def test_show_reports_a_file_that_changed_while_it_was_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "dumps"
    folder.mkdir()
    for n in range(3):
        (folder / f"{n}.txt").write_text(STORY.format(n=n), encoding="utf-8")
    wanted = run("list", str(folder)).stdout.splitlines()[0].split("\t")[0]
    real = pipeline.map_sources

    def then_change(*args, **kwargs):  # type: ignore[no-untyped-def]
        yield from real(*args, **kwargs)
        (folder / "0.txt").write_text(STORY.format(n=99), encoding="utf-8")

    monkeypatch.setattr("newskit.cli.map_sources", then_change)
    r = run("show", wanted, str(folder))
    assert r.exit_code == 1
    assert "0.txt: changed while newskit was reading it" in r.stderr


def test_diff_jobs_2_same_as_jobs_1(inputs: list[str]) -> None:
    ids = _ids(inputs)
    one = run("diff", ids[2][:8], ids[3][:8], "--unified", "-j", "1", *inputs)
    two = run("diff", ids[2][:8], ids[3][:8], "--unified", "-j", "2", *inputs)
    assert one.stdout == two.stdout and one.stdout.startswith("---")
    assert one.exit_code == two.exit_code


def test_where_worker_processes_cannot_start_one_process_does_the_work(
    inputs: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_pool(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise OSError(38, "Function not implemented")

    monkeypatch.setattr(pipeline.multiprocessing, "Pool", no_pool)
    two = strip("-j", "2", *inputs)
    assert two.stdout == strip("-j", "1", *inputs).stdout and two.stdout
    assert two.exit_code == 1  # the bad inputs, reported as ever


def test_on_read_hears_each_input_and_its_articles_in_order(inputs: list[str]) -> None:
    heard: dict[int, list[tuple[str, int]]] = {1: [], 2: []}
    for jobs in (1, 2):
        texts = list(
            map_sources(
                document_texts,
                sources(inputs),
                jobs=jobs,
                on_error=lambda exc: None,
                on_read=lambda s, n, j=jobs: heard[j].append((s, n)),
            )
        )
        assert [n for _, n in heard[jobs]] == [len(t) for t in texts]
    assert heard[2] == heard[1] and len(heard[1]) == 2 + 13 + 2


def test_sources_are_read_as_given_not_expanded_again(tmp_path: Path) -> None:
    errors: list[str] = []
    assert list(map_sources(document_texts, [str(DATA)], on_error=lambda e: errors.append(str(e)))) == []
    assert errors == [f"{DATA}: is a directory"]


def test_iter_articles_expands_folders_and_reads_in_order() -> None:
    ids = [a.id for a in pipeline.iter_articles([str(DATA)])]
    assert ids == [a.id for doc in map(pipeline.parse_file, sources([str(DATA)])) for a in doc.articles]
    assert len(ids) == 3


def test_fork_map_shares_memory_and_keeps_order() -> None:
    table = {n: n * n for n in range(100)}
    assert pipeline.fork_map(lambda t, chunk: [t[n] for n in chunk], table, [[3, 4], [9], [0, 1]]) == [
        [9, 16],
        [81],
        [0, 1],
    ]


def test_fork_map_runs_here_where_processes_cannot_start(monkeypatch: pytest.MonkeyPatch) -> None:
    class NoPool:
        def Pool(self, *args, **kwargs):  # type: ignore[no-untyped-def]
            raise OSError(38, "Function not implemented")

    monkeypatch.setattr(pipeline.multiprocessing, "get_context", lambda method: NoPool())
    assert pipeline.fork_map(lambda shared, chunk: shared + chunk, 10, [1, 2, 3]) == [11, 12, 13]
