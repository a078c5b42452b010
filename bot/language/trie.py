"""Word lists as regular expressions factored by common prefixes.

Python's `re` tries the alternatives of `a|b|c` one by one at every position; a list of two
hundred cue words or country names written as a trie ("pledg(?:e(?:d|s)?|ing)") is tried one
letter at a time instead, which is what makes a single scan over an article cheap.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def trie_pattern(words: Iterable[str]) -> str:
    """A regex source matching exactly `words`, longest reading first (optional tails are
    greedy, so "South Korean" is preferred to "South Korea")."""
    return _trie(sorted(set(words)))


def _trie(words: list[str]) -> str:
    ends = "" in words
    branches: dict[str, list[str]] = {}
    for word in words:
        if word:
            branches.setdefault(word[0], []).append(word[1:])
    parts = [re.escape(head) + _trie(tails) for head, tails in sorted(branches.items())]
    if not parts:
        return ""
    body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
    return f"(?:{body})?" if ends else body
