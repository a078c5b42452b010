"""The error every adapter raises for a destination it cannot post to."""

from __future__ import annotations


class ChannelUnavailable(Exception):
    """The bot cannot post to this channel until someone fixes it: invite the bot, unarchive
    or recreate the channel, grant a permission. `reason` is the platform's word for it."""

    def __init__(self, message: str, *, channel: str, reason: str) -> None:
        super().__init__(message)
        self.channel = channel
        self.reason = reason
