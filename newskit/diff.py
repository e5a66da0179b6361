"""Comparing two reports sentence by sentence.

The sentences of A and B are paired one to one, in any order (:func:`newskit.sentences.align`,
the same alignment and the same figures dedupe uses), and each pair is compared word by word.
The result, :class:`ArticleDiff`, holds the pairs with their word-level changes, the
sentences found only in A and only in B, and the share each way. :func:`unified_lines`
renders it as text in the manner of ``diff -u``; anything fancier is for the CLI.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from rapidfuzz.distance import Indel

from .errors import NewskitError
from .model import Article
from .sentences import Token, align, body_sentences, score_alignment, tokens, words


class DiffError(NewskitError):
    """Bad diff options."""


@dataclass(frozen=True, slots=True)
class DiffOptions:
    """``sentence_threshold``: the least word-level similarity (0-1) for two sentences to
    be shown as one sentence changed rather than one removed and one added."""

    sentence_threshold: float = 0.5

    def __post_init__(self) -> None:
        if not 0 < self.sentence_threshold <= 1:
            raise DiffError(
                f"sentence_threshold must be in (0, 1], not {self.sentence_threshold!r}"
            )


@dataclass(frozen=True, slots=True)
class WordOp:
    """A run of words: ``equal`` in both, ``delete``-d from A, ``insert``-ed in B, or
    ``replace``-d (A's words by B's). ``a`` and ``b`` are the words as written; ``glue``
    is what stands between this run and the next as written: a space, or nothing where
    Chinese or Japanese characters run on."""

    op: str
    a: str
    b: str
    glue: str = " "

    def to_dict(self) -> dict[str, str]:
        return {"op": self.op, "a": self.a, "b": self.b}


@dataclass(frozen=True, slots=True)
class SentencePair:
    """Sentence ``a_index`` of A paired with sentence ``b_index`` of B (0-based)."""

    a_index: int
    b_index: int
    a: str
    b: str
    similarity: float
    ops: tuple[WordOp, ...]

    @property
    def identical(self) -> bool:
        """The same words (case, quotes, dashes and punctuation aside)."""
        return all(o.op == "equal" for o in self.ops)

    def marked(self) -> str:
        """Both sentences in one line, changes marked ``[-removed-]{+added+}``."""
        return _joined(self.ops, a=True, b=True)

    def marked_a(self) -> str:
        """Sentence A with the words B does not have marked ``[-...-]``."""
        return _joined([o for o in self.ops if o.op != "insert"], a=True, b=False)

    def marked_b(self) -> str:
        """Sentence B with the words A does not have marked ``{+...+}``."""
        return _joined([o for o in self.ops if o.op != "delete"], a=False, b=True)

    def to_dict(self) -> dict[str, object]:
        return {
            "a": self.a_index,
            "b": self.b_index,
            "similarity": round(self.similarity, 4),
            "identical": self.identical,
            "a_text": self.a,
            "b_text": self.b,
            "ops": [o.to_dict() for o in self.ops],
        }


def _joined(ops: Sequence[WordOp], *, a: bool, b: bool) -> str:
    """The runs marked (see :func:`_mark`), each followed by its glue but the last."""
    return "".join(_mark(o, a=a, b=b) + (o.glue if k < len(ops) - 1 else "") for k, o in enumerate(ops))


def _mark(op: WordOp, *, a: bool, b: bool) -> str:
    if op.op == "equal":
        return op.a if a else op.b
    parts = []
    if a and op.a:
        parts.append(f"[-{op.a}-]")
    if b and op.b:
        parts.append(f"{{+{op.b}+}}")
    return "".join(parts)


@dataclass(frozen=True, slots=True)
class Unpaired:
    """A sentence found on one side only (``index`` is 0-based in its text)."""

    index: int
    text: str

    def to_dict(self) -> dict[str, object]:
        return {"index": self.index, "text": self.text}


@dataclass(frozen=True, slots=True)
class Side:
    """What the diff says about one of the two articles."""

    id: str
    title: str
    source: str
    sentences: int
    words: int

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "title": self.title,
            "source": self.source,
            "sentences": self.sentences,
            "words": self.words,
        }


@dataclass(frozen=True, slots=True)
class ArticleDiff:
    """Two reports aligned sentence by sentence.

    ``pairs`` are in A's order; ``only_a`` and ``only_b`` in their own text's order.
    ``share_a`` is the part of A's words in sentences paired with B (and vice versa);
    ``similarity`` is the pair similarity dedupe uses (see
    :class:`newskit.sentences.PairScore`).
    """

    a: Side
    b: Side
    pairs: tuple[SentencePair, ...]
    only_a: tuple[Unpaired, ...]
    only_b: tuple[Unpaired, ...]
    share_a: float
    share_b: float
    similarity: float

    @property
    def differs(self) -> bool:
        """Whether the two differ: a sentence on one side only, or a pair with other words
        (what ``diff --exit-code`` reports)."""
        return bool(self.only_a or self.only_b) or not all(p.identical for p in self.pairs)

    def to_dict(self) -> dict[str, object]:
        return {
            "a": self.a.to_dict(),
            "b": self.b.to_dict(),
            "share_a": round(self.share_a, 4),
            "share_b": round(self.share_b, 4),
            "similarity": round(self.similarity, 4),
            "pairs": [p.to_dict() for p in self.pairs],
            "only_a": [u.to_dict() for u in self.only_a],
            "only_b": [u.to_dict() for u in self.only_b],
        }


def _run(toks: list[Token], start: int, end: int) -> str:
    """The text of tokens ``start:end`` as written, inner spacing kept, outer trimmed."""
    if start >= end:
        return ""
    return "".join(t.text + t.tail for t in toks[start:end]).strip()


def word_ops(a: str, b: str) -> tuple[WordOp, ...]:
    """Word-level changes from sentence ``a`` to sentence ``b`` (keys compared, so case,
    curly quotes and punctuation do not count as changes)."""
    _, ta = tokens(a)
    _, tb = tokens(b)
    # Runs as token ranges: [tag, A's start, A's end, B's start, B's end].
    runs: list[list[Any]] = []
    for o in Indel.opcodes([t.key for t in ta], [t.key for t in tb]):
        if runs and o.tag != "equal" and runs[-1][0] != "equal":
            last = runs[-1]  # a deletion next to an insertion is a replacement
            last[2], last[4] = o.src_end, o.dest_end
            last[0] = "replace" if last[1] < last[2] and last[3] < last[4] else o.tag
        else:
            runs.append([o.tag, o.src_start, o.src_end, o.dest_start, o.dest_end])
    return tuple(
        WordOp(tag, _run(ta, sa, ea), _run(tb, sb, eb), _glue(ta[ea - 1] if ea > sa else tb[eb - 1]))
        for tag, sa, ea, sb, eb in runs
    )


def _glue(last: Token) -> str:
    """What follows a run ending with token ``last``: a space, unless the text runs on."""
    return " " if last.tail[-1:].isspace() else ""


def diff_articles(a: Article, b: Article, options: DiffOptions | None = None) -> ArticleDiff:
    """Align two articles' bodies sentence by sentence (see the module docs)."""
    options = options or DiffOptions()
    sa = body_sentences(a.body)
    sb = body_sentences(b.body)
    ka = [words(s) for s in sa]
    kb = [words(s) for s in sb]
    # Sentences without words (a lone dash) take no part, as in dedupe.
    ia = [i for i, k in enumerate(ka) if k]
    ib = [j for j, k in enumerate(kb) if k]
    keys_a = [ka[i] for i in ia]
    keys_b = [kb[j] for j in ib]
    aligned = align(keys_a, keys_b, options.sentence_threshold)
    score = score_alignment(keys_a, keys_b, aligned)
    pairs = tuple(
        SentencePair(ia[i], ib[j], sa[ia[i]], sb[ib[j]], sim, word_ops(sa[ia[i]], sb[ib[j]]))
        for i, j, sim in aligned
    )
    paired_a = {p.a_index for p in pairs}
    paired_b = {p.b_index for p in pairs}
    return ArticleDiff(
        a=Side(a.id, a.title, a.source, len(keys_a), sum(map(len, keys_a))),
        b=Side(b.id, b.title, b.source, len(keys_b), sum(map(len, keys_b))),
        pairs=pairs,
        only_a=tuple(Unpaired(i, sa[i]) for i in ia if i not in paired_a),
        only_b=tuple(Unpaired(j, sb[j]) for j in ib if j not in paired_b),
        share_a=score.share_a,
        share_b=score.share_b,
        similarity=score.similarity,
    )


