"""newskit.dedupe called directly: the sample pair, exact copies, thresholds, keep policies."""

from __future__ import annotations

import pickle
import random
from dataclasses import replace
from pathlib import Path

import pytest

from newskit.dedupe import (
    Cluster,
    DedupeError,
    DedupeOptions,
    Deduper,
    Keep,
    Relation,
    choose_kept,
    compare,
    dedupe_inputs,
    find_clusters,
    fingerprint,
    fingerprint_inputs,
    relation,
)
from newskit.errors import NewskitError
from newskit.model import Article, content_id
from newskit.sentences import PairScore

ROOT = Path(__file__).resolve().parent.parent
RFE = ROOT / "data" / "000_120db16d2a8201b2.txt"
ARAB = ROOT / "data" / "003_c01d65e13833c80f.txt"

# -- synthetic articles ------------------------------------------------------------------

_WORDS = (
    "council harbour minister budget rail strike union teachers flood river bridge court "
    "judge appeal election vote senator treaty border trade tariff grain farmers drought "
    "hospital nurses vaccine clinic museum painting auction storm coast airport pilots "
    "factory workers wages bank rates inflation mayor police station festival orchestra "
    "library scientists telescope comet satellite launch rocket engine miners tunnel"
).split()


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(_WORDS) for _ in range(rng.randint(9, 18))]
    return " ".join(words).capitalize() + "."


def _story(seed: int, sentences: int = 12) -> list[str]:
    rng = random.Random(seed)
    return [_sentence(rng) for _ in range(sentences)]


def _article(body: list[str], n: int, **kw: object) -> Article:
    return Article(source=f"s{n}.txt", start=1, end=len(body) + 1, body=body, id=f"id{n}", **kw)


def _rewrite(body: list[str], seed: int, changed: float) -> list[str]:
    """Change round(changed x n) sentences (dropped, reworded, or one added next to it, in
    turn) and one word in each of the others."""
    rng = random.Random(seed)
    picked = rng.sample(range(len(body)), round(changed * len(body)))
    op = {i: ("drop", "reword", "add")[k % 3] for k, i in enumerate(sorted(picked))}
    out = []
    for i, s in enumerate(body):
        if op.get(i) == "drop":
            continue
        if op.get(i) == "reword":
            out.append(_sentence(rng))  # beyond recognition
            continue
        if op.get(i) == "add":
            out.append(_sentence(rng))
        words = s.split()
        words[rng.randrange(len(words))] = rng.choice(_WORDS)
        out.append(" ".join(words))
    return out


def _ids(clusters: list[Cluster]) -> list[set[str]]:
    return [{m.id for m in c.members} for c in clusters]


# -- the sample pair (needs the parser) ----------------------------------------------------


@pytest.fixture(scope="module")
def samples() -> list[Article]:
    pipeline = pytest.importorskip("newskit.pipeline")
    return pipeline.parse_file(RFE).articles + pipeline.parse_file(ARAB).articles


def test_sample_pair_is_one_cluster_and_hamas_stays_alone(samples: list[Article]) -> None:
    rfe, arab, hamas = samples
    assert "Hamas" in hamas.title
    clusters = find_clusters(samples)
    assert _ids(clusters) == [{rfe.id, arab.id}]
    rep, other = clusters[0].members
    assert rep.id == rfe.id  # keep=first: the first in input order represents the cluster
    assert (rep.share, rep.similarity, rep.exact) == (1.0, 1.0, True)
    # Wire rewrite: most of RFE/RL's text is in the Arab News version, about 70% the other way.
    assert other.id == arab.id and not other.exact
    assert other.shared == 9 and other.sentences == 15
    assert 0.6 < other.share < 0.8
    assert 0.6 < other.similarity < 0.8
    assert other.outlet == "Arab News" and other.date == "2020-10-01"


