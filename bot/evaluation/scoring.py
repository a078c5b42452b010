"""Pure scoring functions: the matching rule of `../shared/corpus/README.md`, and counts on top.

Strict scores use the README's one-to-one maximum bipartite matching; lenient scores let one
bullet match many gold items (and a gold item be recalled by any bullet), which shows how much
recall is lost to merged bullets rather than to missing content.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from bot.core.models import Brief, Kind
from bot.evaluation.labels import Gold, GoldItem, NotPledge

# Scored groups: each kind, the firm-or-conditional commitments together, and everything.
GROUPS: Mapping[str, frozenset[Kind]] = {
    "pledge": frozenset({"pledge"}),
    "offer": frozenset({"offer"}),
    "call": frozenset({"call"}),
    "pledge+offer": frozenset({"pledge", "offer"}),
    "all": frozenset({"pledge", "offer", "call"}),
}


@dataclass(frozen=True, slots=True)
class Bullet:
    text: str
    kind: Kind
    pillar: str | None  # the key of the pillar the item sits in; None for `other`
    evidence: str = ""  # the source sentence, shown when the bullet is listed as a miss


def bullets_of(brief: Brief) -> list[Bullet]:
    """Every pledge, offer and call item of a brief, pillars first, then `other`."""
    out = [Bullet(i.text, i.kind, p.key, i.evidence) for p in brief.pillars for i in p.items]
    return out + [Bullet(i.text, i.kind, None, i.evidence) for i in brief.other]


def contains_all(text: str, terms: Iterable[str]) -> bool:
    lowered = text.lower()
    return all(term.lower() in lowered for term in terms)


def hit_matrix(bullets: Sequence[str], terms: Sequence[Sequence[str]]) -> list[list[bool]]:
    """hit[b][i]: bullet b contains every term of gold item i."""
    return [[contains_all(bullet, item) for item in terms] for bullet in bullets]


def max_matching(hit: Sequence[Sequence[bool]]) -> dict[int, int]:
    """Gold index -> bullet index: the README's augmenting-path maximum bipartite matching."""
    match: dict[int, int] = {}

    def augment(b: int, seen: set[int]) -> bool:
        for i, ok in enumerate(hit[b]):
            if ok and i not in seen:
                seen.add(i)
                if i not in match or augment(match[i], seen):
                    match[i] = b
                    return True
        return False

    for b in range(len(hit)):
        augment(b, set())
    return match


def flagged(bullets: Sequence[str], not_pledges: Sequence[NotPledge]) -> set[int]:
    """Bullets that contain all terms of some not_pledges entry: false positives regardless."""
    return {
        b
        for b, text in enumerate(bullets)
        if any(contains_all(text, np.terms) for np in not_pledges)
    }


def score(bullets: Sequence[str], gold: Gold) -> tuple[float, float]:
    """(precision, recall) exactly as the README's reference `score()`."""
    match = max_matching(hit_matrix(bullets, [it.terms for it in gold.pledges]))
    bad = flagged(bullets, gold.not_pledges)
    precision = len(set(match.values()) - bad) / len(bullets) if bullets else 1.0
    recall = len(match) / len(gold.pledges) if gold.pledges else 1.0
    return precision, recall


@dataclass(slots=True)
class Counts:
    """Numerators and denominators, so corpus figures are pooled, not averages of ratios."""

    precise: int = 0
    predicted: int = 0
    recalled: int = 0
    gold: int = 0

    def add(self, other: Counts) -> None:
        self.precise += other.precise
        self.predicted += other.predicted
        self.recalled += other.recalled
        self.gold += other.gold

    @property
    def precision(self) -> float | None:
        return self.precise / self.predicted if self.predicted else None

    @property
    def recall(self) -> float | None:
        return self.recalled / self.gold if self.gold else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class Diagnostics:
    """Field scores on matched pairs and the failure counts the product cares about."""

    kind_pairs: int = 0
    kind_correct: int = 0
    calls_as_pledges: int = 0
    pillar_pairs: int = 0
    pillar_correct: int = 0
    not_pledge_bullets: int = 0
    hard_negative_bullets: int = 0
    pillars_invented: int = 0
    kind_confusion: dict[str, dict[str, int]] = field(default_factory=dict)

    def add(self, other: Diagnostics) -> None:
        for name in _DIAGNOSTIC_COUNTS:
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for gold_kind, row in other.kind_confusion.items():
            mine = self.kind_confusion.setdefault(gold_kind, {})
            for kind, n in row.items():
                mine[kind] = mine.get(kind, 0) + n


_DIAGNOSTIC_COUNTS = (
    "kind_pairs",
    "kind_correct",
    "calls_as_pledges",
    "pillar_pairs",
    "pillar_correct",
    "not_pledge_bullets",
    "hard_negative_bullets",
    "pillars_invented",
)


@dataclass(frozen=True, slots=True)
class Misses:
    """What `summit eval --misses` lists for one article."""

    missed: tuple[GoldItem, ...] = ()  # required gold items no bullet matched
    spurious: tuple[Bullet, ...] = ()  # bullets matching no gold item, or a not_pledges entry
    wrong_kind: tuple[tuple[GoldItem, Bullet], ...] = ()
    wrong_pillar: tuple[tuple[GoldItem, Bullet], ...] = ()


