"""``dedupe`` on a Dask cluster: the fingerprints, the LSH bands and the sentence index are
shuffled between the workers, candidate pairs are found and checked there, and only the
pairs that passed, then the clusters, come back (see :class:`newskit.engine.DaskEngine`).

The work is that of :class:`newskit.dedupe.Deduper`, cut into partitions; each partition
is a ``Deduper`` of its own, holding only the fingerprints it needs, and calls the same
methods (``_band_keys``, ``_links``, ``_chrome_of``, ``_estimates``, ``_check``,
``_relation``, ``_Work.split``). The stages, each a set of tasks that pass their results
to the next without this process seeing them:

1. **Parse** (:func:`newskit.pipeline.map_sources` with :class:`~newskit.pipeline.Kept`):
   the workers read, parse and fingerprint; the fingerprints stay there, the count of
   articles of each input comes back (for the progress bar, the errors, and each
   article's index in input order).
2. **Fingerprint shuffle**: each article's fingerprint goes to the node partition of its
   exact digest, so exact copies meet. A distinct body is a *node*, numbered by the index
   of its first article: not the local run's numbers (0, 1, 2... in order of first
   appearance) but in the same order, which is all the search and the clustering look
   at, so every pair, tie and sum comes out as in a local run.
3. **Band and sentence shuffle**: each node partition sends every band key of its nodes
   to the band partition of the key, and every indexed sentence hash to the sentence
   partition of the hash (with the node's outlet). A band partition makes the pairs of
   its buckets; a sentence partition the pairs sharing a sentence, and the site's chrome
   among its sentences (with every outlet's count of bodies, summed from the node
   partitions).
4. **Check**: the pairs go to check partitions (by a hash of the pair); each asks every
   node partition for the fingerprints of its pairs' nodes, makes the estimates, drops
   the pairs the filter drops (as :meth:`~newskit.dedupe.Deduper.candidate_pairs`) and
   checks the rest. Which pairs passed comes back (8 bytes a pair); their checks stay.
5. **Clusters**: here, the pairs that passed and the nodes of two articles or more (exact
   copies) are linked into groups (union-find over those nodes only); the groups are
   shared out between cluster partitions, each of which gathers its nodes' articles'
   fingerprints and the checks of their pairs, and cuts the clusters as a local run does.
   The clusters come back.

The result is the local run's, byte for byte, whatever the number of workers or
partitions. The numbers of partitions follow the number of articles.
"""

from __future__ import annotations

import pickle
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import partial
from itertools import chain, compress, repeat
from operator import getitem
from typing import Any

from .dedupe import (
    ArticleInfo,
    Cluster,
    DedupeOptions,
    Deduper,
    DedupeRun,
    DedupeStats,
    Fingerprint,
    _Pair,
    _Work,
    document_fingerprints,
    document_pairs,
)
from .engine import DaskEngine
from .model import Article
from .pipeline import Kept, Reader
from .unionfind import UnionFind

ROUTE_TASKS = 32
"""Parsing tasks whose fingerprints one routing task sends on (fewer, larger shuffle tasks)."""

PART_ARTICLES = 1_000_000
"""Articles per partition of each shuffle at most; there are at least two partitions a worker
slot. A shuffle of P partitions is P x P tasks: the partitions grow with the input rather
than their number."""

_LOW32 = 0xFFFFFFFF
_SPREAD = 0x9E3779B1  # an odd constant that spreads pair codes over the check partitions

Passed = tuple[float, int, int, _Pair]
"""A pair that passed its check: its estimate, its nodes (the smaller first) and the check."""


# -- on the workers ----------------------------------------------------------------------


def _count_part(value: list[Fingerprint]) -> tuple[int, list[Fingerprint]]:
    """An input's fingerprints: their count comes back, they stay."""
    return len(value), value


def _articles_part(value: list[tuple[Article, Fingerprint]]) -> tuple[list[Article], list[Fingerprint]]:
    """An input's articles come back (``dedupe --out`` writes them); their fingerprints stay."""
    return [a for a, _ in value], [fp for _, fp in value]


def _site(fp: Fingerprint) -> str | None:
    outlet = fp.info.outlet
    return outlet.casefold() if outlet else None


