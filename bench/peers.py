"""The dedupe job as a user would otherwise write it, on newskit's own parser: with
datasketch (pure Python MinHash) and with rensa (a compiled MinHash, Rust, on PyPI).

Both take the parsed articles, shingle each body into word 3-grams of ``\\w+`` tokens (lower
case), make a 128-permutation MinHash of it, find candidate pairs with the library's LSH
index at ``lsh_threshold``, check each candidate with newskit's sentence similarity at
``check_threshold`` and join the pairs that pass by union-find, in one process, every
article in memory. Only the MinHash and LSH stages differ between the two, so a ratio
against either measures newskit's whole job against the same job built on that library.
"""

from __future__ import annotations

import re
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

NUM_PERM = 128
RENSA_BANDS = 16  # 16 bands of 8 rows: about the curve datasketch picks at threshold 0.3-0.5
_TOKEN = re.compile(r"\w+")


def shingles(text: str) -> set[bytes]:
    """The word 3-grams of a body, as bytes (both libraries hash bytes)."""
    toks = _TOKEN.findall(text.lower())
    return {" ".join(toks[i : i + 3]).encode() for i in range(max(1, len(toks) - 2))}


def datasketch_candidates(articles: list[Any], lsh_threshold: float) -> tuple[set[tuple[int, int]], dict[str, Any]]:
    from datasketch import MinHash, MinHashLSH

    t0 = time.perf_counter()
    hashes = []
    for a in articles:
        m = MinHash(num_perm=NUM_PERM)
        m.update_batch(list(shingles(a.text)))
        hashes.append(m)
    t1 = time.perf_counter()
    lsh = MinHashLSH(threshold=lsh_threshold, num_perm=NUM_PERM)
    pairs = _query_then_insert(lsh, hashes)
    t2 = time.perf_counter()
    return pairs, {"stages": {"minhash": t1 - t0, "lsh": t2 - t1}, "bands_rows": [lsh.b, lsh.r]}


def rensa_candidates(
    articles: list[Any], lsh_threshold: float, bands: int = RENSA_BANDS
) -> tuple[set[tuple[int, int]], dict[str, Any]]:
    """rensa's LSH finds candidates by its bands alone (``query`` does not filter by
    ``threshold``): ``bands`` is what sets its recall, and what bench_dedupe tunes."""
    from rensa import RMinHash, RMinHashLSH

    t0 = time.perf_counter()
    hashes = []
    for a in articles:
        m = RMinHash(num_perm=NUM_PERM, seed=42)
        m.update(list(shingles(a.text)))
        hashes.append(m)
    t1 = time.perf_counter()
    lsh = RMinHashLSH(threshold=lsh_threshold, num_perm=NUM_PERM, num_bands=bands)
    pairs = _query_then_insert(lsh, hashes)
    t2 = time.perf_counter()
    rows = NUM_PERM // bands
    return pairs, {"stages": {"minhash": t1 - t0, "lsh": t2 - t1}, "bands_rows": [bands, rows]}


def _query_then_insert(lsh: Any, hashes: list[Any]) -> set[tuple[int, int]]:
    """Each MinHash queried against those before it, then added: the candidate pairs (j, i), j < i."""
    pairs: set[tuple[int, int]] = set()
    for i, m in enumerate(hashes):
        for j in lsh.query(m):
            pairs.add((j, i))
        lsh.insert(i, m)
    return pairs


CANDIDATES: dict[str, Callable[..., tuple[set[tuple[int, int]], dict[str, Any]]]] = {
    "datasketch": datasketch_candidates,
    "rensa": rensa_candidates,
}


def check_and_cluster(
    articles: list[Any], pairs: Iterable[tuple[int, int]], check_threshold: float
) -> tuple[list[list[int]], int]:
    """newskit's sentence check on each candidate pair, then union-find: the groups of two
    or more, and how many pairs were checked."""
    from newskit.sentences import body_sentences, score_sentences, words

    parent = list(range(len(articles)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    sentences: dict[int, list[list[str]]] = {}

    def sents(i: int) -> list[list[str]]:
        if i not in sentences:
            sentences[i] = [w for w in (words(s) for s in body_sentences(articles[i].body)) if w]
        return sentences[i]

    checked = 0
    for i, j in sorted(pairs):
        if find(i) == find(j):
            continue
        checked += 1
        if score_sentences(sents(i), sents(j)).similarity >= check_threshold:
            parent[find(j)] = find(i)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(articles)):
        groups[find(i)].append(i)
    return [g for g in groups.values() if len(g) > 1], checked


def peer_job(
    tool: str, articles: list[Any], lsh_threshold: float, check_threshold: float,
    bands: int | None = None,
) -> tuple[list, dict]:
    """The whole job with ``tool``'s MinHash: groups as (source, start, end) lists, and
    figures. ``bands`` (rensa only) is its LSH's number of bands."""
    extra = {"bands": bands} if bands is not None else {}
    pairs, info = CANDIDATES[tool](articles, lsh_threshold, **extra)
    t0 = time.perf_counter()
    groups, checked = check_and_cluster(articles, pairs, check_threshold)
    info["stages"]["check+cluster"] = time.perf_counter() - t0
    out = [[(articles[i].source, articles[i].start, articles[i].end) for i in g] for g in groups]
    return out, {**info, "candidates": len(pairs), "checked": checked}
