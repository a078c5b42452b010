"""Answering over the stored coverage, for `summit ask` without `--source` and for chat
threads: the latest brief's coverage first, then everything stored."""

from __future__ import annotations

from bot.core.models import Answer, Article
from bot.qa.answer import NO_COVERAGE
from bot.qa.answerer import ExtractiveAnswerer, QuestionAnswerer
from bot.qa.context import Conversation
from bot.store import Store


async def answer_from_store(
    question: str,
    store: Store,
    *,
    context: Conversation | None = None,
    answerer: QuestionAnswerer | None = None,
) -> Answer:
    answerer = answerer or ExtractiveAnswerer()
    brief_id = context.brief_id if context else None
    if brief_id is None:
        latest = await store.latest_briefs(1)
        brief_id = latest[0].id if latest else None
    first: list[Article] = await store.articles_for_brief(brief_id) if brief_id else []
    if first:
        answer = await answerer.answer(question, first, context=context)
        # A refused question gets the same reply over any coverage: no second search.
        if answer.answerable or answer.refused:
            return answer
    if isinstance(answerer, ExtractiveAnswerer):
        return await answerer.answer_stored(question, store, context=context)
    everything = await store.all_articles()
    if not everything:
        return Answer(answer=NO_COVERAGE, answerable=False)
    return await answerer.answer(question, everything, context=context)
