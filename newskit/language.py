"""The language an article is written in: an ISO 639-1 code, told by py3langid.

py3langid (a maintained fork of langid.py, BSD licence) ships its model inside the wheel:
a naive Bayes classifier over byte n-grams for 97 languages, trained on several domains
of text, so it needs no download and no network, and it tells a language from a few
sentences. Its model is loaded once, on first use (about half a second), so that a parse
that never asks pays nothing. The model reads a text byte by byte in Python (about 1.3 µs a
character here), so only its start is read (:data:`SAMPLE_CHARS`): about 0.8 ms an article.

A text too short to tell (:data:`MIN_LETTERS`), or one the model is unsure of
(:data:`MIN_CONFIDENCE`), has no language (None) rather than a guess.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Protocol

# The start is enough to tell the language: on the 3,064 articles of both dev corpora and
# renderers, 600 characters give the language 2,000 give, every one, at a third of the
# cost (python -m bench.language_sample).
SAMPLE_CHARS = 600
MIN_LETTERS = 20  # fewer letters than this ("Share this", a number) tell no language;
CJK_LETTER = 2  # ... a Chinese or Japanese character, or a Korean syllable, counts as two
_CJK_START = "\u2e80"  # where the CJK scripts begin (radicals, kana, ideographs, hangul)
MIN_CONFIDENCE = 0.5  # the model's probability of its best language, normalised over all
ISO_639_1 = 2  # the codes newskit gives have two letters


class _Identifier(Protocol):
    def classify(self, text: str) -> tuple[str, float]: ...


@lru_cache(maxsize=1)
def _identifier() -> _Identifier:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    found: _Identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    return found


def _letters_enough(sample: str) -> bool:
    """Whether ``sample`` holds :data:`MIN_LETTERS` letters (a CJK one counting two); told
    as soon as it is, most often in the first words."""
    count = 0
    for ch in sample:
        if ch.isalpha():
            count += CJK_LETTER if ch >= _CJK_START else 1
            if count >= MIN_LETTERS:
                return True
    return False


def detect(text: str) -> str | None:
    """The ISO 639-1 code of the language ``text`` is written in ("en", "de", "ja"), or
    None where it is too short to tell or the model is unsure."""
    sample = text[:SAMPLE_CHARS]
    if not _letters_enough(sample):
        return None
    code, confidence = _identifier().classify(sample)
    return code if confidence >= MIN_CONFIDENCE and len(code) == ISO_639_1 else None


def detect_parts(parts: list[str]) -> str | None:
    """:func:`detect` of ``parts`` joined by newlines, joining only the parts its sample reads."""
    taken: list[str] = []
    size = 0
    for part in parts:
        taken.append(part)
        size += len(part) + 1
        if size > SAMPLE_CHARS:
            break
    return detect("\n".join(taken))
