"""The crawl job: crawl → archive → extract → keep the relevant articles → store.

This is where the crawler meets the extractor and the store; each stays ignorant of the
others. One page's failure (no article on it, an HTTP error, a reader error) is counted
and reported, never fatal. When articles were added or changed, the initiative registry
and stories are regrouped at the end, so search and the web see them at once.
"""
from __future__ import annotations

import json
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from extractor.crawl.outcome import OUTCOMES, CrawlStats, Page
from extractor.crawl.frontier import SKIP_REASONS

if TYPE_CHECKING:
    from extractor.crawl.fetch import FetchConfig
    from extractor.store import Store


@dataclass
class CrawlReport:
    """What a crawl did, overall and by host: the one-screen summary."""

    by_host: dict[str, Counter] = field(default_factory=dict)
    skipped_by: dict[str, Counter] = field(default_factory=dict)  # host → skip reason → count
    errors: list[str] = field(default_factory=list)
    interrupted: bool = False
    finished: bool = False
    db: str = ""
    registry: dict = field(default_factory=dict)  # registry counts, when it was refreshed

    @property
    def totals(self) -> Counter:
        return sum(self.by_host.values(), Counter())

    @property
    def skipped(self) -> Counter:
        """Skipped pages by reason, all hosts together."""
        return sum(self.skipped_by.values(), Counter())

    def as_dict(self) -> dict:
        keys = OUTCOMES + ("requests",)
        return {
            "db": self.db,
            "finished": self.finished,
            "interrupted": self.interrupted,
            "totals": {k: self.totals.get(k, 0) for k in keys},
            "skipped": _reasons(self.skipped),
            "by_host": {h: {**{k: c.get(k, 0) for k in keys},
                            "skipped_by_reason": _reasons(self.skipped_by.get(h, Counter()))}
                        for h, c in sorted(self.by_host.items())},
            "errors": self.errors,
        }

    def rows(self) -> list[dict]:
        """One flat row per host, then the total, each with a column per skip reason (for CSV)."""
        out = []
        for host, c in [*sorted(self.by_host.items()), ("total", self.totals)]:
            reasons = self.skipped if host == "total" else self.skipped_by.get(host, Counter())
            out.append({"host": host, **{k: c.get(k, 0) for k in OUTCOMES + ("requests",)},
                        **{f"skipped {r}": reasons.get(r, 0) for r in SKIP_REASONS}})
        return out

    def skipped_line(self) -> str | None:
        """"skipped: 9 off-topic, 3 duplicate …", or None when nothing was skipped."""
        reasons = self.skipped
        if not reasons:
            return None
        return "skipped: " + ", ".join(f"{n} {r}" for r, n in reasons.most_common())

    def render(self):
        """A rich Table: one row per host, then the total."""
        from rich.table import Table

        if self.interrupted:
            state = "interrupted: run the same command again to resume"
        elif self.finished:
            state = "done"
        else:
            state = "stopped at --max-pages (or URLs waiting for a retry): run again to continue"
        table = Table(title=f"crawl {state}", title_justify="left")
        table.add_column("host")
        for k in OUTCOMES + ("requests",):
            table.add_column(k, justify="right")
        for host, c in sorted(self.by_host.items()):
            table.add_row(host, *(str(c.get(k, 0)) for k in OUTCOMES + ("requests",)))
        t = self.totals
        table.add_row("[bold]total", *(f"[bold]{t.get(k, 0)}" for k in OUTCOMES + ("requests",)))
        line = self.skipped_line()
        if line:
            table.caption, table.caption_justify = line, "left"
        return table

    def to_json(self) -> str:
        return json.dumps(self.as_dict(), ensure_ascii=False, indent=2)


def _reasons(c: Counter) -> dict[str, int]:
    return {r: c[r] for r in SKIP_REASONS if c.get(r)}


