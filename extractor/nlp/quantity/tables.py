"""Tables the reader flattened to one row a paragraph, cells joined by " | " (an HTML
``<table>``): the header row names each column, and the column says what its cells are. An
index column ("STT", "No.") holds no quantities; a plan column ("Chỉ tiêu giao", "Target")
holds goals, and the other columns of that table results; under a lead-in that announces
goals ("Chỉ tiêu … giao cho các tỉnh như sau:") every value is a goal, due in the year its
column names ("Năm 2027"); a header with "%" makes its bare numbers percentages. Header
words are data (``quantity_columns.jsonl``).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from extractor.nlp.quantity.clauses import ANY_YEAR, Item
from extractor.nlp.quantity.cues import cue_marks
from extractor.nlp.quantity.metric import INSURANCES
from extractor.nlp.quantity.rules import YEAR, Rules

_ROW = re.compile(r"^[^\n]*\|[^\n]*$", re.M)
_BAR = re.compile(r"\|")
_DIGITS = re.compile(r"\d")

Cell = tuple[int, int]


def _cells(text: str, start: int, end: int) -> list[Cell]:
    cells, pos = [], start
    for m in _BAR.finditer(text, start, end):
        cells.append((pos, m.start()))
        pos = m.end()
    cells.append((pos, end))
    return cells


def tables(text: str) -> list[tuple[int, list[str], list[list[Cell]]]]:
    """Each table: where its header starts, its header cells' words and its rows of cells. A
    table is a run of rows with as many cells as its header, nothing but blank lines between
    them; its header is its first row and holds no digit outside a year or a "%" sign."""
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
        if body and len(head) >= 2 and not any(_DIGITS.search(ANY_YEAR.sub("", w)) for w in words):
            found.append((start, words, body))
        n = max(k, n + 1)
    return found


@dataclass
class Cells:
    """What the tables say of their cells' items, keyed by ``id(item)``."""

    roles: dict[int, str] = field(default_factory=dict)        # "goal" | "result", once the cues have spoken
    years: dict[int, int] = field(default_factory=dict)        # the year the column names ("Năm 2027")
    heads: dict[int, tuple[int, int]] = field(default_factory=dict)  # the table's lead-in and header


def column_roles(text: str, items: list[Item], r: Rules, year_now: int | None) -> Cells:
    """Mark each table cell's items by their column: index cells are skipped, a bare number under
    a "%" header becomes a percentage; the cells of tables with a plan column or under a lead-in
    announcing goals get their role, and every cell its column's year and its table's head."""
    cells = Cells()
    order = sorted(items, key=lambda it: it.num.start)
    starts = [it.num.start for it in order]
    for start, header, body in tables(text):
        kinds = [_kind(h, r) for h in header]
        heads = [YEAR.search(h) for h in header]
        planned = "goal" in kinds
        lead = _lead_in(text, start)
        announced = _announces_goals(text, lead, r, year_now)
        for row in body:
            for (s, e), head, kind, year in zip(row, header, kinds, heads):
                for it in order[bisect_left(starts, s):bisect_left(starts, e)]:
                    if kind == "index":
                        it.skip = "index"
                        continue
                    if "%" in head and it.unit == "count":
                        it.unit = "percent"
                    if planned or announced:
                        cells.roles[id(it)] = "goal" if kind == "goal" or (announced and kind != "result") else "result"
                    if year:
                        cells.years[id(it)] = int(year.group(1))
                    cells.heads[id(it)] = (lead[0], row[0][0])
    return cells


def headed_metrics(decided: list[tuple[Item, str | None]], metrics: list[str | None],
                   tags: list[tuple[int, int, str]], cells: Cells) -> list[str | None]:
    """A cell says nothing of what it measures; its table's lead-in and header do ("Chỉ tiêu bao phủ
    BHYT …", "Tỷ lệ bao phủ BHYT (%)"): one insurance named there with a coverage word makes its
    percentages coverage rates, with a participation word its counts head-counts. A percentage
    among the results of a table with a plan column is the plan's share (other)."""
    out = list(metrics)
    said_in: dict[tuple[int, int], set[str]] = {}  # the words of each head, read once
    for n, (it, _) in enumerate(decided):
        span = cells.heads.get(id(it))
        if span is None or out[n] not in (None, "other") \
                or (it.unit == "percent" and cells.roles.get(id(it)) == "result"):
            continue
        if span not in said_in:
            said_in[span] = {t[2] for t in tags if span[0] <= t[0] < span[1]}
        said = said_in[span]
        named = [k for k in INSURANCES if k in said]
        if len(named) != 1:
            continue
        if it.unit == "percent" and said & {"coverage", "rate", "participation"}:
            out[n] = f"{named[0]}_insurance_coverage"
        elif it.unit == "count" and said & {"participation", "participant"}:
            out[n] = f"{named[0]}_insurance_participants"
    return out


def _lead_in(text: str, start: int) -> tuple[int, int]:
    """The paragraph before a table's header."""
    end = start
    while end and text[end - 1].isspace():
        end -= 1
    return text.rfind("\n\n", 0, end) + 1, end


def _announces_goals(text: str, lead: tuple[int, int], r: Rules, year_now: int | None) -> bool:
    """Does the lead-in end with ':' and speak of goals ("Chỉ tiêu bao phủ BHYT … như sau:")?"""
    if text[lead[1] - 1:lead[1]] != ":":
        return False
    return any(kind == "target" for _, _, kind, _ in cue_marks(text, lead[0], lead[1], r, year_now))


def _kind(header: str, r: Rules) -> str | None:
    for pattern, role in r.columns:
        if pattern.search(header):
            return role
    return None
