"""Queries analysts run: full text (FTS5 or tsvector, folded), province old ↔ new, kind/metric/lang/date.

Every query reads the current revision of each article only; history stays out of results.
"""
from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass

from extractor import values
from extractor.store.backend import fts_match, fts_words, is_postgres
from extractor.store.ingest import fts_fold, sentence_at
from extractor.store.places import Scope, scope

ITEM_KINDS = ("figure", "target", "initiative", "locality", "person")
KINDS = (*ITEM_KINDS, "article")
_WORD = re.compile(r"\w+")
NEWEST_FIRST = 3_000  # see _text_pg
_NEWEST = "i.published DESC NULLS LAST, i.article_id, i.kind, i.n"  # undated last, as SQLite sorts NULLs


@dataclass
class Filters:
    """What an analyst narrows a search by; None leaves that filter off."""

    text: str | None = None
    province: str | None = None
    kind: str | None = None
    metric: str | None = None
    lang: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    limit: int | None = 200


def fts_query(text: str) -> str | None:
    """User text → an FTS5 query of quoted folded words (all must match); never FTS syntax."""
    words = _WORD.findall(fts_fold(text))
    return " ".join(f'"{w}"' for w in words) or None


def province_clause(name: str, alias: str = "i") -> tuple[str, list[str], Scope]:
    """SQL matching items in the territory of ``name``: today's province, or a pre-2025 one."""
    sc = scope(name)
    keys = sc.keys()
    if not keys:
        return "1 = 0", [], sc  # a name that folds to nothing ("!!!") matches nothing
    marks = ", ".join("?" * len(keys))
    sql = f"({alias}.province_key IN ({marks}) OR {alias}.province_before_key IN ({marks}))"
    return sql, keys + keys, sc


Clause = tuple[str, list]


def _where(*clauses: Clause | None) -> Clause:
    """The conjunction of the filters that are set (an unset filter is passed as None)."""
    present = [c for c in clauses if c]
    return " AND ".join(sql for sql, _ in present) or "1 = 1", [p for _, params in present for p in params]


def _dates(col: str, f: Filters) -> tuple[Clause | None, Clause | None]:
    """``--to 2025`` keeps all of 2025: the date is compared on the precision given."""
    return ((f"{col} >= ?", [f.date_from]) if f.date_from else None,
            (f"substr({col}, 1, length(?)) <= ?", [f.date_to, f.date_to]) if f.date_to else None)


def search(conn: sqlite3.Connection, f: Filters) -> list[dict]:
    """Items (or articles, with ``kind='article'``) matching every filter, newest first."""
    if f.text and fts_query(f.text) is None:
        return []  # text with no word in it (only punctuation) matches nothing
    if f.kind == "article":
        return _search_articles(conn, f)
    if f.text and f.limit and is_postgres(conn):
        return _text_pg(conn, f)
    where, params = _item_where(conn, f)
    # The page of ids first (from an index, see migration 0002), then its rows in full.
    limit = f" LIMIT {int(f.limit)}" if f.limit else ""
    return _rows(conn, f"SELECT i.id FROM items i WHERE {where} ORDER BY {_NEWEST}{limit}", params)


def _rows(conn, page: str, params: list) -> list[dict]:
    sql = (f"WITH page AS ({page})"
           " SELECT i.*, r.title, a.url, a.identity, a.uid AS article_uid FROM page JOIN items i ON i.id = page.id"
           " JOIN revisions r ON r.id = i.revision_id JOIN articles a ON a.id = i.article_id"
           f" ORDER BY {_NEWEST}")
    return [item_row(row) for row in conn.execute(sql, params)]


def _text_pg(conn, f: Filters) -> list[dict]:
    """Text search on PostgreSQL, whose planner multiplies the words' frequencies and so
    misjudges how many items hold them. Text most items hold: the newest ``NEWEST_FIRST``
    items that pass the other filters are checked one by one, and the page is there. Else
    the items holding the text are gathered first (from the GIN index), then filtered."""
    where, params = _item_where(conn, Filters(**{**f.__dict__, "text": None}))
    words = fts_words(f.text)
    page = (f"SELECT c.id FROM (SELECT i.id, i.published, i.article_id, i.kind, i.n FROM items i WHERE {where}"
            f" ORDER BY {_NEWEST} LIMIT {NEWEST_FIRST}) AS c"
            " WHERE (SELECT f.doc FROM items_fts f WHERE f.rowid = c.id) @@ plainto_tsquery('simple', ?)"
            f" ORDER BY {_NEWEST.replace('i.', 'c.')} LIMIT {int(f.limit)}")
    rows = _rows(conn, page, [*params, words])
    if len(rows) == f.limit or conn.execute(
            f"SELECT count(*) FROM (SELECT 1 FROM items i WHERE {where} LIMIT {NEWEST_FIRST}) AS c",
            params).fetchone()[0] < NEWEST_FIRST:
        return rows  # the page was among them, or they were all there is
    page = ("WITH m AS MATERIALIZED (SELECT rowid FROM items_fts WHERE doc @@ plainto_tsquery('simple', ?))"
            f" SELECT i.id FROM items i WHERE {where} AND i.id IN (SELECT rowid FROM m)"
            f" ORDER BY {_NEWEST} LIMIT {int(f.limit)}")
    return _rows(conn, page, [words, *params])