@dataclass(frozen=True, slots=True)
class ArticleScore:
    id: str
    n_gold: int
    n_bullets: int
    matched: int
    precision: float  # the README's per-article figures (1.0 when nothing to divide)
    recall: float
    strict: dict[str, Counts]
    lenient: dict[str, Counts]
    diagnostics: Diagnostics
    invented_pillars: tuple[str, ...]
    style: str = ""
    misses: Misses = field(default_factory=Misses)


def without_optional(bullets: Sequence[Bullet], gold: Gold) -> tuple[list[Bullet], Gold]:
    """Set optional gold items aside: a bullet that matches one (and no required item) is
    neither credited nor counted against precision; the items are not required for recall."""
    required = [it for it in gold.pledges if not it.optional]
    optional = [it for it in gold.pledges if it.optional]
    if not optional:
        return list(bullets), gold
    texts = [b.text for b in bullets]
    used = set(max_matching(hit_matrix(texts, [it.terms for it in required])).values())
    kept = [
        b
        for n, b in enumerate(bullets)
        if n in used or not any(contains_all(b.text, it.terms) for it in optional)
    ]
    return kept, gold.model_copy(update={"pledges": required})


def score_article(bullets: Sequence[Bullet], gold: Gold, filled: Iterable[str]) -> ArticleScore:
    """Score one article's bullets; `filled` are the keys of the brief's non-empty pillars."""
    bullets, gold = without_optional(bullets, gold)
    texts = [b.text for b in bullets]
    hit = hit_matrix(texts, [it.terms for it in gold.pledges])
    match = max_matching(hit)
    bad = flagged(texts, gold.not_pledges)
    invented = tuple(k for k in filled if gold.pillars.get(k) is False)
    diagnostics = _pair_diagnostics(bullets, gold, match)
    diagnostics.not_pledge_bullets = len(bad)
    diagnostics.hard_negative_bullets = 0 if gold.pledges else len(bullets)
    diagnostics.pillars_invented = len(invented)
    precision, recall = score(texts, gold)
    return ArticleScore(
        id=gold.id,
        n_gold=len(gold.pledges),
        n_bullets=len(bullets),
        matched=len(match),
        precision=precision,
        recall=recall,
        strict={g: _strict(bullets, gold, match, bad, kinds) for g, kinds in GROUPS.items()},
        lenient={g: _lenient(bullets, gold, hit, bad, kinds) for g, kinds in GROUPS.items()},
        diagnostics=diagnostics,
        invented_pillars=invented,
        style=gold.source_style,
        misses=_misses(bullets, gold, match, bad),
    )


def _misses(
    bullets: Sequence[Bullet], gold: Gold, match: Mapping[int, int], bad: set[int]
) -> Misses:
    pairs = [(gold.pledges[i], bullets[b]) for i, b in sorted(match.items())]
    return Misses(
        missed=tuple(it for i, it in enumerate(gold.pledges) if i not in match),
        spurious=tuple(
            b for n, b in enumerate(bullets) if n in bad or n not in set(match.values())
        ),
        wrong_kind=tuple((g, b) for g, b in pairs if _kind_differs(g.kind, b.kind)),
        wrong_pillar=tuple((g, b) for g, b in pairs if not g.cross_pillar and g.pillar != b.pillar),
    )


def _kind_differs(gold: Kind, mine: Kind) -> bool:
    """The README's rule: pledge ~ offer, call = call."""
    return (gold == "call") != (mine == "call")


def _strict(
    bullets: Sequence[Bullet],
    gold: Gold,
    match: Mapping[int, int],
    bad: set[int],
    kinds: frozenset[Kind],
) -> Counts:
    used = set(match.values()) - bad
    mine = [b for b, bullet in enumerate(bullets) if bullet.kind in kinds]
    theirs = [i for i, item in enumerate(gold.pledges) if item.kind in kinds]
    return Counts(
        precise=sum(1 for b in mine if b in used),
        predicted=len(mine),
        recalled=sum(1 for i in theirs if i in match),
        gold=len(theirs),
    )


def _lenient(
    bullets: Sequence[Bullet],
    gold: Gold,
    hit: Sequence[Sequence[bool]],
    bad: set[int],
    kinds: frozenset[Kind],
) -> Counts:
    mine = [b for b, bullet in enumerate(bullets) if bullet.kind in kinds]
    theirs = [i for i, item in enumerate(gold.pledges) if item.kind in kinds]
    return Counts(
        precise=sum(1 for b in mine if b not in bad and any(hit[b])),
        predicted=len(mine),
        recalled=sum(1 for i in theirs if any(row[i] for row in hit)),
        gold=len(theirs),
    )


def _pair_diagnostics(
    bullets: Sequence[Bullet], gold: Gold, match: Mapping[int, int]
) -> Diagnostics:
    out = Diagnostics()
    for i, b in match.items():
        item, bullet = gold.pledges[i], bullets[b]
        out.kind_pairs += 1
        out.kind_correct += item.kind == bullet.kind
        # The README's most serious kind error: an ask of others shown as a firm commitment.
        out.calls_as_pledges += item.kind == "call" and bullet.kind == "pledge"
        row = out.kind_confusion.setdefault(item.kind, {})
        row[bullet.kind] = row.get(bullet.kind, 0) + 1
        if not item.cross_pillar:
            out.pillar_pairs += 1
            out.pillar_correct += item.pillar == bullet.pillar
    return out
