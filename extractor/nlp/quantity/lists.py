"""Lists and their lead-ins: which sentences are items of a list (bulleted, numbered, run into
one paragraph, table cells one to a line, paragraphs under a lead-in ending its line with a
colon) and where their lead-in starts; and the row numbers of such lists, which are no
quantities.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from extractor.nlp.quantity.clauses import Item

_LIST_ITEM = re.compile(r"[-•*–+▪·]\s|\(?\d{1,2}(?:[.)]|\)\.)\s")  # "- …", "1. …", "(2) …", "(3). …"
_NUMBERED_ITEM = re.compile(r"\(?1[.)]\s")  # the first item of a numbered list
_INLINE_ITEM = re.compile(r"\(\d{1,2}\)\s")  # "(2) …": an item of a numbered list run into one paragraph
_INLINE_LEAD = re.compile(r":\s*\(1\)\s")  # "… twelve key targets, namely: (1) …": the lead-in and its first item
HEADING_WORDS = 12  # a line this short, without a final stop, may head the list below it
CELL_CHARS = 40  # a line this short after a lead-in is a cell of a table flattened to lines
LEAD_PARAGRAPHS = 3  # paragraphs under a lead-in that ends its line with a colon, bullets or not


def headings(text: str, sentences: list[tuple[int, int]]) -> dict[tuple[int, int], int]:
    """List items ("- District A: 97,2%") and table cells flattened one to a line ("Hà Nội",
    "91,66%") under a lead-in sentence ending with a colon ("… coverage by district was as
    follows:"): the start of that lead-in, whose words say what the items' numbers measure.
    Two lead-ins in a row ("Targets for 2022-2025:" then "… are set as follows:") make one.
    A numbered list run into one paragraph ("… targets, including: (1) …. (2) …. (3) …") has
    its items in the sentences that open with their number."""
    found, lead, leading, in_item = {}, None, False, False
    paragraphs_left = 0  # paragraphs a lead-in ending its own line with a colon still heads
    for s, e in sentences:
        chunk = text[s:e]
        on_new_line = not text[text.rfind("\n", 0, s) + 1:s].strip()
        alone = on_new_line and (e == len(text) or text[e:e + 1] == "\n") and len(chunk) <= CELL_CHARS \
            and (len(chunk.split()) <= 2 or not chunk.rstrip().endswith((".", "!", "?")))  # not a short sentence
        if on_new_line and (_LIST_ITEM.match(chunk.lstrip()) or " | " in chunk):
            paragraphs_left = 0  # a bulleted list or a table: a paragraph without a bullet ends it
        elif on_new_line and paragraphs_left:
            paragraphs_left -= 1
            alone = alone or lead is not None  # "Mục tiêu năm 2026:" then a paragraph per goal
        item = on_new_line and (_LIST_ITEM.match(chunk.lstrip()) or (alone and lead is not None)) \
            or lead is not None and bool(_INLINE_ITEM.match(chunk.lstrip()))
        if item and lead is None and chunk.rstrip().endswith(":"):
            lead, leading, in_item = s, True, False  # "- Về kinh tế:" heads the items below it
            continue
        if item or (in_item and not on_new_line):  # an item, or a further sentence on its line
            if lead is not None:
                found[(s, e)] = lead
            leading, in_item = False, bool(item) or in_item
            continue
        in_item = False
        if chunk.rstrip().endswith(":") or _heads_list(text, s, e, on_new_line) or _INLINE_LEAD.search(chunk):
            lead, leading = (lead if leading and lead is not None else s), True
            if chunk.rstrip().endswith(":") and text[e:e + 1] in ("\n", ""):
                paragraphs_left = LEAD_PARAGRAPHS
        else:
            lead, leading = None, False
    return found


def _heads_list(text: str, s: int, e: int, on_new_line: bool) -> bool:
    """A heading line without a colon ("Chỉ tiêu phát triển giai đoạn 2026-2030") right
    above a list item heads that list as a lead-in would; so does a short sentence right above
    a numbered list ("The resolution sets out 15 key targets." then "1. …")."""
    chunk = text[s:e].strip()
    if not on_new_line or text[e:e + 1] != "\n" or chunk.endswith(("!", "?", ";")) \
            or len(chunk.split()) > HEADING_WORDS:
        return False
    below = text[e:e + 8].lstrip()
    return bool(_NUMBERED_ITEM.match(below) if chunk.endswith(".") else _LIST_ITEM.match(below))


ROW_NUMBER_MAX = 200  # a table's row numbers and a list's item numbers stay this small


def row_number(text: str, it: "Item") -> bool:
    """A small whole number alone on its line ("12", "3.") or opening it ("3. …", "(4) …"), or
    in brackets opening a sentence ("… 7,5%. (4) Thu nhập …"): the row number of a table
    flattened to lines, or a list's item number."""
    line_start = text.rfind("\n", 0, it.start) + 1
    line_end = text.find("\n", it.end)
    line = text[line_start:line_end if line_end != -1 else len(text)]
    if not it.num.text.isdigit() or it.value > ROW_NUMBER_MAX:
        return False
    # alone on its line, or the marker that opens a list item ("3. Tỷ lệ …", "(4) Thu nhập …")
    lead = len(line) - len(line.lstrip())
    marker = _LIST_ITEM.match(text, line_start + lead)
    if line.strip().rstrip(".):") == it.num.text or (marker and it.end <= marker.end()):
        return True
    # … or in brackets opening a sentence of a paragraph ("… 7,5%. (4) Thu nhập …")
    marker = it.start and _INLINE_ITEM.match(text, it.start - 1)
    return bool(marker) and text[:it.start - 1].rstrip()[-1:] in ("", ".", ":", ";")
