"""The coverage league table: how well covered each of today's 34 provinces is, and against what.

One row per province after the reform of 1 July 2025, with the pre-2025 provinces merged
into it as rows beneath it (``parent`` names the province they are part of now). Each row
gives the latest reported health-insurance coverage rate (and social-insurance rate), the
date it refers to, the nearest target and the gap to it, the number of articles and
initiatives, and the item it was read from (article, sentence, languages).

Which territory a province-level figure describes is decided by its date (``as_of``, else
the publication date): before 1 July 2025 a figure about "Đắk Lắk" is about the former
province (a row beneath today's Đắk Lắk), from then on about today's. A figure told by
several articles of one story (a translation) counts once (:func:`registry.one_per_story`).
"""
from __future__ import annotations

import sqlite3
from typing import Any

from extractor import values
from extractor.store.registry import one_per_story
from extractor.textutil import fold

MERGER = "2025-07-01"
RATES = {"health": "health_insurance_coverage", "social": "social_insurance_coverage"}
COLUMNS = ["province", "parent", "health_rate", "health_date", "social_rate", "social_date",
           "target", "target_comparator", "target_year", "gap", "articles", "initiatives", "languages",
           "article_id", "item_id", "url", "sentence", "lat", "lon"]


def _provinces() -> list[tuple[str, list[str], tuple[float | None, float | None]]]:
    """(today's province, the pre-2025 provinces merged into it, its centre), gazetteer order."""
    from extractor.gazetteer import province_scope, provinces_today, units

    centre = {u.name: (u.lat, u.lon) for u in units() if u.level == "province"}
    out = []
    for name in provinces_today():
        before = province_scope(name).before_2025
        out.append((name, list(before) if len(before) > 1 else [], centre.get(name, (None, None))))
    return out


def _territory_sql(merged: list[str]) -> tuple[str, list[str]]:
    """SQL naming the territory a province-level item describes: today's province key, or
    "<key>@before" for a pre-2025 one (see the module docstring)."""
    marks = ", ".join("?" * len(merged)) or "NULL"
    when = "CASE WHEN i.kind = 'figure' THEN coalesce(i.as_of, i.published) ELSE i.published END"
    return (f"CASE WHEN i.province_before_key NOT IN ('', i.province_key)"
            f" AND (i.locality IS NULL OR i.locality = i.province_before_2025) THEN i.province_before_key || '@before'"
            f" WHEN i.province_key IN ({marks}) AND {when} < ? THEN i.province_key || '@before'"
            f" ELSE i.province_key END", [*merged, MERGER])


# Province-level coverage percentages: the item's place is the province itself (or unnamed).
_COVERAGE = ("i.metric IN (?, ?) AND i.current = 1 AND i.kind IN ('figure', 'target') AND i.unit = 'percent'"
             " AND i.value IS NOT NULL AND i.province_key != ''"
             " AND (i.locality IS NULL OR i.locality IN (i.province, i.province_before_2025))")


