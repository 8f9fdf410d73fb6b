"""One article in, one record out: read → NLP → Record. The CLI and the jobs call this."""
from __future__ import annotations

import hashlib

from extractor import __version__, nlp, read
from extractor.record import Record


def extract(html_or_text: bytes | str, *, url: str | None = None, lang: str | None = None,
            content_type: str | None = None, selectors: dict[str, str] | None = None) -> Record:
    """Extract a :class:`Record` from an HTML page or a plain-text dump (bytes or str).

    ``lang`` overrides language detection; ``url`` is recorded and helps resolve links;
    ``selectors`` are a site profile's CSS selectors for title, date and body.
    Raises :class:`extractor.errors.ReadError` when the input holds no article.
    """
    article = read.read(html_or_text, url=url, content_type=content_type, lang=lang, selectors=selectors)
    ann = nlp.annotate(article.text, lang=article.language, published=article.published,
                       title=article.title)
    # Article and Annotations fields are named after the record's own, by design.
    return Record(
        **vars(article),
        **vars(ann),
        content_sha256=hashlib.sha256(article.text.encode("utf-8")).hexdigest(),
        extractor_version=__version__,
    )
