"""Cues: what a line's text says it is, wherever it stands.

One kind of line, one test: a byline, a credit, a photo credit, a date line, a line of
names, a title-like line, a standfirst. Each is a function of the text alone, so the
costly ones are remembered per text. Where a line stands (above a body, under a title)
is for the stages that call these.

The words the tests look for are data (``newskit/rules/cues.toml``, extended by a user's
rules file): a :class:`Cues` is built from one :class:`~newskit.vocabulary.Vocabulary`,
once per rule set (:meth:`Cues.of`). The patterns that are shapes alone (a dateline, a
line of names' capitals, words run together) are module constants.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING

from ..dates import dates_for
from ..rules import Rules
from ..text import content_words as words_of
from ..text import fold, weight
from ..vocabulary import alternatives, any_text
from .authors import Authors
from .memo import TEXTS
from .outlet import OutletCues

if TYPE_CHECKING:
    from .features import Line

# Shapes, not words.
_NAME = r"[\w\u00C0-\u024F][\w.'’\-]*(?:\s+[\w\u00C0-\u024F][\w.'’\-]*){0,5}"  # up to six words of a name
DATELINE = re.compile(
    r"^((?:[A-Z][A-Z.'’\-]+(?:\s+[A-Z][A-Z.'’\-]+){0,3})(?:,\s*[A-Z][\w.]+(?:\s+[A-Z][\w.]+){0,2})?"
    r"(?:\s*\([\w/ .&,-]{1,40}\))?)\s*(?::|—|–|--|-)\s+(?=\S)"
)
CRUMB_NUMBER = re.compile(r"\d{1,2}\. ")  # a trail set out as a numbered list: "2. News"
CRUMB_ENDS = ("›", "»", ">", "/", "|")
JUNCTION = re.compile(r"[a-z]{3}[A-Z][a-z]{2}|[a-z][.!?][A-Z][a-z]")  # words run together
# two sentences: a full stop (or "?", "!") and a capital after it, but not an initial's
# ("U.S. Pledges More Funding", "J. Doe": one capital letter alone before the stop)
TWO_SENTENCES = re.compile(r"\w(?<![\s.][A-Z])(?<!^[A-Z])[.!?] [A-Z]")
QUOTES_OPEN = "“\"‘'«„"  # what opens a quotation ...
QUOTES_CLOSE = "”\"’'»“"  # ... and closes it
_DATE_LEAD = " \t|•·-–—(["  # what may stand before a date that opens a line
_LEADING_DATE = re.compile(r"^\W{0,3}(?:\d{1,4}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2})\b")
# A line that closes with a clock time after a separator or "@": a post's stamp ("Tags: art —
# admin @ 15:58", "Jane Roe | 10:32 am"), no headline.
_TIME_TAIL = re.compile(r"[@|·•–—]\s*\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?$", re.I)
DASHES = ("— ", "– ", "- ", "―")  # what opens an attribution or a list item
_WORDS = re.compile(r"[^\W\d_]+")
# Sizes that tell a kind of line (in words, see newskit.text.weight, or characters).
BYLINE_MAX_WEIGHT = 14  # a byline is short ...
BYLINE_MAX_CHARS = 150  # ... in characters too
CREDIT_MAX_WEIGHT = 40  # "Reporting by ...; editing by ..." may name several people
PHOTO_CREDIT_TAIL = 160  # a photo credit ends a caption: only the line's end is searched
TITLE_MIN_WEIGHT, TITLE_MAX_WEIGHT = 2, 30  # a headline's length in words
TITLE_MAX_CHARS = 250
DATED_HEADLINE_WORDS = 1  # a headline ending in a date has this many words of its own, at least ("The Briefing, ...")
EDITION_WORDS = 1  # ... and one of no more is an edition's: its date is the post's ("The Week: July 20, 2012")
DATED_HEADLINE_BREAKS = re.compile(r"[|·•/]|\b\d+ comments?\b", re.I)  # a metadata line's separators
STANDFIRST_MIN_WEIGHT = 8  # a standfirst is longer than most headlines
NAMES_MIN, NAMES_MAX = 2, 8  # words of a line of names ("Jane Doe, Reuters")
NAMES_BARE_MAX = 4  # ... with no comma, "and" or slash: a name of up to four words
PLACE_NAME_MAX, PLACE_MAX = 3, 4  # a name of 2-3 words, then the place word, then up to 4 words of the place
TITLE_CASE_MIN_WORDS = 3  # title case is told on three longer words or more
_TOOL_WORD = re.compile(r"[\w+-]+")  # a word of a tool's label ("e-mail", "google+")
TITLE_CASE_SHARE = 0.7  # ... most of them capitalised
LONG_WORD = 4  # a longer word, for title case


class Cues:
    """The text tests, built from one vocabulary's words."""

    def __init__(self, rules: Rules) -> None:
        v = rules.vocabulary
        self.dates = dates_for(v)
        by = alternatives([*v["by"], *v["by_also"]])
        joiners = alternatives(v["name_joiners"])
        self._byline = re.compile(rf"^(?:{by})\s*:?\s+{_NAME}(?:(?:\s*[,|&]\s*|\s+(?:{joiners})\s+){_NAME})*\s*$", re.I)
        self.by = re.compile(rf"(?i)(?:{by})\s*:?\s+\w")  # a line that opens like a byline
        # byline words of some languages only, with those languages
        self._by_languages = {w: frozenset(langs) for w, *langs in (e.split() for e in v["by_languages"])}
        self._credit = re.compile(
            rf"^[(\[—–-]*\s*(?:(?:{alternatives(v['credit_openers'])})\s+)?"
            rf"(?:{alternatives(v['credit_verbs'])})\s+(?:{alternatives(v['credit_by'])})\b.{{0,200}}$"
            rf"|.{{0,200}}\b(?:{alternatives(v['contributed'])}) (?:(?:{alternatives(v['contributed_to'])}) )?"
            rf"(?:{alternatives(v['contributed_this'])}) "
            rf"(?:{alternatives(v['contributed_what'])})\b.{{0,100}}$"
            rf"|^[(\[]?\s*(?:{alternatives(v['source_labels'])})\s*:.{{0,100}}$",
            re.I,
        )
        # Every credit names who did it ("by"), says "contributed" or is a "Source:".
        self._credit_needles = (*v["credit_by"], *v["contributed"], ":")
        source = "|".join(f"{re.escape(w)}(?=\\s*:)" for w in v["photo_source_labels"])
        agencies = "|".join(f"{re.escape(w)}/[\\w ]+" for w in v["photo_agencies"])
        # A photographer's name over the outlet or agency the photo is for ("Jane Roe/The
        # Daily Star", "Jane Roe for The New York Times", "Jane Roe / AP"): a whole line, in
        # a name's case; the outlet is two words or more ending in an outlet's word, or an
        # agency alone.
        outlet_words = alternatives([w for w in v["author_outlets"] if w != "the"])
        name = r"(?:[A-Z][\w'’\-]+|[A-Z]\.)"
        by_outlet = (
            rf"^(?-i:(?:{name}\s+){{1,3}}{name}\s*(?:/|\s+for\s+)\s*"
            rf"(?:(?:[Tt]he\s+)?(?:[A-Z][\w.&'’\-]*\s+){{1,4}}(?i:{outlet_words})"
            rf"|(?i:{alternatives(v['photo_credit_agencies'])})))"
        )
        credit_line = (
            rf"^\W*(?:{alternatives(v['photo_words'])})s?\s+(?:{alternatives(v['photo_by'])})\s+[^.]{{2,60}}"
            rf"|{by_outlet}"
        )
        # ... and a line that is a credit alone, nothing before it: a photo's, whose caption
        # is the line under it
        self._credit_line = re.compile(
            rf"(?:^\W*(?:{alternatives(v['photo_words'])})s?\s*(?:{alternatives(v['photo_joiners'])})?\s*:\s*[^.]{{2,60}}"
            rf"|{credit_line})\s*\.?$",
            re.I,
        )
        self._photo_credit = re.compile(
            rf"(?:\((?:[^()]{{0,60}}\b)?(?:{alternatives(v['photo_credit_names'])}|{source})\b[^()]{{0,60}}\)?"
            rf"|\b(?:{alternatives(v['photo_words'])})s?\s*(?:{alternatives(v['photo_joiners'])})?\s*:\s*[^.]{{2,60}}"
            rf"|{credit_line}"
            rf"|\b(?:{alternatives(v['photo_credit_tails'])}|{agencies})\b"
            rf"[^.]{{0,40}})\s*\.?$",
            re.I,
        )
        self._meta_start = re.compile(rf"(?i)\W*(?:{alternatives([*v['by'], *v['meta_labels']])})\b")
        self._name_word = re.compile(rf"^(?:[A-Z][\w.'’\-]*|@\w+|{alternatives(v['name_particles'])}|/|,)$")
        self._name_places = frozenset(v["name_places"])
        self._tool_words = frozenset(v["tool_words"])
        self._clause_words = frozenset(v["clause_words"])
        self._comments_headers = frozenset(w.casefold() for w in v["comments_headers"])
        self._comment_list = re.compile(rf"(?i)\W*(?:{alternatives(v['comment_lists'])})\b")
        self._other_post = re.compile(rf"(?i)(?:{alternatives(v['other_post'])})\b\W*\w")
        self._link_lead = re.compile(rf"(?i)\b(?:{alternatives(v['link_leads'])})\b")
        # "12 Responses to “Title”": a count or none, the words, the quoted title (to the last
        # closing mark: a title may quote, "Taurus Judge “Public Defender”")
        self._quoted_title = re.compile(
            rf"(?i)(?:[\w,.]+\s+)?(?:{alternatives(v['quoted_title'])})\s*[{QUOTES_OPEN}]\s*(.+)[{QUOTES_CLOSE}]"
        )
        # The rules whose lines close a page and those whose lines open one (appended pages).
        self.page_closing = frozenset(v["page_closing_rules"])
        self.page_opening = frozenset(v["page_opening_rules"])
        self.page_start = frozenset(v["page_start_rules"])  # a line that can only open a page
        self.page_end = frozenset(v["page_end_rules"])  # a line that can only close a page
        self.page_comments = frozenset(v["page_comment_rules"])  # a thread of comments under a body
        self.post_head = frozenset(v["post_head_rules"])  # the rules whose line stands over a post's title
        self.related = frozenset(v["related_rules"])  # the rules whose line heads a list of other stories
        index = alternatives(v["post_index"])
        self._half_post_nav = re.compile(
            rf"(?i)[«‹]\s*\S.{{2,200}}\s\|\s*(?:{index})|(?:{index})\s*\|\s*\S.{{2,200}}[»›]"
        )
        self._home = re.compile(rf"(?i)(?:\d{{1,2}}\.)?\W{{0,3}}(?:{alternatives(v['home'])})\W*$")
        # A separator line between documents: a rule of dashes or equals signs, a row of
        # asterisks ("* * *"), or an export's "12 of 20 DOCUMENTS".
        self._separator = re.compile(r"-{4,}|={4,}|\*(?: ?\*){2,}")
        self._numbered = re.compile(
            rf"\d+\s+(?:{alternatives(v['separator_of'])})\s+\d+\s+(?:{alternatives(v['separator_documents'])})", re.I
        )
        self.relative_hints = self.dates.relative_hints
        # Every date the date parser knows has a year or is relative ("2 sec ago",
        # "yesterday"): a line may hold one only if it holds a year (which may run into a
        # time: "NOV 15, 20195:45 AM") or one of those words as text, lower case (one
        # search for them all, where a test per word was a sixth of a fresh short line's cost).
        # (No digit before the year: told after its first two digits, so that a search
        # skips ahead to a "19" or "20" rather than trying every place.)
        self.year = re.compile(r"(?:19|20)(?<!\d..)\d\d(?:(?!\d)|(?=\d{1,2}:\d\d))")
        self.relative_hint = any_text(self.relative_hints) or re.compile("(?!)")
        # "Devin says:", "Jane Roe wrote on May 2, 2012 at 9:14 am:": a comment's signature
        self._says = re.compile(rf"(?i)^\S.{{0,60}}\s(?:{alternatives(v['comment_verbs'])})(?:\s.{{0,60}})?:$")
        # A day and month with a time and no year between ("Tuesday July 24, @09:07AM", "24
        # July at 9:12 pm"): the stamp of a comment's signature, where several of one shape recur down
        # a page (body.signatures). No date of the article's: it says no year.
        month = alternatives(self.dates.months)
        ordinal = alternatives(v["ordinal_suffixes"])
        weekday = alternatives(v["weekdays"])
        self._stamp = re.compile(
            rf"(?i)\b(?:(?P<wd>{weekday})\.?,?\s+)?"
            rf"(?:(?P<mon>{month})\.?\s+\d{{1,2}}(?:{ordinal})?|\d{{1,2}}(?:{ordinal}|\.)?\s+(?P<mon2>{month})\.?)"
            rf"(?P<sep>\W{{0,3}}(?:\s(?:{alternatives(v['time_joiners'])}))?\W{{0,3}})"
            r"(?<!\d)\d{1,2}[:.h]\d\d(?!\d)\s*(?P<ap>[ap]\.?\s?m\.?)?"
        )
        self.authors = Authors.of(rules)  # a byline's names (see newskit.parse.authors)
        self.outlet = OutletCues.of(rules)  # the outlet's name (see newskit.parse.outlet)
        # The costly tests, remembered per text.
        self.credit_text: Callable[[str], bool] = lru_cache(TEXTS)(self._credit_text)
        self.photo_credit_text: Callable[[str], bool] = lru_cache(TEXTS)(self._photo_credit_text)
        self.meta_text: Callable[[str], bool] = lru_cache(TEXTS)(self._meta_text)
        self.name_text: Callable[[str], bool] = lru_cache(TEXTS)(self._name_text)
        self._standfirst_text: Callable[[str], bool] = lru_cache(TEXTS // 4)(self._standfirst_text_uncached)
        self._title_text: Callable[[str], bool] = lru_cache(TEXTS)(self._title_text_uncached)
        self._dated_headline_text: Callable[[str], bool] = lru_cache(TEXTS // 4)(self._dated_headline_text_uncached)

    @classmethod
    def of(cls, rules: Rules) -> Cues:
        """The cues of ``rules``' vocabulary (built once per rule set)."""
        found = rules.derived.get("cues")
        if not isinstance(found, Cues):
            found = rules.derived["cues"] = cls(rules)
        return found

    def says(self, text: str) -> bool:
        """A comment's signature: a short line with a name and a speech verb that ends in a
        colon ("Devin says:", "Jane Roe wrote on May 2, 2012:")."""
        return self._says.match(text.strip()) is not None

    def stamp(self, key: str) -> str:
        """The shape of a comment signature's stamp in ``key``: a day and month with a time
        and no year ("by Jane (123) on Tuesday July 24, @09:07AM" -> "wmd,@ta"), else "".
        Signatures of one comment system share a shape; names and numbers differ."""
        m = self._stamp.search(key)
        if m is None:
            return ""
        order = "md" if m["mon"] else "dm"
        return "".join(("w" if m["wd"] else "", order, "".join(m["sep"].split()).lower(), "t", "a" if m["ap"] else ""))

    def comments_header(self, key: str) -> bool:
        """A line that heads comments alone ("Comments", "Reader comments")."""
        return key.strip().casefold() in self._comments_headers

    def comment_list(self, key: str) -> bool:
        """A sidebar's heading over other readers' comments ("Recent Comments")."""
        return self._comment_list.match(key) is not None

    def other_post(self, key: str) -> bool:
        """A link to another post, its headline after the link's words ("Previous Story <headline>")."""
        return self._other_post.match(key) is not None

    def half_post_nav(self, text: str) -> bool:
        """The links to the posts before and after where one of them is missing: the older
        post's and the blog's front page ("« Older post | Main"), or the front page and the
        newer post's ("Main | Newer post »"). ``text``: the line's trimmed text (its key has
        lost a closing arrow)."""
        return self._half_post_nav.fullmatch(text) is not None

    def link_lead(self, key: str) -> bool:
        """A colon's lead-in to a list of links ("More stories from NBC News:"): it holds a
        word that leads links (``link_leads``)."""
        return self._link_lead.search(key) is not None

    def quoted_title(self, key: str) -> str:
        """The title a comments header quotes ("12 Responses to “Title”" -> "Title"), folded
        (:func:`newskit.text.fold`); "" for any other line."""
        m = self._quoted_title.match(key)
        return fold(m[1]) if m is not None else ""

    def tool_words(self, key: str) -> tuple[int, int]:
        """How many words of share, follow and feed tools' link labels ``key`` holds, and
        how many words in all ("Print Article Send a Tip": 3 of 5)."""
        words = _TOOL_WORD.findall(key.lower())
        return sum(w in self._tool_words for w in words), len(words)

    def home(self, key: str) -> bool:
        """"Home", where a breadcrumb trail starts."""
        return self._home.match(key) is not None

    def cut(self, text: str) -> str:
        """What kind of separator line ``text`` is, spaces around it aside: ``FORM_FEED``
        (``strip``'s line between articles), ``NUMBERED`` (an export's "12 of 20
        DOCUMENTS"), the character a rule is made of (``-``, ``=``, ``*``: a rule of dashes or
        equals signs, a row of asterisks, which may also set parts of one article apart), or
        "" for a line that is none of these."""
        if "\f" in text and text.strip(" \t") == FORM_FEED:
            return FORM_FEED
        text = text.strip()
        if text[:1].isdigit() and self._numbered.fullmatch(text) is not None:
            return NUMBERED
        if text[:1] in _SEPARATOR_STARTS and self._separator.fullmatch(text) is not None:
            return text[0]
        return ""

    def by_languages(self, key: str) -> frozenset[str] | None:
        """The languages of the byline word ``key`` opens with, where it is one of some
        languages only ("door": Dutch), else None."""
        head = key.split(maxsplit=1)[0].rstrip(":：").lower() if key else ""
        return self._by_languages.get(head)

    def is_byline(self, line: Line) -> bool:
        return self.byline_shape(line.key, line.weight)

    def byline_shape(self, key: str, weight: int) -> bool:
        """A short line that reads as a byline ("By Jane Doe and John Roe")."""
        return weight <= BYLINE_MAX_WEIGHT and len(key) <= BYLINE_MAX_CHARS and self._byline.match(key) is not None

    def is_credit(self, line: Line) -> bool:
        return line.weight <= CREDIT_MAX_WEIGHT and self.credit_text(line.key)

    def _credit_text(self, key: str) -> bool:
        low = key.lower()
        return any(map(low.__contains__, self._credit_needles)) and self._credit.match(key) is not None

    def photo_credit(self, line: Line) -> bool:
        return self.photo_credit_text(line.key[-PHOTO_CREDIT_TAIL:])

    def credit_line(self, line: Line) -> bool:
        """Whether a line is a photo credit alone ("Jane Roe/The Daily Star", "Photo: Jane
        Roe"), not a caption that ends with one."""
        return self._credit_line.match(line.key) is not None

    def _photo_credit_text(self, tail: str) -> bool:
        return self._photo_credit.search(tail) is not None

    def meta_like(self, line: Line) -> bool:
        """A date line, a byline, or a line that opens with a date or a metadata label."""
        return bool(line.dates) or self.meta_text(line.key)

    def _meta_text(self, key: str) -> bool:
        return self.byline_shape(key, weight(key)) or bool(self._meta_start.match(key)) or self.leading_date(key) \
            or _TIME_TAIL.search(key) is not None

    def leading_date(self, key: str) -> bool:
        """A line that opens with a date: "19/11/2019 | News", "October 15, 2018/0 Comments/in News"."""
        if _LEADING_DATE.match(key):
            return True
        k = len(key) - len(key.lstrip(_DATE_LEAD))
        head = key[k : k + 1]
        if not head.isdigit() and (
            not head.isalpha() or key[k:].split(None, 1)[0].rstrip(".,").lower() not in self.dates.month_names
        ):
            return False  # (a date opens with a day or a month: the date pattern is costly to try)
        return self.dates.absolute.match(key, k, 40) is not None  # (within the line's first 40 characters)

    def name_like(self, line: Line) -> bool:
        """A short line of capitalised names: "Jane Doe, Business Insider", "(AP Photo / X)"."""
        return self.name_text(line.text.strip())

    def _name_text(self, text: str) -> bool:
        if text.startswith("(") and text.endswith(")"):
            return True
        words = text.replace(",", " , ").split()
        # a reporter's name and the place reported from: "Gary Younge in Sarasota, Florida"
        at = next((k for k, w in enumerate(words) if w in self._name_places), 0)
        if NAMES_MIN <= at <= PLACE_NAME_MAX and len(words) - at - 1 <= PLACE_MAX:
            words = words[:at] + words[at + 1 :]
        if not NAMES_MIN <= len(words) <= NAMES_MAX or not all(self._name_word.match(w) for w in words):
            return False
        if any(w.lower().replace("’", "'") in self._clause_words for w in words):
            return False  # a clause in title case ("Permission To Be Bad"), not names
        return listed(text) or len(words) <= NAMES_BARE_MAX

    def bare_name(self, text: str) -> bool:
        """Name-like for its few capitalised words alone ("The Impeachment Clock"), with no
        comma, "and", slash or brackets that would make it a credit."""
        return not text.startswith("(") and not listed(text) and self.name_text(text)

    def standfirst(self, line: Line) -> bool:
        """A headline-like line of some length, right under the title: its standfirst."""
        return line.weight >= STANDFIRST_MIN_WEIGHT and self.title_like(line) and self._standfirst_text(line.key)

    def _standfirst_text_uncached(self, key: str) -> bool:
        return not self.meta_text(key) and not JUNCTION.search(key) and not any(
            d.absolute for d in self.dates.find_dates(key)  # "Jane Doe 27/09/2018 Comment!"
        )

    def title_like(self, line: Line) -> bool:
        if line.blank or line.rule or line.dates or not TITLE_MIN_WEIGHT <= line.weight <= TITLE_MAX_WEIGHT \
                or len(line.key) > TITLE_MAX_CHARS:
            return False
        if line.text.lstrip().startswith(DASHES):
            return False  # an attribution ("— Jane Doe, in a letter") or a list item
        return self._title_text(line.key)

    def edition_title(self, line: Line) -> bool:
        """A dated headline of a date and a word or so of its own, a daily or weekly post's
        ("The Briefing, Friday, November 9, 2012"): its date is the post's. (One with words
        of its own speaks of what happens that day: "Apple event on September 9, 2024".)"""
        return self.dates.words_besides(line.key) <= EDITION_WORDS

    def dated_headline(self, line: Line) -> bool:
        """A date line that may be a headline ending in a date phrase ("Markets crash
        today", "Apple event on September 9, 2024"): title-sized, capitalised, with no
        label or byline word, and with words of its own besides the date."""
        if not line.dates or line.rule or not TITLE_MIN_WEIGHT <= line.weight <= TITLE_MAX_WEIGHT:
            return False
        # a day, not a time stamp ("Jane Doe July 26, 2012 at 2:49 pm")
        return all("T" not in d.value for d in line.dates) and self._dated_headline_text(line.key)

    def _dated_headline_text_uncached(self, key: str) -> bool:
        dates = self.dates
        return (
            key[:1].isupper() and not DATED_HEADLINE_BREAKS.search(key) and not dates.labelled(key)
            and not self.meta_text(key) and dates.words_besides(key) >= DATED_HEADLINE_WORDS
            and self._title_text(key)
        )

    def _title_text_uncached(self, key: str) -> bool:
        """The text-only part of the title test: no byline, no credit, some letters."""
        w = weight(key)
        if self.byline_shape(key, w) or (w <= CREDIT_MAX_WEIGHT and self.credit_text(key)):
            return False
        return any(ch.isalpha() for ch in key)


_SEPARATOR_STARTS = frozenset("-=*")  # what a separator line can open with
FORM_FEED = "\f"  # a line of a form feed alone: what `newskit strip` prints between articles
NUMBERED = "#"  # the kind of an export's numbered separator line


def listed(text: str) -> bool:
    """Names set out as a list or a credit: "Jane Doe, Reuters", "X and Y", "AP / X"."""
    return "," in text or " and " in text or "/" in text


@lru_cache(maxsize=TEXTS)
def content_words(text: str) -> frozenset[str]:
    """Folded words of four letters or more (CJK: character pairs), remembered per text."""
    return words_of(text)


def headline_shape(line: Line) -> bool:
    """One statement that does not end like a sentence: how headlines are written."""
    return not line.sentence and TWO_SENTENCES.search(line.key) is None


def title_case(text: str) -> bool:
    """Most longer words capitalised, as English headlines often are."""
    words = [w for w in _WORDS.findall(text) if len(w) >= LONG_WORD]
    return len(words) >= TITLE_CASE_MIN_WORDS and sum(w[0].isupper() for w in words) >= TITLE_CASE_SHARE * len(words)
