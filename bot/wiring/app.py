"""The composition root: from the command line, the settings and configuration (built once), and
from them the store, the engines, the watched sources, the service and the watcher.

Every `summit` command gets what it needs from one `Wiring`; nothing else builds `Settings`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from bot.config import AppConfig, Settings, load_config
from bot.service import SummitService
from bot.store import Store
from bot.store.watch import Destination
from bot.watch import WatchedSource
from bot.watch.relevance import Relevance

if TYPE_CHECKING:
    from bot.watch.poller import Watcher
    from bot.wiring.engines import Engines


@dataclass(frozen=True, slots=True)
class Wiring:
    settings: Settings
    config: AppConfig

    @classmethod
    def from_command_line(cls, config_path: Path | None) -> Wiring:
        """`--config`, else $SUMMIT_CONFIG, else the shipped default configuration."""
        settings = Settings()
        return cls(settings, load_config(config_path or settings.summit_config))

    def watched_sources(self) -> list[WatchedSource]:
        """The configured sources, as the watcher and the health report see them."""
        return [WatchedSource.from_spec(spec, self.config) for spec in self.config.sources]

    def given_sources(self, arguments: Sequence[str]) -> list[WatchedSource]:
        """Sources named on the command line (`summit watch --source`), not configured ones."""
        return [WatchedSource.from_argument(argument) for argument in arguments]

    @asynccontextmanager
    async def service(
        self, engine: str | None = None, *, briefing: bool = True, watching: bool = False
    ) -> AsyncIterator[SummitService]:
        """The service over the configured store (opened and migrated) and engine (`engine`
        overrides the config's), closed on the way out. `briefing=False`: no engine is built,
        nor its modules imported, for commands that only read the store. `watching`: the
        service knows the configured sources, to report their health before a first poll."""
        engines = self._engines(engine) if briefing else None
        sources = self.watched_sources() if watching else ()
        store = Store.open(self.settings.database_url)
        try:
            await store.migrate()
            if engines is None:
                yield SummitService(store, None, sources=sources)
            else:
                yield SummitService(store, engines.engine, engines.answerer, sources=sources)
        finally:
            await store.close()
            if engines is not None:
                await engines.close()

    def _engines(self, choice: str | None) -> Engines:
        # Deferred: the engine's modules (blingfire, numpy, the lexicons) are for commands that
        # brief; `summit sources` and `summit pledges` never import them.
        from bot.wiring.engines import build_engines

        return build_engines(self.settings, self.config.pillars(), choice or self.config.engine)

    def relevance(self) -> Relevance:
        return relevance_of(self.config)

    def watcher(self, service: SummitService, sources: Sequence[WatchedSource]) -> Watcher:
        """One watcher over `sources`, briefing with the service's engine into its store."""
        # Deferred: the poller's story clustering (datasketch, scipy) and the HTTP client
        # (httpx) are for `watch` and `run`, not for briefing a file.
        from bot.ingest.fetch import FetchPolicy
        from bot.watch.poller import Watcher

        watch = self.config.watch
        policy = FetchPolicy(
            connect_timeout=watch.connect_timeout_seconds,
            total_timeout=watch.timeout_seconds,
            max_bytes=watch.max_bytes,
            max_redirects=watch.max_redirects,
        )
        return Watcher(
            service.store,
            service.engine,
            sources,
            destinations=[Destination(d.platform, d.channel) for d in self.config.destinations],
            relevance=self.relevance(),
            policy=policy,
            host_interval=watch.host_min_interval_seconds,
            concurrency=watch.concurrency,
        )


def relevance_of(config: AppConfig) -> Relevance:
    """What the watcher counts as summit coverage: the configured bodies and keywords."""
    return Relevance(config.watch.relevance.entities, config.watch.relevance.keywords)
