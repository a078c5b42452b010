"""Source health as `summit sources` and the chat front ends report it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from bot.ingest.userinfo import without_userinfo
from bot.store.watch import SourceState


@dataclass(frozen=True, slots=True)
class SourceStatus:
    name: str
    location: str
    kind: str
    status: str  # never polled | ok | failing | backing off
    last_success: datetime | None
    last_error: str | None
    last_error_at: datetime | None
    items_seen: int
    failures: int
    retry_at: datetime | None

    def to_json_dict(self) -> dict[str, object]:
        return {
            "name": self.name,
            "location": self.location,
            "kind": self.kind,
            "status": self.status,
            "last_success": _stamp(self.last_success),
            "last_error": self.last_error,
            "last_error_at": _stamp(self.last_error_at),
            "items_seen": self.items_seen,
            "failures": self.failures,
            "retry_at": _stamp(self.retry_at),
        }


def statuses(
    states: Sequence[SourceState], configured: Sequence[tuple[str, str, str]], now: datetime
) -> list[SourceStatus]:
    """Configured sources first (in config order, polled or not), then others seen before."""
    by_key = {s.key: s for s in states}
    out = [_status(name, key, kind, by_key.pop(key, None), now) for key, name, kind in configured]
    out += [_status(s.name, s.key, s.kind, s, now) for s in by_key.values()]
    return out


def _status(
    name: str, key: str, kind: str, state: SourceState | None, now: datetime
) -> SourceStatus:
    if state is None or state.last_polled_at is None:
        label = "never polled"
    elif state.status == "failing" and state.retry_at and state.retry_at > now:
        label = "backing off"
    else:
        label = state.status
    return SourceStatus(
        # Rows stored before credentials were stripped on the way in may still carry them.
        name=without_userinfo(name),
        location=without_userinfo(key),
        kind=kind,
        status=label,
        last_success=state.last_success_at if state else None,
        last_error=state.last_error if state else None,
        last_error_at=state.last_error_at if state else None,
        items_seen=state.items_seen if state else 0,
        failures=state.failures if state else 0,
        retry_at=state.retry_at if state else None,
    )


def _stamp(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None
