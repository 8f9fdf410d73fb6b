"""Numbers in their clauses: which numbers are quantities, their unit, qualifier and ranges.

A quantity is read where it stands: its sentence and clause (cut by the language's
clause breaks), the words just before and after it (units, qualifiers, change words,
exclusions such as years, ages and identifiers) and a range's other end.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from extractor.nlp.numbers import Number
from extractor.nlp.quantity.lists import row_number
from extractor.nlp.quantity.rules import QUOTED, WS, Rules


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
    moved_from: bool = False        # the level a move starts from: "from 90% to 95%" (a result, not a goal)
    target: bool | None = None      # None: no cue decided it (a figure, unless a goal's list carries it)
    sentence: tuple[int, int] = (0, 0)
    clause: tuple[int, int] = (0, 0)
    scope: tuple[int, int] = (0, 0)  # the sentence, with the heading a list item sits under

    @property
    def listed(self) -> bool:
        """A list item or table cell under a lead-in: its numbers are distinct from its neighbours'."""
        return self.scope[0] != self.sentence[0]


_BRACKET_AFTER = {n: re.compile(rf"\s*(?:[^\W\d]+\s+){{0,{n}}}\(\s*") for n in (2, 3)}


def bracket_after(gap: str, words: int) -> bool:
    """Does the gap after a number open a bracket after at most ``words`` words ("42 000
    travailleurs (31 %", "409 personnes de moins (0,5 %")? What the bracket holds speaks of
    that number."""
    return bool(_BRACKET_AFTER[words].fullmatch(gap))


