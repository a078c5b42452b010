"""The trie-factored word lists match exactly the words they were built from."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from bot.language.trie import trie_pattern

WORDS = st.lists(st.text(alphabet="abcde .'", min_size=1, max_size=6), min_size=1, max_size=30)


@given(WORDS, st.text(alphabet="abcde .'", max_size=6))
def test_a_trie_matches_exactly_its_words(words: list[str], probe: str) -> None:
    pattern = re.compile(trie_pattern(words))
    assert bool(pattern.fullmatch(probe)) == (probe in words)


def test_the_longest_reading_wins() -> None:
    pattern = re.compile(trie_pattern(["South Korea", "South Korean", "Korea"]))
    assert pattern.match("South Korean leaders").group() == "South Korean"
