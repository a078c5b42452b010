"""Answering a question from coverage, with quotes: pure, synchronous, deterministic.

The hard part is declining. A question that asks for a figure, date, place or name is
answered only from a sentence that is about the question's subject *and* carries that kind of
answer in the relevant clause, stated firmly; otherwise the reply says the coverage doesn't
say, and no figure is guessed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.core.models import Answer, Article, Citation
from bot.qa.context import Conversation
from bot.qa.guard import ASK, clean, refusal
from bot.qa.indirect import indirect
from bot.qa.judge import Candidate, Span, judge
from bot.qa.passages import passages
from bot.qa.question import Question, parse
from bot.qa.retrieval import Hit, IndexCache, Searchable
from bot.qa.spans import Kind
from bot.qa.vocabulary import Stems

MIN_COVERAGE = 0.5  # at least half the question's content (idf-weighted) in the sentence
RELATIVE = 0.75  # and nearly as much as the best-covered sentence: the answer is *about* it
CANDIDATES = 40
NO_COVERAGE = "There is no coverage to answer from yet."


def answer_question(
    question: str,
    articles: Sequence[Article],
    *,
    context: Conversation | None = None,
    indexes: IndexCache | None = None,
) -> Answer:
    """The answer to `question` from `articles`. `indexes` keeps sentence indexes between
    questions (its owner decides how long); without it the index is built for this one."""
    text = screen(question, articles, context)
    if isinstance(text, Answer):
        return text
    return answer_screened(text, (indexes or IndexCache(size=1)).get(articles))


def answer_screened(text: str, index: Searchable) -> Answer:
    """The answer to a screened question (see `screen`) from the passages of `index`."""
    parsed = parse(text, index.stems)
    if not parsed.terms:
        return Answer(answer=ASK, answerable=False, refused=True)
    kinds = frozenset(k for want in parsed.wants for k in want)
    stems = [s for t in parsed.terms for s in (t.stem, *sorted(t.synonyms))]
    hits = index.search(stems, k=CANDIDATES)
    candidates = _distinct([judge(hit, parsed, index, kinds) for hit in hits])
    if parsed.typed:
        return _typed(parsed, candidates)
    return _open(parsed, candidates, index.stems)


def screen(
    question: str, articles: Sequence[Article], context: Conversation | None
) -> str | Answer:
    """The question ready to answer (cleaned, a follow-up made whole), or the reply that
    stands instead: a refusal of an empty, oversized or off-topic question, or no coverage.
    Every answerer starts here."""
    text = screen_question(question, context)
    if isinstance(text, str) and not articles:
        return Answer(answer=NO_COVERAGE, answerable=False)
    return text


def screen_question(question: str, context: Conversation | None) -> str | Answer:
    """`screen` before the coverage is known: a bad question is refused without touching it."""
    text = clean(question)
    reply = refusal(text)
    if reply is not None:
        return Answer(answer=reply, answerable=False, refused=True)
    return context.resolve(text) if context is not None else text


def _typed(question: Question, candidates: list[Candidate]) -> Answer:
    floor = _floor(candidates)
    main = question.wants[0]
    options = [
        (c.named, span.coverage + _exact(span), c.coverage, c.hit.score, c)
        for c in candidates
        if c.fits
        for span in c.answers
        if span.found.kind in main and span.coverage >= floor and _firm(span, question)
    ]
    if not options:
        return _decline(question, candidates)
    best = max(options, key=lambda o: o[:4])[4]
    leads = _leads(best, question, floor)
    return _reply(f"{'; '.join(leads)} — {_quoted(best.hit)}", [best.hit])


def _open(question: Question, candidates: list[Candidate], stems: Stems) -> Answer:
    floor = _floor(candidates)
    relevant = [
        c
        for c in candidates
        if c.coverage >= floor
        and _adds(c, question, stems)
        and _names_focus(c, question, stems)
        and _names_specifics(c, question, stems)
    ]
    if question.commitment:
        relevant = [c for c in relevant if c.commitment and not c.hedged]
    if not relevant:
        return _decline(question, candidates)
    best = max(relevant, key=lambda c: (c.coverage, c.hit.score))
    leads = _leads(best, question, floor) if question.wants else []
    hits = [best.hit, *continuation(best.hit)]
    quote = " ".join(_quoted(hit) for hit in hits)
    return _reply(f"{'; '.join(leads)} — {quote}" if leads else quote, hits)


# A sentence that opens on a pronoun or a linking word goes on saying what the one before said:
# "“We will …,” he said. “This is an idea for the future,” he added." is one answer.
_GOES_ON = re.compile(
    r"[\W]*(?:He|She|They|It|This|These|That|Such|Those|The (?:move|plan|proposal|idea|offer|"
    r"package|fund|initiative)|But|However|In addition|Also)\b"
)


def continuation(hit: Hit) -> list[Hit]:
    """The passage right after `hit` in its article when it carries `hit` on, else nothing."""
    text = hit.article.text
    after = next((p for p in passages(text) if p.start >= hit.end), None)
    if after is None or not _GOES_ON.match(text, after.start, after.end):
        return []
    return [Hit(hit.article, after.start, after.end, 0.0, before=hit.text)]


def _adds(candidate: Candidate, question: Question, stems: Stems) -> bool:
    """A sentence made only of the question's own words ("An African peace plan for
    Ukraine", a heading) tells the reader nothing the question did not."""
    asked = {t.stem for t in question.terms} | {s for t in question.terms for s in t.synonyms}
    return bool(set(stems.tokens(candidate.hit.text)) - asked)