def covered(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def name_spans(doc: Doc, r: Rules) -> list[tuple[int, int]]:
    """Spans whose numbers belong to a name: initiatives, places, short quoted names (a quote
    in the first person is speech: "« Nous visons 2 000 assurés »" states a goal)."""
    spans = [(i.start, i.end) for i in (doc._.initiatives or [])]
    spans += [(p.start, p.end) for p in (doc._.places or [])]
    for m in QUOTED.finditer(doc._.text):
        inner = next(g for g in m.groups() if g is not None)
        if len(inner.split()) <= 10 and not re.search(r"[.!?;:,]", inner) \
                and not (r.speaker and r.speaker.search(inner)):
            spans.append((m.start(), m.end()))
    return spans


def sentences(doc: Doc) -> list[tuple[int, int]]:
    return list(doc._.sentences or [(0, len(doc._.text))])


def clauses(text: str, sent: tuple[int, int], r: Rules) -> list[tuple[int, int]]:
    s, e = sent
    if not r.clause_break:
        return [sent]
    cuts = [s]
    for m in r.clause_break.finditer(text[s:e]):
        if not _aside(text, cuts[-1], m.start() + s, e):
            cuts.append(m.start() + s)
    cuts.append(e)
    return [(a, b) for a, b in zip(cuts, cuts[1:]) if b > a] or [sent]


ANY_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")  # a year, wherever it stands


def _aside(text: str, start: int, pos: int, end: int) -> bool:
    """A bracket without a number, closed in its sentence, inside a clause that has stated no
    number yet ("the number of people insured (not counting soldiers) is …"), is an
    aside on the subject: the clause goes on through it. After a number ("… 11% (vượt kế
    hoạch)") a bracket still speaks of that number only. A year is no number stated ("Phấn đấu
    đến năm 2028 không còn hộ đói (trừ …), 98% người dân …")."""
    if text[pos] != "(" or any(c.isdigit() for c in ANY_YEAR.sub("", text[start:pos])):
        return False
    close = text.find(")", pos, end)
    return close != -1 and not any(c.isdigit() for c in text[pos:close])


def read_unit(text: str, it: Item, r: Rules) -> None:
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
        if m and "\n" not in m.group(0):  # a unit never sits on the next line ("21\n\nĐồng Nai")
            if unit == "currency" and it.unit == "currency":
                pass  # "VND2 million đồng": keep the prefix's reading
            else:
                it.unit, it.currency = unit, currency or it.currency
            it.end = m.end()
            break


MAX_AGE = 110
_APPOSED_AGE = re.compile(r"(?-i:[A-ZĐ][^\W\d]*\.?)(?:\s(?-i:[A-ZĐ][^\W\d]*\.?)){0,3},\s$")  # a name, then ", "
RATIO_BASES = (100, 1000, 10000, 100000)  # "per 10,000 people": a ratio's base is a power of ten
_LABEL_BEFORE = re.compile(r"[^\W\d]\s?\($")
RANK_REACH = 80  # characters around a bracketed rank where the next or previous rank stands


def _ranked(text: str, it: Item) -> bool:
    """A small number alone in brackets after a word, next to the rank before or after it:
    a ranking ("Vinh (1); Cửa Lò (2), …"), not a count ("Tân Kỳ (48), Anh Sơn (415)")."""
    if not (re.fullmatch(r"\d{1,2}", it.num.text) and _LABEL_BEFORE.search(text, max(0, it.start - 3), it.start)
            and text.startswith(")", it.end)):
        return False
    n = int(it.num.text)
    near = text[max(0, it.start - RANK_REACH):it.end + RANK_REACH]
    return any(f"({k})" in near for k in (n - 1, n + 1) if k > 0)


_GLUED_YEARS = re.compile(r"(?:19|20)\d\d(?:19|20)\d\d")


def excluded(text: str, it: Item, r: Rules) -> str | None:
    n = it.num
    before = text[max(0, it.start - 40):it.start]
    after = text[it.end:it.end + 40]
    if it.unit == "count":
        if not n.scaled and not n.word and n.value == int(n.value) and 1900 <= n.value <= 2100 \
                and re.fullmatch(r"\d{4}", n.text):
            return "year"
        if _GLUED_YEARS.fullmatch(n.text) and n.text[:4] < n.text[4:]:
            return "year"  # "giai đoạn 20212023": a period whose dash was lost
        if r.not_after and r.not_after.match(after):
            return "after"
    if r.not_before and r.not_before.search(before):
        return "before"
    if it.unit == "count" and n.value in RATIO_BASES \
            and any(b.search(before) and a.match(after) for b, a in r.not_around):
        return "base"  # "35 médecins pour 10 000 habitants": the base of a ratio
    if it.unit == "count" and after[:1] == "," and n.value <= MAX_AGE and re.fullmatch(r"\d{1,3}", n.text) \
            and not re.match(r",\s*\d", after) and _APPOSED_AGE.search(before):
        return "age"  # "Tran Thi Hoa, 41, of …", "Mr. Binh, 68, a retired teacher": an age after a name
    if it.unit == "count" and _ranked(text, it):
        return "label"  # a rank in brackets after a name: "Vinh (1); Cửa Lò (2)"
    if it.unit == "count" and row_number(text, it):
        return "row"
    return None


LISTED_ID_GAP = 6  # "Điều 214, 215, 216", "articles 3 et 4": a comma or a coordinator between


def listed_identifiers(text: str, items: list[Item], r: Rules) -> None:
    """Bare numbers listed after an identifier ("Điều 214, 215 và 216", "décrets 12, 13") are
    identifiers too: only the first one stands after the word that names them; small ones
    listed before a word that excludes the last ("les 17, 18 et 24 avril") are excluded too."""
    def listed(a: Item, b: Item) -> bool:
        gap = text[a.end:b.start]
        return len(gap) <= LISTED_ID_GAP and bool(re.fullmatch(r"\s*[,/]\s*", gap) or (
            r.coordinator and r.coordinator.fullmatch(gap.strip())))

    for a, b in zip(items, items[1:]):
        if a.skip == "before" and not b.skip and b.unit == "count" and re.fullmatch(r"\d+", b.num.text) \
                and re.fullmatch(r"\d+", a.num.text) \
                and listed(a, b) and a.value < b.value and len(b.num.text) - len(a.num.text) <= 1:
            b.skip = "before"  # an ascending run of like numbers, not "article 7, 820 cartes"
    for a, b in reversed(list(zip(items, items[1:]))):  # "les 17, 18 et 24 avril": days before their month
        if b.skip == "after" and not a.skip and a.unit == "count" and re.fullmatch(r"\d{1,2}", a.num.text) \
                and listed(a, b):
            a.skip = "after"


MOVE_REACH = 100  # characters from a verb of change to the "from" of its first level


def _move(text: str, a: Item, between: str, r: Rules) -> bool:
    """Do ``a`` and the next number make a move from one level to another ("nâng tỷ lệ từ 90%
    lên 95%", "porter le taux de 90 % à 95 %", "raise coverage from 90 to 95 percent")?"""
    if not (r.range_move and r.range_open and len(between) <= 12):
        return False
    if not (r.move_join and r.move_join.match(between)):
        return False  # "tăng từ 5 đến 10%" is a range of rises; "nâng từ 90% lên 95%" a move
    opening = r.range_open.search(text, max(0, a.start - 20), a.start)
    return bool(opening and r.range_move.search(text, max(0, opening.start() - MOVE_REACH), opening.start()))


def ranges(text: str, items: list[Item], r: Rules) -> None:
    """``de 40 000 à 70 000`` / ``between 85 and 95 per cent`` / ``từ 5 đến 10``: two ends.

    Without an opening word ("from", "từ"), a bare join ("20 to 30 per cent", "3 triệu
    đến 4 triệu đồng") still makes a range when only the upper end carries the unit or
    the scale ("VND100 - 200 million").
    """
    if not (r.range_open and r.range_join):
        return
    for a, b in zip(items, items[1:]):
        if a.range_with or b.range_with:
            continue
        between = text[a.end:b.start]
        if not (a.skip or b.skip) and _move(text, a, between, r):
            a.moved_from = True
            if a.unit == "count" and b.unit != "count":
                a.unit, a.currency = b.unit, b.currency  # "de 3,64 à 2,37 %": one unit for both levels
            continue
        if len(between) > 12 or not r.range_join.match(between):
            continue
        if a.skip or b.skip:
            if (a.skip == "year") != (b.skip == "year"):
                continue  # "35 % by 2026 and 45 % by 2030": a year beside a number is no range
            if a.skip == "before" and not b.skip and (b.num.word or b.unit != "count"):
                continue  # "la région 7 à trois veuves": a name's number, then a quantity
            a.skip = b.skip = a.skip or b.skip  # "de 60 à 80 ans", "3 à 12 mois": both ends
            continue
        bare = bool(r.range_bare and r.range_bare.match(between)) and (
            (a.unit == "count" and b.unit != "count")
            or (b.unit in (a.unit, "count") and b.num.scaled and not a.num.scaled and a.value < b.value / b.num.scale))
        # "12-15 xã", "37-38%" (a dash), "30% à 40%" (a bare join between two ends of one unit)
        tight = a.unit == b.unit and a.value < b.value and (
            between in ("-", "–") or b.unit != "count" and bool(r.range_bare and r.range_bare.match(between)))
        if not bare and not tight and not r.range_open.search(text[max(0, a.start - 20):a.start]):
            continue  # "VND100 - 200 million": a bare join when only the upper end has the scale
        if a.unit == "count" and b.unit != "count":
            a.unit, a.currency = b.unit, b.currency
        elif b.unit == "count" and a.unit != "count":
            b.unit, b.currency = a.unit, a.currency  # "VND100 - 200 million": the currency leads
        if b.num.scaled and not a.num.scaled and a.value <= b.value / b.num.scale:
            # "từ 5 đến 10 triệu": both in millions; not "từ 500.000 đến 1 triệu"
            a.value = round(a.value * b.num.scale, 6)
        a.range_with, b.range_with = b, a
        a.qualifier, b.qualifier = "at_least", "at_most"


SHARED_UNIT_GAP = 8  # "95.9 and 76 percent": at most a coordinator between two numbers


def shared_units(text: str, items: list[Item], r: Rules) -> None:
    """"95.9 and 76 percent", "30 et 45 %", "5,2 và 6,1%", "4.5 billion, 2.3 billion and 2.4
    billion VND": a number coordinated with the next one (on the same scale) takes that one's
    unit (a list, not a range: both ends stay exact)."""
    if not r.coordinator:
        return
    for a, b in reversed(list(zip(items, items[1:]))):  # right to left: "4.5, 2.3 and 2.4 billion VND"
        gap = text[a.end:b.start]
        joined = r.coordinator.fullmatch(gap.strip(" ,")) or (gap.strip() == "," and b.currency)
        same_scale = not a.num.scaled or (b.num.scaled and a.num.scale == b.num.scale)
        if a.unit == "count" and b.unit in ("percent", "currency") and same_scale and not a.skip \
                and not a.range_with and len(gap) <= SHARED_UNIT_GAP and joined:
            a.unit, a.currency = b.unit, b.currency


RATE_LEAD_REACH = 80  # characters from a rate word to the colon that opens its list of values
_BARE_END = re.compile(r"\s*(?:[),;.]|$)")


_SENTENCE_STOP = re.compile(r"[.!?\n]")


def rated_lists(text: str, items: list[Item], r: Rules) -> None:
    """"tỷ lệ tham gia cao nhất là: xã A (99,81), phường B 99,12; …": bare decimals listed after a rate
    word and a colon, each ending at a bracket or a comma, are percentages the list leaves unwritten;
    so is a bare decimal a rate word leads up to in its sentence, with no number between ("tỷ lệ bao
    phủ … đạt được 89,86.")."""
    rates = [pat for pat, tag in r.metric_tags if tag == "rate"]
    for n, it in enumerate(items):
        if it.unit != "count" or it.num.scaled or float(it.value).is_integer() or it.value > 100 \
                or not _BARE_END.match(text, it.end):
            continue
        colon = text.rfind(":", 0, it.start)
        if colon != -1 and not _SENTENCE_STOP.search(text, colon, it.start):
            lead = text[max(0, colon - RATE_LEAD_REACH):colon]
        else:  # the sentence up to it, back to the number before
            lo = max(0, it.start - RATE_LEAD_REACH, items[n - 1].end if n else 0)
            lo = max([lo, *(m.end() for m in _SENTENCE_STOP.finditer(text, lo, it.start))])
            lead = text[lo:it.start]
        if any(pat.search(lead) for pat in rates):
            it.unit = "percent"


def qualify(text: str, it: Item, r: Rules) -> None:
    if it.num.approx:
        it.qualifier = "approx"
    before = text[max(0, it.start - 40):it.start]
    if r.qual_before:
        m = r.qual_before.search(before)
        if m:
            it.qualifier = r.qual_before_map.get(norm(m.group(1)), it.qualifier)
            it.start -= len(m.group(0))
            before = text[max(0, it.start - 40):it.start]
    if r.qual_after:
        m = r.qual_after.match(text, it.end)
        if m:
            it.qualifier = r.qual_after_map.get(norm(m.group(1)), it.qualifier)
    if r.change_before:
        m = r.change_before.search(before)
        if m and not (r.no_change and r.no_change.fullmatch(m.group(1))):
            it.change = True
    if r.change_after and r.change_after.match(text, it.end):
        it.change = True


def norm(s: str) -> str:
    return re.sub(f"{WS}+", " ", s.lower().replace("’", "'"))


def same_currency(items: list[Item]) -> None:
    """"1 250 milliards de dôngs, dont plus de 400 milliards": a bare amount on the same
    scale as the sum of money just before it in its sentence is money too."""
    for prev, it in zip(items, items[1:]):
        if (it.unit == "count" and prev.unit == "currency" and it.num.scaled and it.num.scale == prev.num.scale
                and it.sentence == prev.sentence and it.start - prev.end <= 80):
            it.unit, it.currency = "currency", prev.currency


def range_start(text: str, start: int, r: Rules) -> int:
    m = r.range_open.search(text[max(0, start - 20):start]) if r.range_open else None
    return start - len(m.group(0)) if m else start


def range_changes(text: str, it: Item, r: Rules) -> None:
    if r.change_after and r.change_after.match(text, it.end):
        it.change = True
