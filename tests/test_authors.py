"""Authors read out of a byline (issue 11): the names, apart from dates, roles, outlets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newskit import parse_text
from newskit.cli import cli
from newskit.parse.authors import Authors, authors
from newskit.rules import default_rules, load_rules

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        # the examples
        ("By Mike Wall 2019-11-18T20:51:19Z Science & Astronomy", ["Mike Wall"]),
        ("By Meg JamesStaff Writer", ["Meg James"]),
        ("Par Claire Dupont", ["Claire Dupont"]),
        ("بقلم: محمد علي", ["محمد علي"]),
        ("By Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
        ("By Jane Doe, John Roe and Ann Lee", ["Jane Doe", "John Roe", "Ann Lee"]),
        ("By Jane Doe, Staff Writer", ["Jane Doe"]),
        ("By Jane Doe, a senior correspondent who covers energy", ["Jane Doe"]),
        ("By @jdoe", ["@jdoe"]),
        # dates and times after the names
        ("by Jane Doe on November 18, 2019 at 11:08 a.m.", ["Jane Doe"]),
        ("By Ann Lee, Wednesday, 20 November 2019 08:05 GMT", ["Ann Lee"]),
        ("By Al Root Updated Nov. 19, 2019 8:21 am ET", ["Al Root"]),
        ("Von Moritz Bachmann publiziert am 30. Juli 2018", ["Moritz Bachmann"]),
        ("by Jane Doe — 2 hours ago", ["Jane Doe"]),
        # roles, glued or not, and what a bar or a dash sets apart
        ("By Jon HiltonBusiness Columnist", ["Jon Hilton"]),
        ("By Jon Hilton Business Columnist", ["Jon Hilton"]),
        ("By Jane Doe Senior Writer", ["Jane Doe"]),
        ("By Jane Roe - Staff Writer", ["Jane Roe"]),
        ("By Jane Doe | Daily Planet", ["Jane Doe"]),
        ("By Jane Doe // November 6th, 2012", ["Jane Doe"]),
        ("By Jane DoeEmail Author", ["Jane Doe"]),
        # handles, outlets, acronyms and credentials
        ("By Jane Doe@jdoe Nov 18, 2019", ["Jane Doe"]),
        ("By Jane Doe @jdoe", ["Jane Doe"]),
        ("By Jane Doe, CNN Business", ["Jane Doe"]),
        ("By Jane Doe, Reuters", ["Jane Doe"]),
        ("By Jane Doe, The Daily Planet", ["Jane Doe"]),
        ("By Jane Doe Planet News", ["Jane Doe Planet News"]),  # nothing tells them apart
        ("By Jane Doe BBC News", ["Jane Doe"]),
        ("By Rachel Roe, MS, RD", ["Rachel Roe"]),
        ("By NBC's Ann Lee and Jo Park", ["Ann Lee", "Jo Park"]),
        ("By Planet Staff | November 18, 2019", []),
        ("By admin - 2018-09-16", []),
        ("By Reuters", ["Reuters"]),
        # capitals, initials, particles, other scripts, user names
        ("By JANE DOE and JOHN ROE", ["JANE DOE", "JOHN ROE"]),
        ("By JANE DOE Associated Press", ["JANE DOE"]),
        ("By Sarah E. Needleman", ["Sarah E. Needleman"]),
        ("By J.R. Smith", ["J.R. Smith"]),
        ("by Anne de Vries and Jan van der Berg", ["Anne de Vries", "Jan van der Berg"]),
        ("by Jane O'Neil-Roe", ["Jane O'Neil-Roe"]),
        ("By Paul McDonald Staff Writer", ["Paul McDonald"]),
        ("Por João Silva e Maria Souza", ["João Silva", "Maria Souza"]),
        ("Автор Иван Петров", ["Иван Петров"]),
        ("by 山田太郎 ／ 2016.12.01", ["山田太郎"]),
        ("by jdoe on January 31, 2011", ["jdoe"]),
        ("by Jane Doe. Posted on 3:30 pm Tuesday", ["Jane Doe"]),
        ("By Sun Li", ["Sun Li"]),
        ("By Sun Li Thu., Aug. 9 2012", ["Sun Li"]),
        ("Jane Doe", ["Jane Doe"]),  # no byline word
        ("", []),
    ],
)
def test_authors(byline: str, expected: list[str]) -> None:
    assert authors(byline) == expected


DUMP = (
    "Harbour council vote ends long debate\n"
    "By Meg JamesStaff Writer\n"
    "November 18, 2019\n\n"
    "The city council voted on Tuesday to approve a new plan for the harbour, ending a debate that has "
    "lasted for more than two years among residents and traders.\n\n"
    "Officials said the work would start next spring and take about three years to finish, with most "
    "of the cost paid by the regional government.\n"
)


def test_the_parser_keeps_the_byline_and_its_authors() -> None:
    art = parse_text(DUMP).articles[0]
    assert art.byline == "By Meg JamesStaff Writer"
    assert art.authors == ["Meg James"]
    d = art.to_dict()
    assert list(d)[list(d).index("byline") + 1] == "authors" and d["authors"] == ["Meg James"]
    plain = parse_text(DUMP.replace("By Meg JamesStaff Writer\n", "")).articles[0]
    assert plain.byline is None and plain.authors == [] and plain.to_dict()["authors"] == []


def test_authors_in_show_and_strip_jsonl(tmp_path: Path) -> None:
    f = tmp_path / "dump.txt"
    f.write_text(DUMP, encoding="utf-8")
    art = parse_text(DUMP).articles[0]
    r = CliRunner().invoke(cli, ["show", art.id, str(f)], catch_exceptions=False)
    assert r.exit_code == 0 and r.stderr == ""
    assert "byline:    By Meg JamesStaff Writer\n" in r.stdout
    assert "authors:   Meg James\n" in r.stdout
    r = CliRunner().invoke(cli, ["strip", "--jsonl", str(f)], catch_exceptions=False)
    assert r.exit_code == 0 and json.loads(r.stdout)["authors"] == ["Meg James"]


def test_role_words_are_data(tmp_path: Path) -> None:
    assert authors("By Jane Doe Stringer") == ["Jane Doe Stringer"]
    f = tmp_path / "roles.toml"
    f.write_text('[cues]\nauthor_roles = ["stringer"]\n', encoding="utf-8")
    assert authors("By Jane Doe Stringer", load_rules([f], user_config=False)) == ["Jane Doe"]


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        # a byline word after the line's date
        ("Nov 19, 2019 8:15 pm by Jane Doe", ["Jane Doe"]),
        ("Posted on May 2, 2012 by Jane Doe · 3 comments", ["Jane Doe"]),
        ("23 mins ago by Jane Doe Add a comment", ["Jane Doe"]),
        ("06 November 2012 by Jane Doe Discuss (0)", ["Jane Doe"]),
        ("May 2, 2012 — By Jane Doe", ["Jane Doe"]),
        ("Posted by Jane Doe at 4:04 PM", ["Jane Doe"]),
        ("Текст: Анна Петрова·24 сентября 2018", ["Анна Петрова"]),
        # an outlet's name run on after a person's
        ("Tom Hill Associated Press", ["Tom Hill"]),
        ("Jane Doe, Ap Auto Writer", ["Jane Doe"]),
        ("Jane DoeView More Articles", ["Jane Doe"]),
        # what someone is, after a comma
        ("Posted by Jane Doe, AdWords Product Manager", ["Jane Doe"]),
        ("Posted by Jane Doe, New Business Development Director, Latin America", ["Jane Doe"]),
    ],
)
def test_authors_of_more_shapes(byline: str, expected: list[str]) -> None:
    assert authors(byline) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Jane Doe", ["Jane Doe"]),
        ("JANE DOE", ["JANE DOE"]),
        ("Jane Doe, Ap Auto Writer", ["Jane Doe"]),
        ("Jane Doe and John Roe, Associated Press", ["Jane Doe", "John Roe"]),
        ("Jane Doe and John Roe USA TODAY", ["Jane Doe", "John Roe"]),
        ("Jane Doe @jdoe", ["Jane Doe"]),
        ("Jane Doe - Nov 19, 2019, 10:31 pm CST", ["Jane Doe"]),
        ("Jane Doe on August 9, 2012 – 7:37 pm", ["Jane Doe"]),
        ("Jane Doe, Business Insider", ["Jane Doe"]),
        # no person's name alone
        ("Jane Doe 100 backstroke", []),
        ("Associated Press November 19, 2019, 9:02 AM", []),
        ("ASIA BUSINESS", []),
        ("Jane Mary Ann Doe", []),
        ("Regan", []),
        ("By Jane Doe", []),  # a byline word: not a bare line
        ("(Jane Doe / Associated Press)", []),
        ("Jane Doe, the spaced-out New York producer", []),  # a sentence
        ("Jane Doe: Why the harbour matters", []),  # a headline, a label
        ("United States", []),
        ("Categories Harbour Town", []),
    ],
)
def test_bare_name_lines(line: str, expected: list[str]) -> None:
    assert list(Authors.of(default_rules()).bare(line)) == expected


BODY = (
    "The city council voted on Tuesday to approve a new plan for the harbour, ending a debate that has "
    "lasted for more than two years among residents and traders.\n\n"
    "Officials said the work would start next spring and take about three years to finish, with most "
    "of the cost paid by the regional government.\n\n"
    "Traders welcomed the vote, though several said they would wait to see the final drawings before "
    "they made any plans of their own for the new quay.\n"
)
HEAD = "Home\nNews\nSport\n\nHarbour council vote ends long debate\n\n"


@pytest.mark.parametrize(
    ("header", "byline", "names"),
    [
        # a bare name line, a date under it
        ("Jane Doe\nNovember 18, 2019\n\n", "Jane Doe", ["Jane Doe"]),
        # a bare name with a role, no date
        ("Jane Doe, Ap Auto Writer\n\n", "Jane Doe, Ap Auto Writer", ["Jane Doe"]),
        # a name line, then a label
        ("Jane Doe\nView Profile\n\n", "Jane Doe", ["Jane Doe"]),
        # "Name - date", "date by Name"
        ("Jane Doe - Nov 18, 2019, 10:31 pm CST\n\n", "Jane Doe - Nov 18, 2019, 10:31 pm CST", ["Jane Doe"]),
        ("November 18, 2019 by Jane Doe\n\n", "November 18, 2019 by Jane Doe", ["Jane Doe"]),
        ("18 mins ago by Jane Doe\n\n", "18 mins ago by Jane Doe", ["Jane Doe"]),
        # a name and the date on one line, a long "Posted on ... by" line
        ("Jane Doe on August 9, 2012 in Town News\n\n", "Jane Doe on August 9, 2012 in Town News", ["Jane Doe"]),
        ("Posted on August 9, 2012 7:41AM by Jane Doe · 2 comments\n\n",
         "Posted on August 9, 2012 7:41AM by Jane Doe · 2 comments", ["Jane Doe"]),
        # "By" on a line of its own, the name under it
        ("By\nJane Doe\nNovember 18, 2019\n\n", "By Jane Doe", ["Jane Doe"]),
        # a "By" line wins over a bare name line above it
        ("Jane Doe\nNovember 18, 2019\nBy John Roe\n\n", "By John Roe", ["John Roe"]),
    ],
)
def test_byline_shapes_in_a_dump(header: str, byline: str, names: list[str]) -> None:
    art = parse_text(HEAD + header + BODY).articles[0]
    assert (art.byline, art.authors) == (byline, names)
    assert art.title == "Harbour council vote ends long debate"


def test_no_byline_from_a_sentence_or_a_lone_by_over_one() -> None:
    sentence = "Jane Doe, the New York producer, has been busy this year, and her new song is out today.\n\n"
    assert parse_text(HEAD + "November 18, 2019\n\n" + sentence + BODY).articles[0].authors == []
    lone = "Posted by:\nThis is only a preview. Your comment has not yet been posted.\n\n"
    assert parse_text(HEAD + "November 18, 2019\n\n" + lone + BODY).articles[0].byline is None


def test_a_quote_over_the_title_is_no_byline() -> None:
    quote = (
        '"Ten ships a week come in, and not one of them pays the harbour what it costs us to keep it '
        'open all year round, in storms and in fog."\n\n— Jane Doe on Sunday, May 12th, 2019\n\n'
    )
    head = "Home\nNews\nSport\n\n" + quote + "Harbour council vote ends long debate\n\n"
    assert parse_text(head + BODY).articles[0].byline is None  # an attribution, opened by a dash


def test_a_name_and_date_line_as_heavy_as_a_by_line() -> None:
    line = "Jane Doe on August 9, 2012 – 7:37 pm No Comment Yet Here\n\n"
    assert parse_text(HEAD + line + BODY).articles[0].authors == ["Jane Doe"]


def test_no_byline_from_a_list_of_names_or_a_menu() -> None:
    names = "Jane Doe 100 backstroke\nAnn Lee North Diving\nTom Hill Trinity\nNovember 18, 2019\n\n"
    assert parse_text(HEAD + names + BODY).articles[0].authors == []
    menu = "Home\nNews\nHometown Hockey\nHarbour council vote ends long debate\n\nNovember 18, 2019\n\n"
    assert parse_text(menu + BODY).articles[0].authors == []


def test_a_byline_after_the_body_or_its_first_paragraph() -> None:
    after = HEAD + "November 18, 2019\n\n" + BODY + "\nWritten by Jane Doe, MS, RD on November 18, 2019\n"
    art = parse_text(after).articles[0]
    assert (art.authors, art.credits) == (["Jane Doe"], [])
    posted = HEAD + BODY + "\nPosted by Jane Doe at 4:04 PM\n\nLabels: harbour\n"
    assert parse_text(posted).articles[0].authors == ["Jane Doe"]
    first, rest = BODY.split("\n\n", 1)
    inside = HEAD + first + "\n\nby Jane Doe\nNovember 18, 2019\n\n" + rest
    assert parse_text(inside).articles[0].authors == ["Jane Doe"]
    handle = HEAD + first + "\n\nJane Doe @jdoe\n\n" + rest
    assert parse_text(handle).articles[0].authors == ["Jane Doe"]
    lone = HEAD + first + "\n\nBy\nJane Doe\nNovember 18, 2019\n\n" + rest
    art = parse_text(lone).articles[0]
    assert (art.byline, art.authors) == ("By Jane Doe", ["Jane Doe"])


def test_a_byline_word_of_some_languages_only_counts_in_those():
    english = (
        "Raffle raises money for the school roof\n\nDoor Prize Winners\n\n"
        "The school held its autumn raffle on Saturday and raised enough money to repair part of the roof, "
        "the head teacher said after the last tickets had been drawn in the main hall.\n\n"
        "Parents donated most of the prizes, and local shops gave vouchers for the winners of the door prizes, "
        "which were drawn at the start of the evening before the main raffle began.\n"
    )
    art = parse_text(english).articles[0]
    assert art.byline is None and art.authors == []
    dutch = (
        "Nieuwe brug over de rivier geopend\n\nDoor Jan de Vries\n\n"
        "De nieuwe brug over de rivier is zaterdag geopend na drie jaar bouwen, en de gemeente verwacht dat "
        "automobilisten voortaan een kwartier sneller in het centrum van de stad zullen zijn.\n\n"
        "Winkeliers aan de oostkant van de rivier zijn minder blij, omdat zij vrezen dat er minder mensen "
        "door de oude binnenstad zullen lopen nu het verkeer een andere route neemt.\n"
    )
    art = parse_text(dutch).articles[0]
    assert art.byline == "Door Jan de Vries"
    assert art.authors == ["Jan de Vries"]
