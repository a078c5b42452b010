"""Slack ack latency: how long the app takes to answer a signed `/summit` command over HTTP.

Starts the real Slack adapter (bolt AsyncApp on aiohttp, HTTP mode, 127.0.0.1) over a real
service and SQLite store holding the seed's brief, with the fake Web API from tests/fakes;
sends N signed commands one after another and times request → response (the ack; the work
runs after it, in the background, and keeps going while later commands arrive). Prints
p50/p99/max; asserts nothing. Slack's limit is 3 s.

    .venv/bin/python bench/slack_ack.py [--n 200] [--text "brief"] [--concurrency 1]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

import aiohttp
from slack_sdk.signature import SignatureVerifier

from bot.adapters.slack.adapter import SlackAdapter, SlackConfig
from bot.config import Settings, load_config
from bot.service import SummitService
from bot.store import Store
from bot.wiring.engines import build_engines

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests.fakes.slack_api import FakeSlackAPI  # noqa: E402

SEED = ROOT / "seeds" / "000_2b9aaedf29d83c14.txt"
SECRET = "bench-signing-secret"


def signed(body: str, verifier: SignatureVerifier) -> dict[str, str]:
    timestamp = str(int(time.time()))
    return {
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Slack-Request-Timestamp": timestamp,
        "X-Slack-Signature": verifier.generate_signature(timestamp=timestamp, body=body),
    }


async def run(n: int, text: str, concurrency: int) -> list[float]:
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(f"sqlite:///{Path(tmp) / 'bench.db'}")
        await store.migrate()
        engines = build_engines(Settings(_env_file=None), load_config().pillars(), "extractive")  # type: ignore[call-arg]
        service = SummitService(store, engines.engine, engines.answerer)
        await service.brief_source(str(SEED))
        async with FakeSlackAPI() as api:
            config = SlackConfig(api.bot_token, SECRET, None, api.api_url, "127.0.0.1", 0, 0.0)
            adapter = SlackAdapter(config, service)
            await adapter.start()
            assert adapter.server is not None
            try:
                latencies = await _send_all(adapter.server.url, api, n, text, concurrency)
                await adapter.tasks.idle()
            finally:
                await adapter.stop()
                await store.close()
                await engines.close()
    return latencies


async def _send_all(
    base: str, api: FakeSlackAPI, n: int, text: str, concurrency: int
) -> list[float]:
    verifier = SignatureVerifier(SECRET)
    latencies: list[float] = []
    gate = asyncio.Semaphore(concurrency)
    async with aiohttp.ClientSession() as session:

        async def one(i: int) -> None:
            fields = {"team_id": "T1", "channel_id": f"C{i % 10}", "user_id": "U1"}
            fields |= {"command": "/summit", "text": text, "trigger_id": str(i)}
            body = urlencode({**fields, "response_url": api.response_url()})
            async with gate:
                started = time.perf_counter()
                url = f"{base}/slack/events"
                async with session.post(url, data=body, headers=signed(body, verifier)) as r:
                    await r.read()
                    assert r.status == 200, r.status
                latencies.append(time.perf_counter() - started)

        await asyncio.gather(*(one(i) for i in range(n)))
    return latencies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--text", default="brief")
    parser.add_argument("--concurrency", type=int, default=1)
    args = parser.parse_args()
    latencies = sorted(asyncio.run(run(args.n, args.text, args.concurrency)))
    ms = [x * 1000 for x in latencies]
    p99 = ms[min(len(ms) - 1, round(0.99 * len(ms)) - 1)]
    print(f"/summit {args.text!r} x{args.n} (concurrency {args.concurrency}), ack latency:")
    print(f"  p50 {statistics.median(ms):.1f} ms   p99 {p99:.1f} ms   max {ms[-1]:.1f} ms")


if __name__ == "__main__":
    main()
