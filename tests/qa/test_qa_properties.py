"""Any question on any text: never a crash, and every citation is a verbatim span."""

from __future__ import annotations

import hashlib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.core.models import Article
from bot.qa import answer_question


def _words(text: str) -> list[str]:
    return text.split()


_WORDS = st.sampled_from(
    [
        *_words("China Korea will pledge 10 billion dollars in Manila by 2027 how much many when"),
        *_words("where who what which fund summit coast guard train 3,000 students . , ? — “ ”"),
        *_words("A$120 million"),
        chr(10),
    ]
)
_TEXT = st.one_of(st.text(max_size=300), st.lists(_WORDS, max_size=60).map(" ".join))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=_TEXT, question=_TEXT)
def test_citations_are_verbatim_and_nothing_crashes(body: str, question: str) -> None:
    article = Article(title="t", text=body, sha256=hashlib.sha256(body.encode()).hexdigest())
    answer = answer_question(question, [article])
    assert answer.answer
    for citation in answer.citations:
        assert citation.quote == body[citation.span[0] : citation.span[1]]
