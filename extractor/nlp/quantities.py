"""The ``coverage_quantities`` component: every quantity in the body, as a figure or a target.

For each number (:mod:`extractor.nlp.numbers`) we decide, from the words around it:
whether it is a quantity at all (not a year, date, identifier, ordinal, age bracket,
duration, nor part of a name), its unit and currency, its qualifier, whether it is a
goal (target cues govern the numbers after them in their clause; deadline phrases
the number just before them), its metric, the figure's ``as_of`` date or the
target's ``year``, and the place it is about. All vocabularies are data in
``models/*/quantity_*.jsonl``; the code only knows positions and distances.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from extractor.nlp import doc as _doc  # noqa: F401  (registers the Doc extensions)
from extractor.nlp.numbers import find_numbers
from extractor.nlp.quantity.asof import as_of, reporting_year
from extractor.nlp.quantity.clauses import (Item, clauses, covered, excluded, listed_identifiers,
                                            name_spans, qualify, range_changes, range_start, ranges, rated_lists,
                                            read_unit, same_currency, sentences, shared_units)
from extractor.nlp.quantity.deadlines import column_years, deadline_year, headline_deadline
from extractor.nlp.quantity.goals import decide_targets
from extractor.nlp.quantity.lists import headings
from extractor.nlp.quantity.metric import (apposed_counts, bracketed, bracketed_list, context_insurance, metric,
                                           metric_tags, respective_metrics, slashed_parts)
from extractor.nlp.quantity.rules import COMPARATOR, Rules, rules
from extractor.nlp.quantity.tables import column_roles, headed_metrics
from extractor.record import Figure, Target

__all__ = ["quantities", "rules"]


def _locality(text: str, it: Item, places, provinces: list[str], r: Rules) -> str | None:
    """The nearest place of the clause, else of the sentence, else the main province when
    the sentence speaks of "the province"."""
    for lo, hi in (it.clause, it.sentence):
        inside = [p for p in places if lo <= p.start < hi]
        if inside:
            def dist(p):
                return it.start - p.end if p.end <= it.start else (p.start - it.end) * 1.5
            return min(inside, key=lambda p: abs(dist(p))).name
    ss, se = it.sentence
    if provinces and r.scope and r.scope.search(text[ss:se]):
        return provinces[0]
    return None


REPEAT_WORDS = 3  # words before a number that, with the rest of its sentence, show a lead printed again
_DATELINE = re.compile(r"[-–—:()]")  # "Nam Dinh (VNA) - …": what a lead printed again may follow


def quantities(doc: Doc, r: Rules) -> tuple[list[Figure], list[Target]]:
    """Every quantity of the body as a figure or a target, in text order: numbers, their
    clauses and qualifiers (:mod:`~extractor.nlp.quantity.clauses`), goals
    (:mod:`~extractor.nlp.quantity.goals`) and their years (:mod:`~extractor.nlp.quantity.deadlines`),
    metrics (:mod:`~extractor.nlp.quantity.metric`), dates (:mod:`~extractor.nlp.quantity.asof`)
    and places."""
    text = doc._.text
    published = doc._.published
    year_now = int(published[:4]) if published and published[:4].isdigit() else reporting_year(text, r)
    names = name_spans(doc, r)
    items: list[Item] = []
    for n in find_numbers(text, r.grammar):
        if covered(n.start, n.end, names) or (items and n.start < items[-1].end):
            continue  # inside a name, or a number word inside the unit before it ("45 pour cent")
        it = Item(num=n, start=n.start, end=n.end, value=n.value)
        read_unit(text, it, r)
        it.skip = excluded(text, it, r)
        items.append(it)
    listed_identifiers(text, items, r)
    cells = column_roles(text, items, r, year_now)
    ranges(text, items, r)
    shared_units(text, items, r)
    rated_lists(text, items, r)
    items = [it for it in items if not it.skip]
    sents = sentences(doc)
    heads = headings(text, sents)
    for it in items:
        it.sentence = next(((s, e) for s, e in sents if s <= it.num.start < e), (0, len(text)))
        it.scope = (heads.get(it.sentence, it.sentence[0]), it.sentence[1])
        it.clause = next(((s, e) for s, e in clauses(text, it.sentence, r) if s <= it.num.start < e), it.sentence)
        if not it.range_with:
            qualify(text, it, r)
        else:
            range_changes(text, it, r)
    same_currency(items)
    decide_targets(text, items, r, year_now, doc._.title or "", sents)
    for it in items:  # a table's plan column holds its goals, its other columns results
        if id(it) in cells.roles:
            it.target = cells.roles[id(it)] == "goal"
    tags = metric_tags(text, r, [(i.start, i.end) for i in (doc._.initiatives or [])])
    places = sorted(doc._.places or [], key=lambda p: p.start)
    provinces = list(doc._.provinces or [])
    figures, targets = [], []
    last_count: dict[tuple[int, int], str | None] = {}  # sentence → metric of its last count
    shared = {it.sentence for it in items if it.unit == "percent"}
    leads: dict[tuple[int, int], int] = {}  # sentence → where its first number starts
    for it in items:
        leads.setdefault(it.sentence, it.start)
    decided = []
    for i, it in enumerate(items):
        lo = items[i - 1].end if i else it.clause[0]
        hi = items[i + 1].start if i + 1 < len(items) else it.clause[1]
        lo, hi = max(lo, it.clause[0]), min(hi, it.clause[1])
        # the two ends of a range, or of a move ("de 3,64 à 2,37 %"), share what their words say
        other = it.range_with or (items[i - 1] if i and items[i - 1].moved_from else None) \
            or (items[i + 1] if it.moved_from and i + 1 < len(items) else None)
        if other:
            lo, hi = min(lo, it.clause[0] if other.start < it.start else lo), max(hi, other.end)
        span = (it.start, it.end)
        if it.range_with:
            span = (min(it.start, other.start), max(it.end, other.end))
            span = (range_start(text, span[0], r), span[1])
        context, near = context_insurance(text, tags, it.sentence[0])
        found = metric(text, it, tags, (lo, hi), context, r.coordinator,
                       last_count.get(it.sentence), it.sentence in shared, r.list_sep, near,
                       leads[it.sentence])
        if it.unit == "count":
            last_count[it.sentence] = found
        decided.append((it, found, span))
    pairs = [(it, m) for it, m, _ in decided]
    metrics = slashed_parts(text, pairs, bracketed(text, pairs, apposed_counts(text, pairs, tags)))
    metrics = headed_metrics(pairs, bracketed_list(text, pairs, metrics, r.including), tags, cells)
    metrics = respective_metrics(text, pairs, metrics, r)
    columns = column_years(text, items)
    headline_year = headline_deadline(doc._.title or "", r, year_now)
    seen: set[tuple[str, str, float, str]] = set()
    for n, ((it, _, span), kind) in enumerate(zip(decided, metrics)):
        s0, s1 = it.sentence
        lead = _DATELINE.split(text[s0:it.start])[-1].split()[-REPEAT_WORDS:]
        key = (" ".join(lead), text[it.end:s1], it.value, it.qualifier)
        if key in seen and not it.listed:
            continue  # a lead or caption printed twice (perhaps after a dateline) states its numbers once
        seen.add(key)
        common = dict(value=it.value, unit=it.unit, currency=it.currency, metric=kind,
                      locality=_locality(text, it, places, provinces, r),
                      text=text[span[0]:span[1]], start=span[0], end=span[1],
                      sentence=text[it.sentence[0]:it.sentence[1]])
        if it.target:
            year = columns.get(n) or cells.years.get(id(it)) or deadline_year(text, it, r, year_now, items, headline_year)
            goal = Target(comparator=COMPARATOR[it.qualifier], year=year, **common)
            if it.listed or not _restated(targets, goal):  # listed goals stay apart
                targets.append(goal)
        else:
            figures.append(Figure(qualifier=it.qualifier, as_of=as_of(text, it, r, published), **common))
    return figures, targets


def _restated(targets: list[Target], goal: Target) -> bool:
    """A goal restated in the lead, a caption or the body ("phấn đấu đạt 89% …" twice) is one
    goal: the same value, unit, metric, place and comparator, with no other deadline. The first keeps the
    deadline that either states."""
    for kept in targets:
        if kept.sentence == goal.sentence:
            continue  # "… drop by 4 percent; unemployment below 4 percent": two goals of one list
        if (kept.value, kept.unit, kept.metric, kept.locality, kept.comparator) == \
                (goal.value, goal.unit, goal.metric, goal.locality, goal.comparator) \
                and (kept.year is None or goal.year is None or kept.year == goal.year):
            kept.year = kept.year or goal.year
            return True
    return False


@Language.factory("coverage_quantities", default_config={"lang": "xx"})
def make_quantities(nlp: Language, name: str, lang: str):
    compiled = rules(lang)

    def component(doc: Doc) -> Doc:
        doc._.figures, doc._.targets = quantities(doc, compiled)
        return doc

    return component
