"""Articles for the Q&A tests: the real seed, and two short wire stories written for the tests
(invented people and figures, shaped like real coverage)."""

from __future__ import annotations

import hashlib

import pytest

from bot.core.models import Article
from tests.support.qa_paths import SEED

PORTS_STORY = """Korea pledges port funding, coast guard training at ASEAN meeting

BUSAN, March 3 (Harbour Wire) - South Korean Prime Minister Han Do-yun on Monday pledged \
450 million dollars over four years to modernise container ports in Cambodia and Laos, \
officials said.

Korea will also train 250 coast guard officers from ASEAN member states each year from 2028, \
Han told the meeting in Busan.

The two sides agreed to open a joint maritime research institute in Da Nang in early 2029.

Han said Korea could consider easing visa rules for ASEAN students, but gave no timeline.

Trade between Korea and ASEAN rose 6 percent last year, according to customs data.
"""

GRID_STORY = """Leaders back regional power grid, defer finance decision

VIENTIANE, June 9 (Mekong Post) - Leaders of five Mekong countries agreed on Tuesday to link \
their national power grids by 2032 and to set up a secretariat for the project in Vientiane.

Thailand will host the first meeting of energy ministers under the plan in Chiang Mai next \
February, the Thai foreign minister said.

The leaders did not say how the interconnectors would be financed. A study of the costs is \
due next year.
"""


def make_article(text: str, title: str | None = None, url: str | None = None) -> Article:
    head, _, _ = text.partition("\n")
    return Article(
        title=title or head,
        text=text,
        url=url,
        language="en",
        sha256=hashlib.sha256(text.encode()).hexdigest(),
    )


@pytest.fixture(scope="session")
def seed() -> Article:
    text = SEED.read_text(encoding="utf-8")
    return make_article(text, title="Chinese premier urges joint efforts with ASEAN")


@pytest.fixture(scope="session")
def ports() -> Article:
    return make_article(PORTS_STORY, url="https://example.org/ports")


@pytest.fixture(scope="session")
def grid() -> Article:
    return make_article(GRID_STORY, url="https://example.org/grid")
