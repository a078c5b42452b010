"""Each rule of the extractive engine, on sentences written the way coverage writes them."""

from __future__ import annotations

from datetime import date

import pytest

from bot.brief.extractive import ExtractiveEngine
from bot.config import load_config
from bot.core.models import Brief, Item
from bot.ingest.article import article_from_text


@pytest.fixture(scope="module")
def engine() -> ExtractiveEngine:
    return ExtractiveEngine(load_config().pillars())


LEDE = "MANILA, Oct. 28 (Wire) -- Leaders of the region met on Tuesday for their annual summit.\n\n"


def brief(engine: ExtractiveEngine, body: str, *, title: str = "Leaders meet at summit") -> Brief:
    """A brief of `body` as the article's body, after a lede that commits to nothing (a lede
    only summarises, so its lists are not split)."""
    text = f"{title}\n\n{LEDE}{body}"
    return engine.brief_now(article_from_text(text, published=date(2026, 10, 28)))


def items(result: Brief) -> list[Item]:
    return result.items()


def texts(result: Brief) -> list[str]:
    return [i.text for i in items(result)]


# --- modality -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Japan will provide 30 million dollars to the AHA Centre, Kitamura said.", "pledge"),
        ("Seoul is also ready to launch talks on a further upgrade of the FTA, he said.", "offer"),
        ("Indonesia stood ready to host a regional rice reserve in Surabaya.", "offer"),
        ("Mehra urged ASEAN to conclude the review of the goods agreement by 2027.", "call"),
        ("China and ASEAN should work to strengthen industrial integration, Li said.", "call"),
        ("The leaders agreed to launch negotiations on a free trade agreement in 2028.", "pledge"),
        ("We commit to doubling the number of Erasmus+ scholarships by 2030.", "pledge"),
        ("He called for a global levy on shipping emissions to pay for adaptation.", "call"),
        ("Australia announced A$50 million for climate resilience in the Pacific.", "pledge"),
        ("Japan unveiled a $200 million package for undersea cables.", "pledge"),
        ("The Japanese side expressed its readiness to dispatch relief teams.", "offer"),
        ("The leaders tasked their officials to draft an ocean strategy by 2027.", "pledge"),
        ("Japan pledged on Tuesday to supply five patrol vessels to the coast guard.", "pledge"),
        ("Manila aims to expand port calls by Japanese warships.", "pledge"),
    ],
)
def test_modality_from_cue(engine: ExtractiveEngine, sentence: str, kind: str) -> None:
    found = items(brief(engine, sentence))
    assert [i.kind for i in found] == [kind]


@pytest.mark.parametrize(
    "sentence",
    [
        "China may also consider setting up a regional center for battery recycling, he said.",
        'Kang said Korea "could look at" easing visa rules for tourists.',
        'Hanoi would "study carefully" whether to draw on the Chinese facility.',
        "ASEAN will not be anyone's battleground, the prime minister said.",
        "Australia said it hoped for agreement on indicators before Friday.",
        "More than 6,000 police officers will be deployed around the venue, police said.",
        "The spouses will tour a mangrove park on Tuesday morning.",
        "Kang will hold talks with Japan's prime minister on the sidelines on Thursday.",
        "We welcome the conclusion of negotiations on two free trade agreements.",
        "China stands ready to proceed shoulder to shoulder with ASEAN countries, Li added.",
        "The deal would cut tariffs on rice by half, analysts said.",
        "Trade will grow 5 percent next year as the pact takes effect.",
        "Japan's pledge to fund coastal radars was welcomed by the Philippines.",
    ],
)
def test_not_commitments(engine: ExtractiveEngine, sentence: str) -> None:
    assert texts(brief(engine, sentence)) == []


def test_calls_are_never_shown_as_pledges(engine: ExtractiveEngine) -> None:
    result = brief(engine, "Both sides should speed up the Code of Conduct talks, Li said.")
    assert [(i.kind, i.actor) for i in items(result)] == [("call", "Both sides")] or all(
        i.kind == "call" for i in items(result)
    )


# --- attribution and actors ------------------------------------------------------------------


def test_he_said_resolves_to_the_speakers_country(engine: ExtractiveEngine) -> None:
    body = (
        "Chinese Premier Li Qiang addressed the summit on Tuesday.\n\n"
        "It will set up a maritime hotline with ASEAN countries, he said."
    )
    assert [i.actor for i in items(brief(engine, body))] == ["China"]


def test_her_government_is_the_speakers_country(engine: ExtractiveEngine) -> None:
    body = (
        "New Zealand Prime Minister Ana Moore said her government was committed to doubling "
        "its climate finance to NZ$2 billion by 2030."
    )
    assert [i.actor for i in items(brief(engine, body))] == ["New Zealand"]


