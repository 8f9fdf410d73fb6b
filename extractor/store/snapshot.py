"""A read-only SQLite copy of a corpus, for the web page (Datasette reads SQLite files).

The copy holds the corpus tables (not the crawl frontier) and rebuilds the full-text
indexes from the folded words, as storing a record does. It is written beside its
destination and moved over it at the end, so a reader never sees half a snapshot; a
server that holds the old file open keeps serving it until restarted.
"""
from __future__ import annotations

import os
from pathlib import Path

from extractor.store.backend import columns, fts_words

# In an order the foreign keys accept.
TABLES = ("raw_pages", "articles", "revisions", "revision_provinces", "items", "locality_mentions",
          "stories", "initiative_registry", "initiative_mentions")
BATCH = 5000


def snapshot(source: str | Path, dest: str | Path) -> dict[str, int]:
    """Copy the corpus at ``source`` (PostgreSQL URL or SQLite file) to the SQLite file
    ``dest``; returns the rows copied per table."""
    from extractor.store import open_store

    dest = Path(dest)
    tmp = dest.with_name(dest.name + ".part")
    for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        leftover.unlink(missing_ok=True)
    counts: dict[str, int] = {}
    with open_store(source, readonly=True) as src, open_store(tmp) as out:
        out.conn.execute("PRAGMA foreign_keys=OFF")
        for table in TABLES:
            cols = [c for c in columns(src.conn, table) if c in set(columns(out.conn, table))]
            quoted = ", ".join(f'"{c}"' for c in cols)
            insert = f"INSERT INTO {table}({quoted}) VALUES ({', '.join('?' * len(cols))})"
            counts[table] = _copy(src.conn.execute(f"SELECT {quoted} FROM {table}"), out.conn, insert)
        _index(out.conn)
        out.conn.commit()
        out.conn.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
    os.replace(tmp, dest)
    return counts


def _copy(rows, conn, insert: str) -> int:
    n, batch = 0, []
    for row in rows:
        batch.append(tuple(row))
        if len(batch) >= BATCH:
            conn.executemany(insert, batch)
            n, batch = n + len(batch), []
    if batch:
        conn.executemany(insert, batch)
        n += len(batch)
    return n


def _index(conn) -> None:
    """The FTS5 indexes, from the copied rows (the words stored are those of ``fts_insert``)."""
    conn.executemany("INSERT INTO revisions_fts(rowid, title, text) VALUES (?, ?, ?)",
                     ((i, fts_words(t), fts_words(x)) for i, t, x in
                      conn.execute("SELECT id, title, text FROM revisions").fetchall()))
    conn.executemany("INSERT INTO items_fts(rowid, name, evidence) VALUES (?, ?, ?)",
                     ((i, fts_words(name), fts_words(" ".join(filter(None, (t, s))))) for i, name, t, s in
                      conn.execute("SELECT id, name, text, sentence FROM items").fetchall()))
