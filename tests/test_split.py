"""Splitting a dump of several documents into its articles (issue 11): separator lines,
newskit's own strip output, ``--split auto|file|PATTERN`` and the ``-v`` note."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from newskit import parse_text
from newskit.cli import ExitCode, cli
from newskit.errors import SplitError
from newskit.model import Kind, Reason
from newskit.parse import DEFAULT_WEIGHTS
from newskit.reader import read_source
from newskit.strip import SEPARATOR, document_texts

REALWORLD = Path(__file__).resolve().parent / "realworld"
# aeb pages (MIT, see realworld/README.md), each one article alone.
PAGES = ["0d46122928b6.chromium.txt", "2c46804d9db4.chromium.txt", "5fa3154ec031.inscriptis.txt",
         "eb62ac8425e5.chromium.txt"]


def dump(name: str) -> str:
    return read_source(str(REALWORLD / name)).text.strip("\n")


def titles(text: str, split: str = "auto") -> list[str]:
    return [a.title for a in parse_text(text, split=split).articles]


ALONE = [titles(dump(p)) for p in PAGES]


def test_the_pages_are_one_article_each_alone():
    assert all(len(t) == 1 for t in ALONE)


@pytest.mark.parametrize(
    "separator",
    ["----", "=" * 40, "* * *", "-" * 72],
)
def test_pages_between_separator_lines_are_one_article_each(separator):
    text = f"\n\n{separator}\n\n".join(dump(p) for p in PAGES) + "\n"
    doc = parse_text(text)
    assert [a.title for a in doc.articles] == [t[0] for t in ALONE]
    seps = [r for r in doc.chrome if r.rule == Reason.SEPARATOR]
    assert len(seps) == len(PAGES) - 1 and all(r.text == separator and r.kind is Kind.REMOVED for r in seps)


def test_each_page_of_a_file_tells_its_own_outlet():
    """Pages of several sites in one file (an export, a day's scrape appended): each
    article's outlet is the one its own page tells, as the page alone gives it."""
    alone = [[a.outlet for a in parse_text(dump(p)).articles] for p in PAGES]
    assert len({o for (o,) in alone}) == len(PAGES)  # four outlets
    text = "\n\n----\n\n".join(dump(p) for p in PAGES) + "\n"
    assert [a.outlet for a in parse_text(text).articles] == [o for (o,) in alone]


# aeb pages whose dump ends in a footer or a list of links, or opens with a menu: with
# rules between them, the densest body run of two pages reaches across the rule.
FRAMED = ["87438a0dacbe.chromium.txt", "06e5123e4ef7.chromium.txt", "a078b3656adc.chromium.txt"]


def test_a_rule_with_chrome_on_one_side_is_no_section_break_of_one_body():
    text = "\n\n----\n\n".join(dump(p) for p in FRAMED) + "\n"
    alone = [titles(dump(p)) for p in FRAMED]
    assert all(len(t) == 1 for t in alone)
    assert titles(text) == [t[0] for t in alone]


@pytest.mark.parametrize("first, second", [(0, 1), (1, 2), (0, 2)])
@pytest.mark.parametrize("separator", ["----", "=" * 40, "* * *"])
def test_one_rule_between_two_whole_pages_splits_them(first, second, separator):
    pair = [FRAMED[first], FRAMED[second]]
    text = f"\n\n{separator}\n\n".join(dump(p) for p in pair) + "\n"
    assert titles(text) == [titles(dump(p))[0] for p in pair]


def test_numbered_documents_of_an_export_are_one_article_each():
    n = len(PAGES)
    text = "".join(f"   {i} of {n} DOCUMENTS\n\n{dump(p)}\n\n" for i, p in enumerate(PAGES, 1))
    assert titles(text) == [t[0] for t in ALONE]


def test_a_numbered_document_is_one_article_not_split_further():
    two_pages = "\n\n".join(dump(p) for p in PAGES[:2])
    assert len(titles(two_pages)) == 2  # alone, two pages appended
    text = f"1 of 2 DOCUMENTS\n\n{two_pages}\n\n2 of 2 DOCUMENTS\n\n{dump(PAGES[2])}\n"
    assert titles(text)[1:] == ALONE[2] and len(titles(text)) == 2


def test_strip_output_round_trip_gives_the_same_articles():
    docs = [parse_text(dump(p)) for p in PAGES]
    pages = [SEPARATOR.join(t for t in document_texts(doc) if t) for doc in docs]
    together = parse_text(SEPARATOR.join(pages))
    assert [(a.title, a.body, a.id) for a in together.articles] == [
        (a.title, a.body, a.id) for doc in docs for a in doc.articles
    ]
    assert len(together.articles) == len(PAGES)


@pytest.mark.parametrize("gap", ["\n\n", "\n\n\n\n"])
def test_whole_pages_appended_with_blank_lines_are_one_article_each(gap):
    text = gap.join(dump(p) for p in PAGES) + "\n"
    assert titles(text) == [t[0] for t in ALONE]
    assert len(titles(text, "file")) == 1


BODY = ("The council voted on Tuesday to keep the old bridge open to walkers and cyclists for "
        "another year, while engineers study how much the repairs would cost. ")
ARTICLE = "Council keeps the old bridge open\n\n" + BODY * 2 + "\n\n" + BODY + "\n"
TWO = ["Council keeps the old bridge open", "Schools will open late after the storm"]
OTHER = "Schools will open late after the storm\n\n" + BODY.replace("bridge", "school") * 3 + "\n"


def test_strip_output_is_read_back_as_written():
    """Between form feeds, a part in strip's shape is clean text: its first line the title
    (even one that reads as a sentence), every other line a paragraph of the body."""
    arts = [("Why did the council keep the old bridge open?", [BODY.strip(), "Repairs start in May.", "Hours?"]),
            ("Schools will open late after the storm!", [BODY.replace("bridge", "school").strip()])]
    text = SEPARATOR.join("\n\n".join([t, *b]) + "\n" for t, b in arts)
    doc = parse_text(text)
    assert [(a.title, a.body) for a in doc.articles] == [(t, b) for t, b in arts]
    assert [r.kind for r in doc.articles[0].lines if r.text.strip()] == [Kind.TITLE] + [Kind.BODY] * 3


def test_a_rules_line_makes_a_part_no_clean_text():
    text = "\n\n".join(["Is the old bridge safe?", "Share this", BODY.strip(), "Share this"]) + "\n"
    assert [a.body for a in parse_text(text + "\f\n" + OTHER).articles][0] == [BODY.strip()]


def test_a_raw_page_between_form_feeds_is_parsed_as_a_page():
    raw = "Home\nNews\nSport\n\n" + ARTICLE + "\nAbout us\nContact\n"
    doc = parse_text(raw + "\f\n" + OTHER)
    assert [a.title for a in doc.articles] == TWO
    assert "Home" not in doc.articles[0].body and doc.articles[0].title == TWO[0]


def test_a_lone_rule_inside_a_page_does_not_split_it():
    assert len(titles(ARTICLE + "\nMore from the council\n----\nCouncil news in brief\n\n" + BODY * 2)) == 1


def test_a_lone_rule_over_a_headline_and_its_byline_splits_though_a_body_ends_right_over_it():
    # A headline over its byline under the rule opens a document, as a menu opens a page;
    # the two are short, too short for their words alone to tell two pages.
    first = f"{DIGEST[0]}\n\n" + "\n\n".join(CLIPPINGS[DIGEST[0]][:3]) + "\n"
    second = "\n\n".join(CLIPPINGS[DIGEST[2]][:3]) + "\n"
    page = ISLAND_TOP + first + "\n----\n" + DIGEST[2] + "\n{byline}\n" + second + ISLAND_FOOT
    assert titles(page.format(byline="By Jane Roe\n")) == [DIGEST[0], DIGEST[2]]
    assert len(titles(page.format(byline=""))) == 1


def _subject_page(head: str) -> str:
    paras = [p.replace(".", f", as reported in part {k}.") for k in range(3) for p in CLIPPINGS[head]]
    return f"{head}\n\n" + "\n\n".join(paras) + "\n"


ISLAND_TOP = "Home\nMenu\nSearch\n\n"
ISLAND_FOOT = "\nPrivacy policy\nTerms of use\n© 2024 The Island Paper\n"


def test_a_lone_rule_between_two_bodies_on_other_subjects_splits_them():
    # Body-like lines right by the rule on both sides, no footer or menu between: the words
    # on the two sides tell two pages.
    text = ISLAND_TOP + _subject_page(DIGEST[0]) + "\n* * *\n\n" + _subject_page(DIGEST[2]) + ISLAND_FOOT
    assert titles(text) == [DIGEST[0], DIGEST[2]]
    lw = DEFAULT_WEIGHTS.layout
    by_chrome_only = replace(DEFAULT_WEIGHTS, layout=replace(lw, separator_lone_cohesion=0.0))
    assert len(parse_text(text, weights=by_chrome_only).articles) == 1
    # ... and a rule between paragraphs about the same things is a section break.
    section = "What the engineers found\n\n" + "\n\n".join(CLIPPINGS[DIGEST[0]] * 3) + "\n"
    assert titles(ISLAND_TOP + _subject_page(DIGEST[0]) + "\n* * *\n\n" + section + ISLAND_FOOT) == [DIGEST[0]]


SHORT_A = "Council keeps the old bridge open\n\n" + BODY * 2 + "\n\n" + BODY + "\n"
SHORT_B = "Schools will open late after the storm\n\n" + BODY.replace("bridge", "school") * 2 + "\n"
FOOTER = "\nAbout us\nContact\n© 2024 Town Courier. All rights reserved.\n"
MENU = "Skip to content\nHome\nNews\n\n"


@pytest.mark.parametrize("above, below", [(FOOTER, MENU), (FOOTER, "News\nSport\nWeather\n\n"),
                                          ("\nAbout us\nContact\nJobs\n", MENU)])
def test_a_lone_rule_under_a_footer_or_over_a_menu_splits_two_short_pages(above, below):
    """Two short pages (less body than ``layout.seam_min_body``): a page's footer over the
    rule or the next page's menu under it tells a seam, and less body will do."""
    assert titles(SHORT_A + above + "\n----\n\n" + below + SHORT_B) == TWO


@pytest.mark.parametrize("above, below", [("\u00a9 2024 Town Courier. All rights reserved.\n", ""),
                                          ("", "Skip to the content\n"), ("", "Skip to article\n")])
def test_a_lone_rule_right_under_a_copyright_line_or_over_a_skip_link_splits_by_a_body(above, below):
    """The page's last line a copyright line, or the next page's first a "Skip to content"
    link: a seam, though the last lines of one body are near the rule."""
    assert titles(SHORT_A + above + "\n----\n\n" + below + "News\nSport\n\n" + SHORT_B) == TWO
    assert titles(SHORT_A + "\n----\n\nNews\nSport\n\n" + SHORT_B) == TWO[:1]


def test_a_lone_rule_between_a_closing_line_and_an_opening_one_splits_off_a_light_page():
    """A copyright line right over the rule and a "Skip to content" link right under it say
    a page ends and the next begins: a page of a few lines (a picture post) is split off,
    though it has less body than ``layout.separator_lone_body``."""
    light = ("Sunset over the harbour\n\nA quiet evening on the pier, where the boats come in as the sun "
             "goes down over the water and the town.\n")
    text = light + "\n\u00a9 2012 Harbour Pictures. All rights reserved.\n----\nSkip to content\nNews\n\n" + SHORT_B
    assert titles(text) == ["Sunset over the harbour", TWO[1]]
    lw = replace(DEFAULT_WEIGHTS.layout, separator_told_body=DEFAULT_WEIGHTS.layout.separator_lone_body)
    assert [a.title for a in parse_text(text, weights=replace(DEFAULT_WEIGHTS, layout=lw)).articles] != \
        ["Sunset over the harbour", TWO[1]]


@pytest.mark.parametrize("skip", ["Перейти к контенту", "Saltar al contenido", "Naar inhoud", "Direkt zum Inhalt"])
def test_a_skip_link_in_other_languages_opens_the_next_page(skip):
    assert titles(SHORT_A + "\n----\n\n" + skip + "\nNews\nSport\n\n" + SHORT_B) == TWO


def test_a_lone_rule_over_the_next_pages_menu_splits_though_a_body_ends_right_over_it():
    """Under the rule, a menu ("Explore", then the site's sections): the next page opens
    there, though the last paragraph of the page before stands right over the rule."""
    menu = "Explore\nWorld\nSport\nCrosswords\nWeather\n\n"
    assert titles(SHORT_A + "\n----\n\n" + menu + SHORT_B) == TWO
    assert titles(SHORT_A + "\n----\n\nExplore\nSport\n\n" + SHORT_B) == TWO[:1]  # one menu line is no menu


def test_a_lone_rule_between_menus_with_no_seam_needs_more_body():
    text = SHORT_A + "\nOur team\nLetters\nArchive\n\n----\n\nOur team\nLetters\nPuzzles\n\n" + SHORT_B
    assert titles(text) == TWO[:1]
    lw = replace(DEFAULT_WEIGHTS.layout, seam_min_body=DEFAULT_WEIGHTS.layout.separator_lone_body)
    assert [a.title for a in parse_text(text, weights=replace(DEFAULT_WEIGHTS, layout=lw)).articles] == TWO


def test_a_commenters_copyright_sign_off_over_each_signature_is_no_page_footer():
    """A commenter signs off with a line that reads as a footer ("… (copyright of …) 2012")
    and each comment is signed "by NAME on DATE up reply": the thread under the article
    is one page's, not a page after each sign-off."""
    paragraphs = [BODY.strip(), BODY.replace("bridge", "ferry").strip(), BODY.replace("old", "iron").strip()]
    story = "\n\n".join(paragraphs * 4)
    comment = ("I walk over that bridge every morning with my dog, and I have never once felt that it "
               "was unsafe, whatever the engineers may end up saying about it in the spring. ")
    sign_off = "Your 2012 Riverside Rovers....!!!. Masters of the late winner (copyright of the choir acknowledged)."
    thread, k = "", 0
    for _ in range(2):
        for short in ["Go Rovers!", "Nice one", "Was anyone there?", "Hahaha", "Well played", "Not sure"]:
            thread += f"{short}\n\nby Fan {k} on Aug 8, 2012 5:{10 + k} PM PDT up reply\n\n"
            k += 1
        thread += f"{sign_off}\n\nby Fan {k} on Aug 8, 2012 5:{10 + k} PM PDT up reply actions\n\n"
        k += 1
    thread += "\n\n".join([comment] * 6) + "\n\nby Fan 99 on Aug 9, 2012 1:08 AM PDT reply\n"
    doc = parse_text(TWO[0] + "\n\n" + story + "\n\nComments\n\n" + thread)
    assert [a.title for a in doc.articles] == TWO[:1]
    signed = [r for r in doc.articles[0].lines if r.text.startswith("by Fan")]
    assert len(signed) == k + 1 and all(r.rule == "comment-signature" for r in signed)


@pytest.mark.parametrize("signature", ["Sam Poe says:\nOctober 11, 2012 at 2:05 pm\n",
                                       "by Sam Poe on Oct 11, 2012 2:05 PM PDT up reply\n"])
def test_a_comment_quoted_in_a_reply_is_no_headline_repeated(signature):
    """A comment shown again under a commenter's signature (a reply quoting it) is no
    infinite-scroll header (a headline shown twice with a date between): the thread stays
    the article's."""
    story = TWO[0] + "\n\n" + "\n\n".join([BODY.strip()] * 6) + "\n\nComments\n\n"
    reply = ("I walk over that bridge every morning with my dog, and I have never once felt that it "
             "was unsafe, whatever the engineers may end up saying about it in the spring.")
    for quoted in ("What a lovely old bridge this is", "Best crossing in the whole county"):
        story += (f"Jane Roe says:\nOctober 11, 2012 at 2:01 pm\n\n{quoted}\n\nReply\n\n{signature}\n{quoted}\n\n"
                  + "\n\n".join([reply] * 3) + "\n\nReply\n\n")
    assert titles(story) == TWO[:1]


def test_a_comment_thread_printed_twice_is_no_run_of_repeated_headers():
    """Each comment (name, date, text) printed twice, as some blog themes do: the text
    shows again a few lines on with a date between, but so does the name over it: a block
    shown twice, no headline."""
    page = "Home\nNews\n\n" + TWO[0] + "\n\n" + "\n\n".join([BODY.strip()] * 6) + "\n\nComments\n\n"
    reply = ("I walk over that bridge every morning with my dog, and I have never once felt that it "
             "was unsafe, whatever the engineers may end up saying about it in the spring.")
    for name, text in (("Lucka", "Gorgeous photos of the old bridge!"), ("Martina", "The river looks so pretty!")):
        block = f"{name}\nOctober 4, 2012, | Permalink\n\n{text}\n\n"
        page += block + block + "\n\n".join([reply] * 2) + "\n\n"
    assert titles(page + "About us\nContact\n") == TWO[:1]


def test_a_teaser_shown_twice_in_a_row_is_no_repeated_header():
    """A sidebar teaser printed twice in a row (its picture's text and its link) over a
    byline and date is no infinite-scroll header: a header shows again a few lines on."""
    page = "Home\nNews\nSport\nMusic\n\n" + TWO[0] + "\n\n" + "\n\n".join([BODY.strip()] * 6) + "\n\nTracks\n\n"
    blurb = ("The band's new single is a slow and heavy piece, built on a loop of strings that the "
             "singer recorded in a church hall outside the city last winter, and it runs for nine minutes. ")
    for song in ('Andy Rowe: "Numb Hours"', 'Isla Grey: "Ghost Keys"'):
        page += f"{song}\n{song}\nBy Lee Park on September 25, 2012\n\n{blurb * 2}\n\n"
    assert titles(page + "About us\nContact\nPrivacy policy\n") == TWO[:1]


DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]


