"""Placeholder reader: first line is the title, the rest is the text (replaced by read/ proper)."""
from __future__ import annotations

from extractor.errors import ReadError
from extractor.read import Article


def read_document(data, *, url=None, content_type=None, lang=None) -> Article:
    text = data.decode("utf-8", "replace") if isinstance(data, bytes) else data
    lines = [l.strip() for l in text.splitlines() if l.strip()]
    if not lines:
        raise ReadError("empty document")
    return Article(text="\n\n".join(lines[1:]), title=lines[0], language=lang, url=url)
