"""The crawl loop: frontier → fetch (politely) → archive → hand the page on.

The main thread owns the database: it picks the next URL of every host that may be
contacted now, hands each to a worker thread (one request at a time per host, several
hosts at once), then records the outcome, queues what the page links to, and passes
article pages to ``on_page`` — the job that extracts and stores. Every outcome is
committed before the next, so a crawl killed at any point resumes where it stopped.
"""
from __future__ import annotations

import hashlib
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from extractor.crawl import discover, topic
from extractor.crawl.fetch import FEED_TYPES, HTML_TYPES, Fetched, Fetcher
from extractor.crawl.politeness import Politeness
from extractor.crawl.sites import Site
from extractor.crawl.warc import WarcArchive, read_record
from extractor.errors import ReadError
from extractor.store import frontier
from extractor.store.db import now_iso
from extractor.store.frontier import Candidate

OUTCOMES = ("new", "changed", "unchanged", "skipped", "failed")
PRIORITY = {"entry": 50, "feed": 50, "sitemap": 40, "section": 30, "article": 10, "page": 5}
TOPIC_BONUS = 10
SECTION_PAGES = 5          # rel="next" pages followed from a section page
GIVE_UP_AFTER = 300.0      # a URL told to come back later than this waits for the next run
PAGE_KINDS = ("article", "page")


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
    errors: list[str] = field(default_factory=list)  # one line per failed URL (first 200)
    interrupted: bool = False
    finished: bool = False

    def count(self, host: str, what: str, n: int = 1) -> None:
        self.by_host.setdefault(host, Counter())[what] += n

    def total(self) -> Counter:
        return sum(self.by_host.values(), Counter())


@dataclass
class _Work:
    fetched: Fetched | None = None
    refused: str | None = None
    warc: tuple[str, int] | None = None
    robots_sitemaps: list[str] | None = None


