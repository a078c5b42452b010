"""Reading real reporting: synonyms, the sentence before, names referred to by their head,
titles after a name, qualifiers that pick one event, per-member figures and hedge scope.
The story is written for the tests (invented figures), shaped like wire copy."""

from __future__ import annotations

import hashlib

import pytest

from bot.core.models import Answer, Article
from bot.qa import answer_question
from bot.qa.judge import a_person_as_place, dates_the_report, names_no_day
from bot.qa.question import parse
from bot.qa.spans import Found, Kind
from bot.qa.vocabulary import Stems

STORY = """Leaders launch Harbour Development Bank at Coral Bay summit
The leaders agreed to set up the Harbour Development Bank with capital of 40 billion dollars.
The bank's headquarters will be located in Port Melville, officials said.
The Harbour Development Bank will also open a regional office in Dunmore.
Members will also hold 90 billion dollars in a joint emergency reserve.
Arcadia's 30 billion dollar contribution to this reserve is the largest of any member.
"We will study seriously the plans put forward by the island states, which include doubling
ferry links by 2031," the leaders said.
Funding of 2 billion dollars will go to coastal schools over the coming five years.
Lena Holt, president of the Harbour Council, told reporters the talks had gone well.
The summit was held on Friday in Coral Bay.
An island peace plan for the strait
"""


@pytest.fixture(scope="module")
def story() -> Article:
    digest = hashlib.sha256(STORY.encode()).hexdigest()
    return Article(title="Harbour bank", text=STORY, sha256=digest, url="https://example.org/hb")


def ask(question: str, article: Article) -> Answer:
    answer = answer_question(question, [article])
    for citation in answer.citations:
        assert citation.quote == article.text[citation.span[0] : citation.span[1]]
    return answer


def test_the_bank_is_the_bank_the_article_named_in_full(story: Article) -> None:
    answer = ask("Where will the Harbour Development Bank have its headquarters?", story)
    assert answer.answerable
    assert answer.answer.startswith("Port Melville")


def test_a_figure_tied_to_the_named_member_via_the_sentence_before(story: Article) -> None:
    answer = ask("How much will Arcadia contribute to the emergency reserve?", story)
    assert answer.answer.startswith("30 billion dollar")


def test_a_synonym_and_a_period_in_the_coming_years(story: Article) -> None:
    answer = ask("Over what period will the financing for coastal schools be spent?", story)
    assert answer.answer.startswith("over the coming five years")


def test_a_name_before_its_title_answers_who(story: Article) -> None:
    answer = ask("Who spoke for the Harbour Council?", story)
    assert answer.answer.startswith("Lena Holt")


def test_a_relative_clause_after_a_hedge_is_stated_firmly(story: Article) -> None:
    answer = ask("By what year would ferry links be doubled under the island plans?", story)
    assert answer.answer.startswith("by 2031")


@pytest.mark.parametrize(
    "question",
    [
        "When and where will the leaders meet next?",  # only this summit's day and place
        "How much will each member contribute to the emergency reserve?",  # no per-member sum
        "What does the island peace plan for the strait propose?",  # only its heading
    ],
)
def test_declines_what_the_story_does_not_say(story: Article, question: str) -> None:
    answer = ask(question, story)
    assert not answer.answerable
    assert answer.answer.startswith("The coverage doesn't say")


def test_a_weekday_that_dates_the_report_is_not_when_the_work_will_happen() -> None:
    text = "Nuku'alofa : Tonga Thursday proposed an e-network to connect the outer islands."
    day = text.index("Thursday")
    found = Found(Kind.DATE, day, day + len("Thursday"), "Thursday")
    future = parse("When will the e-network start operating?", Stems())
    past = parse("When did Tonga propose the e-network?", Stems())
    assert dates_the_report(found, future, text)
    assert not dates_the_report(found, past, text)
    # a participle of the future keeps its day: "to be concluded Monday"
    text = "The declaration, to be concluded Monday, sets out the response."
    day = text.index("Monday")
    found = Found(Kind.DATE, day, day + len("Monday"), "Monday")
    assert not dates_the_report(
        found, parse("When is the declaration to be concluded?", Stems()), text
    )


LIST_STORY = """Reef summit opens in Tanna
The following is the gist of the Coral Plan 2030 adopted by the leaders of five island states.
Island leaders:
-- name clean harbours, reef tourism and "Blue Schools" as pillars of cooperation.
-- will review progress every two years.
Security was tight around the Lagoon Sports Complex, where the summit was held.
Leaders flew in through Port Vila airport on Monday before heading to Tanna for talks.
Mr Tui thanked Premier Oro for hosting and Premier Lasi for cochairing the meeting.
"""


@pytest.fixture(scope="module")
def listed() -> Article:
    digest = hashlib.sha256(LIST_STORY.encode()).hexdigest()
    return Article(title="Reef summit", text=LIST_STORY, sha256=digest)


def test_a_list_line_answers_with_the_plan_its_lede_names(listed: Article) -> None:
    answer = ask("What are the pillars of cooperation in the Coral Plan 2030?", listed)
    assert "Blue Schools" in answer.answer


def test_a_place_the_question_is_set_in_need_not_be_repeated(listed: Article) -> None:
    answer = ask("Where in Tanna was the summit held?", listed)
    assert answer.answer.startswith("the Lagoon Sports Complex")


