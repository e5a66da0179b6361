"""Finding exact copies and near-duplicate reports among articles, grouping them, and
naming where each group's story likely came from.

How it works, in five steps:

1. **Fingerprint** each article (:func:`fingerprint`): the words of its clean body (never
   the page around it), sentence by sentence, each word reduced to a 16-bit hash and kept
   as one character of a string (what rapidfuzz compares fastest); a one-permutation
   MinHash signature of the body's word shingles (``num_perm`` bins of 32 bits); a CRC
   of each sentence of ``index_words`` words or more; a digest of the normalised body,
   for exact copies; and the article's metadata. The text itself is not kept: an article
   costs its signature (512 bytes by default), 2 bytes a word, 4 to 12 bytes a sentence
   and its metadata. A body with less than ``min_prose`` words in sentences (menu items,
   link lists, headlines: page chrome) gets no signature and joins no other article,
   not even an identical one: short identical texts are no copies.
2. **Candidates**, sub-quadratic: LSH banding over the signatures (``num_perm /
   band_rows`` bands, each a dict of buckets); articles that share a bucket in any band
   are candidates. A bucket larger than ``max_bucket`` (a phrase every page uses, or a
   big family of copies) links its members in a chain rather than every pair. Candidates
   whose signatures agree on fewer than ``min_estimate`` of their bins (an estimate of
   shingle Jaccard) are dropped. Articles that share an indexed sentence are candidates
   too, whatever their estimate: a brief cut from a long story, or a report quoted in a
   longer post, has a shingle Jaccard of only 0.08-0.13 with it.
3. **Check** each candidate pair exactly (:func:`newskit.sentences.align`): every
   sentence of one meets every sentence of the other (rapidfuzz Indel similarity over
   word hashes, in any order); pairs of sentences at or above ``sentence_threshold`` are
   matched one to one, best first. The pair's similarity counts the words of both texts,
   those of matched sentences weighted by their sentence similarity:
   ``sum((words_a + words_b) x similarity, over matched sentences) / (words of A and B)``;
   each side's share is the part of its words in matched sentences. The pair is a
   duplicate (:func:`relation`) when the shorter one's share reaches ``containment``
   (``contained``; ``rewrite`` if the longer one's does too), or when the similarity
   reaches ``threshold`` (``rewrite``). Wire rewrites of one story (sentences dropped,
   added, moved, reworded) keep most sentences recognisable, and score 0.6-0.9, while
   their shingle Jaccard falls to 0.2-0.45, far below the 0.7-0.8 web dedupe usually
   asks for; unrelated stories share no sentence and score 0. Same normalised bodies
   are one ``copy`` and need no check.
4. **Cluster** without chaining: duplicate pairs link articles into groups
   (union-find). In each group the **origin** is the article whose text the others
   share most (the sum, over the other articles that are duplicates of it, of the part
   of their words found in it, each word weighted by its sentence's similarity; ties to
   the earliest date, then the first in input order). The cluster is the origin and the articles that are
   duplicates of it, taken most-from-the-origin first, each only if it shares a
   sentence with every member taken before it: A-B and B-C never put A and C, which
   share nothing, in one cluster. The articles left out are grouped again by their own
   links, and so on.
5. **Report** each member against the cluster's representative (the article ``keep``
   would keep: share, similarity) and against its origin (``relation``, ``from_origin``:
   the part of its words found in the origin), and its ``own`` part: the words in
   sentences found in no other member, what that outlet added.

Everything here is plain data in, plain data out: no printing, no click, no rich. Many
files are read through :mod:`newskit.pipeline` (:func:`fingerprint_inputs`,
:func:`dedupe_inputs`): workers read, parse and fingerprint, and only the small
fingerprints come back; the candidate search can be shared out over forked helpers
(:func:`newskit.pipeline.fork_map`).
"""

from __future__ import annotations

import hashlib
import struct
import sys
import zlib
from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from enum import StrEnum
from functools import partial
from itertools import accumulate, chain, combinations, compress, repeat
from operator import and_, ge, gt, lshift, or_, rshift
from typing import Any, Protocol

from .errors import InputError, NewskitError
from .model import Article, Document
from .pipeline import Reader, fork_map
from .reader import expand_inputs
from .rules import Rules
from .sentences import PairScore, align, score_alignment, score_sentences, sentence_keys
from .unionfind import UnionFind


class DedupeError(NewskitError):
    """Bad dedupe options."""


class Relation(StrEnum):
    """How a member of a cluster is related to the cluster's origin (see the module docs)."""

    ORIGIN = "origin"  # the origin itself
    COPY = "copy"  # the same normalised body as the origin
    REWRITE = "rewrite"  # pair similarity at or above ``threshold``
    CONTAINED = "contained"  # the shorter one mostly in the longer, the longer not in it


class Keep(StrEnum):
    """Which member of a cluster to keep (and to use as its representative)."""

    FIRST = "first"  # first in input order
    LONGEST = "longest"  # most words; ties go to the first
    EARLIEST = "earliest"  # oldest date (published, else updated); undated ones last


@dataclass(frozen=True, slots=True)
class DedupeOptions:
    """Settings for :func:`find_clusters` and :class:`Deduper`.

    ``threshold`` is the least pair similarity (0-1, see the module docs) for two articles
    to be duplicates; ``sentence_threshold`` the least word-level similarity for two
    sentences to count as the same sentence; ``keep`` picks each cluster's representative.
    The rest tune the candidate search: word shingles of ``shingle`` words (only those
    whose first word hashes to a multiple of ``sample``: faster, noisier), a signature of
    ``num_perm`` bins cut into bands of ``band_rows`` bins, ``min_estimate`` and
    ``max_bucket`` (see the module docs). With the defaults a pair of shingle Jaccard 0.25
    becomes a candidate with probability 0.98, and 0.3 with 0.998.

    ``containment`` is the least share of the shorter article's words, in sentences also
    found in the longer one, for the pair to be duplicates however low their similarity
    (a brief cut from a story, a wire report quoted in a longer post). ``min_prose`` is
    the least number of words in sentences (sentences of at least four words that end as
    sentences do, with a full stop, ``!``, ``?`` or an ellipsis) that a body needs to
    join another by its text: a body of menu items, link lists or headlines is page
    chrome, and two pages sharing it are no copies. Such an article joins no other,
    not even an identical one. ``index_words``: sentences of at least this many words are indexed whole,
    and articles sharing one are candidates too, which finds contained pairs (their
    shingle Jaccard is often only 0.08-0.13) without a lower ``min_estimate``; 0 turns
    the sentence index off.

    ``site_pages``: an indexed sentence found in this many distinct bodies or more, all of
    one outlet (and none of another outlet, nor of an article with no outlet), and in
    ``site_share`` of that outlet's bodies or more, is that site's chrome (a sidebar of
    teasers, an "about us" block the parser kept in short bodies) and is left out of the
    check of every pair. A sentence that articles of two outlets share is wire copy and
    always counts; a story one outlet ran in a few versions among many other pages is
    under ``site_share``; 0 turns this off.
    """

    threshold: float = 0.5
    sentence_threshold: float = 0.5
    containment: float = 0.6
    min_prose: int = 50
    index_words: int = 8
    shingle: int = 3
    sample: int = 1
    num_perm: int = 128
    band_rows: int = 2
    min_estimate: float = 0.05
    max_bucket: int = 50
    site_pages: int = 3
    site_share: float = 0.5
    keep: Keep = Keep.FIRST

    def __post_init__(self) -> None:
        try:
            object.__setattr__(self, "keep", Keep(self.keep))
        except ValueError:
            choices = ", ".join(k.value for k in Keep)
            raise DedupeError(f"keep must be one of {choices}, not {self.keep!r}") from None
        for name in ("threshold", "sentence_threshold", "containment"):
            value = getattr(self, name)
            if not 0 < value <= 1:
                raise DedupeError(f"{name} must be in (0, 1], not {value!r}")
        if not 0 <= self.site_share <= 1:
            raise DedupeError(f"site_share must be in [0, 1], not {self.site_share!r}")
        if not 0 <= self.min_estimate < 1:
            raise DedupeError(f"min_estimate must be in [0, 1), not {self.min_estimate!r}")
        if not 1 <= self.shingle <= MAX_SHINGLE:
            raise DedupeError(f"shingle must be 1 to 10 words, not {self.shingle!r}")
        if self.sample not in (1, 2, 4, 8):
            raise DedupeError(f"sample must be 1, 2, 4 or 8, not {self.sample!r}")
        if self.num_perm not in (16, 32, 64, 128, 256, 512, 1024):
            raise DedupeError(
                f"num_perm must be a power of two, 16 to 1024, not {self.num_perm!r}"
            )
        if not 1 <= self.band_rows <= self.num_perm or self.num_perm % self.band_rows:
            raise DedupeError(
                f"band_rows must divide num_perm ({self.num_perm}), not {self.band_rows!r}"
            )
        if self.min_prose < 0 or self.index_words < 0 or self.site_pages < 0:
            raise DedupeError(
                f"min_prose, index_words and site_pages must be 0 or more, not {self.min_prose!r}, "
                f"{self.index_words!r} and {self.site_pages!r}"
            )
        if self.max_bucket < 2:  # noqa: PLR2004 (a bucket of one holds no pair)
            raise DedupeError(f"max_bucket must be at least 2, not {self.max_bucket!r}")

    @property
    def bands(self) -> int:
        return self.num_perm // self.band_rows


