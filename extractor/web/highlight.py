"""Cut an article's text into plain and highlighted segments, for the article page.

Items carry character offsets into the article text; the page shows the text with
every item marked in place (the ``--explain`` view in the browser). Templates escape
each segment, so nothing in an article can turn into markup.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable


@dataclass
class Segment:
    text: str
    item: dict[str, Any] | None = None


def segments(text: str, items: Iterable[dict[str, Any]]) -> list[Segment]:
    """Split ``text`` at the items' ``start``/``end`` offsets.

    Overlapping items (a figure inside an initiative's name, say) cannot both be marked
    inline: the one starting first (the longer on a tie) wins, and the others are still
    listed beside the text. Offsets outside the text are ignored rather than trusted.
    """
    spans = sorted(
        (i for i in items if _valid(i, len(text))),
        key=lambda i: (i["start"], -(i["end"] - i["start"])),
    )
    out: list[Segment] = []
    pos = 0
    for item in spans:
        if item["start"] < pos:
            continue
        if item["start"] > pos:
            out.append(Segment(text[pos:item["start"]]))
        out.append(Segment(text[item["start"]:item["end"]], item))
        pos = item["end"]
    if pos < len(text):
        out.append(Segment(text[pos:]))
    return out


def _valid(item: dict[str, Any], length: int) -> bool:
    start, end = item.get("start"), item.get("end")
    return isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= length


_SENTENCE_END = re.compile(r"[.!?…](?=\s)|\n")


def sentence_around(text: str, start: int, end: int, *, limit: int = 400) -> tuple[str, int, int]:
    """The sentence of ``text`` holding ``[start, end)``, and the item's offsets inside it.

    Used for the evidence line of a search result when the store kept no sentence. A
    full stop counts only before white space ("9.000" is a number, not two sentences);
    the search is bounded by ``limit`` characters each way so a text without
    punctuation does not turn into a wall of text.
    """
    lo = max(0, start - limit)
    s = lo
    for m in _SENTENCE_END.finditer(text, lo, start):
        s = m.end()
    m = _SENTENCE_END.search(text, end, min(len(text), end + limit))
    e = m.end() if m else min(len(text), end + limit)
    while s < start and text[s].isspace():
        s += 1
    sentence = text[s:e].rstrip()
    return sentence, start - s, min(end - s, len(sentence))
