"""Figures and targets as an analyst reads them, written one way everywhere.

The command-line tables, the web pages and ``extract --explain`` all print a quantity
through these functions, so "≥ 95 %", "1.1 billion VND" or "12,500" look the same in
every place (the stored values stay raw: ``>=``, ``1100000000.0``).
"""
from __future__ import annotations

from typing import Any, Mapping

COMPARATORS = {">=": "≥", ">": ">", "~": "~", "=": "", "<=": "≤", "<": "<"}  # "95 %", not "= 95 %"
QUALIFIERS = {"approx": "~", "more_than": ">", "at_least": "≥", "less_than": "<", "at_most": "≤"}
UNITS = {"percent": " %", "percentage_point": " pp"}
_SCALES = ((1e9, "billion"), (1e6, "million"))


def number(value: float | int | None) -> str:
    """93.9 → "93.9"; 12500 → "12,500"; 86800000 → "86.8 million"; 1212400 → "1,212,400".

    Millions and billions are written as words when that loses nothing (at most two
    decimals), else every digit is kept.
    """
    if value is None:
        return ""
    v = float(value)
    for scale, word in _SCALES:
        if abs(v) >= scale and abs(round(v / scale, 2) * scale - v) < 0.5:
            return f"{_plain(v / scale)} {word}"
    return _plain(v)


def _plain(v: float) -> str:
    if v.is_integer():
        return f"{v:,.0f}"
    return f"{v:,.2f}".rstrip("0").rstrip(".")


def quantity(value: float | int | None, unit: str | None = None, currency: str | None = None) -> str:
    """The number with its unit: "93.9 %", "2.5 pp", "1.1 billion VND", "12,500"."""
    if value is None:
        return ""
    if unit == "currency":
        return f"{number(value)} {currency}".rstrip() if currency else number(value)
    return number(value) + UNITS.get(unit or "", "")


def comparator(op: str | None) -> str:
    """A target's stored comparator (``>=``) as read (``≥``; ``=`` needs no sign); unknown
    ones stay as they are."""
    return COMPARATORS[op] if op in COMPARATORS else (op or "")


def qualifier(q: str | None) -> str:
    """A figure's qualifier as a sign ("at_least" → "≥"); exact figures get none."""
    return QUALIFIERS.get(q or "", "")


def metric(m: str | None) -> str:
    """"health_insurance_coverage" → "health insurance coverage"; "other" and None → ""."""
    return "" if m in (None, "", "other") else m.replace("_", " ")


def describe(item: Mapping[str, Any]) -> str:
    """One line for a figure or target: "≥ 95 % health insurance coverage by 2025"."""
    qty = quantity(item.get("value"), item.get("unit"), item.get("currency"))
    if item.get("kind") == "target":
        cmp = comparator(item.get("comparator"))
        by = f"by {item['year']}" if item.get("year") else ""
        return " ".join(p for p in ("target", cmp, qty, metric(item.get("metric")), by) if p)
    as_of = f"as of {item['as_of']}" if item.get("as_of") else ""
    return " ".join(p for p in (qualifier(item.get("qualifier")), qty, metric(item.get("metric")), as_of) if p)