def test_sample_pair_is_below_usual_web_dedupe_thresholds(samples: list[Article]) -> None:
    rfe, arab, hamas = samples
    a, b, h = (fingerprint(x) for x in (rfe, arab, hamas))
    k = DedupeOptions().num_perm
    sig_a, sig_b, sig_h = (list(memoryview(f.signature).cast("I")) for f in (a, b, h))
    jaccard = sum(x == y for x, y in zip(sig_a, sig_b, strict=True)) / k
    assert 0.2 < jaccard < 0.6  # a 0.7-0.8 shingle Jaccard threshold would miss the pair
    assert sum(x == y for x, y in zip(sig_a, sig_h, strict=True)) / k < 0.05
    assert compare(a, h).similarity == 0.0
    assert compare(b, h).similarity == 0.0


def test_sample_pair_threshold_is_respected(samples: list[Article]) -> None:
    rfe, arab, _ = samples
    score = compare(fingerprint(rfe), fingerprint(arab)).similarity
    # Most of each is in the other (91% and 69%): containment alone would join them.
    alone = {"containment": 1.0}
    assert find_clusters([rfe, arab], DedupeOptions(threshold=score - 0.01, **alone))
    assert not find_clusters([rfe, arab], DedupeOptions(threshold=score + 0.01, **alone))
    assert find_clusters([rfe, arab], DedupeOptions(threshold=score + 0.01))


def test_workers_give_the_same_clusters(samples: list[Article]) -> None:
    paths = [str(RFE), str(ARAB)]
    one, two = Deduper(), Deduper()
    for fp in fingerprint_inputs(paths, workers=1):
        one.add_fingerprint(fp)
    for fp in fingerprint_inputs(paths, workers=2):
        two.add_fingerprint(fp)
    assert one.clusters() == two.clusters() == find_clusters(samples)


def test_unreadable_input_goes_to_on_error(tmp_path: Path) -> None:
    errors: list[NewskitError] = []
    missing = str(tmp_path / "missing.txt")
    fps = list(fingerprint_inputs([missing, str(RFE)], on_error=errors.append))
    assert len(fps) == 1 and len(errors) == 1 and "missing.txt" in str(errors[0])
    with pytest.raises(NewskitError):
        list(fingerprint_inputs([missing]))


# -- exact copies ----------------------------------------------------------------------


def test_exact_copies_cluster_without_regard_to_case_quotes_and_spacing() -> None:
    rest = _story(5, 4)
    body = ['He said: "We can\'t tolerate the threats."', "The U.S. envoy left on Monday.", *rest]
    copy = ["He said: “We can’t  tolerate the THREATS.”", "The U.S. envoy left on Monday.", *rest]
    other = _story(1)
    arts = [_article(body, 0), _article(other, 1), _article(copy, 2, title="Other title")]
    clusters = find_clusters(arts)
    assert _ids(clusters) == [{"id0", "id2"}]
    copy_member = clusters[0].members[1]
    assert copy_member.exact and copy_member.similarity == 1.0 and copy_member.share == 1.0


def test_articles_without_body_join_nothing() -> None:
    """Not even articles of the same content id (two pages of one title and no body)."""
    arts = [
        Article(source="a", start=1, end=1, title="T", id="same"),
        Article(source="b", start=1, end=1, title="T", id="same"),
        Article(source="c", start=1, end=1, title="U", id="other"),
    ]
    deduper = Deduper()
    for a in arts:
        deduper.add(a)
    assert deduper.clusters() == []
    assert deduper.stats.empty == 3


# -- near duplicates -------------------------------------------------------------------


@pytest.mark.parametrize("changed", [0.1, 0.2, 0.3, 0.4])
def test_rewrites_are_found_and_unrelated_stories_are_not(changed: float) -> None:
    bases = [_story(seed, 14) for seed in range(12)]
    arts = [_article(b, i) for i, b in enumerate(bases)]
    arts += [_article(_rewrite(b, 100 + i, changed), 100 + i) for i, b in enumerate(bases)]
    clusters = find_clusters(arts)
    assert sorted(_ids(clusters), key=sorted) == sorted(
        ({f"id{i}", f"id{100 + i}"} for i in range(12)), key=sorted
    )


