"""The extractive engine: offline, deterministic, fast."""

from bot.brief.extractive.engine import ExtractiveEngine

__all__ = ["ExtractiveEngine"]
