"""Finding dates in short lines ("Updated 01 October 2020", "Nov. 19, 2019 8:03 am ET").

Absolute dates become ISO 8601 (``2020-10-01`` or ``2019-11-19T08:03``); relative ones
("2 sec ago", "yesterday") are kept as written. The words dates are made of (month
names, labels, day names, time zones) come from the vocabulary (``newskit/rules/cues.toml``):
a :class:`Dates` reads dates with one vocabulary; :func:`find_dates` and :func:`date_line`
with the built-in one.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import zoneinfo
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from .text import CJK, CJK_RANGES, has_cjk
from .vocabulary import Vocabulary, alternatives, any_text, builtin_vocabulary


@dataclass(frozen=True, slots=True)
class DateInfo:
    value: str  # ISO 8601, or the relative phrase as written
    updated: bool  # the line says "Updated"/"Modified" before this date
    absolute: bool


_LEFTOVER = re.compile(r"[^\W\d_]{2,}")
_YEAR_DIGITS = re.compile(r"\d{4}")  # every absolute date the patterns read has its year in full
MAX_DATE_LINE = 160  # a date line is short: longer lines are not looked at
_OFFSET = re.compile(r"([+-])(\d{2}):?(\d{2})")
_NAMED_OFFSET = re.compile(r"(?:GMT|UTC)([+-])(\d{1,2})(?::?(\d{2}))?")
# The units of a relative date, as the vocabulary's lists name them, and what one is.
_UNITS: dict[str, dt.timedelta | int] = {
    "relative_seconds": dt.timedelta(seconds=1), "relative_minutes": dt.timedelta(minutes=1),
    "relative_hours": dt.timedelta(hours=1), "relative_days": dt.timedelta(days=1),
    "relative_weeks": dt.timedelta(weeks=1), "relative_months": 1, "relative_years": 12,
}
# The relative words, as the vocabulary's lists name them, and how many days before the
# reference they say (None: the reference time itself).
_DAYS: dict[str, int | None] = {"relative_now": None, "relative_today": 0, "relative_yesterday": 1}
_MONTHS_A_YEAR = 12


def _time(suffix: str, zones: str) -> str:
    """A time of day ("10:32", "8:03 a.m.", "20:51:19", "10h32") and its zone, if written
    ("Z", "+02:00", "GMT+3", or a zone name in capitals: "EST"), its groups named with ``suffix``."""
    s = suffix
    return (
        rf"(?P<h{s}>\d{{1,2}})[:.h](?P<mi{s}>\d{{2}})(?::(?P<s{s}>\d{{2}}))?\s*(?P<ap{s}>[ap]\.?\s?m\.?)?"
        rf"(?:\s*(?P<tz{s}>[+-]\d{{2}}:?\d{{2}}|(?-i:GMT|UTC)[+-]\d{{1,2}}(?::?\d{{2}})?|(?-i:{zones}))\b)?"
    )


class Dates:
    """Reads dates with one vocabulary's words."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        v = vocabulary
        self.months = v.month_numbers
        self.month_names = frozenset(self.months)
        self.zones = v.zone_offsets
        month = alternatives(self.months)
        ordinal = alternatives(v["ordinal_suffixes"])
        joiner = alternatives(v["date_joiners"])
        time_joiners = "".join(f"{re.escape(w)}\\s+|" for w in v["time_joiners"])
        zones = alternatives(z.upper() for z in self.zones)
        time = _time("", zones)
        dmy = (rf"(?P<d>\d{{1,2}})(?:{ordinal}|\.|º)?\s+(?:(?:{joiner})\s+)?(?P<mon>{month})\.?[,،]?\s+"
               rf"(?:(?:{joiner})\s+)?(?P<y>\d{{4}})")
        mdy = rf"(?P<mon2>{month})\.?\s+(?P<d2>\d{{1,2}})(?:{ordinal})?[,،]?\s+(?P<y2>\d{{4}})"
        iso = (
            r"(?P<iy>\d{4})[-/.](?P<im>\d{1,2})[-/.](?P<id>\d{1,2})"
            r"(?:[T ](?P<ih>\d{2}):(?P<imi>\d{2})(?::(?P<is>\d{2}))?(?:\.\d+)?(?P<itz>Z|[+-]\d{2}:?\d{2})?)?"
        )
        eu = r"(?P<ed>\d{1,2})[./](?P<em>\d{1,2})[./](?P<ey>\d{4})"
        cjk = (rf"(?P<cy>\d{{4}})\s*(?:{alternatives(v['year_marks'])})\s*(?P<cm>\d{{1,2}})\s*"
               rf"(?:{alternatives(v['month_marks'])})\s*(?P<cd>\d{{1,2}})\s*(?:{alternatives(v['day_marks'])})")
        # A time may come first ("11:34 PM EST Nov 19, 2019", "1:39 am EST, Wednesday, November 20, 2019").
        before = rf"(?:\b{_time('0', zones)},?\s*(?:(?:{alternatives(v['weekdays'])})\.?,?\s*)?)?"
        # (a year may run into its time: "NOV 15, 20195:45 AM", as a page's blocks were joined)
        self.absolute = re.compile(
            rf"(?:{before}\b(?:{dmy}|{mdy}|{iso}|{eu})(?:\b|(?=\d{{1,2}}:\d{{2}}))|(?<!\d){cjk})"
            rf"(?:,?\s*(?:{time_joiners}-\s*|\|\s*)?{time})?",
            re.I,
        )
        self._units = {w: unit for key, unit in _UNITS.items() for w in v[key]}
        self._days = {w: days for key, days in _DAYS.items() for w in v[key]}
        count = rf"(?:\b(?:{alternatives(v['relative_counts'])})|(?<!\d)\d+)"
        unit = alternatives(self._units)
        # (Chinese and Japanese put no space between words: "2小时前", "发布于昨天")
        start, end = rf"(?:\b|(?=[{CJK_RANGES}]))", rf"(?:\b|(?<=[{CJK_RANGES}]))"
        self.relative = re.compile(
            rf"(?P<n>{count})\s*(?P<unit>{unit})\s*(?:{alternatives(v['ago'])}){end}"
            rf"|\b(?:{alternatives(v['ago_before'])})\s+(?P<n2>{count})\s*(?P<unit2>{unit}){end}"
            rf"|{start}(?P<word>{alternatives(self._days)}){end}(?:,?\s*(?:{time_joiners})?{time})?",
            re.I,
        )
        # The words that, seen in a line, may make it hold a relative date: every match
        # of ``relative`` holds one of them.
        self.relative_hints = (*v["ago"], *v["ago_before"], *self._days)
        self._relative_word = any_text(self.relative_hints, re.I) or re.compile("(?!)")
        # The labels that say a date is the publication date, or an update.
        self.published_label = re.compile(rf"\b(?:{alternatives(v['published_labels'])})\b", re.I)
        self._updated = re.compile(rf"\b({alternatives(v['updated_labels'])})\b", re.I)
        self._labels = re.compile(self.published_label.pattern + "|" + self._updated.pattern, re.I)
        # Words a date line may hold besides the date itself.
        fillers = (*v["date_filler"], *v["weekdays"], *v["time_zones"], *v["date_filler_more"])
        self._filler = re.compile(rf"\b(?:{alternatives(fillers)}|\d+)\b", re.I)
        self._by = re.compile(rf"\W*({alternatives([*v['by'], *v['by_also']])})\s", re.I)
        # Every word a date, a relative date or a filler may be made of (as _LEFTOVER finds
        # words): a line with more other words than a date line may hold is not looked at further.
        self._date_words = frozenset(
            _LEFTOVER.findall(" ".join([*self.months, *v["date_words"], *fillers]).lower())
        )
        self.date_line: Callable[[str], tuple[DateInfo, ...]] = lru_cache(maxsize=16384)(self._date_line)

    def _day(self, g: dict[str, str | None]) -> tuple[int, int, int] | None:
        """The year, month and day of a match's groups (None: a month name not known)."""
        try:
            if g["d"]:
                return int(g["y"] or 0), self.months[(g["mon"] or "").lower().rstrip(".")], int(g["d"])
            if g["d2"]:
                return int(g["y2"] or 0), self.months[(g["mon2"] or "").lower().rstrip(".")], int(g["d2"])
        except KeyError:
            return None
        if g["iy"]:
            return int(g["iy"]), int(g["im"] or 0), int(g["id"] or 0)
        if g["cy"]:
            return int(g["cy"]), int(g["cm"] or 0), int(g["cd"] or 0)
        y, mo, d = int(g["ey"] or 0), int(g["em"] or 0), int(g["ed"] or 0)
        if mo > 12 >= d:  # noqa: PLR2004  "11/19/2019": month first, as in the United States
            mo, d = d, mo
        return y, mo, d

    def _iso(self, m: re.Match[str]) -> str | None:
        g = m.groupdict()
        day = self._day(g)
        if day is None:
            return None
        y, mo, d = day
        if not (1 <= mo <= 12 and 1 <= d <= 31 and 1900 <= y <= 2100):  # noqa: PLR2004 (a calendar's bounds)
            return None
        try:
            date = dt.date(y, mo, d)
        except ValueError:  # "31 June"
            return None
        clock = _clock_of(g)
        if clock is None:
            return date.isoformat()
        at = dt.datetime.combine(date, clock)
        offset = self._offset(g.get("itz") or g.get("tz") or g.get("tz0"), at)
        out = at.isoformat(timespec="seconds" if clock.second or g.get("is") or g.get("s") or g.get("s0")
                           else "minutes")
        return out + (offset or "")

    def _offset(self, zone: str | None, at: dt.datetime) -> str | None:
        """``zone`` as an offset ("+02:00") at local time ``at``; None if unknown."""
        if not zone:
            return None
        m = _OFFSET.fullmatch(zone)
        if m:
            return f"{m.group(1)}{m.group(2)}:{m.group(3)}"
        m = _NAMED_OFFSET.fullmatch(zone)
        if m:  # "GMT+3", "UTC-05:30"
            return f"{m.group(1)}{int(m.group(2)):02d}:{m.group(3) or '00'}"
        known = self.zones.get(zone.lower())
        if known is None or _OFFSET.fullmatch(known):
            return known
        try:  # a region's time ("ET"): its offset on that day, from the time zone database
            delta = at.replace(tzinfo=zoneinfo.ZoneInfo(known)).utcoffset()
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return None
        return _format_offset(delta) if delta is not None else None

    def resolve(self, phrase: str, now: dt.datetime) -> str | None:
        """A relative date ("2 hours ago", "yesterday", "Today 12:01 AM") as ISO 8601,
        counted back from ``now``; None if ``phrase`` is not one."""
        m = self.relative.match(phrase.strip())
        if m is None:
            return None
        g = m.groupdict()
        n, word = g["n"] or g["n2"], g["unit"] or g["unit2"]
        if word:
            count = int(n) if n and n.isdigit() else 1
            unit = self._units[word.lower()]
            if isinstance(unit, int):
                return _months_before(now.date(), count * unit).isoformat()
            spec = "seconds" if unit < dt.timedelta(minutes=1) else "minutes"
            back = now - count * unit
            return back.date().isoformat() if unit >= dt.timedelta(days=1) else back.isoformat(timespec=spec)
        days = self._days[(g["word"] or "").lower()]
        if days is None:
            return now.isoformat(timespec="minutes")
        day = now.date() - dt.timedelta(days=days)
        clock = _clock_of(g)
        if clock is None:
            return day.isoformat()
        return dt.datetime.combine(day, clock, tzinfo=now.tzinfo).isoformat(timespec="minutes")

    def find_dates(self, line: str) -> list[DateInfo]:
        """Every date in ``line``, in order, each marked updated or not by the words before it."""
        found: list[tuple[int, DateInfo]] = []
        # (Both patterns try every place in the line, and most lines hold no date: they are
        # searched only where a date can be, a year written out or a relative date's word.)
        for m in self.absolute.finditer(line) if _YEAR_DIGITS.search(line) else ():
            iso = self._iso(m)
            if iso:
                before = line[: m.start()]
                found.append((m.start(), DateInfo(iso, self._label_is_updated(before), True)))
        for m in self.relative.finditer(line) if self._relative_word.search(line) else ():
            if not any(s <= m.start() < s + 40 for s, _ in found):  # noqa: PLR2004 (a date's length, at most)
                before = line[: m.start()]
                found.append((m.start(), DateInfo(m.group(0), self._label_is_updated(before), False)))
        found.sort(key=lambda t: t[0])
        return [d for _, d in found]

    def _label_is_updated(self, before: str) -> bool:
        """Whether the nearest label before a date says it is an update."""
        labels = list(self._labels.finditer(before[-40:]))  # (a label stands close to its date)
        return bool(labels) and self._updated.search(labels[-1].group(0)) is not None

    def words_besides(self, line: str) -> int:
        """How many words ``line`` holds besides its dates, their labels and fillers
        ("Markets crash today": 2)."""
        rest = self._filler.sub(" ", self._without_dates(line))
        return _words(_LEFTOVER.findall(rest))

    def first_date(self, text: str) -> int:
        """Where the first date or time of ``text`` starts (its length if none)."""
        found = [m.start() for m in (
            self.absolute.search(text) if _YEAR_DIGITS.search(text) else None,
            self.relative.search(text) if self._relative_word.search(text) else None,
        ) if m]
        return min(found, default=len(text))

    def _without_dates(self, line: str) -> str:
        """``line`` with a space for each of its dates (see :meth:`find_dates` for the tests first)."""
        if _YEAR_DIGITS.search(line):
            line = self.absolute.sub(" ", line)
        return self.relative.sub(" ", line) if self._relative_word.search(line) else line

    def date_tail(self, line: str, min_words: int) -> int | None:
        """Where a labelled date that closes ``line`` starts, its label first ("Nuclear talks
        resume in Geneva World, Updated Nov 07, 2012 at 02:56am IST": where "Updated"
        starts), when ``min_words`` words or more stand before it: a headline and its date
        on one line, as a layout's inline boxes run them together. None where the line's
        last label opens no date line that runs to its end."""
        labels = list(self._labels.finditer(line))
        if not labels:
            return None
        at = labels[-1].start()
        if len(line[:at].split()) < min_words or not self._date_line(line[at:]):
            return None
        return at

    def labelled(self, line: str) -> bool:
        """Whether ``line`` holds a published or updated label ("Posted", "Updated")."""
        return self._labels.search(line) is not None

    def _date_line(self, line: str, max_leftover: int = 3) -> tuple[DateInfo, ...]:
        """The dates of ``line`` if the line is essentially a date line, else ``()``.

        A date line holds one or two dates and little else: labels ("Updated"), day names,
        times and time zones, separators, at most ``max_leftover`` other words.
        """
        if len(line) > MAX_DATE_LINE:
            return ()
        if self._by.match(line):
            max_leftover += 5  # "By Jane Doe, Staff Writer | Nov. 19, 2019"
        others = _words([w for w in _LEFTOVER.findall(line.lower()) if w not in self._date_words])
        if others > max_leftover:  # at least this many words would be left over: not a date line
            return ()
        dates = self.find_dates(line)
        if not dates:
            return ()
        rest = self._filler.sub(" ", self._without_dates(line))
        return tuple(dates) if _words(_LEFTOVER.findall(rest)) <= max_leftover else ()


