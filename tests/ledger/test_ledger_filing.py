"""Filing briefs into the ledger as a user meets it: new, repeated, changed, one entry per
commitment however many outlets report it."""

from __future__ import annotations

import json
from datetime import date

import pytest

from bot.core.ledger import LedgerQuery
from bot.ingest.article import article_from_text
from bot.service import SummitService
from tests.support.ledger_cases import CORPUS, grid_loans

needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not here")


def _terms_in(text: str, terms: list[str]) -> bool:
    return all(t.lower() in text.lower() for t in terms)


@needs_corpus
async def test_last_years_pledges_cited_as_background_are_never_new(
    service: SummitService,
) -> None:
    """d06 cites d01's $10 billion and d04's 2 trillion yen as last year's pledges."""
    first = [await service.brief_source(str(CORPUS / f"{n}.txt")) for n in ("d01", "d04")]
    earlier = await service.pledges(LedgerQuery())
    assert earlier
    assert {e.status for e in earlier} == {"new"}
    assert {e.actor for e in earlier} >= {"China", "Japan"}
    d06 = await service.brief_source(str(CORPUS / "d06.txt"))

    entries = await service.pledges(LedgerQuery())
    later = [e for e in entries if e.sources[0].title == d06.brief.article.title]
    gold = json.loads((CORPUS / "d06.json").read_text(encoding="utf-8"))
    background = [n["terms"] for n in gold["not_pledges"] if n["why"].startswith("background")]
    assert background, "d06 labels its background sentences"
    for entry in later:
        assert not (entry.status == "new" and any(_terms_in(entry.text, t) for t in background))
    own = [e for e in later if any(_terms_in(e.text, p["terms"]) for p in gold["pledges"])]
    assert own, "d06's own commitments are filed"
    assert {e.status for e in own} == {"new"}
    # d01's and d04's entries are untouched by the later brief, and each stands alone.
    assert [e for e in entries if e not in later] == earlier
    assert all(len(e.sources) == 1 for e in earlier)
    assert len(first) == 2


async def test_the_same_commitment_from_two_outlets_is_one_entry_with_two_sources(
    service: SummitService,
) -> None:
    wire = article_from_text(
        "Korea pledges to double ASEAN fund\n\nMANILA, Oct 28 (Wire One) -- South Korea will "
        "double its annual contribution to the ASEAN-Korea Cooperation Fund to 32 million "
        "dollars from 2028, President Kang told the ASEAN-Republic of Korea Summit on Tuesday.",
        source="Wire One",
        url="https://one.test/a",
    )
    other = article_from_text(
        "Seoul to double cooperation fund for ASEAN\n\nMANILA, Oct 28 (KBN) -- President Kang "
        "told the ASEAN-Republic of Korea Summit that Korea will double its annual contribution "
        "to the ASEAN-Korea Cooperation Fund, to 32 million dollars a year from 2028. Korea will "
        "also open a Korea-ASEAN semiconductor cooperation center in Hanoi, he said.",
        source="KBN",
        url="https://kbn.test/b",
    )
    await service.brief_article(wire)
    await service.brief_article(other)

    entries = await service.pledges(LedgerQuery(actor="Korea"))
    fund = [e for e in entries if "Cooperation Fund" in e.text]
    assert len(fund) == 1
    assert [s.outlet for s in fund[0].sources] == ["Wire One", "KBN"]
    assert [s.url for s in fund[0].sources] == ["https://one.test/a", "https://kbn.test/b"]
    assert fund[0].status == "new"
    assert all(other.text[s.span[0] : s.span[1]] == s.quote for s in fund[0].sources[1:]), (
        "each source keeps its own quote and span"
    )
    assert len(entries) == 2  # the semiconductor centre is its own entry


async def test_a_figure_that_grows_is_changed_and_shows_the_old_one(
    service: SummitService,
) -> None:
    await service.brief_article(grid_loans("$10 billion", "29th ASEAN-Japan Summit",
                                           date(2026, 10, 10)))  # fmt: skip
    await service.brief_article(grid_loans("US$15bn", "30th ASEAN-Japan Summit",
                                           date(2027, 10, 12)))  # fmt: skip

    first, second = await service.pledges(LedgerQuery(actor="Japan"))
    assert (first.status, second.status) == ("new", "changed")
    assert second.previous_figures == ["$10 billion"]
    assert second.figures == ["US$15bn"]
    assert [(a.currency, a.value) for a in second.amounts] == [("USD", 15_000_000_000)]
    assert second.first_seen is not None
    assert second.first_seen.date == date(2026, 10, 10)
    assert second.first_seen.url == "https://wire.test/2026-10-10"


async def test_the_same_figure_a_year_later_is_a_repeat_of_the_first_sighting(
    service: SummitService,
) -> None:
    for amount, summit, day in (
        ("$10 billion", "29th ASEAN-Japan Summit", date(2026, 10, 10)),
        ("10 billion U.S. dollars", "30th ASEAN-Japan Summit", date(2027, 10, 12)),
        ("US$10bn", "31st ASEAN-Japan Summit", date(2028, 10, 20)),
    ):
        await service.brief_article(grid_loans(amount, summit, day))

    entries = await service.pledges(LedgerQuery(actor="Japan"))
    assert [e.status for e in entries] == ["new", "repeated", "repeated"]
    assert {e.first_seen.date for e in entries[1:] if e.first_seen} == {date(2026, 10, 10)}
    assert [e.previous_figures for e in entries] == [[], [], []]


async def test_filing_a_brief_twice_changes_nothing(service: SummitService) -> None:
    article = grid_loans("$10 billion", "29th ASEAN-Japan Summit", date(2026, 10, 10))
    stored = await service.brief_article(article)
    before = await service.pledges(LedgerQuery())
    await service.brief_article(article)
    await service.ledger.file(stored.id, stored.brief)
    assert await service.pledges(LedgerQuery()) == before
    assert len(before) == 1
    assert len(before[0].sources) == 1
