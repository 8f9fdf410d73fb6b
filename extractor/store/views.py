"""Province view: coverage figures over time, targets and initiatives of one province."""
from __future__ import annotations

import json
import sqlite3
from datetime import datetime
from pathlib import Path

from extractor.store.search import COMPARATORS, describe, province_clause
from extractor.textutil import fold

COVERAGE_METRICS = ("health_insurance_coverage", "social_insurance_coverage",
                    "health_insurance_participants", "social_insurance_participants")


def province_view(conn: sqlite3.Connection, name: str) -> dict:
    """Everything the corpus says about one province (today's, or a pre-2025 one)."""
    where, keys, sc = province_clause(name)
    marks = ", ".join("?" * len(COVERAGE_METRICS))
    base = ("SELECT i.*, r.title, a.url, a.identity FROM items i JOIN revisions r ON r.id = i.revision_id"
            f" JOIN articles a ON a.id = i.article_id WHERE i.current = 1 AND {where}")
    figures = [_quantity(row) for row in conn.execute(
        f"{base} AND i.kind = 'figure' AND i.metric IN ({marks})"
        " ORDER BY coalesce(i.as_of, i.published), i.metric, i.id", keys + list(COVERAGE_METRICS))]
    targets = [_quantity(row) for row in conn.execute(
        f"{base} AND i.kind = 'target' ORDER BY i.year IS NULL, i.year, i.metric, i.id", keys)]
    initiatives = initiatives_of(conn, name)
    return {"province": sc.describe(), "figures": figures, "targets": targets, "initiatives": initiatives}


def initiatives_of(conn: sqlite3.Connection, name: str | None = None) -> list[dict]:
    """Registry entries (of one province, or all), most recently seen first."""
    where, params = "1", []
    if name:
        clause, params, _ = province_clause(name, alias="g")
        where = clause
    rows = conn.execute(
        "SELECT g.*, (SELECT group_concat(DISTINCT coalesce(a.url, a.identity)) FROM initiative_mentions m"
        " JOIN items i ON i.id = m.item_id JOIN articles a ON a.id = i.article_id"
        " WHERE m.registry_id = g.id) AS urls"
        f" FROM initiative_registry g WHERE {where}"
        " ORDER BY g.last_seen IS NULL, g.last_seen DESC, g.name", params)
    return [{"initiative": row["name"], "names": json.loads(row["names"]), "place": row["locality"] or "",
             "province": row["province"], "first_seen": row["first_seen"], "last_seen": row["last_seen"],
             "articles": row["n_articles"], "mentions": row["n_mentions"],
             "languages": json.loads(row["languages"]), "uid": row["uid"],
             "urls": sorted((row["urls"] or "").split(",")) if row["urls"] else []} for row in rows]


def _quantity(row: sqlite3.Row) -> dict:
    return {"date": row["as_of"] or row["published"], "kind": row["kind"], "item": describe(row),
            "metric": row["metric"], "value": row["value"], "unit": row["unit"], "year": row["year"],
            "comparator": row["comparator"], "place": row["locality"] or row["province"] or "",
            "province_level": not row["locality"] or fold(row["locality"]) == row["province_key"],
            "published": row["published"], "title": row["title"], "url": row["url"] or row["identity"],
            "sentence": row["sentence"]}


def corpus_summary(conn: sqlite3.Connection) -> dict:
    """What a corpus holds at a glance: articles by language, items by kind, the provinces
    with most coverage facts in relevant articles, and the pre-2025 province most named."""
    langs = conn.execute("SELECT coalesce(language, '?') AS language, count(*) AS articles, sum(relevant) AS relevant"
                         " FROM current_articles GROUP BY 1 ORDER BY 1").fetchall()
    kinds = conn.execute("SELECT kind, count(*) FROM items WHERE current = 1 GROUP BY kind ORDER BY kind").fetchall()
    provinces = conn.execute(
        "SELECT i.province, count(*) AS n FROM items i JOIN revisions r ON r.id = i.revision_id"
        " WHERE i.current = 1 AND r.relevant = 1 AND i.province IS NOT NULL"
        " AND i.kind IN ('figure', 'target', 'initiative') GROUP BY i.province ORDER BY n DESC, i.province"
        " LIMIT 3").fetchall()
    merged = conn.execute(
        "SELECT province_before_2025, count(*) AS n FROM items WHERE current = 1 AND province_before_2025"
        " IS NOT NULL AND kind IN ('figure', 'target', 'initiative') GROUP BY 1 ORDER BY n DESC, 1 LIMIT 1").fetchone()
    return {"languages": [dict(r) for r in langs], "items": {k: n for k, n in kinds},
            "provinces": [r["province"] for r in provinces], "merged": merged[0] if merged else None}


def relevant_article_uids(conn: sqlite3.Connection) -> set[str]:
    """The articles about insurance coverage (the others were stored with ``--all``)."""
    return {r[0] for r in conn.execute("SELECT uid FROM current_articles WHERE relevant = 1")}


def plot(view: dict, out: str | Path) -> Path:
    """Coverage over time (province-level figures), one line per metric, targets as markers."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    percent = [m for m in COVERAGE_METRICS if m.endswith("_coverage")]
    fig, ax = plt.subplots(figsize=(9, 4.8))
    colors = {"health_insurance_coverage": "tab:blue", "social_insurance_coverage": "tab:orange"}
    for metric in percent:
        points = sorted((d, f["value"]) for f in view["figures"]
                        if f["metric"] == metric and f["province_level"] and (d := _date(f["date"])))
        if points:
            ax.plot([p[0] for p in points], [p[1] for p in points], "o-", color=colors[metric],
                    label=metric.replace("_", " "))
        targets = [(d, t["value"], t) for t in view["targets"]
                   if t["metric"] == metric and t["unit"] == "percent" and (d := _date(str(t["year"] or "")))]
        if targets:
            ax.scatter([p[0] for p in targets], [p[1] for p in targets], marker="*", s=180,
                       color=colors[metric], edgecolor="black", zorder=3,
                       label=f"target: {metric.replace('_', ' ')}")
            for d, value, t in sorted(set((d, v, (t["comparator"] or "", t["year"])) for d, v, t in targets)):
                ax.annotate(f"{COMPARATORS.get(t[0], '')}{value:g} % by {t[1]}", (d, value),
                            textcoords="offset points", xytext=(-8, 9), ha="right", fontsize=8)
    ax.set_title(f"Insurance coverage — {view['province']}")
    ax.set_ylabel("% of population / labour force")
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.grid(alpha=0.3)
    if ax.get_legend_handles_labels()[0]:
        ax.legend(loc="lower right", fontsize=8)
    else:
        ax.text(0.5, 0.5, "no coverage figures yet", ha="center", va="center", transform=ax.transAxes)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.tight_layout()
    fig.savefig(out, dpi=110)
    plt.close(fig)
    return out


def _date(value: str | None) -> datetime | None:
    """ISO date, year-month or year → a datetime (year → 31 December: targets are year-end)."""
    if not value:
        return None
    value = value[:10]
    for fmt, fix in (("%Y-%m-%d", None), ("%Y-%m", None), ("%Y", "-12-31")):
        try:
            return datetime.strptime(value + (fix or ""), fmt + ("-%m-%d" if fix else ""))
        except ValueError:
            continue
    return None
