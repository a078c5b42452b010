"""Answer-kind detection on sentences shaped like wire copy."""

from __future__ import annotations

import pytest

from bot.qa.spans import Kind, detect


@pytest.mark.parametrize(
    ("sentence", "kind", "text"),
    [
        (
            "China would put 1 billion yuan ($140 million) into a fund.",
            Kind.AMOUNT,
            "1 billion yuan ($140 million)",
        ),
        ("Australia will provide A$120 million over four years.", Kind.AMOUNT, "A$120 million"),
        ("Australia will provide A$120 million over four years.", Kind.PERIOD, "over four years"),
        ("The zone is in force from Oct 17 to Oct 22.", Kind.DATE, "from Oct 17 to Oct 22"),
        ("It will be completed by the end of 2028.", Kind.DATE, "by the end of 2028"),
        ("More than 6,000 police officers will be deployed.", Kind.COUNT, "More than 6,000"),
        ("India will open a desk in Gurugram, near New Delhi.", Kind.PLACE, "Gurugram"),
        ("Trade rose 7 percent.", Kind.AMOUNT, "7 percent"),
        ("Prime Minister Tom Rennick said so.", Kind.PERSON, "Tom Rennick"),
        ("Groups were set up for Hong Kong, China and for Chile.", Kind.COUNTRY, "Chile"),
        ("The summit runs from 9-10 February 2020.", Kind.DATE, "from 9-10 February 2020"),
        ("Credit will flow in the coming three years.", Kind.PERIOD, "in the coming three years"),
        ("Steps were cut to one and a half years.", Kind.PERIOD, "one and a half years"),
        ("It will deliver 450 million doses.", Kind.COUNT, "450 million"),
        ("Sarah Sanders, press secretary, said so.", Kind.PERSON, "Sarah Sanders"),
        ("It came from press secretary Sarah Sanders.", Kind.PERSON, "Sarah Sanders"),
        ("It was held in the port city of Tianjin.", Kind.PLACE, "Tianjin"),
    ],
)
def test_detects(sentence: str, kind: Kind, text: str) -> None:
    found = [f for f in detect(sentence) if f.kind is kind]
    assert text in [f.text for f in found]
    assert all(sentence[f.start : f.end] == f.text for f in found)


def test_the_acting_country_is_not_a_recipient() -> None:
    found = detect("Japan will provide radars to Viet Nam.", frozenset({Kind.COUNTRY}))
    assert [f.text for f in found] == ["Viet Nam"]


@pytest.mark.parametrize(
    "sentence", ["The 80th anniversary in 2025.", "It met at the ASEAN-Australia Summit."]
)
def test_years_and_ordinals_are_not_counts_nor_meetings_places(sentence: str) -> None:
    assert not detect(sentence, frozenset({Kind.COUNT, Kind.PLACE}))
