"""Delivery: the outbox sender (briefs and digests to chat adapters, exactly once)."""

from bot.delivery.sender import OutboxSender

__all__ = ["OutboxSender"]
