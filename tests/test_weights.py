"""The parser's tuned numbers: one options object, set by name, and the title's terms explained."""

from __future__ import annotations

import pytest
from test_parser import MENU, POOL_LEAD

from newskit import parse_text
from newskit.parse import ParseWeights
from newskit.parse.title import TERMS

CAPTIONS = "Jane Doe 100 butterfly\n\nSam Lee East Diving\n\nAnn Wu Central"
PAGE = (f"{MENU}Swimming & Diving\nHome\nSwimming\nArticle\n\nCity Swim Finals Results\n\n{CAPTIONS}\n"
        f"Posted: Fri 6:45 PM, Feb 16, 2018\n\n{POOL_LEAD}\n")


def test_a_weight_is_set_by_name_and_changes_the_parse():
    assert parse_text(PAGE).articles[0].title == "City Swim Finals Results"
    weights = ParseWeights().with_overrides({"title.crumb_bonus": 0.0})
    assert weights.title.crumb_bonus == 0.0 and ParseWeights().title.crumb_bonus == 1.5
    # without the breadcrumb cue, a caption that names the lead's people wins
    assert parse_text(PAGE, weights=weights).articles[0].title != "City Swim Finals Results"


def test_every_weight_has_a_name_and_the_defaults_are_the_shipped_values():
    names = dict(ParseWeights().items())
    assert names["body.min_body_weight"] == 40 and names["lines.good_weight"] == 10
    assert len(names) == len(set(names)) > 80
    assert ParseWeights().with_overrides({}) == ParseWeights()
    assert ParseWeights().with_overrides({"title.window": 25.0}).title.window == 25  # whole numbers stay whole


@pytest.mark.parametrize("values, message", [
    ({"title.no_such": 1.0}, "no weight 'title.no_such'"),
    ({"nowhere.crumb_bonus": 1.0}, "no weight"),
    ({"title.window": 2.5}, "whole number"),
])
def test_a_bad_weight_name_or_value_is_a_clear_error(values, message):
    with pytest.raises(ValueError, match=message):
        ParseWeights().with_overrides(values)


def test_explain_lists_the_title_candidates_with_their_terms():
    a = parse_text(PAGE, explain=True).articles[0]
    assert a.title_candidates is not None and len(a.title_candidates) >= 3
    chosen = [c for c in a.title_candidates if c.chosen]
    assert [c.text for c in chosen] == ["City Swim Finals Results"]
    assert chosen[0].total == max(c.total for c in a.title_candidates)
    assert a.lines[chosen[0].no - a.start].text == "City Swim Finals Results"
    for c in a.title_candidates:
        assert [name for name, _ in c.terms] == list(TERMS)
        assert c.total == pytest.approx(sum(v for _, v in c.terms))
    terms = dict(chosen[0].terms)
    assert terms["breadcrumb"] == 1.5 and terms["byline/date under"] > 0  # (a date two lines down)
    # and a parse that is not asked to explain keeps none
    assert parse_text(PAGE).articles[0].title_candidates is None
