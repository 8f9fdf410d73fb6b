"""PostgreSQL (psycopg 3) behind the interface of a ``sqlite3.Connection``.

The store and the crawl frontier write their SQL once, in SQLite's dialect, and call
``execute``/``executemany``/``executescript``, read rows by name or position, take
``lastrowid``, and use ``with conn:`` or :func:`extractor.store.db.transaction`. This
module gives a PostgreSQL connection that same shape, translating each statement as it
runs: placeholders, ``INSERT OR IGNORE``, two-argument ``max``/``min``, ``group_concat``,
and — for migrations — column types and FTS5 tables (a ``tsvector`` column with a GIN
index; see :mod:`extractor.store.backend` for how text is indexed and matched).

Transactions follow sqlite3's rules so the calling code behaves the same on both engines:
a write opens a transaction that lasts until ``commit()``; reads outside one see every
commit at once. ``BEGIN IMMEDIATE`` (the store's write transaction) also takes one
advisory lock, so writers queue as they do on SQLite and read-then-write stays atomic.
"""
from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache
from typing import Any

import psycopg
from psycopg.adapt import Loader

WRITE_LOCK = 0x636F7270  # the advisory lock every store write transaction takes ("corp")
Error = psycopg.Error

_LEADING_COMMENTS = re.compile(r"\A(?:\s+|--[^\n]*)*")
_TOKEN = re.compile(r"'(?:[^']|'')*'|\"[^\"]*\"|--[^\n]*|(?<!:):([A-Za-z_]\w*)|[?%]")


class Row:
    """A row readable by position and by column name, like ``sqlite3.Row``."""

    __slots__ = ("_names", "_index", "_values")

    def __init__(self, names: tuple[str, ...], index: dict[str, int], values: tuple):
        self._names, self._index, self._values = names, index, values

    def __getitem__(self, key: int | str | slice) -> Any:
        if isinstance(key, str):
            return self._values[self._index[key.lower()]]
        return self._values[key]

    def keys(self) -> list[str]:
        return list(self._names)

    def __iter__(self):
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __eq__(self, other: object) -> bool:
        return tuple(self) == tuple(other) if isinstance(other, (Row, tuple)) else NotImplemented

    def __hash__(self) -> int:
        return hash(self._values)

    def __repr__(self) -> str:
        return f"Row({dict(zip(self._names, self._values))!r})"


def _row_factory(cursor: psycopg.Cursor):
    names = tuple(c.name for c in cursor.description or ())
    index: dict[str, int] = {}
    for i, name in enumerate(names):
        index.setdefault(name.lower(), i)
    return lambda values: Row(names, index, values)


class _Number(Loader):
    """numeric → int when whole (``sum`` of integers), else float, as SQLite returns them."""

    def load(self, data: Any) -> int | float:
        d = Decimal(bytes(data).decode())
        return int(d) if d == d.to_integral_value() else float(d)


class Cursor:
    """What ``execute`` returns: rows, ``lastrowid`` and ``rowcount``."""

    def __init__(self, cur: psycopg.Cursor, lastrowid: int | None = None):
        self._cur = cur
        self.lastrowid = lastrowid
        self.rowcount = cur.rowcount
        self.description = cur.description

    def fetchone(self) -> Row | None:
        return self._cur.fetchone() if self._cur.description else None

    def fetchall(self) -> list[Row]:
        return self._cur.fetchall() if self._cur.description else []

    def fetchmany(self, size: int = 1) -> list[Row]:
        return self._cur.fetchmany(size) if self._cur.description else []

    def __iter__(self):
        return iter(self._cur) if self._cur.description else iter(())


