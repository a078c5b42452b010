"""The extractive engine: offline, deterministic, fast."""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.brief.extractive.engine import ExtractiveEngine

__all__ = ["ExtractiveEngine"]


def __getattr__(name: str) -> Any:
    # The engine (with blingfire and numpy) loads on first use: the ledger, and through it the
    # store, read only the word lists in `bot.language.words`, and `summit sources`
    # or `summit pledges` never brief.
    if name == "ExtractiveEngine":
        from bot.brief.extractive.engine import ExtractiveEngine

        return ExtractiveEngine
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
