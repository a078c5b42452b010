"""Rows every part of the store writes the same way: an article (once per content) and a
brief (once per article, engine, prompt version and model)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import insert, select
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


async def article_row_ids(session: AsyncSession, articles: Sequence[Article]) -> list[int]:
    """`article_row_id` for several articles: one SELECT for those stored, one INSERT for the
    rest (the first of several with the same content is the one stored, as one by one)."""
    stored = await session.execute(
        select(ArticleRow.sha256, ArticleRow.id).where(
            ArticleRow.sha256.in_({a.sha256 for a in articles})
        )
    )
    ids = {sha256: article_id for sha256, article_id in stored}
    new: dict[str, Article] = {}
    for article in articles:
        if article.sha256 not in ids:
            new.setdefault(article.sha256, article)
    if new:
        inserted = await session.execute(
            insert(ArticleRow).returning(
                ArticleRow.sha256, ArticleRow.id, sort_by_parameter_order=True
            ),
            [_article_values(article) for article in new.values()],
        )
        ids.update({sha256: article_id for sha256, article_id in inserted})
    return [ids[article.sha256] for article in articles]


async def plain_brief_row_ids(
    session: AsyncSession, briefs: Sequence[tuple[int, Brief]]
) -> list[int]:
    """`brief_row_id` for several (article id, brief) pairs of engines without prompt or
    model: one SELECT for those stored, one INSERT for the rest."""
    stored = await session.execute(
        select(BriefRow.article_id, BriefRow.engine, BriefRow.id)
        .where(
            BriefRow.article_id.in_({article_id for article_id, _ in briefs}),
            BriefRow.engine.in_({brief.engine for _, brief in briefs}),
            BriefRow.prompt_version.is_(None),
            BriefRow.model.is_(None),
        )
        .order_by(BriefRow.id)
    )
    ids: dict[tuple[int, str], int] = {}
    for article_id, engine, brief_id in stored:
        ids.setdefault((article_id, engine), brief_id)
    new: dict[tuple[int, str], Brief] = {}
    for article_id, brief in briefs:
        if (article_id, brief.engine) not in ids:
            new.setdefault((article_id, brief.engine), brief)
    if new:
        inserted = await session.execute(
            insert(BriefRow).returning(
                BriefRow.article_id, BriefRow.engine, BriefRow.id, sort_by_parameter_order=True
            ),
            [
                {"article_id": article_id, "engine": engine, "prompt_version": None,
                 "model": None, "payload": brief.to_json_dict(), "prompt_tokens": None,
                 "completion_tokens": None}
                for (article_id, engine), brief in new.items()
            ],
        )  # fmt: skip
        ids.update({(a, e): i for a, e, i in inserted})
    return [ids[(article_id, brief.engine)] for article_id, brief in briefs]


def _article_values(article: Article) -> dict[str, object]:
    return {
        "sha256": article.sha256,
        "title": article.title,
        "url": article.url,
        "outlet": article.source,
        "published": article.published,
        "dateline": article.dateline,
        "language": article.language,
        "text": article.text,
    }