def test_two_rules_boxing_a_title_are_no_separators():
    page = ("Home\nNews\n\n" + "=" * 40 + "\n" + TWO[0] + "\n" + "=" * 40 + "\n\n"
            + "\n\n".join(BODY.replace("Tuesday", day).strip() for day in DAYS) + "\n\nAbout us\nContact\n")
    (art,) = parse_text(page).articles
    assert art.title == TWO[0] and len(art.body) == 6


def test_a_banner_boxed_by_rules_in_a_comment_does_not_split_the_thread():
    page = (TWO[0] + "\n\n" + "\n\n".join([BODY.strip()] * 6) + "\n\nComments\n\nJane Roe - July 25th, 2012\n\n"
            + "*" * 60 + "\nEducation is a chance to build something special\n" + "*" * 60 + "\n\n"
            + "\n\n".join([BODY.replace("bridge", "ferry").strip()] * 3) + "\n\nReply\n")
    assert titles(page) == TWO[:1]


def _whole_page(title: str, word: str, head: str, foot: str) -> str:
    body = "\n\n".join(BODY.replace("Tuesday", day).replace("bridge", word).strip() for day in DAYS + ["Sunday"])
    return head + title + "\n\n" + body + "\n\n" + foot


@pytest.mark.parametrize("a_tail, b_head", [("", "Jobs\nHome\nNews\nSport\nWeather\n\n"),
                                            ("Subscriptions\n", "Home\nNews\nSport\nWeather\n\n"),
                                            ("", "Home\nNews\nSport\nWeather\n\n")])