def _route(
    chunks: list[list[list[Fingerprint]]], offset: int, parts: int
) -> list[Any]:
    """Some parsing tasks' fingerprints (the first one's index ``offset``), each with its
    index, for the node partition of its exact digest; an article with too little prose
    joins no other and is only counted, by outlet. The last item is that count."""
    out: list[list[tuple[int, Fingerprint]]] = [[] for _ in range(parts)]
    short: Counter[str | None] = Counter()
    index = offset
    for fps in chain.from_iterable(chunks):
        for fp in fps:
            if fp.signature:
                out[int.from_bytes(fp.exact[:8], "little") % parts].append((index, fp))
            else:
                short[_site(fp)] += 1
            index += 1
    return [*out, short]


@dataclass(slots=True)
class _Nodes:
    """A node partition: the fingerprints of the articles whose bodies fall here, by
    article index, and a :class:`Deduper` of them (its node ``n`` is the node
    ``ids[n]``)."""

    fps: dict[int, Fingerprint]
    deduper: Deduper
    ids: list[int]  # local node -> node (its first article's index)
    members: dict[int, list[int]]  # node -> its articles' indices, for nodes of two or more


def _nodes(parts: list[list[tuple[int, Fingerprint]]], options: DedupeOptions) -> _Nodes:
    """The node partition made of what the routing tasks sent it (in input order)."""
    d = Deduper(options)
    fps: dict[int, Fingerprint] = {}
    ids: list[int] = []
    indices: list[int] = []
    for index, fp in chain.from_iterable(parts):
        fps[index] = fp
        before = len(d._texts)
        d.add_fingerprint(fp)
        if len(d._texts) > before:
            ids.append(index)
        indices.append(index)
    d._has_text = bytes(d._joins)
    by_node: dict[int, list[int]] = {}
    for index, node in zip(indices, d._node_of, strict=True):
        by_node.setdefault(node, []).append(index)
    members = {ids[n]: found for n, found in by_node.items() if len(found) > 1}
    return _Nodes(fps, d, ids, members)


def _summary(nodes: _Nodes) -> tuple[dict[int, list[int]], Counter[str | None], int]:
    """What comes back of a node partition: its nodes of two articles or more, its count
    of bodies by outlet, and its number of nodes."""
    return nodes.members, Counter(nodes.deduper._node_sites()), len(nodes.ids)


def _choices(values: Sequence[int], parts: int) -> Iterable[list[bool]]:
    """For each partition, which of ``values`` go there (by their value modulo ``parts``)."""
    targets = list(map(int.__mod__, values, repeat(parts)))
    return ([t == r for t in targets] for r in range(parts))


def _band_records(nodes: _Nodes, parts: int) -> list[list[tuple[Any, array[int]]]]:
    """For each band partition, band after band: the keys of this partition's nodes that
    go there (by key) and their nodes."""
    d = nodes.deduper
    wide = d.options.band_rows > 2  # noqa: PLR2004 (two 32-bit bins fill a 64-bit word)
    out: list[list[tuple[Any, array[int]]]] = [[] for _ in range(parts)]
    for keys in d._band_keys(range(d.options.bands)):
        for r, chosen in enumerate(_choices(keys, parts)):
            picked = list(compress(keys, chosen))
            out[r].append((picked if wide else array("Q", picked), array("I", compress(nodes.ids, chosen))))
    return out


def _sentence_records(nodes: _Nodes, parts: int) -> list[tuple[array[int], array[int], dict[int, str | None]]]:
    """For each sentence partition: the indexed sentence hashes of this partition's nodes
    that go there (by hash), their nodes, and those nodes' outlets."""
    d = nodes.deduper
    site = d._node_sites()
    out: list[tuple[array[int], array[int], dict[int, str | None]]] = []
    for chosen in _choices(d._keys, parts):
        local = list(compress(d._key_nodes, chosen))
        out.append((
            array("I", compress(d._keys, chosen)),
            array("I", [nodes.ids[n] for n in local]),
            {nodes.ids[n]: site[n] for n in set(local)},
        ))
    return out


