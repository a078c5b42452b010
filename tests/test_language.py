"""The one commitment vocabulary, read as detectors by the verifier and the answerer."""

from __future__ import annotations

import pytest

from bot.language.commitment import detector


@pytest.mark.parametrize(
    ("sentence", "kinds"),
    [
        ("Japan will provide 30 million dollars.", ("pledge",)),
        ("Indonesia stood ready to host a rice reserve.", ("offer",)),
        ("Mehra urged ASEAN to conclude the review.", ("call", "call_modal")),
        ("Both sides should speed up the talks.", ("call", "call_modal")),
        ("China may consider a recycling centre.", ("hedge",)),
    ],
)
def test_each_kind_is_detected_from_the_one_table(sentence: str, kinds: tuple[str, ...]) -> None:
    assert detector(*kinds).search(sentence)


def test_a_call_is_not_read_as_a_pledge() -> None:
    assert detector("pledge").search("Mehra urged ASEAN to conclude the review.") is None


def test_every_country_the_engine_resolves_is_a_place_the_answerer_knows() -> None:
    from bot.language.places import COUNTRIES, COUNTRY_NAMES

    assert sorted(k for k in COUNTRIES if k not in COUNTRY_NAMES) == []


def test_country_names_are_blanked_before_a_topic_is_read() -> None:
    from bot.language.parties import without_country_names

    text = "The United States and the European Union will unite behind the fund"
    blanked = without_country_names(text)
    assert "United" not in blanked
    assert "European Union" not in blanked
    assert "unite behind the fund" in blanked
