"""Finding dates in short lines ("Updated 01 October 2020", "Nov. 19, 2019 8:03 am ET").

Absolute dates become ISO 8601 (``2020-10-01`` or ``2019-11-19T08:03``); relative ones
("2 sec ago", "yesterday") are kept as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_MONTHS = {
    # English
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
    # Portuguese, Spanish, French, German, Italian (cheap to add, common in the corpus)
    "janeiro": 1, "fevereiro": 2, "março": 3, "abril": 4, "maio": 5, "junho": 6, "julho": 7,
    "agosto": 8, "setembro": 9, "outubro": 10, "novembro": 11, "dezembro": 12,
    "enero": 1, "febrero": 2, "marzo": 3, "mayo": 5, "junio": 6, "julio": 7,
    "septiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
    "janvier": 1, "février": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
    "août": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12,
    "januar": 1, "februar": 2, "märz": 3, "juni": 6, "juli": 7, "oktober": 10, "dezember": 12,
    "gennaio": 1, "febbraio": 2, "aprile": 4, "maggio": 5, "giugno": 6, "luglio": 7,
    "settembre": 9, "ottobre": 10, "dicembre": 12,
}
_MONTH = "|".join(sorted((re.escape(m) for m in _MONTHS), key=len, reverse=True))
_TIME = r"(?P<h>\d{1,2})[:.](?P<mi>\d{2})(?::\d{2})?\s*(?P<ap>[ap]\.?\s?m\.?)?"
_DMY = rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th|\.|º)?\s+(?:de\s+)?(?P<mon>{_MONTH})\.?,?\s+(?:de\s+)?(?P<y>\d{{4}})"
_MDY = rf"(?P<mon2>{_MONTH})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})"
_ISO = (
    r"(?P<iy>\d{4})[-/.](?P<im>\d{1,2})[-/.](?P<id>\d{1,2})"
    r"(?:[T ](?P<ih>\d{2}):(?P<imi>\d{2})(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?"
)
_EU = r"(?P<ed>\d{1,2})[./](?P<em>\d{1,2})[./](?P<ey>\d{4})"
_ABS = re.compile(rf"\b(?:{_DMY}|{_MDY}|{_ISO}|{_EU})\b(?:,?\s*(?:at\s+|às\s+|um\s+|à\s+|-\s*|\|\s*)?{_TIME})?", re.I)
ABS_DATE = _ABS  # for the parser: where a line opens with a date
MONTH_NAMES = frozenset(_MONTHS)
_REL = re.compile(
    r"\b(?:(?:\d+|an?|one)\s*"
    r"(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|months?|years?)\s+ago"
    r"|just now|yesterday|today)\b",
    re.I,
)
# The labels that say a date is the publication date.
PUBLISHED_LABEL = re.compile(
    r"\b(?:published|posted|publicado|publicada|publié|publiée|veröffentlicht|pubblicato|publish date)\b", re.I
)
_UPDATED = re.compile(
    r"\b(updated?|last updated|modified|atualizad[oa]|actualizad[oa]|mis à jour|aktualisiert|aggiornat[oa])\b", re.I
)
# Words a date line may hold besides the date itself.
_FILLER = re.compile(
    r"\b(?:published|updated?|last|first|posted|modified|date|on|at|by|the|of|de|em|el|le|am|um|le|il|"
    r"publicado|atualizado|actualizado|publié|mis|à|jour|veröffentlicht|aktualisiert|pubblicato|aggiornato|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|"
    r"segunda|terça|quarta|quinta|sexta|sábado|domingo|feira|lunes|martes|miércoles|jueves|viernes|"
    r"et|est|edt|ct|cst|cdt|pt|pst|pdt|mt|gmt|utc|bst|cet|cest|ist|ast|jst|kst|msk|hrs|h|time|"
    r"ago|read|min|minutes?|just|now|yesterday|today|and|\d+)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class DateInfo:
    value: str  # ISO 8601, or the relative phrase as written
    updated: bool  # the line says "Updated"/"Modified" before this date
    absolute: bool


def _iso(m: re.Match[str]) -> str | None:
    g = m.groupdict()
    try:
        if g["d"]:
            y, mo, d = int(g["y"]), _MONTHS[g["mon"].lower().rstrip(".")], int(g["d"])
        elif g["d2"]:
            y, mo, d = int(g["y2"]), _MONTHS[g["mon2"].lower().rstrip(".")], int(g["d2"])
        elif g["iy"]:
            y, mo, d = int(g["iy"]), int(g["im"]), int(g["id"])
        else:
            y, mo, d = int(g["ey"]), int(g["em"]), int(g["ed"])
            if mo > 12 >= d:  # "11/19/2019": month first, as in the United States
                mo, d = d, mo
    except KeyError:
        return None
    if not (1 <= mo <= 12 and 1 <= d <= 31 and 1900 <= y <= 2100):
        return None
    out = f"{y:04d}-{mo:02d}-{d:02d}"
    if g.get("ih") is not None:
        return out + f"T{g['ih']}:{g['imi']}"
    if g.get("h") is not None:
        h, mi = int(g["h"]), int(g["mi"])
        ap = (g.get("ap") or "").replace(".", "").replace(" ", "").lower()
        if ap == "pm" and h < 12:
            h += 12
        elif ap == "am" and h == 12:
            h = 0
        if h < 24 and mi < 60:
            out += f"T{h:02d}:{mi:02d}"
    return out


def find_dates(line: str) -> list[DateInfo]:
    """Every date in ``line``, in order, each marked updated or not by the words before it."""
    found: list[tuple[int, DateInfo]] = []
    for m in _ABS.finditer(line):
        iso = _iso(m)
        if iso:
            before = line[: m.start()]
            found.append((m.start(), DateInfo(iso, _label_is_updated(before), True)))
    for m in _REL.finditer(line):
        if not any(s <= m.start() < s + 40 for s, _ in found):
            before = line[: m.start()]
            found.append((m.start(), DateInfo(m.group(0), _label_is_updated(before), False)))
    found.sort(key=lambda t: t[0])
    return [d for _, d in found]


def _label_is_updated(before: str) -> bool:
    """Whether the nearest label before a date says it is an update."""
    tail = before[-40:]
    labels = list(re.finditer(PUBLISHED_LABEL.pattern + "|" + _UPDATED.pattern, tail, re.I))
    return bool(labels) and _UPDATED.search(labels[-1].group(0)) is not None


# Every word a date, a relative date or a filler may be made of (as _LEFTOVER finds
# words): a line with more other words than a date line may hold is not looked at further.
_DATE_WORDS = frozenset(
    [*_MONTHS, "st", "nd", "rd", "th", "de", "at", "às", "um", "am", "pm", "an", "one", "secs", "sec", "seconds",
     "second", "mins", "min", "minutes", "minute", "hrs", "hr", "hours", "hour", "days", "day", "wks", "wk",
     "weeks", "week", "months", "month", "years", "year", "ago", "just", "now", "yesterday", "today", "update"]
    + re.findall(r"[^\W\d_]{2,}", _FILLER.pattern.lower())
)
_LEFTOVER = re.compile(r"[^\W\d_]{2,}")


@lru_cache(maxsize=16384)
def date_line(line: str, max_leftover: int = 3) -> tuple[DateInfo, ...]:
    """The dates of ``line`` if the line is essentially a date line, else ``()``.

    A date line holds one or two dates and little else: labels ("Updated"), day names,
    times and time zones, separators, at most ``max_leftover`` other words.
    """
    if len(line) > 160:
        return ()
    if re.match(r"\W*(by|por|par|von|di)\s", line, re.I):
        max_leftover += 5  # "By Jane Doe, Staff Writer | Nov. 19, 2019"
    others = sum(w not in _DATE_WORDS for w in _LEFTOVER.findall(line.lower()))
    if others > max_leftover:  # at least this many words would be left over: not a date line
        return ()
    dates = find_dates(line)
    if not dates:
        return ()
    rest = _REL.sub(" ", _ABS.sub(" ", line))
    rest = _FILLER.sub(" ", rest)
    leftover = _LEFTOVER.findall(rest)
    return tuple(dates) if len(leftover) <= max_leftover else ()
