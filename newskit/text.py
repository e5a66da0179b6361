"""Text facts that several stages share: scripts, bullets, weight, folding, sentence ends.

One definition each, used by the parser, the rules engine and the sentence splitter, so
that "a CJK character" or "a list bullet" means the same thing everywhere. Pure
functions of text; no I/O, no state.
"""

from __future__ import annotations

import re

# --- scripts --------------------------------------------------------------------------

# Chinese, Japanese and Korean letters: hiragana and katakana (less the katakana middle
# dot, U+30FB, which is punctuation), CJK ideographs (extension A, the unified block,
# compatibility ideographs) and Hangul syllables. Such text has no spaces between words:
# a character counts half a word in a line's weight, and is a word of its own in dedupe.
# Chinese and Japanese leave no space between words at all; Korean sets its words apart
# with spaces, as Latin scripts do.
UNSPACED_RANGES = "\u3040-\u30fa\u30fc-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_RANGES = UNSPACED_RANGES + "\uac00-\ud7af"
CJK = re.compile(f"[{CJK_RANGES}]")
UNSPACED = re.compile(f"[{UNSPACED_RANGES}]")  # a Chinese character or Japanese kana


def has_cjk(text: str) -> bool:
    return not text.isascii() and CJK.search(text) is not None


# --- bullets and edges ----------------------------------------------------------------

BULLETS = "•·●▪■►▶◆◦‣"  # list bullets as pages render them
LIST_MARKERS = BULLETS + "*-"  # ... and the ASCII ones a text converter writes
# A list item's marker at the start of a line: a bullet and a space.
BULLET = re.compile(rf"^\s*[{re.escape(LIST_MARKERS)}]\s+")
_MARKER_SET = frozenset(LIST_MARKERS)


def is_bullet(text: str) -> bool:
    """Whether ``text`` opens with a list item's marker (see :data:`BULLET`)."""
    return text.lstrip()[:1] in _MARKER_SET and BULLET.match(text) is not None


def strip_bullet(text: str) -> str:
    """``text`` trimmed, without a leading list item's marker."""
    text = text.strip()
    return BULLET.sub("", text) if text[:1] in _MARKER_SET else text


# Spaces that render like a space but are not one; folded to U+0020.
ODD_SPACES = (
    "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u202f\u205f\u3000"
)  # (A tab is kept: it sets apart the cells of a table row.)
# Invisible characters with no meaning in running text: zero-width space, word joiner,
# BOM used as ZWNBSP, soft hyphen. ZWJ/ZWNJ are kept: they shape Persian, Indic scripts and emoji.
ZERO_WIDTH = "\u200b\u2060\ufeff\u00ad"

DASHES = "-–—"
# What a line is stripped of before rules see it: white space (odd spaces and invisible
# characters too, in text that did not come through the reader), bullets, dashes, arrows,
# separators and the brackets that open (lead) or close (tail) a label.
EDGE_LEAD = " \t\n" + ODD_SPACES + ZERO_WIDTH + BULLETS + DASHES + "*>|»›:[("
EDGE_TAIL = " \t\n" + ODD_SPACES + ZERO_WIDTH + BULLETS + DASHES + "*>|»›:])"


def strip_edges(line: str) -> str:
    """``line`` without the bullets, arrows, brackets and space around it."""
    return line.lstrip(EDGE_LEAD).rstrip(EDGE_TAIL)


# --- weight and folding ---------------------------------------------------------------

WORD = re.compile(r"\w+")
LONG_WORD = re.compile(r"[^\W\d_]{4,}")  # a word of four letters or more


def weight(text: str, words: int | None = None) -> int:
    """Words, a CJK character counting half a word (``words``: the text's word count, if known)."""
    if text.isascii() or CJK.search(text) is None:
        return len(text.split()) if words is None else words
    return len(CJK.sub(" ", text).split()) + len(CJK.findall(text)) // 2


def word_count(text: str) -> int:
    """Words as a reader counts them: runs between spaces, and each Chinese character or
    Japanese kana a word of its own (a run of punctuation alone is no word there)."""
    if text.isascii() or UNSPACED.search(text) is None:
        return len(text.split())
    rest = UNSPACED.sub(" ", text).split()
    return len(UNSPACED.findall(text)) + sum(1 for w in rest if WORD.search(w))


def fold(text: str) -> str:
    """Case-folded words joined by one space: how two lines are told to be the same text."""
    return " ".join(WORD.findall(text.casefold()))


def content_words(text: str) -> frozenset[str]:
    """Folded words of four letters or more (CJK: character pairs), for overlap tests."""
    if text.isascii():
        return frozenset(LONG_WORD.findall(text.casefold()))
    words = set(LONG_WORD.findall(CJK.sub(" ", text.casefold())))
    cjk = "".join(CJK.findall(text))
    words.update(cjk[k : k + 2] for k in range(len(cjk) - 1))
    return frozenset(words)


# --- sentence ends --------------------------------------------------------------------

SENTENCE_MARKS = ".!?…"  # what ends a sentence in most scripts
CJK_SENTENCE_MARKS = "。！？"  # ... and in Chinese and Japanese, with no space after
# A line that ends in one of these ends like a statement: a sentence, or a label
# ("Updated:"), a list item ("…;"), an aside in brackets.
LINE_END_MARKS = frozenset(SENTENCE_MARKS + CJK_SENTENCE_MARKS + ":;)]")
CLOSERS = frozenset("'\"”’»)]")  # what may close after the final mark


def ends_sentence(key: str) -> bool:
    """Whether a line ends like a sentence (closing quotes and brackets aside)."""
    end = len(key)
    while end and key[end - 1] in CLOSERS:
        if key[end - 1] in LINE_END_MARKS:
            return True
        end -= 1
    return end > 0 and key[end - 1] in LINE_END_MARKS
