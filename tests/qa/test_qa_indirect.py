"""A declined question is echoed as an indirect question that reads as English."""

from __future__ import annotations

import pytest

from bot.qa.indirect import indirect


@pytest.mark.parametrize(
    ("question", "echo"),
    [
        ("How much capital will China inject", "how much capital China will inject"),
        ("What did Li say about the South China Sea", "what Li said about the South China Sea"),
        (
            "By what date is the Code of Conduct to be concluded",
            "by what date the Code of Conduct is to be concluded",
        ),
        (
            "Where will the training center for peacekeepers be built",
            "where the training center for peacekeepers will be built",
        ),
        ("How many students are in the first cohort", "how many students are in the first cohort"),
        # a noun after a determiner is no verb; after "did"/"does" the verb is the base form
        ("When did the visit take place", "when the visit took place"),
        ("When will the e-network start operating", "when the e-network will start operating"),
        ("Where did the leaders hold their retreat", "where the leaders held their retreat"),
        (
            "How much have pledges to the resilience facility reached",
            "how much pledges to the resilience facility have reached",
        ),
        (
            "What does Fiji say it will keep prioritising in the region",
            "what Fiji says it will keep prioritising in the region",
        ),
    ],
)
def test_indirect(question: str, echo: str) -> None:
    assert indirect(question) == echo