# -- fingerprints ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ArticleInfo:
    """What dedupe keeps of an article besides its fingerprint (no body text)."""

    id: str
    source: str
    start: int  # first and last line of the article in its source, 1-based
    end: int
    title: str
    outlet: str | None
    date: str | None
    words: int
    sentences: int
    prose: int = 0  # words in sentences (see DedupeOptions.min_prose)


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """The compact, picklable form of an article that dedupe works on.

    ``text`` holds one character per body word (a 16-bit hash of the word), sentences end
    to end; ``ends`` (uint32) says where each sentence ends in it; ``signature`` is
    ``num_perm`` uint32 MinHash values; ``exact`` is a digest of the normalised body (or
    of the content id when the body has less prose than ``min_prose``: then the
    signature is empty, and the article joins no other); ``keys`` (uint32)
    are hashes of its sentences of ``index_words`` words or more, for the sentence index.
    """

    info: ArticleInfo
    exact: bytes
    signature: bytes
    text: str
    ends: bytes
    keys: bytes = b""


_VOCAB: dict[bytes, int] = {}  # word key -> its 16-bit hash, a cache


_VOCAB_MAX = 500_000  # word hashes remembered at most
_SURROGATES = (0xD800, 0xDFFF)  # code points a str cannot hold alone
_SENTENCE_CACHE = 4096  # articles whose sentences are remembered while clusters are checked
MAX_SHINGLE = 10  # the longest shingle, in words
PROSE_SENTENCE_WORDS = 4  # a sentence counts as prose from this many words (and a closing mark)
_SENTENCE_PARTS = 4  # parts the sentence index is counted in (a power of two)
ORIGIN_PAIRS_MAX = 64  # distinct bodies in a cluster up to which every pair of them is compared


def _word_hashes(keys: list[bytes]) -> list[int]:
    """16-bit hashes of word keys, the same in every process and run. Surrogate code
    points are avoided, so that the hashes of a text can be held as a plain string."""
    vocab = _VOCAB
    found = list(map(vocab.get, keys))
    if None not in found:
        return found  # type: ignore[return-value]  # (no None: checked)
    if len(vocab) > _VOCAB_MAX:  # keep memory flat on endless vocabularies
        vocab.clear()
    ids = []
    for key, value in zip(keys, found, strict=True):
        if value is None:
            value = zlib.crc32(key) & 0xFFFF
            if _SURROGATES[0] <= value <= _SURROGATES[1]:
                value -= 0x1000
            vocab[key] = value
        ids.append(value)
    return ids


_UTF16 = "utf-16-le" if sys.byteorder == "little" else "utf-16-be"
if array("I").itemsize != 4 or array("Q").itemsize != 8:  # noqa: PLR2004  # pragma: no cover (bytes of 32 and 64 bits)
    raise ImportError("newskit.dedupe needs 32-bit 'I' and 64-bit 'Q' arrays")
_MASK32 = 0xFFFFFFFF
_MASK64 = 0xFFFFFFFFFFFFFFFF
_GOLDEN = 0x9E3779B1  # odd constant that spreads densified (borrowed) bin values


def _signature_py(ids: list[int], shingle: int, sample: int, num_perm: int) -> array[int]:
    """One-permutation MinHash of the word shingles, densified by rotation.

    Only shingles whose first word hash is a multiple of ``sample`` take part (the same
    shingles in every text, so estimates stay unbiased; most of the cost is per
    shingle). Shingle hashes are Python's hash of int tuples: fast (C), and the same in
    every process and run (int hashing is not randomised). The signed 64-bit range is cut
    into ``num_perm`` bins by the top bits; each bin keeps the low 32 bits of its smallest
    hash; an empty bin borrows from the next non-empty bin to its right, plus a multiple
    of the distance (Shrivastava & Li, 2014).
    """
    n = min(shingle, len(ids))
    mask = sample - 1
    grams: Iterable[tuple[int, ...]]
    if mask:
        grams = [tuple(ids[i : i + n]) for i in range(len(ids) - n + 1) if not ids[i] & mask]
    else:
        grams = zip(*(ids[i:] for i in range(n)), strict=False)  # tuples, even of one
    hashes = sorted(map(hash, grams), reverse=True)  # repeats are harmless below
    if not hashes:  # too short to have a sampled shingle: all of it, as one shingle
        hashes = [hash(tuple(ids))]
    shift = 64 - num_perm.bit_length() + 1
    half = num_perm // 2
    # A dict keeps the last value given for a key: the smallest hash of each bin.
    smallest = dict(zip(map(rshift, hashes, repeat(shift)), hashes, strict=True))
    if len(smallest) < num_perm:
        present = sorted(smallest)
        for b in range(-half, half):
            if b not in smallest:
                at = bisect_left(present, b)
                donor = present[at] if at < len(present) else present[0] + num_perm
                smallest[b] = smallest[donor if donor < half else donor - num_perm] + (
                    donor - b
                ) * _GOLDEN
    return array("I", [smallest[b] & _MASK32 for b in range(-half, half)])


# -- the signature with numpy (optional: ``pip install newskit[fast]``) -----------------
#
# The same values as :func:`_signature_py`, computed over arrays: Python's hash of a tuple
# of small ints is CPython's xxHash-style tuple hash (Objects/tupleobject.c, 64-bit), which
# numpy can do on every shingle at once in wrapping uint64 arithmetic. Checked against
# ``hash`` at import (``_NUMPY_AGREES``); where it does not agree (another Python, a 32-bit
# build), the pure-Python path is used. Bins are the top bits of the signed hash, so the
# sorted hashes are in bin order too: each bin's first hash is its smallest.

_XXPRIME_1 = 11400714785074694791
_XXPRIME_2 = 14029467366897019727
_XXPRIME_5 = 2870177450012600261
_XXLEN = 3527539  # mixed into the length at the end
_XXROTATE = 31
_HASH_MINUS_ONE = 1546275796  # what a tuple hash of -1 becomes (-1 means "error" in C)

