"""One item per distinct object: splitting coordinated predicates.

- Coordinated verb phrases ("establish X, build Y and set up Z") are separate commitments.
- Coordinated nouns that only qualify one action ("import durians, bird's nests and aquatic
  products", "cooperation in transport, digital economy and climate change") are not split.
- Two phrases that repeat their head ("tourism ministers and education ministers") or their
  preposition ("for Hong Kong and for Chile") name two deliverables, so they are split.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.brief.extractive.objects import split_objects
from bot.brief.extractive.shares import shared_out, sibling_counts
from bot.brief.figures import has_figure
from bot.language.lemmas import all_lemmas
from bot.language.words import (
    DETERMINERS,
    WORD,
    is_adverb,
    is_base_verb,
    is_only_verb,
)

_TAIL = re.compile(
    r"(?:,\s+|\s+)(?:but|without|while|whereas|saying|noting|adding|calling|urging|amid|"
    r"(?<=,\s)as(?!\s+(?:well|part)\b)|"
    r"in\s+a\s+(?:continued\s+)?effort|as\s+part\s+of|according\s+to)\b.*$"
    r"|,\s+(?:which|who)\b.*$"
    # ", and we welcome ...": a new subject starts a new sentence in all but punctuation
    r"|,\s+and\s+(?:we|they|he|she|it|I)\s+(?!will\b|shall\b|would\b).*$"
    # ", and reaffirmed their support for ...": a stance joined on is no part of the act
    r"|,?\s+and\s+(?:also\s+)?(?:reaffirmed|welcomed|noted|expressed|acknowledged|"
    r"recogni[sz]ed|underlined|reiterated|endorsed|commended|praised)\b.*$",
    re.IGNORECASE,
)
# "push for", "work with": a preposition right after an ambiguous word marks it as the verb.
_VERB_PARTICLES = frozenset(["for", "with", "into", "toward", "towards", "on"])
_SEPARATOR = re.compile(r"[,;]\s+(?:and|or|serta|dan)\s+|,\s+|;\s+|\s+(?:and|or|serta|dan)\s+")
# Verbs that frame a purpose ("work with Viet Nam to A, and to B"): later conjuncts share it.
_FRAME = re.compile(
    r"^(?P<frame>(?:\w+\s+)?(?:work|cooperate|collaborate|partner|join\s+hands|team\s+up|strive|"
    r"endeavou?r)\b[^,;]*?\bto\s+)(?=\w)"
)
# "accelerating the talks and striving for their early conclusion": a gerund about "its" or
# "their" object restates the aspiration before it rather than adding a deliverable.
_PURPOSE_INSIDE = re.compile(r"\w\s+(?:in\s+order\s+)?to\s+(?P<verb>[a-z]+)\b")
_ENDS_IN_MODIFIER = re.compile(r"\b(?:a|an|the|its|their|our|more|most)\s+(?P<word>[\w-]+)$", re.I)
_WAITING_ADVERB = re.compile(r"^\s*to\s+\w+ly\s*$", re.I)
_GERUND_SEPARATOR = re.compile(r"[,;]")
_REFERS_BACK = re.compile(r"^\W*\w+\s+(?:\w+\s+){0,2}?(?:its|their)\b", re.I)
_ENUMERATION = re.compile(
    r"(?:^|[:;,]\s*|\s)(?:and\s+)?(?:\(?[a-h]\)|[a-h]\.|\(?(?:i|ii|iii|iv|v|vi)\)|\(\d{1,2}\))\s+"
)


@dataclass(frozen=True, slots=True)
class _Piece:
    separator: str
    text: str


def cut_tail(predicate: str) -> str:
    """Drop trailing comment clauses (", but gave no figure", ", saying ...")."""
    return _TAIL.sub("", predicate).strip(" ,;")


def split_predicate(
    predicate: str, *, lede: bool, continues: bool = False, verb_prefixes: tuple[str, ...] = ()
) -> list[str]:
    """Split a predicate into one phrase per commitment.

    `continues` says the coordination goes on past this predicate (", and is ready to ..."
    follows as its own clause), which closes a list that has no "and" of its own.
    """
    enumerated = [e for e in _ENUMERATION.split(predicate) if e.strip(" :;,")]
    if len(enumerated) > 1:
        # "committed to: a. establish X; b. strengthen Y": one item per lettered line.
        return [cut_tail(e.strip(" :;,")) for e in enumerated]
    predicate = cut_tail(predicate)
    amounts = shared_out(predicate)
    if amounts:
        return amounts
    conjuncts = _split_verb_phrases(predicate, verb_prefixes, continues)
    parts = [p for c in conjuncts for q in sibling_counts(c) or [c] for p in split_objects(q)]
    if lede and len(parts) > 1 and not any(_concrete(p) for p in parts):
        # A lede sums up one aspiration in several verbs; the body gives the specifics. A part
        # with a figure or a name is news of its own, and the lede dedup weighs it.
        return [predicate]
    return parts


def _split_verb_phrases(
    predicate: str, verb_prefixes: tuple[str, ...], continues: bool
) -> list[str]:
    pieces = _join_waiting_adverbs(_pieces(predicate))
    # "committed to implementing X, providing Y and reducing Z": gerunds coordinate as verbs.
    gerunds = bool(pieces) and _starts_gerund(pieces[0].text)
    # "a free and open Indo-Pacific": after "a free" the conjunct continues the noun phrase.
    modifies = [
        i > 0 and _coordinated_modifiers(pieces[i - 1].text, pieces[i].text)
        for i in range(len(pieces))
    ]
    starts = [
        i == 0
        or _starts_verb_phrase(p.text, verb_prefixes)
        # ", providing Y": a comma marks the gerund a verb; "critical and emerging technology"
        # coordinates adjectives.
        or (
            gerunds
            and (_GERUND_SEPARATOR.search(p.separator) or _takes_object(p.text))
            and _starts_gerund(p.text)
            and not _REFERS_BACK.search(p.text)
        )
        for i, p in enumerate(pieces)
    ]
    # A semicolon closes a list as "and" does: "train X; send Y; build Z".
    starts = [s and not m for s, m in zip(starts, modifies, strict=True)]
    # "set up a fund to encourage companies to invest and provide support to them": after an
    # infinitive of purpose, a bare verb coordinates inside it.
    # A frame's own "to" ("work with Japan to follow ..., and build ...") is shared, not a
    # purpose clause that swallows the next verb.
    framed = bool(pieces) and _FRAME.match(pieces[0].text) is not None
    purpose = [
        i > 0 and not framed and _has_purpose(pieces[i - 1].text) for i in range(len(pieces))
    ]
    starts = [
        s and not (p and not pieces[i].text.lstrip().lower().startswith("to "))
        for i, (s, p) in enumerate(zip(starts, purpose, strict=True))
    ]
    closed = [any(w in p.separator for w in ("and", "or", "serta", ";")) for p in pieces]
    conjuncts: list[str] = []
    for i, piece in enumerate(pieces):
        closes_later = continues or any(starts[j] and closed[j] for j in range(i, len(pieces)))
        is_new = i == 0 or (starts[i] and closes_later)
        if is_new:
            conjuncts.append(piece.text)
        else:
            conjuncts[-1] += piece.separator + piece.text
    return _share_frame(_share_objects(conjuncts))


def _share_objects(conjuncts: list[str]) -> list[str]:
    """ "to control and eradicate bird flu": a verb left without an object shares the next
    conjunct's, so the two are one commitment."""
    out: list[str] = []
    pending = ""
    for conjunct in conjuncts:
        if pending:
            conjunct = f"{pending} and {conjunct.strip()}"
            pending = ""
        words = WORD.findall(conjunct)
        bare = (
            bool(words)
            and is_base_verb(words[-1])
            and (len(words) == 1 or words[-2].lower() == "to")
        )
        if bare and conjunct is not conjuncts[-1]:
            pending = conjunct.rstrip(" ,;")
        else:
            out.append(conjunct)
    return out


