"""Finding exact copies and near-duplicate reports among articles, and grouping them.

How it works, in four steps:

1. **Fingerprint** each article (:func:`fingerprint`): the words of its clean body (never
   the page around it), sentence by sentence, each word reduced to a 16-bit hash and kept
   as one character of a string (what rapidfuzz compares fastest); a one-permutation
   MinHash signature of the body's word shingles (``num_perm`` bins of 32 bits); a digest
   of the normalised body, for exact copies; and the article's metadata. The text itself
   is not kept: an article costs its signature (512 bytes by default), 2 bytes a word,
   4 bytes a sentence and its metadata.
2. **Candidates**, sub-quadratic: LSH banding over the signatures (``num_perm /
   band_rows`` bands, each a dict of buckets); articles that share a bucket in any band
   are candidates. A bucket larger than ``max_bucket`` (a phrase every page uses, or a
   big family of copies) links its members in a chain rather than every pair. Candidates
   whose signatures agree on fewer than ``min_estimate`` of their bins (an estimate of
   shingle Jaccard) are dropped.
3. **Check** each remaining pair exactly (:func:`newskit.sentences.score_sentences`):
   every sentence of one meets every sentence of the other (rapidfuzz Indel similarity
   over word hashes, in any order); pairs of sentences at or above ``sentence_threshold``
   are matched one to one, best first. The pair's similarity counts the words of both
   texts, those of matched sentences weighted by their sentence similarity:
   ``sum((words_a + words_b) x similarity, over matched sentences) / (words of A and B)``.
   A pair is a duplicate when it reaches ``threshold``. Wire rewrites of one story
   (sentences dropped, added, moved, reworded) keep most sentences recognisable, and
   score 0.6-0.9, while their shingle Jaccard falls to 0.2-0.45, far below the 0.7-0.8 web
   dedupe usually asks for; unrelated stories share no sentence and score 0.
4. **Cluster** duplicate pairs transitively (union-find); exact copies (same normalised
   body, or the same content id for articles without a body) join without a check. Each
   cluster gets a representative (the article ``keep`` would keep) and every member is
   scored against it.

Everything here is plain data in, plain data out: no printing, no click, no rich. Many
files are read through :mod:`newskit.pipeline` (:func:`fingerprint_inputs`,
:func:`dedupe_inputs`): workers read, parse and fingerprint, and only the small
fingerprints come back; the candidate search can be shared out over forked helpers
(:func:`newskit.pipeline.fork_map`).
"""

from __future__ import annotations

import hashlib
import sys
import zlib
from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from enum import StrEnum
from functools import partial
from itertools import accumulate, chain, combinations, compress, repeat
from operator import gt, lshift, or_, rshift

from .errors import InputError, NewskitError
from .model import Article, Document
from .pipeline import Reader, fork_map
from .reader import expand_inputs
from .rules import Rules
from .sentences import PairScore, score_sentences, sentence_keys
from .unionfind import UnionFind


class DedupeError(NewskitError):
    """Bad dedupe options."""


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
    """

    threshold: float = 0.5
    sentence_threshold: float = 0.5
    shingle: int = 3
    sample: int = 1
    num_perm: int = 128
    band_rows: int = 2
    min_estimate: float = 0.05
    max_bucket: int = 50
    keep: Keep = Keep.FIRST

    def __post_init__(self) -> None:
        try:
            object.__setattr__(self, "keep", Keep(self.keep))
        except ValueError:
            choices = ", ".join(k.value for k in Keep)
            raise DedupeError(f"keep must be one of {choices}, not {self.keep!r}") from None
        for name in ("threshold", "sentence_threshold"):
            value = getattr(self, name)
            if not 0 < value <= 1:
                raise DedupeError(f"{name} must be in (0, 1], not {value!r}")
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


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """The compact, picklable form of an article that dedupe works on.

    ``text`` holds one character per body word (a 16-bit hash of the word), sentences end
    to end; ``ends`` (uint32) says where each sentence ends in it; ``signature`` is
    ``num_perm`` uint32 MinHash values; ``exact`` is a digest of the normalised body (or
    of the content id when the body is empty).
    """

    info: ArticleInfo
    exact: bytes
    signature: bytes
    text: str
    ends: bytes


_VOCAB: dict[bytes, int] = {}  # word key -> its 16-bit hash, a cache


_VOCAB_MAX = 500_000  # word hashes remembered at most
_SURROGATES = (0xD800, 0xDFFF)  # code points a str cannot hold alone
_SENTENCE_CACHE = 4096  # articles whose sentences are remembered while clusters are checked
MAX_SHINGLE = 10  # the longest shingle, in words


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
_GOLDEN = 0x9E3779B1  # odd constant that spreads densified (borrowed) bin values


def _signature(ids: list[int], shingle: int, sample: int, num_perm: int) -> array[int]:
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


def fingerprint(article: Article, options: DedupeOptions | None = None) -> Fingerprint:
    """The fingerprint of one article's body (see :class:`Fingerprint`)."""
    options = options or DedupeOptions()
    sentences = sentence_keys(article.body)
    ids = _word_hashes(list(chain.from_iterable(sentences)))
    text = array("H", ids).tobytes().decode(_UTF16)  # one char per word, no surrogates
    ends = array("I", accumulate(map(len, sentences)))
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
    )
    if text:
        exact = hashlib.blake2b(digest_size=12)
        for keys in sentences:
            exact.update(b" ".join(keys))
            exact.update(b"\n")
        signature = _signature(ids, options.shingle, options.sample, options.num_perm).tobytes()
    else:
        exact = hashlib.blake2b(b"id\0" + article.id.encode(), digest_size=12)
        signature = b""
    return Fingerprint(info, exact.digest(), signature, text, ends.tobytes())


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
    """One article of a cluster, scored against the cluster's representative.

    ``share`` is the part of this article's words in sentences also found in the
    representative, ``shared`` how many of its ``sentences`` those are; ``similarity`` is
    the pair similarity. The representative itself scores 1.0 and is ``exact``.
    """

    index: int  # position among all input articles, from 0
    info: ArticleInfo
    shared: int = 0
    share: float = 0.0
    similarity: float = 0.0
    exact: bool = False

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
        }