def _by_node(keys: Sequence[Any], nodes: Sequence[int]) -> tuple[list[Any], list[int]]:
    """``keys`` and ``nodes`` in node order (a node's keys kept in their order), as a
    local run holds them."""
    order = sorted(range(len(nodes)), key=nodes.__getitem__)
    return [keys[i] for i in order], [nodes[i] for i in order]


def _spread(pairs: Iterable[tuple[int, int]], parts: int) -> list[array[int]]:
    """``pairs`` as 64-bit codes (``a << 32 | b``), for each check partition those that go there."""
    out = [array("Q") for _ in range(parts)]
    for a, b in pairs:
        out[((a * _SPREAD) ^ b) % parts].append((a << 32) | b)
    return out


def _band_pairs(items: list[list[tuple[Any, array[int]]]], options: DedupeOptions, parts: int) -> list[array[int]]:
    """A band partition: the pairs of nodes sharing a bucket of any band, for the check partitions."""
    d = Deduper(options)
    pairs: set[tuple[int, int]] = set()
    for band in range(options.bands):
        keys: list[Any] = []
        nodes: list[int] = []
        for item in items:
            keys.extend(item[band][0])
            nodes.extend(item[band][1])
        d._links(*_by_node(keys, nodes), pairs)
    return _spread(pairs, parts)


def _sentence_pairs(
    items: list[tuple[array[int], array[int], dict[int, str | None]]],
    bodies: list[Counter[str | None]], options: DedupeOptions, parts: int,
) -> list[Any]:
    """A sentence partition: the pairs of nodes sharing an indexed sentence, for the check
    partitions, and (the last item) the sentence hashes that are a site's chrome."""
    d = Deduper(options)
    keys: list[int] = []
    nodes: list[int] = []
    site: dict[int, str | None] = {}
    for k, n, s in items:
        keys.extend(k)
        nodes.extend(n)
        site.update(s)
    keys, nodes = _by_node(keys, nodes)
    pairs: set[tuple[int, int]] = set()
    d._links(keys, nodes, pairs)
    chrome: set[int] = set()
    if options.site_pages and keys:
        chrome, _ = d._chrome_of(array("I", keys), nodes, site, sum(bodies, Counter()))
    return [*_spread(pairs, parts), chrome]


def _wanted(lsh: list[array[int]], by_sentence: list[array[int]]) -> tuple[tuple[set[int], set[int]], array[int]]:
    """A check partition's pairs (as codes: from the bands, from the sentence index) and
    the nodes they name."""
    found, shared = set(chain.from_iterable(lsh)), set(chain.from_iterable(by_sentence))
    nodes = {c >> 32 for c in found | shared} | {c & _LOW32 for c in found | shared}
    return (found, shared), array("I", sorted(nodes))


_BARE = ArticleInfo("", "", 0, 0, "", None, None, 0, 0)
"""What a check needs of an article's metadata: nothing (so none is sent)."""


def _select(nodes: _Nodes, wanted: Sequence[int]) -> list[tuple[int, Fingerprint]]:
    """Of the ``wanted`` nodes, those held here, with their first article's fingerprint
    (all a check needs of it: not its metadata)."""
    fps = nodes.fps
    return [(n, replace(fps[n], info=_BARE)) for n in wanted if n in fps]


def _select_members(nodes: _Nodes, wanted: Sequence[int]) -> list[tuple[int, Fingerprint]]:
    """Of the ``wanted`` nodes, those held here: every one of their articles, with its
    index and fingerprint."""
    fps, members = nodes.fps, nodes.members
    return [(i, fps[i]) for n in wanted if n in fps for i in members.get(n, (n,))]


def _deduper_of(fps: Iterable[Fingerprint], chrome_parts: list[set[int]], options: DedupeOptions) -> Deduper:
    """A :class:`Deduper` of ``fps`` (in input order), a site's chrome found among them
    as the sentence partitions found it."""
    d = Deduper(options)
    for fp in fps:
        d.add_fingerprint(fp)
    chrome = set().union(*chrome_parts)
    if chrome:
        d._chrome = chrome
        d._chromed = {node for key, node in zip(d._keys, d._key_nodes, strict=True) if key in chrome}
    return d