@pytest.mark.parametrize(
    "options",
    [
        DedupeOptions(band_rows=1, num_perm=64),
        DedupeOptions(band_rows=4, num_perm=256),
        DedupeOptions(shingle=1, band_rows=4, num_perm=256),
        DedupeOptions(shingle=2, sample=2),
        DedupeOptions(sample=4, num_perm=64),
    ],
)
def test_other_signature_settings_find_the_rewrites(options: DedupeOptions) -> None:
    bases = [_story(seed, 14) for seed in range(6)]
    arts = [_article(b, i) for i, b in enumerate(bases)]
    arts += [_article(_rewrite(b, 300 + i, 0.2), 300 + i) for i, b in enumerate(bases)]
    assert sorted(_ids(find_clusters(arts, options)), key=sorted) == sorted(
        ({f"id{i}", f"id{300 + i}"} for i in range(6)), key=sorted
    )


def test_clusters_do_not_chain() -> None:
    """A-B and B-C are duplicates, A and C share nothing: never one cluster."""
    a = _story(7, 10)
    b = a[:6] + _story(8, 6)  # 6 of its 12 sentences are A's
    c = b[6:] + _story(9, 2)  # 6 of its 8 sentences are B's, none is A's
    arts = [_article(a, 0), _article(b, 1), _article(c, 2)]
    fa, fb, fc = (fingerprint(x) for x in arts)
    assert compare(fa, fc).similarity == 0.0
    assert compare(fa, fb).similarity >= 0.5 and compare(fb, fc).similarity >= 0.5
    (cluster,) = find_clusters(arts)  # union-find alone: one cluster of all three
    ids = {m.id for m in cluster.members}
    assert "id1" in ids and len(ids) == 2  # B, the text both share, and one of them
    assert cluster.origin.id == "id1"


def test_every_member_is_a_duplicate_of_the_origin() -> None:
    """A chain of rewrites, each dropping the first quarter of the one before it and
    adding as much: neighbours are duplicates, the ends are not; no cluster holds a
    member that is not a duplicate of its origin."""
    chain = [_story(500, 16)]
    for k in range(1, 6):
        chain.append(chain[-1][4:] + _story(500 + k, 4))
    arts = [_article(body, i) for i, body in enumerate(chain)]
    fps = [fingerprint(x) for x in arts]
    assert compare(fps[0], fps[1]).similarity >= 0.5 and compare(fps[0], fps[4]).similarity == 0
    clusters = find_clusters(arts)
    assert len(clusters) >= 2  # union-find alone: one cluster of all six
    for cluster in clusters:
        ids = {m.id for m in cluster.members}
        assert not {"id0", "id4"} <= ids and not {"id0", "id5"} <= ids
        origin = fps[int(cluster.origin.id[2:])]
        for m in cluster.members:
            if m.id != cluster.origin.id:
                assert compare(fps[int(m.id[2:])], origin).similarity >= 0.5