def _facts(conn: sqlite3.Connection, merged: list[str]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The latest province-level rate of each territory and metric, and each territory's
    health-insurance targets (the most recently published one per deadline year)."""
    territory, params = _territory_sql(merged)
    cur = conn.execute(
        f"WITH cov AS (SELECT i.id, i.kind, i.metric, i.value, i.comparator, i.year, i.as_of, i.published,"
        f" {territory} AS territory FROM items i WHERE {_COVERAGE})"
        " SELECT * FROM (SELECT *, row_number() OVER (PARTITION BY territory, metric"
        " ORDER BY coalesce(as_of, published) DESC, published DESC, id DESC) AS rn FROM cov WHERE kind = 'figure')"
        " AS latest_rate WHERE rn = 1 UNION ALL"
        " SELECT * FROM (SELECT *, row_number() OVER (PARTITION BY territory, year"
        " ORDER BY published IS NULL, published DESC, id) AS rn"
        " FROM cov WHERE kind = 'target' AND metric = ? AND year IS NOT NULL) AS latest_target WHERE rn = 1",
        [*params, *RATES.values(), RATES["health"]])
    names = [d[0] for d in cur.description]
    rows = [dict(zip(names, row)) for row in cur]
    return [r for r in rows if r["kind"] == "figure"], [r for r in rows if r["kind"] == "target"]


def _sources(conn: sqlite3.Connection, ids: list[int]) -> dict[int, dict[str, Any]]:
    """For each figure id: its article, sentence and uids, and the languages its story told it in."""
    if not ids:
        return {}
    marks = ", ".join("?" * len(ids))
    cur = conn.execute(
        "SELECT i.id AS item_id, i.uid AS item_uid, i.kind, i.metric, i.unit, i.currency, i.value, i.comparator,"
        " i.year, i.as_of, i.locality, i.province, i.language, i.article_id, i.sentence, a.story_id,"
        " a.uid AS article_uid, coalesce(a.url, a.identity) AS url FROM items i JOIN articles a ON a.id = i.article_id"
        f" WHERE i.current = 1 AND i.kind = 'figure' AND i.metric IN (?, ?) AND i.article_id IN"
        f" (SELECT s.id FROM articles s JOIN articles c ON c.story_id = s.story_id WHERE c.id IN"
        f" (SELECT article_id FROM items WHERE id IN ({marks})))"
        " ORDER BY i.id", [*RATES.values(), *ids])
    names = [d[0] for d in cur.description]
    out = {}
    for group in one_per_story([dict(zip(names, row)) for row in cur]):
        for item_id in group["item_ids"]:
            if item_id in ids:
                out[item_id] = dict(group, item_id=item_id)
    return out


def _counts(conn: sqlite3.Connection) -> tuple[dict[str, int], dict[str, int]]:
    """Articles and initiative-registry entries per territory key (as in :func:`_territory`)."""
    articles: dict[str, int] = {}
    for key, n in conn.execute("SELECT p.province_key, count(*) FROM articles a JOIN revision_provinces p"
                               " ON p.revision_id = a.current_revision_id GROUP BY 1"):
        articles[key] = n
    # A former province: articles naming a place in its territory (the places of one that
    # kept its name carry no province_before_2025).
    for today, before, n in conn.execute("SELECT province_key, province_before_key, count(DISTINCT article_id)"
                                         " FROM items WHERE current = 1 AND kind = 'locality' GROUP BY 1, 2"):
        key = f"{before or today}@before"
        articles[key] = articles.get(key, 0) + n
    initiatives: dict[str, int] = {}
    for today, before, n in conn.execute("SELECT province_key, province_before_key, count(*)"
                                         " FROM initiative_registry GROUP BY 1, 2"):
        for key in (today, f"{before or today}@before"):
            initiatives[key] = initiatives.get(key, 0) + n
    return articles, initiatives


def _nearest_target(targets: list[dict[str, Any]], since: str | None) -> dict[str, Any] | None:
    """The target with the earliest deadline not before the latest figure's year (else the
    latest deadline); among targets for one year, the most recently published."""
    dated = [t for t in targets if t["year"]]
    if not dated:
        return None
    year = int(since[:4]) if since and since[:4].isdigit() else 0
    ahead = [t for t in dated if t["year"] >= year]
    return min(ahead, key=lambda t: t["year"]) if ahead else max(dated, key=lambda t: t["year"])


def _row(name: str, parent: str, key: str, latest: dict[tuple[str, str], dict], targets: dict[str, list[dict]],
         sources: dict[int, dict], articles: dict[str, int], initiatives: dict[str, int],
         centre: tuple[float | None, float | None]) -> dict[str, Any]:
    health, social = latest.get((key, RATES["health"])), latest.get((key, RATES["social"]))
    date = lambda f: (f["as_of"] or f["published"]) if f else None  # noqa: E731
    target = _nearest_target(targets.get(key, []), date(health))
    gap = round(target["value"] - health["value"], 2) if target and health else None
    source = sources.get(health["id"], {}) if health else {}
    return {
        "province": name, "parent": parent,
        "health_rate": health["value"] if health else None, "health_date": date(health),
        "social_rate": social["value"] if social else None, "social_date": date(social),
        "target": target["value"] if target else None, "target_year": target["year"] if target else None,
        "target_comparator": target["comparator"] if target else None, "gap": gap,
        "articles": articles.get(key, 0), "initiatives": initiatives.get(key, 0),
        "languages": source.get("languages", []),
        "article_id": source.get("article_id"), "item_id": health["id"] if health else None,
        "url": source.get("url"), "sentence": source.get("sentence"),
        "article_uid": source.get("article_uid"), "item_uid": source.get("item_uid"),
        "lat": centre[0], "lon": centre[1],
    }


def league_table(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Today's 34 provinces, best covered first (provinces without a rate last, by name),
    each followed by the pre-2025 provinces merged into it (``parent`` set on those)."""
    from extractor.gazetteer import units

    provinces = _provinces()
    merged = sorted(fold(name) for name, before, _ in provinces if before)
    figures, target_rows = _facts(conn, merged)
    latest = {(f["territory"], f["metric"]): f for f in figures}
    targets: dict[str, list[dict]] = {}
    for t in target_rows:
        targets.setdefault(t["territory"], []).append(t)
    sources = _sources(conn, [f["id"] for f in figures if f["metric"] == RATES["health"]])
    articles, initiatives = _counts(conn)
    centre = {u.name: (u.lat, u.lon) for u in units() if u.level == "province"}
    groups = []
    for name, before, where in provinces:
        head = _row(name, "", fold(name), latest, targets, sources, articles, initiatives, where)
        children = [_row(b, name, f"{fold(b)}@before", latest, targets, sources, articles, initiatives,
                         centre.get(b, (None, None))) for b in before]
        groups.append((head, children))
    groups.sort(key=lambda g: (g[0]["health_rate"] is None, -(g[0]["health_rate"] or 0), fold(g[0]["province"])))
    return [row for head, children in groups for row in (head, *children)]


