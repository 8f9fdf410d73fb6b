"""The crawl frontier: URL states in the corpus database.

The crawler keeps nothing about URLs in memory beyond the few in flight: every URL it has
seen is a row of ``crawl_url`` (migration 0100), so memory stays flat as the frontier grows
and a crawl killed at any moment resumes from the database.

A *run* is one pass over a set of targets. A URL handled in the current run is never
fetched again in that run (this is what makes resuming cheap); a URL fetched in an earlier
run is queued again when it is rediscovered, and then fetched with a conditional request.
"""
from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterable
from dataclasses import dataclass

from extractor.store.db import now_iso

STATES = ("queued", "fetched", "failed", "skipped")


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


def begin_run(conn: sqlite3.Connection, targets: str) -> tuple[int, bool]:
    """Resume the unfinished run for ``targets`` or start a new one; returns (run id, resumed)."""
    row = conn.execute(
        "SELECT id FROM crawl_run WHERE targets = ? AND finished_at IS NULL ORDER BY id DESC LIMIT 1",
        (targets,),
    ).fetchone()
    if row:
        return row[0], True
    with conn:
        cur = conn.execute("INSERT INTO crawl_run(targets, started_at) VALUES (?, ?)", (targets, now_iso()))
    return cur.lastrowid, False


def finish_run(conn: sqlite3.Connection, run_id: int) -> None:
    """Close a run that emptied its frontier: the next crawl of its targets starts a new pass."""
    with conn:
        conn.execute("UPDATE crawl_run SET finished_at = ? WHERE id = ?", (now_iso(), run_id))


# A row already known is queued again only when it was handled by an earlier run, it did not
# end as "skipped" (robots, not HTML, duplicate …), and its sitemap/feed date did not stay the same.
_ADD = """
INSERT INTO crawl_url(url, host, site, kind, lang, depth, priority, source, title, lastmod)
VALUES (:url, :host, :site, :kind, :lang, :depth, :priority, :source, :title, :lastmod)
ON CONFLICT(url) DO UPDATE SET
    state = 'queued', attempts = 0, next_try_at = 0, reason = NULL,
    priority = max(crawl_url.priority, excluded.priority),
    depth = min(crawl_url.depth, excluded.depth),
    title = coalesce(excluded.title, crawl_url.title),
    lastmod = coalesce(excluded.lastmod, crawl_url.lastmod)
WHERE crawl_url.state IN ('fetched', 'failed')
  AND coalesce(crawl_url.run_id, 0) < :run_id
  AND (excluded.lastmod IS NULL OR crawl_url.lastmod IS NULL OR excluded.lastmod > crawl_url.lastmod
       OR crawl_url.kind NOT IN ('article', 'page'))
"""


def add(conn: sqlite3.Connection, candidates: Iterable[Candidate], run_id: int) -> int:
    """Put discovered URLs in the frontier (idempotent); returns how many rows were queued."""
    before = conn.total_changes
    with conn:
        conn.executemany(_ADD, ({**c.__dict__, "run_id": run_id} for c in candidates))
    return conn.total_changes - before


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


def retry_later(conn: sqlite3.Connection, url: str, at: float, attempts: int, reason: str) -> None:
    """Keep ``url`` queued but not before ``at`` (epoch seconds): the server asked for a wait."""
    with conn:
        conn.execute(
            "UPDATE crawl_url SET next_try_at = ?, attempts = ?, reason = ? WHERE url = ?",
            (at, attempts, reason, url),
        )


def claim_alias(conn: sqlite3.Connection, alias: str, host: str, of: str, run_id: int) -> None:
    """Mark ``alias`` (a canonical or redirect target of ``of``) as already read, so it is not fetched."""
    with conn:
        conn.execute(
            "INSERT INTO crawl_url(url, host, kind, state, reason, run_id) VALUES (?, ?, 'article', 'skipped', ?, ?)"
            " ON CONFLICT(url) DO UPDATE SET state = 'skipped', reason = excluded.reason, run_id = excluded.run_id"
            " WHERE crawl_url.state = 'queued'",
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


def counts(conn: sqlite3.Connection) -> dict[str, dict[str, int]]:
    """URL counts by host and state, for the progress display."""
    out: dict[str, dict[str, int]] = {}
    for host, state, n in conn.execute("SELECT host, state, count(*) FROM crawl_url GROUP BY host, state"):
        out.setdefault(host, dict.fromkeys(STATES, 0))[state] = n
    return out