def test_a_brief_contained_in_a_long_story_is_found_by_the_sentence_index() -> None:
    """Briefs of 6 sentences cut whole from stories of 60: shingle Jaccard about 0.1,
    similarity about 0.2. They are ``contained``; the LSH bands alone miss many."""
    stories = [_story(600 + k, 60) for k in range(12)]
    arts = [_article(body, k) for k, body in enumerate(stories)]
    arts += [_article(body[20:26], 100 + k) for k, body in enumerate(stories)]
    jaccards = []
    for k in range(12):
        long, brief = fingerprint(arts[k]), fingerprint(arts[12 + k])
        sig_a, sig_b = (memoryview(f.signature).cast("I") for f in (long, brief))
        jaccards.append(sum(x == y for x, y in zip(sig_a, sig_b, strict=True)) / 128)
        assert compare(long, brief).similarity < 0.25
    assert max(jaccards) < 0.2
    clusters = find_clusters(arts)
    assert sorted(_ids(clusters), key=sorted) == sorted(
        ({f"id{k}", f"id{100 + k}"} for k in range(12)), key=sorted
    )
    for cluster in clusters:
        story, brief = sorted(cluster.members, key=lambda m: -m.words)
        assert (story.relation, brief.relation) == (Relation.ORIGIN, Relation.CONTAINED)
        assert brief.from_origin == 1.0 and brief.own == 0.0
        assert 0.85 < story.own < 0.95  # 54 of its 60 sentences are its own
    without_index = find_clusters(arts, DedupeOptions(index_words=0))
    assert len(without_index) < 12
    assert find_clusters(arts, DedupeOptions(containment=1.0, threshold=0.9)) == clusters


def test_relation_of_a_pair() -> None:
    options = DedupeOptions()
    contained = PairScore(0.3, 1.0, 0.2, 5, 5, 5, 25)
    assert relation(contained, options, a_shorter=True) is Relation.CONTAINED
    assert relation(contained, options, a_shorter=False) is None  # B is not mostly in A
    both = PairScore(0.45, 0.7, 0.65, 9, 9, 12, 13)  # most of each in the other
    assert relation(both, options, a_shorter=True) is Relation.REWRITE
    assert relation(PairScore(0.55, 0.5, 0.5, 5, 5, 10, 10), options, a_shorter=True) is (
        Relation.REWRITE
    )
    assert relation(PairScore(0.45, 0.5, 0.4, 5, 5, 10, 12), options, a_shorter=True) is None


def test_chrome_bodies_are_no_copies() -> None:
    """Identical bodies with too little prose (a menu, a few short lines) join nothing,
    not even the same article twice."""
    menu = [" ".join(_WORDS[i : i + 3]).title() for i in range(0, 60, 3)]  # 20 items
    short = ["The council met today.", "It will meet again soon.", "Rain is expected."]  # 9 prose words
    arts = [
        _article(menu, 0, title="Harbour news"),
        _article(menu, 1, title="Rail news"),
        _article(short, 2, title="One"),
        _article(short, 3, title="Two"),
    ]
    arts = [replace(a, id=content_id(a.title, a.body)) for a in arts]
    deduper = Deduper()
    for a in arts:
        deduper.add(a)
    assert deduper.clusters() == [] and deduper.stats.short == 4
    assert fingerprint(arts[0]).info.prose == 0 and fingerprint(arts[2]).info.prose == 9
    assert find_clusters([arts[0], arts[0]]) == []
    assert find_clusters(arts[:2], DedupeOptions(min_prose=0))  # the gate is what holds them


def test_origin_is_what_the_others_share_most_then_the_earliest() -> None:
    story = _story(700, 24)
    brief = story[:6]
    rewrite = _rewrite(story, 701, 0.2)
    arts = [
        _article(brief, 0, published="2020-10-01"),
        _article(rewrite, 1, published="2020-10-01"),
        _article(story, 2, published="2020-10-03"),
        _article(story, 3, published="2020-10-02"),  # an exact copy, a day earlier
    ]
    (cluster,) = find_clusters(arts)
    assert cluster.representative.id == "id0"  # keep=first
    assert cluster.origin.id == "id3"  # the story; of its two copies the earlier one
    by_id = {m.id: m for m in cluster.members}
    assert by_id["id2"].relation is Relation.COPY
    assert by_id["id0"].relation is Relation.CONTAINED and by_id["id0"].from_origin == 1.0
    assert by_id["id1"].relation is Relation.REWRITE and 0.5 < by_id["id1"].from_origin < 1
    assert by_id["id0"].own == 0.0 and by_id["id2"].own == by_id["id3"].own == 0.0
    assert by_id["id1"].own > 0.05  # the sentences the rewrite added