def _check_part(
    pairs: tuple[set[int], set[int]], selected: list[list[tuple[int, Fingerprint]]],
    chrome_parts: list[set[int]], options: DedupeOptions,
) -> tuple[int, list[Passed]]:
    """A check partition: how many candidates it had, and those that passed their check
    (the estimates' filter as in :meth:`Deduper.candidate_pairs`)."""
    got = sorted(chain.from_iterable(selected), key=lambda x: x[0])
    ids = [n for n, _ in got]
    d = _deduper_of((fp for _, fp in got), chrome_parts, options)
    local = {n: i for i, n in enumerate(ids)}
    found, shared = ({(local[c >> 32], local[c & _LOW32]) for c in codes} for codes in pairs)
    out = d._estimates(found, options.min_estimate)
    out += d._estimates(shared.difference((a, b) for _, a, b in out), 0.0)
    passed: list[Passed] = []
    cache: dict[int, list[str]] = {}
    for estimate, a, b in out:
        pair = d._check(a, b, cache)
        if d._relation(a, b, pair) is not None:
            passed.append((estimate, ids[a], ids[b], pair))
    return len(found | shared), passed


def _passed_codes(checked: tuple[int, list[Passed]]) -> tuple[int, array[int]]:
    """What comes back of a check partition: its number of candidates, and the pairs that
    passed as codes (``a << 32 | b``); their checks stay."""
    count, passed = checked
    return count, array("Q", [(a << 32) | b for _, a, b, _ in passed])


def _select_passed(checked: tuple[int, list[Passed]], wanted: Sequence[int]) -> list[Passed]:
    """The pairs of a check partition that passed, of the ``wanted`` nodes (both are in one group)."""
    inside = set(wanted)
    return [p for p in checked[1] if p[1] in inside]


def _clusters_part(
    groups: list[list[int]], passed: list[list[Passed]], selected: list[list[tuple[int, Fingerprint]]],
    chrome_parts: list[set[int]], options: DedupeOptions,
) -> list[Cluster]:
    """A cluster partition: the clusters of its ``groups`` of linked nodes, from the
    checks of the pairs that passed (the others are made again where needed)."""
    got = sorted(chain.from_iterable(selected), key=lambda x: x[0])
    index_of = [i for i, _ in got]
    d = _deduper_of((fp for _, fp in got), chrome_parts, options)
    article = {i: k for k, i in enumerate(index_of)}
    node_of = d._node_of
    work = _Work(d, {}, set(), {})
    for _, a, b, pair in sorted(chain.from_iterable(passed), key=lambda t: (-t[0], t[1], t[2])):  # in check order
        la, lb = node_of[article[a]], node_of[article[b]]
        work.pairs[la, lb] = pair
        work.links.setdefault(la, []).append(lb)
        work.links.setdefault(lb, []).append(la)
    articles_of: dict[int, list[int]] = {}
    for k, node in enumerate(node_of):
        articles_of.setdefault(node, []).append(k)
    out: list[Cluster] = []
    for group in groups:
        indices = sorted(chain.from_iterable(articles_of[node_of[article[n]]] for n in group))
        for cluster in work.split(indices):
            out.append(Cluster(tuple(replace(m, index=index_of[m.index]) for m in cluster.members)))
    return out


def _size(value: object) -> int:
    """Bytes of ``value`` as sent between workers (pickled)."""
    return len(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))


# -- on the driver -----------------------------------------------------------------------


@dataclass(slots=True)
class ShuffleBytes:
    """Bytes sent through each shuffle of a run (pickled, as between two machines; on one
    machine a worker's own partitions do not move): the fingerprints to the node
    partitions, the band keys, the sentence hashes, the pairs to check, the fingerprints
    joined to the pairs (``checks``) and those of the groups' articles (``groups``)."""

    fingerprints: int = 0
    bands: int = 0
    sentences: int = 0
    pairs: int = 0
    checks: int = 0
    groups: int = 0

    @property
    def total(self) -> int:
        return self.fingerprints + self.bands + self.sentences + self.pairs + self.checks + self.groups


