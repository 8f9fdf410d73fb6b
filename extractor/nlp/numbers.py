"""Locale-aware number reading: digits with any grouping, scale words, number words.

Pure functions over strings, no spaCy. The same digits mean different things per
locale and shape: ``1.317.600`` (Vietnamese/French grouping), ``9,000`` (English
grouping), ``93,9`` / ``93.9`` (decimals). A lone separator followed by exactly three
digits is grouping unless it is the locale's decimal mark *and* a scale word or a
percent sign follows (``1,240 triệu`` is 1.24 million, ``1,240 người`` 1 240 people).
The vocabularies (scale words, number words, the decimal mark) are data under
``models/LANG/number_*.jsonl`` so a new language needs no code.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extractor.nlp.data import load_jsonl, phrases

SPACES = " \u00a0\u202f"
_SPACE = re.compile(f"[{SPACES}]")
# A: 1–3 digits then space-separated thousands groups ("9 000", "1 642 600", "2 315,5");
# B: digits with dots/commas ("1.317.600", "93,9", "118,460"). Never glued to a word,
# a slash, a colon, a hyphen or a plus (identifiers, dates, clock times, "GMT+7"), except
# the slash of "82,5%/91,2%" (a result over its goal).
_DIGITS = (r"(?:\d{1,3}(?:[" + SPACES + r"]\d{3})+(?:[.,]\d+)?(?![\d])|\d+(?:[.,]\d+)*)")
# A letter of a script written with spaces: Chinese, Japanese and Korean glue numbers to
# their words ("达到93.5%", "1200户"), so their characters are no word boundary here.
_LETTER = r"[^\W\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]"
_BEFORE = rf"(?<![:+\-.,])(?<!(?<!%)/)(?<!{_LETTER})"
_AFTER = rf"(?![.,]?\d)(?!(?!(?:[đ₫]|pc)(?!\w)){_LETTER})(?![/:]\w)(?!-\w)"  # "2.000.000đ", "96pc" may be glued
# "860.061/1.264.627 người", "97/198 élèves": a part over its whole (two counts).
_RATIO = re.compile(rf"(?<![\w/.,])({_DIGITS})/({_DIGITS})(?![\w/]|[.,]\d)")
# "37-38%", "40-50 triệu", "4.700-5.000 USD": two numbers a hyphen joins, where a unit or scale follows.
_HYPHEN_RANGE = re.compile(r"(?<![\w/.,:+\-])(\d{1,3}(?:[.,]\d+)*)-(\d{1,3}(?:[.,]\d+)*)(?![\w/.,\-])")
# "26 35 %", "14 28 milliards": a dump that lost its decimal comma (no thousands group has two digits).
_LOST_DECIMAL = re.compile(rf"(?<![\w.,])(\d{{1,3}})[{SPACES}](\d{{1,2}})(?![\w.,])")
_AFTER_DIGITS = re.compile(r"\d[ \u00a0]?$")  # a word right after a number ("26 năm") is its unit
# Digit groups joined by single spaces ("1900 9068", "0275 3 822 417", "0232 3822 659").
_RUN = re.compile(f"(?<![\\w.,])\\d+(?:[{SPACES}]\\d+)+(?![\\w]|[.,]\\d)")


@dataclass(frozen=True)
class Number:
    """A number found in a text: character span, normalised value, how it was written."""

    start: int
    end: int
    value: float
    text: str
    approx: bool = False     # "une quarantaine": the word itself says "about"
    word: bool = False       # written in words ("deux", "two million")
    scale: float = 1.0       # the scale word's factor ("86,8 millions": 1e6)

    @property
    def scaled(self) -> bool:
        return self.scale != 1.0


PADDED_DIGITS = 3  # "07", "012": Vietnamese officialese pads small counts with zeros


def parse_digits(s: str, decimal: str = ",", fraction_hint: bool = False) -> float | None:
    """The value of a digit string such as ``1.317.600``, ``93,9`` or ``9 000``; None if malformed.

    ``decimal`` is the locale's decimal mark; ``fraction_hint`` says a scale word or a
    percent sign follows, which makes ``1,240`` a decimal where ``,`` is the mark.
    """
    s = s.strip()
    if _SPACE.search(s):
        parts = _SPACE.split(s)
        last = parts[-1]
        frac = ""
        m = re.fullmatch(r"(\d{3})[.,](\d+)", last)
        if m:
            parts[-1], frac = m.group(1), m.group(2)
        if not (1 <= len(parts[0]) <= 3 and all(len(p) == 3 and p.isdigit() for p in parts[1:])):
            return None
        if not parts[0].isdigit() or (parts[0].startswith("0") and len(parts[0]) > 1):
            return None
        return float("".join(parts) + ("." + frac if frac else ""))
    seps = [c for c in s if c in ".,"]
    groups = re.split(r"[.,]", s)
    if not all(g.isdigit() for g in groups):
        return None
    head = groups[0]
    if head.startswith("0") and len(head) > 1 and (seps or len(head) > PADDED_DIGITS):
        return None  # phone numbers, codes (but "07 thẻ", "08 tổ": a count padded with a zero)
    if not seps:
        return float(s)
    if len(set(seps)) == 2:
        dec = seps[-1]
        if seps.count(dec) > 1:
            return None
        whole, frac = s.rsplit(dec, 1)
        if len(frac) == 3 and not fraction_hint:
            return _grouped(groups, "")  # "1.617,981 người": a slip of the grouping mark, not 1 617.981 people
        return _grouped(re.split(r"[.,]", whole), frac)
    if len(seps) > 1:
        return _grouped(groups, "")
    tail = groups[1]
    if len(tail) != 3 or (seps[0] == decimal and fraction_hint) or len(head) > 3:
        return float(f"{head}.{tail}")
    return float(head + tail)


def _grouped(groups: list[str], frac: str) -> float | None:
    if not (1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])):
        return None
    return float("".join(groups) + ("." + frac if frac else ""))


@dataclass(frozen=True)
class Grammar:
    """The compiled number vocabulary of one language."""

    decimal: str
    digits: re.Pattern
    scales: dict[str, float]
    scale_re: re.Pattern | None
    words: dict[str, dict]
    words_re: re.Pattern | None
    counted_re: re.Pattern | None
    fraction_after: re.Pattern | None
    unit_after: re.Pattern | None  # any unit after a number ("%", "USD", "đồng"): a hyphen range may end in it
    determiner: re.Pattern | None = None  # a definite word before a number word: "les deux", "the two"



@lru_cache(maxsize=None)
def grammar(lang: str, fraction_after: str = "", prefix: str = "", unit_after: str = "") -> Grammar:
    """The number grammar of ``lang`` from ``models/*/number_*.jsonl`` (cached).

    ``fraction_after`` is a regex of what, right after a number, marks it as a
    fraction-bearing quantity (percent signs), on top of the scale words; ``prefix`` a
    regex of what may be glued before the digits (currency codes: "VND46.5").
    """
    fmt = {}
    for row in load_jsonl("number_format", lang):
        fmt.update(row)
    scale_rows = load_jsonl("number_scales", lang)
    scales = {r["word"].lower(): float(r["value"]) for r in scale_rows}
    words = {r["word"].lower(): r for r in load_jsonl("number_words", lang)}
    counted = [r["word"] for r in load_jsonl("number_counted", lang)]
    dets = [r["word"] for r in load_jsonl("number_determiners", lang)]
    scale_re = None
    if scales:
        # "một tỉ lệ" is "a rate": a scale word that another word turns into a noun is no scale
        blocked = [f"{phrases([r['word']])}[{SPACES}]+(?:{r['not_before']})(?!\\w)"
                   for r in scale_rows if r.get("not_before")]
        one = (f"(?!{'|'.join(blocked)})" if blocked else "") + f"(?:{phrases(scales)})(?!\\w)"
        # a hard-wrapped page may break the line between the number and its scale word
        scale_re = re.compile(f"(?:[{SPACES}]*\n)?[{SPACES}]*({one})(?:[{SPACES}]+({one}))?", re.I)
    words_re = None
    if words:
        w = f"(?:{phrases(words)})"
        words_re = re.compile(f"(?<![\\w-])({w}(?:-{w})*)(?![\\w-])", re.I)
    counted_re = re.compile(f"\\s+(?:{phrases(counted)})(?!\\w)", re.I) if counted else None
    frac_parts = [p for p in (fraction_after, scale_re.pattern if scale_re else "") if p]
    frac_re = re.compile("|".join(f"(?:{p})" for p in frac_parts), re.I) if frac_parts else None
    return Grammar(
        decimal=fmt.get("decimal", ","),
        digits=re.compile((f"(?:(?<!\\w)(?:{prefix})[{SPACES}]?|{_BEFORE})" if prefix else _BEFORE)
                          + f"({_DIGITS})" + _AFTER),
        scales=scales,
        scale_re=scale_re,
        words=words,
        words_re=words_re,
        determiner=re.compile(f"(?<!\\w)(?:{phrases(dets)})[{SPACES}]+$", re.I) if dets else None,
        counted_re=counted_re,
        fraction_after=frac_re,
        unit_after=re.compile("|".join(f"(?:{p})" for p in (unit_after, frac_re.pattern) if p), re.I)
        if frac_re else (re.compile(unit_after, re.I) if unit_after else None),
    )


def phone_runs(text: str) -> list[tuple[int, int]]:
    """Spans of digit runs that no thousands grouping explains: phone numbers.

    A run of space-separated digit groups that starts with a zero, where a group after the
    first has four digits or more, or of three groups or more where the first has four and
    a later one fewer than three ("0275 3 822 417", "1900 9068", "1900 54 54 81"), is one
    identifier; none of its pieces is a quantity ("d'ici 2030 12 objectifs" is no run).
    """
    spans = []
    for m in _RUN.finditer(text):
        groups = _SPACE.split(m.group(0))
        if (len(groups[0]) > 1 and groups[0].startswith("0")) or any(len(g) > 3 for g in groups[1:]) \
                or (len(groups) > 2 and len(groups[0]) == 4 and any(len(g) < 3 for g in groups[1:])):
            spans.append((m.start(), m.end()))
    return spans


def find_numbers(text: str, g: Grammar) -> list[Number]:
    """Every number in ``text``, in order, with scale words applied and number words read."""
    found: list[Number] = []
    phones = phone_runs(text)
    for m in g.digits.finditer(text):
        if any(s <= m.start(1) < e for s, e in phones):
            continue
        after = text[m.end():m.end() + 40]
        hint = bool(g.fraction_after and g.fraction_after.match(after))
        value = parse_digits(m.group(1), g.decimal, hint)
        if value is None:
            continue
        found.append(_scaled(text, m.start(1), m.end(1), value, g, word=False))
    found = _lost_decimals(text, g, found) + _ratios(text, g, phones) + _hyphen_ranges(text, g)
    if g.words_re:
        for m in g.words_re.finditer(text):
            if _AFTER_DIGITS.search(text, max(0, m.start() - 3), m.start()):
                continue  # "26 năm cuộc sống": the word after a number is its unit, not a number
            num = _read_words(m.group(1), g)
            if num is None:
                continue
            value, row = num
            item = _scaled(text, m.start(), m.end(), value, g, word=True, approx=bool(row.get("approx")))
            if row.get("needs_scale") and not item.scaled:
                continue
            if not item.scaled and g.determiner and g.determiner.search(text, max(0, m.start() - 12), m.start()):
                continue  # "les deux pays", "the two sides": the ones named before, not a count
            if row.get("needs_noun") and not item.scaled and not (
                    g.counted_re and g.counted_re.match(text, item.end)):
                continue
            found.append(item)
    found.sort(key=lambda n: n.start)
    return _compounds(text, _drop_overlaps(found))


def _ratios(text: str, g: Grammar, phones: list[tuple[int, int]]) -> list[Number]:
    """Both counts of "part/whole" ("699/2 653", "860.061/1.264.627"), never a date ("23/6",
    "23/6/2022"), a year ("58/2014") or a code ("1269/QĐ")."""
    out = []
    for m in _RATIO.finditer(text):
        if any(s <= m.start() < e for s, e in phones):
            continue
        a, b = parse_digits(m.group(1), g.decimal), parse_digits(m.group(2), g.decimal)
        if a is None or b is None or a > b or (a <= 31 and b <= 12) \
                or (re.fullmatch(r"\d{4}", m.group(2)) and 1900 <= b <= 2100):
            continue
        out += [Number(m.start(1), m.end(1), a, m.group(1)), _scaled(text, m.start(2), m.end(2), b, g, word=False)]
    return out


def _hyphen_ranges(text: str, g: Grammar) -> list[Number]:
    """Both ends of "37-38%", "40-50 triệu", "4.700-5.000 USD" or "12-15 xã", which the hyphen
    rule keeps apart from codes and dates ("NQ-CP", "23-5-2018"): only where a unit, a scale
    word or a counted noun follows, and the ends ascend."""
    out = []
    if not g.unit_after:
        return out
    for m in _HYPHEN_RANGE.finditer(text):
        if not (g.unit_after.match(text, m.end()) or (g.counted_re and g.counted_re.match(text, m.end()))):
            continue  # "12-15 xã", "3-5 người": a counted noun follows too
        a, b = parse_digits(m.group(1), g.decimal, True), parse_digits(m.group(2), g.decimal, True)
        if a is None or b is None or a >= b:
            continue
        out += [Number(m.start(1), m.end(1), a, m.group(1)), _scaled(text, m.start(2), m.end(2), b, g, word=False)]
    return out


def _lost_decimals(text: str, g: Grammar, found: list[Number]) -> list[Number]:
    """"26 35 %" is 26.35 where a per-cent sign or a scale word follows: the two digits after
    the space cannot be a thousands group."""
    if not g.fraction_after:
        return found
    for m in _LOST_DECIMAL.finditer(text):
        if not g.fraction_after.match(text, m.end()):
            continue
        value = float(f"{m.group(1)}.{m.group(2)}")
        found = [n for n in found if not (m.start() <= n.start < m.end())]
        found.append(_scaled(text, m.start(1), m.end(2), value, g, word=False))
    return sorted(found, key=lambda n: n.start)


def _compounds(text: str, nums: list[Number]) -> list[Number]:
    """"3 tỷ 450 triệu", "1 million 200 thousand": a scaled number followed, with only a
    space between, by one on a smaller scale is one number, their sum."""
    out: list[Number] = []
    for n in nums:
        prev = out[-1] if out else None
        if prev and prev.scaled and n.scaled and n.scale < prev.scale and not text[prev.end:n.start].strip():
            out[-1] = Number(prev.start, n.end, prev.value + n.value, text[prev.start:n.end],
                             prev.approx, prev.word, prev.scale)
            continue
        out.append(n)
    return out


def _read_words(s: str, g: Grammar) -> tuple[float, dict] | None:
    """``trente-deux`` → 32, ``deux`` → 2, ``une quarantaine`` → 40 (sum; hundreds multiply)."""
    parts = s.lower().split("-")
    if s.lower() in g.words:
        parts = [s.lower()]
    total, rows = 0.0, []
    for part in parts:
        row = g.words.get(part)
        if row is None:
            return None
        rows.append(row)
        if row.get("multiplier"):
            total = max(total, 1.0) * float(row["value"])
        else:
            total += float(row["value"])
    merged = dict(rows[0])
    if len(rows) > 1:
        merged.pop("needs_scale", None)
    return total, merged


def _scaled(text: str, start: int, end: int, value: float, g: Grammar, *, word: bool,
            approx: bool = False) -> Number:
    scale = 1.0
    if g.scale_re:
        m = g.scale_re.match(text, end)
        if m:
            for w in m.groups():
                if w:
                    scale *= g.scales[w.lower()]
            end = m.end()
    return Number(start, end, round(value * scale, 6), text[start:end], approx=approx, word=word, scale=scale)


def _drop_overlaps(nums: list[Number]) -> list[Number]:
    kept: list[Number] = []
    for n in nums:
        if kept and n.start < kept[-1].end:
            if (n.end - n.start) > (kept[-1].end - kept[-1].start):
                kept[-1] = n
            continue
        kept.append(n)
    return kept
