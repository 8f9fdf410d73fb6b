"""The crawl frontier: URL states in tables of the crawl's own, in the connection the job hands over.

The crawler keeps nothing about URLs in memory beyond the few in flight: every URL it has
seen is a row of ``crawl_url``, so memory stays flat as the frontier grows and a crawl
killed at any moment resumes from the database. The tables belong to the crawl stage:
:func:`ensure_schema` creates them (and adds columns a newer crawler needs) in whatever
database the job gives it — the corpus database, SQLite or PostgreSQL, in practice.

On PostgreSQL the frontier can be shared by crawl workers on several machines
(:func:`claim` / :func:`release`): a worker leases a host (one lease per host at a time,
taken with ``SELECT … FOR UPDATE SKIP LOCKED``), fetches its next URL, records the
outcome, and gives the host back with the time before which nobody may contact it again
(its Crawl-delay). A worker killed mid-fetch leaves its URL queued; its lease expires and
another worker takes the URL. Times are the database's clock, one for every machine.

A *run* is one pass over a set of targets. A URL handled in the current run is never
fetched again in that run (this is what makes resuming cheap); a URL fetched in an earlier
run is queued again when it is rediscovered, and then fetched with a conditional request.
"""
from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from extractor.store.backend import columns, has_table
from extractor.store.db import transaction

STATES = ("queued", "fetched", "failed", "skipped")
# Why a URL was not stored: the crawler's verdicts, then the job's (see jobs/crawl.py).
SKIP_REASONS = ("robots", "off-site", "duplicate", "too large", "not an article",
                "off-topic", "language", "too old", "error")
