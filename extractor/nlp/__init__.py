"""Article text → items (figures, targets, localities, initiatives, people), one spaCy pipeline per language."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Annotations:
    """What the NLP stage adds to an article; the fields map one-to-one onto the record's."""

    relevant: bool = False
    relevance: dict | None = None   # {"score": float, "reasons": [str]}: why ``relevant`` is what it is
    provinces: list[str] = field(default_factory=list)
    figures: list = field(default_factory=list)
    targets: list = field(default_factory=list)
    localities: list = field(default_factory=list)
    initiatives: list = field(default_factory=list)
    people: list = field(default_factory=list)


def annotate(text: str, *, lang: str | None, published: str | None = None,
             title: str | None = None) -> Annotations:
    """Run the pipeline for ``lang`` over ``text``; offsets in the items index into ``text``."""
    from extractor.nlp.pipeline import annotate as _annotate

    return _annotate(text, lang=lang, published=published, title=title)
