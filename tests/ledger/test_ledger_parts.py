"""The ledger's parts on their own: amounts, actors, summits, deliverables, filters."""

from __future__ import annotations

from datetime import date

import pytest

from bot.core.errors import BadInput
from bot.language.actors import canonical_actor
from bot.ledger.amounts import amounts_in, format_amount, money
from bot.ledger.matching import deliverable, same_deliverable, same_event, summit_key
from bot.ledger.query import build_query
from bot.store.ledger_records import Event


@pytest.mark.parametrize(
    ("figure", "currency", "value"),
    [
        ("US$1.5bn", "USD", 1_500_000_000),
        ("USD 1,500 million", "USD", 1_500_000_000),
        ("1.5 billion U.S. dollars", "USD", 1_500_000_000),
        ("$2.5 billion", "USD", 2_500_000_000),
        ("500 million dollar", "USD", 500_000_000),
        ("2 trillion yen", "JPY", 2_000_000_000_000),
        ("1 billion yuan", "CNY", 1_000_000_000),
        ("EUR 10 billion", "EUR", 10_000_000_000),
        ("400 million euros", "EUR", 400_000_000),
        ("€5bn", "EUR", 5_000_000_000),
        ("A$61.5 million", "AUD", 61_500_000),
        ("Rp 5 trillion", "IDR", 5_000_000_000_000),
        ("32 million dollars", "USD", 32_000_000),
    ],
)
def test_amounts_are_currency_and_value(figure: str, currency: str, value: int) -> None:
    found = money(figure)
    assert found is not None
    assert (found.currency, found.value) == (currency, value)


def test_counts_years_and_durations_are_not_money() -> None:
    assert amounts_in(["3,000", "2027", "five years", "30 percent", "FY2027"]) == []


def test_one_unit_for_every_amount() -> None:
    one, two = amounts_in(["US$1.5bn", "1,500 million U.S. dollars"])
    assert one == two
    assert format_amount(one) == "USD 1,500 million"


@pytest.mark.parametrize(
    ("actor", "party"),
    [
        ("Beijing", "China"),
        ("Chinese Premier Zhao Lianhe", "China"),
        ("Korea", "South Korea"),
        ("The leaders", "Leaders"),
        ("G20 leaders", "G20 leaders"),
        ("China and Viet Nam", "China and Viet Nam"),
        ("European Union", "EU"),
    ],
)
def test_the_actor_is_the_party(actor: str, party: str) -> None:
    assert canonical_actor(actor) == party


def _event(summit: str | None, day: date, *, dated: bool = True) -> Event:
    return Event(summit_key(summit, day.year if dated else None), day, dated)


@pytest.mark.parametrize(
    ("one", "other", "same"),
    [
        (
            ("ASEAN-China summit", date(2026, 10, 27)),
            ("29th China-ASEAN Summit", date(2026, 10, 28)),
            True,
        ),
        (
            ("29th ASEAN-China Summit", date(2026, 10, 27)),
            ("30th ASEAN-China Summit", date(2027, 10, 20)),
            False,
        ),
        (("G20 Summit", date(2023, 9, 9)), ("G20 Summit", date(2024, 11, 18)), False),
        (("ASEAN Summit", date(2026, 10, 27)), ("ASEAN-China Summit", date(2026, 10, 27)), False),
        ((None, date(2026, 10, 27)), ("ASEAN-China Summit", date(2026, 10, 28)), True),
        ((None, date(2026, 10, 27)), ("ASEAN-China Summit", date(2026, 12, 1)), False),
    ],
)
def test_one_event_however_outlets_name_it(
    one: tuple[str | None, date], other: tuple[str | None, date], same: bool
) -> None:
    assert same_event(_event(*one), _event(*other)) is same


def test_an_undated_report_without_a_summit_is_not_another_event_of_a_named_summit() -> None:
    named = _event("29th ASEAN-China Summit", date(2026, 10, 27), dated=False)
    assert not same_event(_event(None, date(2026, 10, 27), dated=False), named)


def test_two_things_named_apart_are_two_deliverables() -> None:
    actor = "Leaders of the 15-member Regional Comprehensive Economic Partnership (RCEP)"
    one, other = (
        deliverable(f"{actor} agreed to set up accession working groups for {who}", "RCEP", actor)
        for who in ("Hong Kong, China", "Chile")
    )
    assert not same_deliverable(one, other)
    jbic = deliverable("Japan will lend through JBIC to finance supply chains", "Japan")
    spelled = deliverable(
        "Japan will lend through the Japan Bank for International Cooperation to finance "
        "supply chains",
        "Japan",
    )
    assert same_deliverable(jbic, spelled)


def test_a_summit_is_one_however_a_party_is_spelled() -> None:
    assert summit_key("ASEAN-ROK Summit", None) == summit_key(
        "ASEAN-Republic of Korea Summit", None
    )


@pytest.mark.parametrize(
    ("one", "other", "same"),
    [
        ("China will provide 10 billion U.S. dollars in special loans for industrial parks",
         "Beijing pledged $10 billion in special loans for industrial parks", True),
        ("Korea will double its annual contribution to the ASEAN-Korea Cooperation Fund",
         "South Korea pledged to double the ASEAN-Korea Cooperation Fund contribution", True),
        ("China is ready to establish a maritime emergency hotline with ASEAN countries",
         "China is ready to build a regional training center for peacekeepers", False),
        ("China will import more high-quality farm produce from ASEAN countries",
         "China will fully implement the China-ASEAN Free Trade Area 3.0 Upgrade Protocol", False),
    ],
)  # fmt: skip
def test_one_deliverable_in_other_words(one: str, other: str, same: bool) -> None:
    assert same_deliverable(deliverable(one, "China"), deliverable(other, "China")) is same


def test_a_year_or_a_month_is_a_period() -> None:
    query = build_query({"since": "2023", "until": "2024-02"})
    assert (query.since, query.until) == (date(2023, 1, 1), date(2024, 2, 29))
    with pytest.raises(BadInput, match="unknown filter 'country'"):
        build_query({"country": "Japan"})