# Skips a later pass (other filters, a better relevance rule) may undo: the page is read again
# when the rules it was judged by have changed, or always after an error (it may not recur).
RECONSIDER = ("off-topic", "language", "too old", "error")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS crawl_url (
    seq INTEGER PRIMARY KEY,                -- discovery order
    url TEXT NOT NULL UNIQUE,
    host TEXT NOT NULL,
    site TEXT,                              -- site profile name, or the host for generic crawls
    kind TEXT NOT NULL DEFAULT 'page',      -- entry | sitemap | feed | section | article | page
    lang TEXT,
    depth INTEGER NOT NULL DEFAULT 0,       -- link hops from an entry point (pages of one listing: one level)
    priority INTEGER NOT NULL DEFAULT 0,
    source TEXT,                            -- where it was found
    title TEXT,                             -- from a feed or news sitemap, when known
    lastmod TEXT,                           -- from the sitemap or feed
    state TEXT NOT NULL DEFAULT 'queued',   -- queued | fetched | failed | skipped
    reason TEXT,                            -- why skipped or failed, in words
    attempts INTEGER NOT NULL DEFAULT 0,
    next_try_at REAL NOT NULL DEFAULT 0,    -- unix time before which it must not be fetched
    run_id INTEGER,                         -- the crawl run that last handled it
    http_status INTEGER,
    final_url TEXT,
    canonical TEXT,
    etag TEXT,
    last_modified TEXT,
    content_type TEXT,
    content_hash TEXT,                      -- sha256 of the body
    warc_file TEXT,
    warc_offset INTEGER,
    fetched_at TEXT,
    skip_reason TEXT,                       -- one of SKIP_REASONS when not stored; NULL once stored
    judged TEXT,                            -- the job's rules and filters that made that verdict
    page_no INTEGER NOT NULL DEFAULT 1      -- page of its listing (section page 2, 3 …)
);
CREATE INDEX IF NOT EXISTS crawl_url_next ON crawl_url(host, state, priority DESC, seq);
CREATE INDEX IF NOT EXISTS crawl_url_state ON crawl_url(state, next_try_at);
CREATE INDEX IF NOT EXISTS crawl_url_hash ON crawl_url(content_hash);
CREATE INDEX IF NOT EXISTS crawl_url_canonical ON crawl_url(canonical);
CREATE TABLE IF NOT EXISTS crawl_run (
    id INTEGER PRIMARY KEY,
    targets TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    stats TEXT
);
CREATE INDEX IF NOT EXISTS crawl_run_targets ON crawl_run(targets, finished_at);
CREATE TABLE IF NOT EXISTS crawl_host (
    host TEXT PRIMARY KEY,
    worker TEXT,                            -- the worker holding the host's lease, if any
    lease_until REAL NOT NULL DEFAULT 0,    -- epoch seconds (database clock) the lease ends
    ready_at REAL NOT NULL DEFAULT 0,       -- no request to the host may start before this
    delay REAL                              -- the host's pause between requests (Crawl-delay)
);
"""
_ADDED_COLUMNS = {"skip_reason": "TEXT", "judged": "TEXT", "page_no": "INTEGER NOT NULL DEFAULT 1"}


@dataclass
class Candidate:
    """A URL found by discovery, before it enters the frontier."""

    url: str
    host: str
    kind: str = "page"
    site: str | None = None
    lang: str | None = None
    depth: int = 0
    priority: int = 0
    source: str | None = None
    title: str | None = None
    lastmod: str | None = None
    page_no: int = 1


def ensure_schema(conn: sqlite3.Connection) -> None:
    """Create the frontier tables, or add the columns a frontier of an older crawler lacks."""
    if has_table(conn, "crawl_host"):
        return
    tables, indexes = _SCHEMA.split("CREATE INDEX", 1)
    conn.executescript(tables)
    have = set(columns(conn, "crawl_url"))
    with conn:
        for name, decl in _ADDED_COLUMNS.items():
            if name not in have:
                conn.execute(f"ALTER TABLE crawl_url ADD COLUMN {name} {decl}")
    conn.executescript("CREATE INDEX" + indexes)


def begin_run(conn: sqlite3.Connection, targets: str, now: str) -> tuple[int, bool]:
    """Resume the unfinished run for ``targets`` or start a new one; returns (run id, resumed)."""
    with transaction(conn):  # workers starting together share one run
        row = conn.execute(
            "SELECT id FROM crawl_run WHERE targets = ? AND finished_at IS NULL ORDER BY id DESC LIMIT 1",
            (targets,),
        ).fetchone()
        if row:
            return row[0], True
        cur = conn.execute("INSERT INTO crawl_run(targets, started_at) VALUES (?, ?)", (targets, now))
    return cur.lastrowid, False


def finish_run(conn: sqlite3.Connection, run_id: int, now: str) -> None:
    """Close a run that emptied its frontier: the next crawl of its targets starts a new pass."""
    with conn:
        conn.execute("UPDATE crawl_run SET finished_at = ? WHERE id = ? AND finished_at IS NULL", (now, run_id))


# A row already known is queued again only when it was handled by an earlier run, it did not
# end as "skipped" (robots, not HTML, duplicate …), and its sitemap/feed date did not stay the
# same — unless the job skipped it for a reason that rules or filters other than the ones
# it was judged by (``judged``) may see otherwise.
_ADD = f"""
INSERT INTO crawl_url(url, host, site, kind, lang, depth, priority, source, title, lastmod, page_no)
VALUES (:url, :host, :site, :kind, :lang, :depth, :priority, :source, :title, :lastmod, :page_no)
ON CONFLICT(url) DO UPDATE SET
    state = 'queued', attempts = 0, next_try_at = 0, reason = NULL,
    priority = max(crawl_url.priority, excluded.priority),
    depth = min(crawl_url.depth, excluded.depth),
    page_no = min(crawl_url.page_no, excluded.page_no),
    title = coalesce(excluded.title, crawl_url.title),
    lastmod = coalesce(excluded.lastmod, crawl_url.lastmod)
WHERE crawl_url.state IN ('fetched', 'failed')
  AND coalesce(crawl_url.run_id, 0) < :run_id
  AND (excluded.lastmod IS NULL OR crawl_url.lastmod IS NULL OR excluded.lastmod > crawl_url.lastmod
       OR crawl_url.kind NOT IN ('article', 'page')
       OR crawl_url.skip_reason = 'error'
       OR (crawl_url.skip_reason IN ({", ".join(repr(r) for r in RECONSIDER)})
           AND coalesce(crawl_url.judged, '') != :judged))
"""


def add(conn: sqlite3.Connection, candidates: Iterable[Candidate], run_id: int, judged: str = "") -> int:
    """Put discovered URLs in the frontier (idempotent); returns how many rows were queued.
    ``judged``: the job's current rules and filters (see ``crawl_url.judged``)."""
    batch = sorted(candidates, key=lambda c: c.url)  # one order: concurrent workers never deadlock
    if not batch:
        return 0
    with conn:
        conn.executemany("INSERT INTO crawl_host(host) VALUES (?) ON CONFLICT(host) DO NOTHING",
                         [(h,) for h in sorted({c.host for c in batch})])
        n = conn.executemany(_ADD, [{**c.__dict__, "run_id": run_id, "judged": judged} for c in batch]).rowcount
    return n


