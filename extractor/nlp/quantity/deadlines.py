"""The year a target is due: its own deadline phrase, its sentence's or list lead-in's, a
table column's year, else the year of the plan the article reports on. A past year is a
deadline only where the goal's own words state it.
"""
from __future__ import annotations

import re

from extractor.nlp.quantity.clauses import Item
from extractor.nlp.quantity.rules import YEAR, Rules


DEADLINE_REACH = 16  # characters from a deadline word to its year ("by the end of 2025")
BASELINE_REACH = 40  # characters between a comparison word and its year ("compared to the same period of 2024")


def _deadline_phrase(text: str, lo: int, at: int, r: Rules) -> bool:
    """Does a deadline word lead up to the year at ``at`` ("d'ici fin 2025", "by the end of
    2025", "đến hết năm 2025")? A past year so stated is still the one due: a report
    written after it restates the goal."""
    before = text[max(lo, at - DEADLINE_REACH):at]
    return bool(r.deadline_word and r.deadline_word.search(before))


def past_year(s: str, year_now: int) -> bool:
    m = YEAR.search(s)
    return bool(m and int(m.group(1)) < year_now)


def deadline_year(text: str, it: Item, r: Rules, year_now: int | None, items: list[Item],
                  headline_year: int | None = None) -> int | None:
    """The deadline of a target: the first year phrase after the number in its clause
    (before any other number, or a coordinator that leads to one: "35 % by 2026 and
    45 % by 2030"), else the nearest one before it, else the same in its sentence, else
    in the lead-in of the list it stands in, else, in a sentence that takes up the one before
    ("Theo đó, …", "Accordingly, …"), the last year stated since the previous paragraph began,
    else the year of the plan the article last named before it, else ``headline_year``, the
    deadline its headline states (``headline_deadline``). A year before ``year_now`` is a
    deadline only in the goal's own clause or after a deadline word ("D'ici fin 2025" in a
    report of 2026); elsewhere it dates a result ("Năm 2025, … đạt 92%; phấn đấu đạt 94%")."""
    lead_in = (it.scope[0], _lead_in_end(text, it)) if it.listed else it.scope
    for scope, (lo, hi) in enumerate((it.clause, it.sentence, lead_in)):
        found = []
        dated = list(r.deadline_date.finditer(text, lo, hi)) if r.deadline_date else []
        for m in [*YEAR.finditer(text, lo, hi), *dated]:
            y = int(m.group(1))
            if r.baseline and r.baseline.search(text, max(lo, m.start() - BASELINE_REACH), m.start()):
                continue  # "tăng 5% so với năm 2024": the year compared against, not the one due
            if year_now is None or y >= year_now or scope == 0 or _deadline_phrase(text, lo, m.start(), r):
                found.append((m.start(), y))
        if year_now:
            for pat, offset in r.relative_years:
                found += [(m.start(), year_now + offset) for m in pat.finditer(text, lo, hi)]
        if not found:
            continue
        nxt = min((o.start for o in items if o.start >= it.end and o is not it), default=hi)
        if nxt < hi and r.coordinator:  # "95 % … et vise, d'ici 2030, 35 %": 2030 is the next one's
            joined = r.coordinator.search(text, it.end, nxt)
            nxt = joined.start() if joined else nxt
        # "94 % by 2025, in 2026 at least 95 %": a year after a comma opens the next number's phrase
        later = [f for f in found if it.end <= f[0] < nxt and not (nxt < hi and "," in text[it.end:f[0]])]
        if later:
            return min(later)[1]
        earlier = [f for f in found if f[0] < it.start]
        return (max(earlier) if earlier else min(found))[1]
    taken_up = _taken_up_year(text, it, r, year_now)
    if taken_up:
        return taken_up
    plans = [int(m.group(1)) for m in r.plan_year.finditer(text, 0, it.start)] if r.plan_year else []
    plans = [y for y in plans if year_now is None or y >= year_now]
    return plans[-1] if plans else headline_year  # the goals of "the Plan for 2025" are 2025's


def _lead_in_end(text: str, it: Item) -> int:
    """Where a list's lead-in ends: at its colon, so that the items between it and this one
    (and a first item run into the lead-in's sentence) lend this one no year."""
    colon = text.find(":", it.scope[0], it.sentence[0])
    return colon if colon != -1 else it.sentence[0]


def _taken_up_year(text: str, it: Item, r: Rules, year_now: int | None) -> int | None:
    """"… giao chỉ tiêu … năm 2027 cho các huyện. Theo đó, huyện A phấn đấu có 12.400 người …": the year of
    the decision a sentence takes up, stated since the start of the paragraph before."""
    start = it.sentence[0]
    if not (r.follow and r.follow.match(text, start)):
        return None
    para = text.rfind("\n", 0, start) + 1  # this paragraph's start
    lo = para if text[para:start].strip() else text.rfind("\n", 0, len(text[:para].rstrip())) + 1
    years = [int(m.group(1)) for m in YEAR.finditer(text, lo, start)
             if not (r.baseline and r.baseline.search(text, max(lo, m.start() - BASELINE_REACH), m.start()))]
    years = [y for y in years if year_now is None or y >= year_now]
    return years[-1] if years else None


_YEAR_SPAN = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)(?!\d)")
TITLE_DEADLINE_GAP = 25  # characters between a deadline word and its year in a headline ("d'ici fin 2030")


def headline_deadline(title: str, r: Rules, year_now: int | None) -> int | None:
    """The year a headline sets as a deadline ("… d'ici 2030", "Mục tiêu đến 2025, …"), or
    the last year of the term or period it names ("Chỉ tiêu phát triển giai đoạn 2026-2030")."""
    if title and r.term_word:
        for m in _YEAR_SPAN.finditer(title):
            y = int(m.group(2))
            if (year_now is None or y >= year_now) and r.term_word.search(title, 0, m.start()):
                return y
    if not title or not r.deadline_word:
        return None
    for m in YEAR.finditer(title):
        y = int(m.group(1))
        if (year_now is None or y >= year_now) \
                and r.deadline_word.search(title, max(0, m.start() - TITLE_DEADLINE_GAP), m.start()):
            return y
    return None


_COLUMN_YEAR = re.compile(r"^[ \t]*(?:[^\W\d]+[ \t]+)?((?:19|20)\d\d)[ \t]*$", re.M)


def column_years(text: str, items: list[Item]) -> dict[int, int]:
    """A table flattened one cell to a line whose header names a year per column ("Năm
    2022", "Năm 2023" … then per row "Hà Nội", "91,66%", "92,4%" …): each cell of a full row
    takes its column's year. Keyed by the item's position in ``items``."""
    years: dict[int, int] = {}
    by_lead: dict[int, list[int]] = {}
    for i, it in enumerate(items):
        if it.listed:
            by_lead.setdefault(it.scope[0], []).append(i)
    for lead, members in by_lead.items():
        head = [int(m.group(1)) for m in _COLUMN_YEAR.finditer(text, lead, items[members[0]].start)]
        if len(head) < 2 or head != sorted(head):
            continue
        rows: list[list[int]] = []
        for i in members:  # a row: cells with nothing but line breaks between them
            if rows and not text[items[rows[-1][-1]].end:items[i].start].strip():
                rows[-1].append(i)
            else:
                rows.append([i])
        for row in rows:
            if len(row) == len(head):
                years.update(zip(row, head))
    return years
