"""The parser's tuned numbers, in one frozen options object.

Every number a parse decision turns on is a field here, with what it means; the defaults
are the shipped values, measured on the development corpora (``python -m
bench.score_corpus``, which can set any of them by name: ``--set title.crumb_bonus=2.0``).
A :class:`ParseWeights` is passed to :func:`newskit.parse.parse_text`; a test or a sweep
builds its own::

    from newskit.parse import ParseWeights, parse_text

    weights = ParseWeights().with_overrides({"title.crumb_bonus": 2.0})
    doc = parse_text(text, weights=weights)

Weights are counted in words (a CJK character is half a word; see
:func:`newskit.text.weight`), scores in the units of a body run (a body line scores its
weight) or of a title candidate (about 1 for a plain headline-shaped line).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, fields


@dataclass(frozen=True, slots=True)
class LineWeights:
    """What a line's own text makes of it (:mod:`newskit.parse.features`)."""

    good_weight: int = 10  # a line ending like a sentence, this heavy or more, is body-like
    long_weight: int = 20  # any line this heavy is body-like, punctuation or not
    score_cap: int = 80  # a body-like line scores its weight, up to this
    short_sentence_weight: int = 5  # a lighter sentence scores short_sentence_score ...
    short_sentence_score: float = 1.0
    short_cost: float = 5.0  # ... and a short line that is no sentence costs this in a run
    rule_cost: float = 6.0  # what a line removed by a boilerplate rule costs
    list_lower_share: float = 0.15  # a long line with fewer of its words in small letters is a list run together ...
    list_judged_share: float = 0.5  # ... judged where this share of its words have case or are numbers
    # ... and so is one with no comma or stop in it and fewer than this share of its words small ones in
    # small letters ("of", "the", "to"): a menu or a list of categories ("Select Category Arts biology Books")
    list_small_share: float = 0.2
    heading_weight: int = 8  # a short line this light or lighter may be a heading or a list item
    table_cells: int = 3  # a line of this many cells or more (tabs, wide gaps) may be a table row
    # A long line with no sentence's marks that shows a run of echo_words words echo_times times is links
    echo_words: int = 3
    echo_times: int = 3
    fold_weight: int = 30  # only lines this light or lighter can be titles or repeat as chrome
    date_weight: int = 26  # only lines this light or lighter are read as date lines
    home_weight: int = 2  # "Home" of a breadcrumb trail: a line of one or two words


