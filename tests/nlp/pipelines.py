"""The NLP tests' common rig: one component on a blank pipeline, after the sentence splitter."""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

import extractor.nlp.initiatives  # noqa: F401  (register the factories)
import extractor.nlp.people  # noqa: F401
import extractor.nlp.places  # noqa: F401
import extractor.nlp.sentences  # noqa: F401
from extractor.nlp.doc import PlaceMention
from extractor.nlp.quantities import quantities, rules
from extractor.nlp.sentences import split


@lru_cache(maxsize=None)
def component_pipeline(lang: str, component: str) -> Language:
    nlp = spacy.blank("xx")
    nlp.add_pipe("coverage_sentences", config={"lang": lang})
    nlp.add_pipe(component, config={"lang": lang})
    return nlp


def run(text: str, lang: str, published="2025-06-20", places=(), provinces=(), initiatives=(), title=None):
    """Figures and targets of ``text`` from the quantities component alone, on places we give it."""
    doc = spacy.blank("xx").make_doc(text)
    doc._.lang, doc._.published, doc._.title = lang, published, title
    doc._.sentences = split(text)
    doc._.places = [PlaceMention(text.index(name), text.index(name) + len(name), name, canon, level, prov)
                     for name, canon, level, prov in places]
    doc._.provinces = list(provinces)
    doc._.initiatives = list(initiatives)
    figures, targets = quantities(doc, rules(lang))
    for item in figures + targets:
        assert text[item.start:item.end] == item.text
    return figures, targets


def brief(items, *keys) -> list[tuple]:
    return [tuple(getattr(i, k) for k in ("value", "unit") + keys) for i in items]