class PgConnection:
    """A PostgreSQL connection that the store's SQLite-dialect code can use unchanged."""

    def __init__(self, url: str):
        self.url = url
        self._conn = psycopg.connect(url, autocommit=True, row_factory=_row_factory)
        self._conn.adapters.register_loader("numeric", _Number)
        self._conn.execute("SET jit = off")  # short queries: compiling costs more than it saves
        self.in_transaction = False
        self._identity: dict[str, str] | None = None

    # -- transactions, as sqlite3 has them ----------------------------------------------------

    def _begin(self) -> None:
        if not self.in_transaction:
            self._conn.execute("BEGIN")
            self.in_transaction = True

    def commit(self) -> None:
        if self.in_transaction:
            self.in_transaction = False
            self._conn.execute("COMMIT")

    def rollback(self) -> None:
        if self.in_transaction:
            self.in_transaction = False
            self._conn.execute("ROLLBACK")

    def __enter__(self) -> PgConnection:
        return self

    def __exit__(self, exc_type, *exc) -> None:
        if exc_type is None:
            self.commit()
        else:
            self.rollback()

    def close(self) -> None:
        self.in_transaction = False
        self._conn.close()

    # -- statements ---------------------------------------------------------------------------

    def execute(self, sql: str, params: Any = ()) -> Cursor:
        sql = _LEADING_COMMENTS.sub("", sql)
        head = sql[:16].upper()
        if head.startswith("BEGIN"):
            self._begin()
            if "IMMEDIATE" in head or "EXCLUSIVE" in head:
                self._conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
            return Cursor(self._conn.cursor())
        if head.startswith(("COMMIT", "END")):
            self.commit()
            return Cursor(self._conn.cursor())
        if head.startswith("ROLLBACK") and "TO" not in head:
            self.rollback()
            return Cursor(self._conn.cursor())
        if head.startswith(("INSERT", "UPDATE", "DELETE", "REPLACE")):
            self._begin()
        text, returning = self._statement(sql)
        cur = self._conn.cursor()
        for statement in split_script(text) if head.startswith(("CREATE", "ALTER")) else [text]:
            cur.execute(statement, _params(params))
        lastrowid = None
        if returning and cur.description:
            row = cur.fetchone()
            lastrowid = row[0] if row else None
        return Cursor(cur, lastrowid)

    def executemany(self, sql: str, seq: Any) -> Cursor:
        self._begin()
        cur = self._conn.cursor()
        cur.executemany(translate(sql), [_params(p) for p in seq])
        return Cursor(cur)

    def executescript(self, script: str) -> None:
        """Run a script of statements (DDL translated) in one transaction."""
        with self:
            self._begin()
            self._conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
            for statement in split_script(script):
                for part in split_script(translate(statement, ddl=True)):
                    self._conn.execute(part, ())
        self._identity = None

    def _statement(self, sql: str) -> tuple[str, bool]:
        """The statement translated, and whether it was given ``RETURNING`` for ``lastrowid``."""
        text = translate(sql, ddl=sql.lstrip()[:6].upper() in ("CREATE", "ALTER "))
        m = re.match(r"\s*INSERT\s+INTO\s+(\w+)", text, re.I)
        if m and " RETURNING " not in text.upper():
            key = self.identity_columns().get(m.group(1).lower())
            if key:
                return f"{text} RETURNING {key}", True
        if text.lstrip()[:6].upper() in ("CREATE", "ALTER "):
            self._identity = None
        return text, False

    def identity_columns(self) -> dict[str, str]:
        """table → its generated key column (what ``lastrowid`` reads)."""
        if self._identity is None:
            rows = self._conn.execute(
                "SELECT table_name, column_name FROM information_schema.columns"
                " WHERE table_schema = current_schema() AND is_identity = 'YES'").fetchall()
            self._identity = {r[0]: r[1] for r in rows}
        return self._identity


def _params(params: Any) -> Any:
    if params is None:
        return ()
    if isinstance(params, dict):
        return params
    return tuple(params)


# -- translation ------------------------------------------------------------------------------

_TYPES = [
    (re.compile(r"\bINTEGER\s+PRIMARY\s+KEY\b", re.I), "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"),
    (re.compile(r"\bINTEGER\b", re.I), "BIGINT"),
    (re.compile(r"\bREAL\b", re.I), "DOUBLE PRECISION"),
    (re.compile(r"\bBLOB\b", re.I), "BYTEA"),
    # Text sorts and compares by code point, as in SQLite, whatever the database's locale.
    (re.compile(r"\bTEXT\b"), 'TEXT COLLATE "C"'),
]
_FTS = re.compile(r"CREATE\s+VIRTUAL\s+TABLE\s+(IF\s+NOT\s+EXISTS\s+)?(\w+)\s+USING\s+fts5\s*\(.*\)\s*;?\s*$",
                  re.I | re.S)
_NOW = "to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"


