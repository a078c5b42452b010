"""`/summit …` text parsed into a command. Pure: no I/O, no Slack types.

brief [topic or URL]   pledges [topic | name:value …]   ask QUESTION   sources   help
subscribe [daily HH:MM | weekdays HH:MM | weekly DAY HH:MM | "M H DOM MON DOW"] [ZONE]
unsubscribe
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.adapters.shared.render import clip
from bot.adapters.slack.mrkdwn import escape
from bot.core.errors import BadInput
from bot.core.ledger import LedgerQuery
from bot.ledger.query import build_query, filter_words

USAGE = """*Usage:* `/summit <subcommand>`
• `/summit brief [topic]` — the latest brief (on a topic: `/summit brief South China Sea`)
• `/summit brief URL` — brief an article now
• `/summit pledges [topic]` — pledge bullets only
• `/summit pledges actor:Japan pillar:economic since:2024-01-01 [page:2]` — the pledge ledger \
(filters: actor, pillar, kind, summit, since, until, status)
• `/summit ask QUESTION` — an answer quoted from the coverage
• `/summit subscribe [daily 08:00 | weekdays 07:30 | weekly mon 09:00 | cron "0 8 * * *"] [Zone]` \
— every new brief in this channel, plus a digest on that schedule (time zone: IANA, default UTC)
• `/summit unsubscribe` — stop posting briefs here
• `/summit sources` — what is watched, and its health
• `/summit help` — this message"""

_URL = re.compile(r"^<?(https?://[^\s|>]+)(?:\|[^>]*)?>?$", re.I)
_TIME = re.compile(r"^([01]?\d|2[0-3])[:.h]([0-5]\d)$")
_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_CRON_FIELD = re.compile(r"^[\d*/,\-a-z]+$", re.I)


@dataclass(frozen=True, slots=True)
class Help:
    pass


@dataclass(frozen=True, slots=True)
class Usage:
    """Bad input: what was wrong, shown with the usage text."""

    error: str


@dataclass(frozen=True, slots=True)
class BriefLatest:
    topic: str | None
    pledges_only: bool = False


@dataclass(frozen=True, slots=True)
class BriefUrl:
    url: str


@dataclass(frozen=True, slots=True)
class Ask:
    question: str


@dataclass(frozen=True, slots=True)
class Subscribe:
    cron: str | None
    timezone: str


@dataclass(frozen=True, slots=True)
class Ledger:
    """The pledge ledger, filtered (`actor:Japan since:2024`), one page of it."""

    query: LedgerQuery
    page: int = 1


@dataclass(frozen=True, slots=True)
class Unsubscribe:
    pass


@dataclass(frozen=True, slots=True)
class Sources:
    pass


Command = Help | Usage | BriefLatest | BriefUrl | Ask | Subscribe | Unsubscribe | Sources | Ledger


def parse(text: str) -> Command:
    name, _, rest = " ".join(text.split()).partition(" ")
    name = name.lower()
    if name in ("", "help"):
        return Help()
    if name == "brief":
        return _brief(rest)
    if name == "pledges":
        return _pledges(rest)
    if name == "ask":
        return Ask(rest) if rest.strip(" ?") else Usage("`ask` needs a question")
    if name == "subscribe":
        return _subscribe(rest)
    if name in ("unsubscribe", "sources") and rest:
        return Usage(f"`{name}` takes no arguments")
    if name == "unsubscribe":
        return Unsubscribe()
    if name == "sources":
        return Sources()
    return Usage(f"unknown subcommand `{_shown(name)}`")


def _brief(rest: str) -> Command:
    url = _URL.match(rest)
    if url:
        return BriefUrl(url.group(1))
    if "://" in rest:
        return Usage("only http(s) URLs can be briefed")
    return BriefLatest(rest or None)


def _pledges(rest: str) -> Command:
    """Filter words ask the ledger; a topic (or nothing) shows the latest brief's pledges."""
    try:
        found = filter_words(rest)
        if found is None:
            return BriefLatest(rest or None, pledges_only=True)
        values, page = found
        return Ledger(build_query(dict(values)), page)
    except BadInput as exc:
        return Usage(escape(str(exc)))


def _subscribe(rest: str) -> Command:
    words = rest.replace('"', " ").replace("'", " ").split()
    if words and words[0].lower() == "digest":
        words = words[1:]
    zone = "UTC"
    if words and _is_zone(words[-1]):
        zone = _zone_name(words.pop())
    elif words and "/" in words[-1]:
        return Usage(f"unknown time zone `{_shown(words[-1])}` (use an IANA name such as UTC)")
    if not words:
        return Subscribe(None, zone)
    cron = _schedule(words)
    if cron is None:
        return Usage(f"cannot read the schedule `{_shown(' '.join(words))}`")
    return Subscribe(cron, zone)


def _schedule(words: list[str]) -> str | None:
    """A crontab from `daily 08:00`, `weekdays 7:30`, `weekly mon 09:00`, `08:00` or five
    crontab fields (optionally after `cron`)."""
    lowered = [w.lower() for w in words]
    if lowered[0] == "cron":
        lowered = lowered[1:]
    if len(lowered) == 5 and all(_CRON_FIELD.match(w) for w in lowered):
        return " ".join(lowered)
    days = {"daily": "*", "weekdays": "mon-fri"}
    if len(lowered) == 1:
        lowered = ["daily", *lowered]
    if len(lowered) == 2 and lowered[0] in days:
        return _at(lowered[1], days[lowered[0]])
    if len(lowered) == 3 and lowered[0] == "weekly" and lowered[1][:3] in _DAYS:
        return _at(lowered[2], lowered[1][:3])
    return None


def _at(clock: str, days: str) -> str | None:
    match = _TIME.match(clock)
    if not match:
        return None
    return f"{int(match.group(2))} {int(match.group(1))} * * {days}"


def _is_zone(word: str) -> bool:
    if "/" not in word and word.upper() not in ("UTC", "GMT"):
        return False
    try:
        ZoneInfo(_zone_name(word))
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def _zone_name(word: str) -> str:
    return word.upper() if word.upper() in ("UTC", "GMT") else word


def _shown(text: str) -> str:
    """User text echoed back inside a code span: short, escaped, no backtick to break out."""
    return clip(escape(text), 60)
