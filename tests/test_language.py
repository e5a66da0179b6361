"""The article's language (newskit.language): ISO 639-1 codes from py3langid, told lazily."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newskit.cli import cli
from newskit.language import detect, detect_parts
from newskit.model import Article
from newskit.parse import parse_text

TEXTS = [
    ("en", "The council voted on Tuesday to close the old bridge to traffic for the whole of next year."),
    ("de", "Der Rat hat am Dienstag beschlossen, die alte Brücke für ein ganzes Jahr zu sperren."),
    ("fr", "Le conseil a voté mardi la fermeture du vieux pont à la circulation pendant un an."),
    ("es", "El consejo votó el martes cerrar el viejo puente al tráfico durante todo el año."),
    ("pt", "O conselho votou na terça-feira para fechar a ponte velha ao trânsito durante um ano."),
    ("ru", "Совет проголосовал во вторник за закрытие старого моста для движения на весь год."),
    ("ja", "議会は火曜日、古い橋を一年間通行止めにすることを決めた。"),
    ("zh", "市议会周二投票决定关闭这座旧桥一年。"),
]


@pytest.mark.parametrize(("code", "text"), TEXTS)
def test_detect_tells_the_language(code: str, text: str) -> None:
    assert detect(text) == code


@pytest.mark.parametrize("text", ["", "Share this", "12 345 678 — 2019", "OK"])
def test_too_short_a_text_has_no_language(text: str) -> None:
    assert detect(text) is None


def test_the_article_language_is_told_from_title_and_body_on_first_use() -> None:
    a = Article(source="x", start=1, end=3, title="Brücke gesperrt", body=[TEXTS[1][1]])
    assert a._language_told is False  # parsing does not pay for it
    assert a.language == "de"
    assert a._language_told is True
    assert a.to_dict()["language"] == "de"
    assert Article(source="x", start=1, end=1).language is None


def test_a_parsed_article_has_its_language() -> None:
    body = "\n".join(t for c, t in TEXTS if c == "pt") + "\n" + (
        "A prefeitura disse que os motoristas devem usar o anel viário, que pode receber os carros a mais.\n"
    )
    art = parse_text("Ponte fechada por um ano\n" + body).articles[0]
    assert art.language == "pt"


def test_show_prints_the_language(tmp_path: Path) -> None:
    runner = CliRunner()
    dump = tmp_path / "a.txt"
    body = [TEXTS[0][1], TEXTS[0][1].replace("Tuesday", "Monday")]
    dump.write_text("\n".join(["Bridge to close for a year", *body]) + "\n", encoding="utf-8")
    listed = runner.invoke(cli, ["list", str(dump), "--jsonl"])
    ident = json.loads(listed.stdout.splitlines()[0])["id"]
    shown = runner.invoke(cli, ["show", ident, str(dump)])
    assert shown.exit_code == 0, shown.output
    assert "language:  en" in shown.stdout
    as_json = runner.invoke(cli, ["show", ident, str(dump), "--json"])
    assert json.loads(as_json.stdout)["language"] == "en"


@pytest.mark.parametrize(
    "parts",
    [
        ["Ein Titel", "Die Regierung hat am Montag neue Maßnahmen beschlossen. " * 30, "Tail in English, added."],
        ["", "x" * 700, "Der Rest ist deutsch und lang genug, um gelesen zu werden."],
        ["短い", "北京时间2023年09月14日，国务院召开常务会议，研究部署进一步优化营商环境。" * 20],
        ["Title only"],
        [],
    ],
)
def test_the_language_of_parts_is_that_of_their_joined_text(parts: list[str]) -> None:
    # (only the parts the sample reads are joined: the answer is the whole join's)
    assert detect_parts(parts) == detect("\n".join(parts))
