"""Text already in memory: repair, title, dateline, date, language and hash."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest

from bot.core.errors import BadInput
from bot.ingest import article_from_text
from bot.ingest.clean import repair
from bot.ingest.language import detect_language

WIRE = (
    "Chinese premier lays out four-point proposal at ASEAN-China summit\n\n"
    "MANILA, Oct. 27 (Asia Pacific Wire) -- Chinese Premier Zhao Lianhe on Tuesday laid out a "
    "four-point proposal for cooperation between China and ASEAN.\n\n"
    "Zhao said China will host a ministers' meeting in Kunming in 2027."
)
INDONESIAN = (
    "MANILA (KBN) - Presiden menyatakan Indonesia siap menjadi tuan rumah pusat data regional "
    "ASEAN di Batam, Kepulauan Riau. Hal itu disampaikan dalam pertemuan para pemimpin negara "
    "anggota di ibu kota Filipina pada hari Selasa. Pemerintah juga akan membangun jaringan "
    "listrik dan sambungan kabel bawah laut untuk mendukung rencana tersebut."
)


def test_headline_first_line_is_the_title_and_stays_in_the_text() -> None:
    article = article_from_text(WIRE)
    assert article.title == "Chinese premier lays out four-point proposal at ASEAN-China summit"
    assert article.text == WIRE  # spans index this text, so nothing is cut from it
    assert article.dateline == "Manila"
    assert article.source == "Asia Pacific Wire"
    assert article.published is None  # "Oct. 27" with no year anywhere: never guessed
    assert article.language == "en"
    assert article.sha256 == hashlib.sha256(WIRE.encode("utf-8")).hexdigest()


def test_given_metadata_wins_over_inference() -> None:
    article = article_from_text(
        WIRE,
        title="Zhao's four points",
        url="https://example.org/a",
        source="Other Wire",
        published=date(2026, 10, 27),
        dateline="Pasay",
    )
    assert (article.title, article.url, article.source, article.published, article.dateline) == (
        "Zhao's four points",
        "https://example.org/a",
        "Other Wire",
        date(2026, 10, 27),
        "Pasay",
    )


def test_one_long_line_gets_a_shortened_title() -> None:
    text = "KUALA LUMPUR, Oct. 28 (Xinhua) -- " + "Leaders met and talked at length. " * 20
    article = article_from_text(text)
    assert article.title.endswith("…")
    assert len(article.title) <= 121
    assert text.startswith(article.title[:-1])


def test_year_of_the_dateline_date_found_in_a_caption() -> None:
    text = (
        "Li Qiang attends the summit in Kuala Lumpur, Malaysia, Oct. 28, 2025. (Xinhua/Li Xiang) "
        "KUALA LUMPUR, Oct. 28 (Xinhua) -- Chinese Premier Li Qiang on Tuesday urged unity."
    )
    assert article_from_text(text).published == date(2025, 10, 28)


def test_year_given_in_the_dateline() -> None:
    text = "Joint statement\n\nBrussels, 9 December 2027\n\n1. We, the leaders, commit to more."
    article = article_from_text(text)
    assert (article.dateline, article.published) == ("Brussels", date(2027, 12, 9))


def test_line_breaks_normalised_and_outer_space_trimmed() -> None:
    article = article_from_text("  Headline\r\n\r\nBody line one.\rBody line two.\n\n")
    assert article.text == "Headline\n\nBody line one.\nBody line two."


def test_empty_text_is_bad_input() -> None:
    with pytest.raises(BadInput, match="empty"):
        article_from_text(" \n\t ")


@pytest.mark.parametrize(
    ("mangled", "repaired"),
    [
        ("Editorâ€™s note", "Editor’s note"),
        ("Wednesday. â€” Photo", "Wednesday. — Photo"),
        ("food â€œthe new energy security.â€\n\nThe", "food “the new energy security.”\n\nThe"),
        (
            "Oman â€œcould also contributeâ€ to the effort",
            "Oman “could also contribute” to the effort",
        ),
        ("Related:\nâ€¢ ASEAN, GCC eye deal", "Related:\n• ASEAN, GCC eye deal"),
        ("Li added. â–\u00a0 Chinese Premier", "Li added. ■ Chinese Premier"),
        ("US$100Â\u00a0billion", "US$100\u00a0billion"),
    ],
)
def test_mojibake_repaired(mangled: str, repaired: str) -> None:
    assert repair(mangled) == repaired


@pytest.mark.parametrize(
    "clean",
    [
        "He said “we will” and ‘they won’t’.",  # curly quotes are kept, not straightened
        "São Paulo, Bogotá, Türkiye, Đà Nẵng",
        "中国—东盟自由贸易区３.０版",  # full-width digits in CJK text stay full-width
        "Price: €5 – a “deal”…",
    ],
)
def test_clean_text_is_left_alone(clean: str) -> None:
    assert repair(clean) == clean


def test_language_detection() -> None:
    assert detect_language(INDONESIAN) == "id"
    assert detect_language(WIRE) == "en"
    assert detect_language("12 34 56 -- 2026") == "und"
    assert detect_language("Hello there") == "und"
    assert article_from_text(INDONESIAN).language == "id"


def test_given_language_wins() -> None:
    assert article_from_text(WIRE, language="fr").language == "fr"
