"""The gold-label schema of a labelled folder (`../shared/corpus/README.md`), validated on load.

Validation is strict where a sloppy label would silently corrupt the scores: an empty `terms`
list, or an empty term, would match every bullet.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from bot.core.errors import BadInput
from bot.core.models import Kind

Term = Annotated[str, StringConstraints(min_length=1)]
Terms = Annotated[list[Term], Field(min_length=1)]


class _Label(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore")


class GoldItem(_Label):
    actor: str
    kind: Kind
    pillar: str
    terms: Terms
    figures: list[str] = Field(default_factory=list)
    cross_pillar: bool = False
    # A borderline item (corpus-real): not required for recall, and a bullet that matches it
    # is not a false positive either.
    optional: bool = False


class NotPledge(_Label):
    why: str = ""
    terms: Terms


class Question(_Label):
    q: str
    answer_terms: list[Term] = Field(default_factory=list)
    answerable: bool


class Gold(_Label):
    id: str
    title: str = ""
    date: dt.date | None = None
    summit: str = ""
    language: str = "und"
    source_style: str = ""
    text: str | None = None  # only the seed's label points at its text file
    pillars: dict[str, bool] = Field(default_factory=dict)
    pledges: list[GoldItem] = Field(default_factory=list)
    not_pledges: list[NotPledge] = Field(default_factory=list)
    questions: list[Question] = Field(default_factory=list)


def load_gold(path: Path) -> Gold:
    """Parse one label file; anything malformed is the user's to fix, so it is BadInput."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise BadInput(f"cannot read {path}: {exc.strerror}") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BadInput(f"{path} is not a valid JSON label file: {exc}") from exc
    try:
        return Gold.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "top level"
        raise BadInput(f"{path}: malformed label at {where}: {first['msg']}") from exc
