#!/usr/bin/env python3
"""Make a labelled, seeded benchmark corpus for ``newskit dedupe``.

Usage:
    python -m bench.make_dedupe_corpus TRUTH_DIR OUT_DIR [--sizes 1000,10000,100000]
                                       [--seed 20261121] [--hard] [--json FILE]

TRUTH_DIR is ``corpus/aeb/truth`` of the shared development corpus (96 real article bodies,
``body`` field). For each size N it writes ``OUT_DIR/N/dumps/*.txt`` (raw dumps, one outlet
and one to five articles per file, with menus, date lines, share buttons and footers around
the articles, as the sample pages have) and ``OUT_DIR/N/truth.json`` (every planted
article: file, line span, body lines, story, cluster, change rate). Same seed, same bytes.
What it made (files and planted clusters per size) goes to bench/out/make_dedupe_corpus.json
(or ``--json FILE``).

How the articles are made
-------------------------
*Stories.* The real bodies in Latin script (92 of the 96; two Russian and two Japanese
ones are left out because the word-level edits below assume space-separated words) are
bases as they are. Everything else is a **synthetic story**, made so that it is a different
story from every other one:

- each sentence splices the first part of one real sentence onto the last part of another
  (picked at random from all bodies), so sentence skeletons are new;
- then every content word (anything not in a list of ~170 English function words) is
  replaced: capitalised ones by the names of the story's own cast of invented people and
  places (3-6 names made of random syllables), the others by a word drawn from the content
  words of all 92 bodies with their real frequencies, numbers by random numbers;
- a story has 5-16 paragraphs of 1-3 sentences, and a headline of its own words.

Two synthetic stories thus share function words and common content words (in realistic,
Zipf-like proportions) but no story: no names, no sentence, rarely a 3-word phrase beyond
"one of the". They are not readable news; they are unrelated articles with news-like word
statistics, which is what a dedupe benchmark needs of its negatives.

*Clusters.* About 35% of the articles are in planted clusters: a base story (the real
bodies first, then synthetic ones) and 1-4 rewrites of it, each with a change rate *c*
drawn from 0 (an exact copy of the body), 0.1, ..., 0.6. A rewrite of a base of n
sentences changes round(c x n) of them, each change one of: a sentence dropped (35%),
reworded (35%: three quarters or more of its content words replaced, often a clause cut
or added, so that it is no longer recognisably the same sentence), or a new sentence
inserted (30%, as new paragraphs). On top of that, as wire copy does, about 80% of the
other sentences get one to three light edits (synonyms such as "Islamic State" /
"Daesh", "U.S." / "US", straight / curly quotes, a number or weekday changed, a word
dropped, an attribution added), paragraphs are moved (half the rewrites), merged or split,
and the headline and the page around the article differ (another outlet's chrome).

*Everything else* is single synthetic stories. Articles are shuffled before they are
cut into files, so copies of a story sit in different files and outlets.

The harder benchmark (``--hard``)
---------------------------------
One page a file, the same stories (real bodies first), and four kinds, each planted
pair a story and one article made from it (``kind`` in the truth):

- ``brief``: 20-50 % of the story's sentences, whole and unchanged, in 1-3 paragraphs
  (the lead in seven briefs of ten, a run from further down in the others), of at least
  three sentences, on another site with its own headline;
- ``post``: a run of 30-60 % of a report's sentences quoted unchanged, in one or two
  pieces, between paragraphs of the post's own (an introduction, a comment between the
  pieces and often a closing one; synthetic sentences that add 15-50 % to the length of
  the quote);
- ``rewrite``: a rewrite as above, with a change rate drawn evenly from 0.1 to 0.6;
- ``site`` (hard negatives): groups of 3-8 pages of one invented site, each a different
  short story (3-8 sentences), all sharing the site's long chrome: a "Most read"
  sidebar of five headlines with a teaser sentence each, an "About us" block of three
  sentences and a subscription appeal, around the article as pages show them. No two
  pages of a group are duplicates.

About a fifth of the articles are single stories besides. Stories are used only when
they have 10 sentences of prose or more (of four words or more, ending with a full stop,
``!`` or ``?``: not a standings table), and a brief needs 60 words in such sentences. Truth:
``kind`` and ``site`` (the site group) per article besides the fields above.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .benchutil import json_option, write_figures
from .corpus import truth_records

STOP = frozenset(
    """
    a about above after again against all also although am among an and any are around as
    at be because been before being below between both but by can could did do does doing
    down during each even ever every few for from further had has have having he her here
    hers him his how however i if in into is it its itself just last least less like made
    make many may me might more most much must my near neither never new next no nor not
    now of off on once one only or other our out over own per said same say says she
    should since so some still such than that the their them then there these they this
    those though three through to too two under until up upon us very was we were what
    when where whether which while who whom whose why will with within without would yet
    you your first second another told according including while across toward towards
    """.split()
)

# Light, wire-style edits: each pair is swapped in either direction.
SYNONYMS = [
    ("U.S.", "US"),
    ("United States", "U.S."),
    ("Islamic State group", "Daesh group"),
    ("said", "stated"),
    ("said", "told reporters"),
    ("militants", "extremists"),
    ("troops", "forces"),
    ("government", "administration"),
    ("officials", "authorities"),
    ("about", "around"),
    ("percent", "per cent"),
    ("also", "additionally"),
    ("will", "would"),
    ("has", "had"),
    ("announced", "said"),
    ("people", "residents"),
    ("large", "big"),
    ("quickly", "rapidly"),
    ("began", "started"),
    ("help", "assist"),
    ("show", "indicate"),
    ("however", "but"),
    ("companies", "firms"),
    ("buy", "purchase"),
    ("attack", "assault"),
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
SYLLABLES = (
    "ka ri mo ta len vor sa ni bel dra go mer tis lo an ve rup hal zen ko ma du fel ion "
    "ber sha tor ul mi zar pe os nik ran cel ou ba yar lin fro dem kis wal"
).split()
CHANGE_RATES = [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6]
CHANGE_WEIGHTS = [0.10, 0.15, 0.18, 0.18, 0.19, 0.10, 0.10]
REWRITES = [1, 2, 3, 4]
REWRITE_WEIGHTS = [0.5, 0.25, 0.15, 0.10]
CLUSTERED_SHARE = 0.35

_SENT = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])")
_AFFIX = re.compile(r"^([^\w]*)(.*?)([^\w]*)$", re.S)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")


@dataclass(frozen=True)
class Outlet:
    name: str
    header: list[str]
    meta: list[str]  # lines between the two copies of the headline; {date} is filled in
    share: list[str]  # lines after the body
    footer: list[str]


OUTLETS = [
    Outlet(
        "Gulf Ledger",
        ["Gulf Ledger", "Home", "Middle East", "World", "Business", "Sport", "Opinion", "Search"],
        ["Short Url", "Updated {date}", "Follow"],
        ["Share on Facebook", "Share on Twitter", "Topics: World"],
        ["Follow us on Twitter", "Gulf Ledger. All rights reserved. © 2020 Gulf Ledger"],
    ),
    Outlet(
        "Northern Wire",
        ["Skip to content", "Northern Wire", "News", "Politics", "Economy", "Sign in"],
        ["By Staff Reporter", "{date}", "4 min read"],
        ["Read more:", "Most popular", "Newsletter: get the morning briefing"],
        ["About us | Contact | Privacy", "Copyright (c) 2020 Northern Wire Ltd."],
    ),
    Outlet(
        "Radio Free Plains",
        ["Accessibility links", "Breaking News", "Radio Free Plains"],
        ["{date}", "Print"],
        ["With reporting by agencies", "16x9 Image"],
        ["We report the news in 27 languages.", "© 2020 Radio Free Plains"],
    ),
    Outlet(
        "The Daily Courier",
        ["Subscribe", "The Daily Courier", "World", "U.S.", "Tech", "Science", "Menu"],
        ["Published {date}", "Comments (12)"],
        ["Related coverage", "Sign up for our newsletter", "Advertisement"],
        ["Terms of Use | Privacy Policy", "© 2020 The Daily Courier Company"],
    ),
    Outlet(
        "Continental Post",
        ["Continental Post", "Europe", "Africa", "Asia", "Americas", "Video"],
        ["{date}", "Share", "Tweet", "Email"],
        ["Tags: politics, world", "More from Continental Post"],
        ["Continental Post © 2020", "Cookie settings"],
    ),
    Outlet(
        "Metro Bulletin",
        ["Metro Bulletin", "Local", "National", "Weather", "Traffic", "Login"],
        ["Posted: {date}", "Updated: {date}"],
        ["Copyright 2020 Metro Bulletin. All rights reserved.", "Trending now"],
        ["Contact the newsroom", "Metro Bulletin app"],
    ),
]



def write_dump(path: Path, lines: list[str]) -> None:
    """One generated dump file, its folder made if need be."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def planted_clusters(articles: list[dict[str, Any]]) -> list[list[str]]:
    """The truth's clusters: the keys of the articles planted in each, sorted."""
    clusters: dict[int, list[str]] = {}
    for a in articles:
        if a["cluster"] is not None:
            clusters.setdefault(a["cluster"], []).append(a["key"])
    return [sorted(v) for _, v in sorted(clusters.items())]

