"""Where each stored page's bytes are: a WARC record, or the raw copy of an ingested file."""
from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass


@dataclass
class StoredPage:
    """An article's current revision, with where its page's bytes are kept (WARC or raw copy)."""

    article_id: int
    url: str | None
    input: str | None
    extractor_version: str
    fetched_at: str | None
    http_status: int | None
    warc_file: str | None
    warc_offset: int | None
    raw: bytes | None
    content_type: str | None


def pages_to_reprocess(conn: sqlite3.Connection) -> Iterator[StoredPage]:
    """The current revision of every article with where its page is kept, oldest first.

    A revision made from a JSONL record has neither; the latest revision that has a page
    (its text came from that page) is used so records re-extracted once keep their source.
    """
    rows = conn.execute(
        "SELECT a.id, a.url, a.input, r.extractor_version,"
        " (SELECT p.id FROM revisions p WHERE p.article_id = a.id"
        "   AND (p.warc_file IS NOT NULL OR p.raw_sha256 IS NOT NULL) ORDER BY p.id DESC LIMIT 1) AS page_rev"
        " FROM articles a JOIN revisions r ON r.id = a.current_revision_id ORDER BY a.id").fetchall()
    for row in rows:
        src = conn.execute(
            "SELECT p.fetched_at, p.http_status, p.warc_file, p.warc_offset, w.data, w.content_type"
            " FROM revisions p LEFT JOIN raw_pages w ON w.sha256 = p.raw_sha256 WHERE p.id = ?",
            (row["page_rev"],)).fetchone() if row["page_rev"] else None
        yield StoredPage(row["id"], row["url"], row["input"], row["extractor_version"],
                         src["fetched_at"] if src else None, src["http_status"] if src else None,
                         src["warc_file"] if src else None, src["warc_offset"] if src else None,
                         src["data"] if src else None, src["content_type"] if src else None)
