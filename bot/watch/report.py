"""One line per new story (or skipped item): what `summit watch --once` prints."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.core.models import Article
from bot.ingest.userinfo import without_userinfo
from bot.watch.sources import Candidate, WatchedSource


@dataclass(slots=True)
class StoryReport:
    source: str
    title: str
    relevant: bool
    reason: str
    urls: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    brief_id: int | None = None
    story_id: int | None = None

    def add_copy(self, url: str | None, outlet: str | None) -> None:
        if url and url not in self.urls:
            self.urls.append(url)
        if outlet and outlet not in self.outlets:
            self.outlets.append(outlet)

    def to_json_dict(self) -> dict[str, object]:
        return {
            "title": self.title,
            "urls": self.urls,
            "outlets": self.outlets,
            "relevant": self.relevant,
            "reason": self.reason,
            "brief_id": self.brief_id,
            "story_id": self.story_id,
            "source": self.source,
        }

    def to_text(self) -> str:
        where = " · ".join(self.outlets) or self.source
        urls = " ".join(self.urls)
        if self.relevant:
            return f"brief {self.brief_id}: {self.title} [{where}] {urls}".rstrip()
        return f"skipped: {self.title} [{where}] {urls} — {self.reason}".replace("  ", " ")


def skipped_report(
    source: WatchedSource, candidate: Candidate, reason: str, article: Article | None = None
) -> StoryReport:
    """The line for an item left out: titled and credited as well as what is known allows."""
    title = (article.title if article else None) or candidate.title or candidate.key
    report = StoryReport(source.name, title, False, reason)
    outlet = (article.source if article else None) or candidate.outlet
    link = without_userinfo(candidate.link) if candidate.link else None
    report.add_copy(link or candidate.url, outlet)
    return report