def test_a_seam_starts_the_next_page_under_the_widest_gap_when_no_blank_line_parts_footer_and_menu(a_tail, b_head):
    """A page's footer, a blank gap, the next page's menu: where the line right over the
    menu's first line is no blank one (the footer's last link, "Subscriptions", under the
    copyright line; the menu's first link a footer's word, "Jobs"), the next page still
    starts under the gap. The page test is off here (``layout.page_min_body``): the seam
    alone tells the pages."""
    a = _whole_page(TWO[0], "bridge", "Home\nNews\nSport\n\n", "About us\nPrivacy policy\n\u00a9 2024 Town Courier\n")
    b = _whole_page(TWO[1], "school", b_head, "Contact\nTerms of use\n\u00a9 2024 Valley Post\n")
    weights = replace(DEFAULT_WEIGHTS, layout=replace(DEFAULT_WEIGHTS.layout, page_min_body=10**6))
    assert [x.title for x in parse_text(a + a_tail + "\n\n\n" + b, weights=weights).articles] == TWO


def test_the_next_page_starts_under_the_footer_not_at_a_seam_in_its_own_menu():
    """The next page's masthead and menu hold a footer's words ("About us", "Contact") over
    its "Skip to content": a seam there, and the page test's cut under the page's footer,
    just above it with too little body between. The page starts at the first: its
    masthead is its own."""
    def body(word: str, subject: str) -> str:
        return "\n\n".join(BODY.replace("Tuesday", day).replace("bridge", word).replace("council", subject).strip()
                           for day in DAYS + ["Sunday"])
    a = f"Home\nNews\nSport\n\n{TWO[0]}\n\n{body('bridge', 'council')}\n\n\u00a9 2024 Town Courier\n"
    b = ("The Valley Post\nLocal news since 1901\n\nAbout us\nContact\nAdvertise\n\nSkip to content\nWorld\n"
         f"Sport\nWeather\n\n{TWO[1]}\n\n{body('school', 'board')}\n\nContact\nTerms of use\n\u00a9 2024 Valley Post\n")
    arts = parse_text(a + "\n\n\n" + b).articles
    assert [(x.title, x.start) for x in arts] == [(TWO[0], 1), (TWO[1], a.count("\n") + 4)]


def test_a_section_break_the_body_runs_across_does_not_split():
    text = ARTICLE + "\n* * *\n\n" + BODY * 2 + "\n* * *\n\n" + BODY * 2
    assert len(titles(text)) == 1


FOOTED = ARTICLE + ("\n" + BODY + "\n") * 3 + "\nAbout us\nContact\nPrivacy policy\n© 2024 The Town Paper\n\n"


def test_related_teasers_after_a_pages_footer_do_not_split_it():
    teasers = "".join(f"{k}H ago\nA teaser headline number {k}\n\n{BODY}\n\n" for k in range(1, 6))
    assert len(titles(FOOTED + "Home\nNews\nSport\n\n" + teasers)) == 1


def test_a_copyright_line_with_no_year_or_sign_is_no_footer():
    other = "Home\nNews\nSport\n\n" + OTHER + ("\n" + BODY + "\n") * 3
    assert len(titles(FOOTED + other)) == 2
    # (a footer menu of terms and privacy links over the next page's menu is a seam
    # whatever its copyright line: see test_a_pages_closing_block_over_the_next_ones_menu_is_a_seam)
    # (and one closing line over a menu of three opening lines is a seam too: see
    # test_one_closing_line_over_the_next_pages_menu_is_a_seam; here the menu has two)
    menu = "About us\nContact\nPrivacy policy\n© 2024 The Town Paper"
    short_menu = other.replace("Home\nNews\nSport\n", "Home\nNews\n", 1)
    assert len(titles(FOOTED.replace(menu, "Our team\nLetters\nArchive\nCopyright notice") + short_menu)) == 1


# A page's closing block (terms and privacy links, no copyright line with a year: no footer)
# and the next page's opening block (a skip link, a menu) over its headline.
SEAM_CLOSING = "About us\nContact\nPrivacy policy\nTerms of use\n\n"
SEAM_OPENING = "Skip to content\nHome\nNews\nSport\n\n"
PAGE_A = ARTICLE + ("\n" + BODY + "\n") * 3 + "\n" + SEAM_CLOSING
PAGE_B = OTHER + ("\n" + BODY.replace("bridge", "school") + "\n") * 3


def test_a_pages_closing_block_over_the_next_ones_menu_is_a_seam():
    doc = parse_text(PAGE_A + SEAM_OPENING + PAGE_B)
    assert [a.title for a in doc.articles] == TWO
    second = doc.articles[1]
    assert second.lines[0].text == "Skip to content"  # the next page opens with its menu