def test_a_hyphenated_prefix_is_the_same_word_unhyphenated(listed: Article) -> None:
    answer = ask("Who hosted and who co-chaired the meeting?", listed)
    assert answer.answer.startswith("Oro; Lasi")


def test_what_someone_said_takes_the_sentence_that_carries_it_on(listed: Article) -> None:
    text = (
        "Premier Oro spoke on fisheries.\n"
        "Premier Oro said the island states would pool their patrol boats.\n"
        "He added that a joint licence for tuna fleets would follow by 2027.\n"
        "Tourism ministers met separately."
    )
    article = Article(title="Fish", text=text, sha256=hashlib.sha256(text.encode()).hexdigest())
    answer = ask("What did Premier Oro say about patrol boats?", article)
    assert [c.quote for c in answer.citations] == [
        "Premier Oro said the island states would pool their patrol boats.",
        "He added that a joint licence for tuna fleets would follow by 2027.",
    ]
    assert "tuna" in answer.answer


def test_a_sentence_on_another_subject_is_not_carried_on(listed: Article) -> None:
    answer = ask("What will the island leaders review?", listed)
    assert len(answer.citations) == 1


ISLANDS = """Pacific leaders back cable and climate plan
Arcadia would spend a further 50 million dollars to extend undersea cables to Tuvalu and Nauru.
Arcadia's special envoy for island affairs, Mira Tallis, said the money was ready.
Wealthy members will provide at least 300 million dollars a year by 2035.
"The money falls short," said Oren Vale, the Samoan chair of the island group.
"""


@pytest.fixture(scope="module")
def islands() -> Article:
    digest = hashlib.sha256(ISLANDS.encode()).hexdigest()
    return Article(title="Island plan", text=ISLANDS, sha256=digest, url="https://example.org/ip")


@pytest.mark.parametrize(
    ("question", "terms"),
    [
        ("Where will the undersea cables go?", ["Tuvalu and Nauru"]),
        ("Who is Arcadia's special envoy for island affairs?", ["Mira Tallis"]),
        ("Who chairs the island group?", ["Oren Vale"]),
        ("By when must the 300 million dollars a year be reached?", ["2035"]),
    ],
)
def test_destinations_names_after_a_remit_and_paraphrased_verbs(
    islands: Article, question: str, terms: list[str]
) -> None:
    answer = ask(question, islands)
    assert answer.answerable
    assert all(term in answer.answer for term in terms)


def test_which_allies_asks_for_countries_and_declines_without_them(islands: Article) -> None:
    answer = ask("Which allies will provide the 300 million dollars a year?", islands)
    assert not answer.answerable


GRANTS_STORY = """Lagoon leaders agree grants
"We are ready to provide 40 million dollars in grants this year to support key projects in \
three atolls," the premier said.
Separately, Fiji will fund the Nadi River flood wall project with 5 million dollars.
"""


def test_which_specific_things_must_be_named_beside_the_noun() -> None:
    digest = hashlib.sha256(GRANTS_STORY.encode()).hexdigest()
    article = Article(title="Grants", text=GRANTS_STORY, sha256=digest, url="https://e.org/g")
    answer = ask("Which specific projects will the 40 million dollars in grants fund?", article)
    assert not answer.answer.startswith("“We are ready")
    answer = ask("Which specific project will Fiji fund?", article)
    assert answer.answerable
    assert "Nadi River" in answer.answer


RETREAT_STORY = """Atoll leaders meet
The leaders of nine atoll states held their annual retreat on Motu Nui Island yesterday.
"""


def test_an_island_is_a_place_and_a_year_is_no_date() -> None:
    digest = hashlib.sha256(RETREAT_STORY.encode()).hexdigest()
    article = Article(title="Retreat", text=RETREAT_STORY, sha256=digest, url="https://e.org/r")
    answer = ask("Where did the leaders hold their retreat?", article)
    assert answer.answerable
    assert answer.answer.startswith("Motu Nui Island")


def test_a_bare_year_names_no_day() -> None:
    text = "To widen exchanges beyond 2030, the two sides will adopt an agenda by the next summit."
    year = Found(Kind.DATE, text.index("beyond"), text.index(", the"), "beyond 2030")
    assert names_no_day(year, parse("On what date will the next summit take place?", Stems()))
    assert not names_no_day(year, parse("By when will the agenda apply?", Stems()))


def test_a_person_the_article_titles_or_quotes_is_no_place() -> None:
    text = "Rutte answered a question about his messages to Trump. President Trump left early."
    at = text.index("Trump")
    found = Found(Kind.PLACE, at, at + len("Trump"), "Trump")
    assert a_person_as_place(found, text)
    town = "Leaders flew to Tanna for the talks."
    at = town.index("Tanna")
    assert not a_person_as_place(Found(Kind.PLACE, at, at + 5, "Tanna"), town)


SPENDING_STORY = """Alliance sets a spending goal
Member states of the alliance pledged to spend 4% of their output on coast guards by 2031.
Officials said the talks in Apia were cordial.
"""


def test_a_figure_the_question_states_anchors_the_answer() -> None:
    digest = hashlib.sha256(SPENDING_STORY.encode()).hexdigest()
    article = Article(title="Goal", text=SPENDING_STORY, sha256=digest, url="https://e.org/s")
    answer = ask("By what year are allies to reach the 4% target?", article)
    assert answer.answerable
    assert answer.answer.startswith("by 2031")