def _has_purpose(text: str) -> bool:
    """An infinitive of purpose inside a conjunct ("... a fund to encourage companies"), not
    a destination ("vessels to the coast guard")."""
    return any(
        is_base_verb(m.group("verb")) and m.group("verb") not in DETERMINERS
        for m in _PURPOSE_INSIDE.finditer(text)
    )


def _takes_object(text: str) -> bool:
    """ "and sending 500 experts", "and building the port": a gerund with a count or a
    determiner after it is a verb with its object, not an adjective ("and emerging technology")."""
    words = WORD.findall(text[:60])
    return len(words) > 1 and (words[1][:1].isdigit() or words[1].lower() in DETERMINERS)


def _coordinated_modifiers(before: str, after: str) -> bool:
    """ "a free" and "open Indo-Pacific": two adjectives of one noun, not a verb phrase; but
    "a year" and "set up a centre" are a noun phrase and a verb."""
    found = _ENDS_IN_MODIFIER.search(before)
    following = WORD.match(after.strip())
    if not found or not following:
        return False
    return "ADJ" in all_lemmas(found.group("word").lower()) and "ADJ" in all_lemmas(
        following.group().lower()
    )


def _starts_gerund(text: str) -> bool:
    words = WORD.findall(text[:40])
    word = words[0].lower() if words else ""
    return word.endswith("ing") and "VERB" in all_lemmas(word)


