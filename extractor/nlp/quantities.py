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

import calendar
import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from extractor.nlp import doc as _doc  # noqa: F401  (registers the Doc extensions)
from extractor.nlp.data import load_jsonl, phrases
from extractor.nlp.numbers import SPACES, Number, find_numbers, grammar
from extractor.record import Figure, Target

COMPARATOR = {"exact": "=", "approx": "~", "more_than": ">", "at_least": ">=",
              "less_than": "<", "at_most": "<="}
_YEAR = re.compile(r"(?<![\d.,\-])((?:19|20)\d\d)(?![\d/]|-\w)")
_QUOTED = re.compile(r"«([^«»]{1,120})»|“([^“”]{1,120})”|\"([^\"\n]{1,120})\"")
_WS = f"[\\s{SPACES}]"



def _patterns(rows, key="pattern") -> str:
    """An alternation of the rows' regex fragments, longest first; never-matching when empty."""
    if not rows:
        return "(?!)"
    return "|".join(f"(?:{r[key]})" for r in sorted(rows, key=lambda r: len(r[key]), reverse=True))


def _keyed(rows, key: str) -> str:
    """``_patterns`` of the rows that carry ``key`` (one data file holds several kinds of row)."""
    return _patterns([r for r in rows if key in r], key)


@dataclass
class Rules:
    """One language's compiled quantity vocabulary."""

    grammar: object
    units_after: list[tuple[re.Pattern, str, str | None]]
    units_before: re.Pattern | None
    prefix_currency: dict[str, str]
    qual_before: re.Pattern | None
    qual_before_map: dict[str, str]
    qual_after: re.Pattern | None
    qual_after_map: dict[str, str]
    change_before: re.Pattern | None
    change_after: re.Pattern | None
    no_change: re.Pattern | None
    not_before: re.Pattern | None
    not_after: re.Pattern | None
    range_open: re.Pattern | None
    range_join: re.Pattern | None
    range_bare: re.Pattern | None
    cues: list[tuple[re.Pattern, str, str, bool]]  # pattern, kind, position, future years only
    bracket_cue: re.Pattern | None  # a goal noun whose value follows in brackets: "chỉ tiêu … (91,5%)"
    apposition: re.Pattern | None   # a restatement of the number before: ", soit 92 %", ", or 95 per cent"
    clause_break: re.Pattern | None
    coordinator: re.Pattern | None
    list_sep: re.Pattern | None
    present: re.Pattern | None
    relative_years: list[tuple[re.Pattern, int]]
    metric_tags: list[tuple[re.Pattern, str]]
    months: dict[str, int]
    date_re: re.Pattern | None
    ends: re.Pattern | None
    asof_cue: re.Pattern | None
    year_prefix: re.Pattern | None
    scope: re.Pattern | None
    fields: dict = field(default_factory=dict)


def _rx(pattern: str, flags=re.I) -> re.Pattern | None:
    return re.compile(pattern, flags) if pattern else None


