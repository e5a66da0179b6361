"""The rules engine: a line is tried only against the patterns whose heads fit it, and
that never changes which rule removes it."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newskit.heads import ASCII_FOLDS, fits, heads, line_head, needs
from newskit.rules import Rules, default_rules, load_rules, rule_key


def reference_match(rules: Rules, line: str) -> str | None:
    """The rules' meaning, tried the slow way: the first rule, in order, whose word limit
    allows the line, whose trigger (if any) it holds and whose pattern matches."""
    key = rule_key(line)
    if not key:
        return None
    words = len(key.split())
    for rule in rules.line_rules:
        if rule.triggers and not any(t in key.lower() for t in rule.triggers):
            continue
        if rule.matches(key, words):
            return rule.name
    return None


LINES = [
    "Share", "SHARE THIS ARTICLE", "share on Facebook", "Follow @newsdesk", "Follow us on Instagram",
    "Short Url", "Accessibility links", "Breaking News", "16x9 Image", "• 16x9 Image", "12 comments",
    "Home > News > World", "Home › Politics", "© 2024 Example Media. All rights reserved.",
    "Copyright 2020 The Example Company", "Sign up for our newsletter", "We use cookies to improve this site",
    "Advertisement", "Story continues below advertisement", "Related: the earlier report", "Read more",
    "Tags: Iraq, Syria", "Page 2 of 5", "…", "« Previous article", "Photo: Jane Doe/Reuters",
    "Compartir", "Síguenos en Twitter", "ſhare", "İmage", "\u212aelvin", "Ünter den Linden",
    "3 min read", "1.2k shares", "Listen to this article", "Newsletter",
    "The minister said the plan to share data with allies would be reviewed next month.",
    "A long sentence about privacy rules that a parliament debated for many hours on Tuesday evening.",
]


@pytest.mark.parametrize("line", LINES)
def test_dispatch_agrees_with_trying_every_rule(line):
    rules = default_rules()
    assert rules.match(line) == reference_match(rules, line)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abcdefghiklmnoprstuvwy ©@>›«0123:.&-ſİK'é")), max_size=40))
def test_dispatch_agrees_on_generated_lines(line):
    rules = default_rules()
    assert rules.match(line) == reference_match(rules, line)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from([w for w in re.findall(r"[a-z]+", " ".join(LINES).lower())]),
       st.sampled_from(["", " this", " us", " now", " 2024", ":", " article", " on twitter"]))
def test_dispatch_agrees_on_rule_words(word, tail):
    rules = default_rules()
    for line in (word + tail, word.capitalize() + tail, word.upper() + tail):
        assert rules.match(line) == reference_match(rules, line)


def test_user_rule_with_an_unusual_pattern_still_matches(tmp_path):
    f = tmp_path / "rules.toml"
    f.write_text('[[rule]]\nname = "odd"\npatterns = ["(?=x)xyz", "[^a-w]+ only", "\\\\W+end"]\n', encoding="utf-8")
    rules = load_rules([f], user_config=False)
    for line in ("XYZ", "xyz", "99 only", "!!end", "?!end"):
        assert rules.match(line) == "odd" == reference_match(rules, line)


def test_a_user_rules_needed_character_is_searched_for_too(tmp_path):
    # one search a line tells whether it holds any character a pattern needs: a user's
    # pattern that needs one no built-in pattern does ("#") is still tried where it stands
    f = tmp_path / "rules.toml"
    f.write_text('[[rule]]\nname = "hashed"\npatterns = ["[^#]{1,20} # [^#]{1,20}"]\n', encoding="utf-8")
    rules = load_rules([f], user_config=False)
    for line in ("Sports # Local", "• World # Europe", "Home > News # World", "Home > News > World", "a, b, c"):
        assert rules.match(line) == reference_match(rules, line)
    assert rules.match("Sports # Local") == "hashed"


@pytest.mark.parametrize(
    "pattern, expected",
    [
        ("share( this)?", {"sh"}),
        ("(tweet|email|e-mail)", {"tw", "em", "e-"}),
        ("\\(?(photo|image)", {"ph", "im", "(p", "(i"}),
        ("\\d{1,2}:\\d{2}", None),  # ten digits by eleven heads: checked apart below
        ("[^>]{1,30} > x", None),
        (".*?cookie", None),
        ("a?", None),  # may match nothing: any line
        ("síguenos", set()),  # no line with an ASCII head can match
    ],
)
def test_heads_of_patterns(pattern, expected):
    found = heads(pattern)
    if pattern.startswith("\\d"):
        assert found is not None and "0:" in found and "12" in found
    else:
        assert (None if found is None else set(found)) == expected


@pytest.mark.parametrize(
    "pattern, expected",
    [
        ("[^>›»]{1,30}( ?[>›»] ?[^>›»]{1,30}){1,6}", "[>»›]"),  # a breadcrumb trail needs its arrow
        (".{3,200} \\| (main|home) \\| .{3,200}", "[\\|]"),  # a bar, not the space beside it
        ("(a:|b;)x", "[:;]"),  # one of each alternative's
        ("(:)?x", None),  # optional: needed by no match
        ("x:{0,2}", None),
        ("a|b:", None),  # one alternative needs nothing
        ("K", None),  # letters have case (and the Kelvin sign folds to k)
        ("[a-z]+:", "[:]"),
        ("[^:]+", None),
    ],
)
def test_needs_of_patterns(pattern, expected):
    assert needs(pattern) == expected


def test_needed_class_is_held_by_every_match():
    # a line without the needed character is not tried, and needs none: the rule still
    # matches where the character is
    rules = default_rules()
    assert rules.match("Home > News > World") == "navigation" == reference_match(rules, "Home > News > World")
    assert rules.match("Home - News - World") == reference_match(rules, "Home - News - World")


def test_line_heads_and_fits():
    assert line_head("Share this") == "sh"
    assert line_head("S") == "s"
    assert line_head("Über") is None
    assert fits("sh", frozenset({"sh"})) and fits("sh", frozenset({"s"}))
    assert not fits("fo", frozenset({"sh"}))
    assert fits(None, frozenset({"sh"})) and fits("fo", None)


def test_ascii_folds_are_all_the_non_ascii_characters_that_match_ascii_ones():
    others = "".join(chr(c) for c in range(128, 0x10000) if not 0xD800 <= c <= 0xDFFF)
    found: dict[int, set[str]] = {}
    for code in range(128):
        for ch in re.findall(re.escape(chr(code)), others, re.IGNORECASE):
            found.setdefault(ord(ch), set()).add(chr(code).lower())
    assert {c: {f} for c, f in ASCII_FOLDS.items()} == found


# Lines and the rule that removes each (None: kept). Every widget rule has a guard: a
# sentence that opens with the same words is no widget.
RULE_CASES = [
    # related-links: a heading, but not a headline that opens with the same word
    ("Related: Iraq's new cabinet sworn in", "related-links"),
    ("Latest Sports", "related-links"),
    ("Popular on IndieWire", "related-links"),
    ("Read more: the full interview", "related-links"),
    ("Most read this week", "related-links"),
    ("Latest figures show inflation rising again this spring", None),
    ("Sponsored air team interruption parties creators repertoire", None),
    ("Read my lips: no new taxes, says the candidate", None),
    # copy-link and print widgets
    ("Copy Link URL Copied!", "short-url"),  # as a text converter gives it
    ("Copy Link URLCopied!", "short-url"),  # the same, as a browser copies it
    ("Copy link to clipboard", "short-url"),
    ("Link copied", "short-url"),
    ("Copy the link to share this story with your friends today", None),
    ("Print This Article Share it With Friends", "share"),
    ("Print the rest of the report before the meeting, the mayor said", None),
    # a share panel
    ("Share this with Facebook", "share"),
    ("Share this with", "share"),
    ("Close share panel", "share"),
    ("These are external links and will open in a new window", "accessibility"),
    ("Share this with the class, the teacher told the pupils on Monday", None),
    # follow prompts: an author of several names, and a button that names what it follows
    ("Follow Victor Davis Hanson on Twitter", "follow"),
    ("Follow Jane Doe on Instagram", "follow"),
    ("Follow the money on the campaign trail, says the report today", None),
    ("Follow CNN Business", "follow"),
    ("FOLLOW THE TELEGRAPH", "follow"),
    ("Follow these six steps before you file your tax return this year", None),
    # the links to the posts before and after, over a blog post
    ("« Why the river bridge had to close | Main | Ten ways to cross the river this winter »", "post-navigation"),
    ("« Older post | Home | Newer post »", "post-navigation"),
    ("Rivers | Bridges | Roads", None),
    # ... or the one link back to the blog's front page
    ("« Back to blog", "post-navigation"),
    ("Back to Homepage", "post-navigation"),
    ("Back to the blog we go, said the editor after a week away from it", None),
    # blog themes' headers over the comments, and a sentence of the same words
    ("{ 7 comments… read them below or add one }", "comments"),
    ("{ 1 comment… read it below or add one }", "comments"),
    ("{ 167 comments }", "comments"),
    # a comment system's notices over its form
    ("This is only a preview. Your comment has not yet been posted.", "comments"),
    ("Your comment could not be posted. Error type:", "comments"),
    ("The letters and numbers you entered did not match the image. Please try again.", "comments"),
    ("You can follow this conversation by subscribing to the comment feed for this post.", "comments"),
    ("12 Responses to “Why the river bridge had to close”", "comments"),
    ("3 thoughts on Ten ways to cross the river this winter", "comments"),
    ("3 comments on the budget were sent to the council by Monday.", None),
    # notices to readers whose browser does not show the page as meant
    ("This page is best viewed in an up-to-date web browser with style sheets enabled. While you will be "
     "able to read this page in your browser, you will not get the full visual experience.", "browser-notice"),
    ("Javascript is not enabled on your browser. Please enable javascript to use the comment form.",
     "browser-notice"),
    ("The Blog Spam Filter needs javascript to work, but your browser has javascript disabled.", "browser-notice"),
    ("You are using an outdated browser. Please upgrade it to see this site as it should look.", "browser-notice"),
    ("This site is best known for its weekly column on the harbour, which the council now funds.", None),
    ("Your browser has javascript disabled, the engineer told the court, so the page showed nothing.", None),
    # the tools of a page and a comment form, as buttons and labels
    ("Send to a Friend", "share"),
    ("Email This Post to a Friend", "share"),
    ("Send the letter to a friend who lives abroad, the post office says", None),
    ("Keep me logged in", "subscribe"),
    ("Email will not be published", "comments"),
    ("Mail (will not be shared) (required)", "comments"),
    ("Open in new window", "accessibility"),
    ("Jump to discuss comments below", "accessibility"),
    # a page's skip links, which open a page (a link within it does not)
    ("Skip to content", "skip-link"),
    ("Skip to main content | Skip to navigation", "skip-link"),
    ("Aller au contenu principal", "skip-link"),
    ("Jump to comments", "accessibility"),
    # a blog platform's or theme's credit in a footer
    ("Powered by WordPress.com", "platform-credit"),
    ("Blog powered by TypePad", "platform-credit"),
    ("Blog at WordPress.com.", "platform-credit"),
    ("Theme: Vigilance by The Theme Foundry.", "platform-credit"),
    ("Posterous theme by Cory Watilo.", "platform-credit"),
    ("The theme by which we live", None),
    ("The theme of the day is loss, by and large", None),
    ("Powered by wind and sun, the island runs on its own grid", None),
    # a blog engine's lines under a post: where it was filed, how to follow and answer it
    ("This entry was posted on Saturday, August 25th, 2012 at 12:23 am and is filed under Bridges, Rivers. "
     "You can follow any responses to this entry through the RSS 2.0 feed.", "post-footer"),
    ("This entry was posted in Bridges. Bookmark the permalink.", "post-footer"),
    ("You can follow any responses to this entry through the RSS 2.0 feed. You can leave a response, or "
     "trackback from your own site.", "post-footer"),
    ("Both comments and pings are currently closed.", "post-footer"),
    ("Trackback URL", "post-footer"),
    ("This post was posted by a reader who asked us to keep her name out of it", None),
    ("This post was posted on Facebook by her sister on Monday night", None),
    ("This entry was not the first the jury saw, the lawyer said on Monday", None),
    ("This entry was written by Jane, posted on 10/18/2012 at 12:22 pm, filed under news.", "post-footer"),
    ("This entry was written by a girl of nine who won the county prize", None),
    # a newspaper's note of where the article ran in print
    ("A version of this article appeared in print on 03/14/2012, on page B4 of the City edition with the "
     "headline: Bridge Opens at Last.", "print-edition"),
    ("A version of this article appeared May 2, 2012, on page A3 in the U.S. edition of The Daily Paper, "
     "with the headline: Bridge Opens.", "print-edition"),
    ("This article appeared in the April 2012 issue of Bridges Monthly.", "print-edition"),
    ("This story appeared on the front page of the paper in 1987 and won a prize", None),
]


@pytest.mark.parametrize("line, rule", RULE_CASES)
def test_which_rule_removes_a_line(line, rule):
    assert default_rules().match(line) == rule


# --- vocabulary: the cues' words are data, and a user's rules file adds to them ------

POLISH_PAGE = (
    "Nowy most otwarty dla ruchu w centrum miasta\n\n"
    "Przez Jana Kowalskiego\n\n"
    "12 stycznia 2019\n\n"
    "Nowy most na rzece został otwarty w sobotę rano po trzech latach budowy i wielu opóźnieniach.\n\n"
    "Władze miasta mówią, że przeprawa skróci dojazd do centrum o kwadrans dla większości kierowców.\n"
)


def test_a_user_rules_file_adds_byline_words_and_month_names(tmp_path):
    from newskit import parse_text

    plain = parse_text(POLISH_PAGE).articles[0]
    assert plain.byline is None and plain.published is None
    f = tmp_path / "pl.toml"
    f.write_text('[cues]\nby_also = ["Przez"]\n\n[cues.months]\nstycznia = 1\n', encoding="utf-8")
    a = parse_text(POLISH_PAGE, rules=load_rules([f], user_config=False)).articles[0]
    assert a.byline == "Przez Jana Kowalskiego"
    assert a.published == "2019-01-12"
    assert a.title == "Nowy most otwarty dla ruchu w centrum miasta"


@pytest.mark.parametrize(
    "content, message",
    [("[cues]\nbylines = ['przez']\n", "has no list 'bylines'"),
     ("[cues]\nby_also = 'przez'\n", "must be a list of words"),
     ("[cues.months]\nstycznia = 13\n", "month number from 1 to 12"),
     ("cues = 3\n", "must be a table")],
)
def test_a_bad_cues_table_is_a_clear_error(tmp_path, content, message):
    from newskit.errors import RulesError

    f = tmp_path / "bad.toml"
    f.write_text(content, encoding="utf-8")
    with pytest.raises(RulesError, match=message) as err:
        load_rules([f], user_config=False)
    assert str(f) in str(err.value)


def test_the_builtin_vocabulary_is_read_from_data():
    from newskit.vocabulary import builtin_vocabulary

    v = builtin_vocabulary()
    assert "by" in v["by"] and "reuters" in v["photo_credit_names"]
    assert v.month_numbers["décembre"] == 12


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from(list("abs .&éø")), min_size=1, max_size=5), min_size=1, max_size=8),
       st.text(alphabet=st.sampled_from(list("abs .&éø")), max_size=6))
def test_alternatives_match_exactly_the_words(words, probe):
    """A word list as a pattern (a tree of its letters) matches each word and nothing else."""
    from newskit.vocabulary import alternatives

    pattern = re.compile(f"(?:{alternatives(words)})")
    for w in [*words, probe]:
        assert (pattern.fullmatch(w) is not None) == (w in words)
    # and the longest word that fits is tried first, as a plain list sorted longest first would
    longest = re.compile("(?:" + "|".join(sorted(map(re.escape, set(words)), key=len, reverse=True)) + ")")
    text = "".join(words) + probe
    assert [m.group() for m in pattern.finditer(text)] == [m.group() for m in longest.finditer(text)]


@pytest.mark.parametrize(
    ("line", "rule"),
    [("Show Commentary", None), ("Read commentary from our columnists", None), ("Show comments", "comments"),
     ("Leave a comment", "comments"), ("Post a Comment Get a Gravatar", "comments")],
)
def test_a_comment_link_is_a_whole_word(line: str, rule: str | None) -> None:
    # "Show Commentary" (a study Bible's notes) is no comments section: "comment" is a whole word.
    assert default_rules().match(line) == rule


@pytest.mark.parametrize("line", [
    "We use cookies to improve your experience on our site.", "This website uses cookies. Find out more.",
    "By continuing to browse you agree to our use of cookies", "Cookie settings", "Accept all cookies",
    "Nous utilisons des cookies pour améliorer votre expérience", "Diese Website verwendet Cookies.",
    "Utilizamos cookies propias y de terceros", "Этот сайт использует cookies",
    "Submitting a comment, I acknowledge the Example Privacy Policy and agree to the Terms of Use.",
    "Privacy Policy - Terms of Service", "Home - Advertise - Archives - Contact - Privacy Policy - RSS",
    "Example Media's Online Privacy Policy", "Privacy & Cookies", "Pages · About · Careers · Privacy · Cookies · Terms",
    "Terms under which this site is provided. Learn more about our Privacy Policy.",
])
def test_a_cookie_banner_or_a_forms_legal_notice_is_removed(line):
    assert default_rules().match(line) in {"cookie-notice", "newsletter"}


@pytest.mark.parametrize("line", [
    "Put the pie on a cookie sheet and cover its edges with foil so that they do not burn.",
    "The court found that the photos were published without her consent.",
    "Do you understand Facebook's privacy settings?",
    "The Privacy Game is designed to show how privacy and consent work online.",
    "Facebook changed its privacy policy on Tuesday, the company said.",
])
def test_a_sentence_that_names_a_cookie_or_consent_is_no_banner(line):
    assert default_rules().match(line) is None
