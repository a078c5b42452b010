"""Language identification with py3langid, which carries its model in the wheel."""

from __future__ import annotations

from functools import cache
from itertools import islice
from typing import Any

from py3langid.langid import MODEL_FILE, LanguageIdentifier

UNDETERMINED = "und"  # ISO 639-2 "undetermined"
_MIN_LETTERS = 20  # a headline fragment or a number says nothing about language
_MIN_CONFIDENCE = 0.5
_SAMPLE_CHARS = 5000  # the lead decides; the rest only costs time


def detect_language(text: str) -> str:
    """The ISO 639-1 code of `text` ("en", "id"), or "und" when it is too short or unclear."""
    sample = text[:_SAMPLE_CHARS]
    if not _has_letters(sample, _MIN_LETTERS):
        return UNDETERMINED
    language, confidence = _identifier().classify(sample)
    return str(language) if confidence >= _MIN_CONFIDENCE else UNDETERMINED


def _has_letters(text: str, count: int) -> bool:
    # Stops at the count-th letter: counting all 5,000 characters cost as much as repairing them.
    letters = (c for c in text if c.isalpha())
    return next(islice(letters, count - 1, None), None) is not None


@cache
def _identifier() -> Any:
    # Loaded on first use (about half a second), not at import; normalised probabilities give
    # a confidence to compare with a threshold.
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