def _split_sentences(paragraph: str) -> list[str]:
    """Sentences of a paragraph, each on one line (white space collapsed)."""
    return [" ".join(s.split()) for s in _SENT.split(paragraph) if s.strip()]


def _latin(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isascii() for c in letters) / len(letters) > 0.9


@dataclass
class Story:
    """A body as paragraphs of sentences, a headline, and the names it uses."""

    title: str
    paragraphs: list[list[str]]
    cast: list[str] = field(default_factory=list)
    real: bool = False


class Maker:
    def __init__(self, bodies: list[dict], rng: random.Random) -> None:
        self.rng = rng
        self.real: list[Story] = []
        self.skeletons: list[list[str]] = []
        vocab: list[str] = []
        for item in bodies:
            body = item.get("body") or ""
            if not _latin(body):
                continue
            paras = [p.strip() for p in body.split("\n\n") if p.strip()]
            # A page without a headline gets the start of its first sentence as one.
            headline = item.get("headline") or " ".join(body.split()[:8]).rstrip(".,;:")
            story = Story(
                title=" ".join(headline.split(" | ")[0].split()),
                paragraphs=[s for s in (_split_sentences(p) for p in paras) if s],
                real=True,
            )
            if sum(map(len, story.paragraphs)) >= 2:
                self.real.append(story)
            for para in story.paragraphs:
                for sentence in para:
                    toks = sentence.split()
                    if 6 <= len(toks) <= 60:
                        self.skeletons.append(toks)
                    vocab.extend(
                        w.lower() for w in _WORD.findall(sentence) if w.lower() not in STOP
                    )
        self.vocab = vocab  # with repeats: sampling follows real word frequencies

    # -- words

    def name(self) -> str:
        n = self.rng.choice((2, 2, 3))
        return "".join(self.rng.choice(SYLLABLES) for _ in range(n)).capitalize()

    def cast(self) -> list[str]:
        return [self.name() for _ in range(self.rng.randint(3, 6))]

    def replace_word(self, token: str, cast: list[str], first: bool) -> str:
        m = _AFFIX.match(token)
        assert m is not None
        pre, core, post = m.groups()
        if not core:
            return token
        low = core.lower()
        if low in STOP:
            return token
        rng = self.rng
        if any(c.isdigit() for c in core):
            new = str(rng.randint(2, 99 if len(core) <= 2 else 2030))
        elif core[0].isupper() and not first and cast and rng.random() < 0.7:
            new = rng.choice(cast)
        else:
            new = rng.choice(self.vocab)
            if core[0].isupper():
                new = new.capitalize()
        return pre + new + post

    def substitute(self, tokens: list[str], cast: list[str], rate: float) -> list[str]:
        return [
            self.replace_word(t, cast, i == 0) if self.rng.random() < rate else t
            for i, t in enumerate(tokens)
        ]

    # -- sentences and stories

    def sentence(self, cast: list[str]) -> str:
        rng = self.rng
        x, y = rng.choice(self.skeletons), rng.choice(self.skeletons)
        cut_x = max(2, int(len(x) * rng.uniform(0.35, 0.7)))
        cut_y = int(len(y) * rng.uniform(0.3, 0.6))
        toks = self.substitute(x[:cut_x] + y[cut_y:], cast, 1.0)
        text = " ".join(toks)
        text = text[0].upper() + text[1:]
        if not re.search(r"[.!?][\"'”’)]*$", text):
            text = text.rstrip(",;:-") + "."
        return text

    def story(self) -> Story:
        rng = self.rng
        cast = self.cast()
        paras = [
            [self.sentence(cast) for _ in range(rng.choice((1, 1, 2, 2, 3)))]
            for _ in range(rng.randint(5, 16))
        ]
        words = [rng.choice(self.vocab) for _ in range(rng.randint(4, 9))]
        words.insert(rng.randrange(len(words)), rng.choice(cast))
        title = " ".join(words)
        return Story(title[0].upper() + title[1:], paras, cast)

    # -- rewrites

    def light_edit(self, sentence: str, cast: list[str]) -> str:
        rng = self.rng
        for _ in range(rng.choice((1, 2, 2, 3))):
            kind = rng.randrange(6)
            if kind == 0:  # synonym
                both = SYNONYMS + [(b, a) for a, b in SYNONYMS]
                pairs = [(a, b) for a, b in both if re.search(rf"\b{re.escape(a)}\b", sentence)]
                if pairs:
                    a, b = rng.choice(pairs)
                    sentence = re.sub(rf"\b{re.escape(a)}\b", b, sentence, count=1)
            elif kind == 1:  # quote style
                if '"' in sentence:
                    sentence = re.sub(r'"(.*?)"', "\u201c\\1\u201d", sentence)
                else:
                    sentence = sentence.replace("\u201c", '"').replace("\u201d", '"')
                sentence = sentence.replace("'", "\u2019")
            elif kind == 2:  # a number or a weekday
                nums = re.findall(r"\b\d+\b", sentence)
                days = [d for d in WEEKDAYS if d in sentence]
                if days:
                    sentence = sentence.replace(rng.choice(days), rng.choice(WEEKDAYS), 1)
                elif nums:
                    sentence = sentence.replace(rng.choice(nums), str(rng.randint(2, 90)), 1)
            elif kind == 3:  # drop a small word
                toks = sentence.split()
                small = [i for i, t in enumerate(toks[1:-1], 1) if t.lower() in STOP]
                if small and len(toks) > 6:
                    del toks[rng.choice(small)]
                    sentence = " ".join(toks)
            elif kind == 4:  # an attribution
                if sentence.endswith("."):
                    who = rng.choice(("officials said", "a spokesperson said", "reports said"))
                    sentence = sentence[:-1] + f", {who}."
            else:  # a word reworded
                toks = sentence.split()
                content = [i for i, t in enumerate(toks) if t.lower().strip(".,") not in STOP]
                if content:
                    i = rng.choice(content)
                    toks[i] = self.replace_word(toks[i], cast, i == 0)
                    sentence = " ".join(toks)
        return sentence

    def reword(self, sentence: str, cast: list[str]) -> str:
        """A paraphrase: most content words replaced, and often a clause cut or added,
        so that the sentence is no longer recognisably the same one (as "Iraqi
        Kurdistan's counterterrorism service blamed ..." and "Kurdish Iraqi authorities
        pinned the blame on ..." in the sample pair)."""
        rng = self.rng
        toks = self.substitute(sentence.split(), cast, rng.uniform(0.75, 1.0))
        if rng.random() < 0.5:
            commas = [i for i, t in enumerate(toks[:-1]) if t.endswith(",") and i > 3]
            if commas:
                toks = toks[: rng.choice(commas) + 1]
                toks[-1] = toks[-1].rstrip(",") + "."
        if rng.random() < 0.3:
            toks[-1] = toks[-1].rstrip(".") + ","
            toks += self.sentence(cast).split()[rng.randint(2, 5) :]
        return " ".join(toks)

    def rewrite(self, base: Story, rate: float) -> tuple[Story, int]:
        """A rewrite of ``base`` with round(rate x sentences) sentences changed."""
        rng = self.rng
        cast = base.cast or self.cast()
        if rate == 0.0:
            return Story(self.retitle(base.title, cast), [list(p) for p in base.paragraphs]), 0
        flat = [(pi, s) for pi, para in enumerate(base.paragraphs) for s in para]
        changes = round(rate * len(flat))
        slots = rng.sample(range(len(flat)), min(changes, len(flat)))
        ops = {i: rng.choices(("drop", "reword", "insert"), (0.35, 0.35, 0.30))[0] for i in slots}
        paras: dict[int, list[str]] = {}
        inserted: list[tuple[int, list[str]]] = []
        for i, (pi, s) in enumerate(flat):
            op = ops.get(i)
            if op == "drop":
                continue
            if op == "reword":
                s = self.reword(s, cast)
            elif op == "insert":
                inserted.append((pi, [self.sentence(cast)]))
            elif rng.random() < 0.8:
                s = self.light_edit(s, cast)
            paras.setdefault(pi, []).append(s)
        out = [paras[k] for k in sorted(paras)]
        for pi, new in inserted:  # new paragraphs, near where the change was
            out.insert(min(len(out), max(1, pi + rng.randint(-1, 2))), new)
        if len(out) > 3 and rng.random() < 0.5:  # move a paragraph
            moved = out.pop(rng.randrange(1, len(out)))
            out.insert(rng.randrange(1, len(out) + 1), moved)
        if len(out) > 2 and rng.random() < 0.3:  # merge two paragraphs
            i = rng.randrange(len(out) - 1)
            out[i : i + 2] = [out[i] + out[i + 1]]
        if rng.random() < 0.3:  # split one
            long = [i for i, p in enumerate(out) if len(p) > 1]
            if long:
                i = rng.choice(long)
                cut = rng.randrange(1, len(out[i]))
                out[i : i + 1] = [out[i][:cut], out[i][cut:]]
        return Story(self.retitle(base.title, cast), out, cast), changes

    def retitle(self, title: str, cast: list[str]) -> str:
        if self.rng.random() < 0.3:  # an outlet writes its own headline
            words = [self.rng.choice(self.vocab) for _ in range(self.rng.randint(4, 9))]
            return " ".join(words).capitalize()
        return self.light_edit(title, cast).rstrip(".")


