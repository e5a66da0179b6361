"""Score newskit's body extraction and titles on the development corpus.

Usage:
    python bench/score_corpus.py ../shared/corpus/aeb [--variant chromium|inscriptis|both]
                                 [--worst N] [--page ID]

Body metric (the article-extraction-benchmark's own, see the corpus README): tokens are
``\\w+`` matches; units are the multiset of 4-token shingles; per page precision and
recall from multiset overlap; corpus precision and recall are the means over pages;
F1 is their harmonic mean. Title: the extracted title matches the page's ``headline``
when, after folding case and punctuation, the two (or a part of the headline split at a
site separator such as " | " or " - ") have a rapidfuzz ratio of at least 80. Date: on
the pages whose ``published`` is an ISO date, the article's published date is that day,
or within a day of it (page metadata is often in UTC, the page's text in local time).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from collections import Counter
from pathlib import Path

from rapidfuzz import fuzz

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from newskit.parser import parse_text  # noqa: E402
from newskit.reader import decode  # noqa: E402

_TOKEN = re.compile(r"\w+")
_SEP = re.compile(r"\s+(?:[|\-–—:•»]|::)\s+")


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    toks = _TOKEN.findall(text)
    if len(toks) < n:
        return Counter([tuple(toks)]) if toks else Counter()
    return Counter(tuple(toks[i : i + n]) for i in range(len(toks) - n + 1))


def page_scores(pred: str, true: str) -> tuple[float | None, float | None]:
    p, t = shingles(pred), shingles(true)
    tp = sum((p & t).values())
    fp = sum(p.values()) - tp
    fn = sum(t.values()) - tp
    prec = tp / (tp + fp) if tp + fp else None
    rec = tp / (tp + fn) if tp + fn else None
    return prec, rec


def _fold(s: str) -> str:
    return " ".join(_TOKEN.findall(s.casefold()))


def title_matches(title: str, headline: str) -> bool:
    if not title:
        return False
    t = _fold(title)
    parts = [headline, *_SEP.split(headline)]
    return any(fuzz.ratio(t, _fold(p)) >= 80 for p in parts if p.strip())


def date_match(published: str | None, truth: str | None) -> int | None:
    """2 for the same day, 1 within a day, 0 otherwise; None where the page gives no ISO date."""
    try:
        want = dt.date.fromisoformat((truth or "")[:10])
    except ValueError:
        return None
    try:
        got = dt.date.fromisoformat((published or "")[:10])
    except ValueError:
        return 0
    days = abs((got - want).days)
    return 2 if days == 0 else 1 if days == 1 else 0


def keep_all(text: str) -> str:
    """Baseline: every line is body."""
    return text


def justext_body(text: str) -> str:
    """Baseline: jusText 3 with each dump line given as a paragraph (English stoplist)."""
    import html

    import justext  # the `bench` extra

    doc = "<html><body>" + "".join(f"<p>{html.escape(x)}</p>" for x in text.split("\n") if x.strip())
    paras = justext.justext((doc + "</body></html>").encode("utf-8"), justext.get_stoplist("English"))
    return "\n\n".join(p.text for p in paras if not p.is_boilerplate)


def score_baseline(corpus: Path, variant: str, extract) -> dict:
    precs, recs = [], []
    for tf in sorted((corpus / "truth").glob("*.json")):
        truth = json.loads(tf.read_text(encoding="utf-8"))
        src = corpus / variant / f"{truth['id']}.txt"
        p, r = page_scores(extract(decode(src.read_bytes(), str(src)).text), truth["body"] or "")
        if p is not None:
            precs.append(p)
        if r is not None:
            recs.append(r)
    P, R = sum(precs) / len(precs), sum(recs) / len(recs)
    return {"precision": P, "recall": R, "f1": 2 * P * R / (P + R) if P + R else 0.0}


def score(corpus: Path, variant: str, worst: int = 0, page: str | None = None) -> dict:
    precs, recs, rows = [], [], []
    titles_ok = titles_n = reachable = 0
    dates_n = dates_day = dates_near = 0
    multi = 0
    for tf in sorted((corpus / "truth").glob("*.json")):
        truth = json.loads(tf.read_text(encoding="utf-8"))
        if page and truth["id"] != page:
            continue
        src = corpus / variant / f"{truth['id']}.txt"
        doc = parse_text(decode(src.read_bytes(), str(src)).text, str(src))
        if len(doc.articles) != 1:
            multi += 1
        pred = "\n\n".join(a.text for a in doc.articles)
        title = doc.articles[0].title if doc.articles else ""
        dated = date_match(doc.articles[0].published if doc.articles else None, truth.get("published"))
        if dated is not None:
            dates_n += 1
            dates_day += dated == 2
            dates_near += dated >= 1
        p, r = page_scores(pred, truth["body"] or "")
        if p is not None:
            precs.append(p)
        if r is not None:
            recs.append(r)
        if truth.get("headline"):
            titles_n += 1
            ok = title_matches(title, truth["headline"])
            titles_ok += ok
            # The ceiling: is the headline in the dump at all (as some line)?
            reachable += any(title_matches(x.strip(), truth["headline"])
                             for x in src.read_text(encoding="utf-8", errors="replace").split("\n")
                             if 0 < len(x.strip()) < 400)
        else:
            ok = None
        rows.append((truth["id"], truth["site"], p, r, title, truth.get("headline"), ok, len(doc.articles)))
    P = sum(precs) / len(precs) if precs else 0.0
    R = sum(recs) / len(recs) if recs else 0.0
    F = 2 * P * R / (P + R) if P + R else 0.0
    if worst or page:
        def f1(row: tuple) -> float:
            p, r = row[2] or 0.0, row[3] or 0.0
            return 2 * p * r / (p + r) if p + r else 0.0
        for row in sorted(rows, key=f1)[: worst or None]:
            print(f"{row[0]} {row[1]:<24} P={row[2] or 0:.2f} R={row[3] or 0:.2f} n={row[7]} "
                  f"title={'ok' if row[6] else 'NO'} {row[4][:60]!r} / {str(row[5])[:60]!r}",
                  file=sys.stderr)
    return {
        "variant": variant, "pages": len(rows), "precision": P, "recall": R, "f1": F,
        "titles_ok": titles_ok, "titles_n": titles_n, "titles_reachable": reachable, "pages_not_one_article": multi,
        "dates_n": dates_n, "dates_day": dates_day, "dates_near": dates_near,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path, help="the corpus folder, e.g. ../shared/corpus/aeb")
    ap.add_argument("--variant", choices=["chromium", "inscriptis", "both"], default="both")
    ap.add_argument("--worst", type=int, default=0, help="list the N worst pages on stderr")
    ap.add_argument("--page", help="score one page id only")
    ap.add_argument("--baselines", action="store_true",
                    help="also score keeping every line, and jusText (needs the bench extra)")
    args = ap.parse_args()
    if not (args.corpus / "truth").is_dir():
        print(f"score_corpus: no corpus at {args.corpus} (expected a folder with truth/, "
              "chromium/ and inscriptis/); nothing to score", file=sys.stderr)
        return 2
    variants = ["chromium", "inscriptis"] if args.variant == "both" else [args.variant]
    print("| dumps | pages | precision | recall | body F1 | title match | headline in dump at all |"
          " pages not parsed as 1 article | published date: same day / within a day |")
    print("|---|---|---|---|---|---|---|---|---|")
    for v in variants:
        s = score(args.corpus, v, args.worst, args.page)
        print(f"| {v} | {s['pages']} | {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} | "
              f"{s['titles_ok']}/{s['titles_n']} ({s['titles_ok'] / max(1, s['titles_n']):.1%}) | "
              f"{s['titles_reachable']}/{s['titles_n']} | "
              f"{s['pages_not_one_article']} | "
              f"{s['dates_day']}/{s['dates_n']} / {s['dates_near']}/{s['dates_n']} |")
    if args.baselines:
        print()
        print("| baseline | dumps | precision | recall | body F1 |")
        print("|---|---|---|---|---|")
        for name, fn in (("keep every line", keep_all), ("jusText 3, a line a paragraph", justext_body)):
            for v in variants:
                b = score_baseline(args.corpus, v, fn)
                print(f"| {name} | {v} | {b['precision']:.3f} | {b['recall']:.3f} | {b['f1']:.3f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