def test_a_shared_boilerplate_sentence_does_not_make_duplicates() -> None:
    line = "Sign up for our newsletter to get the top stories of the day in your inbox."
    arts = [_article(_story(seed, 10) + [line], seed) for seed in range(60)]
    assert find_clusters(arts) == []


def test_a_big_family_of_copies_is_chained_not_paired() -> None:
    shared = _story(60, 8)
    arts = [_article(shared + _story(seed, 2), seed) for seed in range(40)]
    runs = {}
    for max_bucket in (50, 5):
        deduper = Deduper(DedupeOptions(max_bucket=max_bucket))
        for art in arts:
            deduper.add(art)
        assert _ids(deduper.clusters()) == [{f"id{i}" for i in range(40)}]
        runs[max_bucket] = deduper.stats.candidates
    assert runs[50] == 40 * 39 // 2  # every pair shares a bucket
    assert runs[5] < 200  # chains: about one pair per member and band at most


def test_a_cluster_beyond_every_pair_compared_still_has_an_origin() -> None:
    """70 rewrites of one story (more than ORIGIN_PAIRS_MAX): not every pair of them is
    compared, yet every one joins the origin, and the origin's copy is named copy."""
    shared = _story(61, 8)
    arts = [_article(shared + _story(seed, 2), seed) for seed in range(70)]
    arts.append(_article(arts[5].body, 99))
    (cluster,) = find_clusters(arts)
    assert len(cluster) == 71
    assert cluster.origin.relation is Relation.ORIGIN
    assert sum(m.relation is Relation.ORIGIN for m in cluster.members) == 1
    assert all(m.from_origin >= 0.6 for m in cluster.members)


def test_threshold_is_respected_on_synthetic_pair() -> None:
    base = _story(3, 10)
    arts = [_article(base, 0), _article(base[:6] + _story(4, 4), 1)]
    score = compare(fingerprint(arts[0]), fingerprint(arts[1])).similarity
    assert 0.5 < score < 0.7
    alone = {"containment": 1.0}  # 6 of 10 sentences each way: containment would join them
    assert len(find_clusters(arts, DedupeOptions(threshold=score, **alone))) == 1
    assert find_clusters(arts, DedupeOptions(threshold=min(1.0, score + 0.001), **alone)) == []


