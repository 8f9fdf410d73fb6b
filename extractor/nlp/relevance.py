"""Is the article about social, health or unemployment insurance? A score with its reasons.

Two kinds of evidence add up (weights and threshold in ``models/*/relevance.json``):

* **topic words** (``models/*/relevance.jsonl``): every insurance term in the body counts
  once, in the title ``title_weight`` times;
* **items**: every figure or target the article states about an insurance (its metric
  names one) counts ``item_weight``, and so does every initiative and every sentence that
  names an insurance beside other numbers ("2.100 thẻ BHYT", "3 300 cards").

One passing mention ("travel insurance", a health card in a tourism story) stays below
the threshold, and so does a longer article that names an insurance in one sentence only,
at most ``passing_hits`` times, and not in its title (a congress report listing one health
insurance goal among forty); a short news item that gives coverage numbers does not, however few words
it has, and a news brief (``brief_chars``) about insurance needs less evidence
(``brief_threshold``): it has room for few words of any kind. The verdict is a label for
the crawler and for search: it never removes items (the extractor extracts from every
article it is given). It runs after the quantities, whose items it counts.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from extractor.nlp import doc as _doc  # noqa: F401  (registers the Doc extensions)
from extractor.nlp.data import load_json, load_jsonl
from extractor.textutil import accents_optional

INSURANCE_METRIC = re.compile(r"^(?:health|social|unemployment)_insurance_")
SHORT_ITEM_CHARS = 600  # a news brief of a few lines


@dataclass(frozen=True)
class Verdict:
    """The relevance decision, its score and the reasons a person can check."""

    relevant: bool
    score: float
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class Scorer:
    terms: re.Pattern | None
    title_weight: float = 3.0
    item_weight: float = 1.0
    item_cap: int = 5
    threshold: float = 3.0
    brief_chars: int = 0          # a text this short is a news brief …
    brief_threshold: float = 3.0  # … where fewer pieces of evidence make it relevant
    passing_hits: int = 0         # a longer text naming an insurance this often, in one sentence only, is not about it

    def topic_hits(self, text: str) -> Counter:
        """How often each insurance term occurs in ``text`` (folded to lower case)."""
        if self.terms is None or not text:
            return Counter()
        return Counter(m.group(0).lower() for m in self.terms.finditer(text))

    def score(self, text: str, title: str | None = None) -> float:
        """Topic words only: body hits plus weighted title hits."""
        return sum(self.topic_hits(text).values()) + self.title_weight * sum(self.topic_hits(title or "").values())

    def judge(self, text: str, title: str | None = None, items: int = 0, sentences: int | None = None) -> Verdict:
        """Topic words plus ``items`` (insurance figures, targets and initiatives found);
        ``sentences``, where known, is how many sentences of the body name an insurance."""
        body, head = self.topic_hits(text), self.topic_hits(title or "")
        counted = min(items, self.item_cap)
        score = sum(body.values()) + self.title_weight * sum(head.values()) + self.item_weight * counted
        reasons = []
        if head:
            reasons.append("title: " + _list(head))
        if body:
            reasons.append("topic words: " + _list(body))
        if items:
            reasons.append(f"items about insurance: {items}" + (f" (counted {counted})" if counted < items else ""))
        if not reasons:
            reasons.append("no insurance term and no insurance item")
        brief = len(text) <= self.brief_chars
        if brief:
            reasons.append(f"news brief ({len(text)} characters)")
        threshold = self.brief_threshold if brief else self.threshold
        passing = not brief and not head and sentences is not None and sentences <= 1 \
            and sum(body.values()) <= self.passing_hits
        if passing and score >= threshold:
            reasons.append("insurance named in one sentence only: a passing mention")
        return Verdict(score >= threshold and not passing, round(score, 2), tuple(reasons))

    def relevant(self, text: str, title: str | None = None, items: int = 0) -> bool:
        return self.judge(text, title, items).relevant


def _list(hits: Counter) -> str:
    return ", ".join(f"{term} ×{n}" if n > 1 else term for term, n in hits.most_common(6))


@lru_cache(maxsize=None)
def scorer(lang: str) -> Scorer:
    """The scorer for a pipeline language, from its data files."""
    rows = load_jsonl("relevance", lang)
    bounded = [accents_optional(r["pattern"]) for r in rows if not r.get("bare")]
    bare = [accents_optional(r["pattern"]) for r in rows if r.get("bare")]  # scripts without spaces between words
    parts = ([r"(?<!\w)(?:%s)(?!\w)" % "|".join(bounded)] if bounded else []) + bare
    conf = load_json("relevance", lang)
    terms = re.compile("|".join(parts), re.I) if parts else None
    threshold = float(conf.get("threshold", 3))
    return Scorer(terms, float(conf.get("title_weight", 3)), float(conf.get("item_weight", 1)),
                  int(conf.get("item_cap", 5)), threshold, int(conf.get("brief_chars", 0)),
                  float(conf.get("brief_threshold", threshold)), int(conf.get("passing_hits", 0)))


def insurance_items(doc: Doc, judge: Scorer) -> int:
    """Figures and targets about an insurance by their metric, each; sentences naming an
    insurance that hold other numbers, once each (one passing sentence with four numbers
    is one piece of evidence, not four); and initiatives."""
    n = len(doc._.initiatives or [])
    about: set[str] = set()
    sentences: list[str] = []
    for item in (*(doc._.figures or []), *(doc._.targets or [])):
        if not (judge.terms and judge.terms.search(item.sentence or "")):
            continue  # a rate whose insurance came from the article at large is no evidence of its own
        if INSURANCE_METRIC.match(item.metric or ""):
            about.add(item.sentence)
        sentences.append(item.sentence)
    # A short news item is all about what it counts: there every such number is evidence;
    # elsewhere a sentence is, once, and one with an insurance's own figure once more.
    if len(doc._.text) <= SHORT_ITEM_CHARS:
        return n + len(sentences)
    return n + len(set(sentences)) + len(about)


@Language.factory("coverage_relevance", default_config={"lang": "xx"})
def make_relevance(nlp: Language, name: str, lang: str):
    judge = scorer(lang)

    def component(doc: Doc) -> Doc:
        text = doc._.text
        named = sum(1 for s, e in doc._.sentences or [] if judge.terms and judge.terms.search(text, s, e))
        verdict = judge.judge(text, doc._.title, insurance_items(doc, judge), named)
        doc._.relevant, doc._.relevance = verdict.relevant, verdict
        return doc

    return component
