"""Goal cues found in a stretch of text, and the present brought back after a ';'.

Shared by the readers of single clauses (``goals.py``) and of plans across sentences
(``plans.py``).
"""
from __future__ import annotations

from extractor.nlp.quantity.deadlines import past_year
from extractor.nlp.quantity.rules import Rules


def cue_marks(text: str, lo: int, hi: int, r: Rules, year_now: int | None) -> list[tuple[int, int, str, str]]:
    """The goal cues of ``text[lo:hi]`` (start, end, kind, position), the longest where they
    overlap; a goal cue naming a past year is no deadline ("trong năm 2025" is one only after 2025),
    while a result cue stays one ("met its 2025 target")."""
    chunk, marks = text[lo:hi], []
    for pat, kind, pos, future in r.cues:
        for m in pat.finditer(chunk):
            if kind != "target" or not (year_now and past_year(m.group(0), year_now + future)):
                marks.append((m.start() + lo, m.end() + lo, kind, pos))
    return _longest(marks)


def present_after_semicolon(gap: str, r: Rules) -> bool:
    """Does the gap after a ';' bring the present back? A change verb opening the next item
    does not: in a goal list "…; tỷ lệ hộ nghèo giảm 1-1,5%/năm; …" the change is a goal too."""
    m = r.present.search(gap) if r.present else None
    return bool(m and not (r.change_before and r.change_before.search(gap[:m.end()])))


def _longest(marks):
    """Drop cue matches contained in a longer one ("đạt mục tiêu" over "mục tiêu")."""
    marks.sort(key=lambda m: (m[0], -(m[1] - m[0])))
    kept = []
    for m in marks:
        if any(k[0] <= m[0] and m[1] <= k[1] and (k[3] == m[3] or k[2] != "target") for k in kept):
            continue  # a goal phrase that follows its number ("aims to reach") keeps "aims" alive
        kept.append(m)
    kept = [m for m in kept if m[2] != "none"]
    return sorted(kept, key=lambda m: m[0])
