"""The seam between the service and whoever answers: the extractive Q&A by default, the LLM
answerer (`bot.brief.llm.answerer`) when a model is configured."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import Protocol

from bot.core.models import Answer, Article
from bot.qa.answer import answer_question
from bot.qa.context import Conversation
from bot.qa.retrieval import IndexCache


class QuestionAnswerer(Protocol):
    async def answer(
        self, question: str, articles: Sequence[Article], *, context: Conversation | None = None
    ) -> Answer: ...


class ExtractiveAnswerer:
    """`answer_question`: quotes picked from the coverage, no model involved. It owns the
    sentence indexes, so a thread's follow-ups reuse the index of its coverage."""

    def __init__(self) -> None:
        self._indexes = IndexCache()

    async def answer(
        self, question: str, articles: Sequence[Article], *, context: Conversation | None = None
    ) -> Answer:
        # Building an index over much coverage is CPU work: off the event loop.
        return await asyncio.to_thread(
            answer_question, question, articles, context=context, indexes=self._indexes
        )