def test_candidate_search_shared_out_gives_the_same_result(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    bases = [_story(seed, 10) for seed in range(10)]
    arts = [_article(b, i) for i, b in enumerate(bases)]
    arts += [_article(_rewrite(b, 70 + i, 0.3), 70 + i) for i, b in enumerate(bases)]
    serial, forked = Deduper(), Deduper()
    for art in arts:
        serial.add(art)
        forked.add(art)
    monkeypatch.setattr(Deduper, "parallel_from", 0)
    assert forked.candidate_pairs(workers=2) == serial.candidate_pairs(workers=1)
    assert forked.stats.candidates == serial.stats.candidates
    assert forked.clusters(workers=2) == serial.clusters()


def test_streaming_and_batch_agree_and_order_is_deterministic() -> None:
    bases = [_story(seed, 10) for seed in range(8)]
    arts = [_article(b, i) for i, b in enumerate(bases)]
    arts += [_article(_rewrite(b, 50 + i, 0.3), 50 + i) for i, b in enumerate(bases)]
    batch = find_clusters(arts)
    deduper = Deduper()
    for art in arts:
        deduper.add_fingerprint(pickle.loads(pickle.dumps(fingerprint(art))))
    assert deduper.clusters() == batch == find_clusters(arts)
    firsts = [min(m.index for m in c.members) for c in batch]
    assert firsts == sorted(firsts)


def test_fingerprint_keeps_no_text() -> None:
    body = _story(11, 5)
    fp = fingerprint(_article(body, 0))
    words = sum(len(s.split()) for s in body)
    assert len(fp.text) == words and fp.info.words == words and fp.info.sentences == 5
    assert not any(w in fp.text for w in _WORDS)
    assert len(fp.signature) == 4 * DedupeOptions().num_perm


# -- keep policies ---------------------------------------------------------------------


def _cluster_with(dates: list[str | None], sizes: list[int]) -> Cluster:
    body = _story(21, 12)
    arts = [
        _article(body[: sizes[i]], i, published=d)
        for i, d in enumerate(dates)
    ]
    (cluster,) = find_clusters(arts, DedupeOptions(threshold=0.3))
    assert len(cluster) == len(dates)
    return cluster


def test_choose_kept_first_longest_earliest() -> None:
    cluster = _cluster_with(["2020-10-02", "2 sec ago", "2020-10-01T08:00", None], [9, 12, 10, 11])
    assert choose_kept(cluster, "first").id == "id0"
    assert choose_kept(cluster, Keep.LONGEST).id == "id1"
    assert choose_kept(cluster, "earliest").id == "id2"
    with pytest.raises(DedupeError):
        choose_kept(cluster, "newest")


def test_earliest_with_no_dates_is_first_and_ties_go_first() -> None:
    cluster = _cluster_with([None, "yesterday", None], [10, 12, 12])
    assert choose_kept(cluster, "earliest").id == "id0"
    assert choose_kept(cluster, "longest").id == "id1"


def test_keep_option_picks_the_representative() -> None:
    body = _story(30, 12)
    arts = [_article(body[:9], 0), _article(body, 1)]
    (cluster,) = find_clusters(arts, DedupeOptions(keep="longest", threshold=0.3))
    rep, other = cluster.members
    assert rep.id == "id1" and rep.share == 1.0
    assert other.id == "id0" and other.share == 1.0 and other.shared == 9


def test_to_dict_shape() -> None:
    body = _story(40, 6)
    (cluster,) = find_clusters([_article(body, 0), _article(body, 1)])
    d = cluster.to_dict()
    assert list(d) == ["size", "representative", "origin", "members"]
    assert d["size"] == 2 and d["representative"] == d["origin"] == "id0"
    assert list(d["members"][1]) == [  # type: ignore[index]
        "id", "source", "start_line", "end_line", "title", "outlet", "date", "words",
        "sentences", "shared_sentences", "share", "similarity", "exact", "relation",
        "from_origin", "own",
    ]


# -- options ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "kwargs",
    [
        {"threshold": 0},
        {"threshold": 1.5},
        {"sentence_threshold": -0.1},
        {"shingle": 0},
        {"num_perm": 100},
        {"num_perm": 64, "band_rows": 3},
        {"sample": 3},
        {"min_estimate": 1.0},
        {"max_bucket": 1},
        {"keep": "newest"},
    ],
)
def test_bad_options_raise_a_library_error(kwargs: dict[str, object]) -> None:
    with pytest.raises(DedupeError) as info:
        DedupeOptions(**kwargs)  # type: ignore[arg-type]
    assert isinstance(info.value, NewskitError)


def test_options_are_frozen_and_keep_is_coerced() -> None:
    options = DedupeOptions(keep="earliest")
    assert options.keep is Keep.EARLIEST and options.bands == 64
    with pytest.raises(AttributeError):
        options.threshold = 0.9  # type: ignore[misc]


def test_dedupe_inputs_keeps_the_representatives_and_the_unique_ones() -> None:
    run = dedupe_inputs([str(RFE), str(ARAB), str(RFE)], keep_articles=True)
    assert run.total == 4 and len(run.articles) == 4
    assert [len(c) for c in run.clusters] == [3] and run.clustered == 3
    assert [a.source for a in run.kept()] == [str(RFE), str(ARAB)]  # RFE kept, then Hamas
    assert [a.title[:5] for a in run.kept()] == ["U.S. ", "Hamas"]
    lean = dedupe_inputs([str(RFE), str(ARAB), str(RFE)])
    assert lean.clusters == run.clusters and lean.articles == []