def test_capital_stands_for_its_country(engine: ExtractiveEngine) -> None:
    found = items(brief(engine, "Beijing would set up a $2.5 billion facility for power grids."))
    assert found[0].actor == "China"
    assert found[0].figures == ["$2.5 billion"]


def test_call_actor_is_the_speaker_not_the_addressee(engine: ExtractiveEngine) -> None:
    body = "Philippine President Ramon Dizon urged Gulf governments to protect domestic workers."
    assert [i.actor for i in items(brief(engine, body))] == ["Philippines"]


def test_joint_statement_we_is_the_leaders(engine: ExtractiveEngine) -> None:
    body = (
        "1. We, the Heads of State or Government of ASEAN and the European Union (EU), met in "
        "Brussels.\n\n7. We will establish an ASEAN-EU Maritime Security Dialogue from 2028."
    )
    assert [i.actor for i in items(brief(engine, body))] == ["ASEAN and EU leaders"]


def test_the_two_sides_are_the_parties_that_met(engine: ExtractiveEngine) -> None:
    body = (
        "Chinese Premier Zhao Lianhe met with Prime Minister of Viet Nam Tran Quang Hieu.\n\n"
        "The two sides agreed to hold a joint search and rescue exercise in 2027."
    )
    assert [i.actor for i in items(brief(engine, body))] == ["China and Viet Nam"]


# --- subject carry-over and lists --------------------------------------------------------------


def test_elided_subject_carries_one_pledge_and_three_offers(engine: ExtractiveEngine) -> None:
    body = (
        "China will inject more capital into the Cooperation Fund, and is ready to establish a "
        "Digital Academy, build a cooperation platform on artificial intelligence, and set up a "
        "center for maritime technology, he said."
    )
    found = {i.text: i for i in items(brief(engine, body))}
    assert sorted(i.kind for i in found.values()) == ["offer", "offer", "offer", "pledge"]
    assert {i.actor for i in found.values()} == {"China"}
    assert "China is ready to establish a Digital Academy" in found
    assert "China is ready to build a cooperation platform on artificial intelligence" in found


def test_a_list_of_sectors_is_one_item(engine: ExtractiveEngine) -> None:
    body = (
        "The two sides can also deepen cooperation in transportation, digital economy, green "
        "economy, disaster prevention and climate change, he said."
    )
    assert len(items(brief(engine, body))) == 1


def test_a_list_of_goods_is_one_item(engine: ExtractiveEngine) -> None:
    body = "China will import more Vietnamese durians, bird's nests and aquatic products."
    assert len(items(brief(engine, body))) == 1


def test_repeated_head_noun_names_two_deliverables(engine: ExtractiveEngine) -> None:
    body = "Li urged the two sides to set up meetings of tourism ministers and education ministers."
    found = texts(brief(engine, body))
    assert len(found) == 2
    assert "tourism ministers" in found[0]
    assert "education ministers" in found[1]


def test_repeated_preposition_names_two_deliverables(engine: ExtractiveEngine) -> None:
    body = "Leaders agreed to set up accession working groups for Hong Kong and for Chile."
    found = texts(brief(engine, body))
    assert len(found) == 2
    assert "Chile" in found[1]


def test_a_list_reads_each_item_with_its_lead_in(engine: ExtractiveEngine) -> None:
    body = (
        "The Leaders:\n\n"
        "• agreed to establish an ASEAN Economic Security Framework by 2026;\n"
        "• welcomed the progress of the ASEAN Power Grid;\n"
        "• encouraged Member States to ratify the disaster management agreement."
    )
    found = items(brief(engine, body))
    assert sorted(i.kind for i in found) == ["call", "pledge"]
    assert all(i.text.startswith("The Leaders ") for i in found)


def test_an_appositive_role_is_not_the_subject(engine: ExtractiveEngine) -> None:
    body = "Malaysia, as Chair, will convene a special meeting on Myanmar in July."
    assert [i.actor for i in items(brief(engine, body))] == ["Malaysia"]


# --- background, figures, duplicates -----------------------------------------------------------


def test_last_years_pledge_is_background(engine: ExtractiveEngine) -> None:
    body = "At last year's summit, China pledged $10 billion in special loans over three years."
    assert texts(brief(engine, body)) == []


def test_past_year_agreement_is_background(engine: ExtractiveEngine) -> None:
    body = "At COP29 in Baku in 2024, developed countries agreed to mobilise $300 billion a year."
    assert texts(brief(engine, body)) == []


def test_a_past_year_does_not_date_a_reported_future(engine: ExtractiveEngine) -> None:
    body = "Brazil's president said his country would host the next summit in Rio in 2025."
    assert [i.actor for i in items(brief(engine, body))] == ["Brazil"]