def test_one_closing_line_over_the_next_pages_menu_is_a_seam():
    one_line = ARTICLE + ("\n" + BODY + "\n") * 3 + "\nOur team\nPrivacy policy\n\n"
    assert titles(one_line + SEAM_OPENING + PAGE_B) == TWO
    # (with one closing line, a menu of two opening lines is too little)
    assert len(titles(one_line + "Home\nSport\n\n" + PAGE_B)) == 1


def test_a_blog_platforms_credit_closes_a_page():
    footer = "\nOur team\nBlog at WordPress.com.\nTheme: Vigilance by The Theme Foundry.\n\n"
    credits = ARTICLE + ("\n" + BODY + "\n") * 3 + footer
    assert titles(credits + "Skip to content\nHome\n\n" + PAGE_B) == TWO


def test_no_seam_without_the_next_pages_opening_block():
    assert len(titles(PAGE_A + "Our team\nLetters\nArchive\n\n" + LETTERS)) == 1


HARVEST = ("Farmers across the valley began picking apples a fortnight early this autumn after a "
           "warm and unusually dry summer ripened the orchards ahead of the usual calendar. ")
PAGE_C = ("Apple harvest starts early in the valley\n\n" + HARVEST * 2 + "\n\n"
          + ("Growers said cider makers and markets had been asked to take deliveries sooner, and that "
             "pickers hired for October were now working through the last weeks of September.\n\n") * 4)
# Under a page's footer, more text on its own subject (readers' letters): no other page.
LETTERS = "Readers write about the old bridge\n\n" + "".join(f"{x} {x}\n\n" for x in [
    "Keeping the old bridge open was the right call, and I cross it every morning.",
    "Walkers and cyclists have used it for a century; the council should fund the repairs.",
    "The engineers will find the bridge sound, as they did the last time it was studied.",
    "Our cyclists club thanks the council for listening to the walkers of this town.",
    "Repairs cost money, but a closed bridge would cost the town far more in lost trade.",
    "I hope the engineers study the repairs quickly before the winter storms return.",
] * 2)
SITE_MENU = "Allotments\nOrchards\nHedgerows\n\n"  # a site's own words: no opening rule names them


def test_a_closing_block_over_a_page_on_another_subject_is_a_seam_with_no_opening_block():
    assert titles(PAGE_A + SITE_MENU + PAGE_C) == [TWO[0], "Apple harvest starts early in the valley"]
    assert len(titles(PAGE_A + SITE_MENU + LETTERS)) == 1
    # the closing lines must be a block under the body, not ad slots between its paragraphs
    slots = ARTICLE + ("\nAdvertise | AdChoices\n\n" + BODY + "\n") * 3 + "\nAdvertise | AdChoices\n\n"
    assert len(titles(slots + SITE_MENU + PAGE_C)) == 1


def test_one_closing_line_over_a_long_menu_of_the_sites_own_words_is_a_seam():
    one_line = ARTICLE + ("\n" + BODY + "\n") * 3 + "\nOur team\nPrivacy policy\n\n"
    long_menu = "".join(f"{w}\n" for w in ("Allotments", "Orchards", "Hedgerows", "Ponds", "Meadows",
                                            "Woodland", "Moorland")) + "\n"
    assert titles(one_line + long_menu + PAGE_C) == [TWO[0], "Apple harvest starts early in the valley"]
    assert len(titles(one_line + SITE_MENU + PAGE_C)) == 1  # three menu lines: too few


def test_a_short_page_between_two_seams_is_a_page_of_its_own():
    # Less body than a page needs, but a headline over a paragraph of prose: a short page.
    short = "Apple harvest starts early in the valley\n\n" + HARVEST * 2 + "\n\n" + SEAM_CLOSING
    text = PAGE_A + SEAM_OPENING + short + SEAM_OPENING + PAGE_B
    assert titles(text) == [TWO[0], "Apple harvest starts early in the valley", TWO[1]]
    # Under a teasers' head, the same lines are teasers of the page above.
    teasers = "Related stories\n" + short
    assert titles(PAGE_A + SEAM_OPENING + teasers + SEAM_OPENING + PAGE_B) == TWO


def test_no_seam_where_no_headline_stands_over_the_next_body():
    headless = PAGE_B.split("\n\n", 1)[1]
    assert len(titles(PAGE_A + SEAM_OPENING + headless)) == 1


# A digest: clippings one after another, no chrome, about the same things (the words do not
# change across the start), told apart by a headline with its date or byline under it.
CLIP = BODY * 2 + "\n\n" + BODY + "\n\n" + BODY.replace("bridge", "road") + "\n"


def clipping(head: str, meta: str) -> str:
    return f"{head}\n{meta}\n\n{CLIP}" if meta else f"{head}\n\n{CLIP}"


@pytest.mark.parametrize(("meta_one", "meta_two"), [
    ("By Jane Roe", "By John Doe"),
    ("October 1, 2012", "October 2, 2012"),
])
def test_a_digest_clipping_starts_at_a_headline_with_its_date_or_byline_under_it(meta_one, meta_two):
    heads = ["Council keeps the old bridge open", "Engineers study the cost of the repairs"]
    text = clipping(heads[0], meta_one) + "\n\n" + clipping(heads[1], meta_two)
    assert titles(text) == heads
    # without the date or byline, a line over paragraphs about the same things is a subheading
    assert len(titles(clipping(heads[0], meta_one) + "\n\n" + clipping(heads[1], ""))) == 1


def test_a_digest_clipping_starts_at_a_date_line_over_its_headline():
    heads = ["Council keeps the old bridge open", "Engineers study the cost of the repairs"]
    first = clipping(heads[0], "By Jane Roe")
    text = first + "\n\nMonday, October 1, 2012\n" + heads[1] + "\n\n" + CLIP
    assert titles(text) == heads


def test_a_comments_signature_under_a_line_starts_no_clipping():
    first = clipping("Council keeps the old bridge open", "By Jane Roe")
    assert len(titles(first + "\n\nThanks for the update, Jane\nJohn Doe wrote on October 2, 2012:\n\n" + CLIP)) == 1


def test_a_part_with_too_little_body_stays_as_chrome_and_is_noted():
    text = ARTICLE + "\f\nSubscribe to our newsletter\n\f\n" + OTHER
    doc = parse_text(text)
    assert [a.title for a in doc.articles] == TWO
    assert any(r.text == "Subscribe to our newsletter" for r in doc.chrome)
    assert doc.notes == ["lines 7-7: too little body for an article, kept as chrome"]



def test_a_brief_between_separator_lines_is_an_article():
    # A short item between two rules of an export (a brief of a sentence or two) is an
    # article as it would be alone; a part with no body at all (a label) joins its neighbour.
    brief = ("Road closed for a week\n\nThe road by the market will be closed from Monday to Sunday "
             "while the crews repair the water main under it.\n")
    rule = "\n" + "-" * 40 + "\n\n"
    assert titles(ARTICLE + rule + brief + rule + OTHER) == [TWO[0], "Road closed for a week", TWO[1]]
    label = "Section: Local news\n"
    assert titles(ARTICLE + rule + label + rule + brief + rule + OTHER) == [TWO[0], "Road closed for a week", TWO[1]]


def test_a_record_with_a_headline_and_a_byline_between_separator_lines_is_an_article():
    # An export's record whose text is cut off (its headline, its byline and date, then
    # only the site's links) is a document of its own, not chrome of the one before; the
    # same links under no headline and byline are.
    record = "Ferry timetable changes next month\nBy Jane Roe, 3 March 2012\n\nSubscribe\nAbout us\nContact\n"
    rule = "\n" + "=" * 40 + "\n\n"
    assert titles(ARTICLE + rule + record + rule + OTHER) == [TWO[0], "Ferry timetable changes next month", TWO[1]]
    links = "Subscribe\nAbout us\nContact\n"
    assert titles(ARTICLE + rule + links + rule + OTHER) == TWO

def test_split_file_is_one_article_per_file():
    text = ARTICLE + "\f\n" + OTHER
    assert len(titles(text)) == 2
    assert len(titles(text, "file")) == 1


