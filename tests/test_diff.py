"""newskit.diff called directly, and the sentence and word helpers it shares with dedupe."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newskit.dedupe import compare, fingerprint
from newskit.diff import (
    ArticleDiff,
    DiffError,
    DiffOptions,
    diff_articles,
    unified_lines,
    word_ops,
)
from newskit.errors import NewskitError
from newskit.model import Article
from newskit.sentences import (
    align,
    body_sentences,
    normalize,
    score_sentences,
    sentence_keys,
    split_sentences,
    tokens,
    unify,
    words,
)

ROOT = Path(__file__).resolve().parent.parent
NOT_HAPPY = "Iraq said Monday it was “not happy” with the reported pullout threat."
Sample = tuple[Article, Article, ArticleDiff]
RFE = ROOT / "data" / "000_120db16d2a8201b2.txt"
ARAB = ROOT / "data" / "003_c01d65e13833c80f.txt"


def _art(body: list[str], id: str = "x") -> Article:
    return Article(source=f"{id}.txt", start=1, end=1, title=id.upper(), body=body, id=id)


@pytest.fixture(scope="module")
def sample_diff() -> Sample:
    pipeline = pytest.importorskip("newskit.pipeline")
    rfe = pipeline.parse_file(RFE).articles[0]
    arab = pipeline.parse_file(ARAB).articles[0]
    return rfe, arab, diff_articles(rfe, arab)


# -- the sample pair -------------------------------------------------------------------


def test_sample_diff_shared_and_one_sided_sentences(sample_diff: Sample) -> None:
    rfe, arab, d = sample_diff
    assert (d.a.id, d.b.id) == (rfe.id, arab.id)
    assert (d.a.sentences, d.b.sentences) == (10, 15)
    assert len(d.pairs) == 9

    identical = [p.a for p in d.pairs if p.identical]
    assert any(s.startswith('"The single biggest problem in Iraq') for s in identical)
    assert any(s.startswith('"We are working, and we look forward') for s in identical)

    daesh = next(p for p in d.pairs if "Daesh" in p.b)
    assert "Islamic State group" in daesh.a
    assert ("replace", "Islamic State", "Daesh") in {(o.op, o.a, o.b) for o in daesh.ops}
    assert "[-Islamic State-]{+Daesh+} group" in daesh.marked()

    only_a = [u.text for u in d.only_a]
    only_b = [u.text for u in d.only_b]
    assert only_a == [
        "Iraqi Kurdistan's counterterrorism service blamed the September 30 attack on the "
        "Popular Mobilization Forces (PMF), an Iraqi state paramilitary organization "
        "dominated by Iran-backed groups."
    ]
    assert len(only_b) == 6
    assert any(s.startswith("Also on Thursday, the US envoy on Iran") for s in only_b)
    assert NOT_HAPPY in only_b
    assert any(s.startswith("Kurdish Iraqi authorities pinned the blame") for s in only_b)

    assert 0.85 < d.share_a < 0.95  # most of RFE/RL's report is in Arab News's
    assert 0.6 < d.share_b < 0.75  # which adds context of its own
    assert d.pairs == tuple(sorted(d.pairs, key=lambda p: p.a_index))


def test_sample_diff_figures_are_dedupes_figures(sample_diff: Sample) -> None:
    rfe, arab, d = sample_diff
    score = compare(fingerprint(rfe), fingerprint(arab))
    assert d.similarity == pytest.approx(score.similarity)
    assert d.share_a == pytest.approx(score.share_a)
    assert d.share_b == pytest.approx(score.share_b)


def test_sample_unified_lines(sample_diff: Sample) -> None:
    rfe, arab, d = sample_diff
    lines = unified_lines(d)
    assert lines[0].startswith(f"--- {rfe.id}") and lines[1].startswith(f"+++ {arab.id}")
    assert lines[2] == "@@ in common: 91% of A, 69% of B; similarity 0.71 @@"
    body = lines[3:]
    assert all(line[:1] in (" ", "-", "+") for line in body)
    assert ' "The single biggest problem in Iraq is the Iranian-backed militias that are ' \
        'undermining stability there, and attacking the United States," Schenker said.' in body
    minus = next(line for line in body if "[-Islamic State-]" in line)
    plus = body[body.index(minus) + 1]
    assert minus.startswith("-A U.S. withdrawal") and plus.startswith("+A US withdrawal")
    assert "{+Daesh+} group" in plus and "[-" not in plus
    assert "-Iraqi Kurdistan's counterterrorism service" in "\n".join(body)
    # "Iraq said Monday ..." follows, in B, the sentence paired with A's "On September 28".
    sept = next(i for i, line in enumerate(body) if line.startswith("+On {+Monday+}"))
    assert body[sept + 1] == "+" + NOT_HAPPY
    # every sentence of both sides appears once
    assert sum(line.startswith(("-", " ")) for line in body) == d.a.sentences
    assert sum(line.startswith(("+", " ")) for line in body) == d.b.sentences


def test_sample_to_dict_shape(sample_diff: Sample) -> None:
    _, _, d = sample_diff
    data = json.loads(json.dumps(d.to_dict()))
    assert list(data) == ["a", "b", "share_a", "share_b", "similarity", "pairs", "only_a", "only_b"]
    assert list(data["a"]) == ["id", "title", "source", "sentences", "words"]
    pair = data["pairs"][0]
    assert list(pair) == ["a", "b", "similarity", "identical", "a_text", "b_text", "ops"]
    assert pair["ops"][:2] == [
        {"op": "equal", "a": "Washington", "b": "WASHINGTON:"},
        {"op": "replace", "a": "has", "b": "The US administration"},
    ]
    assert set(data["only_a"][0]) == {"index", "text"}
    assert data["share_a"] == round(d.share_a, 4)


# -- synthetic ---------------------------------------------------------------------------

S = [
    "The council approved the harbour budget on Monday.",
    "Teachers will strike next week over pay, the union said.",
    "A flood closed the river bridge for three days.",
    "The court rejected the appeal of the former mayor.",
]


def test_reordered_sentences_are_all_shared() -> None:
    a = _art([S[0], S[1] + " " + S[2], S[3]], "a")  # two sentences in one paragraph
    d = diff_articles(a, _art([S[3], S[2], S[0], S[1]], "b"))
    assert not d.only_a and not d.only_b
    assert {(p.a_index, p.b_index) for p in d.pairs} == {(0, 2), (1, 3), (2, 1), (3, 0)}
    assert all(p.identical for p in d.pairs)
    assert d.share_a == d.share_b == d.similarity == 1.0
    assert [line[0] for line in unified_lines(d)[3:]] == [" "] * 4


def test_one_sided_and_changed_sentences() -> None:
    a = _art([S[0], S[1], S[2]], "a")
    b = _art([S[0].replace("Monday", "Tuesday"), S[3], S[2]], "b")
    d = diff_articles(a, b)
    assert [u.text for u in d.only_a] == [S[1]]
    assert [u.text for u in d.only_b] == [S[3]]
    changed = d.pairs[0]
    assert not changed.identical and 0.5 <= changed.similarity < 1
    assert changed.marked() == "The council approved the harbour budget on [-Monday.-]{+Tuesday.+}"
    assert unified_lines(d)[3:] == [
        "-The council approved the harbour budget on [-Monday.-]",
        "+The council approved the harbour budget on {+Tuesday.+}",
        "+" + S[3],
        "-" + S[1],
        " " + S[2],
    ]


def test_nothing_in_common() -> None:
    d = diff_articles(_art(S[:2], "a"), _art(S[2:], "b"))
    assert d.pairs == () and d.similarity == d.share_a == d.share_b == 0.0
    assert [line[0] for line in unified_lines(d)[3:]] == ["+", "+", "-", "-"]


def test_sentence_threshold_decides_changed_or_one_sided() -> None:
    a = _art(["The council approved the harbour budget on Monday after a long debate."], "a")
    b = _art(["The council rejected the rail budget on Friday after a short debate."], "b")
    assert len(diff_articles(a, b, DiffOptions(sentence_threshold=0.5)).pairs) == 1
    d = diff_articles(a, b, DiffOptions(sentence_threshold=0.9))
    assert d.pairs == () and len(d.only_a) == len(d.only_b) == 1


def test_word_ops_mark_words_as_written() -> None:
    ops = word_ops(
        "because the Islamic State group threatens Iraq,",
        "because the Daesh group threatens “Iraq”",
    )
    assert [(o.op, o.a, o.b) for o in ops] == [
        ("equal", "because the", "because the"),
        ("replace", "Islamic State", "Daesh"),
        ("equal", "group threatens Iraq,", "group threatens “Iraq”"),
    ]


def test_bad_diff_options() -> None:
    with pytest.raises(DiffError) as info:
        DiffOptions(sentence_threshold=0)
    assert isinstance(info.value, NewskitError)


# -- sentences and words -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'Mr. Smith met Dr. Jones in the U.S. Capitol. They talked.',
            ["Mr. Smith met Dr. Jones in the U.S. Capitol.", "They talked."],
        ),
        (
            "The U.S. The talks went on.",  # an abbreviation that ends a sentence
            ["The U.S.", "The talks went on."],
        ),
        (
            "Prices rose 3.5% in Jan. 2020, said John F. Kennedy Jr. of Acme Inc. The firm "
            "declined.",
            ["Prices rose 3.5% in Jan. 2020, said John F. Kennedy Jr. of Acme Inc.",
             "The firm declined."],
        ),
        (
            "“We can’t tolerate the threats,” he said. “The arms are not under control.” Then.",
            ["“We can’t tolerate the threats,” he said.",
             "“The arms are not under control.”", "Then."],
        ),
        ('"Why?" he asked. Wait... What! Yes.', ['"Why?" he asked.', "Wait...", "What!", "Yes."]),
        ("At 10 a.m. the meeting began. It ended at 5 p.m. The end.",
         ["At 10 a.m. the meeting began.", "It ended at 5 p.m.", "The end."]),
        ("先日、逮捕された。報道によると、今回。", ["先日、逮捕された。", "報道によると、今回。"]),
        ("  no final stop  ", ["no final stop"]),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_words_unify_quotes_dashes_dots_and_case() -> None:
    assert words("The U.S.-led coalition’s “plan” — 3.5bn") == [
        "the", "us", "led", "coalition", "s", "plan", "35bn"
    ]
    plain = 'US-led coalition\'s "plan" -- 3.5BN'
    assert words(plain) == words("U.S.–led Coalition’s «plan» 3.5bn")
    assert words("先日、iPhone。") == ["先", "日", "iphone"]
    assert unify("“a” ‘b’ – —") == "\"a\" 'b' - -" and len(unify("“x”")) == 3
    assert normalize("  Hello\u00a0 “World”\n") == 'hello "world"'


def test_tokens_give_back_the_text_and_the_words() -> None:
    text = "He said: “The U.S.-led group — Daesh,” today."
    lead, toks = tokens(text)
    assert lead + "".join(t.text + t.tail for t in toks) == text
    assert " ".join(t.key for t in toks).split() == words(text)
    assert [t.text for t in toks][:4] == ["He", "said:", "“The", "U.S.-led"]
    assert toks[4].tail == " — "  # a lone dash has no words: it stays in the tail


def test_sentence_keys_agree_with_words() -> None:
    body = ["Mr. Smith said: “We can’t go.” He left.", "—", "Straße 5. Næste år. 先日。今回。"]
    expected = [words(s) for s in body_sentences(body)]
    assert [[k.decode() for k in s] for s in sentence_keys(body)] == [e for e in expected if e]


def test_align_is_one_to_one_and_best_first() -> None:
    a = [["a", "b", "c", "d"], ["a", "b", "c", "x"]]
    b = [["a", "b", "c", "d"]]
    assert align(a, b) == [(0, 0, 1.0)]
    score = score_sentences(a, b)
    assert (score.shared_a, score.share_a, score.share_b) == (1, 0.5, 1.0)
    assert score.similarity == pytest.approx(8 / 12)


def _align_reference(a: list[list[str]], b: list[list[str]], threshold: float) -> list:
    """The definition of align, spelt out: score every pair, take the best first."""
    from rapidfuzz.distance import Indel

    scored = sorted(
        (-Indel.normalized_similarity(x, y), i, j)
        for i, x in enumerate(a)
        for j, y in enumerate(b)
        if Indel.normalized_similarity(x, y) >= threshold
    )
    used_a: set[int] = set()
    used_b: set[int] = set()
    out = []
    for neg, i, j in scored:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            out.append((i, j, -neg))
    return sorted(out)


def test_align_matches_its_definition_on_random_texts() -> None:
    import random

    rng = random.Random(5)
    vocab = "a b c d e f".split()
    for _ in range(300):
        pool = [[rng.choice(vocab) for _ in range(rng.randint(1, 5))] for _ in range(4)]
        a = [list(rng.choice(pool)) for _ in range(rng.randint(0, 6))]
        b = [list(rng.choice(pool)) for _ in range(rng.randint(0, 6))]
        threshold = rng.choice([0.3, 0.5, 0.8])
        assert align(a, b, threshold) == _align_reference(a, b, threshold)
