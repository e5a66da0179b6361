"""Finding dates in short lines ("Updated 01 October 2020", "Nov. 19, 2019 8:03 am ET").

Absolute dates become ISO 8601 (``2020-10-01`` or ``2019-11-19T08:03``); relative ones
("2 sec ago", "yesterday") are kept as written. The words dates are made of (month
names, labels, day names, time zones) come from the vocabulary (``newskit/rules/cues.toml``):
a :class:`Dates` reads dates with one vocabulary; :func:`find_dates` and :func:`date_line`
with the built-in one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from .vocabulary import Vocabulary, alternatives, builtin_vocabulary


@dataclass(frozen=True, slots=True)
class DateInfo:
    value: str  # ISO 8601, or the relative phrase as written
    updated: bool  # the line says "Updated"/"Modified" before this date
    absolute: bool


_LEFTOVER = re.compile(r"[^\W\d_]{2,}")
MAX_DATE_LINE = 160  # a date line is short: longer lines are not looked at


class Dates:
    """Reads dates with one vocabulary's words."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        v = vocabulary
        self.months = v.month_numbers
        self.month_names = frozenset(self.months)
        month = alternatives(self.months)
        ordinal = alternatives(v["ordinal_suffixes"])
        joiner = alternatives(v["date_joiners"])
        time_joiners = "".join(f"{re.escape(w)}\\s+|" for w in v["time_joiners"])
        time = r"(?P<h>\d{1,2})[:.](?P<mi>\d{2})(?::\d{2})?\s*(?P<ap>[ap]\.?\s?m\.?)?"
        dmy = (rf"(?P<d>\d{{1,2}})(?:{ordinal}|\.|º)?\s+(?:(?:{joiner})\s+)?(?P<mon>{month})\.?,?\s+"
               rf"(?:(?:{joiner})\s+)?(?P<y>\d{{4}})")
        mdy = rf"(?P<mon2>{month})\.?\s+(?P<d2>\d{{1,2}})(?:{ordinal})?,?\s+(?P<y2>\d{{4}})"
        iso = (
            r"(?P<iy>\d{4})[-/.](?P<im>\d{1,2})[-/.](?P<id>\d{1,2})"
            r"(?:[T ](?P<ih>\d{2}):(?P<imi>\d{2})(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?"
        )
        eu = r"(?P<ed>\d{1,2})[./](?P<em>\d{1,2})[./](?P<ey>\d{4})"
        self.absolute = re.compile(
            rf"\b(?:{dmy}|{mdy}|{iso}|{eu})\b(?:,?\s*(?:{time_joiners}-\s*|\|\s*)?{time})?", re.I
        )
        self.relative = re.compile(
            rf"\b(?:(?:\d+|{alternatives(v['relative_counts'])})\s*"
            rf"(?:{alternatives(v['relative_units'])})\s+(?:{alternatives(v['ago'])})"
            rf"|{alternatives(v['relative_words'])})\b",
            re.I,
        )
        # The words that, seen in a line, may make it hold a relative date.
        self.relative_hints = (*v["ago"], *v["relative_words"])
        # The labels that say a date is the publication date, or an update.
        self.published_label = re.compile(rf"\b(?:{alternatives(v['published_labels'])})\b", re.I)
        self._updated = re.compile(rf"\b({alternatives(v['updated_labels'])})\b", re.I)
        self._labels = re.compile(self.published_label.pattern + "|" + self._updated.pattern, re.I)
        # Words a date line may hold besides the date itself.
        fillers = (*v["date_filler"], *v["weekdays"], *v["time_zones"], *v["date_filler_more"])
        self._filler = re.compile(rf"\b(?:{alternatives(fillers)}|\d+)\b", re.I)
        self._by = re.compile(rf"\W*({alternatives(v['by'])})\s", re.I)
        # Every word a date, a relative date or a filler may be made of (as _LEFTOVER finds
        # words): a line with more other words than a date line may hold is not looked at further.
        self._date_words = frozenset(
            [*self.months, *v["date_words"]] + _LEFTOVER.findall(" ".join(fillers).lower())
        )
        self.date_line: Callable[[str], tuple[DateInfo, ...]] = lru_cache(maxsize=16384)(self._date_line)

    def _iso(self, m: re.Match[str]) -> str | None:
        g = m.groupdict()
        try:
            if g["d"]:
                y, mo, d = int(g["y"]), self.months[g["mon"].lower().rstrip(".")], int(g["d"])
            elif g["d2"]:
                y, mo, d = int(g["y2"]), self.months[g["mon2"].lower().rstrip(".")], int(g["d2"])
            elif g["iy"]:
                y, mo, d = int(g["iy"]), int(g["im"]), int(g["id"])
            else:
                y, mo, d = int(g["ey"]), int(g["em"]), int(g["ed"])
                if mo > 12 >= d:  # noqa: PLR2004  "11/19/2019": month first, as in the United States
                    mo, d = d, mo
        except KeyError:
            return None
        if not (1 <= mo <= 12 and 1 <= d <= 31 and 1900 <= y <= 2100):  # noqa: PLR2004 (a calendar's bounds)
            return None
        out = f"{y:04d}-{mo:02d}-{d:02d}"
        if g.get("ih") is not None:
            return out + f"T{g['ih']}:{g['imi']}"
        if g.get("h") is not None:
            return out + _clock(int(g["h"]), int(g["mi"]), g.get("ap") or "")
        return out

    def find_dates(self, line: str) -> list[DateInfo]:
        """Every date in ``line``, in order, each marked updated or not by the words before it."""
        found: list[tuple[int, DateInfo]] = []
        for m in self.absolute.finditer(line):
            iso = self._iso(m)
            if iso:
                before = line[: m.start()]
                found.append((m.start(), DateInfo(iso, self._label_is_updated(before), True)))
        for m in self.relative.finditer(line):
            if not any(s <= m.start() < s + 40 for s, _ in found):  # noqa: PLR2004 (a date's length, at most)
                before = line[: m.start()]
                found.append((m.start(), DateInfo(m.group(0), self._label_is_updated(before), False)))
        found.sort(key=lambda t: t[0])
        return [d for _, d in found]

    def _label_is_updated(self, before: str) -> bool:
        """Whether the nearest label before a date says it is an update."""
        labels = list(self._labels.finditer(before[-40:]))  # (a label stands close to its date)
        return bool(labels) and self._updated.search(labels[-1].group(0)) is not None

    def _date_line(self, line: str, max_leftover: int = 3) -> tuple[DateInfo, ...]:
        """The dates of ``line`` if the line is essentially a date line, else ``()``.

        A date line holds one or two dates and little else: labels ("Updated"), day names,
        times and time zones, separators, at most ``max_leftover`` other words.
        """
        if len(line) > MAX_DATE_LINE:
            return ()
        if self._by.match(line):
            max_leftover += 5  # "By Jane Doe, Staff Writer | Nov. 19, 2019"
        others = sum(w not in self._date_words for w in _LEFTOVER.findall(line.lower()))
        if others > max_leftover:  # at least this many words would be left over: not a date line
            return ()
        dates = self.find_dates(line)
        if not dates:
            return ()
        rest = self.relative.sub(" ", self.absolute.sub(" ", line))
        rest = self._filler.sub(" ", rest)
        leftover = _LEFTOVER.findall(rest)
        return tuple(dates) if len(leftover) <= max_leftover else ()


def _clock(h: int, mi: int, ap: str) -> str:
    """``Thh:mm`` of a time read as written (``ap``: "pm", "a.m." or ""), or "" if none."""
    ap = ap.replace(".", "").replace(" ", "").lower()
    if ap == "pm" and h < 12:  # noqa: PLR2004 (a 12-hour clock)
        h += 12
    elif ap == "am" and h == 12:  # noqa: PLR2004
        h = 0
    return f"T{h:02d}:{mi:02d}" if h < 24 and mi < 60 else ""  # noqa: PLR2004 (a day's hours and minutes)


@lru_cache(maxsize=1)
def builtin_dates() -> Dates:
    """Dates read with the built-in vocabulary."""
    return Dates(builtin_vocabulary())


def find_dates(line: str) -> list[DateInfo]:
    """Every date in ``line`` (built-in vocabulary; see :meth:`Dates.find_dates`)."""
    return builtin_dates().find_dates(line)


def date_line(line: str) -> tuple[DateInfo, ...]:
    """The dates of a date line, else ``()`` (built-in vocabulary; see :meth:`Dates.date_line`)."""
    return builtin_dates().date_line(line)
