"""A sentence cut by a hard line wrap is one passage again; headings and list lines are not."""

from __future__ import annotations

from bot.qa.passages import passages

WRAPPED = (
    "The Democratic Clause\n"
    "More than $56 billion will be channelled through\n"
    "the Inter-American Development Bank to reinforce institutions.\n"
    "Further open up the market by increasing from\n"
    "190 to over 440 the number of export items.\n"
    "Leaders met.\n"
    "they said nothing else."
)


def texts(text: str) -> list[str]:
    return [text[p.start : p.end] for p in passages(text)]


def test_a_wrapped_sentence_is_joined_and_stays_verbatim() -> None:
    found = texts(WRAPPED)
    assert found[1] == (
        "More than $56 billion will be channelled through\n"
        "the Inter-American Development Bank to reinforce institutions."
    )
    assert found[2].startswith("Further open up")
    assert found[2].endswith("export items.")
    for quote in found:
        assert quote in WRAPPED


def test_a_heading_and_a_finished_sentence_stand_alone() -> None:
    found = texts(WRAPPED)
    assert found[0] == "The Democratic Clause"
    assert "Leaders met." in found
    assert "they said nothing else." in found


def test_a_blank_line_ends_a_passage() -> None:
    assert texts("Funding will go\n\nto schools.") == ["Funding will go", "to schools."]
