"""Helpers for the Slack tests: signed requests as Slack sends them, the adapter's config.

Kept out of conftest.py so test modules import them by a name no other folder uses.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import aiohttp
from slack_sdk.signature import SignatureVerifier

from bot.adapters.slack.adapter import SlackConfig
from bot.service import StoredBriefRef, SummitService
from tests.fakes.slack_api import FakeSlackAPI

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_2b9aaedf29d83c14.txt"
SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
CHANNEL = "C0SUMMIT"


@dataclass
class Seeded:
    service: SummitService
    seed: StoredBriefRef


def slack_config(api: FakeSlackAPI, **overrides: Any) -> SlackConfig:
    values: dict[str, Any] = {
        "bot_token": api.bot_token,
        "signing_secret": SECRET,
        "api_url": api.api_url,
        "host": "127.0.0.1",
        "port": 0,
        "pace_seconds": 0.0,
    }
    return SlackConfig(**{**values, **overrides})


class SlackSender:
    """Slack's side of HTTP mode: signs each request's exact bytes and POSTs it."""

    def __init__(self, url: str, secret: str = SECRET) -> None:
        self.url = url
        self.verifier = SignatureVerifier(secret)

    def headers(self, body: str, content_type: str, *, age: float = 0.0) -> dict[str, str]:
        timestamp = str(int(time.time() - age))
        signature = self.verifier.generate_signature(timestamp=timestamp, body=body)
        return {
            "Content-Type": content_type,
            "X-Slack-Request-Timestamp": timestamp,
            "X-Slack-Signature": signature,
        }

    async def post(
        self, body: str, content_type: str, *, age: float = 0.0, extra: dict[str, str] | None = None
    ) -> tuple[int, str]:
        headers = {**self.headers(body, content_type, age=age), **(extra or {})}
        async with (
            aiohttp.ClientSession() as session,
            session.post(self.url, data=body.encode(), headers=headers) as response,
        ):
            return response.status, await response.text()

    async def command(self, text: str, response_url: str, **fields: str) -> tuple[int, str]:
        return await self.post(command_body(text, response_url, **fields), FORM)

    async def event(self, event: dict[str, Any], event_id: str, **headers: str) -> tuple[int, str]:
        return await self.post(json.dumps(event_body(event, event_id)), JSON, extra=headers)


FORM = "application/x-www-form-urlencoded"
JSON = "application/json"


def command_body(text: str, response_url: str, **fields: str) -> str:
    payload = {
        "token": "legacy-verification-token",
        "team_id": "T0001",
        "team_domain": "summit-test",
        "channel_id": CHANNEL,
        "channel_name": "asean-desk",
        "user_id": "U0ANALYST",
        "user_name": "analyst",
        "command": "/summit",
        "text": text,
        "api_app_id": "A0001",
        "is_enterprise_install": "false",
        "response_url": response_url,
        "trigger_id": "1337.42.abcd",
        **fields,
    }
    return urlencode(payload)


def event_body(event: dict[str, Any], event_id: str) -> dict[str, Any]:
    return {
        "token": "legacy-verification-token",
        "team_id": "T0001",
        "api_app_id": "A0001",
        "event": {"event_ts": event.get("ts"), **event},
        "type": "event_callback",
        "event_id": event_id,
        "event_time": int(time.time()),
        "authorizations": [
            {"team_id": "T0001", "user_id": "UBOT", "is_bot": True, "is_enterprise_install": False}
        ],
        "is_ext_shared_channel": False,
    }
