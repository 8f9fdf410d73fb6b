"""The queries behind the web pages (home, search, province, initiative, article).

Plain functions over a read-only sqlite3 connection, returning dicts ready for a template
or for JSON; the web layer runs them in Datasette's read threads. Only the web needs this
SQL (the page-sized joins, facets, text windows around items); what the command line
shares with it (province scopes, the chart's series, the league table, one figure per
story) comes from :mod:`extractor.store`. Province names go through
:func:`extractor.store.places.scope`, as on the command line, so "Phu Yen" finds what
lies in its territory today.
"""
from __future__ import annotations

import copy
import json
import os
import sqlite3
from typing import Any

from extractor.store import league
from extractor.store.registry import one_per_story
from extractor.store.search import ITEM_KINDS, article_province, fts_query, province_clause
from extractor.store.views import RATE_METRICS, coverage_series

PAGE_SIZE = 50
FACET_LIMIT = 15

_ITEM_COLUMNS = ('i.id, i.kind, i.name, i.value, i.unit, i.currency, i.metric, i.qualifier, '
                 'i.comparator, i.as_of, i.year, i.level, i.lat, i.lon, i.role, i.organization, '
                 'i.locality, i.province, i.province_before_2025, i.text, i.start, i."end", '
                 'i.sentence, i.published, i.language, i.article_id, i.revision_id')


def _rows(conn: sqlite3.Connection, sql: str, params: Any = ()) -> list[dict[str, Any]]:
    cur = conn.execute(sql, params)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur.fetchall()]


def _one(conn: sqlite3.Connection, sql: str, params: Any = ()) -> dict[str, Any] | None:
    rows = _rows(conn, sql, params)
    return rows[0] if rows else None


# A window of article text around an item, enough to cut its sentence from (see evidence()).
_CONTEXT = ('substr(r.text, max(1, i.start + 1 - 400), i."end" - i.start + 800) AS context, '
            'max(0, i.start - 400) AS context_start')


# -- home ---------------------------------------------------------------------------------


def home(conn: sqlite3.Connection) -> dict[str, Any]:
    """What the corpus holds: articles by language and province, item counts, last update."""
    totals = _one(conn, "SELECT COUNT(*) AS articles, MAX(last_seen) AS last_update FROM articles")
    by_language = _rows(conn, "SELECT COALESCE(r.language, '?') AS language, COUNT(*) AS n "
                              "FROM articles a JOIN revisions r ON r.id = a.current_revision_id "
                              "GROUP BY 1 ORDER BY n DESC")
    by_province = _rows(conn, "SELECT MIN(p.province) AS province, COUNT(*) AS n "
                              "FROM articles a JOIN revision_provinces p ON p.revision_id = a.current_revision_id "
                              "GROUP BY p.province_key ORDER BY n DESC, province LIMIT 100")
    by_kind = _rows(conn, "SELECT kind, COUNT(*) AS n FROM items WHERE current = 1 GROUP BY kind ORDER BY n DESC")
    n_initiatives = _one(conn, "SELECT COUNT(*) AS n FROM initiative_registry")["n"]
    return {**totals, "by_language": by_language, "by_province": by_province,
            "by_kind": by_kind, "initiatives": n_initiatives, "league": league_table(conn)}