@dataclass(frozen=True, slots=True)
class LayoutWeights:
    """Wrapped text and how a dump splits into articles (:mod:`newskit.parse.layout`)."""

    wrap_min_lines: int = 8  # hard wrapping is told on this many lines of words or more
    wrap_unwrapped: int = 110  # a line this long was not wrapped ...
    wrap_outliers: float = 0.05  # ... and over this share of such lines (or of lines over the width) means none was
    wrap_quantile: float = 0.9  # the wrap width: this quantile of the line lengths
    wrap_min_width: int = 40  # a wrap width is between these
    wrap_max_width: int = 100
    wrap_slack: int = 10  # a wrapped line passes the width by this much at most
    wrap_fill: float = 0.6  # a line this full (of the wrap width) runs on into the next
    wrap_runs_on: float = 0.25  # in wrapped text, this share of the lines runs on at least
    # A line this long (characters) or longer that ends no sentence, over one opening in
    # lower case, runs on into it: one paragraph's fragments, as table cells and <br> leave
    # them (layout.join_fragments). 0: off, the default: at 40, dragnet's dev half of sites
    # loses kept-text F1 (chromium 0.8449 -> 0.8438, inscriptis 0.8429 -> 0.8421; comments
    # and sidebar captions, joined, outweigh their cost), aeb gains 0.0006 / 0.0003
    fragment_min_width: int = 0
    header_span: int = 12  # a headline repeated within this many lines heads an article
    header_min_weight: int = 3  # ... and has this many words or more
    header_date_after: int = 4  # ... with a date line in between or within this many lines after
    header_max_shows: int = 4  # ... and shown no more often in the part (a comment system's toolbar shows on each)
    part_min_body: int = 20  # a part between separators with less body is chrome (1-20: the same figures)
    separator_repeats: int = 2  # a rule or a row of asterisks splits a dump only if it holds this many of its shape
    separator_cohesion: float = 0.04  # ... and one inside a body splits it where the two sides are less cohesive
    separator_chrome: int = 3  # ... and is no body's where this many lines of words on one side are all chrome
    separator_box: int = 1  # ... and rules of one shape all within this many lines of words box a title: no separators
    separator_lone_body: int = 40  # a lone rule needs this much body a side where a footer or menu by it tells a seam
    separator_told_body: int = 10  # ... and this much where the line right by it can only close or open a page
    separator_lone_cohesion: float = 0.06  # ... or, with body-like lines near it, a cohesion across it under this
    page_run_lines: int = 3  # ... bodies with this many body-like lines in a row (not a notice, not teasers) ...
    page_min_body: int = 150  # ... and this much body (words): a page, not a form or a notice after the footer
    page_footer_weight: int = 25  # ... a footer: a copyright line this light (no comment about copyright)
    page_gap_lines: int = 3  # appended pages: a footer in this many chrome lines or more between two bodies
    digest_gap_lines: int = 2  # a digest: an article starts under this many blank lines, wider than its paragraphs' gap
    digest_headline_min: int = 3  # ... at a headline this heavy ...
    digest_headline_weight: int = 25  # ... or lighter ...
    digest_head_lines: int = 4  # ... with a body-like line within this many lines under it ...
    digest_clear_lines: int = 10  # ... in a dump with no rule's line among its first and last this many lines of words
    digest_end_rules: int = 1  # ... or this many at most, in all (then only its headlines under a wide gap)
    # ... and no run of this many lines of words in a row that rules name (a share block: a page's)
    digest_block_rules: int = 3
    # ... where the words change subject (parse.cohesion, 0 to 1): across a start under a wide
    # gap the cohesion is under digest_wide_cohesion; under a gap as narrow as the paragraphs',
    # under digest_narrow_cohesion and no higher than at any start within digest_rival_lines
    # lines of words, with digest_paragraphs body-like lines or more on each side; at a
    # title-like headline (parts._head_shaped), under digest_headed_cohesion with
    # digest_headed_paragraphs on each side (0.05: 20 more starts on concat seed 1, no
    # single dev dump split, 0.06 split two; 4 paragraphs: one article's strip output
    # alone split 6 -> 0 times of 750 on seed 1, 3 -> 1 on seed 2); each side's words are
    # taken within digest_window words
    digest_window: int = 250
    digest_wide_cohesion: float = 0.07
    digest_narrow_cohesion: float = 0.03
    digest_headed_cohesion: float = 0.05
    digest_rival_lines: int = 3
    digest_paragraphs: int = 2
    digest_headed_paragraphs: int = 4
    digest_date_weight: int = 6  # a clipping's date line over its headline: this many words or fewer
    page_apart_lines: int = 10  # ... and two footers in one gap close two pages with this many lines of words between
    page_open_lines: int = 10  # appended pages, no footer: a gap of this many chrome lines of words or more ...
    page_menu_lines: int = 9  # ... whose part under its widest blank gap opens a page: this many menu lines or more ...
    page_menu_weight: int = 4  # ... (a menu line: a rule's, or this many words or fewer)
    page_open_blanks: int = 2  # ... where that gap is this many blank lines or more (and wider than paragraphs')
    page_cohesion: float = 0.04  # pages no footer or opening tells apart: two bodies less cohesive than this ...
    page_head_lines: int = 4  # ... the next one with a headline among the last this many lines of words above it ...
    page_signed_lines: int = 3  # ... and fewer date lines than this between them (not a thread of comments)
    # Pages no footer, opening or subject test tells apart: a seam of chrome between two
    # bodies less cohesive (body lines only) than page_seam_cohesion, holding page_seam_lines
    # lines of words or more, a closing line or page_seam_rules rule lines or more, where
    # comment lines are fewer than one in page_seam_comments rule lines and date lines fewer
    # than one in page_seam_dates lines of words (not a thread of comments).
    page_seam_cohesion: float = 0.07
    # Two bodies in a row sharing no word, the second under a headline: two pages, where
    # page_apart_gap lines of words or more stand between them (a body: body-like lines with
    # page_apart_chrome other lines of words between two of them at most)
    page_apart_gap: int = 8
    page_apart_chrome: int = 2
    # ... or a stretch of chrome between them holding page_far_heads heading lines or more
    # and a closing line with an opening rule's line under it, whose words on the two sides
    # of its widest blank run are no more cohesive than page_far_cohesion
    page_far_heads: int = 20
    page_far_cohesion: float = 0.05
    page_seam_lines: int = 30
    page_seam_rules: int = 10
    page_seam_comments: int = 3
    page_seam_dates: int = 10
    # A seam between appended pages: a page's closing block (seam_closing lines of a closing
    # rule's or a copyright line among seam_lines lines of words) followed, within
    # seam_between lines of words and no body-like line, by a line of an opening rule's.
    seam_lines: int = 8
    seam_closing: int = 2
    seam_menu: int = 3  # ... or one closing line, over this many opening rule's lines among seam_lines
    # A menu by its shape under a lone rule (parts._menu_under): this many link labels one after another ...
    menu_items: int = 6
    menu_item_words: int = 3  # ... each of this many words or fewer
    seam_between: int = 6
    seam_min_body: int = 150  # ... with this much body (words) on both sides of it
    # ... or less (a short page), under a headline of seam_short_head words or more that is
    # no teaser's, over a sentence of seam_short_prose words or more (12-20: the same figures;
    # a head of 3 words splits one more single dev dump a renderer)
    seam_short_head: int = 4
    seam_short_prose: int = 20
    # ... or, with no opening block near, seam_far_closing closing lines under the last
    # body-like line (1 split 20 single dev dumps) and the next headline under a blank line,
    # where the bodies on both sides share less than seam_far_cohesion
    # (:class:`~newskit.parse.cohesion.Cohesion` of their body-like lines)
    seam_far_closing: int = 2
    seam_far_menu: int = 7  # ... or one, under which the next page opens with this many menu-like lines
    seam_far_cohesion: float = 0.05
    # Pages of one site appended: the page's opening block (template_lines lines of words
    # in a row, none body-like, starting within template_offset lines of words of the
    # part's top), or its closing block, shown again starts (ends) a page there, where each
    # page so cut has template_min_body words of body or more (6 lines split 3 more single
    # dev dumps a renderer; 7 and 8 none, 7 told one site file more of 50 on seeds 7, 13)
    template_lines: int = 7
    template_closed_lines: int = 5  # ... or this many, shown again right under a page's last line each time
    template_offset: int = 5
    template_min_body: int = 50


