"""Follow-ups in a thread borrow the previous question's frame."""

from __future__ import annotations

import pytest

from bot.core.models import Article
from bot.qa import Conversation, answer_question


@pytest.mark.parametrize(
    ("previous", "follow_up", "resolved"),
    [
        ("What did China pledge on trade?", "and on tourism?", "What did China pledge on tourism?"),
        (
            "What did China pledge on trade?",
            "what about the South China Sea?",
            "What did China pledge on the South China Sea?",
        ),
        (
            "What did Li say about the South China Sea?",
            "and on maritime cooperation?",
            "What did Li say on maritime cooperation?",
        ),
        (
            "How much will Japan contribute to the AHA Centre?",
            "and Korea?",
            "How much will Korea contribute to the AHA Centre?",
        ),
        ("What did Li say?", "and about tourism?", "What did Li say about tourism?"),
        (
            "How large is the EU investment package?",
            "and until when?",
            "Until when is the EU investment package?",
        ),
        ("When will the fund open?", "where?", "Where will the fund open?"),
        ("How much will Japan give to the fund?", "And when?", "When will Japan give to the fund?"),
    ],
)
def test_elliptical_follow_ups_resolve(previous: str, follow_up: str, resolved: str) -> None:
    assert Conversation(previous_question=previous).resolve(follow_up) == resolved


def test_whole_questions_and_first_questions_stand_alone() -> None:
    whole = "Where will the secretariat be set up?"
    assert Conversation(previous_question="What did China pledge?").resolve(whole) == whole
    assert Conversation().resolve("and on tourism?") == "and on tourism?"


def test_after_remembers_the_resolved_question() -> None:
    thread = Conversation(previous_question="What did China pledge on trade?", brief_id=7)
    thread = thread.after("and on tourism?")
    assert thread.previous_question == "What did China pledge on tourism?"
    assert thread.brief_id == 7


def test_follow_up_is_answered_in_context(seed: Article) -> None:
    thread = Conversation(previous_question="What did Li say about trade?")
    answer = answer_question("what about the South China Sea?", [seed], context=thread)
    assert answer.answerable
    assert "Code of Conduct" in answer.citations[0].quote
