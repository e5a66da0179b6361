"""Why one renderer of a page keeps less of its article than the other: the gap, page by page.

Usage:
    python -m bench.score_renderers [CORPUS] [--worst N] [--jobs N] [--json FILE]

Scores CORPUS (default ``dragnet``) in both renderings, as ``bench.score_corpus`` does, on
the two halves of its sites (``bench.score_outlet.half``: ``dev`` and ``held``), and says
for each half:

- the kept-text F1 of chromium and inscriptis, and the pages where inscriptis is lower by
  0.1 or more (its precision or its recall);
- the sum over pages of the F1 difference (chromium less inscriptis), split by the shape of
  the inscriptis dump: ``columns`` (5 lines or more holding cells side by side, set apart by
  3 spaces or more: a table-laid-out page as a text converter renders it) or ``other``;
- paragraph fragments, in each rendering: pairs of lines in a row (blanks aside), the first
  of 20 characters or more ending no sentence, the second opening in lower case; and of
  those, the pairs the truth holds as one run of text (``gold``), with how many of them the
  parser keeps both, one or neither line of.

``--worst N`` lists the N pages of the dev half with the widest gap on stderr (id, site,
F1 and P/R in each rendering, fragment pairs in each). Only ids and counts are printed.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

from newskit.model import Kind
from newskit.parse import parse_text

from . import metrics
from .benchutil import json_option, write_figures
from .corpus import corpus_path, pages, read_dump
from .score_corpus import PageResult, results
from .score_outlet import HALVES, half

COLUMN_GAP = re.compile(r"\S {3,}\S")
COLUMN_LINES = 5
_ENDS = re.compile(r"[.!?:;…\"'”’)\]]\s*$")
_SPACE = re.compile(r"\s+")
FRAGMENT_MIN = 20
WIDE_GAP = 0.1


def fragment_pairs(text: str) -> list[tuple[int, int]]:
    """Line numbers (1-based) of the pairs of lines in a row (blanks aside) that look like
    one paragraph's fragments."""
    lines = text.split("\n")
    full = [i for i, x in enumerate(lines) if x.strip()]
    found = []
    for p, q in zip(full, full[1:], strict=False):
        a, b = lines[p].strip(), lines[q].strip()
        if len(a) >= FRAGMENT_MIN and not _ENDS.search(a) and b[:1].isalpha() and b[:1].islower():
            found.append((p + 1, q + 1))
    return found


def fragments(text: str, gold: str) -> Counter[str]:
    """The fragment pairs of one dump: all, in the gold, and how many lines of them are kept."""
    counts: Counter[str] = Counter()
    pairs = fragment_pairs(text)
    counts["pairs"] = len(pairs)
    if not pairs:
        return counts
    kept = {r.no for a in parse_text(text, "x").articles for r in a.lines if r.kind is not Kind.REMOVED}
    gold = _SPACE.sub(" ", gold)
    lines = text.split("\n")
    for p, q in pairs:
        if _SPACE.sub(" ", f"{lines[p - 1].strip()} {lines[q - 1].strip()}") in gold:
            counts["gold"] += 1
            counts[("gold, both kept", "gold, one kept", "gold, none kept")[2 - (p in kept) - (q in kept)]] += 1
    return counts


def columns(text: str) -> bool:
    return sum(1 for x in text.split("\n") if COLUMN_GAP.search(x)) >= COLUMN_LINES


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", nargs="?", default="dragnet")
    ap.add_argument("--worst", type=int, default=0)
    ap.add_argument("--jobs", type=int, default=0)
    json_option(ap, "score_renderers")
    args = ap.parse_args(argv)
    corpus = corpus_path(args.corpus)
    rows: dict[str, dict[str, PageResult]] = {
        r: {x.id: x for x in results(corpus, r, jobs=args.jobs)} for r in ("chromium", "inscriptis")
    }
    truths = {p.id: p.truth for p in pages(corpus, "inscriptis")}
    dumps = {(r, i): read_dump(corpus / r / f"{i}.txt") for r in rows for i in rows[r]}
    figures: dict[str, object] = {}
    for h in HALVES:
        ids = sorted(i for i, x in rows["inscriptis"].items() if i in rows["chromium"] and half(x.site) == h)
        f1 = {r: metrics.text_score(rows[r][i].text for i in ids).f1 for r in rows}
        gap = {i: rows["chromium"][i].text.f1 - rows["inscriptis"][i].text.f1 for i in ids}
        by_shape: Counter[str] = Counter()
        shape_pages: Counter[str] = Counter()
        for i in ids:
            shape = "columns" if columns(dumps["inscriptis", i]) else "other"
            by_shape[shape] += gap[i]
            shape_pages[shape] += 1
        frags = {r: sum((fragments(dumps[r, i], str(truths[i].get("body") or "")) for i in ids), Counter())
                 for r in rows}
        wide = [i for i in ids if gap[i] >= WIDE_GAP]
        print(f"{corpus.name} {h}: {len(ids)} pages, F1 chromium {f1['chromium']:.4f}, inscriptis "
              f"{f1['inscriptis']:.4f}; inscriptis lower by {WIDE_GAP} or more on {len(wide)}")
        print("  F1 gap summed over pages: " + ", ".join(
            f"{k} {by_shape[k]:+.2f} ({shape_pages[k]} pages)" for k in sorted(shape_pages)))
        for r in rows:
            print(f"  fragment pairs, {r}: " + ", ".join(f"{k} {v}" for k, v in sorted(frags[r].items())))
        figures[f"{corpus.name}/{h}"] = {
            "pages": len(ids), "f1": f1, "wide_gap_pages": len(wide),
            "gap_by_shape": {k: round(v, 4) for k, v in sorted(by_shape.items())},
            "pages_by_shape": dict(sorted(shape_pages.items())),
            "fragments": {r: dict(sorted(frags[r].items())) for r in rows},
        }
        if h == "dev" and args.worst:
            for i in sorted(ids, key=lambda i: -gap[i])[: args.worst]:
                c, s = rows["chromium"][i].text, rows["inscriptis"][i].text
                print(f"{i}\t{rows['inscriptis'][i].site}\tc F1 {c.f1:.2f} P {c.precision or 0:.2f} "
                      f"R {c.recall or 0:.2f}\ti F1 {s.f1:.2f} P {s.precision or 0:.2f} R {s.recall or 0:.2f}"
                      f"\tfragments {len(fragment_pairs(dumps['chromium', i]))}/"
                      f"{len(fragment_pairs(dumps['inscriptis', i]))}", file=sys.stderr)
    write_figures("score_renderers", figures, Path(args.json))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())


__all__ = ["columns", "fragment_pairs", "fragments", "main"]
