"""Province view: coverage figures over time, targets and initiatives of one province.

Shared by the command line (``extractor province``, ``--plot``) and the web's province
page: the chart's series (:func:`coverage_series`) are built here once for both.
"""
from __future__ import annotations

import json
import sqlite3
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from extractor import textutil, values
from extractor.store.places import Scope
from extractor.store.registry import one_per_story
from extractor.store.search import describe, province_clause
from extractor.textutil import fold

COVERAGE_METRICS = ("health_insurance_coverage", "social_insurance_coverage",
                    "health_insurance_participants", "social_insurance_participants")
RATE_METRICS = ("health_insurance_coverage", "social_insurance_coverage", "unemployment_insurance_coverage")


def province_view(conn: sqlite3.Connection, name: str) -> dict:
    """Everything the corpus says about one province (today's, or a pre-2025 one).

    Figures and targets count once per story (an article and its translation), with the
    languages they appeared in; ``series`` holds the coverage percentages to chart.
    """
    where, keys, sc = province_clause(name)
    marks = ", ".join("?" * len(COVERAGE_METRICS))
    base = ("SELECT i.*, r.title, a.url, a.identity, a.story_id FROM items i JOIN revisions r ON r.id = i.revision_id"
            f" JOIN articles a ON a.id = i.article_id WHERE i.current = 1 AND {where}")
    figures = [_quantity(row) for row in one_per_story([dict(r) for r in conn.execute(
        f"{base} AND i.kind = 'figure' AND i.metric IN ({marks})"
        " ORDER BY coalesce(i.as_of, i.published), i.metric, i.id", keys + list(COVERAGE_METRICS))])]
    targets = [_quantity(row) for row in one_per_story([dict(r) for r in conn.execute(
        f"{base} AND i.kind = 'target' ORDER BY i.year IS NULL, i.year, i.metric, i.id", keys)])]
    points = [{"kind": q["kind"], "metric": q["metric"], "locality": q["locality"],
               "date": q["as_of"] or q["published"] if q["kind"] == "figure" else str(q["year"] or ""),
               "total": q["value"], "n": 1, "id": q["id"], "article_id": q["article_id"]}
              for q in figures + targets if q["unit"] == "percent" and q["metric"] in RATE_METRICS]
    initiatives = initiatives_of(conn, name)
    return {"province": sc.describe(), "figures": figures, "targets": targets, "initiatives": initiatives,
            "series": coverage_series(points, sc)}


def initiatives_of(conn: sqlite3.Connection, name: str | None = None) -> list[dict]:
    """Registry entries (of one province, or all), most recently seen first."""
    where, params = "1 = 1", []
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


def _quantity(row: dict) -> dict:
    return {"date": row["as_of"] or row["published"], "kind": row["kind"], "item": describe(row),
            "metric": row["metric"], "value": row["value"], "unit": row["unit"], "year": row["year"],
            "comparator": row["comparator"], "as_of": row["as_of"], "locality": row["locality"],
            "place": row["locality"] or row["province"] or "",
            "province_level": not row["locality"] or fold(row["locality"]) == row["province_key"],
            "languages": row["languages"], "published": row["published"], "title": row["title"],
            "url": row["url"] or row["identity"], "sentence": row["sentence"],
            "id": row["id"], "article_id": row["article_id"]}


def coverage_series(points: list[dict[str, Any]], sc: Scope) -> list[dict[str, Any]]:
    """The chart's series from ``points`` (kind, metric, locality, date, total, n, id, article_id).

    One series per metric and place, so a line never joins two places: the province
    itself (and, for a merged province, each former province) and each district or
    commune the articles give figures for. Values reported for the same place and date
    (a story and its translation) are one point, their mean.
    """
    fold_ = lru_cache(maxsize=None)(textutil.fold)
    own = {fold_(sc.name), fold_(sc.today), *(fold_(b) for b in sc.before_2025)}
    series: dict[tuple[str, str], dict[str, Any]] = {}
    for p in points:
        if not p["date"]:
            continue
        place = p["locality"] or sc.name
        s = series.setdefault((p["metric"], fold_(place)), {
            "metric": p["metric"], "place": place, "figures": {}, "targets": {}})
        day = iso_day(p["date"])
        point = s["figures" if p["kind"] == "figure" else "targets"].setdefault(
            day, {"date": day, "total": 0.0, "n": 0, "article_id": p["article_id"], "id": p["id"]})
        point["total"] += p["total"]
        point["n"] += p["n"]
    out = []
    for s in series.values():
        for kind in ("figures", "targets"):
            s[kind] = sorted(s[kind].values(), key=lambda p: p["date"])
            for p in s[kind]:
                p["value"] = round(p.pop("total") / p["n"], 2)
        out.append(s)
    return sorted(out, key=lambda s: (s["metric"], fold_(s["place"]) not in own, s["place"]))


