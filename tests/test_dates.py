"""Dates: the forms and languages of the vocabulary, times and UTC offsets, relative dates
resolved against a reference time (the library, then the parser, then ``--now``)."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from newskit.cli import cli
from newskit.dates import Dates, builtin_dates, date_line, find_dates
from newskit.errors import RulesError
from newskit.parse import parse_text
from newskit.parse.cues import Cues
from newskit.rules import default_rules
from newskit.vocabulary import builtin_vocabulary

STORY = (
    "The council voted on Tuesday to close the old river bridge to cars for the rest of the year, "
    "after engineers found cracks in two of its piers during a routine inspection last month.\n\n"
    "Drivers will be sent over the new bridge upstream, which the city says can carry the traffic, "
    "although shop owners on the east bank fear that fewer people will stop in the old town.\n\n"
    "The mayor said the repairs would be paid for out of the reserve fund and that the work would "
    "start in the spring, once the river is low enough for the builders to reach the piers.\n"
)


def one(line: str) -> str:
    dates = date_line(line)
    assert dates, line
    return dates[0].value


@pytest.mark.parametrize(("line", "value"), [
    # languages: month names and labels are data (newskit/rules/cues.toml)
    ("15 августа 2023, 10:32", "2023-08-15T10:32"),  # Russian, genitive
    ("обновлено 3 декабря 2022", "2022-12-03"),
    ("Текст: Венера Ерофеева·24 сентября 2018", "2018-09-24"),
    ("2023年09月14日 17:05", "2023-09-14T17:05"),  # Chinese and Japanese
    ("2023年9月14日", "2023-09-14"),
    ("发布时间：2023年9月14日 08:30", "2023-09-14T08:30"),
    ("2023년 9월 14일", "2023-09-14"),  # Korean
    ("15 أغسطس 2023", "2023-08-15"),  # Arabic, Egyptian and Gulf names
    ("3 تشرين الأول 2023", "2023-10-03"),  # Arabic, Levantine names
    ("12 كانون الثاني 2021", "2021-01-12"),
    ("Bijgewerkt op 12 maart 2023 om 10:15", "2023-03-12T10:15"),  # Dutch
    ("Posted on Maret 30, 2015 by Admin", "2015-03-30"),  # Indonesian
    ("modifié le 3 mars 2023 à 10h32", "2023-03-03T10:32"),  # French
    ("aktualisiert am 3. März 2023, 10:32 Uhr", "2023-03-03T10:32"),  # German
    ("12 de marzo de 2019", "2019-03-12"),  # Spanish
    ("27 de setembro de 2018 às 10:15", "2018-09-27T10:15"),  # Portuguese
    ("3 maggio 2021 alle 10:32", "2021-05-03T10:32"),  # Italian
])
def test_languages(line, value):
    assert one(line) == value


@pytest.mark.parametrize(("line", "updated"), [
    ("modifié le 3 mars 2023", True), ("aktualisiert am 3. März 2023", True), ("Bijgewerkt: 12 maart 2023", True),
    ("обновлено 3 декабря 2022", True), ("Publié le 3 mars 2023", False), ("Gepubliceerd op 12 maart 2023", False),
    ("опубликовано 3 декабря 2022", False),
])
def test_update_labels(line, updated):
    assert date_line(line)[0].updated is updated


@pytest.mark.parametrize(("line", "value"), [
    # seconds kept when given; the offset when the dump gives one, Z as +00:00
    ("2019-11-18T20:51:19Z", "2019-11-18T20:51:19+00:00"),
    ("2018-09-15T10:15:48+0200", "2018-09-15T10:15:48+02:00"),
    ("2019-11-18 20:51", "2019-11-18T20:51"),
    ("Nov 19, 2019, 10:31 pm CST", "2019-11-19T22:31-06:00"),  # a zone that names its offset
    ("19 Nov 2019 16:00 GMT", "2019-11-19T16:00+00:00"),
    ("19 Nov 2019 16:00 GMT+3", "2019-11-19T16:00+03:00"),
    ("19 Nov 2019 16:00 UTC-05:30", "2019-11-19T16:00-05:30"),
    # a region's time: its offset on that day (daylight saving time or not)
    ("Nov. 18, 2019 7:04 pm ET", "2019-11-18T19:04-05:00"),
    ("July 4, 2019 7:04 pm ET", "2019-07-04T19:04-04:00"),
    ("November 19, 2019 at 9:45 pm IST", "2019-11-19T21:45"),  # India, Ireland or Israel: no offset
    ("Nov. 19, 2019 9:45 pm et", "2019-11-19T21:45"),  # zone names count in capitals only ("et": and)
    # the time before the date
    ("Published 11:34 PM EST Nov 19, 2019", "2019-11-19T23:34-05:00"),
    ("Updated 1:39 am EST, Wednesday, November 20, 2019", "2019-11-20T01:39-05:00"),
    # a year run into its time, as a page's blocks were joined
    ("NOV 15, 20195:45 AM", "2019-11-15T05:45"),
    ("Nov. 19, 2019", "2019-11-19"),  # no time: a day, with no offset
])
def test_times_and_offsets(line, value):
    assert one(line) == value


def test_a_sentence_of_chinese_with_a_date_is_no_date_line():
    assert find_dates("2023年9月14日，国务院总理在北京主持召开会议，研究部署工作。")
    assert date_line("2023年9月14日，国务院总理在北京主持召开会议，研究部署工作。") == ()


def test_31_june_is_no_date():
    assert find_dates("31 June 2019") == []


NOW = dt.datetime(2019, 11, 20, 12, 30, tzinfo=dt.UTC)


@pytest.mark.parametrize(("phrase", "value"), [
    ("2 hours ago", "2019-11-20T10:30+00:00"),
    ("an hour ago", "2019-11-20T11:30+00:00"),
    ("30 sec ago", "2019-11-20T12:29:30+00:00"),
    ("5 mins ago", "2019-11-20T12:25+00:00"),
    ("1 day ago", "2019-11-19"),
    ("2 weeks ago", "2019-11-06"),
    ("3 months ago", "2019-08-20"),
    ("a year ago", "2018-11-20"),
    ("yesterday", "2019-11-19"),
    ("Today", "2019-11-20"),
    ("Today 12:01 AM", "2019-11-20T00:01+00:00"),
    ("just now", "2019-11-20T12:30+00:00"),
    ("not a date", None),
])
def test_relative_dates_resolved_against_a_reference_time(phrase, value):
    assert builtin_dates().resolve(phrase, NOW) == value


@pytest.mark.parametrize(("phrase", "value"), [
    ("il y a 2 heures", "2019-11-20T10:30+00:00"),  # French
    ("vor einer Stunde", "2019-11-20T11:30+00:00"),  # German
    ("hace 3 días", "2019-11-17"),  # Spanish
    ("há 2 horas", "2019-11-20T10:30+00:00"),  # Portuguese
    ("2 ore fa", "2019-11-20T10:30+00:00"),  # Italian
    ("2 uur geleden", "2019-11-20T10:30+00:00"),  # Dutch
    ("5 минут назад", "2019-11-20T12:25+00:00"),  # Russian
    ("2小时前", "2019-11-20T10:30+00:00"),  # Chinese
    ("5分前", "2019-11-20T12:25+00:00"),  # Japanese
    ("gestern", "2019-11-19"),
    ("вчера", "2019-11-19"),
    ("昨天", "2019-11-19"),
    ("aujourd’hui à 10:32", "2019-11-20T10:32+00:00"),  # a time as written, in the reference's zone
])
def test_relative_dates_in_other_languages(phrase, value):
    (found,) = find_dates(phrase)
    assert not found.absolute and found.value == phrase
    assert builtin_dates().resolve(phrase, NOW) == value


def test_a_relative_date_in_a_sentence_is_no_date_line():
    assert date_line("Vor 2 Jahren hat der Rat beschlossen, die alte Brücke für Autos zu schließen") == ()


def test_a_users_zone_offsets():
    v = builtin_vocabulary().extended({"zone_offsets": {"ist": "+05:30"}}, "mine.toml")
    assert Dates(v).find_dates("Nov 06, 2012 at 10:16pm IST")[0].value == "2012-11-06T22:16+05:30"
    with pytest.raises(RulesError, match="zone_offsets"):
        builtin_vocabulary().extended({"zone_offsets": {"ist": "India"}}, "mine.toml")


def test_months_ago_on_a_shorter_month():
    assert builtin_dates().resolve("1 month ago", dt.datetime(2019, 3, 31)) == "2019-02-28"


RELATIVE = f"Council Votes to Close the Old River Bridge\nPublished 2 hours ago\n\n{STORY}"
ABSOLUTE = f"Council Votes to Close the Old River Bridge\nPublished Nov. 18, 2019 7:04 pm ET\n\n{STORY}"


def test_a_relative_date_has_a_field_of_its_own():
    a = parse_text(RELATIVE).articles[0]
    assert a.published_relative == "2 hours ago"
    assert a.published is None and a.date is None  # no reference time: no ISO date
    d = a.to_dict()
    assert d["published"] is None and d["published_relative"] == "2 hours ago"


def test_a_relative_date_resolved_when_given_now():
    a = parse_text(RELATIVE, now=NOW).articles[0]
    assert a.published == "2019-11-20T10:30+00:00"
    assert a.published_relative == "2 hours ago"


def test_an_absolute_date_is_not_relative():
    a = parse_text(ABSOLUTE, now=NOW).articles[0]
    assert a.published == "2019-11-18T19:04-05:00"
    assert a.published_relative is None


def test_cli_now(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(RELATIVE, encoding="utf-8")
    runner = CliRunner()
    r = runner.invoke(cli, ["list", "--jsonl", str(f)])
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["date"] is None
    r = runner.invoke(cli, ["list", "--jsonl", "--now", "2019-11-20T12:30Z", str(f)])
    assert r.exit_code == 0, r.output
    row = json.loads(r.stdout)
    assert row["date"] == "2019-11-20T10:30+00:00"
    r = runner.invoke(cli, ["show", "--json", "--now", "2019-11-20T12:30Z", row["id"], str(f)])
    assert r.exit_code == 0, r.output
    shown = json.loads(r.stdout)
    shown = shown[0] if isinstance(shown, list) else shown
    assert shown["published"] == "2019-11-20T10:30+00:00" and shown["published_relative"] == "2 hours ago"


def test_cli_now_must_be_iso(tmp_path):
    r = CliRunner().invoke(cli, ["list", "--now", "tomorrow", str(tmp_path)])
    assert r.exit_code == 2
    assert "ISO 8601" in r.stderr


def signed_page(*signatures: str) -> str:
    tail = "\nRelated stories\nMore from the city\n"
    return "Bridge closed to cars\n\n" + STORY + "\n" + "\n".join(signatures) + tail


def test_a_signed_date_under_the_body_dates_the_article():
    art = parse_text(signed_page("Written by Jane Roe on November 14, 2019")).articles[0]
    assert art.published == "2019-11-14"
    assert art.byline == "Written by Jane Roe on November 14, 2019"
    assert art.authors == ["Jane Roe"]
    assert art.credits == []


def test_a_list_of_signed_dates_is_no_signature():
    # comments or related posts under the body, each signed and dated
    page = signed_page("written by Sam Poe, October 19, 2019", "written by Ann Lee, October 20, 2019")
    art = parse_text(page).articles[0]
    assert art.published is None


def test_the_date_column_falls_back_to_the_update():
    art = parse_text("Bridge closed to cars\nUpdated 1:39 am EST, Wednesday, November 20, 2019\n\n" + STORY).articles[0]
    assert (art.published, art.updated, art.date) == (None, "2019-11-20T01:39-05:00", "2019-11-20T01:39-05:00")


_YEAR_AS_WRITTEN = re.compile(r"(?<!\d)(?:19|20)\d\d(?:(?!\d)|(?=\d{1,2}:\d\d))")


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0129: a\n")), max_size=16))
def test_the_year_cue_finds_what_a_digit_free_lookbehind_finds(text):
    # the year cue tells "no digit before" after the year's first two digits (so that a
    # search skips ahead); it must find the same years, in the same places
    ours = [m.span() for m in Cues.of(default_rules()).year.finditer(text)]
    assert ours == [m.span() for m in _YEAR_AS_WRITTEN.finditer(text)]


@pytest.mark.parametrize("text, found", [
    ("2019", True), ("May 2019", True), ("12019", False), ("20195", False), ("20195:45 AM", True), ("a1999b", True),
    ("x 19 99", False),
])
def test_the_year_cue(text, found):
    assert (Cues.of(default_rules()).year.search(text) is not None) is found