np: Any = None  # numpy, once _numpy_agrees has imported it (not at import: every command would pay)


def _tuple_hashes(ids: Any, n: int) -> Any:
    """``hash(tuple(ids[i:i + n]))`` for every ``i``, as int64 (``ids`` a uint64 array).
    In place, as far as it goes: most bodies are a few hundred words, where each array
    made costs as much as the arithmetic."""
    m = len(ids) - n + 1
    p1, p2 = np.uint64(_XXPRIME_1), np.uint64(_XXPRIME_2)
    left, right = np.uint64(_XXROTATE), np.uint64(64 - _XXROTATE)
    acc = ids[:m] * p2
    acc += np.uint64(_XXPRIME_5)
    lane = np.empty_like(acc)
    for k in range(n):
        if k:
            np.multiply(ids[k : k + m], p2, out=lane)
            acc += lane
        np.right_shift(acc, right, out=lane)
        acc <<= left
        acc |= lane
        acc *= p1
    acc += np.uint64(n ^ (_XXPRIME_5 ^ _XXLEN))
    acc[acc == np.uint64(_MASK64)] = _HASH_MINUS_ONE
    return acc.view(np.int64)


def _signature_np(
    ids: list[int], shingle: int, sample: int, num_perm: int, packed: bytes | None = None
) -> array[int]:
    """:func:`_signature_py` over numpy arrays (the same values); ``packed``: the ids as
    native uint16, when the caller has them."""
    n = min(shingle, len(ids))
    if packed is None:
        values = np.array(ids, dtype=np.uint64)
    else:
        values = np.frombuffer(packed, dtype=np.uint16).astype(np.uint64)
    hashes = _tuple_hashes(values, n) if n else np.array([hash(())], dtype=np.int64)
    if sample > 1:
        hashes = hashes[(values[: len(hashes)] & np.uint64(sample - 1)) == 0]
        if not len(hashes):
            hashes = np.array([hash(tuple(ids))], dtype=np.int64)
    hashes = np.sort(hashes)
    shift = 64 - num_perm.bit_length() + 1
    half = num_perm // 2
    bins = hashes >> np.int64(shift)
    first = np.empty(len(bins), dtype=bool)
    first[0] = True
    np.not_equal(bins[1:], bins[:-1], out=first[1:])
    present, smallest = bins[first], hashes[first]
    if len(present) == num_perm:
        chosen = smallest
    else:  # an empty bin borrows from the next bin to its right (round the end)
        every = np.arange(-half, half, dtype=np.int64)
        at = np.searchsorted(present, every)
        wrapped = at == len(present)
        at[wrapped] = 0
        donor = present[at] + wrapped * np.int64(num_perm)
        with np.errstate(over="ignore"):
            chosen = smallest[at] + (donor - every) * np.int64(_GOLDEN)
    return array("I", (chosen & np.int64(_MASK32)).astype(np.uint32).tobytes())


_NUMPY_AGREES: bool | None = None  # unknown until the first signature


def _numpy_agrees() -> bool:
    """Whether numpy is there and the numpy path gives this Python's hashes (see above);
    imports numpy the first time."""
    global np, _NUMPY_AGREES  # noqa: PLW0603 (a lazy import, once per process)
    if _NUMPY_AGREES is None:
        _NUMPY_AGREES = False
        try:
            import numpy  # noqa: PLC0415 (lazy: see np)
        except ImportError:  # pragma: no cover (numpy is in the dev install)
            return False
        np = numpy
        if sys.hash_info.width == 64:  # noqa: PLR2004 (bits of a hash)
            ids = [0, 1, 0xFFFF, 12345, 0xD7FF, 7, 7, 7, 40000, 3]
            values = np.array(ids, dtype=np.uint64)
            _NUMPY_AGREES = all(
                _tuple_hashes(values, n).tolist()
                == [hash(tuple(ids[i : i + n])) for i in range(len(ids) - n + 1)]
                for n in (1, 2, 3, MAX_SHINGLE)
            )
    return _NUMPY_AGREES


_NUMPY_FROM = 64  # words from which the numpy path pays (below, its fixed cost per call does not)


def _signature(
    ids: list[int], shingle: int, sample: int, num_perm: int, packed: bytes | None = None
) -> array[int]:
    """One-permutation MinHash of the word shingles (:func:`_signature_py`), with numpy
    where it is installed and agrees with this Python's hash, for bodies long enough
    for it to pay (``packed``: the ids as native uint16, if at hand)."""
    if len(ids) >= _NUMPY_FROM and (_NUMPY_AGREES or (_NUMPY_AGREES is None and _numpy_agrees())):
        return _signature_np(ids, shingle, sample, num_perm, packed)
    return _signature_py(ids, shingle, sample, num_perm)


@dataclass(frozen=True, slots=True)
class BodyPrint:
    """What an article's fingerprint is made of that no :class:`DedupeOptions` changes:
    its info (with its prose), the digest of its normalised body, its word hashes (one
    character each) and where its sentences end (uint32). The index stores these
    (:mod:`newskit.index`), so that a fingerprint is made again without parsing."""

    info: ArticleInfo
    digest: bytes
    text: str
    ends: bytes


def body_print(article: Article) -> BodyPrint:
    """The :class:`BodyPrint` of one article's body."""
    ended: list[bool] = []
    sentences = sentence_keys(article.body, ended)
    ids = _word_hashes(list(chain.from_iterable(sentences)))
    text = array("H", ids).tobytes().decode(_UTF16)  # one char per word, no surrogates
    lengths = list(map(len, sentences))
    ends = array("I", accumulate(lengths))
    prose = sum(compress(lengths, map(and_, ended, map(ge, lengths, repeat(PROSE_SENTENCE_WORDS)))))
    info = ArticleInfo(
        id=article.id,
        source=article.source,
        start=article.start,
        end=article.end,
        title=article.title,
        outlet=article.outlet,
        date=article.date,
        words=len(text),
        sentences=len(ends),
        prose=prose,
    )
    digest = hashlib.blake2b(b"\n".join(map(b" ".join, sentences)) + b"\n", digest_size=12).digest()
    return BodyPrint(info, digest, text, ends.tobytes())


def signature_of(body: BodyPrint, options: DedupeOptions) -> bytes:
    """The MinHash signature of a body's shingles as ``options`` make it (``shingle``,
    ``sample``, ``num_perm``), whatever its prose; empty for a body with no words."""
    if not body.text:
        return b""
    packed = body.text.encode(_UTF16)
    ids = array("H", packed).tolist()
    return _signature(ids, options.shingle, options.sample, options.num_perm, packed).tobytes()


def same_signature(a: DedupeOptions, b: DedupeOptions) -> bool:
    """Whether signatures made with ``a`` are those ``b`` makes."""
    return (a.shingle, a.sample, a.num_perm) == (b.shingle, b.sample, b.num_perm)


def fingerprint_of(body: BodyPrint, options: DedupeOptions, signature: bytes | None = None) -> Fingerprint:
    """The fingerprint (see :class:`Fingerprint`) of a body with ``options``; ``signature``:
    its :func:`signature_of` with these options, when it is at hand (as the index has it)."""
    info, text = body.info, body.text
    keys = b""
    if text and info.prose >= options.min_prose:
        exact = body.digest
        if signature is None:
            signature = signature_of(body, options)
        if options.index_words:
            ends = array("I", body.ends)
            lengths = [b - a for a, b in zip(chain((0,), ends), ends, strict=False)]
            keys = _sentence_hashes(text.encode(_UTF16), ends, lengths, options.index_words).tobytes()
    else:
        exact = hashlib.blake2b(b"id\0" + info.id.encode(), digest_size=12).digest()
        signature = b""
    return Fingerprint(info, exact, signature, text, body.ends, keys)


