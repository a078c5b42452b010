"""Datelines as wire services, papers and foreign ministries write them."""

from __future__ import annotations

import pytest

from bot.ingest.dateline import parse_dateline, year_in_text

# (lead text, place, region, month, day, year, outlet)
DATELINES = [
    (
        "KUALA LUMPUR, Oct. 28 (Xinhua) -- Chinese Premier Li Qiang on Tuesday urged",
        "Kuala Lumpur",
        None,
        10,
        28,
        None,
        "Xinhua",
    ),
    (
        "MANILA, Oct. 27 (Asia Pacific Wire) -- Chinese Premier Zhao Lianhe on Tuesday",
        "Manila",
        None,
        10,
        27,
        None,
        "Asia Pacific Wire",
    ),
    (
        "SINGAPORE, Oct 19 (Straits Wire) - China and Japan unveiled rival packages",
        "Singapore",
        None,
        10,
        19,
        None,
        "Straits Wire",
    ),
    (
        "TOKYO, Oct 5 (Reuters) - Japan's prime minister said on Sunday",
        "Tokyo",
        None,
        10,
        5,
        None,
        "Reuters",
    ),
    (
        "WASHINGTON (AP) — President Smith will travel to Jakarta next week",
        "Washington",
        None,
        None,
        None,
        None,
        "AP",
    ),
    (
        "MANILA (KBN) - Presiden Bima Satria Wardhana menyatakan Indonesia siap",
        "Manila",
        None,
        None,
        None,
        None,
        "KBN",
    ),
    (
        "ANTALYA, Türkiye, Nov 17 (Straits Wire) - The European Union and Japan announced",
        "Antalya",
        "Türkiye",
        11,
        17,
        None,
        "Straits Wire",
    ),
    (
        "BOGOTÁ, Colombia, June 2 (AP) — Colombia's president said",
        "Bogotá",
        "Colombia",
        6,
        2,
        None,
        "AP",
    ),
    ("BEIJING, Sept. 3 (Xinhua) -- China will host", "Beijing", None, 9, 3, None, "Xinhua"),
    ("NEW DELHI, March 4 (PTI) -- India on Monday", "New Delhi", None, 3, 4, None, "PTI"),
    ("HANOI, Oct. 26, 2026 (VNA) – Vietnam and China", "Hanoi", None, 10, 26, 2026, "VNA"),
    (
        "KUWAIT CITY, May 26 — Gulf Arab states on Wednesday pledged fresh money",
        "Kuwait City",
        None,
        5,
        26,
        None,
        None,
    ),
    (
        "Joint Leaders' Statement (excerpt)\nBrussels, 9 December 2027\n\n1. We, the leaders",
        "Brussels",
        None,
        12,
        9,
        2027,
        None,
    ),
    (
        "Readout\n\nHanoi, October 26, 2026\nThe two prime ministers met",
        "Hanoi",
        None,
        10,
        26,
        2026,
        None,
    ),
    ("WASHINGTON — The White House said on Friday", "Washington", None, None, None, None, None),
    (
        "ST. PETERSBURG, July 14 (Reuters) - Russia's",
        "St. Petersburg",
        None,
        7,
        14,
        None,
        "Reuters",
    ),
]


@pytest.mark.parametrize(("text", "place", "region", "month", "day", "year", "outlet"), DATELINES)
def test_parses_common_dateline_forms(
    text: str,
    place: str,
    region: str | None,
    month: int | None,
    day: int | None,
    year: int | None,
    outlet: str | None,
) -> None:
    found = parse_dateline(text)
    assert found is not None
    assert (found.place, found.region, found.month, found.day, found.year, found.outlet) == (
        place,
        region,
        month,
        day,
        year,
        outlet,
    )


def test_finds_the_dateline_after_a_headline_and_photo_caption_on_one_line() -> None:
    lead = (
        "Chinese premier urges joint efforts with ASEAN-Xinhua Chinese Premier Li Qiang attends "
        "the 28th China-ASEAN Summit in Kuala Lumpur, Malaysia, Oct. 28, 2025. (Xinhua/Li Xiang) "
        "KUALA LUMPUR, Oct. 28 (Xinhua) -- Chinese Premier Li Qiang on Tuesday urged"
    )
    found = parse_dateline(lead)
    assert found is not None
    assert (found.place, found.outlet, found.month, found.day) == ("Kuala Lumpur", "Xinhua", 10, 28)
    assert lead[found.start : found.end] == "KUALA LUMPUR, Oct. 28 (Xinhua) --"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "On the afternoon of October 26, 2026 local time, Premier Zhao met with the Prime Minister",
        "Japan-ASEAN Summit Meeting\n\n1. On October 28, 2026, commencing at 10:30 a.m. local time",
        "Leaders met in Manila, Oct. 28, to sign the declaration.",
        "The ASEAN (Association of Southeast Asian Nations) summit opened on Sunday.",
        "UPDATE — The story was updated to add comments from the ministry.",
        "EDITOR'S NOTE — An earlier version misstated the figure.",
        "Monday, October 5\nLeaders arrive",
        "Photo: Reuters/Jane Doe. Leaders of ASEAN link hands for a family photo.",
    ],
)
def test_no_dateline(text: str) -> None:
    assert parse_dateline(text) is None


def test_a_dateline_far_into_the_text_is_not_the_articles() -> None:
    text = "Background paragraph. " * 200 + "MANILA, Oct. 27 (Asia Pacific Wire) -- quoted story"
    assert parse_dateline(text) is None


def test_year_comes_from_a_full_date_on_the_same_day() -> None:
    text = "Summit in Kuala Lumpur, Malaysia, Oct. 28, 2025. (Xinhua) KUALA LUMPUR, Oct. 28 --"
    assert year_in_text(text, 10, 28) == 2025
    assert year_in_text(text, 10, 27) is None
    assert year_in_text("Published 26 May 2027, 10:14 PM", 5, 26) == 2027