def test_previously_offered_is_background(engine: ExtractiveEngine) -> None:
    body = "Russia has previously offered to host a BRICS grain exchange."
    assert texts(brief(engine, body)) == []


def test_a_trailing_as_clause_is_commentary(engine: ExtractiveEngine) -> None:
    body = "Leaders agreed to explore a grain trading platform, as Russia sought to show its reach."
    assert texts(brief(engine, body)) == ["Leaders agreed to explore a grain trading platform"]


def test_figures_are_copied_as_written(engine: ExtractiveEngine) -> None:
    body = "Japan will lend 300 billion yen ($2 billion) over five years for flood control."
    assert items(brief(engine, body))[0].figures == ["300 billion yen", "$2 billion", "five years"]


def test_repeated_paragraph_is_one_item(engine: ExtractiveEngine) -> None:
    sentence = "Saudi Arabia will provide US$400 million over five years for food security."
    assert len(items(brief(engine, f"{sentence}\n\nOther news.\n\n{sentence}"))) == 1


def test_evidence_is_the_verbatim_source_sentence(engine: ExtractiveEngine) -> None:
    result = brief(engine, "Korea will open a semiconductor center in Hanoi, Kang said.")
    item = items(result)[0]
    start, end = item.evidence_span
    assert result.article.text[start:end] == item.evidence


# --- pillars and headline -----------------------------------------------------------------------


def test_the_articles_own_points_become_pillar_sections(engine: ExtractiveEngine) -> None:
    body = (
        "First, Li said, is to make mutual strategic trust more solid. China will enhance "
        "strategic communication, he said. Second, Li said, is to deepen the integration of "
        "interests. China will set up a center for maritime technology, he said."
    )
    result = brief(engine, body)
    by_key = {p.key: p for p in result.pillars}
    assert by_key["political_security"].summary == "make mutual strategic trust more solid"
    assert len(by_key["political_security"].items) == 1
    # Under point two, a maritime item is economic: the article's structure decides.
    assert by_key["economic"].summary == "deepen the integration of interests"
    assert len(by_key["economic"].items) == 1


def test_empty_pillars_stay_empty_and_listed(engine: ExtractiveEngine) -> None:
    result = brief(engine, "Qatar will fund training for 5,000 domestic workers each year.")
    assert [p.key for p in result.pillars] == ["political_security", "economic", "socio_cultural"]
    assert [len(p.items) for p in result.pillars] == [0, 0, 1]


def test_headline_comes_from_the_lead(engine: ExtractiveEngine) -> None:
    text = (
        "Zhao lays out proposal\n\nMANILA, Oct. 27 (Asia Pacific Wire) -- Chinese Premier Zhao "
        "Lianhe on Tuesday laid out a four-point proposal for cooperation, amid rising tariffs."
    )
    headline = engine.brief_now(article_from_text(text)).headline
    assert headline.startswith("Chinese Premier Zhao Lianhe laid out a four-point proposal")
    assert "amid" not in headline
    assert "Tuesday" not in headline


# --- languages ------------------------------------------------------------------------------------


def test_a_lede_list_of_one_aspiration_stays_one_item(engine: ExtractiveEngine) -> None:
    text = (
        "Premier urges unity\n\nKUALA LUMPUR, Oct. 28 (Xinhua) -- Chinese Premier Li Qiang on "
        "Tuesday urged China and ASEAN countries to unite more closely, fend off external "
        "disruptions, and defend their legitimate rights and interests."
    )
    assert len(engine.brief_now(article_from_text(text)).items()) == 1


def test_unsupported_language_is_said_and_nothing_invented(engine: ExtractiveEngine) -> None:
    text = (
        "Der Bundeskanzler sagte am Dienstag, Deutschland werde 500 Millionen Euro für den "
        "Klimafonds bereitstellen und die Zusammenarbeit mit Südostasien weiter vertiefen."
    )
    result = engine.brief_now(article_from_text(f"Gipfeltreffen in Berlin\n\n{text}"))
    assert result.article.language == "de"
    assert items(result) == []
    assert any("German" in w or "'de'" in w for w in result.warnings)


def test_indonesian_items_are_quoted_in_the_original(engine: ExtractiveEngine) -> None:
    text = (
        "Presiden Bima Satria Wardhana menyatakan Indonesia siap menjadi tuan rumah pusat data "
        "regional ASEAN di Batam. Indonesia akan memberikan 300 beasiswa setiap tahun bagi "
        "mahasiswa Timor-Leste, kata Bima."
    )
    title = "KTT ASEAN: Indonesia siap jadi tuan rumah pusat data"
    result = engine.brief_now(article_from_text(f"{title}\n\n{text}"))
    assert [i.kind for i in items(result)] == ["offer", "pledge"]
    assert any("Indonesian" in w for w in result.warnings)