@dataclass(slots=True)
class _Stage:
    """Submitting tasks to the cluster, and (when measured) the bytes their results weigh."""

    client: Any
    measure: ShuffleBytes | None
    sizes: dict[str, list[Any]]

    def submit(self, fn: Callable[..., Any], *args: Any) -> Any:
        return self.client.submit(fn, *args, pure=False)

    def parts(self, future: Any, count: int, shuffle: str | None = None) -> list[Any]:
        """The ``count`` items of a task's list result, each a future of its own."""
        items = [self.client.submit(getitem, future, r, pure=False) for r in range(count)]
        if self.measure is not None and shuffle is not None:
            self.sizes.setdefault(shuffle, []).extend(self.submit(_size, x) for x in items)
        return items

    def measured(self, shuffle: str, futures: list[Any]) -> None:
        if self.measure is not None:
            self.sizes.setdefault(shuffle, []).extend(self.submit(_size, x) for x in futures)

    def total(self) -> None:
        if self.measure is not None:
            for name, futures in self.sizes.items():
                setattr(self.measure, name, getattr(self.measure, name) + sum(self.client.gather(futures)))


def dedupe_on_cluster(
    sources: Sequence[str], options: DedupeOptions, reader: Reader, *, keep_articles: bool = False,
    measure: ShuffleBytes | None = None, stats: DedupeStats | None = None,
) -> DedupeRun:
    """:func:`newskit.dedupe.dedupe_inputs` on ``reader``'s Dask cluster (see the module
    docs); ``measure`` adds up the bytes of each shuffle (at the cost of pickling them),
    ``stats`` gets the counts (see :func:`find_clusters_on`)."""
    engine = reader.engine
    assert engine is not None
    kept = Kept(_articles_part) if keep_articles else Kept(_count_part, int)
    fn = document_pairs if keep_articles else document_fingerprints
    articles: list[Article] = []
    total = 0
    value: Any
    for value in reader.map(partial(fn, options=options), sources, kept=kept):
        if keep_articles:
            articles.extend(value)
            total += len(value)
        else:
            total += value
    client = engine.client()
    stage = _Stage(client, measure, {})
    clusters = _clusters(stage, kept.chunks, options, _parts(engine, total), stats) if total else []
    stage.total()
    return DedupeRun(clusters, total, articles)


SCATTER = 1000
"""Fingerprints sent to the cluster at a time by :func:`find_clusters_on`."""


def find_clusters_on(
    engine: DaskEngine, fingerprints: Iterable[Fingerprint], options: DedupeOptions | None = None, *,
    parts: int | None = None, measure: ShuffleBytes | None = None, stats: DedupeStats | None = None,
) -> list[Cluster]:
    """The clusters of ``fingerprints`` (in input order, made with ``options``), found on
    ``engine``'s cluster as :func:`dedupe_on_cluster` finds them: what
    :meth:`Deduper.clusters` gives, for fingerprints made in this process (sent to the
    cluster :data:`SCATTER` at a time). ``parts``: the number of partitions of each
    shuffle (the result does not depend on it). ``stats`` gets the counts of
    :attr:`Deduper.stats` but ``empty``, ``short`` and ``checked``."""
    options = options or DedupeOptions()
    client = engine.client()
    chunks: list[tuple[Any, int]] = []
    batch: list[Fingerprint] = []
    for fp in chain(fingerprints, [None]):
        if fp is not None:
            batch.append(fp)
        if batch and (fp is None or len(batch) >= SCATTER):
            chunks.append((client.scatter([[batch]], hash=False)[0], len(batch)))
            batch = []
    total = sum(n for _, n in chunks)
    stage = _Stage(client, measure, {})
    found = _clusters(stage, chunks, options, parts or _parts(engine, total), stats) if total else []
    stage.total()
    return found