def _words(found: list[str]) -> int:
    """How many words these are, a run of Chinese or Japanese characters counting one word
    for every two characters (a sentence of them is not one word)."""
    if "".join(found).isascii():  # (most lines: no word to look into)
        return len(found)
    return sum(max(1, len(CJK.findall(w)) // 2) if has_cjk(w) else 1 for w in found)


def _clock_of(g: dict[str, str | None]) -> dt.time | None:
    """The time of day a match's groups give (an ISO time, one after the date, one before
    it), read as written; None if none or not a time."""
    for h, mi, sec, ap in (("ih", "imi", "is", None), ("h", "mi", "s", "ap"), ("h0", "mi0", "s0", "ap0")):
        if g.get(h) is not None:
            return _clock(int(g[h] or 0), int(g[mi] or 0), int(g.get(sec) or 0), (g.get(ap) or "") if ap else "")
    return None


def _clock(h: int, mi: int, sec: int, ap: str) -> dt.time | None:
    """A time read as written (``ap``: "pm", "a.m." or ""), or None if not a time."""
    ap = ap.replace(".", "").replace(" ", "").lower()
    if ap == "pm" and h < 12:  # noqa: PLR2004 (a 12-hour clock)
        h += 12
    elif ap == "am" and h == 12:  # noqa: PLR2004
        h = 0
    try:
        return dt.time(h, mi, sec)
    except ValueError:
        return None


def _format_offset(delta: dt.timedelta) -> str:
    minutes = int(delta.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _months_before(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` months before (the month's last day where it has fewer)."""
    index = day.year * _MONTHS_A_YEAR + day.month - 1 - months
    year, month = divmod(index, _MONTHS_A_YEAR)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


@lru_cache(maxsize=8)
def dates_for(vocabulary: Vocabulary) -> Dates:
    """The :class:`Dates` of ``vocabulary``, made once (its patterns are costly to build)."""
    return Dates(vocabulary)


def builtin_dates() -> Dates:
    """Dates read with the built-in vocabulary."""
    return dates_for(builtin_vocabulary())


def find_dates(line: str) -> list[DateInfo]:
    """Every date in ``line`` (built-in vocabulary; see :meth:`Dates.find_dates`)."""
    return builtin_dates().find_dates(line)


def date_line(line: str) -> tuple[DateInfo, ...]:
    """The dates of a date line, else ``()`` (built-in vocabulary; see :meth:`Dates.date_line`)."""
    return builtin_dates().date_line(line)