def crawl(db_path: str | Path, targets: list[str], *, since: str | None = None, max_pages: int | None = None,
          langs: list[str] | None = None, delay: float = 1.0, keep_all: bool = False, progress: bool = True,
          store: Store | None = None, fetch_config: FetchConfig | None = None, workers: int = 4,
          max_depth: int | None = None, lines_every: float | None = None, worker: str | None = None,
          lease: float = 120.0) -> CrawlReport:
    """Crawl ``targets`` (site profile names or URLs; empty → every built-in profile) into the corpus.

    Resumes an unfinished crawl of the same targets; a finished one is followed by a new
    pass that revisits known pages with conditional requests. ``store`` is an already open
    store to write into (default: the one at ``db_path``); ``fetch_config`` tunes timeouts
    and retries (tests use short ones); ``max_depth`` overrides the sites' link depth.
    ``progress`` shows live bars (a terminal); else ``lines_every`` seconds a progress line
    goes to stderr (cron), and with neither the crawl is silent until its report.
    ``worker``: this process's name, as one of several sharing a PostgreSQL frontier
    (hosts leased for ``lease`` seconds at most; its WARC files carry the name).
    """
    from extractor.crawl import frontier
    from extractor.crawl.crawler import Crawler
    from extractor.crawl.fetch import Fetcher
    from extractor.crawl.sites import resolve
    from extractor.crawl.warc import WarcArchive
    from extractor.errors import ExtractorError
    from extractor.store import open_store
    from extractor.store.backend import archive_root, is_url, shown
    from extractor.store.registry import refresh

    sites = resolve(targets, langs)
    if max_depth is not None:
        from dataclasses import replace

        sites = [replace(site, max_depth=max_depth) for site in sites]
    own_store = store is None
    if worker and not (store.shared if store else is_url(db_path)):
        raise ExtractorError(f"--worker needs a shared corpus (--db postgresql://…), not {db_path}")
    store = open_store(db_path) if own_store else store
    root = archive_root(getattr(store, "path", None) or db_path)
    fetcher = Fetcher(fetch_config)
    view = _ProgressView() if progress else _ProgressLines(lines_every) if lines_every else None
    run_key = ",".join(sorted(targets)) or "*"
    if langs:
        run_key += f" lang={','.join(sorted(langs))}"
    crawler = Crawler(store.conn, sites, archive=WarcArchive(root, tag=worker), fetcher=fetcher, delay=delay,
                      since=since, langs=langs, max_pages=max_pages, workers=workers, run_key=run_key,
                      on_progress=view.update if view else None, worker=worker, lease=lease)
    keeper = None
    if worker:  # renews this worker's host leases on a connection of its own
        keeper = frontier.LeaseKeeper(open_store(db_path).conn, worker, lease)
        keeper.start()
    try:
        if view:
            view.start()
        stats = crawler.run(lambda page: _store_page(page, store, keep_all=keep_all, since=since, langs=langs),
                            stored=store.holds, judge=_judge(keep_all, since, langs))
        report = CrawlReport(by_host=stats.by_host, skipped_by=stats.skipped_by, errors=stats.errors,
                             interrupted=stats.interrupted, finished=stats.finished, db=shown(db_path))
        if report.totals.get("new") or report.totals.get("changed"):
            report.registry = refresh(store.conn)
    finally:
        if keeper:
            keeper.stop.set()
            keeper.join()
            keeper.conn.close()
        if view:
            view.stop()
        fetcher.close()
        if own_store:
            store.close()
    return report


def _judge(keep_all: bool, since: str | None, langs: list[str] | None) -> str:
    """What a skip verdict depends on: the extractor's version and this crawl's filters."""
    from extractor import __version__

    return f"{__version__} all={keep_all} since={since or ''} lang={','.join(sorted(langs or []))}"


def _store_page(page: Page, store: Store, *, keep_all: bool, since: str | None, langs: list[str] | None) -> str:
    """Extract one fetched page and store it if it is about the topic; returns the store's
    outcome (new, changed, unchanged) or why the page was not stored (a skip reason)."""
    from extractor.core import extract
    from extractor.crawl import topic
    from extractor.crawl.sites import selectors_for
    from extractor.errors import ExtractorError

    try:
        record = extract(page.body, url=page.final_url, content_type=page.content_type,
                         selectors=selectors_for(page.final_url))
    except ExtractorError as exc:  # an index, a gallery, a login page …; or empty, undecodable
        return "not an article" if str(exc).startswith(("no article", "binary input")) else "error"
    if langs and record.language and record.language not in langs:
        return "language"
    if since and record.published and record.published[:10] < since[:10]:
        return "too old"
    if not (keep_all or record.relevant or topic.matches(page.final_url, record.title, page.title_hint)):
        return "off-topic"
    res = store.save_record(record, fetched_at=page.fetched_at, warc_file=page.warc_file,
                            warc_offset=page.warc_offset, http_status=page.status)
    return res.status


class _ProgressLines:
    """Without a terminal (cron, a pipe): one line on stderr every ``every`` seconds."""

    def __init__(self, every: float):
        self.every = every
        self.last = time.monotonic()

    def start(self) -> None:
        self.last = time.monotonic()

    def stop(self) -> None:
        pass

    def update(self, stats: CrawlStats, counts: dict[str, dict[str, int]]) -> None:
        if time.monotonic() - self.last < self.every:
            return
        self.last = time.monotonic()
        t = stats.total()
        pages = sum(t.get(k, 0) for k in OUTCOMES)
        stored = t.get("new", 0) + t.get("changed", 0)
        queued = sum(c["queued"] for c in counts.values())
        print(f"extractor crawl: {pages} pages, {stored} articles stored, {t.get('failed', 0)} errors,"
              f" {queued} queued", file=sys.stderr, flush=True)


class _ProgressView:
    """Live per-host lines: pages fetched, queued, errors (on stderr, only when it is a terminal)."""

    def __init__(self):
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self.progress = Progress(
            TextColumn("{task.description:<28}"), BarColumn(), MofNCompleteColumn(),
            TextColumn("queued {task.fields[queued]:>6}  errors {task.fields[errors]:>4}"), TimeElapsedColumn(),
            console=Console(stderr=True), transient=False,
        )
        self.tasks: dict[str, int] = {}

    def start(self) -> None:
        self.progress.start()

    def stop(self) -> None:
        self.progress.stop()

    def update(self, stats: CrawlStats, counts: dict[str, dict[str, int]]) -> None:
        for host, c in sorted(counts.items()):
            if host not in self.tasks and host not in stats.by_host and not c["queued"]:
                continue  # a host of an earlier crawl
            done = c["fetched"] + c["failed"] + c["skipped"]
            errors = stats.by_host.get(host, Counter()).get("failed", 0)
            if host not in self.tasks:
                self.tasks[host] = self.progress.add_task(host, total=done + c["queued"], queued=0, errors=0)
            self.progress.update(self.tasks[host], completed=done, total=done + c["queued"], queued=c["queued"],
                                 errors=errors)
