"""The quality metrics of bench/metrics.py, on hand-made texts (the gate and the scorer rely on them)."""

from __future__ import annotations

import pytest

from bench import metrics


def test_shingles_are_4_token_windows_and_a_short_text_is_one() -> None:
    assert metrics.shingles("a b c d e") == {("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1}
    assert metrics.shingles("Ab, c!") == {("Ab", "c"): 1}
    assert metrics.shingles("") == {(): 1}
    assert sum(metrics.shingles("x y z w " * 3).values()) == 9


def test_overlap_is_a_multiset_overlap_normalised_by_its_sum() -> None:
    o = metrics.overlap("one two three four five", "one two three four six seven")
    # predicted shingles: (1234) (2345); true: (1234) (2346) (3467) -> tp 1, fp 1, fn 2
    assert (o.tp, o.fp, o.fn) == pytest.approx((0.25, 0.25, 0.5))
    assert o.precision == pytest.approx(0.5) and o.recall == pytest.approx(1 / 3)


def test_an_empty_prediction_has_precision_zero_not_none() -> None:
    o = metrics.overlap("", "a body of several words here")
    assert o.precision == 0.0 and o.recall == 0.0


def test_corpus_scores_are_means_over_pages_then_f1_of_the_means() -> None:
    pages = [metrics.Overlap(0.5, 0.0, 0.5), metrics.Overlap(1.0, 0.0, 0.0), metrics.Overlap(0.0, 0.0, 0.0)]
    s = metrics.text_score(pages)
    assert s.precision == pytest.approx(1.0)  # the third page has no tp + fp: left out
    assert s.recall == pytest.approx(0.75)
    assert s.f1 == pytest.approx(2 * 0.75 / 1.75)


def test_kept_text_takes_the_fields_in_order_article_by_article() -> None:
    a = {"title": "T1", "summary": ["S1"], "captions": [], "body": ["B1", "B2"]}
    b = {"title": "", "summary": [], "captions": ["C2"], "body": ["B3"]}
    assert metrics.kept_text([a, b], metrics.KEPT["dragnet"]) == "T1\n\nS1\n\nB1\n\nB2\n\nC2\n\nB3"
    assert metrics.kept_text([a, b], metrics.KEPT["aeb"]) == "B1\n\nB2\n\nB3"


def test_title_found_takes_the_best_title_within_40_characters_more() -> None:
    headline = "Nadal keeps Spain alive against Russia in Davis Cup Finals - Sportsnet.ca"
    assert metrics.title_found(["Sportsnet", "Nadal keeps Spain alive against Russia in Davis Cup Finals"], headline)
    assert not metrics.title_found(["Home", "Latest news"], headline)
    assert metrics.title_found(["Sportsnet"], headline)  # lenient, as the judging hook: a part of the headline
    assert not metrics.title_found([], headline)
    long = "Nadal keeps Spain alive against Russia in Davis Cup Finals " + "and much more besides " * 4
    assert not metrics.title_found([long], "Nadal keeps Spain alive against Russia in Davis Cup Finals")


def test_title_checked_only_where_the_headline_comes_from_metadata() -> None:
    assert metrics.title_checked({"headline": "A"})  # aeb: no headline_source
    assert metrics.title_checked({"headline": "A", "headline_source": "og:title"})
    assert not metrics.title_checked({"headline": "A", "headline_source": "h1"})
    assert not metrics.title_checked({"headline": "A", "headline_source": None})
    assert not metrics.title_checked({"headline": None})


def test_title_matches_the_headline_or_a_part_cut_at_a_site_separator() -> None:
    assert metrics.title_matches("The Guardian view on Hong Kong", "The Guardian view on Hong Kong | Editorial")
    assert metrics.title_matches("the guardian view on hong kong!", "The Guardian view on Hong Kong")
    assert not metrics.title_matches("Editorial", "The Guardian view on Hong Kong: a city on the brink")
    assert not metrics.title_matches("", "Anything")


@pytest.mark.parametrize(
    ("published", "truth", "expected"),
    [
        ("2019-11-18T18:54", "2019-11-18T10:00:00+00:00", 2),
        ("2019-11-19", "2019-11-18", 1),
        ("2019-11-21", "2019-11-18", 0),
        ("2 sec ago", "2019-11-18", 0),
        (None, "2019-11-18", 0),
        ("2019-11-18", None, None),
        ("2019-11-18", "November 2019", None),
        ("2019-11-18", "0001-01-01T00:00:00Z", None),  # a CMS's empty date
        # both with an offset: the same moment's day at the truth's offset
        ("2019-11-19T22:31-06:00", "2019-11-20T04:31:13+00:00", 2),
        ("2019-11-20T01:00+00:00", "2019-11-19T20:00:00-05:00", 2),
        ("2019-11-19T22:31", "2019-11-20T04:31:13+00:00", 1),  # no offset: the day as written
    ],
)
def test_date_match(published: str | None, truth: str | None, expected: int | None) -> None:
    assert metrics.date_match(published, truth) == expected


@pytest.mark.parametrize(
    ("site", "label"),
    [
        ("nytimes.com", "nytimes"),
        ("www.nytimes.com", "nytimes"),
        ("telegraph.co.uk", "telegraph"),
        ("jaraguadosul.com.br", "jaraguadosul"),
        ("hosted.ap.org", "ap"),
        ("detroit.cbslocal.com", "cbslocal"),
        ("lhpat-tm.com", "lhpattm"),
        ("someblog.wordpress.com", "someblog"),  # a blog host: the blog's own name
        ("wordpress.com", "wordpress"),
        ("localhost", "localhost"),
        ("", ""),
    ],
)
def test_site_label_is_the_registrable_name(site: str, label: str) -> None:
    assert metrics.site_label(site) == label


@pytest.mark.parametrize(
    ("outlet", "site"),
    [
        ("The New York Times", "nytimes.com"),  # initials, then a whole word
        ("The Wall Street Journal", "wsj.com"),  # initials
        ("The Associated Press", "hosted.ap.org"),
        ("Los Angeles Times", "latimes.com"),
        ("NBC 5 Dallas-Fort Worth", "nbcdfw.com"),  # "5" gives nothing
        ("The Guardian", "theguardian.com"),  # "the" given whole
        ("BBC", "bbc.com"),
        ("9to5Mac", "9to5mac.com"),
        ("Mensagens de Reflexão", "mensagensreflexao.com.br"),  # accents, a small word skipped
        ("Telegraph Media Group", "telegraph.co.uk"),  # the words after the name let go
        ("The Paradigm", "theparadigmng.com"),  # nearly the same letters
        ("Wday.ru", "wday.ru"),
        ("Pioneer Woman", "thepioneerwoman.com"),  # the site's "the" left off
        ("ABC News", "abcnews.go.com"),  # a portal's host: the subdomain, in two words
        ("Film Drunk", "filmdrunk.uproxx.com"),
        ("SFGATE", "sfgate.com"),
        ("CTV News", "ctvnews.ca"),
    ],
)
def test_names_site(outlet: str, site: str) -> None:
    assert metrics.names_site(outlet, site)


@pytest.mark.parametrize(
    ("outlet", "site"),
    [
        ("Hearst Communications", "sfgate.com"),  # the publisher, not the outlet
        ("Copyright Gannett 2018", "usatoday.com"),
        ("Penske Media Corporation", "rollingstone.com"),
        ("Copyright India Post Media Pvt", "indiapost.com"),
        ("Houston Chronicle", "chron.com"),  # a word's beginning is not its initial
        ("CBS Broadcasting Inc", "detroit.cbslocal.com"),
        ("Newsweek", "news.com"),
        ("Sports", "sports.yahoo.com"),  # one word spelling a subdomain: a section
        ("Google", "googlephotos.blogspot.com"),  # the start of the site's name only
        ("Beachbody", "beachbodyondemand.com"),
        ("Weather", "theweatherchannel.com"),
        (None, "bbc.com"),
        ("BBC", ""),
    ],
)
def test_names_site_not(outlet: str | None, site: str) -> None:
    assert not metrics.names_site(outlet, site)
