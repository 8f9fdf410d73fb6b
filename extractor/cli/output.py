"""Printing data the three ways every command offers: a rich table, JSON, or CSV."""
from __future__ import annotations

import csv
import json
import sys


def emit(rows: list[dict], fmt: str, columns: list[str], *, title: str | None = None,
         empty: str = "nothing found") -> None:
    """Print ``rows``: the table shows ``columns``; JSON and CSV carry every field."""
    if fmt == "json":
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        print()
    elif fmt == "csv":
        fields = list(rows[0]) if rows else columns
        writer = csv.DictWriter(sys.stdout, fieldnames=fields, lineterminator="\n", extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v
                             for k, v in row.items()})
    else:
        table(rows, columns, title=title, empty=empty)


def table(rows: list[dict], columns: list[str], *, title: str | None = None, empty: str = "nothing found") -> None:
    """A rich table of ``columns`` (long text folds), or one dim line saying nothing was found."""
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table
    from rich.text import Text

    console = Console()
    if not rows:
        console.print(f"[dim]{escape(title + ': ' if title else '')}{escape(empty)}[/dim]")
        return
    t = Table(title=escape(title) if title else None, show_lines=True, title_justify="left")
    for col in columns:
        t.add_column(col.replace("_", " "), overflow="fold",
                     max_width=60 if col in ("sentence", "evidence", "title", "url") else None)
    for row in rows:
        t.add_row(*(Text(_cell(row.get(c))) for c in columns))
    console.print(t)


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(map(str, value))
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
