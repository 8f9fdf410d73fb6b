"""The coverage league table as an export (``extractor export --what provinces``).

Kept apart from :mod:`extractor.store.export` (articles and items) but made the same way:
stable order and ids (item and article ``uid``, never row numbers), no timestamps, so two
exports of one corpus are byte-identical.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

from extractor.store.export import write_rows
from extractor.store.league import league_table

LEAGUE_COLUMNS = {  # name → (parquet type, meaning); the README's data dictionary
    "province": ("string", "today's province, or a pre-2025 province merged into parent"),
    "parent": ("string", "for a pre-2025 province: the province it is part of today; else empty"),
    "health_rate": ("double", "latest reported health-insurance coverage, % of the population"),
    "health_date": ("string", "the date that rate refers to (as_of, else publication date)"),
    "social_rate": ("double", "latest reported social-insurance coverage, % of the labour force"),
    "social_date": ("string", "the date that rate refers to"),
    "target": ("double", "nearest health-insurance coverage target, %"),
    "target_comparator": ("string", ">= > ~ = <= <"),
    "target_year": ("int64", "its deadline year"),
    "gap": ("double", "target − rate, percentage points"),
    "articles": ("int64", "articles about the province"),
    "initiatives": ("int64", "initiative-registry entries in the province"),
    "languages": ("list", "languages the rate was reported in (one story, one figure)"),
    "article_uid": ("string", "the article the rate was read from"),
    "item_uid": ("string", "the figure (items export uid)"),
    "url": ("string", "that article's URL"),
    "sentence": ("string", "the sentence the rate was read from"),
    "lat": ("double", "centre of the province, latitude"),
    "lon": ("double", "centre of the province, longitude"),
}


def export_league(conn: sqlite3.Connection, what: str, fmt: str, out: str | Path | None) -> int:
    """Write the league table as ``fmt`` (jsonl | csv | parquet) to ``out`` (stdout when None);
    returns the number of rows. ``what`` is "provinces" (the signature of ``export.export``)."""
    rows = [{c: r.get(c) for c in LEAGUE_COLUMNS} for r in league_table(conn)]
    return write_rows(rows, LEAGUE_COLUMNS, fmt, out)