def fingerprint(article: Article, options: DedupeOptions | None = None) -> Fingerprint:
    """The fingerprint of one article's body (see :class:`Fingerprint`)."""
    return fingerprint_of(body_print(article), options or DedupeOptions())


def _sentence_hashes(packed: bytes, ends: array[int], lengths: list[int], least: int) -> array[int]:
    """CRC-32 of each sentence of at least ``least`` words (of its word hashes: the bytes
    of ``packed``, the text's UTF-16 form), the same in every process and run; a sentence
    said twice in a body is hashed once."""
    crc = zlib.crc32
    with memoryview(packed) as view:
        values = [
            crc(view[2 * (end - n) : 2 * end])
            for end, n in zip(ends, lengths, strict=True)
            if n >= least
        ]
    return array("I", dict.fromkeys(values))


# -- the exact check -------------------------------------------------------------------


def _split(text: str, ends: Iterable[int]) -> list[str]:
    out = []
    start = 0
    for end in ends:
        out.append(text[start:end])
        start = end
    return out


def compare(a: Fingerprint, b: Fingerprint, options: DedupeOptions | None = None) -> PairScore:
    """The exact check of two fingerprinted articles."""
    options = options or DedupeOptions()
    if a.exact == b.exact:
        n, m = a.info.sentences, b.info.sentences
        return PairScore(1.0, 1.0, 1.0, n, m, n, m)
    return score_sentences(
        _split(a.text, array("I", a.ends)),
        _split(b.text, array("I", b.ends)),
        options.sentence_threshold,
    )


# -- clusters --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Member:
    """One article of a cluster, scored against the cluster's representative and its origin.

    ``share`` is the part of this article's words in sentences also found in the
    representative, ``shared`` how many of its ``sentences`` those are; ``similarity`` is
    the pair similarity. The representative itself scores 1.0 and is ``exact``.

    ``relation`` says how the article joined the cluster's origin (:class:`Relation`;
    ``origin`` for the origin itself); ``from_origin`` is the part of its words in
    sentences also found in the origin (1.0 for the origin), ``own`` the part in
    sentences found in no other member of the cluster: what this outlet added.
    """

    index: int  # position among all input articles, from 0
    info: ArticleInfo
    shared: int = 0
    share: float = 0.0
    similarity: float = 0.0
    exact: bool = False
    relation: Relation = Relation.ORIGIN
    from_origin: float = 1.0
    own: float = 0.0

    # The article's own fields, read through from its info.
    id = property(lambda self: self.info.id)
    source = property(lambda self: self.info.source)
    start = property(lambda self: self.info.start)
    end = property(lambda self: self.info.end)
    title = property(lambda self: self.info.title)
    outlet = property(lambda self: self.info.outlet)
    date = property(lambda self: self.info.date)
    words = property(lambda self: self.info.words)
    sentences = property(lambda self: self.info.sentences)

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "source": self.source,
            "start_line": self.start,
            "end_line": self.end,
            "title": self.title,
            "outlet": self.outlet,
            "date": self.date,
            "words": self.words,
            "sentences": self.sentences,
            "shared_sentences": self.shared,
            "share": round(self.share, 4),
            "similarity": round(self.similarity, 4),
            "exact": self.exact,
            "relation": self.relation.value,
            "from_origin": round(self.from_origin, 4),
            "own": round(self.own, 4),
        }


@dataclass(frozen=True, slots=True)
class Cluster:
    """An origin and the articles that are copies or rewrites of it, contained in it or
    containing it.

    ``members[0]`` is the representative (the one ``keep`` keeps); the others follow in
    input order. Every member is a duplicate of the origin; two other members need not
    be duplicates of each other (two briefs cut from one story).
    """

    members: tuple[Member, ...]

    @property
    def representative(self) -> Member:
        return self.members[0]

    @property
    def origin(self) -> Member:
        """The likely origin: the member whose text the others share most (ties go to
        the earliest dated, then to the first in input order)."""
        return next(m for m in self.members if m.relation is Relation.ORIGIN)

    def __len__(self) -> int:
        return len(self.members)

    def to_dict(self) -> dict[str, object]:
        return {
            "size": len(self.members),
            "representative": self.representative.id,
            "origin": self.origin.id,
            "members": [m.to_dict() for m in self.members],
        }


_NO_DATE = datetime.min.replace(tzinfo=UTC)  # stands in for a missing date in sort keys


