"""The Doc extensions our components read and write, in one place.

Every component works on character offsets into ``doc.text`` (which is the record's
``text``), so the items they produce carry their evidence directly.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

EXTENSIONS = {
    "lang": None,          # language key of the pipeline that ran ("fr", "en", "vi", "xx")
    "published": None,     # ISO publication date of the article, anchors relative dates
    "title": None,         # the article title (relevance, main provinces)
    "sentences": None,     # list[tuple[int, int]]: sentence char spans (coverage_sentences)
    "places": None,        # list[PlaceMention] (coverage_places)
    "localities": None,    # list[record.Locality] (coverage_places)
    "provinces": None,     # list[str]: the provinces the article is mainly about (coverage_places)
    "figures": None,       # list[record.Figure] (coverage_quantities)
    "targets": None,       # list[record.Target] (coverage_quantities)
    "initiatives": None,   # list[record.Initiative] (coverage_initiatives)
    "people": None,        # list[record.Person] (coverage_people)
    "relevant": None,      # bool (coverage_relevance)
    "relevance": None,     # relevance.Verdict: score and reasons (coverage_relevance)
}

for _name, _default in EXTENSIONS.items():
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


def _text(doc: Doc) -> str:
    """``doc.text``, built once: spaCy rebuilds it from the tokens on every access, and our
    components never change the tokens."""
    text = doc.user_data.get("coverage_text")
    if text is None:
        text = doc.user_data["coverage_text"] = doc.text
    return text


if not Doc.has_extension("text"):
    Doc.set_extension("text", getter=_text)


@dataclass
class PlaceMention:
    """One mention of an administrative unit in the text, resolved in the gazetteer."""

    start: int
    end: int
    text: str
    name: str                      # canonical short name with diacritics ("Sông Hinh")
    level: str                     # province | district | commune
    province: str | None           # today's province (after 1 July 2025)
    province_before_2025: str | None = None


def sentence_at(doc: Doc, offset: int) -> tuple[int, int]:
    """The (start, end) of the sentence containing character ``offset``."""
    for start, end in doc._.sentences or [(0, len(doc._.text))]:
        if start <= offset < end:
            return start, end
    return 0, len(doc._.text)