def _date(rng: random.Random) -> tuple[str, str]:
    day, month = rng.randint(1, 28), rng.randint(1, 12)
    months = "January February March April May June July August September October November"
    names = (months + " December").split()
    return f"2020-{month:02d}-{day:02d}", f"{day:02d} {names[month - 1]} 2020"


def _article_lines(story: Story, outlet: Outlet, rng: random.Random) -> tuple[list[str], int]:
    """The lines of one article on a page, and the offset of its first body line."""
    _, shown = _date(rng)
    lines = [story.title, ""]
    if rng.random() < 0.5:
        lines += [f"{rng.choice(story.cast or ['Officials']).upper()} (Photo/File)", ""]
    lines += [m.format(date=shown) for m in outlet.meta] + ["", story.title, ""]
    if rng.random() < 0.4:
        lines += [f"  \u2022 {rng.choice(story.paragraphs)[0]}", ""]
    body_at = len(lines)
    for para in story.paragraphs:
        lines += [" ".join(para), ""]
    lines += outlet.share + [""]
    return lines, body_at


@dataclass
class Planted:
    key: str
    story: Story
    role: str  # base | rewrite | single
    cluster: int | None
    change: float | None  # nominal change rate of a rewrite
    changed: int  # sentences changed


def plant(maker: Maker, size: int) -> list[Planted]:
    rng = maker.rng
    out: list[Planted] = []
    clustered = 0
    cluster = 0
    bases = iter(maker.real)
    while clustered < CLUSTERED_SHARE * size:
        base = next(bases, None) or maker.story()
        members = [Planted("", base, "base", cluster, None, 0)]
        for _ in range(rng.choices(REWRITES, REWRITE_WEIGHTS)[0]):
            rate = rng.choices(CHANGE_RATES, CHANGE_WEIGHTS)[0]
            story, changed = maker.rewrite(base, rate)
            members.append(Planted("", story, "rewrite", cluster, rate, changed))
        out += members
        clustered += len(members)
        cluster += 1
    while len(out) < size:
        out.append(Planted("", maker.story(), "single", None, None, 0))
    out = out[:size]
    rng.shuffle(out)
    for i, p in enumerate(out):
        p.key = f"a{i:06d}"
    return out