class Crawler:
    """One crawl run over ``sites``: the frontier in ``conn``, pages archived, each handed on."""

    def __init__(self, conn, sites: list[Site], *, archive: WarcArchive, fetcher: Fetcher,
                 delay: float = 1.0, since: str | None = None, langs: list[str] | None = None,
                 max_pages: int | None = None, workers: int = 4, run_key: str | None = None,
                 on_progress: Callable[[CrawlStats, dict], None] | None = None):
        self.conn = conn
        self.sites = sites
        self.archive = archive
        self.fetcher = fetcher
        self.politeness = Politeness(fetcher, delay=delay)
        self.since = since[:10] if since else None
        self.langs = langs
        self.max_pages = max_pages
        self.workers = workers
        self.run_key = run_key or ",".join(sorted(s.name for s in sites))
        self.on_progress = on_progress
        self.stats = CrawlStats()
        self.pages = 0
        self.run_id = 0
        self._robots_done: set[str] = set()

    # -- the loop ---------------------------------------------------------------------------

    def run(self, on_page: Callable[[Page], str]) -> CrawlStats:
        """Crawl until the frontier is empty, ``max_pages`` is reached, or Ctrl-C."""
        self.run_id, _ = frontier.begin_run(self.conn, self.run_key)
        frontier.add(self.conn, self._seeds(), self.run_id)
        hosts = set(frontier.queued_hosts(self.conn))
        in_flight: dict = {}
        last_progress = 0.0
        pool = ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="crawl")
        try:
            while True:
                try:
                    if not self._budget_spent():
                        self._dispatch(pool, hosts, in_flight)
                    if not in_flight:
                        if self._budget_spent():
                            break
                        if hosts:
                            time.sleep(max(0.0, min(self._next_ready(hosts) - time.monotonic(), 0.5)))
                            continue
                        wake = frontier.next_wakeup(self.conn)
                        if wake is None:
                            self.stats.finished = True
                            break
                        if wake - time.time() > GIVE_UP_AFTER:
                            break
                        time.sleep(max(0.0, min(wake - time.time(), 1.0)))
                        hosts = set(frontier.queued_hosts(self.conn))
                        continue
                    done, _ = wait(list(in_flight), timeout=0.25, return_when=FIRST_COMPLETED)
                    for fut in done:
                        row, site = in_flight.pop(fut)
                        self.politeness.host(row["host"]).busy = False
                        hosts.update(self._handle(row, site, fut.result(), on_page))
                    if self.on_progress and time.monotonic() - last_progress > 0.3:
                        last_progress = time.monotonic()
                        self.on_progress(self.stats, frontier.counts(self.conn))
                except KeyboardInterrupt:
                    self.stats.interrupted = True
                    self.fetcher.stop.set()
                    for fut, (row, site) in list(in_flight.items()):
                        try:
                            self._handle(row, site, fut.result(), on_page)
                        except KeyboardInterrupt:
                            break
                    in_flight.clear()
                    break
        finally:
            pool.shutdown(wait=not self.stats.interrupted, cancel_futures=True)
            self.archive.close()
        if self.stats.finished:
            frontier.finish_run(self.conn, self.run_id)
        if self.on_progress:
            self.on_progress(self.stats, frontier.counts(self.conn))
        return self.stats

    def _budget_spent(self) -> bool:
        return self.max_pages is not None and self.pages >= self.max_pages

    def _next_ready(self, hosts: set[str]) -> float:
        return min((self.politeness.host(h).ready_at for h in hosts), default=time.monotonic())

    def _dispatch(self, pool, hosts: set[str], in_flight: dict) -> None:
        for name in list(hosts):
            if len(in_flight) >= self.workers or self._budget_spent():
                return
            if not self.politeness.ready(name):
                continue
            row = frontier.next_for_host(self.conn, name)
            if row is None:
                hosts.discard(name)
                continue
            site = self._site_of(row)
            if row["kind"] in PAGE_KINDS:
                self.pages += 1
            self.politeness.host(name).busy = True
            in_flight[pool.submit(self._work, row, site)] = (row, site)

    # -- in a worker thread: network and archive only ---------------------------------------

    def _work(self, row, site: Site) -> _Work:
        url, host = row["url"], row["host"]
        work = _Work()
        robots = self.politeness.load_robots(urlsplit(url).scheme, host)
        if robots is not None:
            for ex in robots.exchanges:
                self.archive.write(ex)
            work.robots_sitemaps = self.politeness.sitemaps(host)
        self.politeness.wait_turn(host)
        refused = self.politeness.allowed(url, host)
        if refused:
            work.refused = refused
            return work
        accept = HTML_TYPES if row["kind"] in PAGE_KINDS else FEED_TYPES
        work.fetched = self.fetcher.fetch(
            url, etag=row["etag"], last_modified=row["last_modified"], accept=accept,
            allow=lambda hop: self._hop_refused(hop, site), min_wait=self.politeness.host(host).delay,
        )
        self.politeness.done(host)
        for ex in work.fetched.exchanges:
            if ex.status == 304 or (ex.status == 200 and ex is not work.fetched.exchanges[-1]):
                continue
            if ex.status == 200 and work.fetched.error:  # cut short, too large, not HTML
                continue
            work.warc = self.archive.write(ex)
        return work

    def _hop_refused(self, url: str, site: Site) -> str | None:
        host = discover.host_of(url)
        if not site.owns(url):
            return "leaves the site"
        return self.politeness.allowed(url, host) if host in self.politeness.hosts else None

    # -- in the main thread: the database and the job ---------------------------------------

    def _handle(self, row, site: Site, work: _Work, on_page: Callable[[Page], str]) -> set[str]:
        url, host = row["url"], row["host"]
        new_hosts: set[str] = set()
        if work.robots_sitemaps and site.robots_sitemaps and host not in self._robots_done:
            self._robots_done.add(host)
            new_hosts |= self._queue(site, (discover.Link(u, "sitemap") for u in work.robots_sitemaps), row, 0)
        if work.refused:
            if work.refused.startswith("robots.txt unreachable"):  # try again next run, not a verdict
                return self._fail(row, work.refused) or new_hosts
            return self._skip(row, work.refused) or new_hosts
        f = work.fetched
        self.stats.count(host, "requests", len(f.exchanges) or 1)
        if f.retry_after is not None:
            frontier.retry_later(self.conn, url, time.time() + f.retry_after, row["attempts"] + 1, f.error or "retry")
            return new_hosts | {host}
        if f.error:
            if f.skip:
                self._skip(row, f.error)
            else:
                self._fail(row, f.error, http_status=f.status or None, attempts=row["attempts"] + f.attempts)
            return new_hosts
        now = now_iso()
        if f.status == 304:
            frontier.mark(self.conn, url, "fetched", self.run_id, http_status=304, fetched_at=now)
            if row["kind"] in PAGE_KINDS:
                self.stats.count(host, "unchanged")
            if row["warc_file"] and (row["kind"] not in PAGE_KINDS or row["depth"] < site.max_depth):
                # An unchanged page still lists pages to revisit: read it back from the archive.
                try:
                    f.body = read_record(row["warc_file"], row["warc_offset"], root=self.archive.root).body
                except ReadError as exc:
                    self._note_error(url, str(exc))
                    return new_hosts
                new_hosts |= self._discover_entry(row, site, f, url, discover.sniff(f.body))
            return new_hosts
        final = discover.normalise(f.final_url) or url
        digest = hashlib.sha256(f.body).hexdigest()
        fields = dict(http_status=f.status, final_url=final if final != url else None, etag=f.etag,
                      last_modified=f.last_modified, content_type=f.content_type, content_hash=digest,
                      fetched_at=now, attempts=row["attempts"] + f.attempts, reason=None)
        if work.warc:
            fields.update(warc_file=work.warc[0], warc_offset=work.warc[1])
        kind = row["kind"]
        shape = discover.sniff(f.body)
        if kind not in PAGE_KINDS or shape != "html":
            new_hosts |= self._discover_entry(row, site, f, final, shape)
            frontier.mark(self.conn, url, "fetched", self.run_id, **fields)
            return new_hosts
        # An article page.
        if digest == row["content_hash"]:
            frontier.mark(self.conn, url, "fetched", self.run_id, **fields)
            self.stats.count(host, "unchanged")
            if row["depth"] < site.max_depth:
                new_hosts |= self._discover_entry(row, site, f, final, shape)
            return new_hosts
        found = discover.html_links(f.body, final)
        canonical = found.canonical if found.canonical and site.owns(found.canonical) else None
        dup = frontier.duplicate_of(self.conn, url, content_hash=digest, canonical=canonical or final)
        if dup:
            return self._skip(row, f"duplicate of {dup}", **fields) or new_hosts
        if row["depth"] < site.max_depth:
            new_hosts |= self._queue(site, found.links, row, row["depth"] + 1)
        page = Page(url=url, final_url=final, site=site.name, host=host, lang=row["lang"], body=f.body,
                    content_type=f.content_type, status=f.status, fetched_at=now,
                    warc_file=work.warc[0] if work.warc else None, warc_offset=work.warc[1] if work.warc else None,
                    title_hint=row["title"], seen_before=row["content_hash"] is not None)
        try:
            outcome = on_page(page)
        except Exception as exc:  # one page's trouble must never stop the crawl; it is reported
            outcome = "failed"
            self._note_error(url, f"{exc.__class__.__name__}: {exc}")
        frontier.mark(self.conn, url, "fetched", self.run_id, canonical=canonical, **fields)
        for alias in {canonical, final} - {None, url}:
            frontier.claim_alias(self.conn, alias, discover.host_of(alias), url, self.run_id)
        self.stats.count(host, outcome if outcome in OUTCOMES else "skipped")
        return new_hosts

    def _fail(self, row, why: str, **fields) -> set[str]:
        frontier.mark(self.conn, row["url"], "failed", self.run_id, **{**fields, "reason": why})
        self.stats.count(row["host"], "failed")
        self._note_error(row["url"], why)
        return set()

    def _note_error(self, url: str, reason: str) -> None:
        if len(self.stats.errors) < 200:
            self.stats.errors.append(f"{url}: {reason}")

    def _skip(self, row, why: str, **fields) -> set[str]:
        frontier.mark(self.conn, row["url"], "skipped", self.run_id, **{**fields, "reason": why})
        self.stats.count(row["host"], "skipped")
        return set()

    def _discover_entry(self, row, site: Site, f: Fetched, final: str, shape: str) -> set[str]:
        """Queue what a sitemap, feed or section page points to."""
        depth = row["depth"]
        if shape == "sitemap":
            return self._queue(site, discover.sitemap_links(f.body), row, depth)
        if shape == "feed":
            return self._queue(site, discover.feed_links(f.body, final), row, depth)
        found = discover.html_links(f.body, final)
        return self._queue(site, found.links, row, depth + 1)

    def _queue(self, site: Site, links: Iterable[discover.Link], row, depth: int) -> set[str]:
        """Put the links worth crawling in the frontier (in batches: a sitemap may list 50,000);
        returns their hosts."""
        hosts: set[str] = set()
        batch: list[Candidate] = []
        for link in links:
            cand = self._candidate(site, link, row, depth)
            if cand is None:
                continue
            hosts.add(cand.host)
            batch.append(cand)
            if len(batch) >= 1000:
                frontier.add(self.conn, batch, self.run_id)
                batch = []
        if batch:
            frontier.add(self.conn, batch, self.run_id)
        return hosts

    def _candidate(self, site: Site, link: discover.Link, row, depth: int) -> Candidate | None:
        """Decide whether and as what a discovered link enters the frontier."""
        url = link.url
        if not site.owns(url) and discover.host_of(url) != row["host"]:
            return None  # external link
        if link.lastmod and self.since and link.lastmod[:10] < self.since:
            return None
        lang = site.lang_of(url)
        if self.langs and lang and lang not in self.langs:
            return None
        if link.kind == "sitemap":
            kind = "sitemap"
        elif link.kind == "feed":
            kind = "feed"
        elif link.kind == "next":
            if site.generic:
                if depth > site.max_depth:
                    return None
                kind = "page"
            elif row["kind"] in ("section", "entry") and depth <= SECTION_PAGES:
                kind = "section"
            else:
                return None
        elif not _looks_like_page(url, site):
            return None
        elif site.generic:
            if link.kind == "link" and depth > site.max_depth:
                return None
            kind = "page"
        elif site.is_article(url):
            kind = "article"
        else:
            return None
        priority = PRIORITY[kind] + (TOPIC_BONUS if kind in PAGE_KINDS and topic.matches(url, link.title) else 0)
        return Candidate(url=url, host=discover.host_of(url), kind=kind, site=site.name, lang=lang, depth=depth,
                         priority=priority, source=row["url"], title=link.title if link.kind == "item" else None,
                         lastmod=link.lastmod)

    def _seeds(self) -> Iterator[Candidate]:
        for site in self.sites:
            for entry in site.entries:
                urls = [entry.url]
                if entry.pagination:
                    urls += [entry.pagination.format(page=n) for n in range(2, entry.pages + 1)]
                for url in urls:
                    url = discover.normalise(url) or url
                    yield Candidate(url=url, host=discover.host_of(url), kind=entry.kind, site=site.name,
                                    lang=entry.lang, priority=PRIORITY.get(entry.kind, 30), source="profile")

    def _site_of(self, row) -> Site:
        for site in self.sites:
            if site.name == row["site"]:
                return site
        for site in self.sites:
            if site.owns(row["url"]):
                return site
        return self.sites[0]


def _looks_like_page(url: str, site: Site) -> bool:
    """Not a file (PDF, image …) nor a login or feed URL; profile patterns may vouch for odd extensions."""
    from courlan.filters import extension_filter, is_not_crawlable

    if is_not_crawlable(url):
        return False
    return extension_filter(url) or (bool(site.article) and site.is_article(url))