def queued_hosts(conn: sqlite3.Connection) -> list[str]:
    """Hosts with URLs still to fetch (a resumed run starts from these)."""
    return [r[0] for r in conn.execute("SELECT DISTINCT host FROM crawl_url WHERE state = 'queued'")]


def next_for_host(conn: sqlite3.Connection, host: str, now: float | None = None) -> sqlite3.Row | None:
    """The next URL to fetch on ``host``: highest priority first, then discovery order."""
    now = time.time() if now is None else now
    return conn.execute(
        "SELECT * FROM crawl_url WHERE host = ? AND state = 'queued' AND next_try_at <= ?"
        " ORDER BY priority DESC, seq LIMIT 1",
        (host, now),
    ).fetchone()


def next_wakeup(conn: sqlite3.Connection) -> float | None:
    """When the earliest URL waiting for a retry becomes due (None when nothing is queued)."""
    row = conn.execute("SELECT min(next_try_at) FROM crawl_url WHERE state = 'queued'").fetchone()
    return row[0]


_FIELDS = {
    "reason", "attempts", "next_try_at", "http_status", "final_url", "canonical", "etag", "last_modified",
    "content_type", "content_hash", "warc_file", "warc_offset", "fetched_at", "title", "lastmod", "kind",
    "skip_reason", "judged",
}


def mark(conn: sqlite3.Connection, url: str, state: str, run_id: int, **fields) -> None:
    """Record what became of ``url`` in this run (one transaction, so a kill loses nothing)."""
    if state not in STATES:
        raise ValueError(f"unknown state {state!r}")
    unknown = set(fields) - _FIELDS
    if unknown:
        raise ValueError(f"unknown frontier fields {sorted(unknown)}")
    cols = ", ".join(f"{k} = :{k}" for k in fields)
    sql = f"UPDATE crawl_url SET state = :state, run_id = :run_id{', ' + cols if cols else ''} WHERE url = :url"
    with conn:
        conn.execute(sql, {**fields, "state": state, "run_id": run_id, "url": url})


def retry_later(conn: sqlite3.Connection, url: str, at: float, attempts: int, reason: str,
                priority: int | None = None) -> None:
    """Keep ``url`` queued but not before ``at`` (epoch seconds), and behind the host's other
    pages when ``priority`` is given (a timed-out page must not hold them up)."""
    with conn:
        conn.execute(
            "UPDATE crawl_url SET next_try_at = ?, attempts = ?, reason = ?, priority = coalesce(?, priority)"
            " WHERE url = ?",
            (at, attempts, reason, priority, url),
        )


def claim_alias(conn: sqlite3.Connection, alias: str, host: str, of: str, run_id: int) -> None:
    """Mark ``alias`` (a canonical or redirect target of ``of``) as already read, so it is not fetched."""
    with conn:
        conn.execute(
            "INSERT INTO crawl_url(url, host, kind, state, reason, skip_reason, run_id)"
            " VALUES (?, ?, 'article', 'skipped', ?, 'duplicate', ?)"
            " ON CONFLICT(url) DO UPDATE SET state = 'skipped', reason = excluded.reason,"
            " skip_reason = 'duplicate', run_id = excluded.run_id WHERE crawl_url.state = 'queued'",
            (alias, host, f"duplicate of {of}", run_id),
        )


def duplicate_of(conn: sqlite3.Connection, url: str, *, content_hash: str | None = None,
                 canonical: str | None = None) -> str | None:
    """Another fetched URL with the same body hash or the same canonical URL, if any."""
    if canonical and canonical != url:
        row = conn.execute(
            "SELECT url FROM crawl_url WHERE url != ? AND state = 'fetched' AND (url = ? OR canonical = ?) LIMIT 1",
            (url, canonical, canonical),
        ).fetchone()
        if row:
            return row[0]
    if content_hash:
        row = conn.execute(
            "SELECT url FROM crawl_url WHERE url != ? AND state = 'fetched' AND content_hash = ? LIMIT 1",
            (url, content_hash),
        ).fetchone()
        if row:
            return row[0]
    return None


def archived_pages(conn: sqlite3.Connection) -> Iterator[sqlite3.Row]:
    """Every article page fetched into the archive and not a duplicate, stored by the job or not
    (``reprocess`` reads the ones not stored again); none in a database never crawled."""
    if not has_table(conn, "crawl_url"):
        return
    yield from conn.execute(
        "SELECT url, final_url, canonical, skip_reason, reason, warc_file, warc_offset, content_type,"
        " fetched_at, http_status FROM crawl_url WHERE state = 'fetched' AND kind IN ('article', 'page')"
        " AND warc_file IS NOT NULL AND coalesce(skip_reason, '') != 'duplicate'"
        " ORDER BY seq")


