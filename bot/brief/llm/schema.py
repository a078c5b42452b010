"""What the model must answer with. Field names are those of `summit.brief/1` and
`summit.answer/1`, so the prompt, the schema and the public JSON say the same thing; spans are
not asked for, as they are computed from the article, never trusted from a model."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ItemOut(_Strict):
    text: str = Field(description="One short sentence: who commits to (or calls for) what.")
    actor: str = Field(description="Who pledges, offers or calls, as the article names them.")
    kind: Literal["pledge", "offer", "call"]
    figures: list[str] = Field(description="Figures and dates in `text`, copied as written.")
    evidence: str = Field(description="The article's sentence that says it, copied verbatim.")


class PillarOut(_Strict):
    key: str
    title: str
    summary: str = Field(description="One sentence, or empty when the pillar has no items.")
    items: list[ItemOut]


class BriefOut(_Strict):
    headline: str
    pillars: list[PillarOut]


class CitationOut(_Strict):
    quote: str = Field(description="A passage's sentence, copied verbatim.")


class AnswerOut(_Strict):
    answer: str
    answerable: bool
    citations: list[CitationOut]
