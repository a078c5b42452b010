"""Who commits: resolving subjects and speakers to the party they speak for.

"he" is the last speaker; "Li" is whoever the article introduced as "Chinese Premier Li Qiang";
"Beijing" is China; "the two sides" are the speaker's side and the party it met; "We" in a
joint statement is the leaders who issued it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from bot.language.calendar import WEEKDAY_PATTERN
from bot.language.parties import BODIES, first_party, parties_in, party_mentions

_TITLE = (
    r"(?:President|Premier|Prime\s+Minister|Chancellor|(?:[A-Z][a-z]+\s+)?Minister(?:\s+for\s+"
    r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)?|Secretary(?:-General)?|Commissioner|King|Sultan|Emir|"
    r"Crown\s+Prince|Ambassador|Governor|Chair(?:man|woman)?|(?:climate\s+)?envoy|spokes(?:man|woman|person))"
)
_NAME = r"(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,3})"
_INTRODUCED = re.compile(
    # "Chinese Premier Li Qiang", "Prime Minister of Viet Nam Tran Quang Hieu"
    rf"(?P<before>(?:[A-Z][\w’'-]+ ){{1,3}})?\b{_TITLE}"
    rf"(?:\s+of\s+(?P<of>(?:[A-Z][\w-]+\s){{1,3}}))?,?\s+{_NAME}"
    # "Mr. KITAMURA Shinji, Prime Minister of Japan"
    rf"|{_NAME.replace('name', 'rname')},\s+{_TITLE}\s+of\s+"
    rf"(?P<rof>(?:the\s+)?(?:[A-Z][\w-]+\s?){{1,3}})"
)
_TITLE_RE = re.compile(_TITLE)
_PRONOUN = re.compile(r"^(?:he|she|i|they|it)$", re.I)
_WE = re.compile(r"^(?:we|us|our)$", re.I)
_ANAPHOR = re.compile(
    r"^(?:(?:the|his|her|its|their|our)\s+)?(?:bloc|country|government|kingdom|republic|city-state|administration|"
    r"delegation|organisation|organization|union)$",
    re.I,
)
_BLOC = re.compile(r"^(?:the|its|our|their)\s+(?:bloc|union|grouping|alliance|group)$", re.I)
_BOTH = re.compile(
    r"^(?:the\s+two|both)\s+(?:sides|countries|leaders|nations|governments|parties|blocs)$"
    r"|^kedua\s+(?:pemimpin|negara|pihak)$",
    re.I,
)
# Who speaks for a summit as a whole: its leaders, its participants, its documents.
_COLLECTIVE = re.compile(
    r"^(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:leaders|heads\s+of\s+(?:state|government)|summit|"
    r"forum|communiqu[eé]|declaration|statement|participants|member\s+states|meeting|"
    r"conference|gathering)$",
    re.I,
)
# "Small island states urged ...": a group that speaks for itself.
_GROUP = re.compile(
    r"\b(?:states|nations|countries|members|leaders|governments|groups?|blocs?|economies|"
    r"delegations|ministers|donors|allies|negotiators|activists|campaigners)$",
    re.I,
)
_LEADING_LINK = re.compile(
    r"^(?:\d+\.\s*)?(?:and|or|but|while|whereas|then|so|with|as|after|further|also|moreover|"
    r"additionally|finally)(?:\s+|$)",
    re.I,
)
# "India is pleased to announce": the courtesy is not part of who announces.
_COURTESY = re.compile(
    r"\s+(?:is|are|am|was|were)\s+(?:pleased|proud|happy|delighted|glad)\s+to$", re.I
)
# "ASEAN leaders had agreed", "Bima juga mendesak": auxiliaries and adverbs are not the
# subject; nor is the copula of "We're going to", "I am announcing".
_AUXILIARIES = re.compile(
    r"(?:\s+(?:had|has|have|is|are|am|was|were|also|juga|pun|telah|sudah)|[’'](?:re|m|s|ve))+$",
    re.I,
)
_CAPITALISED = re.compile(r"[A-Z][\w’'-]+")
_GROUP_HEAD = re.compile(
    r"^(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:leaders|heads\s+of\s+state|member\s+states|members|"
    r"participants|allies|partners|ministers)\b",
    re.I,
)
_DOCUMENT = re.compile(r"\b(?:declaration|communiqu[eé]|joint\s+statement|statement)\b", re.I)
_PROPER_NAME = re.compile(r"^(?:[A-Z][\w’'-]+)(?:\s+[A-Z][\w’'-]+){0,3}$")
_MEETING = re.compile(
    r"\b(?:(?:met|meets)\s+(?:with\s+)?|talks\s+with\s+|bertemu\s+)(?P<who>[A-Z][^.;]{2,80})"
)
_TIME = re.compile(
    rf"\s*\b(?:on\s+|this\s+|last\s+)?{WEEKDAY_PATTERN}"
    r"(?:\s+(?:morning|afternoon|evening|night))?\b|\s+(?:also|further|jointly|now|later)\b",
    re.I,
)
_JOINT = re.compile(
    r"^\s*(?:\d+\.\s+)?We,\s+the\s+(?:Heads|Leaders|Ministers)\b(?P<who>[^.]{0,400})", re.M
)


@dataclass
class Cast:
    """What the article says about its people and parties."""

    person_party: dict[str, str] = field(default_factory=dict)
    mentions: Counter[str] = field(default_factory=Counter)
    met: str | None = None
    joint_actor: str | None = None
    last_party: str | None = None
    # The last group a sentence named as its subject ("The leaders"): who a later "they" is.
    last_group: str | None = None

    def party_of(self, phrase: str | None) -> str | None:
        if not phrase:
            return None
        # A named person is the surest sign; then the phrase nearest the verb
        # ("Addressing the summit in the Philippine capital, Zhao said").
        for token in reversed(_CAPITALISED.findall(phrase)):
            if token in self.person_party:
                return self.person_party[token]
        return first_party(phrase.rsplit(",", 1)[-1]) or first_party(phrase)


def read_cast(text: str) -> Cast:
    cast = Cast()
    for match in _introductions(text):
        affiliation = match.group("of") or match.group("rof") or match.group("before") or ""
        party = first_party(affiliation)
        name = match.group("name") or match.group("rname")
        if not party:
            continue
        for token in name.split():
            if len(token) > 1 and token not in ("The", "Mr", "Ms", "Dr"):
                cast.person_party.setdefault(token.title() if token.isupper() else token, party)
    cast.mentions = Counter(party_mentions(text))
    meeting = _MEETING.search(text)
    cast.met = cast.party_of(meeting.group("who")) if meeting else None
    joint = _JOINT.search(text)
    if joint:
        named = [p for p in parties_in(joint.group("who")) if p]
        cast.joint_actor = (" and ".join(named) + " leaders") if named else "The leaders"
    return cast


def _introductions(text: str) -> list[re.Match[str]]:
    """People introduced with a title. The full pattern is slow to try at every position, so
    it runs only around the titles a quick scan finds."""
    found: dict[int, re.Match[str]] = {}
    for title in _TITLE_RE.finditer(text):
        window_start = max(0, title.start() - 60)
        window = text[window_start : title.end() + 90]
        for match in _INTRODUCED.finditer(window):
            found.setdefault(window_start + match.start(), match)
    return list(found.values())


# "The summit concluded with a pledge to ...": the meeting is who pledged, not its closing.
_CLOSED_WITH = re.compile(r"\s+(?:concluded|closed|ended|wrapped\s+up)\b.*$", re.I)


def clean_subject(subject: str) -> str:
    subject = _TIME.sub("", subject).strip(' ,;:-–—"“”')
    subject = _LEADING_LINK.sub("", subject)
    subject = _COURTESY.sub("", subject)
    subject = _CLOSED_WITH.sub("", subject)
    return _AUXILIARIES.sub("", subject)


@dataclass(frozen=True, slots=True)
class Actor:
    party: str  # who commits, for the bullet's `actor`
    display: str  # how the bullet names the subject


def note_subject(cast: Cast, subject: str) -> None:
    """Remember a group subject ("The leaders", "Leaders of 16 countries") for a later "they"."""
    subject = clean_subject(subject)
    if subject and (_GROUP_HEAD.match(subject) or _COLLECTIVE.match(subject)):
        cast.last_group = subject[:1].upper() + subject[1:]


def resolve(
    subject: str, speaker: str | None, cast: Cast, *, speaks_for_self: bool, quoted: bool
) -> Actor:
    """The party behind a clause. `speaks_for_self`: the subject is the one who speaks
    (calls like "X urged ..."); otherwise the subject is who commits ("China will ...")."""
    subject = clean_subject(subject)
    speaker_party = cast.party_of(speaker) if speaker and not _PRONOUN.match(speaker) else None
    if speaker and not speaker_party and _PROPER_NAME.match(speaker.strip()):
        speaker_party = speaker.strip()  # "Stoltenberg said": the person, not the last country
    speaker_party = speaker_party or cast.last_party
    if subject and _BLOC.match(subject):
        # "the bloc" is the body the speaker speaks for ("Speaking for ASEAN, ... said the bloc")
        body = next((p for p in parties_in(speaker or "") if p in BODIES), None)
        party = body or speaker_party or "Unattributed"
        return Actor(party, party)
    if subject.lower() == "they" and cast.last_group:
        return Actor(cast.last_group, cast.last_group)
    if not subject or _PRONOUN.match(subject) or _ANAPHOR.match(subject):
        if speaker and _DOCUMENT.search(speaker) and not cast.party_of(speaker):
            return Actor("The leaders", "The leaders")  # "the declaration said they will ..."
        party = speaker_party or subject or "Unattributed"
        return Actor(party, party)
    if _WE.match(subject):
        party = (cast.joint_actor if not quoted else None) or speaker_party or "The leaders"
        return Actor(party, party)
    if _BOTH.match(subject):
        pair = _blocs(cast) if "bloc" in subject.lower() else _pair(speaker_party, cast)
        return Actor(pair, pair)
    named = cast.party_of(subject)
    if speaks_for_self and len(parties_in(subject)) > 1:
        return Actor(subject, subject)  # "Pacific Islands Forum and Japan leaders": jointly
    if speaks_for_self:
        # "The leaders urged ...", "Tanabe urged ..." (a name the article never tied to a
        # country): the summit's participants, or the person, never the country named last.
        if not named and (
            _COLLECTIVE.match(subject) or _PROPER_NAME.match(subject) or _GROUP.search(subject)
        ):
            return Actor(subject[:1].upper() + subject[1:], subject)
        return Actor(named or speaker_party or subject, subject)
    if named and _names_only_party(subject, named, cast):
        return Actor(named, subject)
    return Actor(subject, subject)


def _names_only_party(subject: str, party: str, cast: Cast) -> bool:
    """Whether `subject` just stands for `party`.

    "Beijing" and "Chinese Premier Li Qiang" do; "ASEAN leaders" stays as written.
    """
    if len(subject.split()) <= 3 and not re.search(
        r"\b(?:leaders|states|members|countries|ministers)\b", subject, re.I
    ):
        return True
    return any(token in cast.person_party for token in subject.split())


def _blocs(cast: Cast) -> str:
    bodies = [p for p, _ in cast.mentions.most_common() if p in BODIES]
    return " and ".join(bodies[:2]) if len(bodies) >= 2 else "Both blocs"


def _pair(speaker_party: str | None, cast: Cast) -> str:
    ranked = [p for p, _ in cast.mentions.most_common()]
    speaker_party = speaker_party or (ranked[0] if ranked else None)
    others = [p for p in ranked if p != speaker_party]
    other = cast.met if cast.met and cast.met != speaker_party else (others[0] if others else None)
    if speaker_party and other and other != speaker_party:
        return f"{speaker_party} and {other}"
    return "Both sides"