def mark_stored(conn: sqlite3.Connection, url: str) -> None:
    """A page skipped once has now been stored (``reprocess`` recovered it): no skip reason any more."""
    with conn:
        conn.execute("UPDATE crawl_url SET skip_reason = NULL, reason = NULL WHERE url = ?", (url,))


def counts(conn: sqlite3.Connection) -> dict[str, dict[str, int]]:
    """URL counts by host and state, for the progress display."""
    out: dict[str, dict[str, int]] = {}
    for host, state, n in conn.execute("SELECT host, state, count(*) FROM crawl_url GROUP BY host, state"):
        out.setdefault(host, dict.fromkeys(STATES, 0))[state] = n
    return out


# -- a frontier shared by workers (PostgreSQL) ---------------------------------------------------

_NOW = "extract(epoch FROM clock_timestamp())"


def claim(conn, worker: str, lease: float, busy: Iterable[str] = ()) -> sqlite3.Row | None:
    """Lease a host no other worker holds and whose pause is over, and return its next URL
    (None when no host is ready). The lease lasts ``lease`` seconds unless given back."""
    busy = sorted(busy)
    skip = f" AND h.host NOT IN ({', '.join('?' * len(busy))})" if busy else ""
    conn.execute("BEGIN")
    try:
        host = conn.execute(
            f"SELECT h.host FROM crawl_host h WHERE h.lease_until < {_NOW} AND h.ready_at <= {_NOW}{skip}"
            " AND EXISTS (SELECT 1 FROM crawl_url u WHERE u.host = h.host AND u.state = 'queued'"
            f" AND u.next_try_at <= {_NOW}) ORDER BY h.ready_at, h.host LIMIT 1 FOR UPDATE SKIP LOCKED",
            busy).fetchone()
        row = None
        if host:
            row = conn.execute(
                f"SELECT * FROM crawl_url WHERE host = ? AND state = 'queued' AND next_try_at <= {_NOW}"
                " ORDER BY priority DESC, seq LIMIT 1", (host[0],)).fetchone()
            conn.execute(f"UPDATE crawl_host SET worker = ?, lease_until = {_NOW} + ? WHERE host = ?",
                         (worker, lease, host[0]))
        conn.commit()
        return row
    except BaseException:
        conn.rollback()
        raise


def release(conn, host: str, worker: str, delay: float) -> None:
    """Give a leased host back: nobody contacts it for ``delay`` seconds (or the longest
    Crawl-delay any worker has seen for it)."""
    with conn:
        conn.execute(
            f"UPDATE crawl_host SET worker = NULL, lease_until = 0, delay = max(coalesce(delay, 0), ?),"
            f" ready_at = {_NOW} + max(coalesce(delay, 0), ?) WHERE host = ? AND worker = ?",
            (delay, delay, host, worker))


def others_busy(conn, worker: str) -> bool:
    """Whether another worker holds a lease (and may still queue more URLs)."""
    return conn.execute(f"SELECT 1 FROM crawl_host WHERE lease_until >= {_NOW} AND coalesce(worker, '') != ?"
                        " LIMIT 1", (worker,)).fetchone() is not None


def next_ready(conn) -> float | None:
    """Seconds until a host with queued URLs may be claimed (lease over, pause over), or None."""
    row = conn.execute(
        f"SELECT min(max(h.ready_at, h.lease_until)) - {_NOW} FROM crawl_host h WHERE EXISTS"
        " (SELECT 1 FROM crawl_url u WHERE u.host = h.host AND u.state = 'queued')").fetchone()
    return row[0] if row else None


class LeaseKeeper(threading.Thread):
    """Renews a worker's leases while it works (a slow page, a long extraction), on a
    connection of its own; a killed worker stops renewing, so its leases run out."""

    def __init__(self, conn, worker: str, lease: float):
        super().__init__(name="lease-keeper", daemon=True)
        self.conn, self.worker, self.lease = conn, worker, lease
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.wait(self.lease / 3):
            with self.conn:
                self.conn.execute(f"UPDATE crawl_host SET lease_until = {_NOW} + ? WHERE worker = ?",
                                  (self.lease, self.worker))
