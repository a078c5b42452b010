"""`LLMAnswerer`: a model answers from the passages retrieval found, and only from them.

Every citation must be a verbatim sentence of a retrieved passage; an answer with none that
checks out, or with a figure its citations lack, becomes "The coverage doesn't say." When the
model gives no usable answer at all, the extractive Q&A answers instead.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from bot.brief.figures import find_figures
from bot.brief.llm.prompts import Prompt, defuse, nonce
from bot.brief.llm.schema import AnswerOut
from bot.brief.locate import Locator, contains_in
from bot.core.errors import LLMUnavailable
from bot.core.mentions import neutralise_mentions
from bot.core.models import Answer, Article, Citation
from bot.core.ports import StructuredLLM
from bot.qa.answer import answer_question, screen
from bot.qa.context import Conversation
from bot.qa.guard import ASK
from bot.qa.question import parse
from bot.qa.retrieval import Hit, IndexCache

log = logging.getLogger(__name__)

DOESNT_SAY = "The coverage doesn't say."
PASSAGES = 8
MAX_OUTPUT_TOKENS = 800


class LLMAnswerer:
    def __init__(self, llm: StructuredLLM, prompt: Prompt, *, passages: int = PASSAGES) -> None:
        self._llm = llm
        self._prompt = prompt
        self._passages = passages
        self._indexes = IndexCache()

    async def answer(
        self, question: str, articles: Sequence[Article], *, context: Conversation | None = None
    ) -> Answer:
        text = screen(question, articles, context)
        if isinstance(text, Answer):
            return text
        hits = self._retrieve(text, articles)
        if hits is None:
            return Answer(answer=ASK, answerable=False, refused=True)
        if not hits:
            return Answer(answer=DOESNT_SAY, answerable=False)
        try:
            out = await self._ask(text, hits)
        except LLMUnavailable as exc:
            log.warning("LLM answerer unavailable (%s); answering extractively", exc.reason)
            return answer_question(question, articles, context=context, indexes=self._indexes)
        return _checked(out, hits)

    def _retrieve(self, question: str, articles: Sequence[Article]) -> list[Hit] | None:
        index = self._indexes.get(articles)
        parsed = parse(question, index.stems)
        if not parsed.terms:
            return None
        return index.search([t.stem for t in parsed.terms], k=self._passages)

    async def _ask(self, question: str, hits: list[Hit]) -> AnswerOut:
        tag = nonce(question, *(h.text for h in hits))
        passages = "\n".join(
            f"[{n}] ({defuse(h.article.title, 'passages')}) {defuse(h.text, 'passages')}"
            for n, h in enumerate(hits, 1)
        )
        system, user = self._prompt.render(
            nonce=tag, question=defuse(question, "passages"), passages=passages
        )
        completion = await self._llm.complete_structured(
            system=system, user=user, schema=AnswerOut, max_output_tokens=MAX_OUTPUT_TOKENS
        )
        return completion.value


def _checked(out: AnswerOut, hits: list[Hit]) -> Answer:
    citations = list(
        {c.span: c for q in out.citations if (c := _cite(q.quote, hits)) is not None}.values()
    )
    if not out.answerable:
        return Answer(answer=DOESNT_SAY, answerable=False, citations=citations[:1])
    # A figure must stand in a cited sentence (the model may quote just part of one).
    quoted = " ".join(h.text for h in hits if any(_within(c.span, h) for c in citations))
    invented = [f for f in find_figures(out.answer) if not contains_in(quoted, f)]
    if not citations or invented or not out.answer.strip():
        return Answer(answer=DOESNT_SAY, answerable=False)
    answer = neutralise_mentions(" ".join(out.answer.split()))
    return Answer(answer=answer, answerable=True, citations=citations)


def _within(span: tuple[int, int], hit: Hit) -> bool:
    return hit.start <= span[0] and span[1] <= hit.end


def _cite(quote: str, hits: list[Hit]) -> Citation | None:
    """The citation for `quote` if it is verbatim in a retrieved passage, with its article span."""
    for hit in hits:
        span = Locator(hit.text).find(quote)
        if span is not None:
            start, end = hit.start + span[0], hit.start + span[1]
            return Citation(
                quote=hit.article.text[start:end],
                title=hit.article.title,
                url=hit.article.url,
                span=(start, end),
            )
    return None
