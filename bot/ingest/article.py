"""Text in memory to an `Article`: repair, then fill in what the caller did not give.

What the caller passes (from a sidecar file or the page's metadata) wins; the rest is inferred
from the text: title from the first line, place, outlet and date from the dateline.
"""

from __future__ import annotations

import hashlib
from datetime import date

from bot.core.errors import BadInput
from bot.core.models import Article
from bot.ingest.clean import repair
from bot.ingest.dateline import Dateline, parse_dateline, year_in_text
from bot.ingest.language import detect_language

# Corpus files and saved articles are "headline\n\nbody"; a first line longer than this is
# already the body.
MAX_HEADLINE_CHARS = 200
_FALLBACK_TITLE_CHARS = 120


def article_from_text(
    text: str,
    *,
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
    published: date | None = None,
    dateline: str | None = None,
    language: str | None = None,
) -> Article:
    """An `Article` whose `text` is `text` with mojibake and line breaks repaired.

    Keyword arguments are known metadata and win over inference; None means "infer it".
    """
    clean = repair(text)
    if not clean:
        raise BadInput("the article text is empty")
    found = parse_dateline(clean)
    return Article(
        title=title or infer_title(clean),
        text=clean,
        source=source or (found.outlet if found else None),
        url=url,
        published=published or _published(clean, found),
        dateline=dateline or (found.place if found else None),
        language=language or detect_language(clean),
        sha256=hashlib.sha256(clean.encode("utf-8")).hexdigest(),
    )


def infer_title(text: str) -> str:
    """The headline: a short first line followed by more text, else the lead, shortened."""
    first, _, rest = text.partition("\n")
    first = first.strip()
    if rest.strip() and len(first) <= MAX_HEADLINE_CHARS:
        return first
    return _shorten(first, _FALLBACK_TITLE_CHARS)


def _shorten(line: str, limit: int) -> str:
    if len(line) <= limit:
        return line
    cut = line[:limit].rsplit(" ", 1)[0].rstrip(" ,;:-")
    return f"{cut}…"


def _published(text: str, found: Dateline | None) -> date | None:
    """The dateline's date, when a year for it is in the article; None rather than a guess."""
    if found is None or found.month is None or found.day is None:
        return None
    year = found.year or year_in_text(text, found.month, found.day)
    if year is None:
        return None
    try:
        return date(year, found.month, found.day)
    except ValueError:  # "Feb 30" in a typo'd dateline
        return None
