"""Printing data the ways the commands offer: a rich table, JSON, JSON lines or CSV."""
from __future__ import annotations

import csv
import json
import re
import sys

# Columns holding one token that must never be broken (a date, a number, a code).
_NO_WRAP = {"date", "kind", "first_seen", "last_seen", "articles", "initiatives", "mentions", "as_of",
            "health", "social", "gap", "health_date", "social_date", "relevant", "items"}
NARROW = {"articles": "art.", "initiatives": "init.", "languages": "lang."}  # headings for tables with many columns
_LONG = {"sentence", "evidence", "title", "url", "item", "initiative"}
_LONGEST_WORD = 24  # a column is at least as wide as its longest word, up to this


def emit(rows: list[dict], fmt: str, columns: list[str], *, title: str | None = None,
         empty: str = "nothing found", total: int | None = None, headers: dict[str, str] | None = None) -> None:
    """Print ``rows``: the table shows ``columns``; JSON, JSON lines and CSV carry every field.

    ``total``: how many rows there were before a limit cut them; the table then says
    "showing 200 of 1,234" (the other formats say it on stderr, keeping stdout data only).
    """
    if fmt == "json":
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        print()
    elif fmt == "jsonl":
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
    elif fmt == "csv":
        fields = list(rows[0]) if rows else columns
        writer = csv.DictWriter(sys.stdout, fieldnames=fields, lineterminator="\n", extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v
                             for k, v in row.items()})
    else:
        table(rows, columns, title=title, empty=empty, headers=headers)
    if total is not None and total > len(rows):
        note = f"showing {len(rows):,} of {total:,} — use --limit N for more (0: all)"
        print(note, file=sys.stdout if fmt == "table" else sys.stderr)


def table(rows: list[dict], columns: list[str], *, title: str | None = None, empty: str = "nothing found",
          headers: dict[str, str] | None = None, compact: bool = False, nowrap: tuple[str, ...] = ()) -> None:
    """A rich table of ``columns`` that wraps only at spaces: dates and numbers never break,
    and a column is as wide as its longest word (the long ones, up to a limit).

    ``headers``: shorter headings for some columns; ``compact``: no rules between rows (for
    tables of short values, such as the league table); ``nowrap``: more columns whose values
    stay on one line."""
    from rich import box
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table
    from rich.text import Text

    console = Console()
    if not rows:
        console.print(f"[dim]{escape(title + ': ' if title else '')}{escape(empty)}[/dim]")
        return
    t = Table(title=escape(title) if title else None, show_lines=not compact, title_justify="left",
              box=box.SIMPLE_HEAD if compact else box.HEAVY_HEAD, pad_edge=not compact,
              show_edge=not compact, collapse_padding=compact)
    cells = [[_cell(row.get(c)) for c in columns] for row in rows]
    for n, col in enumerate(columns):
        no_wrap = col in _NO_WRAP or col in nowrap
        parts = [w for row in cells for w in ([row[n]] if no_wrap else re.split(r"\s+", row[n])) if w]
        longest = max(map(len, parts), default=0)
        header = (headers or {}).get(col, col.replace("_", " "))
        if no_wrap:
            t.add_column(header, no_wrap=True, min_width=max(longest, len(header)))
        else:
            t.add_column(header, overflow="fold", min_width=min(max(longest, len(header)), _LONGEST_WORD),
                         max_width=60 if col in _LONG else None, ratio=2 if col in _LONG else 1)
    for row in cells:
        t.add_row(*(Text(c) for c in row))
    console.print(t)


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(map(str, value))
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