# -- the signature with numpy and without --------------------------------------------------


@pytest.mark.parametrize("shingle, sample, num_perm", [(3, 1, 128), (1, 1, 16), (4, 2, 1024), (10, 8, 64)])
def test_numpy_signature_is_the_pure_python_one(shingle: int, sample: int, num_perm: int) -> None:
    from newskit import dedupe

    pytest.importorskip("numpy")
    assert dedupe._numpy_agrees()  # CPython, 64-bit: the numpy path is taken
    rng = random.Random(shingle * 1000 + num_perm)
    for length in (1, 2, 3, 11, 64, 65, 200, 900, 4000):
        # a few repeated words and the whole 16-bit range but the surrogates, as _word_hashes gives
        ids = [rng.choice((rng.randrange(0xD800), rng.randrange(0xE000, 0x10000), rng.randrange(30)))
               for _ in range(length)]
        assert dedupe._signature_np(ids, shingle, sample, num_perm) == dedupe._signature_py(
            ids, shingle, sample, num_perm
        ), length


def test_fingerprints_are_the_same_without_numpy(monkeypatch: pytest.MonkeyPatch) -> None:
    from newskit import dedupe

    body = _story(5, 30)
    assert dedupe._numpy_agrees()
    with_numpy = fingerprint(_article(body, 1))
    monkeypatch.setattr(dedupe, "_NUMPY_AGREES", False)
    assert fingerprint(_article(body, 1)) == with_numpy
    assert len(with_numpy.text) >= dedupe._NUMPY_FROM  # long enough for the numpy path


def _site_pages(n: int, outlet: str, sidebar: list[str], seed: int) -> list[Article]:
    """``n`` pages of one outlet, each a short story of its own over the site's sidebar."""
    return [_article(_story(seed + k, 3) + sidebar, seed + k, outlet=outlet) for k in range(n)]


def test_a_sidebar_the_pages_of_one_site_share_makes_no_duplicates() -> None:
    # The parser kept a site's sidebar of teasers in the short bodies of its pages: the
    # pages share it, and nothing else.
    arts = _site_pages(4, "The Daily Site", _story(900, 10), 910)
    deduper = Deduper()
    for a in arts:
        deduper.add(a)
    assert deduper.clusters() == [] and deduper.stats.site_chrome == 10
    assert find_clusters(arts, DedupeOptions(site_pages=0))  # the rule is what holds them apart
    assert find_clusters(arts[::-1]) == [] and find_clusters(arts[:2]) != []  # order; two pages are no site


def test_a_sentence_pages_of_two_sites_share_is_never_chrome() -> None:
    # Wire copy: the same report on three pages of one site and on one of another.
    wire = _story(920, 12)
    arts = [_article(wire + _story(930 + k, 1), k, outlet="Site A") for k in range(3)]
    arts.append(_article(wire, 3, outlet="Site B"))
    (cluster,) = find_clusters(arts)
    assert len(cluster) == 4
    # ... and pages with no outlet are of no site: their shared text is never chrome
    plain = [replace(a, outlet=None) for a in arts[:3]]
    assert len(find_clusters(plain)) == 1


def test_a_story_one_site_ran_in_versions_among_its_other_pages_is_no_chrome() -> None:
    # Three versions of one story among ten other pages of the same outlet.
    story = _story(940, 12)
    versions = [_article(story + _story(950 + k, 1), k, outlet="Site A") for k in range(3)]
    others = [_article(_story(960 + k, 8), 10 + k, outlet="Site A") for k in range(10)]
    (cluster,) = find_clusters(versions + others)
    assert len(cluster) == 3
    assert find_clusters(versions + others, DedupeOptions(site_share=0.0)) == []  # the share is what keeps it