def sort_groups(rows: list[dict[str, Any]], column: str, descending: bool = False) -> list[dict[str, Any]]:
    """The table re-sorted on ``column`` by today's provinces, each keeping its former
    provinces beneath it; empty values go last either way."""
    groups: list[list[dict[str, Any]]] = []
    for row in rows:
        if row["parent"] and groups:
            groups[-1].append(row)
        else:
            groups.append([row])

    def key(group: list[dict[str, Any]]):
        value = group[0].get(column)
        if isinstance(value, str):
            value = fold(value)
        return value

    present = [g for g in groups if key(g) not in (None, "")]
    missing = [g for g in groups if key(g) in (None, "")]
    present.sort(key=key, reverse=descending)
    return [row for group in present + missing for row in group]


def table_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The table as printed: "93.6 %", "≥ 95 % by 2025", a gap of "+1.4" (points), former
    provinces as "↳ Phú Yên"."""
    def pct(v: float | None) -> str:
        return f"{values.number(v)} %" if v is not None else ""

    out = []
    for r in rows:
        target = (f"{values.comparator(r['target_comparator'])} {pct(r['target'])} by {r['target_year']}".strip()
                  if r["target"] is not None else "")
        out.append({"province": f"↳ {r['province']}" if r["parent"] else r["province"],
                    "health": pct(r["health_rate"]), "as_of": r["health_date"] or "", "social": pct(r["social_rate"]),
                    "target": target, "gap": f"{r['gap']:+.1f}" if r["gap"] is not None else "",
                    "articles": r["articles"] or "", "initiatives": r["initiatives"] or "",
                    "languages": r["languages"], "sentence": r["sentence"] or "", "url": r["url"] or ""})
    return out