def _join_waiting_adverbs(pieces: list[_Piece]) -> list[_Piece]:
    """ "and to completely and unconditionally withdraw": an adverb waiting for its verb opens
    the next piece, not a conjunct of its own."""
    out: list[_Piece] = []
    waiting: _Piece | None = None
    for piece in pieces:
        if waiting is not None:
            piece = _Piece(waiting.separator, waiting.text + piece.separator + piece.text)
            waiting = None
        if _WAITING_ADVERB.match(piece.text) and piece is not pieces[-1]:
            waiting = piece
        else:
            out.append(piece)
    return out


def _pieces(text: str) -> list[_Piece]:
    pieces: list[_Piece] = []
    depth, last, separator = 0, 0, ""
    for match in _SEPARATOR.finditer(text):
        depth = _depth(text[: match.start()])
        if depth:
            continue
        pieces.append(_Piece(separator, text[last : match.start()]))
        separator, last = match.group(), match.end()
    pieces.append(_Piece(separator, text[last:]))
    return [p for p in pieces if p.text.strip()] or [_Piece("", text)]


def _depth(prefix: str) -> int:
    """Inside brackets or an open quotation, a comma separates nothing at our level."""
    brackets = prefix.count("(") - prefix.count(")")
    quotes = prefix.count("“") - prefix.count("”") + prefix.count('"') % 2
    return max(brackets, 0) + max(quotes, 0)


def _starts_verb_phrase(text: str, verb_prefixes: tuple[str, ...]) -> bool:
    words = WORD.findall(text)
    i = 0
    after_marker = False
    # "to completely and unconditionally withdraw": adverbs, joined or not, before the verb
    while i < len(words) and (
        is_adverb(words[i])
        or words[i].lower() == "to"
        or (words[i].lower() in ("and", "or") and i > 0 and is_adverb(words[i - 1]))
    ):
        after_marker = True
        i += 1
    if i >= len(words):
        return False
    word = words[i]
    if verb_prefixes:
        return word.lower().startswith(verb_prefixes) and len(word) > 5
    if word[0].isupper() or not is_base_verb(word):
        return False
    if after_marker or is_only_verb(word):
        return True
    following = words[i + 1].lower() if i + 1 < len(words) else ""
    return (
        # "help train 6,000 personnel": "help" takes a bare verb, so it is the verb here
        (word.lower() == "help" and is_base_verb(following))
        or following in DETERMINERS
        or following in _VERB_PARTICLES
        or "ADJ" in all_lemmas(following)
        or following[:1].isdigit()
        or (i + 1 < len(words) and words[i + 1][0].isupper())
        or bool(re.match(rf"\s*{re.escape(word)}\s+\d", text[text.find(word) :]))
    )


def strip_frame(phrase: str) -> str:
    """The phrase without a shared purpose frame ("work with Viet Nam to ..."); "help
    economies gain access to finance" has none, since "finance" there is no verb."""
    frame = _FRAME.match(phrase)
    if not frame:
        return phrase
    following = WORD.match(phrase, frame.end())
    return phrase[frame.end() :] if following and is_base_verb(following.group()) else phrase


def _share_frame(conjuncts: list[str]) -> list[str]:
    if len(conjuncts) < 2:
        return conjuncts
    frame = _FRAME.match(conjuncts[0])
    out = [conjuncts[0]]
    for conjunct in conjuncts[1:]:
        bare = re.sub(r"^to\s+", "", conjunct.strip())
        out.append(frame.group("frame") + bare if frame else bare)
    return out


def _concrete(text: str) -> bool:
    """Names a figure or a proper noun: something a reader could check later."""
    words = WORD.findall(text)
    return has_figure(text) or any(w[0].isupper() for w in words[1:] if w != "I")
