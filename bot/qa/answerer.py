"""The seam between the service and whoever answers: the extractive Q&A by default, the LLM
answerer (`bot.qa.llm_answerer`) when a model is configured."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import Protocol

from bot.core.models import Answer, Article
from bot.qa.answer import NO_COVERAGE, answer_question, answer_screened, screen_question
from bot.qa.context import Conversation
from bot.qa.coverage import StoredCoverage
from bot.qa.retrieval import IndexCache
from bot.store import Store


class QuestionAnswerer(Protocol):
    async def answer(
        self, question: str, articles: Sequence[Article], *, context: Conversation | None = None
    ) -> Answer: ...


class ExtractiveAnswerer:
    """`answer_question`: quotes picked from the coverage, no model involved. It owns the
    sentence indexes, so a thread's follow-ups reuse the index of its coverage."""

    def __init__(self) -> None:
        self._indexes = IndexCache()
        self._stored = StoredCoverage()

    async def answer(
        self, question: str, articles: Sequence[Article], *, context: Conversation | None = None
    ) -> Answer:
        # Building an index over much coverage is CPU work: off the event loop.
        return await asyncio.to_thread(
            answer_question, question, articles, context=context, indexes=self._indexes
        )

    async def catch_up(self, store: Store) -> None:
        """Index what the store gained since the last look (a watcher may call this after it
        stores articles, so the next question finds nothing left to do)."""
        await self._stored.index(store)

    async def answer_stored(
        self, question: str, store: Store, *, context: Conversation | None = None
    ) -> Answer:
        """Over everything stored, from the index persisted beside the store: no article is
        read into memory but those a question's passages come from."""
        text = screen_question(question, context)
        if isinstance(text, Answer):
            return text  # a bad question touches neither the store nor the index
        index = await self._stored.index(store)
        if index is None:  # no folder to keep an index in: build one from the articles
            return await self.answer(question, await store.all_articles(), context=context)
        if not index.articles:
            return Answer(answer=NO_COVERAGE, answerable=False)
        return await asyncio.to_thread(answer_screened, text, index)