def test_split_pattern_splits_at_the_users_lines_only():
    text = ARTICLE + "\n%%% next %%%\n\n" + OTHER + "\n----\n\n" + ARTICLE.replace("old", "new") + "\n----\n" + OTHER
    assert titles(text, r"%+ next %+") == TWO


def test_a_bad_split_pattern_is_a_split_error():
    with pytest.raises(SplitError, match="bad split pattern"):
        parse_text("x\n", split="(")


# --- the command line ---------------------------------------------------------------


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


@pytest.mark.parametrize("command", ["list", "strip", "dedupe"])
def test_split_file_on_the_command_line(command):
    text = ARTICLE + "\f\n" + OTHER
    auto, whole = run(command, "-", input=text), run(command, "--split", "file", "-", input=text)
    assert auto.exit_code == whole.exit_code == 0
    assert auto.stdout != whole.stdout


def test_split_pattern_on_the_command_line():
    text = ARTICLE + "@@\n" + OTHER
    assert len(run("list", "-", input=text).stdout.splitlines()) == 1
    assert len(run("list", "--split", "@@", "-", input=text).stdout.splitlines()) == 2


def test_show_and_diff_take_split(tmp_path):
    path = tmp_path / "two.txt"
    path.write_text(ARTICLE + "@@\n" + OTHER, encoding="utf-8")
    first, second = (line.split("\t")[0] for line in run("list", "--split", "@@", str(path)).stdout.splitlines())
    assert run("show", "--split", "@@", second, str(path)).exit_code == 0
    assert run("show", second, str(path)).exit_code == ExitCode.INPUT_ERROR  # no such article unsplit
    assert run("diff", "--split", "@@", first, second, str(path)).exit_code == 0


def test_a_bad_split_pattern_is_a_usage_error():
    result = run("list", "--split", "(", "-", input=ARTICLE)
    assert result.exit_code == ExitCode.USAGE
    assert result.stdout == ""
    assert "bad split pattern" in result.stderr


def test_verbose_says_when_a_part_is_kept_as_chrome():
    text = ARTICLE + "\f\nSubscribe to our newsletter\n\f\n" + OTHER
    result = run("-v", "list", "-", input=text)
    assert "lines 7-7: too little body for an article, kept as chrome" in result.stderr
    assert "too little body" not in run("list", "-", input=text).stderr


MENU = "".join(f"{item}\n" for item in ("Home", "News", "Sport", "Weather", "Business", "Opinion", "Culture",
                                           "Travel", "Video", "Podcasts"))
FOOTER = "\n" + MENU + "© 2024 The Town Paper\n\n"


def test_a_short_page_between_two_pages_is_split_at_its_own_footer():
    # The middle page's body (two paragraphs) is too small for the page test: the pages
    # start past each footer in the chrome between the two bodies that pass it.
    short = MENU + "\nLibrary hours change in December\n\n" + BODY + "\n\n" + BODY + "\n" + FOOTER
    text = ARTICLE + ("\n" + BODY + "\n") * 3 + FOOTER + short + MENU + "\n" + OTHER + ("\n" + BODY + "\n") * 3
    assert titles(text) == [TWO[0], "Library hours change in December", TWO[1]]


def test_a_copyright_line_under_the_body_is_the_articles_not_a_pages_end():
    # "© ... Associated Press" right under the body, then the page's comments and footer.
    comments = "".join(f"\nReader {k}\n2 hours ago\n{BODY}\nReply\n" for k in range(1, 5))
    wire = (FOOTED.split("\nAbout us")[0] + "\n\n© 2024 The Associated Press. All rights reserved.\n\nComments\n"
            + comments + FOOTER)
    text = wire + MENU + "\n" + OTHER + ("\n" + BODY + "\n") * 3
    assert titles(text) == TWO


# Three clippings on three subjects, hand-written: each paragraph comes back to its own
# article's words (the bridge, the schools, the ferry), as the paragraphs of one article do.
CLIPPINGS = {
    "Council keeps the old bridge open": [
        "The council voted on Tuesday to keep the old bridge open to walkers and cyclists for another year.",
        "Engineers found rust in the bridge's lower beams last spring and asked for a full survey of the span.",
        "The survey of the bridge will report in March, and the council will decide on repairs after that.",
        "Walkers who cross the bridge every morning welcomed the vote, though some worry about the beams.",
    ],
    "Schools will open late after the storm": [
        "Schools across the district will open two hours late on Friday after the storm brought down trees.",
        "Buses cannot reach several villages where fallen trees still block the lanes, the district said.",
        "Teachers were asked to check their classrooms for leaks before pupils arrive at the schools.",
        "Parents will get a text message if any school stays closed for the whole day.",
    ],
    "The harbour gets a new ferry": [
        "A new ferry will sail from the harbour in June, replacing a vessel that has served the island since 1987.",
        "The ferry carries twice as many cars and runs on electric motors when it is inside the harbour walls.",
        "Islanders have waited a decade for the ferry, and the old one often missed crossings in winter gales.",
        "Tickets for the new ferry go on sale next month at the harbour office and online.",
    ],
}
DIGEST = list(CLIPPINGS)


def _clipping(headline: str, subheading: str = "") -> str:
    paras = CLIPPINGS[headline]
    middle = f"\n\n{subheading}\n\n" if subheading else "\n\n"
    return f"{headline}\n\n" + "\n\n".join(paras[:2]) + middle + "\n\n".join(paras[2:]) + "\n"


def test_a_digest_splits_at_the_wider_gaps_above_its_headlines():
    # Articles with no chrome, paragraphs one blank line apart, articles two or three.
    text = (_clipping(DIGEST[0], "What the engineers found") + "\n\n" + _clipping(DIGEST[1])
            + "\n\n\n" + _clipping(DIGEST[2], "The cost"))
    assert titles(text) == DIGEST


def test_a_digest_may_open_with_a_headline_of_two_words():
    # "Bridge open" is lighter than a headline's shape; over two paragraphs it still opens a
    # clipping.
    short = "Bridge open"
    first = f"{short}\n\n" + "\n\n".join(CLIPPINGS[DIGEST[0]]) + "\n"
    text = first + "\n\n" + _clipping(DIGEST[1]) + "\n\n\n" + _clipping(DIGEST[2])
    assert titles(text) == [short, DIGEST[1], DIGEST[2]]


def test_a_digest_headline_far_over_its_body_starts_a_clipping_under_a_wide_gap():
    # Two short lines stand between the headline and the first paragraph, too far for
    # a headline over its body: under a wide gap it starts a clipping where the words change
    # as much as at a headline's start, not only as much as at a paragraph's.
    second = f"{DIGEST[2]}\n\nIsland news in brief\n\nFive minute read\n\n" + "\n\n".join(CLIPPINGS[DIGEST[2]]) + "\n"
    text = _clipping(DIGEST[0]) + "\n\n\n" + second
    lw = DEFAULT_WEIGHTS.layout
    strict = replace(lw, digest_narrow_cohesion=0.0, digest_headed_cohesion=0.0)
    as_a_paragraph = replace(DEFAULT_WEIGHTS, layout=strict)
    assert [a.title for a in parse_text(text, weights=as_a_paragraph).articles] == [DIGEST[0], DIGEST[2]]
    never = replace(as_a_paragraph, layout=replace(as_a_paragraph.layout, digest_wide_cohesion=0.0))
    assert len(parse_text(text, weights=never).articles) == 1


def test_a_digest_clipping_may_open_with_a_date_line_under_a_wide_gap():
    text = _clipping(DIGEST[0]) + "\n\n\nFriday, 5 January 2024\n\n" + "\n\n".join(CLIPPINGS[DIGEST[2]]) + "\n"
    arts = parse_text(text).articles
    assert [a.body for a in arts] == [CLIPPINGS[DIGEST[0]], CLIPPINGS[DIGEST[2]]]


