"""Sidecar metadata: `<stem>.meta.yaml` beside a local article file.

A plain-text file carries no title, outlet or date of its own; the operator who saved it can
say them here, and what the sidecar says wins over anything inferred from the text.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

from bot.core.errors import BadInput

SIDECAR_SUFFIX = ".meta.yaml"


class SourceMeta(BaseModel):
    """What is known about an article apart from its text; every field optional."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str | None = None
    source: str | None = None  # the outlet ("Xinhua"); `outlet` is accepted as a synonym
    published: date | None = None
    dateline: str | None = None  # the place ("Kuala Lumpur")
    url: str | None = None
    language: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _outlet_is_source(cls, data: object) -> object:
        if isinstance(data, dict) and "outlet" in data:
            data = dict(data)
            outlet = data.pop("outlet")
            data.setdefault("source", outlet)
        return data


def sidecar_path(path: Path) -> Path:
    """`seeds/000_x.txt` -> `seeds/000_x.meta.yaml`."""
    return path.with_suffix(SIDECAR_SUFFIX)


def read_sidecar(path: Path) -> SourceMeta:
    """The sidecar of the article at `path`; empty metadata when there is none."""
    sidecar = sidecar_path(path)
    if not sidecar.is_file():
        return SourceMeta()
    try:
        data = yaml.safe_load(sidecar.read_text(encoding="utf-8"))
    except (OSError, UnicodeError, yaml.YAMLError) as exc:
        raise BadInput(f"cannot read {sidecar}: {_first_line(exc)}") from exc
    try:
        return SourceMeta.model_validate(data or {})
    except ValidationError as exc:
        raise BadInput(f"bad metadata in {sidecar}: {_reason(exc)}") from exc


def _reason(exc: ValidationError) -> str:
    error = exc.errors()[0]
    where = ".".join(str(part) for part in error["loc"]) or "top level"
    return f"{where}: {error['msg']}"


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
