"""The NLP tests' common rig: one component on a blank pipeline, after the sentence splitter."""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from extractor.nlp import initiatives, people, places, sentences  # noqa: F401  (register the factories)


@lru_cache(maxsize=None)
def component_pipeline(lang: str, component: str) -> Language:
    nlp = spacy.blank("xx")
    nlp.add_pipe("coverage_sentences", config={"lang": lang})
    nlp.add_pipe(component, config={"lang": lang})
    return nlp