def _parts(engine: DaskEngine, total: int) -> int:
    """Partitions of each shuffle for ``total`` articles: two a worker, more for many articles."""
    return max(2 * engine.slots(), -(-total // PART_ARTICLES))


def _clusters(
    stage: _Stage, chunks: list[tuple[Any, int]], options: DedupeOptions, parts: int,
    stats: DedupeStats | None = None,
) -> list[Cluster]:
    """Stages 2 to 5 of the module docs, over the parsing tasks' kept fingerprints
    (``chunks`` is emptied as they are taken). The futures of each stage are let go once
    the next is submitted, so that the workers free what no task needs any more."""
    routed: list[list[Any]] = []
    offset = 0
    for start in range(0, len(chunks), ROUTE_TASKS):
        batch = chunks[start : start + ROUTE_TASKS]
        routed.append(stage.parts(stage.submit(_route, [f for f, _ in batch], offset, parts), parts + 1))
        offset += sum(n for _, n in batch)
    stage.measured("fingerprints", [r[q] for r in routed for q in range(parts)])
    nodes = [stage.submit(_nodes, [r[q] for r in routed], options) for q in range(parts)]
    summaries = [stage.submit(_summary, n) for n in nodes]
    short = [r[parts] for r in routed]
    bodies = [stage.submit(getitem, s, 1) for s in summaries] + short
    chunks.clear()
    del routed
    bands = [stage.parts(stage.submit(_band_records, n, parts), parts, "bands") for n in nodes]
    sentences = [stage.parts(stage.submit(_sentence_records, n, parts), parts, "sentences") for n in nodes]
    by_band = [stage.parts(stage.submit(_band_pairs, [b[r] for b in bands], options, parts), parts, "pairs")
               for r in range(parts)]
    del bands
    by_sentence = [
        stage.parts(stage.submit(_sentence_pairs, [s[r] for s in sentences], bodies, options, parts), parts + 1,
                    "pairs")
        for r in range(parts)
    ]
    del sentences
    chrome = [s[parts] for s in by_sentence]
    checked = []
    for c in range(parts):
        wanted = stage.submit(_wanted, [b[c] for b in by_band], [s[c] for s in by_sentence])
        pairs, needed = stage.parts(wanted, 2)
        selected = [stage.submit(_select, n, needed) for n in nodes]
        stage.measured("checks", selected)
        checked.append(stage.submit(_check_part, pairs, selected, chrome, options))
    del by_band, by_sentence
    results = stage.client.gather([stage.submit(_passed_codes, c) for c in checked])
    passed = array("Q", chain.from_iterable(codes for _, codes in results))
    members: dict[int, list[int]] = {}
    summed = stage.client.gather(summaries)
    for copies, _, _ in summed:
        members.update(copies)
    groups = _groups(passed, members)
    out: list[Cluster] = []
    if groups:
        shares = min(parts, len(groups))
        tasks = []
        for g in range(shares):
            mine = groups[g::shares]
            inside = {n for group in mine for n in group}
            wanted_nodes = array("I", sorted(inside))
            selected = [stage.submit(_select_members, n, wanted_nodes) for n in nodes]
            stage.measured("groups", selected)
            its = [stage.submit(_select_passed, c, wanted_nodes) for c in checked]
            tasks.append(stage.submit(_clusters_part, mine, its, selected, chrome, options))
        out = [c for found in stage.client.gather(tasks) for c in found]
    out.sort(key=lambda c: min(m.index for m in c.members))
    if stats is not None:
        stats.articles = offset
        stats.distinct = sum(n for _, _, n in summed) + sum(sum(c.values()) for c in stage.client.gather(short))
        stats.candidates = sum(n for n, _ in results)
        stats.duplicates = len(passed)
        stats.site_chrome = len(set().union(*stage.client.gather(chrome)))
        stats.clusters = len(out)
    return out


def _groups(passed: array[int], members: dict[int, list[int]]) -> list[list[int]]:
    """The nodes linked by the pairs that passed (as codes), and the nodes of exact
    copies, in groups (each sorted)."""
    linked = sorted({c >> 32 for c in passed} | {c & _LOW32 for c in passed} | set(members))
    at = {n: i for i, n in enumerate(linked)}
    uf = UnionFind(len(linked))
    for c in passed:
        uf.union(at[c >> 32], at[c & _LOW32])
    groups: dict[int, list[int]] = {}
    for n in linked:
        groups.setdefault(uf.find(at[n]), []).append(n)
    return list(groups.values())