@lru_cache(maxsize=None)
def rules(lang: str) -> Rules:
    """Compile ``models/common`` + ``models/LANG`` quantity data once per language."""
    units = load_jsonl("quantity_units", lang)
    after = [r for r in units if r.get("position", "after") == "after"]
    before = [r for r in units if r.get("position") == "before"]
    fraction = "|".join(f"{_WS}*(?:{r['pattern']})" for r in after if r["unit"] in ("percent", "percentage_point"))
    prefix = "|".join(r["pattern"] for r in before)
    g = grammar(lang, fraction, prefix)
    quals = load_jsonl("quantity_qualifiers", lang)
    qb = {r["text"].lower(): r["qualifier"] for r in quals if r.get("position", "before") == "before"}
    qa = {r["text"].lower(): r["qualifier"] for r in quals if r.get("position") == "after"}
    changes = load_jsonl("quantity_changes", lang)
    nots = load_jsonl("quantity_not", lang)
    ranges = load_jsonl("quantity_ranges", lang)
    cues = load_jsonl("quantity_cues", lang)
    dates = load_jsonl("quantity_dates", lang)
    clauses = load_jsonl("quantity_clauses", lang)
    months = {r["month"].lower(): int(r["n"]) for r in dates if "month" in r}
    ends = [r["end"] for r in dates if "end" in r]
    month_alt = phrases(months)
    date_re = None
    if months:
        date_re = re.compile(
            rf"(?:(?P<end>{phrases(ends)}){_WS}+(?:(?:de|of|du){_WS}+)?)?"
            rf"(?:(?P<d1>\d{{1,2}})(?:er|st|nd|rd|th)?{_WS}+)?(?P<m>{month_alt})(?!\w)"
            rf"(?:{_WS}+(?P<d2>\d{{1,2}})(?!\d))?(?:,?{_WS}+(?P<y>(?:19|20)\d\d))?", re.I)
    return Rules(
        grammar=g,
        units_after=[(re.compile(f"{_WS}*(?:{r['pattern']})(?!\\w)", re.I), r["unit"], r.get("currency"))
                     for r in sorted(after, key=lambda r: len(r["pattern"]), reverse=True)],
        units_before=_rx(f"(?<!\\w)({prefix}){_WS}?$") if prefix else None,
        prefix_currency={r["pattern"]: r.get("currency") for r in before},
        qual_before=_rx(f"(?<!\\w)({phrases(qb)}){_WS}*$") if qb else None,
        qual_before_map=qb,
        qual_after=_rx(f"{_WS}*({phrases(qa)})(?!\\w)") if qa else None,
        qual_after_map=qa,
        change_before=_rx(f"(?<!\\w)({_patterns([r for r in changes if r.get('position', 'before') == 'before'])}){_WS}*$"),
        no_change=_rx(f"(?:{_patterns([r for r in changes if r.get('change') is False])})"),
        change_after=_rx(f"{_WS}*({_patterns([r for r in changes if r.get('position') == 'after'])})(?!\\w)"),
        not_before=_rx(f"(?<!\\w)(?:{_patterns([r for r in nots if r.get('position') == 'before'])}){_WS}*$"),
        not_after=_rx(f"^{_WS}*(?:{_patterns([r for r in nots if r.get('position', 'after') == 'after'])})(?!\\w)"),
        range_open=_rx(f"(?<!\\w)(?:{_keyed(ranges, 'open')}){_WS}*$"),
        range_join=_rx(f"^{_WS}*(?:{_keyed(ranges, 'join')}){_WS}*$"),
        range_bare=_rx(f"^{_WS}*(?:{_patterns([r for r in ranges if r.get('bare')], 'join')}){_WS}*$"),
        cues=[(re.compile(f"(?<!\\w)(?:{r['pattern']})(?!\\w)", re.I), r.get("kind", "target"),
               r.get("position", "before"), bool(r.get("future"))) for r in cues if r.get("position") != "bracket"],
        bracket_cue=_rx(f"(?<!\\w)(?:{_patterns([r for r in cues if r.get('position') == 'bracket'])})(?!\\w)"),
        apposition=_rx(f"^[^;.!?\\d]{{0,40}}?,\\s*(?:{_keyed(clauses, 'apposition')})[\\s(]*$"),
        clause_break=_rx(_keyed(clauses, "pattern")),
        coordinator=_rx(f"(?<!\\w)(?:{_keyed(clauses, 'and')})(?!\\w)"),
        list_sep=_rx(_keyed(clauses, "list")),
        present=_rx(f"(?<!\\w)(?:{_keyed(clauses, 'present')})(?!\\w)"),
        relative_years=[(re.compile(f"(?<!\\w)(?:{r['pattern']})(?!\\w)", re.I), int(r["offset"]))
                        for r in load_jsonl("quantity_years", lang)],
        metric_tags=[(re.compile(f"(?<!\\w)(?:{r['pattern']})", re.I), r["tag"])
                     for r in load_jsonl("quantity_metrics", lang)],
        months=months,
        date_re=date_re,
        ends=_rx(f"(?:{phrases(ends)}){_WS}*$") if ends else None,
        asof_cue=_rx(phrases([r["asof"] for r in dates if "asof" in r])),
        year_prefix=_rx(f"(?<!\\w)(?:{phrases([r['year_prefix'] for r in dates if 'year_prefix' in r])})"
                        f"{_WS}+((?:19|20)\\d\\d)(?![\\d/])"),
        scope=_rx(_patterns(load_jsonl("quantity_scope", lang))),
    )


@dataclass
class Item:
    """A quantity being decided: number, span of its evidence, and what we learnt."""

    num: Number
    start: int
    end: int
    value: float
    unit: str = "count"
    currency: str | None = None
    qualifier: str = "exact"
    change: bool = False
    skip: str | None = None
    range_with: "Item | None" = None
    target: bool | None = None      # None: no cue decided it (a figure, unless a goal's list carries it)
    sentence: tuple[int, int] = (0, 0)
    clause: tuple[int, int] = (0, 0)
    scope: tuple[int, int] = (0, 0)  # the sentence, with the heading a list item sits under


