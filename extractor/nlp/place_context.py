"""Which unit each place mention names, and which provinces an article is about.

A name several units share is resolved by scoring each candidate on the article's
context (see ``places.py`` for how mentions are found); the article's provinces are the
one a local story is about, or, in a round-up, every province named near a figure.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from spacy.tokens import Doc

from extractor import gazetteer as gz
from extractor.textutil import fold, strip_accents

REFORM_DATE = "2025-07-01"
NEAR = 250             # characters within which a parent district counts as context
ROUNDUP_RATIO = 3.0    # a province named this many times more than any other is the subject
TRAVELLING_KINDS = frozenset({"Thành phố", "Thị xã"})  # gazetteer kinds of units named bare anywhere
NUMBER_NEAR = 80       # characters around a province's name where its figure stands in a round-up
ROUNDUP_MIN = 3        # provinces with a figure that make an article a round-up
_FIGURE_DIGIT = re.compile(r"(?<![\d.,])(?!(?:19|20)\d\d(?!\d))\d")  # a digit that does not start a year
_DATELINE_AFTER = re.compile(r"[ \u00a0]*(?:[—–-]|\((?:[A-Z]{2,6}|[^()\n]{0,12}\d[^()\n]{0,12})\))")


@dataclass
class Hit:
    """A stretch of text that names units, before resolution."""

    start: int
    end: int
    text: str
    candidates: list[gz.Unit]
    typed: frozenset[str] | None = None   # levels the type word allows; None without one
    former: bool = False
    unit: gz.Unit | None = None
    province: str | None = None
    sentence: int = 0
    context: set[str] = field(default_factory=set)


def has_marks(s: str) -> bool:
    """Does the name carry diacritics (so its spelling tells units apart)?"""
    return strip_accents(s) != s


def _filter(hit: Hit) -> None:
    """Narrow the candidates by the type word and by the spelling when it carries diacritics."""
    cands = hit.candidates
    if hit.typed:
        cands = [u for u in cands if u.level in hit.typed] or cands
    if has_marks(hit.text):
        same = [u for u in cands if gz.spelling_key(u.name) == gz.spelling_key(hit.text)]
        cands = same or cands
    hit.candidates = cands


def _anchor(hit: Hit) -> str | None:
    """Today's province a hit certainly points to, before any context is used."""
    provs = [u for u in hit.candidates if u.level == "province"]
    if provs and (hit.typed is None or "province" in hit.typed):
        return provs[0].province
    todays = {u.province for u in hit.candidates}
    return todays.pop() if len(todays) == 1 else None


def _sentence_index(doc: Doc) -> list[tuple[int, int]]:
    return list(doc._.sentences or [(0, len(doc._.text))])  # text only when unsplit


def _sent_of(spans: list[tuple[int, int]], offset: int) -> int:
    for i, (s, e) in enumerate(spans):
        if s <= offset < e:
            return i
    return -1


def _score(u: gz.Unit, hit: Hit, ctx: dict) -> float:
    score = 0.0
    if u.level == "province" and hit.typed is None:
        score += 6.0   # a bare province name is the province, whatever else shares it
    elif u.level == "province" and "province" in hit.typed:
        score += 3.0
    sent_provs = ctx["sentence"].get(hit.sentence, set()) - {fold(hit.text)}
    if u.old and fold(u.old) in sent_provs:
        score += 3.0   # "(ancienne province de Soc Trang)", "tỉnh Bến Tre"
    elif fold(u.province) in sent_provs:
        score += 2.0
    if u.parent and fold(u.parent) in ctx["near"](hit):
        score += 3.0
    if u.province in ctx["main"]:
        score += 2.0
    if u.old and fold(u.old) in ctx["named"]:
        score += 1.0
    era_legacy = hit.former or ctx["legacy"]
    if (u.legacy if era_legacy else u.current):
        score += 0.5
    score += {"province": 0.2, "district": 0.1}.get(u.level, 0.0)
    return score