def write_corpus(maker: Maker, size: int, out_dir: Path) -> dict:
    rng = maker.rng
    planted = plant(maker, size)
    dumps = out_dir / "dumps"
    dumps.mkdir(parents=True, exist_ok=True)
    articles = []
    i = 0
    n_file = 0
    while i < len(planted):
        group = planted[i : i + rng.randint(1, 5)]
        i += len(group)
        outlet = rng.choice(OUTLETS)
        name = f"dumps/{n_file // 1000:03d}/{n_file:06d}.txt"
        n_file += 1
        lines = list(outlet.header) + [""]
        for p in group:
            art, body_at = _article_lines(p.story, outlet, rng)
            start = len(lines) + 1  # 1-based
            lines += art
            body_lines = [start + body_at + 2 * k for k in range(len(p.story.paragraphs))]
            articles.append(
                {
                    "key": p.key,
                    "file": name,
                    "start_line": start,
                    "end_line": len(lines),
                    "body_lines": body_lines,
                    "title": p.story.title,
                    "role": p.role,
                    "cluster": p.cluster,
                    "change": p.change,
                    "changed": p.changed,
                    "sentences": sum(map(len, p.story.paragraphs)),
                    "real": p.story.real,
                }
            )
        lines += list(outlet.footer)
        write_dump(out_dir / name, lines)
    truth = {
        "size": size,
        "files": n_file,
        "articles": articles,
        "clusters": planted_clusters(articles),
    }
    (out_dir / "truth.json").write_text(json.dumps(truth), encoding="utf-8")
    return truth