def _covered(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _name_spans(doc: Doc) -> list[tuple[int, int]]:
    """Spans whose numbers belong to a name: initiatives, places, short quoted names."""
    spans = [(i.start, i.end) for i in (doc._.initiatives or [])]
    spans += [(p.start, p.end) for p in (doc._.places or [])]
    for m in _QUOTED.finditer(doc.text):
        inner = next(g for g in m.groups() if g is not None)
        if len(inner.split()) <= 10 and not re.search(r"[.!?;:,]", inner):
            spans.append((m.start(), m.end()))
    return spans


def _sentences(doc: Doc) -> list[tuple[int, int]]:
    return list(doc._.sentences or [(0, len(doc.text))])


def _clauses(text: str, sent: tuple[int, int], r: Rules) -> list[tuple[int, int]]:
    s, e = sent
    if not r.clause_break:
        return [sent]
    cuts = [s] + [m.start() + s for m in r.clause_break.finditer(text[s:e])] + [e]
    return [(a, b) for a, b in zip(cuts, cuts[1:]) if b > a] or [sent]


def _read_unit(text: str, it: Item, r: Rules) -> None:
    before = text[max(0, it.start - 8):it.start]
    if r.units_before:
        m = r.units_before.search(before)
        if m:
            code = m.group(1)
            it.unit = "currency"
            it.currency = next((c for p, c in r.prefix_currency.items() if re.fullmatch(p, code)), None)
            it.start -= len(m.group(0))
    for pat, unit, currency in r.units_after:
        m = pat.match(text, it.end)
        if m:
            if unit == "currency" and it.unit == "currency":
                pass  # "VND2 million đồng": keep the prefix's reading
            else:
                it.unit, it.currency = unit, currency or it.currency
            it.end = m.end()
            break


def _excluded(text: str, it: Item, r: Rules) -> str | None:
    n = it.num
    before = text[max(0, it.start - 40):it.start]
    after = text[it.end:it.end + 40]
    if it.unit == "count":
        if not n.scaled and not n.word and n.value == int(n.value) and 1900 <= n.value <= 2100 \
                and re.fullmatch(r"\d{4}", n.text):
            return "year"
        if r.not_after and r.not_after.match(after):
            return "after"
    if r.not_before and r.not_before.search(before):
        return "before"
    return None


def _ranges(text: str, items: list[Item], r: Rules) -> None:
    """``de 40 000 à 70 000`` / ``between 85 and 95 per cent`` / ``từ 5 đến 10``: two ends.

    Without an opening word ("from", "từ"), a bare join ("20 to 30 per cent", "3 triệu
    đến 4 triệu đồng") still makes a range when only the upper end carries the unit.
    """
    if not (r.range_open and r.range_join):
        return
    for a, b in zip(items, items[1:]):
        if a.range_with or b.range_with:
            continue
        between = text[a.end:b.start]
        if len(between) > 12 or not r.range_join.match(between):
            continue
        if a.skip or b.skip:
            if (a.skip == "year") != (b.skip == "year"):
                continue  # "35 % by 2026 and 45 % by 2030": a year beside a number is no range
            a.skip = b.skip = a.skip or b.skip  # "de 60 à 80 ans", "3 à 12 mois": both ends
            continue
        if not r.range_open.search(text[max(0, a.start - 20):a.start]) and not (
                a.unit == "count" and b.unit != "count" and r.range_bare and r.range_bare.match(between)):
            continue
        if a.unit == "count" and b.unit != "count":
            a.unit, a.currency = b.unit, b.currency
        if b.num.scaled and not a.num.scaled and a.value <= b.value / b.num.scale:
            # "từ 5 đến 10 triệu": both in millions; not "từ 500.000 đến 1 triệu"
            a.value = round(a.value * b.num.scale, 6)
        a.range_with, b.range_with = b, a
        a.qualifier, b.qualifier = "at_least", "at_most"


def _qualify(text: str, it: Item, r: Rules) -> None:
    if it.num.approx:
        it.qualifier = "approx"
    before = text[max(0, it.start - 40):it.start]
    if r.qual_before:
        m = r.qual_before.search(before)
        if m:
            it.qualifier = r.qual_before_map.get(_norm(m.group(1)), it.qualifier)
            it.start -= len(m.group(0))
            before = text[max(0, it.start - 40):it.start]
    if r.qual_after:
        m = r.qual_after.match(text, it.end)
        if m:
            it.qualifier = r.qual_after_map.get(_norm(m.group(1)), it.qualifier)
    if r.change_before:
        m = r.change_before.search(before)
        if m and not (r.no_change and r.no_change.fullmatch(m.group(1))):
            it.change = True
    if r.change_after and r.change_after.match(text, it.end):
        it.change = True


def _norm(s: str) -> str:
    return re.sub(f"{_WS}+", " ", s.lower().replace("’", "'"))


def _decide_targets(text: str, items: list[Item], r: Rules, year_now: int | None) -> None:
    """Mark the goals among the clause's numbers.

    A cue after a number ("… the province wants to reach", "d'ici 2030", "kế hoạch
    năm") decides the number just before it; the closest such cue wins. A target cue
    before numbers ("objectif", "aims to", "phấn đấu") governs the first number after
    it, and the next ones while they are joined to it by a coordinator ("… 93,5% và
    … 17%"), so "chỉ tiêu 95,3% … khoảng 1,1 điểm" leaves the gap a figure.

    A goal phrase that opens a new coordinated verb phrase with its own number ("stood
    at 99.1% and aims to reach 100 per cent") governs that number, not the one before
    it; a cue that completes the number before it ("76,3% kế hoạch giao") governs
    nothing after it.
    """
    by_clause: dict[tuple[int, int], list[Item]] = {}
    for it in items:
        by_clause.setdefault(it.clause, []).append(it)
    for (cs, ce), group in by_clause.items():
        clause = text[cs:ce]
        marks = []
        for pat, kind, pos, future in r.cues:
            for m in pat.finditer(clause):
                if year_now and _past_year(m.group(0), year_now + future):
                    continue  # a past year is no deadline; "trong năm 2025" is one only after 2025
                marks.append((m.start() + cs, m.end() + cs, kind, pos))
        marks = _longest(marks)
        fixed: set[int] = set()   # decided by a deadline/goal phrase right after them
        weak: set[int] = set()    # "76,3% kế hoạch năm": a figure unless a goal verb governs it
        attached: set[int] = set()  # where a cue completing the number before it starts
        for s, e, kind, pos in marks:
            if pos != "after":
                continue
            prev = [i for i, it in enumerate(group) if it.end <= s]
            if prev and s - group[prev[-1]].end <= 60 and prev[-1] not in fixed | weak:
                gap = text[group[prev[-1]].end:s]
                nxt = [it for it in group if e <= it.start <= e + 40]
                if nxt and r.coordinator and r.coordinator.search(gap):
                    continue
                group[prev[-1]].target = kind == "target"
                (fixed if kind == "target" else weak).add(prev[-1])
                attached.add(s)
        for s, e, kind, pos in marks:
            if pos == "after" or kind == "none" or s in attached:
                continue
            following = [i for i, it in enumerate(group) if it.start >= e]
            for n, i in enumerate(following):
                if n and not _continues_goal(text[group[following[n - 1]].end:group[i].start], r):
                    break
                if i not in fixed:
                    group[i].target = kind == "target"
                    fixed.add(i)
    _bracketed_goals(text, items, r)
    _apposed_goals(text, items, r)
    for a, b in zip(items, items[1:]):
        gap = text[a.end:b.start]
        if a.target and b.target is None and a.sentence == b.sentence and a.clause != b.clause \
                and ";" in gap and len(gap) <= 120 and not (r.present and r.present.search(gap)) \
                and not (year_now and _past_year(gap, year_now)):
            b.target = True  # a goal's list goes on past ";": "… có 40% …; tỷ lệ tham gia BHTN đạt 30%"


BRACKET_REACH = 160  # characters from a goal noun to the bracketed value it names


def _bracketed_goals(text: str, items: list[Item], r: Rules) -> None:
    """"chỉ tiêu đề ra tại Nghị quyết số 03 … (38%)", "l'objectif fixé par le plan (95 %)": a
    bracketed number that follows a goal noun, with no other number between, is the goal."""
    if not r.bracket_cue:
        return
    for i, it in enumerate(items):
        if it.target is not None or text[max(0, it.start - 2):it.start].strip() != "(":
            continue
        lo = max(it.sentence[0], it.start - BRACKET_REACH, items[i - 1].end if i else 0)
        if r.bracket_cue.search(text, lo, it.start):
            it.target = True


def _apposed_goals(text: str, items: list[Item], r: Rules) -> None:
    """A number restating its neighbour (", soit 92 %", ", or 95 per cent", "(30 % …)") is a
    goal when its neighbour is one, and the other way round."""
    if not r.apposition:
        return
    for a, b in zip(items, items[1:]):
        if a.sentence != b.sentence or not r.apposition.match(text[a.end:b.start]) \
                and not _unit_between(text[a.end:b.start]):
            continue
        if a.target and b.target is None:
            b.target = True
        elif b.target and a.target is None:
            a.target = True


def _unit_between(gap: str) -> bool:
    """"15,21 millions (30 %": a count and its share in brackets right after it."""
    return bool(re.fullmatch(r"\s*\(\s*", gap))


def _continues_goal(gap: str, r: Rules) -> bool:
    """Does a goal still govern the next number after ``gap``? Yes when a coordinator joins
    them ("… 93,5% và … 17%") or a list comma does ("ít nhất 45% …, khoảng 35% … và …"),
    unless the gap brings the present back ("…, hiện đạt 92%", ", up from 90 per cent")."""
    if r.present and r.present.search(gap):
        return False
    if r.coordinator and r.coordinator.search(gap):
        return True
    return bool(r.list_sep and r.list_sep.search(gap)) and len(gap) <= 90


def _between_number(it: Item, pos: int, group: list[Item]) -> bool:
    return any(o is not it and it.end <= o.start < pos for o in group)


def _past_year(s: str, year_now: int) -> bool:
    m = _YEAR.search(s)
    return bool(m and int(m.group(1)) < year_now)


def _longest(marks):
    """Drop cue matches contained in a longer one ("đạt mục tiêu" over "mục tiêu")."""
    marks.sort(key=lambda m: (m[0], -(m[1] - m[0])))
    kept = []
    for m in marks:
        if any(k[0] <= m[0] and m[1] <= k[1] and (k[3] == m[3] or k[2] != "target") for k in kept):
            continue  # a goal phrase that follows its number ("aims to reach") keeps "aims" alive
        kept.append(m)
    kept = [m for m in kept if m[2] != "none"]
    return sorted(kept, key=lambda m: m[0])


def _tags(text: str, r: Rules, names: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Metric vocabulary hits; words inside an agency's name ("BHXH tỉnh", "Social
    Security office") or an initiative's name say nothing about what a number measures."""
    found = [(m.start(), m.end(), tag) for pat, tag in r.metric_tags for m in pat.finditer(text)]
    ignored = [(s, e) for s, e, tag in found if tag == "agency"] + names
    found = sorted(t for t in found if t[2] != "agency" and not _covered(t[0], t[1], ignored))
    return [t for t in found if t[2] != "participation" or not _joins_activity(t, found)]


def _joins_activity(tag: tuple[int, int, str], tags) -> bool:
    """"joined the model", "tham gia chăm sóc vườn", "enrolled in vocational courses": a
    participation word whose object is an activity, not an insurance."""
    s, e, _ = tag
    for ts, te, kind in tags:
        if ts < e:
            continue
        if ts > e + 25:
            return False
        if kind in INSURANCES:
            return False
        if kind == "activity":
            return True
    return False


INSURANCES = ("health", "social", "unemployment")
HEALTH_ONLY_SHARE = 70  # a coverage rate this high, with no insurance named beside it, is health insurance's


def _metric(text: str, it: Item, tags: list[tuple[int, int, str]], segment: tuple[int, int],
            context: str | None, coordinator: re.Pattern | None = None,
            previous: str | None = None, shares: bool = False,
            list_sep: re.Pattern | None = None, context_near: bool = False) -> str | None:
    """Metric from the vocabulary around the number (see ``quantity_metrics.jsonl``).

    ``segment`` is the stretch of the clause between the neighbouring numbers: the
    insurance named there is the one the number is about (after it first: "25% lực
    lượng lao động tham gia BHXH"; then before it: "social insurance covered 31.6 per
    cent"); ``context`` the insurance last named before the sentence, for "Tam Ky
    reached 96.2 per cent" (``context_near``: named in its paragraph, not only in the article); ``previous`` the metric of the count before it in its
    sentence, which a subset ("4.000 người trong số đó", "dont 300") shares; ``shares``
    says the sentence holds a percentage, of which "the 40,000 pupils" is the base.
    """
    if it.change or it.unit == "percentage_point":
        return None
    if it.unit == "currency":
        return "other"
    lo, hi = segment
    cs, ce = it.clause
    ss, se = it.sentence
    right_after = {t[2] for t in tags if it.end <= t[0] < min(hi, it.end + 18)}
    after = [t for t in tags if it.end <= t[0] < min(hi, it.end + 60)]
    before = [t for t in tags if max(lo, it.start - 90) <= t[0] < it.start]
    in_clause = {t[2] for t in tags if cs <= t[0] < ce}
    in_sentence = [t for t in tags if it.scope[0] <= t[0] < se]
    kinds = {t[2] for t in after + before}
    right_before = {t[2] for t in tags if it.start - 30 <= t[0] and it.start - 12 <= t[1] <= it.start and t[0] >= lo}
    if "negation" in kinds:
        return "other"
    if "share_other" in right_after:
        return previous if it.unit == "count" and previous else "other"
    if it.unit == "count" and ("benefit" in {t[2] for t in after} or "outreach" in right_before):
        return "other"  # claimants and recipients, people canvassed: not (yet) the insured
    if hi < ce and (coordinator or list_sep):
        # Another number follows in the clause: past a coordinator or a list comma, the
        # words are its subject ("une couverture maladie de 96 % et un taux … à
        # l'assurance sociale de 35 %", "… 60% of the labor force, unemployment … 45%").
        stops = [m.start() for rx in (coordinator, list_sep) if rx and (m := rx.search(text, it.end, hi))]
        after = [t for t in after if not stops or t[0] < min(stops)]
    insurance = next((t[2] for t in after if t[2] in INSURANCES), None) \
        or next((t[2] for t in reversed(before) if t[2] in INSURANCES), None) \
        or next((t[2] for t in reversed(in_sentence) if t[2] in INSURANCES and t[1] <= it.start), None)
    if it.unit == "percent":
        if "satisfaction" in in_clause:
            return "satisfaction"
        said = {t[2] for t in in_sentence}
        reached = any(t[2] == "reach" and t[0] < it.start for t in in_sentence)
        group = any(t[2] == "composition" and (t[0] < it.start or not reached) for t in in_sentence)
        if insurance is None and group and not {"coverage", "participation"} & said:
            return "other"  # "70 % of the commune are Hmong": a share of a population, no insurance
            # (but "reached 95 %, thanks to free cards for minorities" is a rate)
        if "labour" in right_after and insurance is None:
            return "social_insurance_coverage"
        if "population" in right_after and insurance is None and {"coverage", "participation", "reach"} & kinds:
            return "health_insurance_coverage"
        named_after = next((t[2] for t in after if t[2] in INSURANCES), None)
        share_words = [t[0] for t in tags if t[2] == "share_other" and cs <= t[0] < it.start]
        named = {"coverage", "population", "labour"}  # "plan …: a coverage rate of 96 %"
        restated = share_words and any(t[2] in named and max(share_words) < t[0] < it.start for t in tags)
        if share_words and not named_after and not restated:
            return "other"  # "50 % de la cotisation …, 40 % pour …"
        if insurance:
            return f"{insurance}_insurance_coverage"
        named_here = _nearest_insurance(it, in_sentence)
        insurance = named_here or context
        evidence = {"coverage", "reach", "population", "labour"} & ({t[2] for t in in_sentence} | kinds)
        if it.value >= HEALTH_ONLY_SHARE and (insurance and any(t[2] == "health" for t in tags)
                                              or not named_here and not context_near and evidence):
            insurance = "health"  # only health insurance covers most of a population
        if insurance and (evidence or it.target):
            return f"{insurance}_insurance_coverage"
        return "other"
    if any(t[2] == "household" and it.start - 12 <= t[1] <= it.start for t in tags):
        return "other"  # the size of a family or a group: "gia đình 7 người", "a family of five"
    head = next((t[2] for t in after if t[2] in ("people", "participant", "card", "org")), None)
    if shares and head == "people" and any(t[2] == "definite" and it.start - 3 <= t[1] <= it.start for t in tags):
        return "other"  # "93 % of the 40,000 pupils", "les 8 000 élèves … sont assurés à 99 %": a population's size
    subject = "participant" in {t[2] for t in before}  # "le nombre de participants … a atteint 20,1 millions"
    if head in ("card", "org") or (head is None and not subject and not {"participant", "participation"} & right_after):
        return "other"
    if insurance and {"participant", "participation"} & kinds:
        return f"{insurance}_insurance_participants"
    if "participant" in kinds or "participation" in {t[2] for t in after} | right_before:
        insurance = _nearest_insurance(it, in_sentence) or context
        if insurance:
            return f"{insurance}_insurance_participants"
    return "other"


def _nearest_insurance(it: Item, tags) -> str | None:
    best, dist = None, None
    for s, e, tag in tags:
        if tag in INSURANCES:
            d = it.start - e if e <= it.start else (s - it.end) * 1.5
            if d >= 0 and (dist is None or d < dist):
                best, dist = tag, d
    return best


def _context_insurance(text: str, tags, start: int) -> tuple[str | None, bool]:
    """The insurance a sentence naming none speaks of: the one named last earlier in its
    paragraph (near: True), else the one the article names most (near: False)."""
    para = text.rfind("\n", 0, start) + 1
    last = [t[2] for t in tags if para <= t[0] < start and t[2] in INSURANCES]
    if last:
        return last[-1], True
    counts = {k: sum(1 for t in tags if t[2] == k) for k in INSURANCES}
    best = max(counts, key=counts.get)
    return (best if counts[best] else None), False


def _year(text: str, it: Item, r: Rules, year_now: int | None, items: list[Item]) -> int | None:
    """The deadline of a target: the first year phrase after the number in its clause
    (before any other number, or a coordinator that leads to one: "35 % by 2026 and
    45 % by 2030"), else the nearest one before it, else the same in its sentence.
    Past years are not deadlines."""
    for lo, hi in (it.clause, it.sentence):
        found = []
        for m in _YEAR.finditer(text, lo, hi):
            y = int(m.group(1))
            if year_now is None or y >= year_now:
                found.append((m.start(), y))
        if year_now:
            for pat, offset in r.relative_years:
                found += [(m.start(), year_now + offset) for m in pat.finditer(text, lo, hi)]
        if not found:
            continue
        nxt = min((o.start for o in items if o.start >= it.end and o is not it), default=hi)
        if nxt < hi and r.coordinator:  # "95 % … et vise, d'ici 2030, 35 %": 2030 is the next one's
            joined = r.coordinator.search(text, it.end, nxt)
            nxt = joined.start() if joined else nxt
        # "94 % by 2025, in 2026 at least 95 %": a year after a comma opens the next number's phrase
        later = [f for f in found if it.end <= f[0] < nxt and not (nxt < hi and "," in text[it.end:f[0]])]
        if later:
            return min(later)[1]
        earlier = [f for f in found if f[0] < it.start]
        return (max(earlier) if earlier else min(found))[1]
    return None


def _as_of(text: str, it: Item, r: Rules, published: str | None) -> str | None:
    """The date the figure describes, from the date phrases of its sentence."""
    ss, se = it.sentence
    sent = text[ss:se]
    year_now = int(published[:4]) if published else None
    best = None
    for m in re.finditer(r"(?<![\d/])(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)(?![\d/])", sent):
        best = _pick(best, m.start(), _iso(int(m.group(3)), int(m.group(2)), int(m.group(1))), it.start - ss)
    for m in re.finditer(r"(?<![\d/])(\d{1,2})/((?:19|20)\d\d)(?![\d/])", sent):
        end = bool(r.ends and r.ends.search(sent[max(0, m.start() - 20):m.start()].replace("tháng", "").rstrip()))
        month, year = int(m.group(1)), int(m.group(2))
        if 1 <= month <= 12:
            val = _iso(year, month, calendar.monthrange(year, month)[1]) if end else f"{year}-{month:02d}"
            best = _pick(best, m.start(), val, it.start - ss)
    if r.date_re:
        for m in r.date_re.finditer(sent):
            month = r.months.get(_norm(m.group("m")))
            if not month:
                continue
            year = int(m.group("y")) if m.group("y") else year_now
            if year is None:
                continue
            day = m.group("d1") or m.group("d2")
            if not m.group("y") and published and f"{year}-{month:02d}" > published[:7]:
                year -= 1
            if day and 1 <= int(day) <= 31:
                val = _iso(year, month, int(day))
            elif m.group("end"):
                val = _iso(year, month, calendar.monthrange(year, month)[1])
            else:
                continue
            if val:
                best = _pick(best, m.start(), val, it.start - ss)
    if best is None and r.year_prefix:
        for m in r.year_prefix.finditer(sent):
            y = int(m.group(1))
            if year_now is None or y <= year_now:
                best = _pick(best, m.start(), str(y), it.start - ss)
    return best[1] if best else None


def _pick(best, pos: int, val: str | None, at: int):
    if val is None:
        return best
    d = abs(pos - at) + (0 if pos <= at else 30)
    return (d, val) if best is None or d < best[0] else best


def _iso(y: int, m: int, d: int) -> str | None:
    try:
        return f"{y:04d}-{m:02d}-{min(d, calendar.monthrange(y, m)[1]):02d}"
    except (ValueError, calendar.IllegalMonthError):
        return None


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


def quantities(doc: Doc, r: Rules) -> tuple[list[Figure], list[Target]]:
    text = doc.text
    published = doc._.published
    year_now = int(published[:4]) if published and published[:4].isdigit() else None
    names = _name_spans(doc)
    items: list[Item] = []
    for n in find_numbers(text, r.grammar):
        if _covered(n.start, n.end, names):
            continue
        it = Item(num=n, start=n.start, end=n.end, value=n.value)
        _read_unit(text, it, r)
        it.skip = _excluded(text, it, r)
        items.append(it)
    _ranges(text, items, r)
    items = [it for it in items if not it.skip]
    sentences = _sentences(doc)
    headings = _headings(text, sentences)
    for it in items:
        it.sentence = next(((s, e) for s, e in sentences if s <= it.num.start < e), (0, len(text)))
        it.scope = (headings.get(it.sentence, it.sentence[0]), it.sentence[1])
        it.clause = next(((s, e) for s, e in _clauses(text, it.sentence, r) if s <= it.num.start < e), it.sentence)
        if not it.range_with:
            _qualify(text, it, r)
        else:
            _range_changes(text, it, r)
    _same_currency(items)
    _decide_targets(text, items, r, year_now)
    tags = _tags(text, r, [(i.start, i.end) for i in (doc._.initiatives or [])])
    places = sorted(doc._.places or [], key=lambda p: p.start)
    provinces = list(doc._.provinces or [])
    figures, targets = [], []
    last_count: dict[tuple[int, int], str | None] = {}  # sentence → metric of its last count
    shared = {it.sentence for it in items if it.unit == "percent"}
    decided = []
    for i, it in enumerate(items):
        lo = items[i - 1].end if i else it.clause[0]
        hi = items[i + 1].start if i + 1 < len(items) else it.clause[1]
        lo, hi = max(lo, it.clause[0]), min(hi, it.clause[1])
        if it.range_with:
            other = it.range_with
            lo, hi = min(lo, it.clause[0] if other.start < it.start else lo), max(hi, other.end)
            span = (min(it.start, other.start), max(it.end, other.end))
            span = (_range_start(text, span[0], r), span[1])
        else:
            span = (it.start, it.end)
        context, near = _context_insurance(text, tags, it.sentence[0])
        metric = _metric(text, it, tags, (lo, hi), context, r.coordinator,
                         last_count.get(it.sentence), it.sentence in shared, r.list_sep, near)
        if it.unit == "count":
            last_count[it.sentence] = metric
        decided.append((it, metric, span))
    metrics = _apposed_counts([(it, m) for it, m, _ in decided], tags)
    for (it, _, span), metric in zip(decided, metrics):
        common = dict(value=it.value, unit=it.unit, currency=it.currency, metric=metric,
                      locality=_locality(text, it, places, provinces, r),
                      text=text[span[0]:span[1]], start=span[0], end=span[1],
                      sentence=text[it.sentence[0]:it.sentence[1]])
        if it.target:
            targets.append(Target(comparator=COMPARATOR[it.qualifier], year=_year(text, it, r, year_now, items), **common))
        else:
            figures.append(Figure(qualifier=it.qualifier, as_of=_as_of(text, it, r, published), **common))
    return figures, targets


def _apposed_counts(decided: list[tuple[Item, str | None]], tags) -> list[str | None]:
    """"3.9 million people, or 95 per cent of the population, had health insurance",
    "2,1 millions d'habitants …, soit un taux de couverture de 94 %": a head-count restated
    as a coverage rate counts the insured of that insurance."""
    metrics = [m for _, m in decided]
    for i, ((it, metric), (nxt, nxt_metric)) in enumerate(zip(decided, decided[1:])):
        if it.unit != "count" or metric != "other" or nxt.unit != "percent" or it.sentence != nxt.sentence:
            continue
        if not (nxt_metric or "").endswith("_coverage") or nxt.start - it.end > 120:
            continue
        between = {t[2] for t in tags if it.end <= t[0] < nxt.start}
        head = {t[2] for t in tags if it.end <= t[0] < it.end + 18}
        if "equals" in between and not {"negation", "benefit"} & between and not {"org", "card"} & head:
            metrics[i] = nxt_metric.replace("_coverage", "_participants")
    return metrics


def _same_currency(items: list[Item]) -> None:
    """"1 250 milliards de dôngs, dont plus de 400 milliards": a bare amount on the same
    scale as the sum of money just before it in its sentence is money too."""
    for prev, it in zip(items, items[1:]):
        if (it.unit == "count" and prev.unit == "currency" and it.num.scaled and it.num.scale == prev.num.scale
                and it.sentence == prev.sentence and it.start - prev.end <= 80):
            it.unit, it.currency = "currency", prev.currency


_LIST_ITEM = re.compile(r"[-•*–+▪·]\s|\d{1,2}[.)]\s")


def _headings(text: str, sentences: list[tuple[int, int]]) -> dict[tuple[int, int], int]:
    """List items ("- District A: 97,2%") under a lead-in sentence ending with a colon
    ("… coverage by district was as follows:"): the start of that lead-in, whose words
    say what the items' numbers measure."""
    found, lead = {}, None
    for s, e in sentences:
        chunk = text[s:e]
        on_new_line = s == 0 or text.rfind("\n", 0, s + 1) >= s - 3
        if on_new_line and _LIST_ITEM.match(chunk.lstrip()):
            if lead is not None:
                found[(s, e)] = lead
            continue
        lead = s if chunk.rstrip().endswith(":") else None
    return found


def _range_start(text: str, start: int, r: Rules) -> int:
    m = r.range_open.search(text[max(0, start - 20):start]) if r.range_open else None
    return start - len(m.group(0)) if m else start


def _range_changes(text: str, it: Item, r: Rules) -> None:
    if r.change_after and r.change_after.match(text, it.end):
        it.change = True


@Language.factory("coverage_quantities", default_config={"lang": "xx"})
def make_quantities(nlp: Language, name: str, lang: str):
    compiled = rules(lang)

    def component(doc: Doc) -> Doc:
        doc._.figures, doc._.targets = quantities(doc, compiled)
        return doc

    return component
