"""Cues: what a line's text says it is, wherever it stands.

One kind of line, one test: a byline, a credit, a photo credit, a date line, a line of
names, a title-like line, a standfirst. Each is a function of the text alone, so the
costly ones are remembered per text. Where a line stands (above a body, under a title)
is for the stages that call these.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from ..dates import ABS_DATE, MONTH_NAMES, find_dates
from ..text import CJK, weight
from ..text import content_words as words_of

if TYPE_CHECKING:
    from .features import Line

_NAME = r"[\w\u00C0-\u024F][\w.'’\-]*(?:\s+[\w\u00C0-\u024F][\w.'’\-]*){0,5}"
BY_WORDS = "by|por|par|von|di|de|door|av|written by|words by|story by|автор"
_BYLINE = re.compile(
    rf"^(?:{BY_WORDS})\s*:?\s+{_NAME}"
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
DATELINE = re.compile(
    r"^((?:[A-Z][A-Z.'’\-]+(?:\s+[A-Z][A-Z.'’\-]+){0,3})(?:,\s*[A-Z][\w.]+(?:\s+[A-Z][\w.]+){0,2})?"
    r"(?:\s*\([\w/ .&,-]{1,40}\))?)\s*(?::|—|–|--|-)\s+(?=\S)"
)
COPYRIGHT_OWNER = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}\s*[-–]\s*)?(?:\d{4})?\s*,?\s*"
    r"([A-Z][\w&.'’ -]{1,60}?)\s*(?:[.,|]|all rights|$)",
    re.I,
)
HOME_CRUMB = re.compile(
    r"(?i)(?:\d{1,2}\.)?\W{0,3}(?:home|homepage|início|inicio|accueil|startseite|главная|ホーム|홈|首页)\W*$"
)
CRUMB_NUMBER = re.compile(r"\d{1,2}\. ")  # a trail set out as a numbered list: "2. News"
CRUMB_ENDS = ("›", "»", ">", "/", "|")
JUNCTION = re.compile(r"[a-z]{3}[A-Z][a-z]{2}|[a-z][.!?][A-Z][a-z]")
BY = re.compile(rf"(?i)(?:{BY_WORDS})\s*:?\s+\w")  # a line that opens like a byline
TWO_SENTENCES = re.compile(r"\w[.!?] [A-Z]")
# Lines that open like metadata: "Posted on", "Published", "By", "Text:".
_META_START = re.compile(
    r"(?i)\W*(?:by|por|par|von|di|posted|published|publicado|publicada|publié|veröffentlicht|pubblicato|"
    r"updated|atualizado|actualizado|written|text|texto|текст|автор|опубликовано|author|publish date|date)\b"
)
_NAME_WORD = re.compile(r"^(?:[A-Z][\w.'’\-]*|@\w+|and|&|of|the|de|da|van|von|/|,)$")
_DATE_LEAD = " \t|•·-–—(["  # what may stand before a date that opens a line
_LEADING_DATE = re.compile(r"^\W{0,3}(?:\d{1,4}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2})\b")
DASHES = ("— ", "– ", "- ", "―")  # what opens an attribution or a list item


def is_byline(line: Line) -> bool:
    return byline_shape(line.key, line.weight)


def byline_shape(key: str, weight: int) -> bool:
    """A short line that reads as a byline ("By Jane Doe and John Roe")."""
    return weight <= 14 and len(key) <= 150 and _BYLINE.match(key) is not None


def is_credit(line: Line) -> bool:
    return line.weight <= 40 and credit_text(line.key)


@lru_cache(maxsize=16384)
def credit_text(key: str) -> bool:
    low = key.lower()  # every credit names who did it ("by"), says "contributed" or is a "Source:"
    return ("by" in low or "contributed" in low or ":" in low) and _CREDIT.match(key) is not None


def photo_credit(line: Line) -> bool:
    return photo_credit_text(line.key[-160:])


@lru_cache(maxsize=16384)
def photo_credit_text(tail: str) -> bool:
    return _PHOTO_CREDIT.search(tail) is not None


@lru_cache(maxsize=16384)
def content_words(text: str) -> frozenset[str]:
    """Folded words of four letters or more (CJK: character pairs), remembered per text."""
    return words_of(text)


def headline_shape(line: Line) -> bool:
    """One statement that does not end like a sentence: how headlines are written."""
    return not line.sentence and TWO_SENTENCES.search(line.key) is None


def title_case(text: str) -> bool:
    """Most longer words capitalised, as English headlines often are."""
    words = [w for w in re.findall(r"[^\W\d_]+", text) if len(w) >= 4]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def meta_like(line: Line) -> bool:
    """A date line, a byline, or a line that opens with a date or a metadata label."""
    return bool(line.dates) or meta_text(line.key)


@lru_cache(maxsize=16384)
def meta_text(key: str) -> bool:
    return byline_shape(key, weight(key)) or bool(_META_START.match(key)) or leading_date(key)


def leading_date(key: str) -> bool:
    """A line that opens with a date: "19/11/2019 | News", "October 15, 2018/0 Comments/in News"."""
    if _LEADING_DATE.match(key):
        return True
    k = len(key) - len(key.lstrip(_DATE_LEAD))
    head = key[k : k + 1]
    if not head.isdigit() and (not head.isalpha() or key[k:].split(None, 1)[0].rstrip(".,").lower() not in MONTH_NAMES):
        return False  # (a date opens with a day or a month: the date pattern is costly to try)
    return ABS_DATE.match(key, k, 40) is not None


def name_like(line: Line) -> bool:
    """A short line of capitalised names: "Jane Doe, Business Insider", "(AP Photo / X)"."""
    return name_text(line.text.strip())


@lru_cache(maxsize=16384)
def name_text(text: str) -> bool:
    if text.startswith("(") and text.endswith(")"):
        return True
    words = text.replace(",", " , ").split()
    if not 2 <= len(words) <= 8 or not all(_NAME_WORD.match(w) for w in words):
        return False
    return listed(text) or len(words) <= 4


def listed(text: str) -> bool:
    """Names set out as a list or a credit: "Jane Doe, Reuters", "X and Y", "AP / X"."""
    return "," in text or " and " in text or "/" in text


def standfirst(line: Line) -> bool:
    """A headline-like line of some length, right under the title: its standfirst."""
    return line.weight >= 8 and title_like(line) and _standfirst_text(line.key)


@lru_cache(maxsize=4096)
def _standfirst_text(key: str) -> bool:
    return not meta_text(key) and not JUNCTION.search(key) and not any(
        d.absolute for d in find_dates(key)  # "Jane Doe 27/09/2018 Comment!"
    )


def bare_name(text: str) -> bool:
    """Name-like for its few capitalised words alone ("The Impeachment Clock"), with no
    comma, "and", slash or brackets that would make it a credit."""
    return not text.startswith("(") and not listed(text) and name_text(text)


def title_like(line: Line) -> bool:
    if line.blank or line.rule or line.dates or not 2 <= line.weight <= 30 or len(line.key) > 250:
        return False
    if line.text.lstrip().startswith(DASHES):
        return False  # an attribution ("— Jane Doe, in a letter") or a list item
    return _title_text(line.key)


@lru_cache(maxsize=16384)
def _title_text(key: str) -> bool:
    """The text-only part of the title test: no byline, no credit, some letters."""
    w = weight(key)
    if byline_shape(key, w) or (w <= 40 and credit_text(key)):
        return False
    return any(ch.isalpha() for ch in key)


def cjk_in(text: str) -> bool:
    return CJK.search(text) is not None