def test_a_digest_whose_clipping_kept_its_copyright_line_still_splits_at_its_wide_gaps():
    kept = "Copyright 2024 The Island Paper. All rights reserved.\n"
    text = (_clipping(DIGEST[0]) + "\n\n" + _clipping(DIGEST[1]) + "\n\n" + _clipping(DIGEST[2]) + "\n" + kept)
    assert titles(text) == DIGEST
    # ... but only there: as narrowly set apart as its paragraphs, it is one article.
    assert len(titles(_clipping(DIGEST[0]) + "\n" + _clipping(DIGEST[2]) + "\n" + kept)) == 1


def test_a_digest_set_apart_as_narrowly_as_its_paragraphs_splits_where_the_subject_changes():
    # One blank line everywhere: a new article's headline stands between two subjects, a
    # subheading between paragraphs about the same things.
    first, second = DIGEST[0], DIGEST[2]
    text = _clipping(first, "What the engineers found") + "\n" + _clipping(second, "The cost")
    assert "\n\n\n" not in text
    assert titles(text) == [first, second]
    # One article with a subheading set apart as narrowly is one article.
    assert len(titles(_clipping(first, "What the engineers found") + "\n" + "\n\n".join(CLIPPINGS[first]))) == 1


def test_a_digest_headline_set_apart_as_narrowly_as_its_paragraphs_needs_less_change_of_subject():
    # The schools and the bridge share a few words (a council, a district, mornings): the
    # cohesion across the bridge's headline is between a paragraph's threshold and a
    # headline's, so the headline starts an article where a paragraph would not.
    first, second = DIGEST[1], DIGEST[0]
    text = _clipping(first) + "\n" + _clipping(second)
    assert "\n\n\n" not in text
    assert titles(text) == [first, second]
    lw = DEFAULT_WEIGHTS.layout
    as_a_paragraph = replace(DEFAULT_WEIGHTS, layout=replace(lw, digest_headed_cohesion=lw.digest_narrow_cohesion))
    assert len(parse_text(text, weights=as_a_paragraph).articles) == 1


def test_a_digest_headline_far_over_its_body_starts_a_clipping_under_a_narrow_gap():
    # One blank line everywhere, and two short lines between the second headline and its
    # first paragraph: its body is three lines of words under it, where the blank lines
    # between would have put it out of a headline's reach.
    second = f"{DIGEST[2]}\n\nIsland news in brief\n\nFive minute read\n\n" + "\n\n".join(CLIPPINGS[DIGEST[2]]) + "\n"
    text = _clipping(DIGEST[0]) + "\n" + second
    assert "\n\n\n" not in text
    assert titles(text) == [DIGEST[0], DIGEST[2]]


def test_a_clippings_head_told_twice_starts_it_at_its_top_line():
    # "Paper - Headline" over the headline and its date: one head, though each line of it
    # may start a clipping, and the brief over it has a single paragraph.
    brief = f"{DIGEST[0]}\n\n" + " ".join(CLIPPINGS[DIGEST[0]][:3]) + "\n"
    second = (f"The Island Paper - {DIGEST[2]}\n\n{DIGEST[2]}\nFriday, 5 January 2024\n\n"
              + "\n\n".join(CLIPPINGS[DIGEST[2]]) + "\n")
    text = _clipping(DIGEST[1]) + "\n\n\n" + brief + "\n\n\n" + second
    arts = parse_text(text).articles
    assert [a.title for a in arts] == [DIGEST[1], DIGEST[0], DIGEST[2]]
    assert arts[2].start == text.split("\n").index(f"The Island Paper - {DIGEST[2]}") + 1


def test_a_clippings_source_line_under_its_body_stays_with_it():
    # "Information from: ..." under the last paragraph may start a clipping by its shape;
    # with the next headline under a wide gap and no paragraph between, the headline does.
    source = "Information from: Island Radio, http://radio.example.com"
    text = _clipping(DIGEST[0]) + f"\n{source}\n\n\n" + _clipping(DIGEST[2])
    arts = parse_text(text).articles
    assert [a.title for a in arts] == [DIGEST[0], DIGEST[2]]
    assert arts[1].start == text.split("\n").index(DIGEST[2]) + 1


def test_a_clippings_head_set_as_narrowly_as_its_byline_starts_at_its_headline():
    # The headline and the byline over its date may each start the clipping (the byline by
    # the date under it, needing fewer paragraphs where a headline under a narrow gap needs
    # more, as these weights make it); neither stands under a wider gap, so the top one does.
    lw = DEFAULT_WEIGHTS.layout
    weights = replace(DEFAULT_WEIGHTS, layout=replace(lw, digest_narrow_cohesion=0.0, digest_headed_cohesion=1.0))
    head = f"{DIGEST[2]}\n\nJane Roe and John Doe\nAugust 9, 2012 at 4:00 pm\n\n"
    text = _clipping(DIGEST[0]) + "\n" + head + "\n\n".join(CLIPPINGS[DIGEST[2]]) + "\n"
    arts = parse_text(text, weights=weights).articles
    assert [a.title for a in arts] == [DIGEST[0], DIGEST[2]]
    assert arts[1].start == text.split("\n").index(DIGEST[2]) + 1


ISLAND_MENU = "Home\nAbout the Paper\nOur Island\nRecommended Reading\nMeet the Writers\nContact\n"


def _island_post(day: int, head: str, older: str, newer: str) -> str:
    paras = "\n\n".join(CLIPPINGS[head])
    return (f"{ISLAND_MENU}« {older}\n{newer} »\nNov 0{day} 2012\n{head}\nPosted by Jane Roe in Island News\n\n"
            f"{paras}\n\nCategories\nIsland News\nFerries\nSchools\nWeather\n\n"
            "Powered by WordPress, Island theme by Jane.\n")


def test_a_sites_short_menu_shown_again_under_its_platforms_credit_starts_the_next_post():
    # Two posts of one blog appended: its six-line menu (too short a block to tell pages by
    # itself) right under the footer's last line each time.
    first, second = _island_post(3, DIGEST[0], "Older", DIGEST[2]), _island_post(5, DIGEST[2], DIGEST[0], "Newer")
    text = first + "\n\n\n" + second
    assert titles(text) == [DIGEST[0], DIGEST[2]]
    lw = DEFAULT_WEIGHTS.layout
    no_short_blocks = replace(DEFAULT_WEIGHTS, layout=replace(lw, template_closed_lines=len(text)))
    assert len(parse_text(text, weights=no_short_blocks).articles) == 1


def test_a_page_with_a_block_of_share_links_is_no_digest():
    # No rule's line at the page's ends, but a block of them under its body: a page, whose
    # comments notice and sidebar under the body are no clipping of their own.
    paras = CLIPPINGS[DIGEST[0]] + [p.replace("bridge", "span") for p in CLIPPINGS[DIGEST[0]]]
    page = (f"{DIGEST[0]}\nBy Jane Roe\n\n" + "\n\n".join(paras) + "\n\n"
            "Share this:\nFacebook\nTwitter\nEmail\nPrint\n\nPosted in: Island news | comments\n\n\n"
            "Comments may be no longer than 2000 characters and will post to the site shortly after submitting.\n"
            "Island news\nWhat do players and coaches do when they are not at work? From charity events to"
            " television shows and everywhere in between, we offer a pass to see what happens off the field."
            " Each month our reporters drop in on a club or a charity and share the stories they hear.\n\n"
            "Harbour Blog\nFerry Watch\nSchool Run\nWeather Desk\nLetters\n"
            "November 2012\nOctober 2012\nSeptember 2012\nAugust 2012\nJuly 2012\n")
    assert titles(page) == [DIGEST[0]]
    lw = DEFAULT_WEIGHTS.layout
    no_blocks = replace(DEFAULT_WEIGHTS, layout=replace(lw, digest_block_rules=len(page)))
    assert len(parse_text(page, weights=no_blocks).articles) == 2


def test_a_page_with_chrome_is_no_digest():
    text = "Home\nNews\nSport\n\n" + _clipping(DIGEST[0]) + "\n\n" + _clipping(DIGEST[1])
    assert len(titles(text + "\nPrivacy policy\nTerms of use\n")) == 1


