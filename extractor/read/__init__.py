"""Page → article: bytes or text of an HTML page or a text dump → clean text and metadata."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Article:
    """The article part of a record: what `read` finds on a page, before any NLP."""

    text: str
    title: str | None = None
    published: str | None = None
    source_url: str | None = None
    outlet: str | None = None
    language: str | None = None
    url: str | None = None


def read(data: bytes | str, *, url: str | None = None, content_type: str | None = None,
         lang: str | None = None, selectors: dict[str, str] | None = None) -> Article:
    """Read an HTML page or a plain-text dump into an :class:`Article`.

    ``selectors`` are a site profile's CSS selectors (title, date, body), where it has any.
    Raises :class:`extractor.errors.ReadError` when there is no article to read.
    """
    from extractor.read.document import read_document

    return read_document(data, url=url, content_type=content_type, lang=lang, selectors=selectors)