@dataclass(frozen=True, slots=True)
class BodyWeights:
    """The body run (:mod:`newskit.parse.body`)."""

    min_body_weight: int = 40  # an article part needs at least this much body to stand alone
    # A short post (a picture and its line) over its comments header is the body when it scores this much or
    # more, under min_body_weight (body.densest's short_posts) ...
    post_min_weight: float = 1.0
    post_rival_weight: float = 100.0  # ... unless a run under the header scores this much (an article under a count)
    # With nothing scoring over the header, the post is its line of short_sentence_weight words or more among
    # this many last lines over it (body._weak_post)
    weak_post_lines: int = 4
    # A post signed as its comments are (body.densest): its text scores this much or more ...
    signed_post_weight: float = 10.0
    signed_post_rival: float = 500.0  # ... and the first comment under it less than this (more: an article)
    # paragraphs are set apart by blank lines when this share of body-like lines are (0.25 -> 0.15: a short
    # story under a long sidebar and an "about us" block; aeb 0.9387 -> 0.9392 / same, dragnet 0.8651 -> 0.8651 /
    # 0.8590 -> 0.8593, titles +1 / +2; 0.1 lost 0.0001 on dragnet Chromium)
    apart_share: float = 0.15
    crowded_factor: float = 0.2  # ... and then a body-like line with no blank beside it counts this much
    isolated_cost: float = 4.0  # ... and a short line set apart costs this (a heading, a list item)
    teaser_min_tail: int = 5  # a glued teaser: the story's first sentence has this many words or more ...
    teaser_min_head: int = 5  # ... or, after a dateline, a headline of this many words
    teaser_min_after: int = 6  # ... followed by this many words of the story
    teaser_window: int = 200  # ... within this many characters of the line's start
    table_min_rows: int = 3  # table rows come this many or more in a row
    table_row_score: float = 1.0  # what a table row scores in a body run at least
    # A list that prose leads into with a colon (body.colon_lists): this many items or more ...
    colon_list_items: int = 3
    colon_item_weight: int = 20  # ... each this many words or fewer ...
    list_item_score: float = 1.0  # ... score this much in a body run at least, and so does their lead
    gap_growth: float = 0.1  # each further chrome line in a row costs this much more
    end_fraction: float = 0.6  # an end marker ends the article once this share of the run's score came before it
    signature_lines: int = 3  # this many date lines or more in an article are signatures (comments, post lists) ...
    signature_cost: float = 40.0  # ... and each costs this in a body run, which it cuts
    signature_weight: int = 10  # a name with a speech verb ("Devin says:") this light is a signature too
    stamp_weight: int = 16  # ... and so is a line this light with a yearless stamp ("on Tuesday July 24, @09:07AM")
    # A body run with less than this share of its words in lines that end like sentences is
    # no prose (a link list, a menu, headlines): the densest run of sentences is taken instead
    prose_share: float = 0.5
    prose_weight: float = 0.5  # ... when that run scores this share of the first one's score or more
    head_share: float = 0.5  # a date line in the run with less than this share of what is under it above it heads it


