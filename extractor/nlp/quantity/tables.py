"""Tables the reader flattened to one row a paragraph, cells joined by " | " (an HTML
``<table>``), or that a text copy flattened to one cell a line: the header row names each
column, and the column says what its cells are. An
index column ("STT", "No.") holds no quantities; a plan column ("Chỉ tiêu giao", "Target")
holds goals, and the other columns of that table results; under a lead-in that announces
goals ("Chỉ tiêu … giao cho các tỉnh như sau:") every value is a goal, due in the year its
column names ("Năm 2027"); a header with "%" makes its bare numbers percentages, a unit
column ("Đơn vị tính") its row's. Header words are data (``quantity_columns.jsonl``).
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


def _heading_word(word: str) -> bool:
    """A header cell holds no digit outside a year or a "%" sign."""
    return not _DIGITS.search(ANY_YEAR.sub("", word))


CAPTION_CHARS = 120  # a lead-in this short without a final stop is a table's caption
CELL_LINE = 60  # a line this short, with no sentence in it, may be one cell of a table
_PERCENT_UNIT = re.compile(r"\(\s*[^()\d]{0,20}:\s*%\s*\)")  # a caption's unit: "(đơn vị: %)", "(unit: %)"
_LINE = re.compile(r"[^\n]+")
_STOP_IN_CELL = re.compile(r"[.!?;:](?:\s|$)")  # a stop that makes a line a sentence, not a cell ("95.6" is a cell)
_VALUE = re.compile(r"[≥≤><~+-]?\s*\d[\d.,  ]*\s*%?")  # a cell that is a number: "14.250", "95,6", "≥ 96%"


def cell_tables(text: str) -> list[tuple[int, list[str], list[list[Cell]]]]:
    """Tables a text copy of a page flattened one cell a line ("TT", "Đơn vị", "Kế hoạch 2026",
    "Thực hiện", then "1", "Xã A", "1.250", "980", …): a run of short lines, blank lines between,
    whose header is its leading lines without numbers and whose rest falls into rows of as many
    cells, each column holding numbers in every row or in none (the first may hold an index or a
    "Tổng cộng"). A run that does not fall into such rows is left to the other readers."""
    lines = list(_LINE.finditer(text))
    found, n = [], 0
    while n < len(lines):
        run = []
        while n < len(lines) and _cell_line(lines[n].group(0)) \
                and (not run or not text[run[-1].end():lines[n].start()].strip()):
            run.append(lines[n])
            n += 1
        if not run:
            n += 1
            continue
        words = [m.group(0).strip() for m in run]
        first = next((k for k, w in enumerate(words) if _VALUE.fullmatch(w)), len(words))
        # the first value opens the first row: its index ("1"), else the value after its name
        indexed = words[first:first + 1] == ["1"]
        width = first if indexed else first - 1
        rows = _rows(text, run[width:], width, indexed) if width >= 2 else None
        if rows:
            numeric = [[bool(_VALUE.fullmatch(text[a:b].strip())) for a, b in row[1:]] for row in rows]
            if all(len({flags[j] for flags in numeric}) == 1 for j in range(width - 1)) and any(numeric[0]):
                found.append((run[0].start(), words[:width], rows))
    return found


def _rows(text: str, body: list[re.Match], width: int, indexed: bool) -> list[list[Cell]] | None:
    """The body's cells in rows of ``width``; in an indexed table a row without its index (a
    "Tổng cộng" row) has an empty first cell. None when the cells do not fall into rows."""
    rows, k = [], 0
    while k < len(body):
        cells = [(m.start(), m.end()) for m in body[k:k + width]]
        if indexed and not _VALUE.fullmatch(body[k].group(0).strip()):
            cells = [(body[k].start(), body[k].start())] + cells[:width - 1]  # no index: a total row
            k += width - 1
        else:
            k += width
        if len(cells) < width:
            return None
        rows.append(cells)
    return rows


def _cell_line(line: str) -> bool:
    line = line.strip()
    return 0 < len(line) <= CELL_LINE and "|" not in line and not _STOP_IN_CELL.search(line)


def tables(text: str) -> list[tuple[int, list[str], list[list[Cell]]]]:
    """Each table: where its header starts, its header cells' words and its rows of cells. A
    table is a run of rows with as many cells as its header, nothing but blank lines between
    them; its header is its first row and holds no digit outside a year or a "%" sign. Tables
    flattened one cell a line are read too (``cell_tables``)."""
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
        if body and len(head) >= 2 and all(_heading_word(w) for w in words):
            found.append((start, words, body))
        n = max(k, n + 1)
    return found + cell_tables(text)


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
        percent_caption = bool(_PERCENT_UNIT.search(text, lead[0], lead[1]))
        caption_money = _money_unit(text[lead[0]:lead[1]], r)
        money = [_money_unit(h, r) or caption_money for h in header]
        unit_column = next((j for j, kind in enumerate(kinds) if kind == "unit"), None)
        for row in body:
            row_percent = unit_column is not None and text[row[unit_column][0]:row[unit_column][1]].strip() == "%"
            for (s, e), head, kind, year, scale in zip(row, header, kinds, heads, money):
                for it in order[bisect_left(starts, s):bisect_left(starts, e)]:
                    if kind == "index":
                        it.skip = "index"
                        continue
                    if ("%" in head or percent_caption or row_percent) and it.unit == "count":
                        it.unit = "percent"
                    elif scale and it.unit == "count" and not it.num.scaled:
                        it.unit, it.currency, it.value = "currency", scale[1], round(it.value * scale[0], 6)
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


def _money_unit(words: str, r: Rules) -> tuple[float, str | None] | None:
    """The scale and currency a header or caption gives its bare numbers ("Kế hoạch (tỷ
    đồng)", "Đơn vị tính: triệu đồng"): a scale word followed by a currency."""
    for pattern, unit, currency in r.units_after:
        for m in pattern.finditer(words):
            if unit != "currency":
                continue
            before = words[:m.start()].rstrip()
            scale = next((v for w, v in r.grammar.scales.items() if before.lower().endswith(w)), None)
            if scale:
                return scale, currency
    return None


def _lead_in(text: str, start: int) -> tuple[int, int]:
    """The paragraph before a table's header."""
    end = start
    while end and text[end - 1].isspace():
        end -= 1
    return text.rfind("\n\n", 0, end) + 1, end


def _announces_goals(text: str, lead: tuple[int, int], r: Rules, year_now: int | None) -> bool:
    """Does the lead-in, ending with ':' or a caption (a short line without a stop), speak of
    goals ("Chỉ tiêu bao phủ BHYT … như sau:", "Chỉ tiêu tỷ lệ bao phủ BHYT giai đoạn 2026 - 2028")?"""
    caption = lead[1] - lead[0] <= CAPTION_CHARS and text[lead[1] - 1:lead[1]] not in (".", "!", "?")
    if text[lead[1] - 1:lead[1]] != ":" and not caption:
        return False
    return any(kind == "target" for _, _, kind, _ in cue_marks(text, lead[0], lead[1], r, year_now))


def _kind(header: str, r: Rules) -> str | None:
    for pattern, role in r.columns:
        if pattern.search(header):
            return role
    return None