# Pages with no copyright footer: the next page's opening (a menu, then a headline over the body).
NAV = "\n".join(["Home", "News", "Local", "Sport", "Business", "Weather", "Opinion", "Events", "Contact us"])
TEASERS = "".join(f"A teaser headline number {k}\n" for k in range(1, 9))
UNFOOTED = (NAV + "\n\n" + ARTICLE + ("\n" + BODY + "\n") * 3
            + "\nShare this article\nTweet\nEmail\n\nMore news\n" + TEASERS)
# (the next page is another site's: its menu is not the first one's shown again)
OPENING = NAV.replace("Business", "Money") + "\n\n" + OTHER + ("\n" + BODY + "\n") * 3


def test_appended_pages_with_no_footer_split_at_the_next_pages_opening():
    assert titles(UNFOOTED + "\n\n" + OPENING) == TWO
    # Set apart no wider than its paragraphs, or with too short a menu, a page is not told apart.
    assert len(titles(UNFOOTED + "\n" + OPENING)) == 1
    assert len(titles(UNFOOTED + "\n\n" + OPENING.replace("Weather\nOpinion\nEvents\n", ""))) == 1
    # ... unless it is the same site's page: its menu shown again opens it
    assert titles(UNFOOTED + "\n" + OPENING.replace("Money", "Business")) == TWO


def _page(headline: str, first: int = 1) -> str:
    # A page with a short menu (too short to be told as a page's opening) and no footer.
    body = "\n\n".join(CLIPPINGS[headline] * 3)
    more = "".join(f"More news teaser number {k}\n" for k in range(first, first + 16))
    return f"Home\nNews\nSport\n\n{headline}\n\n{body}\n\nShare this article\nTweet\nEmail\n\nMore news\n{more}"


def test_pages_with_chrome_at_their_ends_and_nothing_between_are_not_split_by_subject_alone():
    # With a menu above and share links below, and no footer or page opening between the
    # two bodies, the file reads as one page: the subject test is not run on every page
    # (it doubled the parser's time on the dev corpus for no page found).
    # (other teasers under each: two sites' pages, whose chrome is not the same)
    assert len(titles(_page(DIGEST[0]) + "\n\n" + _page(DIGEST[2], first=20))) == 1
    # the same teasers under both: one site's pages, told apart by its chrome shown again
    assert titles(_page(DIGEST[0]) + "\n\n" + _page(DIGEST[2])) == [DIGEST[0], DIGEST[2]]


def test_a_recurring_rule_between_paragraphs_splits_where_the_subject_changes():
    # Two documents with no headline, a rule between paragraphs: a section break, unless
    # the paragraphs on its two sides are about different things.
    bridge, ferry = ("\n\n".join(CLIPPINGS[h]) for h in (DIGEST[0], DIGEST[2]))
    assert len(parse_text(f"{bridge}\n\n----\n\n{ferry}\n\n----\n\n{bridge}\n").articles) == 3
    paras = CLIPPINGS[DIGEST[0]]
    one = "\n\n".join(paras[:2]) + "\n\n* * *\n\n" + "\n\n".join(paras[2:]) + "\n\n* * *\n\n" + "\n\n".join(paras[:2])
    assert len(parse_text(one + "\n").articles) == 1


def _seam_page(headline: str, extra: str = "", menu: str = "Home\nNews\nSport\n") -> str:
    body = "\n\n".join(p + extra for p in CLIPPINGS[headline] * 3)
    return f"{menu}\n{headline}\n\n{body}\n"


def test_a_long_seam_of_chrome_with_a_closing_line_splits_two_pages_on_other_subjects():
    # Two pages no footer, opening block or subject test tells apart (the next one's menu is
    # the site's own words; the two bodies share a sentence): a long gap of the first page's
    # chrome (share links, teasers) with a closing line (a cookie notice) between bodies
    # about different things is a seam; with no closing line and few rule lines, it is not.
    shared = " After the storm, the ferry to the harbour was cancelled and schools on the island stayed shut."
    chrome = ("\nShare this article\nTweet\nEmail\n\nMore from the site\n"
              + "".join(f"A teaser headline number {k}\n" for k in range(1, 31)))
    cookie = "\nWe use cookies to give you the best experience on our website.\n"
    second = _seam_page(DIGEST[2], shared, SITE_MENU)
    assert titles(FOOTED + _seam_page(DIGEST[1]) + chrome + cookie + "\n\n" + second) == [*TWO, DIGEST[2]]
    assert titles(FOOTED + _seam_page(DIGEST[1]) + chrome + "\n\n" + second) == [TWO[0], DIGEST[2]]


def test_a_thread_of_comments_between_two_bodies_is_no_seam():
    # The same long gap with its closing line, but a thread of comments in it (most of its
    # rule lines the comment rules'): the comments under one post, not the chrome between
    # two pages, so the seam does not cut there.
    chrome = ("\nShare this article\nTweet\nEmail\n\nMore from the site\n"
              + "".join(f"A teaser headline number {k}\n" for k in range(1, 31))
              + "".join(f"\nReader {k} wrote a short note on this.\nReply\n" for k in range(1, 16)))
    cookie = "\nWe use cookies to give you the best experience on our website.\n"
    shared = " After the storm, the ferry to the harbour was cancelled and schools on the island stayed shut."
    second = _seam_page(DIGEST[2], shared, SITE_MENU)
    assert len(titles(FOOTED + _seam_page(DIGEST[1]) + chrome + cookie + "\n\n" + second)) == 2


def test_a_thread_of_dated_comments_between_two_bodies_is_no_seam():
    # The same long gap with its closing line, and comments no comment rule names but each
    # under a date line: many date lines among the gap's lines of words (one in
    # page_seam_dates or more) read as a thread of comments, not the chrome between pages.
    chrome = ("\nShare this article\nTweet\nEmail\n\nMore from the site\n"
              + "".join(f"A teaser headline number {k}\n" for k in range(1, 31))
              + "".join(f"\nA reader wrote a short note on this, number {k}.\nMarch {k}, 2012 at 10:15 am\n"
                        for k in range(1, 16)))
    cookie = "\nWe use cookies to give you the best experience on our website.\n"
    shared = " After the storm, the ferry to the harbour was cancelled and schools on the island stayed shut."
    second = _seam_page(DIGEST[2], shared, SITE_MENU)
    assert titles(FOOTED + _seam_page(DIGEST[1]) + chrome + cookie + "\n\n" + second) == TWO


GROWERS = ("Growers said cider makers and markets had been asked to take deliveries sooner, and that "
           "pickers hired for October were now working through the last weeks of September.")
# A page's own links under its body (no closing rule's, no opening rule's) over a short page.
OWN_LINKS = "".join(f"{w}\n" for w in ("Our reporters", "Letters page", "Weather", "Puzzles", "Obituaries",
                                       "Crosswords", "Horoscopes", "Motoring"))


def test_a_short_page_sharing_no_word_with_the_body_above_it_is_a_page_of_its_own():
    """No footer, menu or subject test tells a short page (under a page's worth of body)
    from the page above it; but the two bodies share no word at all, and a headline stands
    over the second: two pages. A word in common, or no headline, and it stays one."""
    shares = "\nShare\nTweet\nEmail\n\n"
    above = "Home\nNews\nSport\n\n" + ARTICLE + ("\n" + BODY + "\n") * 3 + shares + OWN_LINKS + "\n"
    short = "Apple harvest starts early in the valley\n\n" + HARVEST * 2 + "\n\n" + GROWERS + "\n"
    below = "Gardens\nRecipes\nAllotments\n\n" + short + "\nShare\nTweet\n"
    assert titles(above + below) == [TWO[0], "Apple harvest starts early in the valley"]
    assert titles(above + below.replace("last weeks", "bridge")) == [TWO[0]]
    assert titles(above + below.replace("Apple harvest starts early in the valley\n", "")) == [TWO[0]]


# aeb pages appended with a blank line that only the cues of :func:`parts.apart_cuts` split:
# bodies with no word in common, the second under its headline ...
APART = [("06e5123e4ef7.chromium.txt", "21486419bb10.chromium.txt"),
         ("11ea381ad92b.chromium.txt", "85439e26c41c.chromium.txt"),
         ("21486419bb10.chromium.txt", "0d46122928b6.chromium.txt"),
         ("8cad00dc22de.chromium.txt", "11ea381ad92b.chromium.txt")]
