"""Rows every part of the store writes the same way: an article (once per content) and a
brief (once per article, engine, prompt version and model)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.core.models import Article, Brief
from bot.core.ports import BriefKey, TokenUsage
from bot.store.tables import ArticleRow, BriefRow


async def article_row_id(session: AsyncSession, article: Article) -> int:
    found = await session.scalar(select(ArticleRow.id).where(ArticleRow.sha256 == article.sha256))
    if found is not None:
        return found
    row = ArticleRow(
        sha256=article.sha256,
        title=article.title,
        url=article.url,
        outlet=article.source,
        published=article.published,
        dateline=article.dateline,
        language=article.language,
        text=article.text,
    )
    session.add(row)
    await session.flush()
    return row.id


async def brief_row_id(
    session: AsyncSession,
    article_id: int,
    brief: Brief,
    key: BriefKey,
    usage: TokenUsage | None = None,
) -> int:
    """The stored brief of this article under `key`, or a new one ."""
    found = await session.scalar(
        select(BriefRow.id).where(
            BriefRow.article_id == article_id,
            BriefRow.engine == key.engine,
            BriefRow.prompt_version.is_not_distinct_from(key.prompt_version),
            BriefRow.model.is_not_distinct_from(key.model),
        )
    )
    if found is not None:
        return found
    row = BriefRow(
        article_id=article_id,
        engine=key.engine,
        prompt_version=key.prompt_version,
        model=key.model,
        payload=brief.to_json_dict(),
        prompt_tokens=usage.prompt_tokens if usage else None,
        completion_tokens=usage.completion_tokens if usage else None,
    )
    session.add(row)
    await session.flush()
    return row.id