@dataclass(frozen=True, slots=True)
class TitleWeights:
    """Title candidates' scores (:mod:`newskit.parse.title`)."""

    window: int = 30  # lines of words (boilerplate not counted) looked at above the body
    opening_lines: int = 3  # a headline may open the body run: its first line within this many
    lead_lines: int = 12  # the lead: the body-like lines among the body's first this many
    # A candidate's length (words): a headline's is 4-20 words.
    headline_min: int = 4
    headline_max: int = 20
    headline_score: float = 0.85  # ... it scores this
    per_word: float = 0.01  # ... plus this a word
    per_word_upto: int = 15  # ... up to this many words
    long_score: float = 0.7  # a longer line
    three_words: int = 3  # a line of this many words ...
    three_word_score: float = 0.35  # ... scores this
    short_score: float = 0.1  # and a line of two words this
    rank_cost: float = 0.02  # per line of words (not boilerplate) between a candidate and the body
    bylined_rank: int = 10  # a headline right over its "By" byline pays rank cost for this many lines at most
    meta_bonus: float = 0.5  # a byline or date right under a candidate
    meta_decay: float = 0.12  # ... less this per line of words between them
    meta_lookahead: int = 4  # ... at most this many lines down
    byline_bonus: float = 0.2  # a "By" byline right under it says more than a date
    # a name right under a headline-sized line (no name itself), no date or byline after: its author
    name_under_bonus: float = 0.3
    name_under_weight: int = 3  # ... a line of names this light (a person's name)
    overlap: float = 0.6  # a candidate whose words the body's lead shares, in full
    # a few capitalised words the lead shares this much of or more are a topic, not a name:
    # their share of the names cost is given back
    topic_share: float = 0.5
    repeat_bonus: float = 0.4  # a candidate shown again elsewhere in the article's span ...
    repeat_min_weight: int = 4  # ... of this many words or more
    upper_cost: float = 0.3  # a candidate in capitals ...
    upper_over: int = 2  # ... of more than this many words
    full_stop_cost: float = 0.35  # a candidate that ends with a full stop
    title_case_bonus: float = 0.15  # most longer words capitalised
    capital_bonus: float = 0.1  # opens with a capital (or a CJK character)
    lowercase_cost: float = 0.5  # its first word all lower-case letters: a line of tags, no headline
    name_cost: float = 0.6  # a line of names, a photo credit, a byline: no headline
    two_sentences_cost: float = 0.3  # two sentences: a standfirst
    glued_cost: float = 0.4  # words run together in two places or more: glued link texts
    glued_min: int = 2
    arrow_cost: float = 0.5  # a link to another post: an arrow on one side ("« Older"), or "Previous Story ..."
    tools_cost: float = 1.0  # share, follow and feed tools' link words ...
    tools_min: int = 2  # ... this many of them or more in a candidate ...
    tools_share: float = 0.25  # ... and this share of its words or more: a row of links, no headline
    dek_min_weight: int = 12  # a line this heavy, heavier than the title-like line above it ...
    dek_penalty: float = 0.3  # ... is its standfirst
    dek_head_min: int = 3  # ... when that line has this many words or more, not in capitals (no menu item)
    dek_skips: int = 1  # standfirst lines skipped between a headline and its byline or date (no distance)
    subtitle_under: int = 12  # a headline this heavy makes a lighter line right under it ...
    subtitle_penalty: float = 0.6  # ... its subtitle
    subtitle_past_label: int = 0  # ... even with a label between them (0: only right under it)
    label_weight: int = 2  # a label ("Editorial") over a candidate is skipped: a line this light
    value_label_weight: int = 3  # a "Label:" line this light right above a candidate ...
    value_cost: float = 0.6  # ... makes it the label's value
    inline_value_weight: int = 2  # a one-word label and a value this light on one line ("Featured: TED Quotes")
    caption_cost: float = 0.6  # a candidate right under a photo credit is its caption
    # a blog post's title: the line right under the links to the posts before and after
    # ("« Older | Main | Newer »"), past the post's date (cues' post_head_rules), a candidate
    # whatever its shape, even as the body's first line, when this light
    post_head_bonus: float = 1.5
    post_head_weight: int = 20
    post_head_dates: int = 2  # ... past at most this many lines of the post's date ("Sunday / Oct212012")
    post_head_link_weight: int = 1  # ... past a run of lines this light, the post's tools ("Edit / Delete / Tags")
    related_cost: float = 1.0  # a line of a list of other stories, under its head ("Related Stories") ...
    related_items: int = 6  # ... or under at most this many other items of it, one a line
    related_head_weight: int = 4  # ... a head this light, where a blank line sets it apart
    # a blog post's title as its comments header quotes it ("12 Responses to “Title”", under the
    # body's start, a line this light): a candidate, even among the body run's first lead_lines
    quoted_bonus: float = 1.5
    quoted_header_weight: int = 40
    crumb_bonus: float = 1.5  # a line right after a breadcrumb trail ("Home / Sport / <headline>")
    crumb_labels: int = 3  # ... of at most this many section labels
    crumb_weight: int = 2  # ... each a line this light, or a crumb by its form
    named_words: int = 3  # a trail's last item of this many words or more, on the line under it, is the headline
    crumb_name_weight: int = 3  # a short name the page shows elsewhere too is a crumb: this light
    menu_item_weight: int = 3  # a line this light right under a candidate makes the trail a menu