# ... and a long stretch of chrome from a footer's closing line to the next page's menu,
# with other words on the two sides of its widest blank gap.
FAR = [("21486419bb10.chromium.txt", "11ea381ad92b.chromium.txt"),
       ("06e5123e4ef7.chromium.txt", "87438a0dacbe.chromium.txt")]


@pytest.mark.parametrize("first, second", APART + FAR)
def test_two_real_pages_appended_split_where_their_bodies_or_their_chrome_have_nothing_in_common(first, second):
    alone = [titles(dump(first)), titles(dump(second))]
    assert [len(t) for t in alone] == [1, 1]
    assert titles(dump(first) + "\n\n" + dump(second) + "\n") == alone[0] + alone[1]


@pytest.mark.parametrize("pair, setting", [(APART[0], {"page_apart_gap": 10**6}),
                                           (FAR[0], {"page_far_heads": 10**6})])
def test_each_cue_of_nothing_in_common_is_what_splits_its_pages(pair, setting):
    """Switched off, the cue's pages come out as one article (no other cue splits them)."""
    off = replace(DEFAULT_WEIGHTS, layout=replace(DEFAULT_WEIGHTS.layout, **setting))
    text = dump(pair[0]) + "\n\n" + dump(pair[1]) + "\n"
    assert len(parse_text(text, weights=off).articles) == 1


@pytest.mark.parametrize("skip", ["Skip to content", "Zum Inhalt springen", "Accessibility links"])
def test_a_skip_link_under_a_body_starts_the_next_page(skip):
    """A page's skip link is its first line: under a body, with a headline over the next
    body, it opens the next page, with no footer or rule between. A link within a page
    ("Jump to comments") opens none, and with no headline there is no page to open."""
    page = "Home\nNews\n\n" + ARTICLE + ("\n" + BODY + "\n") * 3 + "\n" + OWN_LINKS + "\n"
    assert titles(page + skip + "\nGardens\nRecipes\n\n" + PAGE_B) == TWO
    assert titles(page + "Jump to comments\nGardens\nRecipes\n\n" + PAGE_B) == TWO[:1]
    assert titles(page + skip + "\nGardens\nRecipes\n\n" + PAGE_B.split("\n\n", 1)[1]) == TWO[:1]
    doc = parse_text(page + skip + "\nGardens\nRecipes\n\n" + PAGE_B)
    assert doc.articles[1].lines[0].text == skip  # the next page opens with its skip link


def test_a_line_of_skip_links_opens_the_next_page():
    skips = "Skip to main content | Skip to navigation | Skip to search\n"
    assert titles(SHORT_A + "\n----\n\n" + skips + "News\nSport\n\n" + SHORT_B) == TWO


def test_under_a_lone_rule_that_tells_a_seam_the_next_page_may_open_with_a_long_line():
    """A menu under the rule opens the next page, though a weather strip's long line
    stands over its headline: no headline need come first."""
    menu = "Skip to content\nMenu\nNews\nSport\n\n"
    weather = "Weather today: rain by noon, then sun for the rest of the day across the region and the coast.\n\n"
    articles = parse_text(SHORT_A + FOOTER + "\n----\n\n" + menu + weather + SHORT_B).articles
    assert len(articles) == 2 and articles[0].title == TWO[0]
    assert any("old school" in p for p in articles[1].body) and not any("old bridge" in p for p in articles[1].body)


def test_a_lone_rule_over_a_menu_by_its_shape_splits_two_pages():
    """Six link labels line after line under the rule, in words no rule knows ("RAISING
    BOYS", "FAMILY MEALS"): the next page's menu, though a paragraph ends right over it."""
    menu = "HOME\nABOUT ME/CONTACT\nRAISING BOYS\nFAMILY MEALS\nFAMILY TRAVEL\nCRAFTS & DIY\n\n"
    assert titles(SHORT_A + "\n----\n\n" + menu + SHORT_B) == TWO
    # five labels, or labels with numbers (a list of quantities), are no menu
    assert titles(SHORT_A + "\n----\n\n" + menu.replace("CRAFTS & DIY\n", "") + SHORT_B) == TWO[:1]
    quantities = "2 eggs\n1 Cup of flour\n3 Apples\n4 Pears\n5 Plums\n6 Figs\n\n"
    assert titles(SHORT_A + "\n----\n\n" + quantities + SHORT_B) == TWO[:1]


PICTURE_POST = (
    "Home My Profile JaneRoe on Twitter I Love Pictures on Facebook I Love Pictures on YouTube "
    "I Love Pictures on Pinterest\n"
    "I LOVE PICTURES\n\nJUL 2012\nA Bridge Made of Paper\nvia example.com\n\n"
    "Folding paper into bridges is harder than it looks. @JaneRoe\n\nTweet\n\n"
    "Posted by Jane Roe\n0 responses\nLike\nComment\n"
)


def test_a_picture_post_between_separators_is_a_page_not_chrome():
    """A post of one line over its comment count has too little body for a part by weight,
    but it is a page of its own: between repeated rules, and by a lone rule that tells a
    seam (a copyright line over it, a "Skip to content" under it)."""
    text = SHORT_A + "\n----\n\n" + PICTURE_POST + "\n----\n\n" + SHORT_B
    assert titles(text) == [TWO[0], "A Bridge Made of Paper", TWO[1]]
    lone = PICTURE_POST + "\u00a9 2012 Jane Roe\n----\nSkip to content\nNews\n\n" + SHORT_B
    assert titles(lone) == ["A Bridge Made of Paper", TWO[1]]


# One site's pages, as a day's scrape of it appends them: the site's menu over each page (its
# sections named in the site's own words, no rule's), or its links under each one.
SITE_HEAD = "Island Courier\nHarbour\nTides\nMoorings\nFerries\nLighthouse\nWeather\nLetters\nPuzzles\n"
SITE_FOOT = "Island Courier\nAbout the paper\nAdvertise\nOur reporters\nThe archive\nDelivery\nBack issues\nSubscribe\n"


def _site_page(headline: str, head: str = SITE_HEAD, foot: str = "", dated: str = "") -> str:
    body = "\n\n".join(CLIPPINGS[headline] * 2)
    return f"{dated}{head}\n{headline}\n\n{body}\n\n{foot}"


def test_pages_of_one_site_appended_split_where_the_sites_menu_opens_each_again():
    # No footer, no opening rule's line: only the site's menu shown again tells each page.
    pages = [_site_page(h) for h in DIGEST]
    assert [titles(p) for p in pages] == [[h] for h in DIGEST]
    assert titles("\n\n".join(pages)) == DIGEST
    # a line over the menu that changes from page to page (the day's date) goes with its page
    dated = [_site_page(h, dated=f"Monday {k} June\n") for k, h in enumerate(DIGEST, 1)]
    doc = parse_text("\n\n".join(dated))
    assert [a.title for a in doc.articles] == DIGEST
    assert [a.lines[0].text for a in doc.articles] == ["Monday 1 June", "Monday 2 June", "Monday 3 June"]


def test_pages_of_one_site_appended_split_under_the_sites_links_that_close_each():
    pages = [_site_page(h, head="", foot=SITE_FOOT) for h in DIGEST]
    assert titles("\n\n".join(pages)) == DIGEST


def test_a_sites_menu_shown_again_in_the_pages_own_footer_does_not_split_it():
    # the menu again at the foot, with a line of no body under it: one page
    page = _site_page(DIGEST[0], foot=SITE_HEAD + "\nThanks for reading the Island Courier today.\n")
    assert titles(page) == [DIGEST[0]]


def test_pages_of_one_site_among_other_sites_pages_split_where_its_menu_opens_each_again():
    # the first and last pages another site's: the site's menu shows again in the part the
    # other cuts leave it in
    ours = [_site_page(h) for h in DIGEST]
    text = "\n\n".join([dump(PAGES[0]), *ours, dump(PAGES[1])])
    got = titles(text)
    assert len(got) == 5 and got[0] == ALONE[0][0] and got[1:4] == DIGEST
