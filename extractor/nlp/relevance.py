"""Is the article about social, health or unemployment insurance?

A keyword score, not a classifier: every insurance term (``models/*/relevance.jsonl``)
in the body counts once, in the title ``title_weight`` times, and the article is
relevant when the score reaches ``threshold`` (``models/*/relevance.json``). One passing
mention ("travel insurance", a health card in a tourism story) stays below it, while a
real coverage story names its subject again and again. The component runs before the
initiatives, which only exist in relevant articles.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from extractor.nlp import doc as _doc  # noqa: F401  (registers the Doc extensions)
from extractor.nlp.data import load_json, load_jsonl


@dataclass(frozen=True)
class Scorer:
    terms: re.Pattern | None
    title_weight: float = 3.0
    threshold: float = 3.0

    def score(self, text: str, title: str | None = None) -> float:
        """Body hits plus weighted title hits."""
        if self.terms is None:
            return 0.0
        body = sum(1 for _ in self.terms.finditer(text or ""))
        head = sum(1 for _ in self.terms.finditer(title or ""))
        return body + self.title_weight * head

    def relevant(self, text: str, title: str | None = None) -> bool:
        return self.score(text, title) >= self.threshold


def scorer(lang: str) -> Scorer:
    """The scorer for a pipeline language, from its data files."""
    rows = load_jsonl("relevance", lang)
    bounded = [r["pattern"] for r in rows if not r.get("bare")]
    bare = [r["pattern"] for r in rows if r.get("bare")]  # scripts without spaces between words
    parts = ([r"(?<!\w)(?:%s)(?!\w)" % "|".join(bounded)] if bounded else []) + bare
    conf = load_json("relevance", lang)
    terms = re.compile("|".join(parts), re.I) if parts else None
    return Scorer(terms, float(conf.get("title_weight", 3)), float(conf.get("threshold", 3)))


@Language.factory("coverage_relevance", default_config={"lang": "xx"})
def make_relevance(nlp: Language, name: str, lang: str):
    judge = scorer(lang)

    def component(doc: Doc) -> Doc:
        doc._.relevant = judge.relevant(doc.text, doc._.title)
        return doc

    return component