@dataclass(frozen=True, slots=True)
class Cluster:
    """Articles that are copies or near-duplicates of one another (transitively).

    ``members[0]`` is the representative; the others follow in input order.
    """

    members: tuple[Member, ...]

    @property
    def representative(self) -> Member:
        return self.members[0]

    def __len__(self) -> int:
        return len(self.members)

    def to_dict(self) -> dict[str, object]:
        return {
            "size": len(self.members),
            "representative": self.representative.id,
            "members": [m.to_dict() for m in self.members],
        }


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
    distinct: int = 0  # distinct normalised bodies
    candidates: int = 0  # pairs sharing an LSH bucket
    checked: int = 0  # pairs given the exact check
    duplicates: int = 0  # pairs that passed it
    clusters: int = 0


class Deduper:
    """Streaming dedupe: :meth:`add` articles (or fingerprints) one by one, then
    :meth:`clusters`. Articles are not kept; memory grows by a fingerprint per distinct
    body (see :class:`Fingerprint`) plus a little metadata per article.
    """

    parallel_from = 20_000  # distinct bodies before helpers are worth forking

    def __init__(self, options: DedupeOptions | None = None) -> None:
        self.options = options or DedupeOptions()
        self.stats = DedupeStats()
        self._infos: list[ArticleInfo] = []
        self._node_of = array("I")  # article -> node (a distinct normalised body)
        self._exact: dict[bytes, int] = {}  # exact digest -> node
        self._texts: list[str] = []  # node -> word hashes, one char each
        self._ends: list[bytes] = []  # node -> sentence ends (uint32)
        self._signatures = array("I")  # node-major, num_perm values each
        self._sources: dict[str, str] = {}
        self._has_text = b""  # node -> 1 if its body has words (set by candidate_pairs)

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
        node = self._exact.get(fp.exact)
        if node is None:
            if fp.signature and len(fp.signature) != 4 * self.options.num_perm:
                raise DedupeError("fingerprint made with a different num_perm")
            node = self._exact[fp.exact] = len(self._texts)
            self._texts.append(fp.text)
            self._ends.append(fp.ends)
            self._signatures.frombytes(fp.signature or bytes(4 * self.options.num_perm))
        self._node_of.append(node)

    def __len__(self) -> int:
        return len(self._infos)

    # -- candidates

    def candidate_pairs(self, workers: int = 1) -> list[tuple[float, int, int]]:
        """``(estimate, node_a, node_b)`` for every candidate pair of distinct bodies,
        most similar first. ``estimate`` is the share of signature bins that agree.

        With ``workers`` > 1 (on Linux, for ``parallel_from`` bodies or more), forked
        processes share the bands out; the result is the same.
        """
        bands = range(self.options.bands)
        # Computed here, before any fork: a helper that touched every text (even to read
        # its length) would make the system copy the pages holding them.
        self._has_text = bytes(1 if text else 0 for text in self._texts)
        if self._parallel(workers, len(self._texts), self.parallel_from):
            parts = fork_map(_candidates_part, self, [bands[i::workers] for i in range(workers)])
            raw: set[int] = set()
            found: dict[tuple[int, int], float] = {}
            for codes, kept in parts:
                raw.update(array("Q", codes))
                found.update(((a, b), estimate) for estimate, a, b in kept)
            self.stats.candidates = len(raw)
            out = [(estimate, a, b) for (a, b), estimate in found.items()]
        else:
            pairs, out = self._candidates(bands)
            self.stats.candidates = len(pairs)
        out.sort(key=lambda t: (-t[0], t[1], t[2]))
        return out

    @staticmethod
    def _parallel(workers: int, size: int, least: int) -> bool:
        """Whether to fork helpers: asked for, worth it, and on Linux (where fork is
        cheap and safe; elsewhere everything runs in this process)."""
        return workers > 1 and size >= least and sys.platform.startswith("linux")

    def _candidates(
        self, bands: Iterable[int]
    ) -> tuple[set[tuple[int, int]], list[tuple[float, int, int]]]:
        """The pairs sharing a bucket in ``bands``, and those of them that pass the
        estimate filter, as ``(estimate, a, b)``."""
        k, rows = self.options.num_perm, self.options.band_rows
        sigs = self._signatures
        has_text = self._has_text
        nodes = list(compress(range(len(has_text)), has_text))
        everyone = len(nodes) == len(has_text)
        # With one or two bins a band, a band's key is one 32- or 64-bit word of the
        # signatures: a strided view gives every node's key with no Python loop, no copy.
        raw = memoryview(sigs).cast("B")
        words = raw.cast("I") if rows == 1 else raw.cast("Q") if rows == 2 else None  # noqa: PLR2004 (bins of 32 bits)
        pairs: set[tuple[int, int]] = set()
        for band in bands:
            keys: Iterable[int]
            if words is not None:
                keys = words[band :: self.options.bands]
            else:
                columns = [sigs[band * rows + r :: k] for r in range(rows)]
                keys = columns[0]
                for column in columns[1:]:
                    keys = map(or_, map(lshift, keys, repeat(32)), column)
            keys = list(keys) if everyone else list(compress(keys, has_text))
            counts = Counter(keys)
            if len(counts) == len(keys):
                continue  # no bucket with two nodes in this band
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
        # Agreeing bins: XOR two signatures read as big ints, count the zero 32-bit words
        # (much faster than comparing them value by value).
        size = 4 * k
        number = int.from_bytes
        out = []
        least = self.options.min_estimate * k
        for a, b in pairs:
            diff = number(raw[a * size : (a + 1) * size]) ^ number(raw[b * size : (b + 1) * size])
            agree = array("I", diff.to_bytes(size)).count(0)
            if agree >= least:
                out.append((agree / k, a, b))
        if words is not None:
            words.release()
        raw.release()
        return pairs, out

    # -- check and cluster

    def _sentences(self, node: int, cache: dict[int, list[str]]) -> list[str]:
        found = cache.get(node)
        if found is None:
            if len(cache) > _SENTENCE_CACHE:
                cache.clear()
            found = cache[node] = _split(self._texts[node], array("I", self._ends[node]))
        return found

    def _check(self, a: int, b: int, cache: dict[int, list[str]]) -> PairScore:
        self.stats.checked += 1
        return score_sentences(
            self._sentences(a, cache), self._sentences(b, cache), self.options.sentence_threshold
        )

    def clusters(self, workers: int = 1) -> list[Cluster]:
        """Find the clusters among everything added so far (singletons are left out),
        in order of their first member. ``workers`` > 1 shares the candidate search out
        (see :meth:`candidate_pairs`); the checks stay in this process."""
        options = self.options
        nodes = len(self._texts)
        self.stats.distinct = nodes
        uf = UnionFind(nodes)
        scores: dict[tuple[int, int], PairScore] = {}
        cache: dict[int, list[str]] = {}
        duplicates = 0
        for _, a, b in self.candidate_pairs(workers):
            if uf.find(a) == uf.find(b):
                continue  # already one cluster: the check would not change it
            score = self._check(a, b, cache)
            scores[a, b] = score
            if score.similarity >= options.threshold:
                duplicates += 1
                uf.union(a, b)
        self.stats.duplicates = duplicates
        groups: dict[int, list[int]] = {}
        for index, node in enumerate(self._node_of):
            groups.setdefault(uf.find(node), []).append(index)
        out = []
        for indices in groups.values():
            if len(indices) > 1:
                out.append(self._cluster(indices, scores, cache))
        out.sort(key=lambda c: min(m.index for m in c.members))
        self.stats.clusters = len(out)
        return out

    def _cluster(
        self,
        indices: list[int],
        scores: dict[tuple[int, int], PairScore],
        cache: dict[int, list[str]],
    ) -> Cluster:
        plain = [self._member(i) for i in indices]
        rep = _kept(plain, self.options.keep)
        rep_node = self._node_of[rep.index]
        members = [replace(rep, shared=rep.sentences, share=1.0, similarity=1.0, exact=True)]
        for m in plain:
            if m.index == rep.index:
                continue
            node = self._node_of[m.index]
            if node == rep_node:
                same = replace(m, shared=m.sentences, share=1.0, similarity=1.0, exact=True)
                members.append(same)
                continue
            a, b = min(node, rep_node), max(node, rep_node)
            score = scores.get((a, b)) or self._check(a, b, cache)
            scores[a, b] = score
            mine = (score.share_a, score.shared_a) if a == node else (score.share_b, score.shared_b)
            members.append(replace(m, share=mine[0], shared=mine[1], similarity=score.similarity))
        return Cluster(tuple(members))

    def _member(self, index: int) -> Member:
        return Member(index, self._infos[index])


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
    otherwise only their fingerprints are, about 1 kB an article."""
    options = options or DedupeOptions()
    reader = reader or Reader()
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
