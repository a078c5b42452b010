"""A stored brief's bullets as the ledger files them: canonical actor, deliverable, amounts,
summit and date, and the source sentence."""

from __future__ import annotations

import hashlib
import re
from datetime import date

from bot.core.ledger import LedgerSource
from bot.core.models import Article, Brief, Item
from bot.language.actors import actor_key, canonical_actor
from bot.language.text import summit_name
from bot.ledger.amounts import amounts_in
from bot.ledger.matching import deliverable, summit_key
from bot.store.ledger_records import Event, Sighting

OTHER = "other"  # the pillar of bullets that fit no configured pillar
# The summit a story is about is named in its opening; later mentions are asides.
_LEAD_CHARS = 700
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_NAMED_SUMMIT = re.compile(r"\b([A-Z][\w’'+-]*[’']?\s+)summit\b")


def sightings(brief: Brief, filed_on: date) -> list[Sighting]:
    """Every bullet of `brief`; dated by the article, else by the day the brief was filed."""
    article = brief.article
    summit = summit_of(article)
    event_key = summit_key(summit, article.published.year if article.published else None)
    day = article.published or filed_on
    shown = summit_with_year(summit, article)
    placed = [(p.key, i) for p in brief.pillars for i in p.items] + [
        (OTHER, i) for i in brief.other
    ]
    event = Event(event_key, day, dated=article.published is not None)
    return [_sighting(article, pillar, item, shown, event, day) for pillar, item in placed]


def summit_of(article: Article) -> str | None:
    """The summit the coverage is about: named in its title, else in its opening."""
    texts = (article.title, article.text[:_LEAD_CHARS])
    # "the ASEAN-China summit" is a name all the same when a capitalised word leads it, but
    # the article's own "29th ASEAN-China Summit" says more.
    loose = (_NAMED_SUMMIT.sub(r"\1Summit", text) for text in texts)
    return next((name for text in (*texts, *loose) if (name := summit_name(text))), None)


def summit_with_year(summit: str | None, article: Article) -> str | None:
    """ "29th ASEAN-Japan Summit (2026)": the year from the article, when it gives one."""
    if summit is None or article.published is None or _YEAR.search(summit):
        return summit
    return f"{summit} ({article.published.year})"


def _sighting(
    article: Article, pillar: str, item: Item, summit: str | None, event: Event, day: date
) -> Sighting:
    actor = canonical_actor(item.actor)
    return Sighting(
        key=_key(article, item, actor),
        actor=actor,
        actor_key=actor_key(actor),
        kind=item.kind,
        pillar=pillar,
        text=item.text,
        figures=list(item.figures),
        amounts=amounts_in(item.figures),
        terms=deliverable(item.text, actor, item.actor),
        summit=summit,
        event=event,
        day=day,
        source=LedgerSource(
            title=article.title,
            outlet=article.source,
            url=article.url,
            quote=item.evidence,
            span=item.evidence_span,
        ),
    )


def _key(article: Article, item: Item, actor: str) -> str:
    """The entry's public id: the same on every rebuild and every database."""
    start, end = item.evidence_span
    basis = f"{article.sha256}|{start}|{end}|{actor}|{item.text}"
    return hashlib.blake2b(basis.encode(), digest_size=8).hexdigest()
