"""The date a figure describes, from the date phrases of its sentence."""
from __future__ import annotations

import calendar
import re

from extractor.nlp.quantity.clauses import Item, norm
from extractor.nlp.quantity.rules import Rules


def as_of(text: str, it: Item, r: Rules, published: str | None) -> str | None:
    """The date the figure describes, from the date phrases of its sentence."""
    ss, se = it.sentence
    sent = text[ss:se]
    year_now = int(published[:4]) if published else None
    best = None
    for m in re.finditer(r"(?<![\d/])(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)(?![\d/])", sent):
        best = _pick(best, m.start(), _iso(int(m.group(3)), int(m.group(2)), int(m.group(1))), it.start - ss)
    for m in re.finditer(r"(?<![\d/])(\d{1,2})/((?:19|20)\d\d)(?![\d/])", sent):
        end = bool(r.ends and r.ends.search(sent[max(0, m.start() - 20):m.start()].replace("tháng", "").rstrip()))
        month, year = int(m.group(1)), int(m.group(2))
        if 1 <= month <= 12:
            val = _iso(year, month, calendar.monthrange(year, month)[1]) if end else f"{year}-{month:02d}"
            best = _pick(best, m.start(), val, it.start - ss)
    if r.date_re:
        for m in r.date_re.finditer(sent):
            month = r.months.get(norm(m.group("m")))
            if not month:
                continue
            year = int(m.group("y")) if m.group("y") else year_now
            if year is None:
                continue
            day = m.group("d1") or m.group("d2")
            if not m.group("y") and published and f"{year}-{month:02d}" > published[:7]:
                year -= 1
            if day and 1 <= int(day) <= 31:
                val = _iso(year, month, int(day))
            elif m.group("end"):
                val = _iso(year, month, calendar.monthrange(year, month)[1])
            else:
                continue
            if val:
                best = _pick(best, m.start(), val, it.start - ss)
    if best is None and r.year_prefix:
        for m in r.year_prefix.finditer(sent):
            y = int(m.group(1))
            if year_now is None or y <= year_now:
                best = _pick(best, m.start(), str(y), it.start - ss)
    return best[1] if best else None


def _pick(best, pos: int, val: str | None, at: int):
    if val is None:
        return best
    d = abs(pos - at) + (0 if pos <= at else 30)
    return (d, val) if best is None or d < best[0] else best


def _iso(y: int, m: int, d: int) -> str | None:
    try:
        return f"{y:04d}-{m:02d}-{min(d, calendar.monthrange(y, m)[1]):02d}"
    except (ValueError, calendar.IllegalMonthError):
        return None


_FULL_DATE = re.compile(r"(?<![\d/.])(?:\d{1,2}[/.])?\d{1,2}[/.]((?:19|20)\d\d)(?![\d/])")


def reporting_year(text: str, r: Rules) -> int | None:
    """The year an undated article reports from: the latest year of its day or month dates
    ("30/6/2021", "6/2021", "June 30, 2021", "tháng 6 năm 2021"), which state when figures
    stood, not deadlines. Without it, a past deadline ("so với cuối năm 2024" in a report
    dated 2025) could not be told from a future one."""
    years = [int(m.group(1)) for m in _FULL_DATE.finditer(text)]
    if r.date_re:
        years += [int(m.group("y")) for m in r.date_re.finditer(text)
                  if m.group("y") and r.months.get(norm(m.group("m")))]
    return max(years) if years else None
