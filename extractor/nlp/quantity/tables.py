"""Tables the reader flattened to one row a paragraph, cells joined by " | " (an HTML
``<table>``): the header row names each column, and the column says what its cells are. An
index column ("STT", "No.") holds no quantities; a plan column ("Chỉ tiêu giao", "Target")
holds goals, and the other columns of that table results; a header with "%" makes its bare
numbers percentages. Header words are data (``quantity_columns.jsonl``).
"""
from __future__ import annotations

import re

from extractor.nlp.quantity.clauses import Item
from extractor.nlp.quantity.rules import Rules

_ROW = re.compile(r"^[^\n]*\|[^\n]*$", re.M)
_DIGITS = re.compile(r"\d")

Cell = tuple[int, int]


def _cells(text: str, start: int, end: int) -> list[Cell]:
    cells, pos = [], start
    for m in re.finditer(r"\|", text[start:end]):
        cells.append((pos, start + m.start()))
        pos = start + m.end()
    cells.append((pos, end))
    return cells


def tables(text: str) -> list[tuple[list[str], list[list[Cell]]]]:
    """Each table: its header cells' words and its rows of cells. A table is a run of rows with
    as many cells as its header, nothing but blank lines between them; its header is its
    first row and holds no digit outside a year or a "%" sign."""
    rows = [(m.start(), m.end(), _cells(text, m.start(), m.end())) for m in _ROW.finditer(text)]
    found, n = [], 0
    while n < len(rows):
        start, end, head = rows[n]
        words = [text[s:e].strip() for s, e in head]
        body: list[list[Cell]] = []
        k = n + 1
        while k < len(rows) and len(rows[k][2]) == len(head) and not text[rows[k - 1][1]:rows[k][0]].strip():
            body.append(rows[k][2])
            k += 1
        if body and len(head) >= 2 and not any(_DIGITS.search(re.sub(r"(?:19|20)\d\d", "", w)) for w in words):
            found.append((words, body))
        n = max(k, n + 1)
    return found


def column_roles(text: str, items: list[Item], r: Rules) -> dict[int, str]:
    """Mark each table cell's items by their column: index cells are skipped, a bare number under
    a "%" header becomes a percentage. Returns ``id(item) → "goal" | "result"`` for the cells of
    tables that have a plan column, to be applied once the cues have spoken."""
    roles: dict[int, str] = {}
    for header, body in tables(text):
        kinds = [_kind(h, r) for h in header]
        planned = "goal" in kinds
        for row in body:
            for (s, e), head, kind in zip(row, header, kinds):
                for it in items:
                    if not (s <= it.num.start < e):
                        continue
                    if kind == "index":
                        it.skip = "index"
                    elif "%" in head and it.unit == "count":
                        it.unit = "percent"
                    if planned and kind != "index":
                        roles[id(it)] = "goal" if kind == "goal" else "result"
    return roles


def _kind(header: str, r: Rules) -> str | None:
    for pattern, role in r.columns:
        if pattern.search(header):
            return role
    return None
