"""How much of an article the language detector must read: the language told from the first
N characters against the one told from 2,000, and the CPU time of each.

Usage:
    python -m bench.language_sample [CORPUS ...] [--sizes 300,600,1000,2000] [--json FILE]

Every article of the corpora's dumps (default: both dev corpora, both renderers), as
:func:`newskit.parse.parse_text` makes them, has its title and body given to
:func:`newskit.language.detect` with ``SAMPLE_CHARS`` set to each size in turn. Reported
per size: the articles whose language is the one 2,000 characters give, and the CPU seconds
of all the detections (the model loaded before).
"""

from __future__ import annotations

import argparse
import sys
import time

from newskit import language
from newskit.parse import parse_text

from .benchutil import json_option, write_figures
from .corpus import CORPORA, corpus_path, read_dump, require_dumps

REFERENCE = 2000


def texts_of(corpora: list[str]) -> list[str]:
    """Each article's title and body, as the ``language`` property reads them."""
    out: list[str] = []
    for name in corpora:
        for dump in require_dumps(corpus_path(name), "language_sample"):
            out.extend("\n".join([a.title, *a.body]) for a in parse_text(read_dump(dump)).articles)
    return out


def told(texts: list[str], size: int) -> tuple[list[str | None], float]:
    """The language of each text from its first ``size`` characters, and the CPU seconds."""
    language.SAMPLE_CHARS = size
    start = time.process_time()
    found = [language.detect(t) for t in texts]
    return found, time.process_time() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpora", nargs="*", default=list(CORPORA))
    parser.add_argument("--sizes", default="300,600,1000,2000")
    json_option(parser, "language_sample")
    args = parser.parse_args()
    texts = texts_of(args.corpora)
    language.detect("The model is loaded before anything is timed, as it is once a run.")
    keep = language.SAMPLE_CHARS
    try:
        reference, _ = told(texts, REFERENCE)
        rows = []
        for size in (int(s) for s in args.sizes.split(",")):
            found, cpu = told(texts, size)
            same = sum(a == b for a, b in zip(found, reference, strict=True))
            rows.append({"chars": size, "articles": len(texts), "same": same, "cpu_s": round(cpu, 3)})
    finally:
        language.SAMPLE_CHARS = keep
    print("| characters read | articles | language as from 2,000 | CPU s |")
    print("|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r['chars']:,} | {r['articles']:,} | {r['same']:,} | {r['cpu_s']:.2f} |")
    write_figures("language_sample", rows, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
