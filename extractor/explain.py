"""`extractor extract --explain`: a record as text a person can check by eye.

Each item is printed with its key fields (figures and targets written as the tables write
them: "≥ 95 %", "1.1 billion VND") and the sentence it was read from, the item's own words
highlighted, so a reviewer sees at once whether the evidence supports it.
Highlighting is ANSI colour on a terminal and plain ``[[…]]`` brackets otherwise (logs,
files, pipes).
"""
from __future__ import annotations

import sys

from extractor import values
from extractor.record import Record

_ON, _OFF = "\x1b[1;33m", "\x1b[0m"
_DIM, _BOLD = "\x1b[2m", "\x1b[1m"


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around [start, end) in ``text``; light split on stops and line breaks."""
    from extractor.nlp.sentences import split

    for s, e in split(text):
        if s <= start < e:
            return s, max(e, end)
    return start, end


def _evidence(text: str, start: int, end: int, color: bool) -> str:
    if not text or not (0 <= start < end <= len(text)):
        return ""
    s, e = _sentence(text, start, end)
    on, off = (_ON, _OFF) if color else ("[[", "]]")
    return f"{text[s:start]}{on}{text[start:end]}{off}{text[end:e]}".replace("\n", " ")


def _fields(pairs: list[tuple[str, object]]) -> str:
    return "  ".join(f"{k}={v}" for k, v in pairs if v not in (None, "", []))


def explain(record: Record, *, color: bool | None = None) -> str:
    """The record's header, then every item with its fields and highlighted evidence."""
    color = sys.stdout.isatty() if color is None else color
    head = (lambda s: f"{_BOLD}{s}{_OFF}") if color else (lambda s: s)
    dim = (lambda s: f"{_DIM}{s}{_OFF}") if color else (lambda s: s)
    text = record.text or ""
    out = [head(f"# {record.title or '(no title)'}"),
           _fields([("input", record.input), ("language", record.language), ("published", record.published),
                    ("source_url", record.source_url), ("relevant", record.relevant),
                    ("provinces", ", ".join(record.provinces) or None)])]
    if record.relevance:
        out.append(f"relevance score {record.relevance.score:g}: " + "; ".join(record.relevance.reasons))
    if record.error:
        out.append(f"error: {record.error}")

    def section(title: str, items: list, describe) -> None:
        out.append("")
        out.append(head(f"## {title} ({len(items)})"))
        for item in items:
            out.append(f"- {describe(item)}")
            if getattr(item, "in_title", False):
                out.append("    " + dim("> (headline) ") + item.text)
                continue
            for start, end in _spans(item):
                ev = _evidence(text, start, end, color)
                if ev:
                    out.append("    " + dim("> ") + ev)

    section("figures", record.figures, lambda f: _quantity("figure", f))
    section("targets", record.targets, lambda t: _quantity("target", t))
    section("localities", record.localities, lambda loc: _fields([
        ("name", loc.name), ("level", loc.level), ("province", loc.province),
        ("province_before_2025", loc.province_before_2025), ("mentions", len(loc.mentions))]))
    section("initiatives", record.initiatives, lambda i: _fields([
        ("name", i.name), ("locality", i.locality), ("province", i.province)]))
    section("people", record.people, lambda p: _fields([
        ("name", p.name), ("role", p.role), ("organization", p.organization)]))
    return "\n".join(out)


def _quantity(kind: str, item) -> str:
    """A figure or target as the tables write it ("≥ 95 % health insurance coverage by 2025",
    "1.1 billion VND"), then its place."""
    line = values.describe({"kind": kind, **item.model_dump()})
    return f"{line}  · {item.locality}" if item.locality else line


def _spans(item) -> list[tuple[int, int]]:
    """Evidence spans of an item: its own, or a locality's first mention."""
    if hasattr(item, "mentions"):
        return [(m.start, m.end) for m in item.mentions[:1]]
    return [(item.start, item.end)]
