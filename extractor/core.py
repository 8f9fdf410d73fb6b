"""One article in, one record out: read → NLP → Record. The CLI and the jobs call this."""
from __future__ import annotations

import hashlib

from extractor import nlp, read
from extractor.record import Record


def _version() -> str:
    from extractor import __version__

    return __version__


def extract(html_or_text: bytes | str, *, url: str | None = None, lang: str | None = None,
            content_type: str | None = None) -> Record:
    """Extract a :class:`Record` from an HTML page or a plain-text dump (bytes or str).

    ``lang`` overrides language detection; ``url`` is recorded and helps resolve links.
    Raises :class:`extractor.errors.ReadError` when the input holds no article.
    """
    article = read.read(html_or_text, url=url, content_type=content_type, lang=lang)
    ann = nlp.annotate(article.text, lang=article.language, published=article.published,
                       title=article.title)
    return Record(
        url=article.url,
        language=article.language,
        title=article.title,
        published=article.published,
        source_url=article.source_url,
        outlet=article.outlet,
        text=article.text,
        content_sha256=hashlib.sha256(article.text.encode("utf-8")).hexdigest(),
        extractor_version=_version(),
        relevant=ann.relevant,
        provinces=ann.provinces,
        figures=ann.figures,
        targets=ann.targets,
        localities=ann.localities,
        initiatives=ann.initiatives,
        people=ann.people,
    )
