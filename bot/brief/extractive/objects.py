"""Coordinated objects that name two deliverables: a repeated head ("tourism ministers and
education ministers") or a repeated preposition ("for Hong Kong and for Chile")."""

from __future__ import annotations

import re

_SHARED_HEAD = re.compile(
    r"^(?P<pre>.*?\b)(?P<a>(?:[\w’'-]+\s+){1,2}?)(?P<head>[a-z][\w-]{2,})\s+and\s+"
    r"(?P<b>(?:[\w’'-]+\s+){1,2}?)(?P=head)\b(?P<post>.*)$"
)
_SHARED_PREPOSITION = re.compile(
    r"^(?P<pre>.*?\b(?P<p>for|with|to|between|at)\s+)(?P<a>.+?),?\s+and\s+(?P=p)\s+(?P<b>.+)$"
)


def split_objects(conjunct: str) -> list[str]:
    preposition = _SHARED_PREPOSITION.match(conjunct)
    if preposition:
        # "for Hong Kong, China and for Chile, the first step toward ...": the appositive after
        # the second object comments on the whole, so it is left off.
        second = preposition.group("b").split(", ")[0]
        return [
            preposition.group("pre") + preposition.group("a"),
            preposition.group("pre") + second,
        ]
    head = _SHARED_HEAD.match(conjunct)
    # "... the digital economy, green development, medical care and elderly care": the last
    # two of a list of sectors qualify one action, however alike their heads.
    if head and "," not in head.group("pre"):
        pre, post, word = head.group("pre"), head.group("post"), head.group("head")
        return [f"{pre}{head.group('a')}{word}{post}", f"{pre}{head.group('b')}{word}{post}"]
    return [conjunct]