@dataclass(frozen=True, slots=True)
class HeaderWeights:
    """The lines between title and body, and the body's own lines (:mod:`newskit.parse.build`)."""

    sentence_weight: int = 5  # a line ending like a sentence, this heavy, is a summary or body line
    label_weight: int = 2  # a line this light does not close the standfirst's place
    before_title: int = 6  # lines above the title that may still give its date or byline
    credit_above: int = 4  # a photo credit this close above the title is its caption ...
    credit_min_weight: int = 5  # ... when it has this many words
    date_line_weight: int = 15  # a line this light that opens with a date is a date line
    image_gap: int = 2  # blank lines after the title that an image left ...
    image_caption_weight: int = 45  # ... make a line this light under them the image's caption ...
    image_body_lines: int = 6  # ... when body follows within this many lines
    subheading_min: int = 2  # a subheading between body paragraphs: this many words ...
    subheading_max: int = 12  # ... to this many
    lead_in_weight: int = 4  # a line this heavy inside the body run that ends in a colon leads into what follows
    # A list inside the body: under a line that ends in a colon ("The tour dates:"), lines of this many words or
    # fewer, list_min_items or more, with body after them, are the article's items (tour dates, steps)
    list_item_weight: int = 20
    list_min_items: int = 2
    quantity_min_items: int = 3  # a list of quantities (ingredients) in the body: this many lines open with one
    numbered_min_items: int = 3  # a numbered list in the body: this many lines or more numbered one after another
    repeat_paragraph_weight: int = 8  # a body line this heavy shown again further down the body is a copy
    tail_lines: int = 6  # credits are looked for this many lines after the body
    dateline_chars: int = 60  # a dateline ("WASHINGTON (Reuters) —") is this long at most
    date_body_paragraphs: int = 1  # an undated article's date line may follow this many body paragraphs
    bare_byline_weight: int = 10  # a line of names with no "By" is a byline if this light ...
    bare_byline_reach: int = 2  # ... and a date line is within this many lines of words of it (or a role, a label)
    byline_body_paragraphs: int = 1  # a "By" byline may follow this many body paragraphs (a standfirst taken for one)
    by_line_weight: int = 14  # a line holding a byline word ("Written by", "May 2, 2012 by") is one if this light