@lru_cache(maxsize=2048)
def translate(sql: str, ddl: bool = False) -> str:
    """One statement of the store's SQLite dialect in PostgreSQL's."""
    if ddl:
        m = _FTS.match(sql.strip())
        if m:
            name, exists = m.group(2), m.group(1) or ""
            return (f"CREATE TABLE {exists}{name} (rowid BIGINT PRIMARY KEY, doc TSVECTOR NOT NULL);"
                    f" CREATE INDEX {exists}{name}_doc ON {name} USING gin (doc)")
        sql = re.sub(r"strftime\('%Y-%m-%dT%H:%M:%SZ',\s*'now'\)", _NOW, sql)
        if re.match(r"\s*CREATE\s+(UNIQUE\s+)?INDEX", sql, re.I):  # SQLite's DESC puts NULLs last
            sql = re.sub(r"\bDESC\b(?!\s+NULLS)", "DESC NULLS LAST", sql, flags=re.I)
        if re.match(r"\s*(CREATE\s+TABLE|ALTER\s+TABLE)", sql, re.I):
            for pattern, repl in _TYPES:
                sql = _outside_literals(sql, pattern, repl)
    ignore = re.match(r"(\s*INSERT)\s+OR\s+IGNORE\b", sql, re.I)
    if ignore:
        sql = ignore.group(1) + sql[ignore.end():].rstrip().rstrip(";") + " ON CONFLICT DO NOTHING"
    sql = _functions(sql)
    return _placeholders(sql)


def _outside_literals(sql: str, pattern: re.Pattern, repl: str) -> str:
    parts = re.split(r"('(?:[^']|'')*'|--[^\n]*)", sql)
    return "".join(p if i % 2 else pattern.sub(repl, p) for i, p in enumerate(parts))


def _placeholders(sql: str) -> str:
    def sub(m: re.Match) -> str:
        tok = m.group(0)
        if tok == "?":
            return "%s"
        if tok == "%":
            return "%%"
        if m.group(1):
            return f"%({m.group(1)})s"
        return tok.replace("%", "%%")
    return _TOKEN.sub(sub, sql)


_FUNC = re.compile(r"\b(max|min|group_concat)\s*\(", re.I)


def _functions(sql: str) -> str:
    """``max(a, b)`` → ``greatest(a, b)``, ``min(a, b)`` → ``least``, ``group_concat`` → ``string_agg``."""
    out, pos = [], 0
    for m in _FUNC.finditer(sql):
        if m.start() < pos:
            continue
        end, args = _arguments(sql, m.end())
        if end is None:
            continue
        name = m.group(1).lower()
        inner = [_functions(a) for a in args]
        if name == "group_concat":
            sep = inner[1] if len(inner) > 1 else "','"
            call = f"string_agg(({inner[0].strip()})::text, {sep})" if not inner[0].strip().upper().startswith(
                "DISTINCT") else f"string_agg(DISTINCT ({inner[0].strip()[8:].strip()})::text, {sep})"
        elif len(args) > 1:
            call = f"{'greatest' if name == 'max' else 'least'}({', '.join(inner)})"
        else:
            call = f"{m.group(1)}({inner[0]})"
        out.append(sql[pos:m.start()] + call)
        pos = end
    return "".join(out) + sql[pos:]


def _arguments(sql: str, start: int) -> tuple[int | None, list[str]]:
    """The top-level arguments of the call whose '(' ends at ``start``, and where it closes."""
    depth, args, buf, i, quote = 0, [], [], start, False
    while i < len(sql):
        c = sql[i]
        if quote:
            quote = c != "'"
        elif c == "'":
            quote = True
        elif c == "(":
            depth += 1
        elif c == ")":
            if depth == 0:
                args.append("".join(buf))
                return i + 1, args
            depth -= 1
        elif c == "," and depth == 0:
            args.append("".join(buf))
            buf = []
            i += 1
            continue
        buf.append(c)
        i += 1
    return None, []


def split_script(script: str) -> list[str]:
    """A script's statements (``;`` outside literals and comments ends one)."""
    statements, buf = [], []
    for tok in re.split(r"('(?:[^']|'')*'|--[^\n]*|;)", script):
        if tok == ";":
            text = "".join(buf).strip()
            if text:
                statements.append(text)
            buf = []
        elif not tok.startswith("--"):
            buf.append(tok)
    text = "".join(buf).strip()
    if text:
        statements.append(text)
    return statements


def connect(url: str) -> PgConnection:
    return PgConnection(url)
