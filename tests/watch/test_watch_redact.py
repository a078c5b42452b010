"""What a failing source reports (logged, and shown by /summit sources) carries no secrets."""

from __future__ import annotations

from bot.watch.redact import redact


def test_credentials_and_queries_are_left_out_of_urls() -> None:
    message = "HTTP 401 for https://user:pw@feeds.example.com/rss?apikey=SECRET#top"
    assert redact(message) == "HTTP 401 for https://feeds.example.com/rss"


def test_a_message_without_urls_is_unchanged() -> None:
    assert redact("timed out after 20 s") == "timed out after 20 s"