def league_table(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """:func:`extractor.store.league.league_table` through :func:`_cached`: it reads every
    coverage figure, a quarter of a second on 100,000 items, and the home page shows it on
    every visit."""
    return _cached(conn, ("league",), lambda: league.league_table(conn))


def _db_path(conn: sqlite3.Connection) -> str:
    return conn.execute("PRAGMA database_list").fetchone()[2]


def _db_stamp(path: str) -> tuple:
    """What changes when the database file (or its write-ahead log) does."""
    return tuple((st.st_mtime_ns, st.st_size) if (st := _stat(f)) else None for f in (path, path + "-wal"))


def _stat(path: str) -> os.stat_result | None:
    try:
        return os.stat(path)
    except OSError:
        return None


# -- search -------------------------------------------------------------------------------


def search(conn: sqlite3.Connection, *, q: str = "", province: str = "", kind: str = "",
           metric: str = "", lang: str = "", year: str = "", page: int = 1) -> dict[str, Any]:
    """Items (and articles) matching the filters, newest first, with facet counts."""
    where, params = ["i.current = 1"], []
    match = (fts_query(q) or "") if q else ""
    # The full-text match is computed once per statement (a CTE), and the facets are one
    # statement: a common word can match a third of the corpus.
    cte, cte_params = "", []
    if match:
        cte, cte_params = "matched AS MATERIALIZED (SELECT rowid AS id FROM items_fts WHERE items_fts MATCH ?)", [match]
        where.append("i.id IN matched")
    elif q:
        where.append("0")  # text with no word in it (only punctuation) matches nothing
    sc = None
    filters = {}  # the active ones, by the facet they narrow
    for name, sql, value in (("kind", "i.kind = ?", kind if kind in ITEM_KINDS else ""),
                             ("metric", "i.metric = ?", metric), ("language", "i.language = ?", lang),
                             ("year", "substr(i.published, 1, 4) = ?", year)):
        if value:
            filters[name] = (sql, [value])
    if province:
        clause, keys, sc = province_clause(province)
        filters["province"] = (clause, keys)
    cond = " AND ".join(where + [sql for sql, _ in filters.values()])
    params = [v for _, values in filters.values() for v in values]
    page = max(1, page)
    results = []
    total = 0
    if kind != "article":
        with_ = f"WITH {cte} " if cte else ""
        total = conn.execute(f"{with_}SELECT COUNT(*) FROM items i WHERE {cond}",
                             cte_params + params).fetchone()[0]
        results = _page_of_items(conn, cond, params, "i.published DESC, i.id DESC",
                                 PAGE_SIZE, (page - 1) * PAGE_SIZE, cte=cte, cte_params=cte_params)
        _story_languages(conn, results)
    facets = _cached_facets(conn, where, filters, cte, cte_params)
    articles = []
    if kind == "article" or (not kind and (match or province)):
        articles = search_articles(conn, match=match, province=province, lang=lang, year=year)
    return {"total": total, "page": page, "page_size": PAGE_SIZE, "results": results,
            "facets": facets, "articles": articles,
            "province_scope": sc.describe() if sc else None}


# What each facet counts. "+" keeps SQLite from walking the kind or metric index to group
# while ignoring the province index; provinces are counted by key (index-only).
_FACET_COLUMNS = {"kind": "+i.kind", "metric": "+i.metric", "language": "i.language",
                  "year": "substr(i.published, 1, 4)", "province": "i.province_key"}


_CACHE: dict[tuple, tuple[tuple, Any]] = {}
CACHE_SIZE = 512


def _cached(conn: sqlite3.Connection, key: tuple, compute: Any) -> Any:
    """``compute()``, kept under ``key`` until the database file changes. The web is read-only
    and the corpus changes only when a crawl or ingest writes it, so a page's data computed
    once (a province's series, the facet counts every page of one result set shows) serves
    every visitor until then."""
    path = _db_path(conn)
    stamp = _db_stamp(path)
    cached = _CACHE.get((path, *key))
    if cached and cached[0] == stamp:
        return cached[1]
    if len(_CACHE) >= CACHE_SIZE:
        _CACHE.clear()
    value = compute()
    _CACHE[(path, *key)] = (stamp, value)
    return value


def _cached_facets(conn: sqlite3.Connection, where: list[str], filters: dict[str, tuple[str, list]],
                   cte: str, cte_params: list[Any]) -> dict[str, list[dict[str, Any]]]:
    """:func:`_facets` through :func:`_cached`: counting five facets over a large match is
    most of a search's time, and every page of one result set shows the same counts."""
    key = ("facets", tuple(where), tuple((k, sql, tuple(v)) for k, (sql, v) in sorted(filters.items())),
           cte, tuple(cte_params))
    return _cached(conn, key, lambda: _facets(conn, where, filters, cte, cte_params))


def _facets(conn: sqlite3.Connection, where: list[str], filters: dict[str, tuple[str, list]],
            cte: str, cte_params: list[Any]) -> dict[str, list[dict[str, Any]]]:
    """Counts by kind, metric, language, year and province, in one statement.

    Each facet counts the set filtered by everything except itself, so its other values
    stay visible and clickable.
    """
    parts, params = [], []
    for name, column in _FACET_COLUMNS.items():
        conds = list(where) + [sql for other, (sql, _) in filters.items() if other != name]
        params += [v for other, (_, values) in filters.items() if other != name for v in values]
        conds.append(f"{column} IS NOT NULL AND {column} != ''")
        parts.append(f"SELECT * FROM (SELECT '{name}' AS facet, {column} AS value, COUNT(*) AS n FROM items i "
                     f"WHERE {' AND '.join(conds)} GROUP BY 2 ORDER BY n DESC, value LIMIT {FACET_LIMIT})")
    with_ = f"WITH {cte} " if cte else ""
    facets: dict[str, list[dict[str, Any]]] = {name: [] for name in _FACET_COLUMNS}
    for facet, value, n in conn.execute(with_ + " UNION ALL ".join(parts), cte_params + params).fetchall():
        facets[facet].append({"value": value, "n": n})
    # One spelling per province key shown.
    for f in facets["province"]:
        f["value"] = conn.execute("SELECT province FROM items WHERE province_key = ? AND current = 1 LIMIT 1",
                                  (f["value"],)).fetchone()[0]
    facets["province"].sort(key=lambda f: (-f["n"], f["value"]))
    return facets


def _page_of_items(conn: sqlite3.Connection, cond: str, params: list[Any], order: str,
                   limit: int, offset: int = 0, *, cte: str = "", cte_params: list[Any] = ()) -> list[dict[str, Any]]:
    """Items matching ``cond``, one page of them, with their article's title, URL and text
    around the item. The page's ids are chosen first, so only those rows are joined to
    their (large) revisions rather than every match before sorting."""
    with_ = f"WITH {cte}, " if cte else "WITH "
    return _rows(conn, f"{with_}page AS (SELECT i.id FROM items i WHERE {cond} ORDER BY {order} LIMIT ? OFFSET ?) "
                       f"SELECT {_ITEM_COLUMNS}, COALESCE(r.title, a.identity) AS title, a.url, a.story_id, {_CONTEXT} "
                       f"FROM page JOIN items i ON i.id = page.id JOIN articles a ON a.id = i.article_id "
                       f"JOIN revisions r ON r.id = i.revision_id ORDER BY {order}",
                 [*cte_params, *params, limit, offset])


def _story_languages(conn: sqlite3.Connection, rows: list[dict[str, Any]]) -> None:
    """Set ``languages`` on each figure and target of ``rows``: every language its story
    told it in (an article and its translation report the same figure once)."""
    stories = sorted({r["story_id"] for r in rows if r["kind"] in ("figure", "target") and r["story_id"]})
    marks = ",".join("?" * len(stories))
    stories = [sid for (sid,) in conn.execute(  # a story of one article has nothing to merge
        f"SELECT id FROM stories WHERE id IN ({marks}) AND n_articles > 1", stories)] if stories else []
    if not stories:
        return
    marks = ",".join("?" * len(stories))
    told = _rows(conn, "SELECT i.id, i.kind, i.metric, i.unit, i.currency, i.value, i.comparator, i.year, i.as_of, "
                       "i.locality, i.province, i.language, i.article_id, a.story_id FROM items i "
                       "JOIN articles a ON a.id = i.article_id WHERE i.article_id IN "
                       f"(SELECT id FROM articles WHERE story_id IN ({marks})) AND i.current = 1 "
                       "AND i.kind IN ('figure', 'target') ORDER BY i.id", stories)
    languages = {i: group["languages"] for group in one_per_story(told) for i in group["item_ids"]}
    for row in rows:
        if row["id"] in languages:
            row["languages"] = languages[row["id"]]


def search_articles(conn: sqlite3.Connection, *, match: str = "", province: str = "",
                    lang: str = "", year: str = "", limit: int = 20) -> list[dict[str, Any]]:
    """Current articles whose title or text match, or that are about the province (as on the
    command line: the article names it, or one of its items lies in its territory)."""
    where, params = ["1 = 1"], []
    if match:
        where.append("r.id IN (SELECT rowid FROM revisions_fts WHERE revisions_fts MATCH ?)")
        params.append(match)
    if province:  # the command line's rule: the article says so, or one of its items lies there
        clause, keys = article_province(province)
        where.append(clause)
        params += keys
    if lang:
        where.append("r.language = ?")
        params.append(lang)
    if year:
        where.append("substr(r.published, 1, 4) = ?")
        params.append(year)
    return _rows(conn, f"SELECT a.id, a.url, COALESCE(r.title, a.identity) AS title, r.language, "
                       f"r.published, r.outlet FROM articles a JOIN revisions r ON r.id = a.current_revision_id "
                       f"WHERE {' AND '.join(where)} ORDER BY r.published DESC, a.id DESC LIMIT ?",
                 params + [limit])


# -- province -----------------------------------------------------------------------------


TABLE_LIMIT = 200  # rows of figures (and of targets) listed on a province page


def province(conn: sqlite3.Connection, name: str) -> dict[str, Any] | None:
    """:func:`_province`, kept until the corpus changes (a province's page reads hundreds of
    its items to draw the chart and group figures by story)."""
    return copy.deepcopy(_cached(conn, ("province", name), lambda: _province(conn, name)))


def _province(conn: sqlite3.Connection, name: str) -> dict[str, Any] | None:
    """Coverage figures and targets over time, and initiatives, of one province (old or new name).

    The chart gets every coverage percentage; the tables list ``TABLE_LIMIT`` figures and
    targets, coverage metrics first, newest first (the search page has them all), each
    once per story with the languages it appeared in.
    """
    clause, keys, sc = province_clause(name)
    metrics = ",".join("?" * len(RATE_METRICS))
    # Grouped by place and date in SQL: a province may have thousands of reports.
    # (SQLite gives the bare column article_id from the row holding MIN(id).)
    points = _rows(conn, "SELECT i.kind, i.metric, i.locality, CASE i.kind WHEN 'figure' THEN "
                         "COALESCE(i.as_of, i.published) ELSE CAST(i.year AS TEXT) END AS date, "
                         "SUM(i.value) AS total, COUNT(*) AS n, MIN(i.id) AS id, i.article_id "
                         f"FROM items i WHERE i.current = 1 AND i.kind IN ('figure', 'target') AND {clause} "
                         f"AND i.unit = 'percent' AND i.metric IN ({metrics}) AND i.value IS NOT NULL "
                         "GROUP BY 1, 2, 3, 4", keys + list(RATE_METRICS))
    tables, totals, cut = {}, {}, {}
    for kind in ("figure", "target"):
        when = "i.as_of" if kind == "figure" else "CAST(i.year AS TEXT)"
        rows = _page_of_items(conn, f"i.current = 1 AND i.kind = ? AND {clause}", [kind, *keys],
                              f"COALESCE(i.metric, 'other') = 'other', COALESCE({when}, i.published) DESC, i.id DESC",
                              TABLE_LIMIT)
        for row in rows:
            row.pop("context", None)
            row.pop("context_start", None)
        cut[kind] = len(rows) >= TABLE_LIMIT
        totals[kind] = (len(rows) if len(rows) < TABLE_LIMIT else conn.execute(
            f"SELECT COUNT(*) FROM items i WHERE i.current = 1 AND i.kind = ? AND {clause}",
            [kind, *keys]).fetchone()[0])
        tables[kind] = one_per_story(rows)
    initiatives = _rows(conn, "SELECT id, name, names, locality, province, first_seen, last_seen, "
                              "n_articles, n_mentions, languages FROM initiative_registry g "
                              f"WHERE {province_clause(name, 'g')[0]} ORDER BY last_seen DESC, name", keys)
    if sc.merged_away:  # no article is mainly about a former province: count those about its territory
        art_clause, art_keys = article_province(name)
        n_articles = conn.execute("SELECT COUNT(*) FROM articles a JOIN revisions r ON r.id = a.current_revision_id "
                                  f"WHERE {art_clause}", art_keys).fetchone()[0]
    else:
        own = keys[:len(keys) // 2]
        n_articles = conn.execute(
            f"SELECT COUNT(DISTINCT a.id) FROM articles a JOIN revision_provinces p "
            f"ON p.revision_id = a.current_revision_id WHERE p.province_key IN "
            f"({','.join('?' * len(own))})", own).fetchone()[0]
    if not tables["figure"] and not tables["target"] and not initiatives and not n_articles:
        return None
    for row in initiatives:
        row["names"] = _json_list(row["names"])
        row["languages"] = _json_list(row["languages"])
    return {"name": sc.name, "today": sc.today, "before_2025": list(sc.before_2025),
            "merged_away": sc.merged_away, "scope": sc.describe(), "n_articles": n_articles,
            "figures": tables["figure"], "targets": tables["target"],
            "n_figures": totals["figure"], "n_targets": totals["target"], "cut": cut["figure"] or cut["target"],
            "series": coverage_series(points, sc), "initiatives": initiatives}


def _json_list(value: str | None) -> list[Any]:
    try:
        data = json.loads(value or "[]")
    except ValueError:
        return []
    return data if isinstance(data, list) else []


# -- initiative ---------------------------------------------------------------------------


def initiative(conn: sqlite3.Connection, registry_id: int) -> dict[str, Any] | None:
    """One registry entry with all its mentions across articles and languages."""
    entry = _one(conn, "SELECT id, uid, name, names, locality, province, first_seen, last_seen, "
                       "n_articles, n_mentions, languages FROM initiative_registry WHERE id = ?",
                 (registry_id,))
    if entry is None:
        return None
    entry["names"] = _json_list(entry["names"])
    entry["languages"] = _json_list(entry["languages"])
    mentions = _rows(conn, f"SELECT {_ITEM_COLUMNS}, COALESCE(r.title, a.identity) AS title, a.url, "
                           f"{_CONTEXT}, i.current FROM initiative_mentions m "
                           f"JOIN items i ON i.id = m.item_id JOIN articles a ON a.id = i.article_id "
                           f"JOIN revisions r ON r.id = i.revision_id WHERE m.registry_id = ? "
                           f"ORDER BY i.published, i.id", (registry_id,))
    entry["mentions"] = mentions
    return entry


# -- article ------------------------------------------------------------------------------


def article(conn: sqlite3.Connection, article_id: int, revision_no: int | None = None) -> dict[str, Any] | None:
    """An article's revision (the current one by default) with its items and its history;
    ``{"missing_revision": N, "revisions": [...]}`` when the article has no revision N."""
    head = _one(conn, "SELECT id, uid, identity, url, input, story_id, first_seen, last_seen, "
                      "current_revision_id FROM articles WHERE id = ?", (article_id,))
    if head is None:
        return None
    revisions = _rows(conn, "SELECT id, revision_no, created_at, fetched_at, extractor_version, "
                            "content_sha256, http_status FROM revisions WHERE article_id = ? "
                            "ORDER BY revision_no", (article_id,))
    wanted = head["current_revision_id"]
    if revision_no is not None:
        wanted = next((r["id"] for r in revisions if r["revision_no"] == revision_no), None)
        if wanted is None:
            return {**head, "missing_revision": revision_no, "revisions": revisions}
    rev = _one(conn, "SELECT id, revision_no, created_at, fetched_at, extractor_version, "
                     "schema_version, language, title, published, source_url, outlet, relevant, "
                     "provinces, error, text, http_status FROM revisions WHERE id = ?", (wanted,))
    if rev is None:
        return None
    rev["provinces"] = _json_list(rev["provinces"])
    items = _rows(conn, f"SELECT {_ITEM_COLUMNS}, i.n FROM items i WHERE i.revision_id = ? "
                        f"ORDER BY instr('figure target initiative locality person', i.kind), i.start, i.n",
                  (rev["id"],))
    mentions = _rows(conn, 'SELECT m.item_id, m.text, m.start, m."end" FROM locality_mentions m '
                           "JOIN items i ON i.id = m.item_id WHERE i.revision_id = ? "
                           "ORDER BY m.item_id, m.n", (rev["id"],))
    registry = dict(conn.execute("SELECT m.item_id, m.registry_id FROM initiative_mentions m "
                                 "JOIN items i ON i.id = m.item_id WHERE i.revision_id = ?",
                                 (rev["id"],)).fetchall())
    for item in items:
        item["registry_id"] = registry.get(item["id"])
    story = []
    if head["story_id"] is not None:
        story = _rows(conn, "SELECT a.id, a.url, COALESCE(r.title, a.identity) AS title, r.language "
                            "FROM articles a JOIN revisions r ON r.id = a.current_revision_id "
                            "WHERE a.story_id = ? AND a.id != ? ORDER BY r.language, a.id",
                      (head["story_id"], article_id))
    return {**head, "revision": rev, "revisions": revisions, "items": items,
            "locality_mentions": mentions, "story": story}