def unified_lines(diff: ArticleDiff) -> list[str]:
    """The diff as lines in the manner of ``diff -u``, in A's order.

    A header (``---``, ``+++``, and an ``@@`` line with the shares), then: ``" "`` and the
    sentence for a pair with the same words; for a changed pair, ``"-"`` with A's sentence,
    its changed words marked ``[-...-]``, and ``"+"`` with B's, marked ``{+...+}``; ``"-"``
    for a sentence only in A; ``"+"`` for a sentence only in B, placed after the sentence
    of A paired with the nearest earlier paired sentence of B.
    """
    out = [
        f"--- {_label(diff.a)}",
        f"+++ {_label(diff.b)}",
        f"@@ in common: {_pct(diff.share_a)} of A, {_pct(diff.share_b)} of B;"
        f" similarity {diff.similarity:.2f} @@",
    ]
    for row in rows(diff):
        if isinstance(row, SentencePair):
            if row.identical:
                out.append(f" {row.a}")
            else:
                out.append(f"-{row.marked_a()}")
                out.append(f"+{row.marked_b()}")
        else:
            side, sentence = row
            out.append(("-" if side == "a" else "+") + sentence.text)
    return out


def rows(diff: ArticleDiff) -> Iterator[SentencePair | tuple[str, Unpaired]]:
    """The diff in A's order: a sentence pair, or ``("a", sentence)`` / ``("b", sentence)``
    for one found on one side only. A sentence only in B comes after the sentence of A
    paired with the nearest earlier paired sentence of B."""
    pair_of_a = {p.a_index: p for p in diff.pairs}
    a_of_b = {p.b_index: p.a_index for p in diff.pairs}
    after: dict[int, list[Unpaired]] = {}
    for u in diff.only_b:
        anchor = max((j for j in a_of_b if j < u.index), default=None)
        after.setdefault(-1 if anchor is None else a_of_b[anchor], []).append(u)
    yield from (("b", u) for u in after.get(-1, []))
    only_a = {u.index: u for u in diff.only_a}
    for i in sorted([*pair_of_a, *only_a]):
        yield pair_of_a[i] if i in pair_of_a else ("a", only_a[i])
        yield from (("b", u) for u in after.get(i, []))


def _label(side: Side) -> str:
    parts = [p for p in (side.id, side.title, side.source) if p]
    return "  ".join(parts) or "(untitled)"


def _pct(x: float) -> str:
    return f"{round(100 * x)}%"
