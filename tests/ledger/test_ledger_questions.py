"""Questions about a party's commitments are answered from the ledger, each entry with its
quote and link; a question the ledger cannot answer says so; others go to the article Q&A."""

from __future__ import annotations

from datetime import date

from bot.ledger.questions import read_question
from bot.service import SummitService
from tests.support.ledger_cases import grid_loans


async def _two_years_of_loans(service: SummitService) -> None:
    await service.brief_article(
        grid_loans("$10 billion", "29th ASEAN-Japan Summit", date(2026, 10, 10))
    )
    await service.brief_article(
        grid_loans("$15 billion", "30th ASEAN-Japan Summit", date(2027, 10, 12))
    )


async def test_a_partys_commitments_on_a_topic_since_a_year(service: SummitService) -> None:
    await _two_years_of_loans(service)
    answer = await service.ask("what did japan commit on renewable power grids since 2027?")
    assert answer.answerable
    assert "$15 billion" in answer.answer
    assert "$10 billion" not in answer.answer.replace("was $10 billion", "")
    assert "[was $10 billion]" in answer.answer
    (citation,) = answer.citations
    assert citation.url == "https://wire.test/2027-10-12"
    assert "Japan will provide $15 billion" in citation.quote


async def test_nothing_in_the_coverage_when_the_ledger_has_none(service: SummitService) -> None:
    await _two_years_of_loans(service)
    answer = await service.ask("What has Japan pledged on nuclear power since 2023?")
    assert not answer.answerable
    assert answer.answer.startswith("Nothing in the coverage")
    assert answer.citations == []


async def test_other_questions_go_to_the_article_qa(service: SummitService) -> None:
    await _two_years_of_loans(service)
    answer = await service.ask("How much will Japan provide in loans for renewable power grids?")
    assert "in the ledger" not in answer.answer
    assert not answer.answer.startswith("Nothing in the coverage")
    assert "billion" in answer.answer


def test_what_makes_a_ledger_question() -> None:
    asked = read_question("what did japan pledge to ASEAN on climate adaptation before 2028")
    assert asked is not None
    assert (asked.actor, asked.words, asked.until) == ("Japan", "climate adaptation",
                                                       date(2027, 12, 31))  # fmt: skip
    assert read_question("What did China pledge?") is None  # no topic, no period
    assert read_question("What did Li say about the South China Sea?") is None
    assert read_question("How much did Japan pledge for maritime security?") is None
    assert read_question("What did the US and China promise on trade in 2024?") is None
