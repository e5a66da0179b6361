"""Sentences and words: the units that dedupe and diff compare.

Pure text helpers, no I/O. One normalisation is shared by everything that compares text,
so that a sentence counted as "in common" by dedupe is the same one diff shows as shared:

- :func:`unify` maps typographic variants to one form, character for character (curly
  quotes to straight ones, the dash family to ``-``, odd spaces to a space), so string
  offsets stay valid;
- :func:`split_sentences` cuts a paragraph into sentences, knowing abbreviations
  ("U.S.", "Mr.", "Jan."), initials, decimals and quotes that close after the full stop;
- :func:`words` gives the comparison keys of a text: casefolded word tokens, with the dots
  of abbreviations dropped (``U.S.`` and ``US`` are both ``us``), punctuation ignored;
- :func:`tokens` gives the same words with their original spelling and the text that
  follows each, so a diff can print the original text with changes marked.

Chinese and Japanese text has no spaces: each CJK character is a word, and ``。！？`` end
sentences.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

# -- normalisation ---------------------------------------------------------------------

_UNIFY = str.maketrans(
    {
        "\u2018": "'",  # ‘
        "\u2019": "'",  # ’
        "\u201a": "'",  # ‚
        "\u201b": "'",  # ‛
        "\u2032": "'",  # ′
        "\u00b4": "'",  # ´
        "\u0060": "'",  # `
        "\u201c": '"',  # “
        "\u201d": '"',  # ”
        "\u201e": '"',  # „
        "\u201f": '"',  # ‟
        "\u00ab": '"',  # «
        "\u00bb": '"',  # »
        "\u2033": '"',  # ″
        "\u2010": "-",  # ‐ hyphen
        "\u2011": "-",  # non-breaking hyphen
        "\u2012": "-",  # figure dash
        "\u2013": "-",  # – en dash
        "\u2014": "-",  # — em dash
        "\u2015": "-",  # ― horizontal bar
        "\u2212": "-",  # − minus
        "\u00a0": " ",  # no-break space
        "\u2007": " ",
        "\u2009": " ",
        "\u200a": " ",
        "\u202f": " ",
        "\u3000": " ",
    }
)

_WS = re.compile(r"\s+")


def unify(text: str) -> str:
    """Map curly quotes, dashes and odd spaces to plain ASCII forms, one char for one."""
    return text.translate(_UNIFY)


def normalize(text: str) -> str:
    """A canonical form for exact comparison: unified, casefolded, whitespace collapsed."""
    return _WS.sub(" ", unify(text)).strip().casefold()


# -- words -----------------------------------------------------------------------------

_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
# A word: one CJK character, or a run of word characters that may contain inner
# apostrophes and dots (don't, U.S, 3.5). Hyphens split words: "Iran-backed" is two.
_WORD = re.compile(rf"[{_CJK}]|[^\W{_CJK}]+(?:['.][^\W{_CJK}]+)*")
_SEP = "\x00"


def words(text: str) -> list[str]:
    """The comparison keys of ``text``: casefolded words, inner dots dropped.

    >>> words("The U.S.-led coalition’s “plan”")
    ['the', 'us', 'led', "coalition's", 'plan']
    """
    found = _WORD.findall(unify(text))
    if not found:
        return []
    # One casefold and one replace over the joined string is much faster than per word.
    return _SEP.join(found).casefold().replace(".", "").split(_SEP)


def word_count(text: str) -> int:
    """The number of words :func:`words` finds in ``text``."""
    return len(_WORD.findall(text))


@dataclass(frozen=True, slots=True)
class Token:
    """One word of a text as written (``text``), its key, and the text that follows it.

    Joining ``text + tail`` over all tokens (after the text's ``lead``) gives back the
    original exactly.
    """

    text: str
    key: str
    tail: str


def tokens(text: str) -> tuple[str, list[Token]]:
    """``(lead, tokens)``: the text before the first word, and every word with its key.

    The keys are exactly :func:`words` of ``text``.
    """
    out: list[Token] = []
    unified = unify(text)
    matches = list(_WORD.finditer(unified))
    if not matches:
        return text, []
    keys = words(text)
    lead = text[: matches[0].start()]
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        out.append(Token(text[m.start() : m.end()], keys[i], text[m.end() : end]))
    return lead, out


# -- sentences -------------------------------------------------------------------------

# Abbreviations before a name or number: never the end of a sentence (lowercase, no dot).
_TITLES = frozenset(
    """
    mr mrs ms messrs mme mlle dr prof sen rep gov gen lt col maj capt cmdr adm brig sgt cpl
    pvt rev fr hon pres supt det insp st mt ft sra srta cf fig vol pp
    """.split()
)
# Abbreviations that may also end a sentence ("shares of Acme Inc. The company ...").
_SOFT = frozenset(
    """
    jr sr inc ltd corp co bros no nos vs approx ca est etc dept
    jan feb mar apr jun jul aug sep sept oct nov dec
    """.split()
)
# Words that start a new sentence after an ambiguous abbreviation ("... in the U.S. The").
_STARTERS = frozenset(
    """
    the a an this that these those it its he she they we i you his her their our my
    there here in on at but and or so yet if when while after before as for with by from
    of to since during however meanwhile still also last next some many most all one two
    no not what who why how where which
    """.split()
)

# A candidate boundary: terminal punctuation, any closing quotes/brackets, then space.
# CJK full stops end a sentence with or without a following space.
_BOUNDARY = re.compile(r"""(?:[.!?…]+["')\]]*\s+|[。！？]+["')\]」』]*\s*)""")
_NEXT_WORD = re.compile(r"[\"'(\[]*([^\s\"')\].,:;!?]*)")
_INITIAL = re.compile(r"(?:[^\W\d_]\.)*[^\W\d_]")  # J  U.S  a.m  e.g


def _is_boundary(text: str, start: int, end: int) -> bool:
    """Whether the candidate boundary ``text[start:end]`` really ends a sentence."""
    if end >= len(text):
        return True
    punct = text[start:end].strip()
    if punct[:1] in "。！？":
        return True
    nxt = text[end]
    if nxt.islower():  # "approx. five", '"Why?" he asked'
        return False
    if not (nxt.isalpha() or nxt.isdigit() or nxt in "\"'([“‘¿¡-"):
        return False
    if not punct.startswith(".") or punct.startswith(".."):
        return True  # ! ? … and ellipses
    prev = text[text.rfind(" ", 0, start) + 1 : start].lstrip("\"'([")
    low = prev.casefold()
    if low not in _TITLES and low not in _SOFT and not _INITIAL.fullmatch(prev):
        return True  # the usual case: an ordinary word before the full stop
    m = _NEXT_WORD.match(text, end)
    next_word = m.group(1).casefold() if m else ""
    if low in _TITLES:
        return False
    if low in _SOFT:
        return next_word in _STARTERS
    # J. Smith, U.S. officials: not a boundary, unless a usual sentence starter follows
    # an abbreviation of several letters ("... in the U.S. The talks").
    return len(low.replace(".", "")) > 1 and next_word in _STARTERS


def split_sentences(paragraph: str) -> list[str]:
    """Cut a paragraph into sentences (each stripped; empty ones dropped).

    >>> split_sentences('Mr. Smith said: "It went well." The U.S. team won 3.5 points.')
    ['Mr. Smith said: "It went well."', 'The U.S. team won 3.5 points.']
    """
    text = unify(paragraph)
    out: list[str] = []
    begin = 0
    for m in _BOUNDARY.finditer(text):
        if _is_boundary(text, m.start(), m.end()):
            piece = paragraph[begin : m.end()].strip()
            if piece:
                out.append(piece)
            begin = m.end()
    rest = paragraph[begin:].strip()
    if rest:
        out.append(rest)
    return out


def body_sentences(paragraphs: Iterable[str]) -> list[str]:
    """All sentences of a body, paragraph by paragraph (a sentence never spans two)."""
    out: list[str] = []
    for p in paragraphs:
        out.extend(split_sentences(p))
    return out