@dataclass(frozen=True, slots=True)
class SiteWeights:
    """Site chrome learned from a set of inputs (:mod:`newskit.sitechrome`, ``--site-chrome``).

    Used only when asked for: a line whose text recurs on enough pages of one site is
    removed as ``site-chrome`` (a line already removed by a rule, a blank line and a date
    line are left as they are)."""

    min_pages: int = 3  # a line is site chrome where it is on this many distinct pages of its site ...
    min_share: float = 0.0  # ... and on at least this share of the site's pages
    max_weight: int = 0  # ... and is this light or lighter (0: any weight; prose is still vetoed across sites)
    block_lines: int = 3  # pages sharing their first (or last) this many non-blank lines are of one site


@dataclass(frozen=True, slots=True)
class OutletWeights:
    """The outlet's name (:mod:`newskit.parse.outlet`): where the page shows its masthead.

    The masthead is the site's name at the top of the page ("Gizmo Daily", or "Gizmo Daily -
    gadgets and more" with its tagline cut off); it names the outlet only where no profile,
    copyright owner or framed name does, as the first line is as often a menu item."""

    masthead_lines: int = 3  # the masthead is one of the page's first this many lines with text
    masthead_words: int = 4  # and has this many words or fewer (its tagline cut off)
    masthead_chars: int = 40  # and this many characters or fewer


@dataclass(frozen=True, slots=True)
class ParseWeights:
    """Every tuned number of the parser, by stage; the defaults are the shipped values."""

    lines: LineWeights = field(default_factory=LineWeights)
    layout: LayoutWeights = field(default_factory=LayoutWeights)
    body: BodyWeights = field(default_factory=BodyWeights)
    title: TitleWeights = field(default_factory=TitleWeights)
    header: HeaderWeights = field(default_factory=HeaderWeights)
    site: SiteWeights = field(default_factory=SiteWeights)
    outlet: OutletWeights = field(default_factory=OutletWeights)

    def with_overrides(self, values: Mapping[str, float | int]) -> ParseWeights:
        """These weights with ``values`` set by name (``"title.crumb_bonus"``); an unknown
        name or a value of the wrong kind is a :class:`ValueError`."""
        groups = {f.name: getattr(self, f.name) for f in fields(self)}
        for name, value in values.items():
            group, _, key = name.partition(".")
            if group not in groups or key not in {f.name for f in fields(groups[group])}:
                raise ValueError(f"no weight {name!r} (known: {', '.join(n for n, _ in self.items())})")
            current = getattr(groups[group], key)
            if isinstance(current, int) and not isinstance(value, int):
                if not float(value).is_integer():
                    raise ValueError(f"weight {name!r} is a whole number, not {value!r}")
                value = int(value)
            groups[group] = dataclasses.replace(groups[group], **{key: type(current)(value)})
        return ParseWeights(**groups)

    def items(self) -> Iterator[tuple[str, float | int]]:
        """Every weight as ``("group.name", value)``, in order."""
        for g in fields(self):
            group = getattr(self, g.name)
            for f in fields(group):
                yield f"{g.name}.{f.name}", getattr(group, f.name)


DEFAULT_WEIGHTS = ParseWeights()
