"""Typed settings: secrets from the environment, everything else from `config/*.yaml`.

Built once by the CLI and passed in; importing this module reads nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, Field, SecretStr, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.core.errors import ConfigError

PACKAGE_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CONFIG = PACKAGE_ROOT / "config" / "default.yaml"


class Settings(BaseSettings):
    """Environment variables (and `.env`). Secrets have no defaults."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    slack_bot_token: SecretStr | None = None
    slack_signing_secret: SecretStr | None = None
    slack_app_token: SecretStr | None = None
    slack_api_url: str = "https://slack.com/api/"
    discord_token: SecretStr | None = None
    discord_api_url: str | None = None
    discord_gateway_url: str | None = None
    openai_api_key: SecretStr | None = None
    openai_base_url: str | None = None
    summit_llm_model: str | None = None
    database_url: str | None = None
    summit_config: Path | None = None
    port: int = 3000


@dataclass(frozen=True, slots=True)
class Keyword:
    term: str
    weight: float = 1.0


@dataclass(frozen=True, slots=True)
class PillarSpec:
    key: str
    title: str
    keywords: tuple[Keyword, ...]


class SourceSpec(BaseModel):
    name: str
    path: str | None = None
    url: str | None = None
    interval_minutes: float = 15


class AppConfig(BaseModel):
    engine: Literal["auto", "extractive", "llm"] = "auto"
    pillars_file: str = Field(default="pillars.yaml", alias="pillars")
    sources: list[SourceSpec] = Field(default_factory=list)
    base_dir: Path = Path(".")

    def pillars(self) -> list[PillarSpec]:
        return load_pillars(self.base_dir / self.pillars_file)


def _read_yaml(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"cannot read {path}: {exc.strerror}") from exc
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path} is not valid YAML: {exc}") from exc


def load_config(path: Path | None = None) -> AppConfig:
    path = path or DEFAULT_CONFIG
    data = _read_yaml(path) or {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping at the top level")
    try:
        return AppConfig.model_validate({**data, "base_dir": path.parent})
    except ValidationError as exc:
        raise ConfigError(f"{path}: {exc.errors()[0]['loc']}: {exc.errors()[0]['msg']}") from exc


def load_pillars(path: Path) -> list[PillarSpec]:
    data = _read_yaml(path)
    entries = data.get("pillars") if isinstance(data, dict) else None
    if not isinstance(entries, list) or not entries:
        raise ConfigError(f"{path}: expected a non-empty `pillars:` list")
    specs = []
    for entry in entries:
        try:
            keywords = tuple(_keyword(k) for k in entry.get("keywords", []))
            specs.append(
                PillarSpec(key=str(entry["key"]), title=str(entry["title"]), keywords=keywords)
            )
        except (KeyError, TypeError, AttributeError, ValueError) as exc:
            raise ConfigError(f"{path}: malformed pillar entry {entry!r}") from exc
    return specs


def _keyword(raw: Any) -> Keyword:
    if isinstance(raw, str):
        return Keyword(raw.lower())
    return Keyword(str(raw["term"]).lower(), float(raw.get("weight", 1)))