def resolve(hits: list[Hit], doc: Doc, *, title_hits: list[Hit] = ()) -> list[str]:
    """Choose each hit's unit from the context; return the article's main provinces (today's names)."""
    spans = _sentence_index(doc)
    for hit in hits:
        _filter(hit)
        hit.sentence = _sent_of(spans, hit.start)
    for hit in title_hits:
        _filter(hit)

    weight: Counter[str] = Counter()
    sentence: dict[int, set[str]] = defaultdict(set)
    named: set[str] = set()     # folded names of the provinces the article names
    strong: set[str] = set()    # today's provinces named outright or through a typed unit
    for hit in hits:
        anchor = _anchor(hit)
        if anchor:
            weight[anchor] += 2.0 if hit.sentence == 0 else 1.0
            if hit.typed or any(u.level == "province" for u in hit.candidates):
                strong.add(anchor)
        for u in hit.candidates:
            if u.level == "province" and (hit.typed is None or "province" in hit.typed):
                sentence[hit.sentence].add(fold(u.name))
                named.add(fold(u.name))
    for hit in title_hits:
        anchor = _anchor(hit)
        if anchor:
            weight[anchor] += 3.0
            strong.add(anchor)
    typed_keys = {fold(h.text) for h in hits if h.typed}
    hits[:] = [h for h in hits if h.typed or fold(h.text) in typed_keys or _plausible(h, strong)]
    top = max(weight.values(), default=0)
    main = {p for p, w in weight.items() if w >= top * 0.5} if top else set()

    keys_at = [(h.start, fold(h.text)) for h in hits]

    def near(hit: Hit) -> set[str]:
        return {k for s, k in keys_at if abs(s - hit.start) <= NEAR and s != hit.start}

    ctx = {"sentence": sentence, "main": main, "named": named, "near": near,
           "legacy": (doc._.published or "9999")[:10] < REFORM_DATE}
    for hit in hits:
        scored = sorted(((_score(u, hit, ctx), u) for u in hit.candidates), key=lambda x: -x[0])
        best_score, best = scored[0]
        rivals = {u.province for sc, u in scored if sc >= best_score - 1e-9}
        hit.unit = best
        hit.province = best.province if len(rivals) == 1 else None
    _one_sense(hits)
    return _main_provinces(hits, title_hits, doc)


def _plausible(hit: Hit, strong: set[str]) -> bool:
    """Keep a bare name of a district or commune only inside the article's provinces.

    Writers name a small unit elsewhere with its type word or its province; a bare one
    far from the article's provinces is a capitalised phrase that folds like a unit
    ("Mai An Sinh", “Ngôi Nhà Hạnh Phúc”). Cities and towns travel alone (Sa Pa, Hội An).
    """
    return any(u.level == "province" or u.province in strong or u.kind in TRAVELLING_KINDS
               for u in hit.candidates)


def _one_sense(hits: list[Hit]) -> None:
    """A bare name means what the same name means where the article gave its type word."""
    typed: dict[str, Hit] = {}
    for hit in hits:
        if hit.typed and fold(hit.text) not in typed:
            typed[fold(hit.text)] = hit
    for hit in hits:
        ref = typed.get(fold(hit.text))
        if hit.typed is None and ref is not None and ref.unit in hit.candidates:
            hit.unit, hit.province = ref.unit, ref.province


def _main_provinces(hits: list[Hit], title_hits, doc: Doc) -> list[str]:
    """The provinces the article is about (today's names).

    One province dominates a local story (named three times as often as any other, the
    title and lead counting more, a dateline less); without one, a round-up naming
    figures for several provinces lists every province named near a number that is not
    a year (a dateline or the venue of a press conference gets none). A dateline alone
    makes no province: "Hanoi (VNA) –" opens national news.
    """
    weight: Counter[str] = Counter()
    with_number: Counter[str] = Counter()
    spans = _sentence_index(doc)
    text = doc._.text
    for hit in hits:
        if hit.province:
            dateline = _dateline(text, hit)
            weight[hit.province] += 0.5 if dateline else 2.0 if hit.sentence == 0 else 1.0
            s, e = spans[hit.sentence] if hit.sentence >= 0 else (0, 0)
            if not dateline and _FIGURE_DIGIT.search(text, max(s, hit.start - NUMBER_NEAR), min(e, hit.end + NUMBER_NEAR)):
                with_number[hit.province] += 1
    for hit in title_hits:
        anchor = _anchor(hit)
        if anchor:
            weight[anchor] += 3.0
    if not weight:
        return []
    ranked = weight.most_common()
    top = ranked[0][1]
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    if top < ROUNDUP_RATIO * second and len(with_number) >= ROUNDUP_MIN:
        return [p for p, _ in ranked if with_number[p]]
    return [p for p, w in ranked if w >= max(2.0, top * 0.5)] or [p for p, w in ranked[:1] if w >= 1.0]


def _dateline(text: str, hit: Hit) -> bool:
    """ "HA NOI —", "Can Tho (VNA)": where the reporter filed from, weaker than a mention."""
    line_start = text.rfind("\n", 0, hit.start) + 1
    return not text[line_start:hit.start].strip() and bool(_DATELINE_AFTER.match(text, hit.end))
