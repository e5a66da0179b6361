"""The shared parser: raw dump text in, articles out.

How a dump is read, in order:

1. Every line gets features: its weight (words, or CJK characters / 2), whether it ends
   like a sentence, which boilerplate rule (if any) matches it, whether it is a date line.
2. The dump is split into articles where a title-like line is repeated a few lines
   further on (the headline shown twice, as infinite-scroll pages do) and each part has
   a body of its own. Otherwise the whole dump is one article.
3. In each article the body is the densest run of sentence-like lines (a maximum-sum
   segment: long sentences score by their weight, short and boilerplate lines cost).
   The title is the best title-like line before the body; the lines between title and
   body give dates, byline, summary and captions; credit lines are picked from the end.
4. Every line ends up in exactly one :class:`~newskit.model.LineRecord`: kept in a field,
   or removed with the name of the rule that removed it.

Nothing here is fitted to a particular page: the rules are shapes, positions,
repetition and language cues; site-specific lines live in the rules data files.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache, partial

from .dates import ABS_DATE as _ABS_DATE
from .dates import MONTH_NAMES, PUBLISHED_LABEL, DateInfo, date_line, find_dates
from .errors import InputError
from .model import Article, Document, Kind, LineRecord, content_id
from .reader import expand_inputs, read_source
from .rules import Rules, default_rules, rule_key

# --- tunables (measured on the development corpus with bench/score_corpus.py) ---------
GOOD_WEIGHT = 10  # a sentence-ended line of at least this weight is body-like
LONG_WEIGHT = 20  # any line this heavy is body-like, punctuation or not
SHORT_COST = 5.0  # what a short, non-sentence line costs inside a body run
RULE_COST = 6.0  # what a line removed by a boilerplate rule costs
ISOLATED_COST = 4.0  # a short line set apart by blank lines (see _scores)
TABLE_ROW_SCORE = 1.0  # a table row in a body run (see _table_rows)
MIN_BODY_WEIGHT = 40  # an article part needs at least this much body to stand alone
TITLE_WINDOW = 30  # lines of words (boilerplate not counted) looked at above the body for the title
TITLE_OVERLAP = 0.6  # bonus for a title whose words the body's lead shares, in full
REPEAT_BONUS = 0.4
TITLE_RANK_COST = 0.02  # per line of words (not boilerplate) between a title candidate and the body
META_BONUS = 0.5  # a byline or date right under a title candidate
TITLE_CASE_BONUS = 0.15
DEK_MIN_WEIGHT = 12
DEK_PENALTY = 0.3  # a longer line right under a title-like one: its standfirst
BYLINE_BONUS = 0.2  # a headline right over its "By" byline
BYLINED_RANK = 10  # ... pays rank cost for this many lines at most
NAME_COST = 0.6  # a line of names is a credit or a byline, not a headline
CRUMB_BONUS = 1.5  # a line right after a breadcrumb trail ("Home / Sport / <headline>")
CRUMB_LABELS = 3  # ... of at most this many section labels
META_DATE_WEIGHT = 15  # a line this light that opens with a date is a date line
SUBTITLE_UNDER = 12  # a headline this heavy makes a lighter line right under it its subtitle
SUBTITLE_PENALTY = 1.0
HEADER_SPAN = 12  # how far on a repeated headline is looked for
# Rendered pages set paragraphs apart with blank lines, while link lists and teasers run
# line after line; where a part of a dump uses blank lines at all, a long line with no
# blank line on either side counts this much.
CROWDED_FACTOR = 0.2
WRAP_FILL = 0.6  # hard-wrapped text: a line this full (of the wrap width) runs on
GAP_GROWTH = 0.1  # each further chrome line in a row costs this much more
# Rules whose lines the body never runs across.
BARRIER_RULES = frozenset({"comments"})
# Rules whose lines end the article once most of its body has been seen.
END_RULES = frozenset({"comments", "newsletter", "copyright"})
END_FRACTION = 0.6  # how much of the body run must come before an end marker for it to end the article

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_BULLET = re.compile(r"^\s*[•·●▪■►▶◆◦‣*-]\s+")
_NAME = r"[\w\u00C0-\u024F][\w.'’\-]*(?:\s+[\w\u00C0-\u024F][\w.'’\-]*){0,5}"
_BY_WORDS = "by|por|par|von|di|de|door|av|written by|words by|story by|автор"
_BYLINE = re.compile(
    rf"^(?:{_BY_WORDS})\s*:?\s+{_NAME}"
    rf"(?:(?:\s*[,|&]\s*|\s+(?:and|e|y|et|und)\s+){_NAME})*\s*$",
    re.I,
)
_CREDIT = re.compile(
    r"^[(\[—–-]*\s*(?:(?:with|additional|further|contributing|editing|and)\s+)?"
    r"(?:reporting|writing|reported|written|editing|edited|research|compiled|contributed|"
    r"translated|additional reporting|production)\s+by\b.{0,200}$"
    r"|.{0,200}\bcontributed (?:to )?(?:this|the) (?:report|story|article)\b.{0,100}$"
    r"|^[(\[]?\s*(?:source|sources|fonte|fuente|quelle)\s*:.{0,100}$",
    re.I,
)
_PHOTO_CREDIT = re.compile(
    r"(?:\((?:[^()]{0,60}\b)?(?:photo|photos|file photo|image|reuters|afp|ap|getty|getty images|epa|"
    r"xinhua|shutterstock|istock|handout|courtesy|supplied|pool|source(?=\s*:))\b[^()]{0,60}\)?"
    r"|\b(?:photo|image|picture|credit|foto)s?\s*(?:by|credit)?\s*:\s*[^.]{2,60}"
    r"|\b(?:getty images|ap photo|afp via getty images|reuters/[\w ]+|file photo)\b[^.]{0,40})\s*\.?$",
    re.I,
)
_DATELINE = re.compile(
    r"^((?:[A-Z][A-Z.'’\-]+(?:\s+[A-Z][A-Z.'’\-]+){0,3})(?:,\s*[A-Z][\w.]+(?:\s+[A-Z][\w.]+){0,2})?"
    r"(?:\s*\([\w/ .&,-]{1,40}\))?)\s*(?::|—|–|--|-)\s+(?=\S)"
)
_COPYRIGHT_OWNER = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}\s*[-–]\s*)?(?:\d{4})?\s*,?\s*"
    r"([A-Z][\w&.'’ -]{1,60}?)\s*(?:[.,|]|all rights|$)",
    re.I,
)


@dataclass(frozen=True, slots=True)
class _Line:
    """What the parser knows of a line's text.

    It depends on the text alone (and the rules), not on where the line stands, so one
    object serves every line with that text, in a dump and across dumps (site chrome
    repeats on every page of a site): it is never changed. Where a line stands (its
    number, the lines with the same text) is kept apart, by position.
    """

    text: str
    key: str
    weight: int
    sentence: bool
    rule: str | None = None
    dates: tuple[DateInfo, ...] = ()
    fold: str = ""
    joined: int = 0  # hard-wrapped text: how many following lines continue this one
    merged: bool = False  # hard-wrapped text: this line continues the one above
    # Derived (see _line): kept as plain fields because they are read very often.
    blank: bool = False  # empty, or a continuation of the line above (which stands for both)
    good: bool = False  # body-like: a long enough sentence, or a long line
    score: float = 0.0  # what the line adds to a body run (see _scores); 0 only if blank
    removed: str = ""  # why it is removed whatever else it is: blank, continued, or its rule
    width: int = 0  # its length, trailing white space left out
    row: bool = False  # three cells or more, set apart by tabs or wide gaps: maybe a table row
    heading: bool = False  # short, no rule's, no "Label:": a heading or a list item if set apart
    home: bool = False  # "Home", where a breadcrumb trail starts

    @property
    def clean(self) -> str:
        """The line as a field keeps it: trimmed, without a leading list bullet."""
        return _BULLET.sub("", self.text.strip())


def _weight(text: str, words: int | None = None) -> int:
    """Words, a CJK character counting half a word (``words``: the text's word count, if known)."""
    if text.isascii() or _CJK.search(text) is None:
        return len(text.split()) if words is None else words
    return len(_CJK.sub(" ", text).split()) + len(_CJK.findall(text)) // 2


_WORD = re.compile(r"\w+")
# Every date the date parser knows has a year or is relative ("2 sec ago", "yesterday").
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")  # a year a date line may hold


def _may_hold_date(key: str) -> bool:
    if _YEAR.search(key):
        return True
    low = key.lower()
    return "ago" in low or "yesterday" in low or "today" in low or "just now" in low
_SENTENCE_END = frozenset(".!?…。！？:;)]")
_CLOSERS = frozenset("'\"”’»)]")


def _fold(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


def _ends_sentence(key: str) -> bool:
    """Whether a line ends like a sentence (closing quotes and brackets aside)."""
    end = len(key)
    while end and key[end - 1] in _CLOSERS:
        if key[end - 1] in _SENTENCE_END:
            return True
        end -= 1
    return end > 0 and key[end - 1] in _SENTENCE_END


# Site chrome repeats on every page of a site: what a line's text gives is remembered
# (per rule set), so a folder of pages from a few sites costs little per repeated line.
# Longer lines, body paragraphs, repeat too where the same wire copy runs on many sites,
# or a page is saved twice: the most recent of them are remembered apart, in a smaller
# store. Both stores start afresh when full, so memory stays bounded.
_FEATURES: dict[Rules, dict[str, _Line]] = {}
_FEATURES_MAX = 50_000
CACHE_LINE_CHARS = 200  # lines this short go in the large store
_LONG_FEATURES: dict[Rules, dict[str, _Line]] = {}
_LONG_FEATURES_MAX = 4_096
LONG_CACHE_CHARS = 2_000  # longer lines up to this length go in the small one


_NO_DATES: tuple[DateInfo, ...] = ()


def _line(
    text: str, key: str, weight: int, sentence: bool, rule: str | None, dates: tuple[DateInfo, ...], fold: str,
    joined: int = 0, merged: bool = False,
) -> _Line:
    """A :class:`_Line`, its derived fields computed."""
    good = (sentence and weight >= GOOD_WEIGHT) or weight >= LONG_WEIGHT
    blank = not key or merged
    if blank:
        score = 0.0
    elif rule:
        score = -RULE_COST
    elif good:
        score = float(min(weight, 80))
    elif sentence and weight >= 5:
        score = 1.0
    else:
        score = -SHORT_COST
    removed = "continued" if merged else "blank" if not key else rule or ""
    row = not blank and _cells(text) >= 3
    heading = score < 0 and not rule and weight <= 8 and ":" not in key
    home = weight <= 2 and _HOME_CRUMB.match(key) is not None
    return _Line(
        text, key, weight, sentence, rule, dates, fold, joined, merged, blank, good, score, removed, len(text.rstrip()),
        row, heading, home,
    )


def _line_features(text: str, rules: Rules) -> _Line:
    key = rule_key(text)
    if not key:
        return _Line(text, key, 0, False, None, _NO_DATES, "", 0, False, True, False, 0.0, "blank", 0)
    words = len(key.split())
    weight = _weight(key, words)
    fold, dates = "", _NO_DATES
    if weight <= 30:  # only short lines can be titles or repeat as chrome
        fold = _fold(key)
        if weight <= 26 and _may_hold_date(key):
            dates = date_line(key)
    return _line(text, key, weight, _ends_sentence(key), rules.match(key, words), dates, fold)


def _features(texts: list[str], rules: Rules) -> list[_Line]:
    cache = _store(_FEATURES, rules, _FEATURES_MAX)
    long = _store(_LONG_FEATURES, rules, _LONG_FEATURES_MAX)
    out: list[_Line | None] = list(map(cache.get, texts))
    for i, found in enumerate(out):
        if found is None:
            text = texts[i]
            if len(text) <= CACHE_LINE_CHARS:
                cache[text] = out[i] = _line_features(text, rules)
                continue
            known = long.get(text)
            if known is not None:
                out[i] = known
                continue
            line = out[i] = _line_features(text, rules)
            if len(text) <= LONG_CACHE_CHARS:
                if len(long) >= _LONG_FEATURES_MAX:
                    long.clear()
                long[text] = line
    return out  # type: ignore[return-value]  # (no None left)


def _store(stores: dict[Rules, dict[str, _Line]], rules: Rules, most: int) -> dict[str, _Line]:
    """The line store for ``rules``, started afresh when it holds ``most`` lines."""
    store = stores.get(rules)
    if store is None or len(store) >= most:
        if len(stores) >= 8:  # rule sets come and go in tests, not in a run
            stores.clear()
        store = stores[rules] = {}
    return store


def _is_byline(line: _Line) -> bool:
    return _byline_shape(line.key, line.weight)


def _byline_shape(key: str, weight: int) -> bool:
    """A short line that reads as a byline ("By Jane Doe and John Roe")."""
    return weight <= 14 and len(key) <= 150 and _BYLINE.match(key) is not None


def _is_credit(line: _Line) -> bool:
    return line.weight <= 40 and _credit_text(line.key)


@lru_cache(maxsize=16384)
def _credit_text(key: str) -> bool:
    low = key.lower()  # every credit names who did it ("by"), says "contributed" or is a "Source:"
    return ("by" in low or "contributed" in low or ":" in low) and _CREDIT.match(key) is not None


def _photo_credit(line: _Line) -> bool:
    return _photo_credit_text(line.key[-160:])


@lru_cache(maxsize=16384)
def _photo_credit_text(tail: str) -> bool:
    return _PHOTO_CREDIT.search(tail) is not None


_TITLE_DEBUG = bool(os.environ.get("NEWSKIT_TITLE_DEBUG"))
_HOME_CRUMB = re.compile(
    r"(?i)(?:\d{1,2}\.)?\W{0,3}(?:home|homepage|início|inicio|accueil|startseite|главная|ホーム|홈|首页)\W*$"
)
_CRUMB_NUMBER = re.compile(r"\d{1,2}\. ")  # a trail set out as a numbered list: "2. News"
_CRUMB_ENDS = ("›", "»", ">", "/", "|")
_JUNCTION = re.compile(r"[a-z]{3}[A-Z][a-z]{2}|[a-z][.!?][A-Z][a-z]")


@lru_cache(maxsize=16384)
def _content_words(text: str) -> frozenset[str]:
    """Folded words of four letters or more (CJK: character pairs), for overlap tests."""
    return _words_of(text)


def _words_of(text: str) -> frozenset[str]:
    if text.isascii():
        return frozenset(_LONG_WORD.findall(text.casefold()))
    words = set(_LONG_WORD.findall(_CJK.sub(" ", text.casefold())))
    cjk = "".join(_CJK.findall(text))
    words.update(cjk[k : k + 2] for k in range(len(cjk) - 1))
    return frozenset(words)


_LONG_WORD = re.compile(r"[^\W\d_]{4,}")


@lru_cache(maxsize=16384)
def _title_shape(key: str, text: str) -> float:
    """What a title candidate's own text adds to its score, wherever it stands (a
    candidate is title-like: no date line)."""
    score = 0.0
    if key.endswith(".") and not key.endswith(("...", "…")):
        score -= 0.35
    if _title_case(key):
        score += TITLE_CASE_BONUS
    if key[:1].isupper() or _CJK.match(key):
        score += 0.1
    if _photo_credit_text(key[-160:]) or _meta_text(key) or _name_text(text.strip()):
        score -= NAME_COST  # a photo credit, a byline, a line opening with a date, a line of names
    if _TWO_SENTENCES.search(key):
        score -= 0.3  # two sentences: a standfirst, not a headline
    if len(_JUNCTION.findall(key)) >= 2:
        score -= 0.4  # words run together: link texts or menu items glued into one line
    return score


_BY = re.compile(rf"(?i)(?:{_BY_WORDS})\s*:?\s+\w")  # a line that opens like a byline
_TWO_SENTENCES = re.compile(r"\w[.!?] [A-Z]")


def _headline_shape(line: _Line) -> bool:
    """One statement that does not end like a sentence: how headlines are written."""
    return not line.sentence and _TWO_SENTENCES.search(line.key) is None


def _title_case(text: str) -> bool:
    """Most longer words capitalised, as English headlines often are."""
    words = [w for w in re.findall(r"[^\W\d_]+", text) if len(w) >= 4]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


# Lines that open like metadata: "Posted on", "Published", "By", "Text:".
_META_START = re.compile(
    r"(?i)\W*(?:by|por|par|von|di|posted|published|publicado|publicada|publié|veröffentlicht|pubblicato|"
    r"updated|atualizado|actualizado|written|text|texto|текст|автор|опубликовано|author|publish date|date)\b"
)
_NAME_WORD = re.compile(r"^(?:[A-Z][\w.'’\-]*|@\w+|and|&|of|the|de|da|van|von|/|,)$")
_DATE_LEAD = " \t|•·-–—(["  # what may stand before a date that opens a line
_LEADING_DATE = re.compile(r"^\W{0,3}(?:\d{1,4}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2})\b")


def _meta_like(line: _Line) -> bool:
    """A date line, a byline, or a line that opens with a date or a metadata label."""
    return bool(line.dates) or _meta_text(line.key)


@lru_cache(maxsize=16384)
def _meta_text(key: str) -> bool:
    return _byline_shape(key, _weight(key)) or bool(_META_START.match(key)) or _leading_date(key)


def _leading_date(key: str) -> bool:
    """A line that opens with a date: "19/11/2019 | News", "October 15, 2018/0 Comments/in News"."""
    if _LEADING_DATE.match(key):
        return True
    k = len(key) - len(key.lstrip(_DATE_LEAD))
    head = key[k : k + 1]
    if not head.isdigit() and (not head.isalpha() or key[k:].split(None, 1)[0].rstrip(".,").lower() not in MONTH_NAMES):
        return False  # (a date opens with a day or a month: the date pattern is costly to try)
    return _ABS_DATE.match(key, k, 40) is not None


def _name_like(line: _Line) -> bool:
    """A short line of capitalised names: "Jane Doe, Business Insider", "(AP Photo / X)"."""
    return _name_text(line.text.strip())


@lru_cache(maxsize=16384)
def _name_text(text: str) -> bool:
    if text.startswith("(") and text.endswith(")"):
        return True
    words = text.replace(",", " , ").split()
    if not 2 <= len(words) <= 8 or not all(_NAME_WORD.match(w) for w in words):
        return False
    return _listed(text) or len(words) <= 4


def _listed(text: str) -> bool:
    """Names set out as a list or a credit: "Jane Doe, Reuters", "X and Y", "AP / X"."""
    return "," in text or " and " in text or "/" in text


def _standfirst(line: _Line) -> bool:
    """A headline-like line of some length, right under the title: its standfirst."""
    return line.weight >= 8 and _title_like(line) and _standfirst_text(line.key)


@lru_cache(maxsize=4096)
def _standfirst_text(key: str) -> bool:
    return not _meta_text(key) and not _JUNCTION.search(key) and not any(
        d.absolute for d in find_dates(key)  # "Jane Doe 27/09/2018 Comment!"
    )


def _bare_name(text: str) -> bool:
    """Name-like for its few capitalised words alone ("The Impeachment Clock"), with no
    comma, "and", slash or brackets that would make it a credit."""
    return not text.startswith("(") and not _listed(text) and _name_text(text)


def _title_like(line: _Line) -> bool:
    if line.blank or line.rule or line.dates or not 2 <= line.weight <= 30 or len(line.key) > 250:
        return False
    if line.text.lstrip().startswith(_DASHES):
        return False  # an attribution ("— Jane Doe, in a letter") or a list item
    return _title_text(line.key)


_DASHES = ("— ", "– ", "- ", "―")


@lru_cache(maxsize=16384)
def _title_text(key: str) -> bool:
    """The text-only part of the title test: no byline, no credit, some letters."""
    weight = _weight(key)
    if _byline_shape(key, weight) or (weight <= 40 and _credit_text(key)):
        return False
    return any(ch.isalpha() for ch in key)


def _scores(lines: list[_Line], lo: int, hi: int) -> list[float]:
    """Each line's score in [lo, hi) for the body run.

    A body-like line scores its weight; a short sentence a little; a short line, or one a
    boilerplate rule removed, costs; a blank line is 0 (see :func:`_line`). Where
    paragraphs are set apart by blank lines (in a quarter of the body-like lines or more),
    a body-like line crowded in among others counts for less: link lists and teasers run
    line after line; and a short line set apart the same way (a heading, a list item) costs
    less than one among others: menus run line after line too.
    """
    n = len(lines)
    part = lines[lo:hi]
    scores = [x.score for x in part]
    good = [i for i, x in enumerate(part, lo) if x.good]  # removed ones too
    if good:
        crowded: list[int] = []  # positions in ``scores`` of body-like lines with no blank beside them
        isolated = 0
        for i in good:
            if (i == 0 or lines[i - 1].blank) and (i + 1 == n or lines[i + 1].blank):
                isolated += 1
            elif not lines[i].blank and not lines[i].rule:
                crowded.append(i - lo)
        if isolated >= 0.25 * len(good):
            for k in crowded:
                scores[k] *= CROWDED_FACTOR
            # and a short line set apart the same way is a subheading or a list item
            for i in [i for i in range(max(lo, 1), min(hi, n - 1)) if lines[i].heading]:
                if lines[i - 1].blank and lines[i + 1].blank:
                    scores[i - lo] = -ISOLATED_COST
        # Teasers, a headline and the story's first sentence on one line, two or more in a
        # row: a list of other stories. (Only lines with a body-like line right beside them
        # are looked at: most are not.)
        goods = set(good)
        teasers = {i for i in good if (i - 1 in goods or i + 1 in goods) and _teaser(lines[i].key)}
        for i in teasers:
            if i - 1 in teasers or i + 1 in teasers:
                scores[i - lo] = -SHORT_COST
    # The rows of a table are short, but they are the article's as much as its sentences.
    # (Prose with two spaces after each full stop may look like rows: it keeps its weight.)
    for i in _table_rows(lines, lo, hi):
        if not lines[i].rule:
            scores[i - lo] = max(scores[i - lo], TABLE_ROW_SCORE)
    return scores


def _table_rows(lines: list[_Line], lo: int, hi: int) -> list[int]:
    """Indices in [lo, hi) of table rows: three lines or more in a row, each of three
    cells or more set apart by tabs or wide gaps."""
    rows: list[int] = []
    run: list[int] = []
    for i in [i for i in range(lo, hi) if lines[i].row]:
        if run and i != run[-1] + 1:
            if len(run) >= 3:
                rows.extend(run)
            run = []
        run.append(i)
    if len(run) >= 3:
        rows.extend(run)
    return rows


_CELL_GAP = re.compile(r"\t|\s{2,}")


def _cells(text: str) -> int:
    """How many cells a line holds when tabs or gaps of two spaces or more divide it."""
    if "\t" not in text and "  " not in text:
        return 1
    return sum(1 for cell in _CELL_GAP.split(text.strip()) if cell)


_GLUE = re.compile(r"(?:[a-z]{2}|[0-9?!)’'])(?=[A-Z][\w’'-]* )")
# A dateline inside a line, after a headline: "…return home from US NEW DELHI: Their…"
_INNER_DATELINE = re.compile(r"(?<=[\w’'\")] )[A-Z][A-Z.'’\-]{2,}(?: [A-Z][A-Z.'’\-]{2,}){0,2}(?: \([^)]{1,40}\))?: ")


@lru_cache(maxsize=16384)
def _teaser(key: str) -> bool:
    """A headline and the story's first sentence on one line: run together with no space
    between them ("…At Troy SteakhouseA party of six left…"), or with the story's dateline
    between them ("…return home from US NEW DELHI: Their American dream…")."""
    for m in _GLUE.finditer(key, 0, 200):
        head, tail = key[: m.end()], key[m.end() :]
        if len(tail.split()) >= 5 and _capitalised(head) and not _capitalised(tail[:80]):
            return True
    for m in _INNER_DATELINE.finditer(key, 0, 200):
        head, tail = key[: m.start()], key[m.end() :]
        if len(head.split()) >= 5 and len(tail.split()) >= 6:
            return True
    return False


def _capitalised(text: str) -> bool:
    """Three words or more, nearly all capitalised, short ones too: "Ford Recalls F-150s At Last"."""
    words = _CASED_WORD.findall(text)
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.75 * len(words)


_CASED_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _densest(lines: list[_Line], lo: int, hi: int) -> tuple[int, int] | None:
    """Indices [a, b] of the densest body run within [lo, hi).

    The run is the maximum-sum segment of line scores. A comment-section marker ends the
    search when a body of some size comes before it: what follows it is comments.
    """
    scores = _scores(lines, lo, hi)
    # The lines that count: a blank line scores 0 and nothing else does.
    counted = [(i, sc) for i, sc in enumerate(scores, lo) if sc]
    for k, (i, _) in enumerate(counted):
        if lines[i].rule in BARRIER_RULES:
            found = _max_run(counted[:k])
            if found and found[2] >= MIN_BODY_WEIGHT:
                return found[0], found[1]
    found = _max_run(counted)
    if not found:
        return None
    a, b, total = found
    # The article ends at the first end marker (related links, tags, copyright...) once
    # most of the body has been seen: what follows such a marker is the page's, not the
    # article's.
    mass = 0.0
    last_good = a
    least = max(MIN_BODY_WEIGHT, END_FRACTION * total)
    for i, sc in counted:
        if i < a:
            continue
        if i > b:
            break
        if mass >= least and lines[i].rule in END_RULES:
            return a, last_good
        if sc > 0:
            mass += sc
            last_good = i
    return a, b


def _max_run(counted: list[tuple[int, float]]) -> tuple[int, int, float] | None:
    """The maximum-sum run of the ``(index, score)`` of the lines that count."""
    best, best_span = 0.0, None
    run, start = 0.0, 0
    gap = 0  # non-body lines in a row: a long stretch of chrome costs more per line
    for i, s in counted:
        if s < 0:
            s *= 1.0 + GAP_GROWTH * gap
            gap += 1
        elif s >= GOOD_WEIGHT * CROWDED_FACTOR:
            gap = 0
        if run <= 0:
            run, start = s, i
        else:
            run += s
        if run > best and s > 0:
            best, best_span = run, (start, i, run)
    return best_span


# --- hard-wrapped text --------------------------------------------------------------


def _wrap_width(lines: list[_Line]) -> int | None:
    """The width a dump was hard-wrapped at, or None if it was not.

    Wrapped text (wire copy from e-mail, plain-text archives) has lines that stop near one
    width and rarely pass it, and many of them run on into the next line.
    """
    lens = [x.width for x in lines if x.key]
    if len(lens) < 8 or sum(n > 110 for n in lens) > 0.05 * len(lens):
        return None  # rendered pages: paragraphs run on in long lines, more than 5 % over any width
    lens.sort()
    width = lens[int(0.9 * (len(lens) - 1))]
    if not 40 <= width <= 100 or sum(n > width + 10 for n in lens) > 0.05 * len(lens):
        return None
    runs_on = sum(
        1 for a, b in zip(lines, lines[1:], strict=False)
        if a.key and b.key and a.width >= WRAP_FILL * width
    )
    return width if runs_on >= 0.25 * len(lens) else None


def _join_wrapped(lines: list[_Line]) -> None:
    """In hard-wrapped text, let the first line of each wrapped paragraph stand for it."""
    width = _wrap_width(lines)
    if width is None:
        return
    i, n = 0, len(lines)
    while i < n:
        head = lines[i]
        j = i
        while (j + 1 < n and lines[j + 1].key and not lines[j + 1].rule and not lines[j].rule
               and lines[j].width >= WRAP_FILL * width
               and not _BULLET.match(lines[j + 1].text)):
            j += 1
        if j > i:  # lines are shared: changed ones are new objects
            for k in range(i + 1, j + 1):
                x = lines[k]
                lines[k] = _line(x.text, x.key, x.weight, x.sentence, x.rule, x.dates, x.fold, merged=True)
            weight = sum(x.weight for x in lines[i : j + 1])
            lines[i] = _line(head.text, head.key, weight, lines[j].sentence, head.rule, head.dates, "", j - i)
        i = j + 1


# --- splitting a dump into articles ---------------------------------------------------


@dataclass(slots=True)
class _Repeats:
    """Where each line's text (folded) shows next and last showed: indices, or -1."""

    next: list[int]
    prev: list[int]

    @classmethod
    def of(cls, lines: list[_Line]) -> _Repeats:
        n = len(lines)
        nxt, prv = [-1] * n, [-1] * n
        last: dict[str, int] = {}
        for i in range(n - 1, -1, -1):
            fold = lines[i].fold
            if fold:
                j = nxt[i] = last.get(fold, -1)
                if j >= 0:
                    prv[j] = i
                last[fold] = i
        return cls(nxt, prv)


def _headers(lines: list[_Line], repeats: _Repeats) -> list[int]:
    """Indices of article headers: a title-like line shown again a few lines on, with a
    date line in between or right after (the header an infinite-scroll page repeats for
    every article). The same title twice is not two articles."""
    heads: list[int] = []
    titles: set[str] = set()
    for i, line in enumerate(lines):
        j = repeats.next[i]
        if j < 0 or j - i >= HEADER_SPAN or line.weight < 3 or line.fold in titles:
            continue
        if _title_like(line) and any(x.dates for x in lines[i + 1 : j + 4]):
            heads.append(i)
            titles.add(line.fold)
    return heads


def _body_weight(lines: list[_Line]) -> int:
    return sum(x.weight for x in lines if x.good and not x.rule)


def _split(lines: list[_Line], repeats: _Repeats) -> list[tuple[int, int, int | None]]:
    """Article spans as (start, end_exclusive, header index or None)."""
    heads = _headers(lines, repeats)
    spans: list[tuple[int, int, int | None]] = []
    for k, h in enumerate(heads):
        end = heads[k + 1] if k + 1 < len(heads) else len(lines)
        if _body_weight(lines[h:end]) < MIN_BODY_WEIGHT:
            if spans:  # no body of its own: it belongs to the article before
                s, _, hh = spans[-1]
                spans[-1] = (s, end, hh)
            continue
        spans.append((h, end, h))
    if len(spans) < 2:
        return [(0, len(lines), None)]
    _, first_end, first_head = spans[0]
    spans[0] = (0, first_end, first_head)  # what comes before the first headline is that article's chrome
    return spans


# --- one article ----------------------------------------------------------------------


_REMOVED = Kind.REMOVED


class _Builder:
    """Assigns each line of one article span to a field or a removal rule."""

    def __init__(
        self,
        lines: list[_Line],
        source: str,
        outlet: str | None,
        drop: re.Pattern[str] | None,
        offset: int = 0,
        repeats: _Repeats | None = None,
    ):
        self.lines = lines
        self.offset = offset  # where these lines start in the dump (line number offset + 1)
        self.repeats = repeats or _Repeats.of(lines)  # the dump's, by index in the dump
        self.source = source
        # Lines no field can take are removed from the start, each with its reason:
        # blank, continued (hard-wrapped), a boilerplate rule, the outlet's own lines.
        self.why: list[str] = [x.removed for x in lines]
        if drop is not None:
            for i, x in enumerate(lines):
                if not x.removed and drop.match(x.key):
                    self.why[i] = "outlet-boilerplate"
        self.kind: list[Kind | None] = [_REMOVED if w else None for w in self.why]
        self.art = Article(source=source, start=offset + 1, end=offset + len(lines), outlet=outlet)
        self._follows: dict[int, float] = {}

    def _full(self, i: int, bullet: bool = False) -> str:
        """Line ``i`` as a field keeps it, joined with the lines that continue it."""
        line = self.lines[i]
        head = line.text.strip() if bullet else line.clean
        if not line.joined:
            return head
        return " ".join([head, *(x.text.strip() for x in self.lines[i + 1 : i + 1 + line.joined])])

    def set(self, i: int, kind: Kind, why: str = "") -> None:
        self.kind[i], self.why[i] = kind, why

    def remove(self, i: int, why: str) -> None:
        self.set(i, Kind.REMOVED, why)

    def build(self, header: int | None) -> Article:
        lines, n = self.lines, len(self.lines)
        lo = header + 1 if header is not None else 0
        span = _densest(lines, lo, n)
        if span is None:
            a = b = n
        else:
            a, b = span
        title_i = header if header is not None else self._pick_title(a)
        if title_i is not None:
            self.art.title = self._full(title_i)
            self.set(title_i, Kind.TITLE)
            if span is not None and title_i >= a:
                a = title_i + 1
        standfirst = self._header_zone(title_i, a)
        self._body(a, b + 1 if span is not None else n, standfirst)
        self._tail(b + 1 if span is not None else n)
        if self.art.published is None:
            self._labelled_date()
        return self._finish()

    # title ----------------------------------------------------------------------------
    def _pick_title(self, body_start: int) -> int | None:
        """The best title-like line shortly before the body (or opening it)."""
        lines = self.lines
        window: list[int] = []  # non-blank line indices, nearest to the body first
        ranks: list[int] = []  # how many of them, not counting boilerplate, come first
        counted = 0
        trail = False  # whether a breadcrumb trail may stand among them (see _under_crumbs)
        for i in range(body_start - 1, -1, -1):
            if not lines[i].blank:
                window.append(i)
                ranks.append(counted)
                trail = trail or lines[i].home
                if not lines[i].rule:
                    counted += 1
                    if counted >= TITLE_WINDOW:
                        break
        # A long headline may open the body run itself: the run's first line, when it
        # does not end like a statement and a byline or date follows, or it repeats.
        first = next((i for i in range(body_start, min(len(lines), body_start + 3)) if not lines[i].blank), None)
        if first is not None and _title_like(lines[first]) and not lines[first].key.endswith(".") and (
            not lines[first].sentence or self._meta_follows(first) > 0 or self._repeated(first)
        ):
            window.insert(0, first)
            ranks = [0, *(r + 1 for r in ranks)]
        # The lead, less any line shown above it too (a standfirst repeated at the top of
        # the body would otherwise be the best match for itself).
        shown = {lines[i].fold for i in window} - {""}  # (long lines have no fold: they never repeat as chrome)
        lead_lines = [x for x in lines[body_start : body_start + 12] if x.good and not x.rule]
        lead_keys = [x.key for x in lead_lines if x.fold not in shown]
        in_lead = {x.fold for x in lead_lines} & shown
        joined = " ".join(lead_keys)
        # The lead's words; a line's own are remembered, so a page's lead seen again costs
        # little. (CJK character pairs may run across lines: such a lead is read whole.)
        lead = frozenset().union(*map(_content_words, lead_keys)) if _CJK.search(joined) is None else _words_of(joined)
        best, best_i = 0.0, None
        for k, i in enumerate(window):
            line = lines[i]
            rank = ranks[k]
            if self.kind[i] is not None or not _title_like(line):
                continue
            # (The window lists every line of words going up: the next one is the one above.)
            prev = window[k + 1] if k + 1 < len(window) else self._above(i)
            # The title-like line above, past one label such as "Editorial" or "Analysis".
            above = prev
            if prev is not None and lines[prev].weight <= 2 and not _meta_like(lines[prev]):
                above = window[k + 2] if k + 2 < len(window) else self._above(prev)
            prev_title = above if above is not None and _title_like(lines[above]) and not _meta_like(lines[above]) \
                else None
            w = line.weight
            score = 0.85 + 0.01 * min(w, 15) if 4 <= w <= 20 else 0.7 if w > 20 else 0.35 if w == 3 else 0.1
            meta = self._meta_follows(i)
            # A headline over its byline heads the article, whatever stands between it
            # and the body (a photo, a video strip): distance counts only so far.
            score -= TITLE_RANK_COST * (min(rank, BYLINED_RANK) if meta >= META_BONUS + BYLINE_BONUS else rank)
            score += meta
            words = _content_words(line.key)
            if words and lead:
                # The headline speaks of what the lead speaks of; menus and other
                # stories' headlines do not.
                shared = len(words & lead) / len(words)
                score += TITLE_OVERLAP * shared
                if shared == 1.0 and _bare_name(line.text.strip()):
                    score += NAME_COST  # a few capitalised words the lead speaks of: a topic, not an author
            if w >= 4 and line.fold not in in_lead and self._repeated(i):
                score += REPEAT_BONUS
            if line.key.isupper() and w > 2:
                score -= 0.3
            score += _title_shape(line.key, line.text)
            if prev_title is not None and w >= DEK_MIN_WEIGHT and lines[prev_title].weight < w:
                score -= DEK_PENALTY  # a longer line right under a title-like one is its standfirst
            elif prev_title is not None and lines[prev_title].weight >= SUBTITLE_UNDER > w \
                    and _headline_shape(lines[prev_title]):
                score -= SUBTITLE_PENALTY  # a shorter line right under a long headline is its subtitle
            if trail and self._under_crumbs(i):
                score += CRUMB_BONUS
            if prev is not None and lines[prev].weight <= 3 and lines[prev].text.rstrip().endswith(":"):
                score -= 0.6  # the value of a "Label:" line
            if _TITLE_DEBUG:
                print(f"  title? {self.offset + i + 1} {score:.2f} {line.key[:70]!r} (rank {rank}, "
                      f"meta {meta:.2f}, above {prev_title})")
            if score > best:
                best, best_i = score, i
        return best_i

    def _under_crumbs(self, i: int) -> bool:
        """Whether line ``i`` comes right after a breadcrumb trail: "Home", then at most
        CRUMB_LABELS section labels ("Home / Sport / Swimming / <headline>"), and is
        neither a crumb itself nor one more item of a menu that opens with "Home"."""
        j = i
        for labels in range(CRUMB_LABELS + 1):
            above = self._above(j)
            if above is None:
                return False
            if self.lines[above].home:
                if labels == 0:
                    return False  # right under "Home" stands a menu's first item as often
                break
            if self.lines[above].weight > 2 and not self._crumb(above):
                return False
            j = above
        else:
            return False
        if self._crumb(i):
            return False
        after = self._below(i)  # a menu goes on with more short items
        return after is None or self.lines[after].weight > 3 or _meta_like(self.lines[after])

    def _crumb(self, i: int) -> bool:
        """A section label of a breadcrumb trail, by its form: numbered ("2. News"), ending
        in a separator ("Software ›"), or a short name the page shows elsewhere too
        (its menu: "Economy & Business")."""
        line = self.lines[i]
        return bool(_CRUMB_NUMBER.match(line.key)) or line.text.rstrip().endswith(_CRUMB_ENDS) or (
            line.weight <= 3 and self._repeated(i)
        )

    def _below(self, i: int) -> int | None:
        """The nearest non-blank line below line ``i``."""
        return next((x for x in range(i + 1, len(self.lines)) if not self.lines[x].blank), None)

    def _above(self, i: int) -> int | None:
        """The nearest non-blank line above line ``i``."""
        return next((x for x in range(i - 1, -1, -1) if not self.lines[x].blank), None)

    def _repeated(self, i: int) -> bool:
        """Whether line ``i``'s text (folded) shows again in this article's span."""
        lo, hi = self.offset, self.offset + len(self.lines)
        return bool(self.lines[i].fold) and (
            lo <= self.repeats.prev[lo + i] or 0 <= self.repeats.next[lo + i] < hi
        )

    def _meta_follows(self, i: int) -> float:
        if (bonus := self._follows.get(i)) is None:
            bonus = self._follows[i] = self._meta_follows_uncached(i)
        return bonus

    def _meta_follows_uncached(self, i: int) -> float:
        """A bonus when a date or byline comes right after line ``i`` (author-name
        lines in between are skipped): the headline sits on top of its byline. A byline
        ("By Jane Doe") right under it says more than a date: lists of other stories
        show dates more often than authors."""
        seen = names = 0
        lines = self.lines
        for k in range(i + 1, len(lines)):
            x = lines[k]
            if x.blank:
                continue
            if _meta_like(x):
                if seen == names == 0 and _BY.match(x.key):
                    # and the line itself is no name: the names are in the byline
                    return META_BONUS + BYLINE_BONUS + (NAME_COST if _bare_name(self.lines[i].text.strip()) else 0.0)
                return META_BONUS - 0.12 * seen
            if names == 0 and _name_like(x):
                names += 1
            else:
                seen += 1
            if seen >= 4:
                break
        return 0.0

    # between title and body: dates, byline, summary, captions ----------------------------
    def _header_zone(self, title_i: int | None, body_start: int) -> bool:
        """Dates, byline, standfirst, summary and captions around the title. True when no
        line of words stands between the title and the body: the body's first line may
        then be the standfirst."""
        lo = (title_i + 1) if title_i is not None else body_start
        title_fold = self.lines[title_i].fold if title_i is not None else None
        standfirst = title_i is not None  # the first line of words under the title may be its standfirst
        summary: set[str] = set()  # the folds of the summary lines so far
        for i in range(lo, body_start):
            if self.kind[i] is not None:
                continue
            line = self.lines[i]
            if title_fold and line.fold == title_fold:
                self.remove(i, "repeated-title")
            elif line.fold and line.fold in summary:
                self.remove(i, "repeated-summary")  # a standfirst shown over and under the date
            elif not self._meta(i):
                if _photo_credit(line):
                    self._caption(i)
                elif (
                    _BULLET.match(line.text)
                    or (line.sentence and line.weight >= 5)
                    or (standfirst and _standfirst(line))
                ):
                    self.set(i, Kind.SUMMARY)
                    self.art.summary.append(self._full(i))
                    summary.add(line.fold)
            if line.weight > 2:
                standfirst = False
        # The six lines before the title: dates and bylines still count, and a photo
        # credit right over it; the rest is page chrome.
        end = title_i if title_i is not None else body_start
        for i in range(max(0, end - 6), end):
            if self.kind[i] is None:
                line = self.lines[i]
                if line.dates and not self.art.published:
                    self._meta(i)
                elif _photo_credit(line) and i >= end - 4 and line.weight >= 5:
                    self._caption(i)
        return standfirst

    def _caption(self, i: int) -> None:
        self.set(i, Kind.CAPTION)
        self.art.captions.append(self._full(i))

    def _meta(self, i: int) -> bool:
        """Dates and bylines; True if line ``i`` was one."""
        line = self.lines[i]
        dates = line.dates
        if not dates and line.weight <= META_DATE_WEIGHT and _leading_date(line.key):
            # "October 15, 2018/0 Comments/in News/by admin": the date that opens it
            dates = tuple(d for d in find_dates(line.key) if d.absolute)[:1]
        if dates:
            if self.art.byline is None and _BY.match(line.key):
                self.art.byline = self._full(i)
            for d in dates:
                if d.updated:
                    self.art.updated = self.art.updated or d.value
                else:
                    self.art.published = self.art.published or d.value
            self.set(i, Kind.DATE)
            return True
        if _is_byline(line):
            if self.art.byline is None:
                self.art.byline = self._full(i)
                self.set(i, Kind.BYLINE)
            else:
                self.remove(i, "byline-repeat")
            return True
        return False

    # the body ---------------------------------------------------------------------------
    def _body(self, a: int, b: int, standfirst_open: bool = False) -> None:
        lines = self.lines
        started = False
        # An image leaves an empty block: a sentence standing right after the title with
        # two or more blank lines before it is the image's caption, when body follows.
        if a < b and self.art.title and self.kind[a] is None and a >= 2:
            prev = self._above(a)
            if prev is not None and self.kind[prev] is Kind.TITLE and a - 1 - prev >= 2 and lines[a].weight <= 45 \
                    and any(lines[x].good for x in range(a + 1, min(b, a + 6))):
                self._caption(a)
        table = set(_table_rows(lines, a, b))
        open_ = standfirst_open  # only the first line of words under the title may be its standfirst
        for i in range(a, b):
            if self.kind[i] is not None:
                continue
            line = lines[i]
            standfirst = open_
            if open_ and line.weight > 2:
                open_ = False
            if _is_credit(line):
                self.set(i, Kind.CREDIT)
                self.art.credits.append(self._full(i))
            elif not started and self._meta(i):
                pass
            elif (not line.good or (standfirst and not started)) and _photo_credit(line):
                self._caption(i)  # (right under the title, even a long line that ends so is a caption)
            elif not started and (
                (_BULLET.match(line.text) and self._plain_follows(i, b))
                or (standfirst and not line.sentence and _standfirst(line))
            ):
                self.set(i, Kind.SUMMARY)
                self.art.summary.append(self._full(i))
            elif line.good or (line.sentence and line.weight >= 5) or i in table or self._subheading(i, a, b):
                started = True
                self.set(i, Kind.BODY)
                self.art.body.append(self._full(i, bullet=True))
            else:
                self.remove(i, "short-line")

    def _plain_follows(self, i: int, b: int) -> bool:
        """Whether a body-like line that is not a bullet comes after line ``i`` in [i, b)."""
        return any(self.lines[x].good and not _BULLET.match(self.lines[x].text) for x in range(i + 1, b))

    def _subheading(self, i: int, a: int, b: int) -> bool:
        """A short line between two body paragraphs, shaped like a heading."""
        line = self.lines[i]
        if line.weight < 2 or line.weight > 12 or line.sentence and line.key.endswith("."):
            return False
        nxt = next((x for x in range(i + 1, b) if not self.lines[x].blank), None)
        prv = next((x for x in range(i - 1, a - 1, -1) if not self.lines[x].blank), None)
        return (nxt is not None and prv is not None and self.lines[nxt].good
                and self.kind[prv] is Kind.BODY)

    def _tail(self, after: int) -> None:
        """Credit lines shortly after the body."""
        seen = 0
        for i in range(after, len(self.lines)):
            line = self.lines[i]
            if line.blank:
                continue
            seen += 1
            if seen > 6:
                break
            if self.kind[i] is None and _is_credit(line):
                self.set(i, Kind.CREDIT)
                self.art.credits.append(self._full(i))

    def _labelled_date(self) -> None:
        """With no date in the header, the first date labelled as the publication date
        anywhere in the article ("First published on November 19, 2019 / 8:16 AM" at its
        end): a line no field has taken, or one removed as a short line."""
        for i, line in enumerate(self.lines):
            if not line.dates or not PUBLISHED_LABEL.search(line.key):
                continue
            if self.kind[i] is None or (self.kind[i] is Kind.REMOVED and self.why[i] == "short-line"):
                if any(not d.updated and d.absolute for d in line.dates):
                    self._meta(i)
                    return

    def _finish(self) -> Article:
        art, kind, why = self.art, self.kind, self.why
        if "continued" in why:  # hard-wrapped text: a continued line takes the kind of the line above
            for i, line in enumerate(self.lines):
                if line.merged and i > 0:
                    kind[i], why[i] = kind[i - 1], why[i - 1]
        # The records are made when first asked for (show --explain, --raw, records()):
        # stripping and listing never ask.
        art._make_lines = partial(_records, self.lines, kind, why, self.offset + 1)
        if art.body:
            m = _DATELINE.match(art.body[0])
            if m and len(m.group(1)) <= 60:
                art.dateline = m.group(1).strip()
        art.id = content_id(art.title, art.body)
        return art


def _records(lines: list[_Line], kind: list[Kind | None], why: list[str], first_no: int) -> list[LineRecord]:
    """The records of an article's lines; a line no field took is the page's chrome."""
    make = tuple.__new__  # LineRecord is a named tuple: made without a call per field
    numbers = range(first_no, first_no + len(lines))
    return [
        make(LineRecord, (no, x.text, k, w) if k is not None else (no, x.text, _REMOVED, "chrome"))
        for no, x, k, w in zip(numbers, lines, kind, why, strict=True)
    ]


# --- public API -----------------------------------------------------------------------


def _outlet(text: str, lines: list[_Line], rules: Rules) -> tuple[str | None, re.Pattern[str] | None]:
    """The outlet's name, where it can be told, and the pattern of its own chrome lines."""
    profile = rules.detect_outlet(text)
    if profile is not None:
        return profile.name, profile.drop
    for line in reversed(lines):
        if line.rule == "copyright":
            m = _COPYRIGHT_OWNER.search(line.key)
            if m:
                name = m.group(1).strip(" .,-")
                if name and not name.lower().startswith(("all rights", "the author")):
                    return name, None
    return None, None


def split_lines(text: str) -> list[str]:
    """The lines of ``text`` (a final newline ends the last line, it does not start one)."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def parse_text(text: str, source: str = "<text>", rules: Rules | None = None) -> Document:
    """Parse one dump's (decoded, normalised) text into a :class:`Document`."""
    rules = rules or default_rules()
    raw = split_lines(text)
    lines = _features(raw, rules)
    _join_wrapped(lines)
    doc = Document(source=source, line_count=len(lines))
    if not lines:
        return doc
    outlet, drop = _outlet(text, lines, rules)
    repeats = _Repeats.of(lines)
    for start, end, header in _split(lines, repeats):
        part = lines[start:end]
        builder = _Builder(part, source, outlet, drop, start, repeats)
        art = builder.build(header - start if header is not None else None)
        if art.body or art.title:
            doc.articles.append(art)
        else:
            doc.chrome.extend(
                LineRecord(r.no, r.text, Kind.REMOVED, r.rule if r.kind is Kind.REMOVED else "no-article")
                for r in art.lines
            )
    return doc


def parse_file(path: str | os.PathLike[str], rules: Rules | None = None) -> Document:
    """Read, decode and parse one file (``-`` for standard input)."""
    decoded = read_source(os.fspath(path))
    return parse_text(decoded.text, decoded.source, rules)


def iter_documents(
    args: list[str] | tuple[str, ...],
    pattern: str = "*.txt",
    rules: Rules | None = None,
    on_error: Callable[[InputError], None] | None = None,
    on_decoded: Callable[[str, str], None] | None = None,
) -> Iterator[Document]:
    """Parse every input named by ``args`` (files, folders, ``-``), one at a time.

    Inputs that cannot be read are passed to ``on_error`` (or raised if it is None) and
    the others go on. ``on_decoded(source, encoding)`` hears which encoding was used.
    """
    rules = rules or default_rules()
    for source in expand_inputs(args, pattern):
        try:
            decoded = read_source(source)
        except InputError as exc:
            if on_error is None:
                raise
            on_error(exc)
            continue
        if on_decoded is not None:
            on_decoded(decoded.source, decoded.encoding)
        yield parse_text(decoded.text, decoded.source, rules)


def iter_articles(args: list[str] | tuple[str, ...], pattern: str = "*.txt", rules: Rules | None = None,
                  on_error: Callable[[InputError], None] | None = None) -> Iterator[Article]:
    """Every article of every input, in input order."""
    for doc in iter_documents(args, pattern, rules, on_error):
        yield from doc.articles
