"""Connections (SQLite file or PostgreSQL URL) and versioned migrations.

Migrations are the numbered ``migrations/NNNN_name.sql`` files beside this module,
applied in order, each in its own transaction, and recorded in ``schema_migrations``.
They are written once, in SQLite's dialect; on PostgreSQL ``extractor.store.pg``
translates them (types, FTS5 tables → ``tsvector`` + GIN). All SQL of the corpus lives
in this package.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

from extractor.clock import now_iso
from extractor.store.backend import has_table, is_url, tables

__all__ = ["connect", "corpus_problem", "migrate", "now_iso", "transaction", "writable_problem"]


def _migrations() -> list[tuple[int, str, str]]:
    folder = resources.files("extractor.store") / "migrations"
    out = []
    for entry in folder.iterdir():
        name = entry.name
        if name.endswith(".sql") and name[:4].isdigit():
            out.append((int(name[:4]), name, entry.read_text(encoding="utf-8")))
    return sorted(out)


def connect(path: str | Path, *, readonly: bool = False):
    """Open (and create or migrate, unless ``readonly``) the corpus database at ``path``:
    a SQLite file, or a ``postgresql://`` URL (a ``PgConnection`` shaped like sqlite3's)."""
    if is_url(path):
        from extractor.store.pg import connect as pg_connect

        conn = pg_connect(str(path))
        if readonly:  # the server refuses writes, as SQLite's mode=ro does
            conn.execute("SET default_transaction_read_only = on")
        else:
            migrate(conn)
        return conn
    if readonly:
        conn = sqlite3.connect(f"file:{Path(path)}?mode=ro", uri=True, check_same_thread=False)
    else:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(path), timeout=30, check_same_thread=False)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys=ON")
    if not readonly:
        migrate(conn)
    return conn


def corpus_problem(path: str | Path) -> str | None:
    """Why ``path`` is no corpus to read, in a few words, or None when it is one.

    Checked before opening, so a command never creates a database by mistake nor
    migrates some other SQLite file into a corpus.
    """
    if is_url(path):
        return _pg_problem(str(path))
    path = Path(path)
    if not path.exists():
        return ("no such database (no corpus database yet: build one with `extractor ingest`"
                " or `extractor crawl`)")
    if not path.is_file():
        return "not a file"
    tables = _sqlite_tables(path)
    if isinstance(tables, str):
        return tables
    if not {"articles", "revisions", "items"} <= tables:
        return "not a corpus database (no articles/revisions/items tables)"
    return None


def writable_problem(path: str | Path) -> str | None:
    """Why the corpus cannot be created or written at ``path``, in a few words, or None.

    Checked before opening for writing, so that ``/dev/null``, a text file or some other
    SQLite database is refused in one line rather than turned into (or broken by) a corpus.
    """
    import os

    if is_url(path):
        return None  # the server says what is wrong when we connect
    path = Path(path)
    if path.exists():
        if not path.is_file():
            return "not a regular file"
        if path.stat().st_size:
            with open(path, "rb") as fh:
                if fh.read(16) != b"SQLite format 3\x00":
                    return "not a SQLite database"
            problem = _foreign_database(path)
            if problem:
                return problem
        if not os.access(path, os.W_OK):
            return "read-only file (permission denied)"
        folder = path.parent
    else:
        folder = path.parent
        while not folder.exists() and folder != folder.parent:
            folder = folder.parent
        if not folder.is_dir():
            return f"cannot create it: {folder} is not a folder"
    if not os.access(folder, os.W_OK | os.X_OK):
        return f"cannot write in {folder} (permission denied)"
    return None


def _pg_problem(url: str) -> str | None:
    """Why the PostgreSQL database at ``url`` is no corpus to read, or None."""
    from extractor.store.pg import Error, connect as pg_connect

    try:
        conn = pg_connect(url)
    except Error as exc:
        return f"cannot connect ({str(exc).strip().splitlines()[-1] if str(exc).strip() else exc})"
    try:
        if not {"articles", "revisions", "items"} <= tables(conn):
            return ("not a corpus database (no articles/revisions/items tables: build one with"
                    " `extractor ingest` or `extractor crawl`)")
    finally:
        conn.close()
    return None


def _sqlite_tables(path: Path) -> set[str] | str:
    """The tables of a SQLite file, opened read-only; a one-line reason when it is none."""
    try:
        conn = sqlite3.connect(f"file:{path.resolve()}?mode=ro", uri=True)
        try:
            return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return f"not a readable SQLite database ({exc})"


def _foreign_database(path: Path) -> str | None:
    """Why a SQLite file is no corpus to write into (some other program's database), or None."""
    tables = _sqlite_tables(path)
    if isinstance(tables, str):
        return tables
    if tables and "schema_migrations" not in tables:
        return "a SQLite database, but not a corpus (refusing to add the corpus tables to it)"
    return None


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction, taken up front (BEGIN IMMEDIATE) so read-then-write is atomic
    even with another process writing the same corpus. Inside a caller's open transaction
    it is a savepoint: all or nothing, committed with the caller's."""
    if conn.in_transaction:
        conn.execute("SAVEPOINT store_write")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK TO store_write")
            conn.execute("RELEASE store_write")
            raise
        conn.execute("RELEASE store_write")
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.rollback()
        raise
    conn.commit()


def migrate(conn) -> list[str]:
    """Apply the migrations not yet applied; returns their names. Each runs in one write
    transaction, so processes starting together (crawl workers) migrate once."""
    pending = _migrations()
    if has_table(conn, "schema_migrations"):
        done = {row[0] for row in conn.execute("SELECT version FROM schema_migrations")}
        if all(version in done for version, _, _ in pending):
            return []
    applied = []
    with transaction(conn):
        conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations ("
            " version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
            " applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')))"
        )
        done = {row[0] for row in conn.execute("SELECT version FROM schema_migrations")}
        for version, name, sql in pending:
            if version in done:
                continue
            with transaction(conn):
                for statement in _split(sql):
                    conn.execute(statement)
                conn.execute("INSERT INTO schema_migrations(version, name) VALUES (?, ?)", (version, name))
            applied.append(name)
    return applied


def _split(sql: str) -> list[str]:
    """Split a migration script into statements (sqlite3.complete_statement knows triggers)."""
    statements, buf = [], ""
    for line in sql.splitlines(keepends=True):
        if not buf and line.strip().startswith("--"):
            continue
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip().strip(";").strip():
                statements.append(buf.strip())
            buf = ""
    if buf.strip():
        statements.append(buf.strip())
    return statements
