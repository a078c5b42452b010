"""Neutral models every engine produces and every adapter renders.

Field names are the public JSON contracts (`summit.brief/1`, `summit.answer/1`): renaming one
breaks users' tools, so they change only with a new schema version.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Kind = Literal["pledge", "offer", "call"]
BRIEF_SCHEMA = "summit.brief/1"
ANSWER_SCHEMA = "summit.answer/1"


class Article(BaseModel):
    """One piece of coverage, as loaded: the text every span refers to."""

    model_config = ConfigDict(frozen=True)

    title: str
    text: str
    source: str | None = None  # the outlet ("Xinhua"), when known
    url: str | None = None
    published: date | None = None
    dateline: str | None = None  # the place ("Kuala Lumpur")
    language: str = "und"
    sha256: str


class Item(BaseModel):
    """One bullet: who committed to what, traced to its source sentence."""

    text: str
    actor: str
    kind: Kind
    figures: list[str] = Field(default_factory=list)
    evidence: str
    evidence_span: tuple[int, int]


class Pillar(BaseModel):
    key: str
    title: str
    summary: str = ""
    items: list[Item] = Field(default_factory=list)


class Brief(BaseModel):
    schema_: str = Field(default=BRIEF_SCHEMA, alias="schema")
    engine: str
    article: Article
    headline: str
    pillars: list[Pillar]
    other: list[Item] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)

    model_config = ConfigDict(populate_by_name=True)

    def items(self) -> list[Item]:
        """Every bullet, pillar by pillar, then those that fit no pillar."""
        return [item for pillar in self.pillars for item in pillar.items] + list(self.other)

    def to_json_dict(self) -> dict[str, object]:
        data = self.model_dump(mode="json", by_alias=True)
        data["article"].pop("text", None)  # the contract carries the article's metadata only
        return data


class Citation(BaseModel):
    quote: str
    title: str
    url: str | None = None
    span: tuple[int, int]


class Answer(BaseModel):
    schema_: str = Field(default=ANSWER_SCHEMA, alias="schema")
    answer: str
    answerable: bool
    citations: list[Citation] = Field(default_factory=list)
    # The question itself was turned away (empty, oversized, off topic, no content words):
    # any coverage gets the same reply. Not part of `summit.answer/1`.
    refused: bool = Field(default=False, exclude=True)

    model_config = ConfigDict(populate_by_name=True)

    def to_json_dict(self) -> dict[str, object]:
        return self.model_dump(mode="json", by_alias=True)
