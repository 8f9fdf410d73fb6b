"""The crawl loop: frontier → fetch (politely) → archive → hand the page on.

The main thread owns the database: it picks the next URL of every host that may be
contacted now, hands each to a worker thread (one request at a time per host, several
hosts at once), then records the outcome, queues what the page links to, and passes
article pages to ``on_page`` — the job that extracts and stores, and says why when it
did not. Every outcome is committed before the next, so a crawl killed at any point
resumes where it stopped. A page the job did not store is read again from the archive on
a later pass (a 304 included), so another filter or a better relevance rule recovers it.
"""
from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from dataclasses import dataclass
from urllib.parse import urlsplit

from extractor.clock import now_iso
from extractor.crawl import discover, frontier, scope
from extractor.crawl.fetch import FEED_TYPES, HTML_TYPES, Fetched, Fetcher
from extractor.crawl.frontier import RECONSIDER, SKIP_REASONS, Candidate
from extractor.crawl.outcome import STORED, CrawlStats, Page
from extractor.crawl.politeness import Politeness
from extractor.crawl.scope import PAGE_KINDS
from extractor.crawl.sites import Site
from extractor.crawl.warc import WarcArchive, read_record
from extractor.errors import ReadError

LAST_CHANCE = -1000        # priority of a timed-out URL's one retry: after the host's other pages
DEFERRALS = 2              # times a URL may be put back for a long Retry-After before it counts as failed
GIVE_UP_AFTER = 60.0       # a URL told to come back later than this waits for the next run


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
                 on_progress: Callable[[CrawlStats, dict], None] | None = None,
                 worker: str | None = None, lease: float = 120.0):
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
        self.stored: Callable[[list[str]], bool] | None = None
        self.judge = ""
        self.worker = worker  # a name: one of several workers sharing the frontier (PostgreSQL)
        self.lease = lease

    # -- the loop ---------------------------------------------------------------------------

    def run(self, on_page: Callable[[Page], str], stored: Callable[[list[str]], bool] | None = None,
            judge: str = "") -> CrawlStats:
        """Crawl until the frontier is empty, ``max_pages`` is reached, or Ctrl-C.

        ``on_page`` returns "new", "changed" or "unchanged" when it stored the page, else
        the reason it did not (one of ``SKIP_REASONS``). ``stored(urls)`` says whether the
        store holds an article under any of ``urls``: an unchanged page it does not hold
        (stopped by a kill, say) is handed on again from the archive. ``judge`` names the
        job's rules and filters: a page skipped under others is handed on again too.
        """
        self.stored, self.judge = stored, judge
        frontier.ensure_schema(self.conn)
        self.run_id, _ = frontier.begin_run(self.conn, self.run_key, now_iso())
        frontier.add(self.conn, scope.seeds(self.sites), self.run_id, self.judge)
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
                        if self.worker:
                            if not self._others_may_add():
                                break
                            continue
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
                        self._release(row["host"])
                    if self.on_progress and time.monotonic() - last_progress > 0.3:
                        last_progress = time.monotonic()
                        self.on_progress(self.stats, frontier.counts(self.conn))
                except KeyboardInterrupt:
                    self.stats.interrupted = True
                    self.fetcher.stop.set()
                    for fut, (row, site) in list(in_flight.items()):
                        try:
                            self._handle(row, site, fut.result(), on_page)
                            self._release(row["host"])
                        except KeyboardInterrupt:
                            break
                    in_flight.clear()
                    break
        finally:
            pool.shutdown(wait=not self.stats.interrupted, cancel_futures=True)
            self.archive.close()
        if self.stats.finished:
            frontier.finish_run(self.conn, self.run_id, now_iso())
        if self.on_progress:
            self.on_progress(self.stats, frontier.counts(self.conn))
        return self.stats

    def _budget_spent(self) -> bool:
        return self.max_pages is not None and self.pages >= self.max_pages

    def _next_ready(self, hosts: set[str]) -> float:
        return min((self.politeness.host(h).ready_at for h in hosts), default=time.monotonic())

    def _release(self, host: str) -> None:
        if self.worker:
            frontier.release(self.conn, host, self.worker, self.politeness.host(host).delay)

    def _others_may_add(self) -> bool:
        """Shared frontier, nothing claimable now: whether to wait (URLs still queued, or
        another worker holds a host and may queue more); False when the crawl is over."""
        wake = frontier.next_wakeup(self.conn)
        if wake is None and not frontier.others_busy(self.conn, self.worker):
            self.stats.finished = True
            return False
        if wake is not None and wake - time.time() > GIVE_UP_AFTER and not frontier.others_busy(self.conn, self.worker):
            return False
        time.sleep(min(0.2, max(0.005, frontier.next_ready(self.conn) or 0.2)))
        return True

    def _dispatch(self, pool, hosts: set[str], in_flight: dict) -> None:
        if self.worker:
            while len(in_flight) < self.workers and not self._budget_spent():
                busy = {row["host"] for row, _ in in_flight.values()}
                row = frontier.claim(self.conn, self.worker, self.lease, busy)
                if row is None:
                    return
                self._submit(pool, row, in_flight)
            return
        for name in list(hosts):
            if len(in_flight) >= self.workers or self._budget_spent():
                return
            if not self.politeness.ready(name):
                continue
            row = frontier.next_for_host(self.conn, name)
            if row is None:
                hosts.discard(name)
                continue
            self._submit(pool, row, in_flight)

    def _submit(self, pool, row, in_flight: dict) -> None:
        site = self._site_of(row)
        if row["kind"] in PAGE_KINDS:
            self.pages += 1
        self.politeness.host(row["host"]).busy = True
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
            return self._skip(row, "robots", work.refused) or new_hosts
        f = work.fetched
        self.stats.count(host, "requests", len(f.exchanges) or 1)
        if f.retry_after is not None and row["attempts"] < DEFERRALS:
            frontier.retry_later(self.conn, url, time.time() + f.retry_after, row["attempts"] + 1, f.error or "retry")
            return new_hosts | {host}
        if f.timed_out and not (row["reason"] or "").startswith("timeout"):
            # Once more, at the end of the host's queue: one silent page must not hold up the others.
            frontier.retry_later(self.conn, url, time.time(), row["attempts"] + 1,
                                 f"{f.error}: tried again later", priority=LAST_CHANCE)
            return new_hosts | {host}
        if f.error:
            if f.skip:
                self._skip(row, _skip_reason(f.error), f.error)
            else:
                self._fail(row, f.error, http_status=f.status or None, attempts=row["attempts"] + f.attempts)
            return new_hosts
        now = now_iso()
        if f.status == 304:
            if self._reconsider(row):
                return new_hosts | self._from_archive(row, site, now, on_page)
            frontier.mark(self.conn, url, "fetched", self.run_id, http_status=304, fetched_at=now)
            if row["kind"] in PAGE_KINDS:
                self._unchanged(row)
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
        if digest == row["content_hash"] and not self._reconsider(row):
            frontier.mark(self.conn, url, "fetched", self.run_id, **fields)
            self._unchanged(row)
            if row["depth"] < site.max_depth:
                new_hosts |= self._discover_entry(row, site, f, final, shape)
            return new_hosts
        return new_hosts | self._article(row, site, f.body, f.content_type, f.status, final, fields, on_page)

    def _unchanged(self, row) -> None:
        """Count an unchanged article page: unchanged if stored, else skipped again for its reason."""
        if row["skip_reason"]:
            self.stats.skip(row["host"], row["skip_reason"])
        else:
            self.stats.count(row["host"], "unchanged")

    def _reconsider(self, row) -> bool:
        """Whether an unchanged article page goes to the job again: it was skipped for a reason
        other rules or filters may judge otherwise (and these are other), or the store does not
        hold it (a kill, an older crawler)."""
        if row["kind"] not in PAGE_KINDS or not row["warc_file"]:
            return False
        if row["skip_reason"]:
            return row["skip_reason"] == "error" or (row["skip_reason"] in RECONSIDER and row["judged"] != self.judge)
        urls = [u for u in (row["url"], row["final_url"], row["canonical"]) if u]
        return self.stored is not None and not self.stored(urls)

    def _from_archive(self, row, site: Site, now: str, on_page: Callable[[Page], str]) -> set[str]:
        """A 304 for a page the store lacks: its body is the archived one."""
        try:
            archived = read_record(row["warc_file"], row["warc_offset"], root=self.archive.root)
        except ReadError as exc:
            return self._fail(row, str(exc))
        fields = dict(http_status=304, fetched_at=now, reason=None)
        return self._article(row, site, archived.body, archived.content_type, archived.status,
                             row["final_url"] or row["url"], fields, on_page)

    def _article(self, row, site: Site, body: bytes, content_type: str | None, status: int, final: str,
                 fields: dict, on_page: Callable[[Page], str]) -> set[str]:
        """Hand an article page to the job (unless it duplicates another) and record the outcome."""
        url, host = row["url"], row["host"]
        digest = fields.get("content_hash") or row["content_hash"]
        found = discover.html_links(body, final)
        canonical = found.canonical if found.canonical and site.owns(found.canonical) else None
        dup = frontier.duplicate_of(self.conn, url, content_hash=digest, canonical=canonical or final)
        if dup:
            return self._skip(row, "duplicate", f"duplicate of {dup}", **fields)
        new_hosts: set[str] = set()
        if row["depth"] < site.max_depth:
            new_hosts = self._queue(site, found.links, row, row["depth"] + 1)
        page = Page(url=url, final_url=final, site=site.name, host=host, lang=row["lang"], body=body,
                    content_type=content_type, status=status, fetched_at=fields["fetched_at"],
                    warc_file=fields.get("warc_file", row["warc_file"]),
                    warc_offset=fields.get("warc_offset", row["warc_offset"]),
                    title_hint=row["title"], seen_before=row["content_hash"] is not None)
        try:
            outcome = on_page(page)
        except Exception as exc:  # one page's trouble must never stop the crawl; it is reported
            outcome = "failed"
            self._note_error(url, f"{exc.__class__.__name__}: {exc}")
        skip = None if outcome in STORED else "error" if outcome == "failed" else outcome
        frontier.mark(self.conn, url, "fetched", self.run_id, canonical=canonical, skip_reason=skip, judged=self.judge,
                      **{**fields, "reason": fields.get("reason") if skip is None else f"skipped: {skip}"})
        for alias in {canonical, final} - {None, url}:
            frontier.claim_alias(self.conn, alias, discover.host_of(alias), url, self.run_id)
        if outcome in STORED or outcome == "failed":
            self.stats.count(host, outcome)
        else:
            self.stats.skip(host, outcome if outcome in SKIP_REASONS else "not an article")
        return new_hosts

    def _fail(self, row, why: str, **fields) -> set[str]:
        frontier.mark(self.conn, row["url"], "failed", self.run_id, **{**fields, "reason": why})
        self.stats.count(row["host"], "failed")
        self._note_error(row["url"], why)
        return set()

    def _note_error(self, url: str, reason: str) -> None:
        if len(self.stats.errors) < 200:
            self.stats.errors.append(f"{url}: {reason}")

    def _skip(self, row, category: str, why: str, **fields) -> set[str]:
        frontier.mark(self.conn, row["url"], "skipped", self.run_id,
                      **{**fields, "reason": why, "skip_reason": category})
        self.stats.skip(row["host"], category)
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
        returns their hosts. ``depth``: of the links found; a listing's next page keeps the
        depth of the page it follows."""
        hosts: set[str] = set()
        batch: list[Candidate] = []
        for link in links:
            cand = scope.candidate(site, link, row, depth, since=self.since, langs=self.langs)
            if cand is None:
                continue
            hosts.add(cand.host)
            batch.append(cand)
            if len(batch) >= 1000:
                frontier.add(self.conn, batch, self.run_id, self.judge)
                batch = []
        if batch:
            frontier.add(self.conn, batch, self.run_id, self.judge)
        return hosts

    def _site_of(self, row) -> Site:
        for site in self.sites:
            if site.name == row["site"]:
                return site
        for site in self.sites:
            if site.owns(row["url"]):
                return site
        return self.sites[0]


def _skip_reason(error: str) -> str:
    """The skip reason of a fetch refused for its size, its type or a redirect."""
    if error.startswith("too large"):
        return "too large"
    if error.startswith("redirect to"):
        return "robots" if "robots" in error else "off-site"
    return "not an article"
