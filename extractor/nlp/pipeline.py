"""Build and cache one spaCy pipeline per language, and run it over an article's text.

The base of each pipeline is data (``models/LANG/pipeline.json``): every language starts
from a blank pipeline (our components read characters, so a trained model's tokenizer
bought nothing but start-up time); a trained base can be named there when a rule needs it. Our own components
(registered with ``@Language.factory``) are added in ``COMPONENTS`` order; each reads
its rules from ``models/common`` and ``models/LANG``.
"""
from __future__ import annotations

import importlib
from functools import lru_cache

import spacy
from spacy.language import Language

from extractor.nlp import Annotations
from extractor.nlp.data import load_json, model_path

# (factory name, module that registers it), in pipeline order.
COMPONENTS = (
    ("coverage_sentences", "extractor.nlp.sentences"),
    ("coverage_places", "extractor.nlp.places"),
    ("coverage_initiatives", "extractor.nlp.initiatives"),  # before quantities: numbers in names are no figures
    ("coverage_quantities", "extractor.nlp.quantities"),
    ("coverage_relevance", "extractor.nlp.relevance"),      # counts the items found before it
    ("coverage_people", "extractor.nlp.people"),
)
FALLBACK_LANG = "xx"
# The longest news article runs to some tens of thousands of characters; past this the text
# is a dump of a whole site or a hostile page, and the rules would take minutes on it.
MAX_TEXT_CHARS = 200_000  # the language-independent pipeline: numbers, gazetteer, quoted names


def pipeline_lang(lang: str | None) -> str:
    """The pipeline that serves ``lang``: its own when ``models/LANG/`` exists, else "xx"."""
    lang = (lang or "").lower().split("-")[0]
    return lang if lang and model_path(lang, "pipeline.json").exists() else FALLBACK_LANG


def _base(lang: str) -> Language:
    conf = load_json("pipeline", lang)
    base = conf.get("base", "blank:xx")
    if base.startswith("blank:"):
        return spacy.blank(base.split(":", 1)[1], config=conf.get("config") or {})
    return spacy.load(base, exclude=conf.get("exclude", []))


@lru_cache(maxsize=None)
def get_nlp(lang: str) -> Language:
    """The cached pipeline for a pipeline language key (see :func:`pipeline_lang`)."""
    nlp = _base(lang)
    for factory, module in COMPONENTS:
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name != module:
                raise
            continue  # component not written yet
        nlp.add_pipe(factory, config={"lang": lang})
    return nlp


def annotate(text: str, *, lang: str | None, published: str | None = None,
             title: str | None = None) -> Annotations:
    """Run the pipeline for ``lang`` over ``text`` (its first ``MAX_TEXT_CHARS`` characters)
    and collect the items it found; their offsets index into ``text``."""
    key = pipeline_lang(lang)
    nlp = get_nlp(key)
    doc = nlp.make_doc(text[:MAX_TEXT_CHARS])
    doc._.lang, doc._.published, doc._.title = key, published, title
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    return Annotations(
        relevant=bool(doc._.relevant),
        relevance={"score": doc._.relevance.score, "reasons": list(doc._.relevance.reasons)}
        if doc._.relevance else None,
        provinces=list(doc._.provinces or []),
        figures=list(doc._.figures or []),
        targets=list(doc._.targets or []),
        localities=list(doc._.localities or []),
        initiatives=list(doc._.initiatives or []),
        people=list(doc._.people or []),
    )
