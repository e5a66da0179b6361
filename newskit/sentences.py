"""Sentences and words: the units that dedupe and diff compare.

Pure text helpers, no I/O. One normalisation is shared by everything that compares text,
so that a sentence counted as "in common" by dedupe is the same one diff shows as shared:

- :func:`unify` maps typographic variants to one form, character for character (curly
  quotes to straight ones, the dash family to ``-``, odd spaces to a space), so string
  offsets stay valid;
- :func:`split_sentences` cuts a paragraph into sentences, knowing abbreviations
  ("U.S.", "Mr.", "Jan."), initials, decimals and quotes that close after the full stop;
- :func:`words` gives the comparison keys of a text: casefolded words split at white space
  and punctuation (hyphens and apostrophes included), dots dropped, so ``U.S.`` and ``US``
  are both ``us`` and ``Iran-backed`` is ``iran backed``;
- :func:`tokens` cuts a text at white space into tokens as written, each with its keys,
  so a diff can print the original text with the changed words marked.

Chinese and Japanese text has no spaces: each CJK character is a word (and a token of its
own, with the punctuation after it), and ``。！？`` end sentences. Korean, written with
spaces, is cut into tokens at white space; its syllables are its keys.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import repeat

from .text import CJK_RANGES, UNSPACED_RANGES
from .vocabulary import sentence_words

# -- normalisation ---------------------------------------------------------------------

_UNIFY = {
    "\u2018": "'",  # ‘
    "\u2019": "'",  # ’
    "\u201a": "'",  # ‚
    "\u201b": "'",  # ‛
    "\u2032": "'",  # ′
    "\u00b4": "'",  # ´
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
_UNIFY_ITEMS = tuple(_UNIFY.items())
_WS = re.compile(r"\s+")


def unify(text: str) -> str:
    """Map curly quotes, dashes and odd spaces to plain ASCII forms, one char for one."""
    if text.isascii():
        return text
    # A few str.replace calls beat str.translate with a dict table by far on long text.
    for old, new in _UNIFY_ITEMS:
        if old in text:
            text = text.replace(old, new)
    return text


def normalize(text: str) -> str:
    """A canonical form for exact comparison: unified, casefolded, white space collapsed."""
    return _WS.sub(" ", unify(text)).strip().casefold()


# -- words -----------------------------------------------------------------------------

_SPACE = " \t\n\r\x0b\x0c"  # what bytes.split() splits at
# ASCII punctuation separates words; "." is deleted instead (U.S. -> us, 3.5 -> 35).
_PUNCT = "!\"#$%&'()*+,-/:;<=>?@[\\]^_`{|}~"
_KEY_TABLE = bytes.maketrans(_PUNCT.encode(), b" " * len(_PUNCT))
_ASCII_FOLD = bytes.maketrans(
    (_PUNCT + "ABCDEFGHIJKLMNOPQRSTUVWXYZ").encode(),
    (" " * len(_PUNCT) + "abcdefghijklmnopqrstuvwxyz").encode(),
)
# Non-ASCII marks that separate words too (CJK punctuation included).
_MARKS = "…•·¿¡©®™§¶†‡‹›°、，。！？「」『』（）：；〈〉《》【】・"
_CJK = CJK_RANGES
_HAS_CJK = re.compile(f"[{_CJK}]").search
# For text with CJK: a CJK character, or a run of anything but space, punctuation, CJK.
_CJK_WORD = re.compile(rf"[{_CJK}]|[^{_CJK}{re.escape(_SPACE + _PUNCT)}]+")
_CHUNK = re.compile(f"[^{re.escape(_SPACE)}]+")
# Tokens of text with Chinese or Japanese: such a character with the punctuation after it,
# or a run of anything else between white space.
_U = UNSPACED_RANGES
_HAS_UNSPACED = re.compile(f"[{_U}]").search
_PIECE = re.compile(rf"[{_U}][^{_U}\w{re.escape(_SPACE)}]*|[^{_U}{re.escape(_SPACE)}]+")


def _keys(text: str) -> list[bytes]:
    """The keys of ``text`` as UTF-8 bytes (dedupe hashes them without decoding)."""
    return _unified_keys(unify(text))


def _unified_keys(text: str) -> list[bytes]:
    folded = text.casefold()
    if not folded.isascii():
        for mark in _MARKS:
            if mark in folded:
                folded = folded.replace(mark, " ")
        if _HAS_CJK(folded):
            return [w.encode() for w in _CJK_WORD.findall(folded.replace(".", ""))]
    return folded.encode().translate(_KEY_TABLE, b".").split()


def words(text: str) -> list[str]:
    """The comparison keys of ``text``.

    >>> words("The U.S.-led coalition’s “plan”, 3.5bn")
    ['the', 'us', 'led', 'coalition', 's', 'plan', '35bn']
    """
    return [k.decode() for k in _keys(text)]


@dataclass(frozen=True, slots=True)
class Token:
    """A run of text between white space as written (``text``), its keys joined by a
    space (``key``), and the text after it up to the next token (``tail``).

    Runs without keys (a lone dash) are folded into the tail of the token before them.
    Joining ``text + tail`` over all tokens, after the ``lead``, gives back the input.
    """

    text: str
    key: str
    tail: str


def tokens(text: str) -> tuple[str, list[Token]]:
    """``(lead, tokens)`` of ``text``; the tokens' keys, in order, are :func:`words`.

    A token is a run between white space, or, in Chinese and Japanese, one character with
    the punctuation after it (its ``tail`` is then empty when the next one follows at once).
    """
    unified = unify(text)
    cut = _PIECE if not unified.isascii() and _HAS_UNSPACED(unified) else _CHUNK
    found = ((m.start(), m.end(), " ".join(words(m.group()))) for m in cut.finditer(unified))
    chunks = [c for c in found if c[2]]
    if not chunks:
        return text, []
    out = []
    for i, (b, e, key) in enumerate(chunks):
        nxt = chunks[i + 1][0] if i + 1 < len(chunks) else len(text)
        out.append(Token(text[b:e], key, text[e:nxt]))
    return text[: chunks[0][0]], out


# -- sentences -------------------------------------------------------------------------

# Abbreviations before a name or number, never the end of a sentence (lowercase, no
# dot); abbreviations that may also end one ("shares of Acme Inc. The company ..."); and
# words that start a new sentence after an ambiguous abbreviation ("... in the U.S. The").
# (Vocabulary: the [sentences] lists of newskit/rules/cues.toml, read when a sentence is
# first split, not when the module is imported.)
@cache
def _abbreviations() -> tuple[frozenset[str], frozenset[str], frozenset[str], int]:
    """The titles, the soft abbreviations, the starters, and the longest abbreviation."""
    words = sentence_words()
    titles, soft = words["titles"], words["soft"]
    return titles, soft, words["starters"], max(len(w) for w in titles | soft)


# A candidate boundary: terminal punctuation, any closing quotes/brackets, space, and then
# no lowercase ASCII letter. CJK full stops end a sentence with or without a space; that
# pattern is slower, so it is used only where a paragraph has one.
_BOUNDARY = re.compile(r"""([.!?…]+["')\]]*)\s+(?=[^\sa-z])""")
_BOUNDARY_CJK = re.compile(r"""([.!?…]+["')\]]*)\s+(?=[^\sa-z])|([。！？]+["')\]」』]*)\s*""")
_NEXT_WORD = re.compile(r"[\"'(\[]*([^\s\"')\].,:;!?]*)")
_INITIAL = re.compile(r"(?:[^\W\d_]\.)*[^\W\d_]")  # J  U.S  a.m  e.g


def _is_boundary(text: str, start: int, end: int) -> bool:
    """Whether the candidate boundary ``text[start:end]`` really ends a sentence."""
    if end >= len(text):
        return True
    first = text[start]
    if first in "。！？":
        return True
    nxt = text[end]
    if nxt.islower():  # "approx. five", "¿Qué? él dijo" (ASCII ones never get here)
        return False
    if not (nxt.isalpha() or nxt.isdigit() or nxt in "\"'([¿¡-"):
        return False
    if first != "." or text.startswith("..", start):
        return True  # ! ? … and ellipses
    prev = text[text.rfind(" ", 0, start) + 1 : start].lstrip("\"'([")
    titles, soft, starters, longest = _abbreviations()
    if len(prev) > longest and "." not in prev:
        return True  # the usual case: an ordinary word before the full stop
    low = prev.casefold()
    if low not in titles and low not in soft and not _INITIAL.fullmatch(prev):
        return True
    m = _NEXT_WORD.match(text, end)
    next_word = m.group(1).casefold() if m else ""
    if low in titles:
        return False
    if low in soft:
        return next_word in starters
    # J. Smith, U.S. officials: not a boundary, unless a usual sentence starter follows
    # an abbreviation of several letters ("... in the U.S. The talks").
    return len(low.replace(".", "")) > 1 and next_word in starters


def _spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence of a unified paragraph, white space trimmed."""
    out: list[tuple[int, int]] = []
    begin = len(text) - len(text.lstrip())
    end = len(text.rstrip())
    cjk = not text.isascii() and ("。" in text or "！" in text or "？" in text)
    if not cjk:
        # Most paragraphs hold one sentence: no terminal mark before the final one means
        # no boundary, and four substring tests are much cheaper than the regex.
        core = text[: len(text.rstrip().rstrip("\"')]").rstrip(".!?…"))]
        if "." not in core and "!" not in core and "?" not in core and "…" not in core:
            return [(begin, end)] if end > begin else []
    for m in (_BOUNDARY_CJK if cjk else _BOUNDARY).finditer(text):
        if _is_boundary(text, m.start(), m.end()):
            out.append((begin, m.end(m.lastindex or 0)))
            begin = m.end()
    if end > begin:
        out.append((begin, end))
    return out


def split_sentences(paragraph: str) -> list[str]:
    """Cut a paragraph into sentences (each stripped; empty ones dropped).

    >>> split_sentences('Mr. Smith said: "It went well." The U.S. team won 3.5 points.')
    ['Mr. Smith said: "It went well."', 'The U.S. team won 3.5 points.']
    """
    return [paragraph[b:e] for b, e in _spans(unify(paragraph))]


def body_sentences(paragraphs: Iterable[str]) -> list[str]:
    """All sentences of a body, paragraph by paragraph (a sentence never spans two)."""
    out: list[str] = []
    for p in paragraphs:
        out.extend(split_sentences(p))
    return out


_CLOSERS = "\"')]\u00bb\u300d\u300f"  # what may follow a sentence's last mark
_ENDS = ".!?\u2026\u3002\uff01\uff1f"  # marks that end a sentence


def ends_sentence(text: str) -> bool:
    """Whether ``text`` (unified) ends as a sentence does: with a full stop, ``!``, ``?``
    or an ellipsis, closing quotes and brackets aside (``He left."``). Menu items, link
    lists and headlines do not."""
    tail = text.rstrip().rstrip(_CLOSERS)
    return bool(tail) and tail[-1] in _ENDS


def sentence_keys(
    paragraphs: Iterable[str], prose: list[bool] | None = None
) -> list[list[bytes]]:
    """The keys of every sentence of a body, as UTF-8 bytes; sentences without words are
    left out. ``[words(s) for s in body_sentences(paragraphs)]``, encoded and faster:
    dedupe runs it on every article.

    With a list as ``prose``, one flag per sentence returned is appended to it: whether
    the sentence ends as a sentence does (:func:`ends_sentence`; every sentence of a
    paragraph but its last does, as the paragraph was cut there).
    """
    out: list[list[bytes]] = []
    for p in paragraphs:
        u = unify(p)
        spans = _spans(u)
        if u.isascii():
            # One translation for the paragraph (lowercase, punctuation to spaces, offsets
            # kept); each sentence then only drops its dots and splits.
            folded = u.encode().translate(_ASCII_FOLD)
            found = [folded[b:e].replace(b".", b"").split() for b, e in spans]
        else:
            found = [_unified_keys(u[b:e]) for b, e in spans]
        if prose is None:
            out.extend(keys for keys in found if keys)
            continue
        last = len(spans) - 1
        if all(found):  # the usual case: every sentence has words
            out.extend(found)
            prose.extend(repeat(True, last))
            if found:
                prose.append(ends_sentence(u))
            continue
        for n, keys in enumerate(found):
            if keys:
                out.append(keys)
                prose.append(n < last or ends_sentence(u))
    return out


# -- alignment -------------------------------------------------------------------------

Sentence = Sequence[Hashable]  # a sentence as its word keys (or one char per word hash)


def align(
    a: Sequence[Sentence], b: Sequence[Sentence], threshold: float = 0.5
) -> list[tuple[int, int, float]]:
    """Pair the sentences of A and B one to one, in any order: ``(i, j, similarity)``.

    Every sentence of A meets every sentence of B (rapidfuzz Indel similarity over word
    keys: 1 - edits / total words, where an edit inserts or deletes a word). Pairs at or
    above ``threshold`` are taken best first; a sentence takes part in one pair at most.
    Ties go to the earlier sentences. The result is in A's order.
    """
    pairs: list[tuple[int, int, float]] = []
    used_b: set[int] = set()
    # Identical sentences first: they would be taken first anyway (similarity 1.0, ties
    # to the earlier), and every sentence they pair up is one fewer to compare.
    same: dict[Hashable, list[int]] = {}
    for j, sentence in enumerate(_hashables(b)):
        same.setdefault(sentence, []).append(j)
    rest_a = []
    for i, sentence in enumerate(_hashables(a)):
        js = same.get(sentence)
        if js:
            j = js.pop(0)
            used_b.add(j)
            pairs.append((i, j, 1.0))
        else:
            rest_a.append(i)
    rest_b = [j for j in range(len(b)) if j not in used_b]
    found: list[tuple[float, int, int]] = []
    if rest_a and rest_b:
        from rapidfuzz.distance import Indel  # loaded when first needed (start-up)
        from rapidfuzz.process import extract

        choices = [b[j] for j in rest_b]
        scorer = Indel.normalized_similarity
        # rapidfuzz's cutoff can drop a score equal to it (0.8 at cutoff 0.8): ask for a
        # hair less and apply the threshold here.
        cutoff = max(0.0, threshold - 1e-6)
        for i in rest_a:
            for _, score, k in extract(
                a[i], choices, scorer=scorer, processor=None, score_cutoff=cutoff, limit=None
            ):
                if score >= threshold:
                    found.append((-score, i, rest_b[k]))
    found.sort()
    used_a: set[int] = set()
    for neg, i, j in found:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            pairs.append((i, j, -neg))
    pairs.sort()
    return pairs


def _hashables(sentences: Sequence[Sentence]) -> Sequence[Hashable]:
    """The sentences as dict keys: strings and tuples as they are, lists as tuples."""
    if not sentences or isinstance(sentences[0], str | bytes | tuple):
        return sentences
    return [tuple(s) for s in sentences]


@dataclass(frozen=True, slots=True)
class PairScore:
    """How much two texts A and B have in common, sentence by sentence.

    ``shared_a`` of A's ``sentences_a`` sentences are paired with one of B; ``share_a`` is
    the part of A's words in those sentences (likewise for B). ``similarity`` counts the
    words of both texts, each sentence's words weighted by its pair's similarity:
    ``sum((words_a + words_b) x similarity over pairs) / (all words of A and B)``; it is 1.0
    for identical texts and 0.0 when no sentence pairs up.
    """

    similarity: float
    share_a: float
    share_b: float
    shared_a: int
    shared_b: int
    sentences_a: int
    sentences_b: int


def score_alignment(
    a: Sequence[Sentence], b: Sequence[Sentence], pairs: Iterable[tuple[int, int, float]]
) -> PairScore:
    """The :class:`PairScore` of an :func:`align` result."""
    words_a = sum(map(len, a))
    words_b = sum(map(len, b))
    common_a = common_b = 0
    weighted = 0.0
    shared = 0
    for i, j, score in pairs:
        na, nb = len(a[i]), len(b[j])
        common_a += na
        common_b += nb
        weighted += (na + nb) * score
        shared += 1
    total = words_a + words_b
    return PairScore(
        similarity=weighted / total if total else 0.0,
        share_a=common_a / words_a if words_a else 0.0,
        share_b=common_b / words_b if words_b else 0.0,
        shared_a=shared,
        shared_b=shared,
        sentences_a=len(a),
        sentences_b=len(b),
    )


def score_sentences(
    a: Sequence[Sentence], b: Sequence[Sentence], threshold: float = 0.5
) -> PairScore:
    """:func:`align` and :func:`score_alignment` in one call."""
    return score_alignment(a, b, align(a, b, threshold))