def _names_focus(candidate: Candidate, question: Question, stems: Stems) -> bool:
    if question.focus is None:
        return True
    own = set(stems.tokens(candidate.hit.text))
    return question.focus in own or bool(stems.synonyms(question.focus) & own)


_CAPITALISED = re.compile(r"(?<=[\s(“\"])[A-Z][\w-]+")


def _names_specifics(candidate: Candidate, question: Question, stems: Stems) -> bool:
    """ "Which specific projects ...": a name stands beside what is asked for ("the Nadi
    flood wall project"), not only the common noun ("key projects in five countries")."""
    if question.specific is None:
        return True
    text = candidate.hit.text
    asked = {t.stem for t in question.terms}
    for word in re.finditer(r"[\w-]+", text):
        if stems.tokens(word.group()) != (question.specific,):
            continue
        near = text[max(0, word.start() - 40) : word.end() + 50]
        names = (stems.tokens(n.group()) for n in _CAPITALISED.finditer(near))
        if any(n and n[0] not in asked for n in names):
            return True
    return False


def _floor(candidates: list[Candidate]) -> float:
    top = max((c.coverage for c in candidates), default=0.0)
    return max(MIN_COVERAGE, RELATIVE * top)


def _exact(span: Span) -> float:
    """A small edge for "in 2028" over "next year": a reader can place it without the dateline."""
    return 0.1 if _exact_text(span.found.text) else 0.0


def _exact_text(text: str) -> bool:
    return any(ch.isdigit() for ch in text)


def _firm(span: Span, question: Question) -> bool:
    """A hedge ("could announce a date next year") answers only a question about hedges."""
    return question.hedged or not span.hedged


def _leads(best: Candidate, question: Question, floor: float) -> list[str]:
    """The asked-for spans of the chosen sentence, in the order the question asks for them."""
    leads: list[str] = []
    for want in question.wants:
        for kind in want:  # "who": a person if the sentence names one, else a country
            found = [
                s.found.text
                for s in best.answers
                if s.found.kind is kind and s.coverage >= floor and _firm(s, question)
            ]
            if kind is Kind.DATE and any(_exact_text(t) for t in found):
                found = [t for t in found if _exact_text(t)]  # "by 2032", not "on Tuesday"
            leads.extend(text for text in dict.fromkeys(found) if text not in leads)
            if found:
                break
    return leads


def _quoted(hit: Hit) -> str:
    # A passage joined across a line wrap reads as one line; the citation keeps it verbatim.
    return f"“{' '.join(hit.text.split())}”"


def _reply(answer: str, hits: list[Hit]) -> Answer:
    return Answer(answer=answer, answerable=True, citations=[_cite(h) for h in hits])


def _cite(hit: Hit) -> Citation:
    return Citation(
        quote=hit.text, title=hit.article.title, url=hit.article.url, span=(hit.start, hit.end)
    )


def _decline(question: Question, candidates: list[Candidate]) -> Answer:
    """Say what the coverage doesn't say; quote the closest sentence so the user can check."""
    closest = [c.hit for c in candidates if c.coverage >= MIN_COVERAGE][:1]
    return Answer(
        answer=_doesnt_say(question, [c.hit.text for c in candidates]),
        answerable=False,
        citations=[_cite(h) for h in closest],
    )


def _doesnt_say(question: Question, retrieved: list[str]) -> str:
    asked = question.text.strip().rstrip("?.! ")
    # Echoing a figure the coverage lacks would read as a guess; keep the reply generic then.
    figures_known = all(any(f in text for text in retrieved) for f in question.figures)
    if not asked or len(asked) > 200 or not figures_known:
        return "The coverage doesn't say."
    return f"The coverage doesn't say {indirect(asked)}."


def _distinct(candidates: list[Candidate]) -> list[Candidate]:
    # Syndicated copy repeats paragraphs; one quote of a sentence is enough.
    seen: set[str] = set()
    out = []
    for c in candidates:
        key = re.sub(r"\s+", " ", c.hit.text)
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out
