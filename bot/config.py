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
from bot.resources import defaults_dir

DEFAULT_CONFIG_NAME = "default.yaml"


class Settings(BaseSettings):
    """Environment variables (and `.env`). Secrets have no defaults."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    slack_bot_token: SecretStr | None = None
    slack_signing_secret: SecretStr | None = None
    slack_app_token: SecretStr | None = None
    slack_api_url: str = "https://slack.com/api/"
    # Installable into many workspaces (bolt's own variable names): OAuth v2 at /slack/install.
    slack_client_id: str | None = None
    slack_client_secret: SecretStr | None = None
    slack_scopes: str | None = None  # comma-separated bot scopes; the bot's own by default
    discord_token: SecretStr | None = None
    discord_api_url: str | None = None
    discord_gateway_url: str | None = None
    # Gateway shards: more than 1 runs an AutoShardedClient; unset, Discord's recommendation.
    discord_shards: int | None = Field(default=None, ge=1)
    # Declares the privileged message-content intent (enable it in the developer portal too):
    # any message in a brief's thread is then a question, not only those mentioning the bot.
    discord_message_content: bool = False
    openai_api_key: SecretStr | None = None
    openai_base_url: str | None = None
    summit_llm_model: str | None = None
    # Servers without json_schema support (older Ollama, llama.cpp): "json_object" asks for
    # JSON mode, validates it, and allows one repair round. "responses": the Responses API.
    summit_llm_output: Literal["json_schema", "json_object", "responses"] = "json_schema"
    summit_llm_timeout: float = 60.0  # seconds per request; the SDK's own default is 600
    summit_llm_max_retries: int = 2  # on 408/409/429/5xx and timeouts, honouring Retry-After
    summit_llm_max_article_tokens: int = 12_000  # longer articles are trimmed, with a warning
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
    """One place coverage comes from: a feed or page `url`, or a local folder/file `path`."""

    name: str
    path: str | None = None
    url: str | None = None
    kind: Literal["auto", "feed", "page", "folder"] = "auto"
    interval_minutes: float = 15
    # None: the watch-wide setting. A new source's backlog is recorded, not posted, when seeded.
    seed_on_add: bool | None = None
    max_age_days: float | None = None

    @property
    def location(self) -> str:
        return self.url or self.path or ""


class DestinationSpec(BaseModel):
    """Where briefs go on arrival; `digest` (crontab, in `timezone`) adds a scheduled roll-up."""

    platform: str
    channel: str
    digest: str | None = None
    timezone: str = "UTC"


class RelevanceSpec(BaseModel):
    """Summit bodies (ASEAN, G20, ...) and keywords that add weight to summit coverage, which
    is recognised by itself (bot/watch/relevance.py)."""

    entities: list[str] = Field(default_factory=list)
    keywords: list[str] = Field(default_factory=list)


class WatchSpec(BaseModel):
    seed_on_add: bool = True
    max_age_days: float | None = 3
    host_min_interval_seconds: float = 1.0
    concurrency: int = 16
    connect_timeout_seconds: float = 10
    timeout_seconds: float = 20
    max_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 5
    jitter_seconds: float = 30
    outbox_interval_seconds: float = 5
    relevance: RelevanceSpec = Field(default_factory=RelevanceSpec)


class ConsoleSpec(BaseModel):
    """The console adapter: its post log (for exactly-once after a crash) and a test delay."""

    # Relative to the working folder, like the default database (./data/summit.db), so the
    # two stay side by side (and never land inside an installed package's config folder).
    log: str | None = "data/console-posts.log"
    post_delay_seconds: float = 0


class AppConfig(BaseModel):
    engine: Literal["auto", "extractive", "llm"] = "auto"
    pillars_file: str = Field(default="pillars.yaml", alias="pillars")
    sources: list[SourceSpec] = Field(default_factory=list)
    destinations: list[DestinationSpec] = Field(default_factory=list)
    watch: WatchSpec = Field(default_factory=WatchSpec)
    console: ConsoleSpec = Field(default_factory=ConsoleSpec)
    base_dir: Path = Path(".")

    def resolve(self, location: str) -> str:
        """A path from this file made absolute (relative to the config's folder); URLs as is."""
        if "://" in location:
            return location
        return str((self.base_dir / location).resolve())

    def console_log_path(self) -> Path | None:
        """The console's post log, relative to the working folder like the default database."""
        return Path(self.console.log).resolve() if self.console.log else None

    def pillars(self) -> list[PillarSpec]:
        """The configured pillars; a configuration that names none (and has no pillars.yaml
        beside it) gets the shipped ones, so a short config of one's own works."""
        path = self.base_dir / self.pillars_file
        if "pillars_file" not in self.model_fields_set and not path.exists():
            path = defaults_dir("config") / self.pillars_file
        return load_pillars(path)


def _read_yaml(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"cannot read {path}: {exc.strerror}") from exc
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path} is not valid YAML: {exc}") from exc


def load_config(path: Path | None = None) -> AppConfig:
    path = path or defaults_dir("config") / DEFAULT_CONFIG_NAME
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