def search_counted(conn: sqlite3.Connection, f: Filters) -> tuple[list[dict], int]:
    """:func:`search` and how many results there are without ``f.limit`` (counted only
    when the limit cut them)."""
    rows = search(conn, f)
    if not f.limit or len(rows) < f.limit:
        return rows, len(rows)
    if f.kind == "article":
        where, params = _article_where(conn, f)
        sql = f"SELECT count(*) FROM articles a JOIN revisions r ON r.id = a.current_revision_id WHERE {where}"
    else:
        where, params = _item_where(conn, f)
        sql = f"SELECT count(*) FROM items i WHERE {where}"
    return rows, conn.execute(sql, params).fetchone()[0]


def _text(conn, table: str, col: str, text: str | None) -> Clause | None:
    """``col`` is the rowid of a ``table`` row holding every word of ``text``."""
    match = fts_match(conn, table, text) if text else None
    return (f"{col} IN ({match[0]})", match[1]) if match else None


def _item_where(conn, f: Filters) -> Clause:
    return _where(
        ("i.current = 1", []),
        ("i.kind = ?", [f.kind]) if f.kind else None,
        province_clause(f.province)[:2] if f.province else None,
        ("i.metric = ?", [f.metric]) if f.metric else None,
        ("i.language = ?", [f.lang]) if f.lang else None,
        *_dates("i.published", f),
        _text(conn, "items_fts", "i.id", f.text),
    )


def article_province(name: str) -> Clause:
    """An article is about a province when it says so, or when one of its items lies there."""
    sql, keys, _ = province_clause(name)
    own = keys[: len(keys) // 2]
    marks = ", ".join("?" * len(own))
    return (f"(r.id IN (SELECT revision_id FROM revision_provinces WHERE province_key IN ({marks}))"
            f" OR r.id IN (SELECT revision_id FROM items i WHERE {sql}))", own + keys)


def _article_where(conn, f: Filters) -> Clause:
    return _where(
        article_province(f.province) if f.province else None,
        ("r.language = ?", [f.lang]) if f.lang else None,
        ("r.id IN (SELECT revision_id FROM items WHERE metric = ?)", [f.metric]) if f.metric else None,
        *_dates("r.published", f),
        _text(conn, "revisions_fts", "r.id", f.text),
    )


def _search_articles(conn: sqlite3.Connection, f: Filters) -> list[dict]:
    where, params = _article_where(conn, f)
    sql = ("SELECT a.uid AS article_uid, a.url, a.identity, r.* FROM articles a"
           " JOIN revisions r ON r.id = a.current_revision_id"
           f" WHERE {where}"
           " ORDER BY r.published IS NULL, r.published DESC, a.id")
    if f.limit:
        sql += f" LIMIT {int(f.limit)}"
    out = []
    for row in conn.execute(sql, params):
        provinces = json.loads(row["provinces"] or "[]")
        out.append({"kind": "article", "item": row["title"] or row["identity"], "place": ", ".join(provinces),
                    "date": row["published"], "language": row["language"], "title": row["title"],
                    "url": row["url"] or row["identity"], "evidence": snippet(row["text"], f.text),
                    "relevant": bool(row["relevant"]), "article_uid": row["article_uid"]})
    return out


def describe(row: sqlite3.Row | dict) -> str:
    """One line saying what the item is: "≥ 95 % health insurance coverage by 2025"."""
    kind = row["kind"]
    if kind in ("figure", "target"):
        return values.describe(dict(row))
    if kind == "locality":
        return f"{row['name']} ({row['level']})"
    if kind == "person":
        return ", ".join(filter(None, (row["name"], row["role"], row["organization"])))
    return row["name"] or ""


def item_row(row: sqlite3.Row) -> dict:
    """The printable/exportable shape of one search hit."""
    place = row["locality"] or row["province"]
    if row["province"] and place != row["province"]:
        place = f"{place}, {row['province']}"
    return {
        "kind": row["kind"], "item": describe(row), "place": place or "",
        "province": row["province"], "province_before_2025": row["province_before_2025"],
        "date": row["published"], "language": row["language"], "title": row["title"],
        "url": row["url"] or row["identity"], "evidence": row["text"], "sentence": row["sentence"],
        "name": row["name"], "value": row["value"], "unit": row["unit"], "metric": row["metric"],
        "uid": row["uid"], "article_uid": row["article_uid"],
    }


def snippet(text: str, query: str | None, width: int = 200) -> str:
    """The sentence of ``text`` where the query's first word appears (folding keeps offsets)."""
    if not text:
        return ""
    pos = 0
    words = _WORD.findall(fts_fold(query or ""))
    folded = fts_fold(text)
    if words and len(folded) == len(text):
        m = re.search(rf"\b{re.escape(words[0])}\b", folded)
        pos = m.start() if m else 0
    sentence = sentence_at(text, pos, pos) or text[:width]
    return sentence if len(sentence) <= width else sentence[: width - 1] + "…"
