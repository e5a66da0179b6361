"""Authors: the names a byline gives, apart from what else it says.

A byline as the parser keeps it is the line as written ("By Mike Wall
2019-11-18T20:51:19Z Science & Astronomy"); :meth:`Authors.names` reads the people out of
it (``["Mike Wall"]``). It never decides which line is the byline (that is
:mod:`newskit.parse.build`'s); it reads one, and tells the builder what a line holds:
:meth:`Authors.bare` the names of a line of names with no byline word ("Jane Doe, Ap Auto
Writer"), :meth:`Authors.inside` a byline word after a date ("Nov 19, 2019 by Jane Doe").
In order:

1. the byline word is dropped ("By", "Par", "بقلم:", the ``by`` and ``by_also`` words), or
   what comes before one that follows a date ("Posted on May 2, 2012 by Jane Doe");
2. the text is cut at its first date or time ("... on Nov 18, 2019", "2019-11-18T20:51Z")
   and at the first mark that sets apart something else than another name: a bar, a
   slash, a dash between spaces, a bullet, a bracket, a semicolon;
3. a name run into a role ("Meg JamesStaff Writer": a lower-case letter, then a capital
   that starts a role) and a handle run into a name ("Chris Pokorny@jdoe") are set apart;
4. what is left is split into names at commas, "&" and the joining words ("and", "et",
   ``name_joiners``), and each name is read word by word: capitalised words (or words of
   a script without case, such as Arabic or Chinese), initials and small particles ("de",
   "van"), all in capitals or none ("JANE DOE"). The names end at the first word that is
   none of those: a role ("Staff Writer", with a topic before it: "Business Columnist"),
   a label ("Updated", "Follow"), a lower-case word (", a senior correspondent who covers
   energy"), a number, an acronym or a web address ("CNN", "NFL.com": an outlet, unless
   the whole byline is in capitals: "By REUTERS").

A name after a comma has two words at least ("Jane Doe, Reuters" names one person), and
a name after the first with an outlet's word in it ("Jane Doe, The Philippine Star") ends
the names; an owner before a name is dropped ("NBC's Kristen Welker"). A byline that is
only a handle ("By @jdoe") or a user name ("by jdoe on ...") gives that one name. The
words are data: ``author_roles``, ``author_role_topics``, ``author_stops``,
``author_outlets`` and ``author_particles`` in ``newskit/rules/cues.toml``, with the
byline words and joiners. :meth:`Authors.of` makes the reader of a rule set once.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from ..dates import Dates, dates_for
from ..rules import Rules, default_rules
from ..vocabulary import Vocabulary, alternatives
from .memo import TEXTS

# What sets apart something other than a name: a bar, slashes, a bullet, a dash (one
# between spaces: "Jean-Pierre" is a name), brackets, a semicolon, a colon.
_APART = re.compile(r"\s[-‐‑]\s|[|/／·•;(\[{<«\u2012-\u2015]|:\s")
# A name run into a role or a label: a lower-case letter, then a capital and a lower-case
# one ("JamesStaff Writer"); only a role or label there splits it ("McDonald" stays).
_RUN_INTO = re.compile(r"(?<=[^\W\d_A-Z])(?=[A-Z][^\W\d_A-Z])")
_HANDLE_RUN_INTO = re.compile(r"(?<=\w)(?=@\w)")
_LABEL = re.compile(r"\w[:：]\s")  # "Label: value"
_INITIALS = re.compile(r"(?:[^\W\d_]\.)+")  # "E." "J.R."
_WORD = re.compile(r"[^\W\d_][\w'’\-]*\.?")  # a word of a name: letters, ' and -, a final dot
BARE_NAME_MAX = 3  # words of a name on a line with no byline word ("Abigail Van Buren")
ROLE_LOOKAHEAD = 3  # a role run into a name is told within this many words of the capital
MIN_NAME_AFTER_COMMA = 2  # "Jane Doe, Mike Wall", but "Jane Doe, Reuters"; words after "NBC's"
ACRONYM_MIN = 2  # letters of a word in capitals that may be an acronym ("AP", "CNN")
SHORT_DAY = 3  # "Thu", "Sun": day names as short as names, stops only with a dot or comma
SENTENCE_WORD = 3  # letters of a word before a dot that ends a sentence ("Doe.", not "Jr.")
POSSESSIVE_WITHIN = 3  # "NBC News' Jane Doe": an owner among the first words of a name
_POSSESSIVE = ("'s", "’s", "s'", "s’")
_COMMAS = (",", "，", "、")
_CAPS, _MIXED, _PLAIN = "caps", "mixed", "plain"  # word shapes: "DOE", "Doe", "de" / "E." / "محمد"


class Authors:
    """Reads a byline's names with one vocabulary's words (see the module docs)."""

    def __init__(self, vocabulary: Vocabulary, dates: Dates) -> None:
        v = vocabulary
        self.dates = dates
        self._by = re.compile(rf"^\W*(?:{alternatives([*v['by'], *v['by_also']])})(?!\w)\s*[:：]?\s*", re.I)
        self._joiners = frozenset(v["name_joiners"])
        self._split = re.compile(rf"\s*[,，、&+]\s*|\s+(?:{alternatives(v['name_joiners'])})\s+", re.I)
        self._roles = frozenset(v["author_roles"])
        self._topics = frozenset(v["author_role_topics"])
        self._outlets = frozenset(v["author_outlets"])
        # Labels, and day names ("Sun" and "Sat" are names too, unless a dot or comma follows).
        self._stops = frozenset(v["author_stops"]) | {w for w in v["weekdays"] if len(w) > SHORT_DAY}
        self._short_days = frozenset(w for w in v["weekdays"] if len(w) <= SHORT_DAY)
        self._particles = frozenset(v["author_particles"])
        # A byline word inside a line, after its date ("Nov 19, 2019 by Jane Doe")
        self._inner = re.compile(rf"(?<![\w@])(?:{alternatives(v['by'])})(?!\w)\s*[:：]?\s*(?=[^\W\d_]|@)", re.I)
        self.names: Callable[[str], tuple[str, ...]] = lru_cache(TEXTS)(self._names)
        self.bare: Callable[[str], tuple[str, ...]] = lru_cache(TEXTS)(self._bare)

    @classmethod
    def of(cls, rules: Rules) -> Authors:
        """The reader of ``rules``' vocabulary (made once per rule set)."""
        found = rules.derived.get("authors")
        if not isinstance(found, Authors):
            found = rules.derived["authors"] = cls(rules.vocabulary, dates_for(rules.vocabulary))
        return found

    def inside(self, text: str) -> int | None:
        """Where the names start after a byline word that follows a date in ``text``
        ("5:45 AM 11/19/2019 by Jane Doe", "Posted on May 2, 2012 by Jane Doe"), or None."""
        for m in self._inner.finditer(text):
            if m.start() > 0 and self._date_start(text[: m.start()]) < m.start():
                return m.end()
        return None

    def _names(self, byline: str) -> tuple[str, ...]:
        text = byline.strip()
        m = self._by.match(text)
        if m:
            text = text[m.end() :]
        else:
            start = self.inside(text)
            text = text if start is None else text[start:]
        text = self._head(text)
        return self._read(text)

    def _head(self, text: str) -> str:
        """``text`` up to its first date and its first mark that sets apart something
        else, with names run into a role, a label or a handle set apart."""
        text = text[: self._date_start(text)]
        m = _APART.search(text)
        if m:
            text = text[: m.start()]
        return _HANDLE_RUN_INTO.sub(" ", self._run_apart(text))

    def _read(self, text: str) -> tuple[str, ...]:
        """The names of a byline's head (see :meth:`_head`)."""
        # "By DANICA KIRKA and JILL LAWLESS": the whole byline in capitals
        upper = not any(ch.islower() for w in text.split() if _fold(w) not in self._joiners for ch in w)
        names: list[str] = []
        parts = self._split.split(text)
        commas = [m.group().strip() in _COMMAS for m in self._split.finditer(text)]
        for k, part in enumerate(parts):
            words = part.split()
            if not words:
                continue
            if k > 0 and commas[k - 1] and any(self._role_at(words, j) for j in range(1, len(words))):
                break  # "Jane Doe, AdWords Product Manager": what she is
            name, go_on = self._name(words, first=k == 0, upper=upper)
            if k > 0 and name and (
                (commas[k - 1] and len(name) < MIN_NAME_AFTER_COMMA)  # "Jane Doe, Reuters"
                or any(_fold(w) in self._outlets for w in name)  # "Jane Doe, The Philippine Star"
            ):
                break
            if name and " ".join(name) not in names:
                names.append(" ".join(name))
            if not go_on or not name:
                break
        return tuple(names)

    def _bare(self, text: str) -> tuple[str, ...]:
        """The names of a line with no byline word that holds names and nothing else but
        what may follow names on a byline: a role, a label, an outlet, a handle, a date
        ("Tom Krisher, Ap Auto Writer", "Jane Doe @jdoe", "Chris Davies - Nov 19, 2019").
        Each name has two words to :data:`BARE_NAME_MAX`, none an outlet's, a role's or a
        section's ("Associated Press", "ASIA BUSINESS");
        none if anything else stands among them ("Jane Doe 100 backstroke")."""
        text = text.strip()
        if self._by.match(text) or _LABEL.search(text[: self._date_start(text)]):
            return ()  # "Consumer Inquiries: 888-...", "Jane Doe: Why the harbour matters": a label, a headline
        head = self._head(text)
        names = self._read(head)
        words = {w for name in names for w in name.split()}
        if not names or any(not MIN_NAME_AFTER_COMMA <= len(n.split()) <= BARE_NAME_MAX for n in names) \
                or any(_fold(w) in self._outlets or _fold(w) in self._topics or _fold(w) in self._roles for w in words):
            return ()
        for word in head.replace(",", " , ").replace("&", " & ").split():
            if word in words or word in ",&" or _fold(word) in self._joiners:
                continue
            low = _fold(word)
            if word[:1].islower() and low not in self._stops:
                return ()  # ", the spaced-out producer": a sentence, no byline ("on May 2" ends names)
            if self._role_at([word], 0) or low in self._topics or low in self._stops or low in self._outlets \
                    or word.startswith("@") or word.isupper():
                break  # what follows the names: "Staff Writer", "View Profile", "USA TODAY"
            return ()
        return names

    def dated(self, text: str) -> bool:
        """Whether ``text`` holds a date or a time ("Jane Doe on August 9, 2012")."""
        return self._date_start(text) < len(text)

    def lone_by(self, text: str) -> bool:
        """Whether ``text`` is a byline word and nothing else ("By", "Texto:")."""
        return self._by.fullmatch(text.strip()) is not None

    def label(self, text: str) -> bool:
        """Whether ``text`` opens with a role or a label, as the line under a name may
        ("Senior Contributor", "View Profile", "Opinion Columnist")."""
        words = text.split()[:ROLE_LOOKAHEAD]
        return bool(words) and (self._role_at(words, 0) or _fold(words[0]) in self._stops)

    def has_role(self, text: str) -> bool:
        """Whether a role follows a name in ``text`` ("Jane Doe, Reporter, The Daily Planet")."""
        words = self._head(text).replace(",", " ").split()
        return any(self._role_at(words, i) for i in range(1, len(words)))

    def _date_start(self, text: str) -> int:
        """Where the first date or time of ``text`` starts (its length if none)."""
        return self.dates.first_date(text)

    def _run_apart(self, text: str) -> str:
        """``text`` with a space where a name runs into a role or a label ("JamesStaff
        Writer", "PaurEmail Author")."""
        for m in reversed(list(_RUN_INTO.finditer(text))):
            words = text[m.start() :].split()[:ROLE_LOOKAHEAD]
            if self._role_at(words, 0) or _fold(words[0]) in self._stops:
                text = text[: m.start()] + " " + text[m.start() :]
        return text

    def _role_at(self, words: list[str], i: int) -> bool:
        """Whether a role starts at ``words[i]``: a role word, or topics and then one."""
        while i < len(words) and _fold(words[i]) in self._topics:
            i += 1
        return i < len(words) and _fold(words[i]) in self._roles

    def _name(self, words: list[str], *, first: bool, upper: bool) -> tuple[list[str], bool]:
        """The name ``words`` open with, and whether more names may follow it."""
        head = words[0]
        if head.startswith("@"):
            return ([head.rstrip(".,")] if first else []), False  # "By @jdoe"; after a name, its handle
        if first and head[:1].islower() and (len(words) == 1 or _fold(words[1]) in self._stops) \
                and _fold(head) not in self._roles:
            return [head], False  # a user name: "by jdoe", "by jdoe on ..."
        # "NBC's Kristen Welker": the outlet's
        owner = next((i for i, w in enumerate(words[:POSSESSIVE_WITHIN]) if w.endswith(_POSSESSIVE)), None)
        if owner is not None:
            after = words[owner + 1 : owner + 1 + MIN_NAME_AFTER_COMMA]
            if len(after) == MIN_NAME_AFTER_COMMA and all(w[:1].isupper() for w in after):
                words = words[owner + 1 :]
        name: list[str] = []
        caps: bool | None = None  # whether the name is written in capitals ("JANE DOE")
        for i, word in enumerate(words):
            shape = self._shape(word, i)
            if shape is None:
                break  # a label, a lower-case word, a number: the names end
            if self._role_at(words, i):
                if i == 1:
                    name = []  # "By Planet Staff": an outlet's people, no one's name
                break
            if i >= MIN_NAME_AFTER_COMMA and _fold(word) in self._outlets and i + 1 < len(words) \
                    and words[i + 1][:1].isupper():
                break  # "Tom Davies Associated Press": an outlet's name after the person's
            if shape in (_CAPS, _MIXED):
                caps = shape == _CAPS if caps is None else caps
                if caps != (shape == _CAPS):
                    break  # "DANICA KIRKA Associated Press", "Helen Briggs BBC News"
            name.append(word)
            if word.endswith(".") and _letters(word) >= SENTENCE_WORD:
                name[-1] = word[:-1]  # "by Sky Friedlander. Posted on ...": the sentence ends
                return _trim(name, self._particles), False
        else:
            return self._checked(name, caps, upper), True
        return self._checked(name, caps, upper), False

    def _checked(self, name: list[str], caps: bool | None, upper: bool) -> list[str]:
        """The name without the particles it ends with; none if it is a lone acronym
        ("CNN"), unless the whole byline is in capitals ("By REUTERS")."""
        name = _trim(name, self._particles)
        if caps and not upper and sum(1 for w in name if _letters(w) >= ACRONYM_MIN) < MIN_NAME_AFTER_COMMA:
            return []
        return name

    def _shape(self, word: str, i: int) -> str | None:
        """What kind of word of a name ``word`` is (:data:`_CAPS`, :data:`_MIXED` or
        :data:`_PLAIN`: initials, particles, a script without case), None if none."""
        low = _fold(word)
        if low in self._stops or word.startswith("@") or (low in self._short_days and word[-1:] in ".,"):
            return None
        first = word[:1]
        if low in self._particles and first.islower():
            return _PLAIN if i > 0 else None  # "Anne de Vries"
        if not first.isalpha() or first.islower():
            return None
        if not first.isupper():
            return _PLAIN  # a script without case (Arabic, Chinese)
        if _INITIALS.fullmatch(word) or _letters(word) < ACRONYM_MIN:
            return _PLAIN  # "E.", "J.R.", "J"
        if not _WORD.fullmatch(word):
            return None  # digits, a web address ("NFL.com")
        return _CAPS if all(ch.isupper() for ch in word if ch.isalpha()) else _MIXED


def authors(byline: str, rules: Rules | None = None) -> list[str]:
    """The names in ``byline``, in order: ``authors("By Meg JamesStaff Writer")`` is
    ``["Meg James"]`` (``rules``: whose vocabulary; the built-in one by default)."""
    return list(Authors.of(rules or default_rules()).names(byline))


def _letters(word: str) -> int:
    return sum(map(str.isalpha, word))


def _fold(word: str) -> str:
    return word.strip(".,:;!?'’\"").casefold()


def _trim(name: list[str], particles: frozenset[str]) -> list[str]:
    """A name without the particles it would end with ("Jane Doe of")."""
    while name and _fold(name[-1]) in particles and name[-1][:1].islower():
        name.pop()
    return name
