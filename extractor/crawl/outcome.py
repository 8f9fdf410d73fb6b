"""What a crawl hands on and what it counts: the page given to the job, the run's tallies."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

OUTCOMES = ("new", "changed", "unchanged", "skipped", "failed")
STORED = ("new", "changed", "unchanged")


@dataclass
class Page:
    """An article page as fetched and archived, handed to the job."""

    url: str
    final_url: str
    site: str
    host: str
    lang: str | None
    body: bytes
    content_type: str | None
    status: int
    fetched_at: str
    warc_file: str | None
    warc_offset: int | None
    title_hint: str | None = None  # from the feed / sitemap / link text
    seen_before: bool = False


@dataclass
class CrawlStats:
    """Outcome counts by host (new, changed, unchanged, skipped, failed, requests) of one run."""

    by_host: dict[str, Counter] = field(default_factory=dict)
    skipped_by: dict[str, Counter] = field(default_factory=dict)  # host → skip reason → count
    errors: list[str] = field(default_factory=list)  # one line per failed URL (first 200)
    interrupted: bool = False
    finished: bool = False

    def count(self, host: str, what: str, n: int = 1) -> None:
        self.by_host.setdefault(host, Counter())[what] += n

    def skip(self, host: str, reason: str) -> None:
        self.count(host, "skipped")
        self.skipped_by.setdefault(host, Counter())[reason] += 1

    def total(self) -> Counter:
        return sum(self.by_host.values(), Counter())
