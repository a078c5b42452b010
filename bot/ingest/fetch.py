"""HTTP fetching with limits: time, size, redirects, content types, and the SSRF guard.

Shared by `summit brief URL` and the feed watcher (which passes conditional-GET headers and
feed content types). Redirects are followed by hand so the guard sees every hop, and bodies
are streamed so an oversized one is cut off instead of filling memory.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

import httpx

from bot import __version__
from bot.core.errors import BadInput
from bot.ingest.guard import check_public_host
from bot.ingest.userinfo import without_userinfo

USER_AGENT = f"SummitBrief/{__version__} (summit-diplomacy news briefing bot; python-httpx)"
PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain"})
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_DEFAULT_PORTS = {"http": 80, "https": 443}


class HTTPStatusError(BadInput):
    """The server answered with an error status; `retry_after` (seconds) when it said when."""

    def __init__(self, message: str, status: int, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.retry_after = retry_after


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    """Limits for one fetch. `allow_private=False` for URLs that chat users supply."""

    connect_timeout: float = 10.0
    total_timeout: float = 20.0
    max_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 5
    content_types: frozenset[str] = PAGE_TYPES
    # Operator-given sources are trusted, so local servers work; the trust covers the URL's
    # own scheme, host and port, and ends at the first redirect that leaves them.
    allow_private: bool = True
    # Hosts exempt from the address check when allow_private is False: an operator's own
    # mirror or proxy, named exactly as in the URL ("intranet.example", "10.0.0.5").
    allowed_hosts: frozenset[str] = frozenset()
    user_agent: str = USER_AGENT


@dataclass(frozen=True, slots=True)
class FetchResult:
    url: str  # after redirects
    status: int  # 2xx, or 304 when a conditional GET found nothing new
    headers: httpx.Headers
    content: bytes

    @property
    def content_type(self) -> str | None:
        value = self.headers.get("content-type")
        return str(value) if value is not None else None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


async def fetch(
    url: str,
    policy: FetchPolicy | None = None,
    *,
    headers: Mapping[str, str] | None = None,
    client: httpx.AsyncClient | None = None,
) -> FetchResult:
    """GET `url` within `policy`; BadInput with a one-line reason for anything else.

    `headers` are extra request headers (If-None-Match, If-Modified-Since). Pass `client` to
    reuse connections across fetches; it must not follow redirects itself.
    """
    policy = policy or FetchPolicy()
    shown = without_userinfo(url)  # messages are logged and shown: no credentials in them
    try:
        async with asyncio.timeout(policy.total_timeout):
            if client is not None:
                return await _follow(client, url, policy, headers or {})
            async with new_client(policy) as own:
                return await _follow(own, url, policy, headers or {})
    except (TimeoutError, httpx.TimeoutException) as exc:
        raise BadInput(f"{shown} did not answer within {policy.total_timeout:g} s") from exc
    except httpx.ConnectError as exc:
        raise BadInput(f"cannot connect to {shown}: {exc or 'connection failed'}") from exc
    except httpx.HTTPError as exc:
        raise BadInput(f"cannot fetch {shown}: {exc or type(exc).__name__}") from exc


def new_client(policy: FetchPolicy, *, connections: int | None = None) -> httpx.AsyncClient:
    """A client for `fetch`: redirects off (we follow them), our User-Agent, timeouts.

    `connections`: how many to keep open (a watcher polling many feeds at once)."""
    open_ = connections or 100  # httpx's own defaults otherwise: 100 open, 20 kept alive
    limits = httpx.Limits(max_connections=open_, max_keepalive_connections=connections or 20)
    return httpx.AsyncClient(
        limits=limits,
        follow_redirects=False,
        timeout=httpx.Timeout(policy.total_timeout, connect=policy.connect_timeout),
        headers={"User-Agent": policy.user_agent, "Accept": _accept(policy)},
        # An environment proxy would connect on our behalf to hosts the guard never saw.
        trust_env=False,
    )


async def _follow(
    client: httpx.AsyncClient, url: str, policy: FetchPolicy, headers: Mapping[str, str]
) -> FetchResult:
    current = _parse(url)
    origin = _origin(current)
    trusted = policy.allow_private
    for _ in range(policy.max_redirects + 1):
        # The operator trusted one host; an open redirect there must not lend that trust to
        # wherever it points (169.254.169.254, a neighbour on the LAN). Once lost, it stays lost.
        trusted = trusted and _origin(current) == origin
        await _check_target(current, policy, trusted=trusted)
        async with client.stream("GET", current, headers=headers) as response:
            location = response.headers.get("location")
            if response.status_code not in _REDIRECTS or not location:
                return await _result(response, without_userinfo(str(current)), policy)
        current = current.join(location)
    raise BadInput(f"{without_userinfo(url)} redirected more than {policy.max_redirects} times")


def _origin(url: httpx.URL) -> tuple[str, str, int]:
    return url.scheme, url.host.lower(), url.port or _DEFAULT_PORTS.get(url.scheme, 0)


def _parse(url: str) -> httpx.URL:
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL as exc:
        raise BadInput(f"not a valid URL: {without_userinfo(url)}") from exc
    if parsed.scheme not in _DEFAULT_PORTS or not parsed.host:
        raise BadInput(f"not a valid http(s) URL: {without_userinfo(url)}")
    return parsed


async def _check_target(url: httpx.URL, policy: FetchPolicy, *, trusted: bool) -> None:
    if url.scheme not in _DEFAULT_PORTS or not url.host:  # a redirect to file:, ftp:, ...
        raise BadInput(f"refusing to follow a redirect to {without_userinfo(str(url))}")
    # httpx resolves the name again to connect; a host that answers DNS differently the second
    # time (rebinding) is not caught here. Pinning the checked address is the next step.
    if not trusted and url.host not in policy.allowed_hosts:
        await check_public_host(url.host, url.port or _DEFAULT_PORTS[url.scheme])


async def _result(response: httpx.Response, url: str, policy: FetchPolicy) -> FetchResult:
    status = response.status_code
    if status == 304:
        return FetchResult(url, status, response.headers, b"")
    if not 200 <= status < 300:
        message = f"{url} answered HTTP {status} {response.reason_phrase}".rstrip()
        raise HTTPStatusError(message, status, retry_after(response.headers.get("retry-after")))
    _check_type(response, url, policy)
    return FetchResult(url, status, response.headers, await _read_capped(response, url, policy))


def _check_type(response: httpx.Response, url: str, policy: FetchPolicy) -> None:
    declared = response.headers.get("content-type")
    if declared is None:  # undeclared: the loader sniffs it
        return
    media_type = declared.split(";")[0].strip().lower()
    if media_type not in policy.content_types:
        raise BadInput(f"{url} is {media_type or 'of no type'}, not a web page or text")


async def _read_capped(response: httpx.Response, url: str, policy: FetchPolicy) -> bytes:
    too_big = f"{url} is larger than {format_size(policy.max_bytes)}"
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > policy.max_bytes:
        raise BadInput(too_big)
    body = bytearray()
    # Decoded bytes are counted, so a small gzip bomb is cut off like a large body.
    async for chunk in response.aiter_bytes():
        body += chunk
        if len(body) > policy.max_bytes:
            raise BadInput(too_big)
    return bytes(body)


def retry_after(value: str | None, *, now: datetime | None = None) -> float | None:
    """Retry-After as seconds from now: delta-seconds or an HTTP date; None when absent/bad."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def format_size(size: int) -> str:
    """ "5 MB", "64 KB", "100 bytes": limits in messages, in the unit they were set in."""
    for unit, scale in (("MB", 1024 * 1024), ("KB", 1024)):
        if size >= scale and size % scale == 0:
            return f"{size // scale} {unit}"
    return f"{size} bytes"


def _accept(policy: FetchPolicy) -> str:
    return ", ".join(sorted(policy.content_types)) + ", */*;q=0.1"