# -- the harder benchmark ----------------------------------------------------------------

HARD_KINDS = {"brief": 0.2, "post": 0.2, "rewrite": 0.2, "site": 0.2}  # shares of articles
SITE_PAGES = (3, 8)
BRIEF_WORDS = 60


def _flat(story: Story) -> list[str]:
    return [s for para in story.paragraphs for s in para]


_PROSE_END = re.compile(r"[.!?…][\"'”’)\]]*$")


def _prose_words(sentences: list[str]) -> int:
    """Words in sentences of four words or more that end with a full stop, ! or ?."""
    counts = (len(x.split()) for x in sentences if _PROSE_END.search(x))
    return sum(n for n in counts if n >= 4)  # noqa: PLR2004


def _prose_sentences(story: Story) -> int:
    return sum(1 for x in _flat(story) if _prose_words([x]))


def _paragraphs(sentences: list[str], rng: random.Random) -> list[list[str]]:
    out: list[list[str]] = []
    i = 0
    while i < len(sentences):
        n = rng.choice((1, 2, 2, 3))
        out.append(sentences[i : i + n])
        i += n
    return out


def make_brief(maker: Maker, story: Story) -> Story | None:
    """20-50 % of ``story``'s sentences, whole: its lead, or a run from further down."""
    rng = maker.rng
    flat = _flat(story)
    for _ in range(20):
        k = max(3, round(rng.uniform(0.2, 0.5) * len(flat)))
        if k > len(flat) // 2:
            return None
        start = 0 if rng.random() < 0.7 else rng.randrange(0, len(flat) - k + 1)
        picked = flat[start : start + k]
        if _prose_words(picked) >= BRIEF_WORDS:
            paras = _paragraphs(picked, rng)[:3]
            merged = paras[:2] + ([sum(paras[2:], [])] if paras[2:] else [])
            return Story(maker.retitle(story.title, story.cast), merged, story.cast)
    return None


