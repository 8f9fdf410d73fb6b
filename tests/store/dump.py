"""Every row of a corpus, to show that an operation wrote nothing (on either backend)."""
from __future__ import annotations


def dump(conn) -> list[tuple]:
    """Every row of every corpus table, in a stable order: to show that nothing was written."""
    from extractor.store.backend import columns, tables

    out = []
    for table in sorted(t for t in tables(conn) if not t.endswith(("_fts", "_config", "_data", "_idx", "_docsize"))
                        and t != "schema_migrations"):
        order = ", ".join(str(i + 1) for i in range(len(columns(conn, table))))
        out += [(table, *r) for r in conn.execute(f"SELECT * FROM {table} ORDER BY {order}")]
    return out
