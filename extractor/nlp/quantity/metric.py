"""What a quantity measures: coverage rate, head-count of the insured, satisfaction or other.

The insurance is the one named in the number's own stretch of clause, else before it,
else in its paragraph or article; the head noun after a count says what is counted.
Thresholds are named below.
"""
from __future__ import annotations

import re

from extractor.nlp.quantity.clauses import Item, bracket_after, covered
from extractor.nlp.quantity.rules import Rules


def metric_tags(text: str, r: Rules, names: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Metric vocabulary hits; words inside an agency's name ("BHXH tỉnh", "Social
    Security office") or an initiative's name say nothing about what a number measures."""
    found = [(m.start(), m.end(), tag) for pat, tag in r.metric_tags for m in pat.finditer(text)]
    ignored = [(s, e) for s, e, tag in found if tag == "agency"] + names
    found = sorted(t for t in found if t[2] != "agency" and not covered(t[0], t[1], ignored))
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
INSURANCE_BEFORE = 20   # characters from an insurance's name to the head-count it introduces ("BHYT là 2.885.885 người")


def metric(text: str, it: Item, tags: list[tuple[int, int, str]], segment: tuple[int, int],
            context: str | None, coordinator: re.Pattern | None = None,
            previous: str | None = None, shares: bool = False,
            list_sep: re.Pattern | None = None, context_near: bool = False, lead_end: int | None = None) -> str | None:
    """Metric from the vocabulary around the number (see ``quantity_metrics.jsonl``).

    ``segment`` is the stretch of the clause between the neighbouring numbers: the
    insurance named there is the one the number is about (after it first: "25% lực
    lượng lao động tham gia BHXH"; then before it: "social insurance covered 31.6 per
    cent"); ``context`` the insurance last named before the sentence, for "Tam Ky
    reached 96.2 per cent" (``context_near``: named in its paragraph, not only in the article); ``previous`` the metric of the count before it in its
    sentence, which a subset ("4.000 người trong số đó", "dont 300") shares; ``shares``
    says the sentence holds a percentage, of which "the 40,000 pupils" is the base; ``lead_end``
    where the sentence's first number starts: a goal's evidence of coverage must stand in its
    own clause or in that lead, not beside another goal of a long list ("… forest coverage 55%").
    """
    if it.change or it.unit == "percentage_point":
        return "other"
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
    if "share_other" in right_after \
            or it.unit == "percent" and (_paid(text, it, tags, lo) or _share_of_other(it, tags, hi)):
        return previous if it.unit == "count" and previous else "other"
    if it.unit == "count" and ("benefit" in {t[2] for t in after} or ("outreach" in right_before and not it.target)):
        return "other"  # claimants and recipients, people canvassed: not (yet) the insured (a goal's are)
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
        if _rate_of_something_else(text, it, tags, lo) and not any(t[2] in INSURANCES for t in after):
            return "other"  # "tỷ lệ hộ dân sử dụng nước sạch trên 90%" in a goal list that names BHYT elsewhere
        said = {t[2] for t in in_sentence}
        reached = any(t[2] == "reach" and t[0] < it.start for t in in_sentence)
        group = any(t[2] == "composition" and (t[0] < it.start or not reached) for t in in_sentence)
        if insurance is None and group and not {"coverage", "rate", "participation"} & said:
            return "other"  # "70 % of the commune are Hmong": a share of a population, no insurance
            # (but "reached 95 %, thanks to free cards for minorities" is a rate)
        if "labour" in right_after and insurance is None:
            return "social_insurance_coverage"
        if "population" in right_after and insurance is None and {"coverage", "rate", "participation", "reach"} & kinds:
            return "health_insurance_coverage"
        named_after = next((t[2] for t in after if t[2] in INSURANCES), None)
        share_words = [t[0] for t in tags if t[2] == "share_other" and cs <= t[0] < it.start]
        named = {"coverage", "rate", "population", "labour"}  # "plan …: a coverage rate of 96 %"
        restated = share_words and any(t[2] in named and max(share_words) < t[0] < it.start for t in tags)
        if share_words and not named_after and not restated:
            return "other"  # "50 % de la cotisation …, 40 % pour …"
        if any(t[2] == "compared" and lo <= t[0] < it.start for t in tags):
            return "other"  # "so với Quyết định … thấp hơn 7,6%": a margin against a plan, not a rate
        if insurance:
            return f"{insurance}_insurance_coverage"
        named_here = _nearest_insurance(it, in_sentence)
        insurance = named_here or context
        lead = lead_end if lead_end is not None else se
        nearby = {t[2] for t in in_sentence if not it.target or cs <= t[0] < ce or t[0] < lead} | kinds
        # With the insurance named in the sentence or its paragraph, a rate word is enough;
        # taken from the article at large, the sentence must speak of coverage or
        # participation itself ("the rate of clean water" in a welfare round-up is no coverage rate).
        evidence = ({"coverage", "rate", "reach", "population", "labour"} if named_here or context_near
                    else {"coverage", "participation", "participant", "card"}) & nearby
        if it.value >= HEALTH_ONLY_SHARE and (insurance and any(t[2] == "health" for t in tags)
                                              or not named_here and not context_near and evidence):
            insurance = "health"  # only health insurance covers most of a population
        if insurance and (evidence or it.target and (named_here or context_near)):
            return f"{insurance}_insurance_coverage"  # a goal list's rates are coverage only where an insurance is near
        return "other"
    if any(t[2] == "household" and it.start - 12 <= t[1] <= it.start for t in tags):
        return "other"  # the size of a family or a group: "gia đình 7 người", "a family of five"
    head = next((t[2] for t in after if t[2] in ("people", "participant", "card", "org")), None)
    if shares and head == "people" and any(t[2] == "definite" and it.start - 3 <= t[1] <= it.start for t in tags):
        return "other"  # "93 % of the 40,000 pupils", "les 8 000 élèves … sont assurés à 99 %": a population's size
    said_before = {t[2] for t in before}
    # "le nombre de participants … a atteint 20,1 millions"; "the number of people participating in
    # health insurance is 1,158,094"; "BHYT 1.017.308 người", "Bảo hiểm y tế là 2.885.885 người"
    subject = "participant" in said_before or bool({"participation"} & said_before and set(INSURANCES) & said_before)
    just_before = {t[2] for t in before if t[2] in INSURANCES and it.start - t[1] <= INSURANCE_BEFORE}
    insured_before = just_before.pop() if len(just_before) == 1 else None  # not "BHXH, BHYT lần lượt là …"
    own_after = any(t[2] in INSURANCES for t in after)
    if head == "people" and insured_before and not own_after and not {"benefit", "outreach"} & kinds:
        return f"{insured_before}_insurance_participants"
    if head in ("card", "org") or (head is None and not subject and not {"participant", "participation"} & right_after):
        return "other"
    if insurance and {"participant", "participation"} & kinds:
        return f"{insurance}_insurance_participants"
    if "participant" in kinds or "participation" in {t[2] for t in after} | right_before:
        insurance = _nearest_insurance(it, in_sentence) or context
        if insurance:
            return f"{insurance}_insurance_participants"
    return "other"


RATE_SUBJECT_WORDS = 3  # "tỷ lệ hộ dân dùng nước sạch 90%": a rate whose own subject is something else
RATE_SUBJECT_BEFORE = 25  # characters before a rate word where its subject may stand ("coverage rate")
_ABOUT_INSURANCE = set(INSURANCES) | {"coverage", "participation", "participant", "card", "agency"}


def _rate_of_something_else(text: str, it: Item, tags, lo: int) -> bool:
    """A rate word in the number's segment (a whole word: "part", not "Parti") whose subject (the
    words between it and the number) names no insurance, coverage or participation: the rate of
    something else ("tỷ lệ tăng dân số tự nhiên 1,1%", "the rate of trained workers 75%")."""
    rates = [t for t in tags if t[2] == "rate" and lo <= t[0] < it.start and not text[t[1]:t[1] + 1].isalpha()]
    if not rates:
        return False
    rate_start, start = rates[-1][0], rates[-1][1]
    if len(text[start:it.start].split()) < RATE_SUBJECT_WORDS:
        return False
    # the subject stands after the rate word ("tỷ lệ …", "taux de …") or right before it ("the
    # health insurance coverage rate")
    return not any(t[2] in _ABOUT_INSURANCE for t in tags
                   if start <= t[0] < it.start
                   or max(it.clause[0], rate_start - RATE_SUBJECT_BEFORE) <= t[0] and t[1] <= rate_start)


SHARE_REACH = 45  # characters after a percentage in which "of the cost/premium …" makes it a share


def _share_of_other(it: Item, tags, hi: int) -> bool:
    """"30 % du coût de l'assurance maladie des élèves", "80% to 100% of the costs": a
    share word after the number, before any coverage word, makes it a share of that; a word
    that is both ("of their contributions") is the share."""
    for s, _, tag in sorted(tags, key=lambda t: (t[0], t[2] != "share_other")):
        if it.end <= s < min(hi, it.end + SHARE_REACH):
            if tag in ("coverage", "participation", "participant", "population", "labour"):
                return False
            if tag == "share_other":
                return True
    return False


def _paid(text: str, it: Item, tags, lo: int) -> bool:
    """"pupils only pay 30%", "ngân sách hỗ trợ 70%": a payment verb right before the percentage."""
    return any(t[2] == "payment" and lo <= t[0] and t[1] <= it.start and not text[t[1]:it.start].strip() for t in tags)


def _nearest_insurance(it: Item, tags) -> str | None:
    best, dist = None, None
    for s, e, tag in tags:
        if tag in INSURANCES:
            d = it.start - e if e <= it.start else (s - it.end) * 1.5
            if d >= 0 and (dist is None or d < dist):
                best, dist = tag, d
    return best


def context_insurance(text: str, tags, start: int) -> tuple[str | None, bool]:
    """The insurance a sentence naming none speaks of: the one named last earlier in its
    paragraph (near: True), else the one the article names most (near: False)."""
    para = text.rfind("\n", 0, start) + 1
    last = [t[2] for t in tags if para <= t[0] < start and t[2] in INSURANCES]
    if last:
        return last[-1], True
    counts = {k: sum(1 for t in tags if t[2] == k) for k in INSURANCES}
    best = max(counts, key=counts.get)
    return (best if counts[best] else None), False


def apposed_counts(text: str, decided: list[tuple[Item, str | None]], tags) -> list[str | None]:
    """"3.9 million people, or 95 per cent of the population, had health insurance",
    "1,8 million d'habitants …, soit une couverture de 93 %", "coverage reaches 93.4%
    of the population or 93.3 million people": a head-count restated as a coverage rate (or
    the other way round), or in brackets right after it ("93,1% (1.204.500 người)"), counts
    the insured of that insurance."""
    metrics = [m for _, m in decided]
    for i, ((a, a_metric), (b, b_metric)) in enumerate(zip(decided, decided[1:])):
        if a.sentence != b.sentence or b.start - a.end > 120:
            continue
        if a.unit == "count" and a_metric == "other" and b.unit == "percent" and (b_metric or "").endswith("_coverage"):
            count, rate, at = a, b_metric, i
        elif b.unit == "count" and b_metric == "other" and a.unit == "percent" and (a_metric or "").endswith("_coverage"):
            count, rate, at = b, a_metric, i + 1
        else:
            continue
        between = {t[2] for t in tags if a.end <= t[0] < b.start}
        head = {t[2] for t in tags if count.end <= t[0] < count.end + 18}
        bracket = count is b and text[a.end:b.start].strip() == "("  # "đạt 93,1% (1.204.500 người)"
        if ("equals" in between or bracket) and not {"negation", "benefit"} & between and "org" not in head:
            metrics[at] = rate.replace("_coverage", "_participants")
    return metrics


_BRACKET_WORDS = re.compile(r"\s*\(\s*(?:[^\W\d]+\s+){1,3}")  # "(equivalent to 6.1%)", "(tương ứng 4,2%)"


def bracketed(text: str, decided: list[tuple[Item, str | None]], metrics: list[str | None]) -> list[str | None]:
    """Numbers in brackets right after a count speak of that count: "down 409 people (0.5%)"
    is the change's share (other), "118,014 people (60,553 in the province and 57,461 from
    other provinces)" splits the count, whose metric its parts share; a sum of money and a
    percentage, one in brackets after the other, are a share of money (other)."""
    metrics = list(metrics)
    i = 0
    while i < len(decided):
        head, _ = decided[i]
        inside, j = [], i + 1
        while j < len(decided) and decided[j][0].sentence == head.sentence:
            item = decided[j][0]
            gap = text[(decided[j - 1][0].end if inside else head.end):item.start]
            if not ((bracket_after(gap, 3) or _BRACKET_WORDS.fullmatch(gap)) if not inside
                    else ")" not in gap and "(" not in gap):
                break
            inside.append(j)
            j += 1
        if inside and {head.unit, decided[inside[0]][0].unit} == {"currency", "percent"}:
            # "VND 56,000 (70%)", "70% (VND 56,000)": the share a sum of money is of another, no coverage rate
            metrics[i if head.unit == "percent" else inside[0]] = "other"
        if head.unit == "count" and inside:
            parts = [k for k in inside if decided[k][0].unit == "count"]
            for k in inside:
                if head.change and decided[k][0].unit == "percent":
                    metrics[k] = "other"
            if len(parts) >= 2 and not head.change and (metrics[i] or "").endswith("_participants"):
                for k in parts:
                    if metrics[k] == "other":
                        metrics[k] = metrics[i]
        i = j if inside else i + 1
    return metrics


def slashed_parts(text: str, decided: list[tuple[Item, str | None]], metrics: list[str | None]) -> list[str | None]:
    """"41,250/42,800 pupils participating in health insurance": the words after a part over its whole
    speak of the part; the whole is the population it is counted in (other)."""
    metrics = list(metrics)
    for n in range(len(decided) - 1):
        a, b = decided[n][0], decided[n + 1][0]
        if a.unit == b.unit == "count" and a.sentence == b.sentence and text[a.end:b.start] == "/" \
                and a.value <= b.value and (metrics[n + 1] or "").endswith("_participants"):
            # the whole of a result over its goal ("1,030/1,200 people … of the target") is the goal
            metrics[n], metrics[n + 1] = metrics[n + 1], metrics[n + 1] if b.target else "other"
    return metrics


_NAMED_BRACKET = re.compile(r"[^\W\d][^()\d]{0,40}\(\s*$")


def bracketed_list(text: str, decided: list[tuple[Item, str | None]], metrics: list[str | None],
                   including: re.Pattern | None) -> list[str | None]:
    """"… 2,400 participants, including: Tan Lap (800), Hoa Binh (950)", "… 2.000 người, gồm: huyện A (800),
    …": counts in brackets after names, listed after a head-count and a colon or an including
    word, are head-counts of the same insured."""
    metrics = list(metrics)
    lead: str | None = None
    for n, (it, _) in enumerate(decided):
        prev = decided[n - 1][0] if n else None
        if prev is None or prev.sentence != it.sentence:
            lead = None
        elif lead and it.unit == "count" and _NAMED_BRACKET.search(text, prev.end, it.start) \
                and text.startswith(")", it.end):
            metrics[n] = lead if metrics[n] == "other" else metrics[n]  # an item of the list
            continue
        head = metrics[n] or ""
        opens = head.endswith("_participants") and it.unit == "count" and _opens_list(text, it, decided, n, including)
        lead = head if opens else None
    return metrics


def _opens_list(text: str, it: Item, decided, n: int, including: re.Pattern | None) -> bool:
    nxt = decided[n + 1][0] if n + 1 < len(decided) else None
    if nxt is None or nxt.sentence != it.sentence:
        return False
    gap = text[it.end:nxt.start]
    return ":" in gap or bool(including and including.search(gap))


RESPECTIVE_REACH = 600  # characters back from "respectively" to the series whose measures it repeats


def respective_metrics(text: str, decided: list[tuple[Item, str | None]], metrics: list[str | None],
                       r: Rules) -> list[str | None]:
    """"… 33% lực lượng lao động tham gia BHXH, 28% … BH thất nghiệp và 91% dân số tham gia BHYT.
    Năm 2022, chỉ tiêu lần lượt là 35%, 29,5% và 92%; năm 2023 là 38%, 31,5% và 93%" ("… 38%,
    31% and 96% respectively"): the numbers after "respectively" in its sentence (or, with
    none after it, those of its sentence before it) take, in turn, the measures of the last
    series before them (two or more numbers of one unit with different measures), when they
    come in whole rounds of it."""
    if not r.respectively:
        return metrics
    out = list(metrics)
    items = [it for it, _ in decided]
    for m in r.respectively.finditer(text):
        sentence = next((it.sentence for it in items if it.sentence[0] <= m.start() < it.sentence[1]), None)
        given = [n for n, it in enumerate(items) if it.start >= m.end() and it.sentence == sentence]
        if not given:
            given = [n for n, it in enumerate(items) if it.end <= m.start() and it.sentence == sentence]
        if not given:
            continue
        first = items[given[0]]
        series: list[int] = []
        for n in reversed(range(given[0])):  # the last numbers of one unit before them, each its own measure
            if items[n].end < first.start - RESPECTIVE_REACH or out[n] in (None, "other") \
                    or (series and (items[n].unit != items[series[0]].unit or out[n] in {out[k] for k in series})):
                break
            series.insert(0, n)
        if len(series) < 2 or len(given) % len(series) or any(items[n].unit != items[series[0]].unit for n in given):
            continue
        for j, n in enumerate(given):
            out[n] = out[series[j % len(series)]]
    return out
