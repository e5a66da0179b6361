"""The line records of every dev dump, stored once and compared with later runs.

Usage:
    python -m bench.line_records save [--corpus ../shared/corpus] [--out bench/out/records.jsonl.gz]
    python -m bench.line_records compare [--corpus ../shared/corpus] [--out bench/out/records.jsonl.gz]

A refactor that must not change behaviour is checked with it: ``save`` before, ``compare``
after. Every ``*.txt`` dump under the corpus root (every corpus, both renderers) and under
``data/`` is parsed; for each dump the store keeps every line's record (number, kind, rule)
and every article's fields (title, dates, byline, summary, captions, body, credits,
outlet, id, span). ``compare`` names each dump, article field and line that changed, and
exits 1 if anything did (0 if all are identical, 2 if there is no store or no corpus).
The counts (dumps, lines, dumps changed) go to bench/out/line_records.json as well (or
``--json FILE``).
"""

from __future__ import annotations

import argparse
import gzip
import json
import multiprocessing
import sys
from collections.abc import Iterator
from pathlib import Path

from newskit import parse_text

from .benchutil import OUT, json_option, write_figures
from .corpus import CORPUS_ROOT, ROOT, all_dumps, read_dump, sample_dumps

FIELDS = ("id", "start", "end", "title", "outlet", "published", "updated", "dateline", "byline",
          "summary", "captions", "body", "credits")


def dumps(corpus: Path) -> list[Path]:
    """Every dump of every corpus under ``corpus``, then the samples in ``data/``."""
    return all_dumps(corpus) + sample_dumps()


def _name(path: Path, corpus: Path) -> str:
    try:
        return path.relative_to(corpus).as_posix()
    except ValueError:
        return path.relative_to(ROOT).as_posix()


def record(path: Path) -> dict[str, object]:
    doc = parse_text(read_dump(path), str(path))
    return {
        "articles": [{f: getattr(a, f) for f in FIELDS} for a in doc.articles],
        "lines": [[r.no, str(r.kind), r.rule] for r in doc.records()],
    }


def _records(paths: list[Path], corpus: Path) -> Iterator[tuple[str, dict[str, object]]]:
    with multiprocessing.Pool() as pool:
        for path, rec in zip(paths, pool.imap(record, paths, chunksize=16), strict=True):
            yield _name(path, corpus), rec


def save(corpus: Path, out: Path, figures: Path) -> int:
    paths = dumps(corpus)
    lines = 0
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    with gzip.open(tmp, "wt", encoding="utf-8") as fh:
        for name, rec in _records(paths, corpus):
            lines += len(rec["lines"])  # type: ignore[arg-type]
            fh.write(json.dumps({"dump": name, **rec}, ensure_ascii=False) + "\n")
    tmp.replace(out)
    print(f"line_records: {len(paths)} dumps stored in {out}", file=sys.stderr)
    write_figures("line_records", {"action": "save", "store": str(out), "dumps": len(paths), "lines": lines}, figures)
    return 0


def _changes(name: str, old: dict, new: dict) -> Iterator[str]:  # type: ignore[type-arg]
    old_lines = {no: (kind, rule) for no, kind, rule in old["lines"]}
    for no, kind, rule in new["lines"]:
        before = old_lines.pop(no, None)
        if before != (kind, rule):
            yield f"{name}:{no}: {_kind(before)} -> {_kind((kind, rule))}"
    for no in sorted(old_lines):
        yield f"{name}:{no}: {_kind(old_lines[no])} -> (no record)"
    if len(old["articles"]) != len(new["articles"]):
        yield f"{name}: {len(old['articles'])} articles -> {len(new['articles'])}"
    for k, (a, b) in enumerate(zip(old["articles"], new["articles"], strict=False)):
        for f in FIELDS:
            if a.get(f) != b.get(f):
                yield f"{name}: article {k + 1} {f}: {a.get(f)!r:.80} -> {b.get(f)!r:.80}"


def _kind(rec: tuple[str, str] | None) -> str:
    if rec is None:
        return "(no record)"
    kind, rule = rec
    return f"{kind}({rule})" if rule else kind


def compare(corpus: Path, out: Path, figures: Path) -> int:
    if not out.is_file():
        print(f"line_records: no store at {out}; run 'save' first", file=sys.stderr)
        return 2
    with gzip.open(out, "rt", encoding="utf-8") as fh:
        stored = {(d := json.loads(line)).pop("dump"): d for line in fh}
    paths = dumps(corpus)
    changed = lines = 0
    seen = set()
    for name, rec in _records(paths, corpus):
        seen.add(name)
        if name not in stored:
            print(f"{name}: new dump (not in the store)")
            changed += 1
            continue
        found = list(_changes(name, stored[name], rec))
        lines += len(rec["lines"])  # type: ignore[arg-type]
        if found:
            changed += 1
            for change in found[:40]:
                print(change)
            if len(found) > 40:
                print(f"{name}: … and {len(found) - 40} more changes")
    for name in sorted(set(stored) - seen):
        print(f"{name}: in the store, not in the corpus now")
        changed += 1
    verdict = "identical" if not changed else f"{changed} dumps changed"
    print(f"line_records: {len(seen)} dumps, {lines:,} lines: {verdict}", file=sys.stderr)
    write_figures("line_records", {"action": "compare", "store": str(out), "dumps": len(seen), "lines": lines,
                                   "dumps_changed": changed}, figures)
    return 1 if changed else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("action", choices=("save", "compare"))
    ap.add_argument("--corpus", type=Path, default=CORPUS_ROOT, help="the corpora's root (default ../shared/corpus)")
    ap.add_argument("--out", type=Path, default=OUT / "records.jsonl.gz",
                    help="the store (default bench/out/records.jsonl.gz)")
    json_option(ap, "line_records")
    args = ap.parse_args()
    if not all_dumps(args.corpus):
        print(f"line_records: no dumps under {args.corpus}", file=sys.stderr)
        return 2
    action = save if args.action == "save" else compare
    return action(args.corpus, args.out, args.json)


if __name__ == "__main__":
    raise SystemExit(main())