def make_post(maker: Maker, story: Story) -> Story:
    """A run of 30-60 % of ``story`` quoted in one or two pieces between paragraphs of the
    post's own (15-50 % of the quote's length)."""
    rng = maker.rng
    flat = _flat(story)
    k = max(2, round(rng.uniform(0.3, 0.6) * len(flat)))
    start = rng.randrange(0, len(flat) - k + 1)
    quote = flat[start : start + k]
    quote_words = sum(len(x.split()) for x in quote)
    budget = rng.uniform(0.15, 0.5) * quote_words
    cast = story.cast or maker.cast()
    own: list[str] = []
    for _ in range(200):  # sentences of its own up to the budget, one at least
        sentence = maker.sentence(cast)
        if own and sum(len(x.split()) for x in [*own, sentence]) > budget:
            break
        if own or len(sentence.split()) <= budget:
            own.append(sentence)
    cut = rng.randrange(1, len(quote)) if len(quote) > 3 and rng.random() < 0.5 else len(quote)  # noqa: PLR2004
    intro = own[: max(1, len(own) // 3)]
    middle = own[len(intro) : len(intro) + max(0, (len(own) - len(intro)) // 2)]
    closing = own[len(intro) + len(middle) :]
    paras = [intro, *_paragraphs(quote[:cut], rng)]
    if cut < len(quote):
        paras += ([middle] if middle else []) + _paragraphs(quote[cut:], rng)
        middle = []
    rest = middle + closing
    if rest:
        paras.append(rest)
    words = [rng.choice(maker.vocab) for _ in range(rng.randint(4, 8))]
    return Story(" ".join(words).capitalize(), paras, cast)


@dataclass
class Site:
    outlet: Outlet
    sidebar: list[str]
    about: list[str]


def make_site(maker: Maker) -> Site:
    """An invented site with its own menus, sidebar, about block and appeal."""
    rng = maker.rng
    cast = maker.cast()
    name = f"The {maker.name()} {rng.choice(('Times', 'Herald', 'Record', 'Observer', 'Star'))}"
    sections = rng.sample(["World", "Local", "Business", "Sport", "Culture", "Opinion",
                           "Science", "Health", "Travel", "Video"], 6)
    outlet = Outlet(
        name,
        [name, *sections, "Search", "Sign in"],
        ["{date}", "Share this article"],
        ["Share", "Tweet", "Email"],
        [f"About {name} | Contact | Privacy | Terms", f"© 2020 {name}. All rights reserved."],
    )
    sidebar = ["Most read"]
    for _ in range(5):
        headline = " ".join(rng.choice(maker.vocab) for _ in range(rng.randint(5, 9)))
        sidebar += [headline.capitalize(), maker.sentence(cast)]
    about = [
        f"{name} is an independent newsroom founded in {rng.randint(1950, 2010)} and "
        f"owned by its {rng.choice(('readers', 'staff', 'foundation'))}.",
        maker.sentence(cast),
        f"Our journalists cover {sections[0].lower()}, {sections[1].lower()} and "
        f"{sections[2].lower()} news every day of the year.",
        f"Subscribe to {name} for unlimited access to our journalism, cancel at any time.",
    ]
    return Site(outlet, sidebar, about)


def short_story(maker: Maker) -> Story:
    story = maker.story()
    flat = _flat(story)[: maker.rng.randint(3, 8)]
    return Story(story.title, _paragraphs(flat, maker.rng), story.cast)


@dataclass
class HardPage:
    planted: Planted
    kind: str
    site: int | None = None


def plant_hard(maker: Maker, size: int) -> tuple[list[HardPage], list[Site]]:
    rng = maker.rng
    pages: list[HardPage] = []
    sites: list[Site] = []
    cluster = 0
    bases = iter(maker.real)

    def base() -> Story:  # a story of 10 sentences of prose or more
        while True:
            story = next(bases, None) or maker.story()
            if _prose_sentences(story) >= 10:  # noqa: PLR2004
                return story

    targets = {kind: share * size for kind, share in HARD_KINDS.items()}
    counts = dict.fromkeys(HARD_KINDS, 0)
    while any(counts[k] < targets[k] for k in counts):
        kind = min(counts, key=lambda k: counts[k] / targets[k])
        if kind == "site":
            site = len(sites)
            sites.append(make_site(maker))
            for _ in range(rng.randint(*SITE_PAGES)):
                pages.append(HardPage(Planted("", short_story(maker), "single", None, None, 0),
                                      "site", site))
                counts[kind] += 1
            continue
        story = base()
        if kind == "brief":
            made = make_brief(maker, story)
            if made is None:
                continue
            derived, rate, changed = made, None, 0
        elif kind == "post":
            derived, rate, changed = make_post(maker, story), None, 0
        else:
            rate = rng.choice((0.1, 0.2, 0.3, 0.4, 0.5, 0.6))
            derived, changed = maker.rewrite(story, rate)
        pages.append(HardPage(Planted("", story, "base", cluster, None, 0), kind))
        pages.append(HardPage(Planted("", derived, "rewrite", cluster, rate, changed), kind))
        counts[kind] += 2
        cluster += 1
    while len(pages) < size:
        pages.append(HardPage(Planted("", maker.story(), "single", None, None, 0), "single"))
    pages = pages[:size]
    rng.shuffle(pages)
    for i, page in enumerate(pages):
        page.planted.key = f"h{i:06d}"
    return pages, sites


def write_hard_corpus(maker: Maker, size: int, out_dir: Path) -> dict:
    rng = maker.rng
    pages, sites = plant_hard(maker, size)
    articles = []
    for n, page in enumerate(pages):
        p = page.planted
        site = sites[page.site] if page.site is not None else None
        outlet = site.outlet if site else rng.choice(OUTLETS)
        name = f"dumps/{n // 1000:03d}/{n:06d}.txt"
        lines = list(outlet.header) + [""]
        if site and rng.random() < 0.5:
            lines += site.sidebar + [""]  # the sidebar before the article on some pages
            after = site.about
        elif site:
            after = site.sidebar + [""] + site.about
        else:
            after = []
        art, body_at = _article_lines(p.story, outlet, rng)
        start = len(lines) + 1
        lines += art
        body_lines = [start + body_at + 2 * k for k in range(len(p.story.paragraphs))]
        end = len(lines)
        lines += after + [""] + list(outlet.footer)
        articles.append({
            "key": p.key, "file": name, "start_line": start, "end_line": end,
            "body_lines": body_lines, "title": p.story.title, "role": p.role,
            "cluster": p.cluster, "change": p.change, "changed": p.changed,
            "sentences": sum(map(len, p.story.paragraphs)), "real": p.story.real,
            "kind": page.kind, "site": page.site,
        })
        write_dump(out_dir / name, lines)
    truth = {
        "size": size, "files": len(pages), "hard": True, "articles": articles,
        "clusters": planted_clusters(articles),
    }
    (out_dir / "truth.json").write_text(json.dumps(truth), encoding="utf-8")
    return truth


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("truth_dir", type=Path, help="corpus/aeb/truth of the shared corpus")
    ap.add_argument("out_dir", type=Path, help="where to write <size>/dumps and truth.json")
    ap.add_argument("--sizes", default="1000,10000,100000", help="comma-separated sizes")
    ap.add_argument("--seed", type=int, default=20261121)
    ap.add_argument("--hard", action="store_true",
                    help="the harder benchmark: briefs, posts, rewrites, sites (see above)")
    json_option(ap, "make_dedupe_corpus")
    args = ap.parse_args(argv)
    bodies = truth_records(args.truth_dir) if args.truth_dir.is_dir() else []
    if not bodies:
        print(
            f"error: no truth files in {args.truth_dir} (expected the shared corpus's "
            "corpus/aeb/truth/*.json); nothing written",
            file=sys.stderr,
        )
        return 2
    made = []
    for size in (int(s) for s in args.sizes.split(",")):
        maker = Maker(bodies, random.Random(args.seed * 1_000_003 + size))
        out = args.out_dir / str(size)
        if out.exists():
            for old in sorted(out.rglob("*.txt")):
                old.unlink()
        truth = (write_hard_corpus if args.hard else write_corpus)(maker, size, out)
        n_clusters = len(truth["clusters"])
        made.append({"size": size, "files": truth["files"], "clusters": n_clusters, "folder": str(out)})
        print(
            f"{size}: {truth['files']} files, {n_clusters} planted clusters -> {out}",
            file=sys.stderr,
        )
    write_figures("make_dedupe_corpus", {"seed": args.seed, "hard": args.hard, "corpora": made},
                  args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
