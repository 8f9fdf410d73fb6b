"""Record ↔ database: the corpus store (articles, revisions, items, full text), search and export.

The small interface other packages code against::

    from extractor.store import open_store
    store = open_store("corpus/corpus.db")            # SQLite, the default
    store = open_store("postgresql://u@host/corpus")  # or a shared PostgreSQL database
    res = store.save_record(record)      # res.status: "new" | "changed" | "unchanged"
    store.close()

All SQL of the corpus lives in this package (and, for the web pages alone, which read a
SQLite file, in ``extractor.web.queries``); ``backend`` and ``pg`` hide which engine
holds it (the crawl keeps its frontier in tables of its own, see ``extractor.crawl.frontier``).
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from extractor.errors import ExtractorError
from extractor.record import Record
from extractor.store.backend import is_url, shown
from extractor.store.db import connect, writable_problem

DEFAULT_DB = Path("corpus") / "corpus.db"


@dataclass
class SaveResult:
    """What storing one record did, and the rows it concerns."""

    status: str  # "new" | "changed" | "unchanged"
    article_id: int
    revision_id: int


class Store:
    """One open corpus database."""

    def __init__(self, conn, path: Path | str):
        self.conn = conn
        self.path = path  # a Path (SQLite) or a postgresql:// URL

    @property
    def shared(self) -> bool:
        """Whether the corpus lives on a database server (several processes and machines)."""
        return is_url(self.path)

    def save_record(self, record: Record, fetched_at: str | None = None, warc_file: str | None = None,
                    warc_offset: int | None = None, http_status: int | None = None, *,
                    raw: bytes | None = None, content_type: str | None = None) -> SaveResult:
        """Store one record (in one transaction); a record already stored changes nothing.

        ``raw``/``content_type``: the page's bytes when they live in no WARC file (ingested
        files), kept so that ``reprocess`` can re-extract without the original file.
        """
        from extractor.store.ingest import save_record

        return save_record(self.conn, record, fetched_at=fetched_at, warc_file=warc_file,
                           warc_offset=warc_offset, http_status=http_status, raw=raw,
                           content_type=content_type)

    def holds(self, urls: list[str]) -> bool:
        """Whether an article is stored under any of ``urls`` (its canonical URL)."""
        marks = ", ".join("?" * len(urls))
        return bool(urls) and self.conn.execute(
            f"SELECT 1 FROM articles WHERE url IN ({marks}) LIMIT 1", urls).fetchone() is not None

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class StoreError(ExtractorError):
    """The corpus database cannot be opened or written (the message names it)."""


def open_store(db_path: str | Path = DEFAULT_DB, readonly: bool = False) -> Store:
    """Open the corpus at ``db_path`` (a SQLite file or a ``postgresql://`` URL), creating
    and migrating it unless ``readonly``; raises :class:`StoreError` when it cannot (not
    SQLite, an unwritable place, locked, no server …)."""
    if is_url(db_path):
        from extractor.store.pg import Error

        try:
            return Store(connect(str(db_path), readonly=readonly), str(db_path))
        except Error as exc:
            raise StoreError(f"{shown(db_path)}: cannot open the corpus ({_first_line(exc)})") from None
    path = Path(db_path)
    if readonly and not path.exists():
        raise StoreError(f"no corpus database at {path}")
    problem = None if readonly else writable_problem(path)
    if problem:
        raise StoreError(f"{path}: {problem}")
    try:
        return Store(connect(path, readonly=readonly), path)
    except (sqlite3.Error, OSError) as exc:
        raise StoreError(f"{path}: cannot open the corpus ({getattr(exc, 'strerror', None) or exc})") from None


def _first_line(exc: Exception) -> str:
    lines = [line for line in str(exc).splitlines() if line.strip()]
    return lines[-1].strip() if lines else exc.__class__.__name__


__all__ = ["open_store", "Store", "StoreError", "SaveResult", "DEFAULT_DB"]