def _date_key(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _kept(members: Iterable[Member], keep: Keep | str) -> Member:
    keep = Keep(keep)
    ordered = sorted(members, key=lambda m: m.index)
    if keep is Keep.LONGEST:
        return max(ordered, key=lambda m: m.words)  # max keeps the first of equals
    if keep is Keep.EARLIEST:
        dated = [(d, m) for m in ordered if (d := _date_key(m.date)) is not None]
        if dated:
            return min(dated, key=lambda dm: dm[0])[1]  # min keeps the first of equals
    return ordered[0]


def choose_kept(cluster: Cluster, keep: Keep | str = Keep.FIRST) -> Member:
    """The member to keep: the ``first`` in input order, the ``longest`` (most words), or
    the ``earliest`` dated (undated members only when none has a date). Ties go to the
    first in input order."""
    try:
        return _kept(cluster.members, keep)
    except ValueError:
        raise DedupeError(f"unknown keep policy {keep!r}") from None


@dataclass(slots=True)
class DedupeStats:
    """Counts from one run, for progress messages and benchmarks."""

    articles: int = 0
    empty: int = 0  # articles without body words (only exact ids can join them)
    short: int = 0  # articles with body words but less prose than min_prose (likewise)
    distinct: int = 0  # distinct normalised bodies
    candidates: int = 0  # pairs sharing an LSH bucket
    checked: int = 0  # pairs given the exact check
    reused: int = 0  # pairs whose check was found in the store (Deduper's checks), not made again
    site_chrome: int = 0  # indexed sentences found to be one site's chrome (DedupeOptions.site_pages)
    duplicates: int = 0  # pairs that passed it
    clusters: int = 0


@dataclass(frozen=True, slots=True)
class _Pair:
    """The exact check of two distinct bodies A and B (A's node number the smaller): its
    score, each side's share weighted by the similarity of its matched sentences, and the
    indices of the matched sentences of each side (uint32)."""

    score: PairScore
    weighted_a: float
    weighted_b: float
    matched_a: bytes
    matched_b: bytes

    def side(self, first: bool) -> tuple[float, int, float, bytes]:
        """``(share, shared, weighted share, matched sentences)`` of A or of B."""
        s = self.score
        if first:
            return s.share_a, s.shared_a, self.weighted_a, self.matched_a
        return s.share_b, s.shared_b, self.weighted_b, self.matched_b


_PAIR_HEAD = struct.Struct("<5d5I")  # a packed _Pair: its floats, its counts, then its matched sentences


def _pack_pair(pair: _Pair) -> bytes:
    s = pair.score
    head = _PAIR_HEAD.pack(s.similarity, s.share_a, s.share_b, pair.weighted_a, pair.weighted_b,
                           s.shared_a, s.shared_b, s.sentences_a, s.sentences_b, len(pair.matched_a))
    return head + pair.matched_a + pair.matched_b


def _unpack_pair(blob: bytes) -> _Pair:
    similarity, share_a, share_b, wa, wb, shared_a, shared_b, n_a, n_b, size = _PAIR_HEAD.unpack_from(blob)
    at = _PAIR_HEAD.size
    score = PairScore(similarity, share_a, share_b, shared_a, shared_b, n_a, n_b)
    return _Pair(score, wa, wb, blob[at : at + size], blob[at + size :])


class CheckStore(Protocol):
    """Where a :class:`Deduper` finds the exact checks of earlier runs and leaves its own
    (the index keeps them: :meth:`newskit.index.Index.dedupe`). A key says everything a
    check depends on (see :meth:`Deduper._check_key`), so a check found is the one the
    run would make: results are those of a run without a store."""

    def get(self, key: bytes) -> bytes | None:
        """The check stored under ``key``, if any."""

    def put(self, key: bytes, value: bytes, bodies: tuple[bytes, bytes]) -> None:
        """Keep a check made (``bodies``: the two exact digests, for forgetting it with them)."""


def relation(score: PairScore, options: DedupeOptions, *, a_shorter: bool) -> Relation | None:
    """How two distinct bodies are duplicates, from their check, or None when they are not:
    ``contained`` when the shorter one's share reaches ``containment`` and the longer
    one's does not; else ``rewrite`` when the similarity reaches ``threshold``, or both
    shares reach ``containment``."""
    short, long = (score.share_a, score.share_b) if a_shorter else (score.share_b, score.share_a)
    if short >= options.containment:
        return Relation.CONTAINED if long < options.containment else Relation.REWRITE
    if score.similarity >= options.threshold:
        return Relation.REWRITE
    return None


class Deduper:
    """Streaming dedupe: :meth:`add` articles (or fingerprints) one by one, then
    :meth:`clusters`. Articles are not kept; memory grows by a fingerprint per distinct
    body (see :class:`Fingerprint`) plus a little metadata per article.
    """

    parallel_from = 20_000  # distinct bodies before helpers are worth forking

    def __init__(self, options: DedupeOptions | None = None, checks: CheckStore | None = None) -> None:
        self.options = options or DedupeOptions()
        self.stats = DedupeStats()
        self._store = checks  # checks made by earlier runs (see CheckStore)
        self._digests: list[bytes] = []  # node -> its fingerprint's exact digest
        self._chrome_keys: dict[int, bytes] = {}  # node -> the chrome sentences it holds (see _check_key)
        self._infos: list[ArticleInfo] = []
        self._node_of = array("I")  # article -> node (a distinct normalised body)
        self._exact: dict[bytes, int] = {}  # exact digest -> node
        self._texts: list[str] = []  # node -> word hashes, one char each
        self._ends: list[bytes] = []  # node -> sentence ends (uint32)
        self._signatures = array("I")  # node-major, num_perm values each
        self._joins = bytearray()  # node -> 1 if it may join others by its text
        self._keys = array("I")  # sentence hashes of all nodes, node after node
        self._key_nodes = array("I")  # the node of each of them
        self._sources: dict[str, str] = {}
        self._has_text = b""  # node -> 1 if it takes part in the candidate search
        self._chrome: set[int] = set()  # sentence hashes that are a site's chrome (see _site_chrome)
        self._chromed: set[int] = set()  # the nodes holding one of them

    def __repr__(self) -> str:
        return f"Deduper({len(self)} articles, {len(self._texts)} distinct, {self.options!r})"

    def add(self, article: Article) -> None:
        """Fingerprint and add one article."""
        self.add_fingerprint(fingerprint(article, self.options))

    def add_fingerprint(self, fp: Fingerprint) -> None:
        """Add one article's fingerprint (made with the same options)."""
        info = fp.info
        source = self._sources.setdefault(info.source, info.source)
        if source is not info.source:
            info = replace(info, source=source)  # one string per file, not per article
        self._infos.append(info)
        self.stats.articles += 1
        if not fp.text:
            self.stats.empty += 1
        elif not fp.signature:
            self.stats.short += 1
        node = self._exact.get(fp.exact) if fp.signature else None
        if node is None:
            if fp.signature and len(fp.signature) != 4 * self.options.num_perm:
                raise DedupeError("fingerprint made with a different num_perm")
            node = len(self._texts)
            if fp.signature:  # an article with too little prose is a node of its own
                self._exact[fp.exact] = node
            self._texts.append(fp.text)
            self._ends.append(fp.ends)
            self._digests.append(fp.exact)
            self._signatures.frombytes(fp.signature or bytes(4 * self.options.num_perm))
            self._joins.append(1 if fp.signature else 0)
            if fp.keys:
                before = len(self._keys)
                self._keys.frombytes(fp.keys)
                self._key_nodes.extend(repeat(node, len(self._keys) - before))
        self._node_of.append(node)

    def __len__(self) -> int:
        return len(self._infos)

    # -- candidates

    def candidate_pairs(self, workers: int = 1) -> list[tuple[float, int, int]]:
        """``(estimate, node_a, node_b)`` for every candidate pair of distinct bodies,
        most similar first. ``estimate`` is the share of signature bins that agree.
        Pairs that share an indexed sentence are candidates whatever their estimate.

        With ``workers`` > 1 (on Linux, for ``parallel_from`` bodies or more), forked
        processes share the bands out; the result is the same.
        """
        bands = range(self.options.bands)
        # Computed here, before any fork: a helper that touched every text (even to read
        # its length) would make the system copy the pages holding them.
        self._has_text = bytes(self._joins)
        if self._parallel(workers, len(self._texts), self.parallel_from):
            parts = fork_map(_candidates_part, self, [bands[i::workers] for i in range(workers)])
            raw: set[int] = set()
            found: dict[tuple[int, int], float] = {}
            for codes, kept in parts:
                raw.update(array("Q", codes))
                found.update(((a, b), estimate) for estimate, a, b in kept)
            by_sentence = self._sentence_pairs()
            raw.update((a << 32) | b for a, b in by_sentence)
            self.stats.candidates = len(raw)
            out = [(estimate, a, b) for (a, b), estimate in found.items()]
            out += self._estimates(by_sentence.difference(found), 0.0)
        else:
            pairs, out = self._candidates(bands)
            by_sentence = self._sentence_pairs()
            self.stats.candidates = len(pairs | by_sentence)
            out += self._estimates(by_sentence.difference((a, b) for _, a, b in out), 0.0)
        out.sort(key=lambda t: (-t[0], t[1], t[2]))
        return out

    @staticmethod
    def _parallel(workers: int, size: int, least: int) -> bool:
        """Whether to fork helpers: asked for, worth it, and on Linux (where fork is
        cheap and safe; elsewhere everything runs in this process)."""
        return workers > 1 and size >= least and sys.platform.startswith("linux")

    def _links(self, keys: Sequence[int], nodes: Iterable[int], pairs: set[tuple[int, int]]) -> None:
        """Add to ``pairs`` the pairs of nodes that share a key (a bucket larger than
        ``max_bucket`` links its members in a chain)."""
        counts = Counter(keys)
        if len(counts) == len(keys):
            return  # no key held by two nodes
        shared = set(compress(counts, map(gt, counts.values(), repeat(1))))
        buckets: dict[int, list[int]] = {}
        chosen = map(shared.__contains__, keys)
        for key, node in compress(zip(keys, nodes, strict=True), chosen):
            buckets.setdefault(key, []).append(node)
        for bucket in buckets.values():
            if len(bucket) <= self.options.max_bucket:
                pairs.update(combinations(bucket, 2))
            else:  # a phrase everyone uses, or a big family of copies: a chain
                pairs.update(zip(bucket, bucket[1:], strict=False))

    def _sentence_pairs(self) -> set[tuple[int, int]]:
        """The pairs of nodes that share an indexed sentence. The sentences are taken in
        ``_SENTENCE_PARTS`` parts by the low bits of their hashes, so that the count of
        each part's hashes, not of all, is in memory at once."""
        pairs: set[tuple[int, int]] = set()
        keys, nodes = self._keys, self._key_nodes
        if not keys:
            return pairs
        low = keys.tobytes()[0 if sys.byteorder == "little" else 3 :: 4]  # each hash's low byte
        mask = _SENTENCE_PARTS - 1
        for part in range(_SENTENCE_PARTS):
            chosen = low.translate(bytes(1 if b & mask == part else 0 for b in range(256)))
            self._links(list(compress(keys, chosen)), compress(nodes, chosen), pairs)
        return pairs

    def _estimates(
        self, pairs: Iterable[tuple[int, int]], least_share: float
    ) -> list[tuple[float, int, int]]:
        """``(estimate, a, b)`` of the pairs whose signatures agree on ``least_share`` of
        their bins or more. Agreeing bins: XOR two signatures read as big ints, count the
        zero 32-bit words (much faster than comparing them value by value)."""
        k = self.options.num_perm
        size = 4 * k
        number = int.from_bytes
        least = least_share * k
        out = []
        with memoryview(self._signatures).cast("B") as raw:
            for a, b in pairs:
                diff = number(raw[a * size : (a + 1) * size]) ^ number(
                    raw[b * size : (b + 1) * size]
                )
                agree = array("I", diff.to_bytes(size)).count(0)
                if agree >= least:
                    out.append((agree / k, a, b))
        return out

    def _candidates(
        self, bands: Iterable[int]
    ) -> tuple[set[tuple[int, int]], list[tuple[float, int, int]]]:
        """The pairs sharing a bucket in ``bands``, and those of them that pass the
        estimate filter, as ``(estimate, a, b)``."""
        pairs: set[tuple[int, int]] = set()
        nodes = list(compress(range(len(self._has_text)), self._has_text))
        for keys in self._band_keys(bands):
            self._links(keys, nodes, pairs)
        return pairs, self._estimates(pairs, self.options.min_estimate)

    def _band_keys(self, bands: Iterable[int]) -> Iterator[list[int]]:
        """Each band's key of every node that takes part in the candidate search (in node
        order: ``compress(range(nodes), _has_text)``), band after band."""
        k, rows = self.options.num_perm, self.options.band_rows
        sigs = self._signatures
        has_text = self._has_text
        everyone = all(has_text)
        # With one or two bins a band, a band's key is one 32- or 64-bit word of the
        # signatures: a strided view gives every node's key with no Python loop, no copy.
        raw = memoryview(sigs).cast("B")
        words = raw.cast("I") if rows == 1 else raw.cast("Q") if rows == 2 else None  # noqa: PLR2004 (bins of 32 bits)
        try:
            for band in bands:
                keys: Iterable[int]
                if words is not None:
                    keys = words[band :: self.options.bands]
                else:
                    columns = [sigs[band * rows + r :: k] for r in range(rows)]
                    keys = columns[0]
                    for column in columns[1:]:
                        keys = map(or_, map(lshift, keys, repeat(32)), column)
                yield list(keys) if everyone else list(compress(keys, has_text))
        finally:
            if words is not None:
                words.release()
            raw.release()

    # -- check

    def _sentences(self, node: int, cache: dict[int, list[str]]) -> list[str]:
        found = cache.get(node)
        if found is None:
            if len(cache) > _SENTENCE_CACHE:
                cache.clear()
            found = cache[node] = _split(self._texts[node], array("I", self._ends[node]))
        return found

    def _site_chrome(self) -> None:
        """Find the indexed sentences that are one site's chrome (see
        :class:`DedupeOptions` ``site_pages``), and the nodes that hold them. The sentences
        are counted in ``_SENTENCE_PARTS`` parts, as in :meth:`_sentence_pairs`; the
        result depends on the set of articles, not on their order."""
        self._chrome, self._chromed = set(), set()
        least, keys, nodes = self.options.site_pages, self._keys, self._key_nodes
        if not least or not keys:
            return
        site = self._node_sites()
        self._chrome, self._chromed = self._chrome_of(keys, nodes, site, Counter(site))
        self.stats.site_chrome = len(self._chrome)

    def _chrome_of(
        self, keys: array[int], nodes: Sequence[int], site: Sequence[str | None] | Mapping[int, str | None],
        bodies: Counter[str | None],
    ) -> tuple[set[int], set[int]]:
        """The sentence hashes among ``keys`` that are one site's chrome, and the nodes
        holding them: ``nodes[i]`` holds ``keys[i]`` (each key once a node), ``site[node]``
        is its outlet and ``bodies`` counts each outlet's distinct bodies (see
        :meth:`_site_chrome`). All the holders of a key are among them."""
        chrome: set[int] = set()
        chromed: set[int] = set()
        least, share = self.options.site_pages, self.options.site_share
        low = keys.tobytes()[0 if sys.byteorder == "little" else 3 :: 4]
        mask = _SENTENCE_PARTS - 1
        for part in range(_SENTENCE_PARTS):
            chosen = low.translate(bytes(1 if b & mask == part else 0 for b in range(256)))
            counts = Counter(compress(keys, chosen))
            common = {k for k, n in counts.items() if n >= least}
            if not common:
                continue
            sites: dict[int, str | None] = {}
            holders: dict[int, list[int]] = {}
            for key, node in compress(zip(keys, nodes, strict=True), chosen):
                if key in common:
                    sites[key] = site[node] if sites.setdefault(key, site[node]) == site[node] else None
                    holders.setdefault(key, []).append(node)
            for key, one in sites.items():
                if one and counts[key] >= share * bodies[one]:
                    chrome.add(key)
                    chromed.update(holders[key])
        return chrome, chromed

    def _node_sites(self) -> list[str | None]:
        """Each node's outlet (case folded), or None where its articles have none or
        name more than one (exact copies on two sites: wire copy)."""
        site: list[str | None] = [None] * len(self._texts)
        seen = bytearray(len(self._texts))
        for info, node in zip(self._infos, self._node_of, strict=True):
            outlet = info.outlet.casefold() if info.outlet else None
            if not seen[node]:
                seen[node] = 1
                site[node] = outlet
            elif site[node] != outlet:
                site[node] = None
        return site

    def _unchromed(self, node: int, sentences: list[str]) -> list[int] | None:
        """The indices of ``node``'s sentences that are no site's chrome (None: all)."""
        if node not in self._chromed:
            return None
        least, chrome, utf16 = self.options.index_words, self._chrome, _UTF16
        return [
            i for i, x in enumerate(sentences)
            if len(x) < least or zlib.crc32(x.encode(utf16)) not in chrome
        ]

    def _check(self, a: int, b: int, cache: dict[int, list[str]]) -> _Pair:
        """The exact check of nodes ``a`` < ``b``, a site's chrome left out of both: from
        the store of checks when it holds it, else made (and given to the store)."""
        if self._store is None:
            return self._check_now(a, b, cache)
        key = self._check_key(a, b, cache)
        found = self._store.get(key)
        if found is not None:
            self.stats.reused += 1
            return _unpack_pair(found)
        pair = self._check_now(a, b, cache)
        self._store.put(key, _pack_pair(pair), (self._digests[a], self._digests[b]))
        return pair

    def _check_key(self, a: int, b: int, cache: dict[int, list[str]]) -> bytes:
        """What the check of nodes ``a`` < ``b`` depends on, hashed: the options it reads
        (``sentence_threshold``, ``index_words``), the two bodies in this order (their
        digests: the same digest, the same sentences) and the sentences of each that are a
        site's chrome in this run (they are left out; which they are depends on all the
        articles, so a check stored while they were others is not this one)."""
        o = self.options
        digest = hashlib.blake2b(f"check1\0{o.sentence_threshold!r}\0{o.index_words}\0".encode(), digest_size=16)
        for node in (a, b):
            digest.update(self._digests[node])
            digest.update(self._chrome_key(node, cache))
            digest.update(b"\0")
        return digest.digest()

    def _chrome_key(self, node: int, cache: dict[int, list[str]]) -> bytes:
        """The hashes of ``node``'s sentences that are a site's chrome (sorted, uint32)."""
        if node not in self._chromed:
            return b""
        found = self._chrome_keys.get(node)
        if found is None:
            least, chrome = self.options.index_words, self._chrome
            held = {
                k for x in self._sentences(node, cache)
                if len(x) >= least and (k := zlib.crc32(x.encode(_UTF16))) in chrome
            }
            found = self._chrome_keys[node] = array("I", sorted(held)).tobytes()
        return found

    def _check_now(self, a: int, b: int, cache: dict[int, list[str]]) -> _Pair:
        """The exact check of nodes ``a`` < ``b``, made now."""
        self.stats.checked += 1
        sa, sb = self._sentences(a, cache), self._sentences(b, cache)
        ka, kb = self._unchromed(a, sa), self._unchromed(b, sb)
        if ka is None and kb is None:
            aligned = align(sa, sb, self.options.sentence_threshold)
            score = score_alignment(sa, sb, aligned)
            na, nb = len(self._texts[a]), len(self._texts[b])
        else:
            ka = list(range(len(sa))) if ka is None else ka
            kb = list(range(len(sb))) if kb is None else kb
            ta, tb = [sa[i] for i in ka], [sb[j] for j in kb]
            kept = align(ta, tb, self.options.sentence_threshold)
            score = score_alignment(ta, tb, kept)
            aligned = [(ka[i], kb[j], sim) for i, j, sim in kept]
            na, nb = sum(map(len, ta)), sum(map(len, tb))
        wa = sum(len(sa[i]) * sim for i, _, sim in aligned)
        wb = sum(len(sb[j]) * sim for _, j, sim in aligned)
        return _Pair(
            score,
            wa / na if na else 0.0,
            wb / nb if nb else 0.0,
            array("I", [i for i, _, _ in aligned]).tobytes(),
            array("I", [j for _, j, _ in aligned]).tobytes(),
        )

    def _relation(self, a: int, b: int, pair: _Pair) -> Relation | None:
        """How nodes ``a`` < ``b`` are duplicates (None: they are not)."""
        if not (self._joins[a] and self._joins[b]):
            return None
        shorter = len(self._texts[a]) <= len(self._texts[b])
        return relation(pair.score, self.options, a_shorter=shorter)

    # -- clusters

    def clusters(self, workers: int = 1) -> list[Cluster]:
        """Find the clusters among everything added so far (singletons are left out),
        in order of their first member. ``workers`` > 1 shares the candidate search out
        (see :meth:`candidate_pairs`); the checks stay in this process.

        Duplicate pairs link articles into groups (union-find); a group is then cut into
        clusters that do not chain: its origin and the articles that are duplicates of
        the origin form a cluster, and the rest are grouped again by their own links.
        """
        nodes = len(self._texts)
        self.stats.distinct = nodes
        self._site_chrome()
        self._chrome_keys = {}
        uf = UnionFind(nodes)
        work = _Work(self, {}, set(), {})
        duplicates = 0
        for _, a, b in self.candidate_pairs(workers):
            pair = work.pair(a, b)
            rel = self._relation(a, b, pair)
            if rel is None:
                del work.pairs[a, b]  # keep the checks of duplicates only
                work.failed.add((a, b))
            else:
                duplicates += 1
                work.links.setdefault(a, []).append(b)
                work.links.setdefault(b, []).append(a)
                uf.union(a, b)
        self.stats.duplicates = duplicates
        groups: dict[int, list[int]] = {}
        for index, node in enumerate(self._node_of):
            groups.setdefault(uf.find(node), []).append(index)
        out: list[Cluster] = []
        for indices in groups.values():
            if len(indices) > 1:
                out.extend(work.split(indices))
        out.sort(key=lambda c: min(m.index for m in c.members))
        self.stats.clusters = len(out)
        return out

    def _member(self, index: int) -> Member:
        return Member(index, self._infos[index])


@dataclass(slots=True)
class _Work:
    """The checks made while clustering: those of duplicate pairs (``pairs``), the pairs
    checked and found not to be duplicates (``failed``) and each node's duplicates
    (``links``)."""

    deduper: Deduper
    pairs: dict[tuple[int, int], _Pair]
    failed: set[tuple[int, int]]
    links: dict[int, list[int]]
    cache: dict[int, list[str]] = field(default_factory=dict)

    def pair(self, a: int, b: int) -> _Pair:
        """The check of nodes ``a`` and ``b`` (in any order), made once."""
        key = (a, b) if a < b else (b, a)
        found = self.pairs.get(key)
        if found is None:
            found = self.pairs[key] = self.deduper._check(*key, self.cache)
        return found

    def related(self, a: int, b: int) -> Relation | None:
        """How nodes ``a`` and ``b`` (distinct, in any order) are duplicates, if they are."""
        key = (a, b) if a < b else (b, a)
        if key in self.failed:
            return None
        return self.deduper._relation(*key, self.pair(a, b))

    def side(self, node: int, other: int) -> tuple[float, int, float, bytes]:
        """``node``'s share, shared sentences, weighted share and matched sentences in
        its check against ``other``."""
        return self.pair(node, other).side(node < other)

    def split(self, indices: list[int]) -> list[Cluster]:
        """The clusters of one linked group of articles (see :meth:`Deduper.clusters`)."""
        d = self.deduper
        by_node: dict[int, list[int]] = {}
        for index in indices:
            by_node.setdefault(d._node_of[index], []).append(index)
        out: list[Cluster] = []
        todo = [list(by_node)]
        while todo:
            nodes = todo.pop()
            if sum(len(by_node[n]) for n in nodes) < 2:  # noqa: PLR2004 (a pair at least)
                continue
            origin = self._origin(nodes, by_node)
            joined = self._joined(origin, nodes, by_node)
            members = [origin, *joined]
            out.append(self._cluster(members, joined, by_node))
            rest = [n for n in nodes if n != origin and n not in joined]
            todo.extend(self._groups(rest))
        return out

    def _joined(
        self, origin: int, nodes: list[int], by_node: dict[int, list[int]]
    ) -> dict[int, Relation]:
        """The nodes that join ``origin``'s cluster, with their relation to it: those
        that are duplicates of the origin, most of their text from it first, each joining
        only if it shares a sentence with every one that joined before it (up to
        ``ORIGIN_PAIRS_MAX`` nodes; beyond, being a duplicate of the origin is enough)."""
        found = {n: rel for n in nodes if n != origin and (rel := self.related(n, origin))}
        order = sorted(found, key=lambda n: (-self.side(n, origin)[2], min(by_node[n])))
        if len(nodes) > ORIGIN_PAIRS_MAX:
            return {n: found[n] for n in order}
        joined: dict[int, Relation] = {}
        for n in order:
            if all(self.side(n, m)[1] for m in joined):
                joined[n] = found[n]
        return joined

    def _groups(self, nodes: list[int]) -> list[list[int]]:
        """``nodes`` grouped by their duplicate links among themselves."""
        inside = set(nodes)
        seen: set[int] = set()
        groups = []
        for start in nodes:
            if start in seen:
                continue
            seen.add(start)
            group, stack = [], [start]
            while stack:
                n = stack.pop()
                group.append(n)
                for m in self.links_of(n):
                    if m in inside and m not in seen:
                        seen.add(m)
                        stack.append(m)
            groups.append(sorted(group))
        return groups

    def links_of(self, node: int) -> list[int]:
        return self.links.get(node, [])

    def _origin(self, nodes: list[int], by_node: dict[int, list[int]]) -> int:
        """The node whose text the other articles share most: for each node, the sum over
        the other articles that are duplicates of it of the part of their words found in
        it, each word weighted by the similarity of its sentence (an exact copy counts 1).
        Only duplicates count, as only they can join it: a long rewrite that takes in
        parts of several others is not their origin when most of them are not its
        duplicates. Every pair is compared up to ``ORIGIN_PAIRS_MAX`` nodes; beyond, only
        the pairs found duplicates while clustering count. Ties go to the earliest dated
        article, then to the first in input order."""
        every = len(nodes) <= ORIGIN_PAIRS_MAX
        inside = set(nodes)
        best: tuple[object, ...] | None = None
        chosen = nodes[0]
        for o in nodes:
            total = float(len(by_node[o]) - 1)
            for n in nodes if every else self.links_of(o):
                if n != o and n in inside and self.related(n, o) is not None:
                    total += len(by_node[n]) * self.side(n, o)[2]
            first = min(by_node[o])
            date = min(
                (dk for i in by_node[o] if (dk := _date_key(self.deduper._infos[i].date))),
                default=None,
            )
            key = (-round(total, 9), date is None, date or _NO_DATE, first)
            if best is None or key < best:
                best, chosen = key, o
        return chosen

    def _cluster(
        self, nodes: list[int], joined: dict[int, Relation], by_node: dict[int, list[int]]
    ) -> Cluster:
        """The cluster of ``nodes`` (the origin first, then those ``joined`` to it)."""
        d = self.deduper
        origin = nodes[0]
        every = len(nodes) <= ORIGIN_PAIRS_MAX
        indices = sorted(i for n in nodes for i in by_node[n])
        plain = [d._member(i) for i in indices]
        rep = _kept(plain, d.options.keep)
        rep_node = d._node_of[rep.index]
        first_of_origin = self._first_origin(by_node[origin])
        members = []
        for m in plain:
            node = d._node_of[m.index]
            own = self._own(node, nodes if every else [origin], by_node)
            if node == rep_node:
                m = replace(m, shared=m.sentences, share=1.0, similarity=1.0, exact=True)
            else:
                share, shared, _, _ = self.side(node, rep_node)
                similarity = self.pair(node, rep_node).score.similarity
                m = replace(m, share=share, shared=shared, similarity=similarity)
            if node == origin:
                rel = Relation.ORIGIN if m.index == first_of_origin else Relation.COPY
                m = replace(m, relation=rel, from_origin=1.0, own=own)
            else:
                m = replace(m, relation=joined[node], from_origin=self.side(node, origin)[0], own=own)
            members.append(m)
        members.sort(key=lambda m: (m.index != rep.index, m.index))
        return Cluster(tuple(members))

    def _first_origin(self, indices: list[int]) -> int:
        """Of exact copies of the origin, the one named origin: the earliest dated, then
        the first in input order."""
        infos = self.deduper._infos
        return min(
            indices,
            key=lambda i: (
                (dk := _date_key(infos[i].date)) is None,
                dk or _NO_DATE,
                i,
            ),
        )

    def _own(self, node: int, others: list[int], by_node: dict[int, list[int]]) -> float:
        """The part of ``node``'s words in sentences found in no other member."""
        if len(by_node[node]) > 1:
            return 0.0  # an exact copy is in the cluster: every sentence is in another
        d = self.deduper
        matched: set[int] = set()
        for other in others:
            if other != node:
                matched.update(array("I", self.side(node, other)[3]))
        sentences = self.deduper._sentences(node, self.cache)
        words = len(d._texts[node])
        common = sum(len(sentences[i]) for i in matched)
        return (words - common) / words if words else 0.0


def _candidates_part(deduper: Deduper, bands: range) -> tuple[bytes, list[tuple[float, int, int]]]:
    """The candidates of some bands, in a forked helper that sees ``deduper`` as it is."""
    pairs, kept = deduper._candidates(bands)
    return array("Q", [(a << 32) | b for a, b in pairs]).tobytes(), kept


def find_clusters(
    articles: Iterable[Article], options: DedupeOptions | None = None
) -> list[Cluster]:
    """Articles in, clusters of duplicates out (see the module docs)."""
    deduper = Deduper(options or DedupeOptions())
    for article in articles:
        deduper.add(article)
    return deduper.clusters()


# -- many files, several processes ------------------------------------------------------


def document_fingerprints(doc: Document, options: DedupeOptions) -> list[Fingerprint]:
    """The fingerprint of each of ``doc``'s articles (a unit of work for
    :func:`newskit.pipeline.map_sources`: fingerprints are small to send back)."""
    return [fingerprint(a, options) for a in doc.articles]


def document_pairs(doc: Document, options: DedupeOptions) -> list[tuple[Article, Fingerprint]]:
    """Each of ``doc``'s articles and its fingerprint (when the text must be kept too)."""
    return [(a, fingerprint(a, options)) for a in doc.articles]


def fingerprint_inputs(
    args: list[str] | tuple[str, ...],
    options: DedupeOptions | None = None,
    *,
    pattern: str = "*.txt",
    rules: Rules | None = None,
    workers: int = 1,
    on_error: Callable[[InputError], None] | None = None,
) -> Iterator[Fingerprint]:
    """Read, parse and fingerprint every input named by ``args`` (files, folders, ``-``),
    in input order, with ``workers`` processes (reading and parsing are most of the work,
    and the fingerprints that come back are small). Unreadable inputs go to ``on_error``
    (or raise when it is None). Feed the result to :meth:`Deduper.add_fingerprint`.
    """
    options = options or DedupeOptions()
    sources = list(expand_inputs(args, pattern, on_error=on_error))
    reader = Reader(rules, max(1, workers), on_error)
    for batch in reader.map(partial(document_fingerprints, options=options), sources):
        yield from batch


@dataclass(slots=True)
class DedupeRun:
    """What :func:`dedupe_inputs` found: the clusters, how many articles were read, and
    (when asked for) the articles themselves, in input order."""

    clusters: list[Cluster]
    total: int
    articles: list[Article] = field(default_factory=list)

    @property
    def clustered(self) -> int:
        """How many articles are in a cluster."""
        return sum(len(c) for c in self.clusters)

    def kept(self) -> Iterator[Article]:
        """The articles to keep, in input order: each cluster's representative and every
        article in no cluster (only when the articles were kept)."""
        dropped = {m.index for c in self.clusters for m in c.members[1:]}
        return (a for i, a in enumerate(self.articles) if i not in dropped)


def dedupe_inputs(
    sources: Sequence[str],
    options: DedupeOptions | None = None,
    reader: Reader | None = None,
    *,
    keep_articles: bool = False,
) -> DedupeRun:
    """Read, fingerprint and cluster every one of ``sources`` (files or ``-``), as
    ``reader`` reads (on its processes, its callbacks hearing of each input). With
    ``keep_articles`` the articles are kept as well, for writing the ones to keep;
    otherwise only their fingerprints are, about 1 kB an article. With the reader's
    ``engine`` (a Dask cluster), the fingerprints stay on the cluster, where the candidate
    search, the checks and the clustering run too (:mod:`newskit.dedupe_dask`); the result
    is the same."""
    options = options or DedupeOptions()
    reader = reader or Reader()
    if reader.engine is not None:  # on a Dask cluster, which holds the fingerprints
        from .dedupe_dask import dedupe_on_cluster  # noqa: PLC0415 (it imports this module)

        return dedupe_on_cluster(sources, options, reader, keep_articles=keep_articles)
    deduper = Deduper(options)
    articles: list[Article] = []
    if keep_articles:
        for pairs in reader.map(partial(document_pairs, options=options), sources):
            for article, fp in pairs:
                deduper.add_fingerprint(fp)
                articles.append(article)
    else:
        for fps in reader.map(partial(document_fingerprints, options=options), sources):
            for fp in fps:
                deduper.add_fingerprint(fp)
    return DedupeRun(deduper.clusters(), len(deduper), articles)
