"""Which engine holds the corpus, and the few places where SQLite and PostgreSQL differ.

The store's SQL is written once, in SQLite's dialect; on PostgreSQL :class:`PgConnection`
(see ``extractor.store.pg``) translates it as it runs. What no translation covers —
full text, the catalogue, the write lock — goes through the functions here, so no
command and no other stage ever learns which engine it talks to.
"""
from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from typing import Any

from extractor.textutil import strip_accents

URL_SCHEMES = ("postgresql://", "postgres://")
_WORD = re.compile(r"\w+")


def is_url(location: object) -> bool:
    """Whether ``location`` names a PostgreSQL database (else it is a SQLite file)."""
    return isinstance(location, str) and location.startswith(URL_SCHEMES)


def is_postgres(conn: Any) -> bool:
    return not isinstance(conn, sqlite3.Connection)


def shown(location: object) -> str:
    """``location`` fit for messages and logs: a URL's password is masked."""
    text = str(location)
    return re.sub(r"(://[^:/@]+:)[^@/]+@", r"\1***@", text) if is_url(text) else text


def _errors() -> tuple[type[Exception], ...]:
    try:
        import psycopg
    except ImportError:
        return (sqlite3.Error,)
    return (sqlite3.Error, psycopg.Error)


DB_ERRORS = _errors()  # what a failing database raises, whichever the engine


def archive_root(location: object) -> Path:
    """The folder whose ``warc/`` holds the crawl's WARC files: ``EXTRACTOR_ARCHIVE`` when
    set, else the SQLite file's folder, else ``corpus`` (a PostgreSQL corpus has no folder:
    workers on several machines point ``EXTRACTOR_ARCHIVE`` at one shared mount)."""
    import os

    if os.environ.get("EXTRACTOR_ARCHIVE"):
        return Path(os.environ["EXTRACTOR_ARCHIVE"])
    return Path("corpus") if is_url(location) else Path(str(location)).parent


def fts_words(text: str | None) -> str:
    """Text as the full-text indexes hold it: folded (lower case, no diacritics, đ → d)
    words separated by spaces, so "Ha Tinh" finds "Hà Tĩnh" on both engines."""
    return " ".join(_WORD.findall(strip_accents(text or "").lower()))


def fts_insert(conn: Any, table: str, rowid: int, fields: dict[str, str | None]) -> None:
    """Index one row's text in the full-text table ``table`` (rowid = the row's id)."""
    if is_postgres(conn):
        conn.execute(f"INSERT INTO {table}(rowid, doc) VALUES (?, to_tsvector('simple', ?))",
                     (rowid, " ".join(fts_words(v) for v in fields.values())))
        return
    cols = ", ".join(fields)
    conn.execute(f"INSERT INTO {table}(rowid, {cols}) VALUES (?{', ?' * len(fields)})",
                 (rowid, *(fts_words(v) for v in fields.values())))


def fts_match(conn: Any, table: str, text: str) -> tuple[str, list[str]] | None:
    """SQL selecting the rowids of ``table`` whose text holds every word of ``text``
    (user words, never query syntax), or None when ``text`` has no word in it."""
    words = fts_words(text).split()
    if not words:
        return None
    if is_postgres(conn):
        return f"SELECT rowid FROM {table} WHERE doc @@ plainto_tsquery('simple', ?)", [" ".join(words)]
    return f"SELECT rowid FROM {table} WHERE {table} MATCH ?", [" ".join(f'"{w}"' for w in words)]


def has_table(conn: Any, name: str) -> bool:
    if is_postgres(conn):
        sql = "SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ?"
    else:
        sql = "SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view') AND name = ?"
    return conn.execute(sql, (name,)).fetchone() is not None


def tables(conn: Any) -> set[str]:
    if is_postgres(conn):
        sql = ("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
               " AND table_type = 'BASE TABLE'")
    else:
        sql = "SELECT name FROM sqlite_master WHERE type = 'table'"
    return {r[0] for r in conn.execute(sql)}


def columns(conn: Any, table: str) -> list[str]:
    if is_postgres(conn):
        return [r[0] for r in conn.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema()"
            " AND table_name = ? ORDER BY ordinal_position", (table,))]
    return [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]


def restart_ids(conn: Any, table: str, key: str = "id") -> None:
    """After emptying ``table``, number new rows from max(id) + 1 again, as SQLite does, so a
    rebuilt table (the registry) gets the same ids on both engines."""
    if is_postgres(conn):
        conn.execute(f"SELECT setval(pg_get_serial_sequence('{table}', '{key}'),"
                     f" coalesce((SELECT max({key}) FROM {table}), 0) + 1, false)")


def now_epoch(conn: Any) -> float:
    """The database's clock (seconds since 1970): one clock for workers on several machines."""
    if is_postgres(conn):
        return float(conn.execute("SELECT extract(epoch FROM clock_timestamp())").fetchone()[0])
    import time

    return time.time()


__all__ = ["DB_ERRORS", "archive_root", "is_url", "is_postgres", "shown", "fts_words", "fts_insert",
           "fts_match", "has_table", "tables", "columns", "now_epoch", "restart_ids", "URL_SCHEMES"]
