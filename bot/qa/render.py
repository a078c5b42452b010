"""An answer as plain terminal text: the answer, then each quote with its source.

Pure. Quotes are article text, so control characters are dropped and line breaks folded
(no terminal escapes, no forged lines). Belongs with the console adapter's renderers.
"""

from __future__ import annotations

import re

from bot.core.models import Answer

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def render_answer_text(answer: Answer) -> str:
    text = _clean(answer.answer)
    lines = [text]
    for citation in answer.citations:
        source = _clean(citation.title) + (f" <{_clean(citation.url)}>" if citation.url else "")
        quote = _clean(citation.quote)
        if quote not in text:  # an open answer already is the quote
            lines.append(f"  “{quote}”")
        lines.append(f"    — {source}")
    return "\n".join(lines)


def _clean(text: str) -> str:
    return " ".join(_CONTROL.sub(" ", text).split())