def iso_day(date: str) -> str:
    """'2025' → '2025-12-31', '2025-06' → '2025-06-28'; a full date stays as it is."""
    if len(date) == 4:
        return f"{date}-12-31"
    if len(date) == 7:
        return f"{date}-28"
    return date[:10]


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
    """Draw :func:`draw` into the PNG file ``out``."""
    import matplotlib.pyplot as plt

    fig = draw(view)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out, dpi=110)
    plt.close(fig)
    return out


def draw(view: dict):
    """Coverage over time as the web page draws it: one line per metric and place (the
    province, its former provinces, its districts and communes), targets as stars inside
    their deadline year, one x label per year. Returns the matplotlib figure."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(9, 5.2))
    colours = plt.get_cmap("tab10").colors
    years: list[int] = []
    series = view["series"]
    places = {s["place"] for s in series}
    for n, s in enumerate(series):
        colour = colours[n % len(colours)]
        name = values.metric(s["metric"]) + (f" — {s['place']}" if len(places) > 1 else "")
        points = [(d, p["value"]) for p in s["figures"] if (d := _date(p["date"]))]
        if points:
            ax.plot([p[0] for p in points], [p[1] for p in points], "o-", color=colour, label=name)
        targets = [(_target_date(p["date"]), p["value"], p["date"][:4]) for p in s["targets"]]
        if targets:
            ax.scatter([t[0] for t in targets], [t[1] for t in targets], marker="*", s=180, color=colour,
                       edgecolor="black", zorder=3, label=f"target: {name}")
            for d, value, year in targets:
                ax.annotate(f"{value:g} % by {year}", (d, value), textcoords="offset points",
                            xytext=(-8, 9), ha="right", fontsize=8)
        years += [d.year for d, _ in points] + [t[0].year for t in targets]
    ax.set_title(f"Insurance coverage — {view['province']}")
    ax.set_ylabel("% of population / labour force")
    if years:
        # Whole years, a gridline at each new year and the year's label in the middle of it.
        ax.set_xlim(datetime(min(years), 1, 1), datetime(max(years) + 1, 1, 1))
        step = max(1, (max(years) - min(years) + 1) // 10 + 1)
        ax.xaxis.set_major_locator(mdates.YearLocator(step))
        ax.xaxis.set_major_formatter(plt.NullFormatter())
        ax.xaxis.set_minor_locator(mdates.YearLocator(step, month=7, day=1))
        ax.xaxis.set_minor_formatter(mdates.DateFormatter("%Y"))
        ax.tick_params(axis="x", which="minor", length=0)
    ax.grid(alpha=0.3)
    if ax.get_legend_handles_labels()[0]:
        ax.legend(loc="lower right", fontsize=8)
    else:
        ax.text(0.5, 0.5, "no coverage figures yet", ha="center", va="center", transform=ax.transAxes)
    fig.tight_layout()
    return fig


def _target_date(day: str) -> datetime:
    """Where a target "by 2025" is drawn: 1 December 2025, inside its year's band."""
    return datetime(int(day[:4]), 12, 1)


def _date(value: str | None) -> datetime | None:
    """ISO date, year-month or year → a datetime (year → 31 December)."""
    if not value:
        return None
    value = value[:10]
    for fmt, fix in (("%Y-%m-%d", None), ("%Y-%m", None), ("%Y", "-12-31")):
        try:
            return datetime.strptime(value + (fix or ""), fmt + ("-%m-%d" if fix else ""))
        except ValueError:
            continue
    return None
