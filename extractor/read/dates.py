"""Publication dates as pages write them: ISO stamps and local date lines (vi/fr/en …).

Only a full date written on the page counts (day, month and a four-digit year): a
weekday word alone ("Thứ Ba") or a relative phrase ("2 giờ trước") is no date, so the
result never depends on the day the extractor runs. Numeric dates are day-first, as
Vietnamese and French pages write them, unless only month-first makes sense.
dateparser is the fallback for other languages and is only called on text that holds
a year, so the common cases stay fast.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import cache

from extractor.read import rules

# year first: "2025-03-14", "2025/03/14", "2025.03.14" (one separator throughout)
_ISO = re.compile(r"\b((?:19|20)\d\d)([-/.])(\d\d)\2(\d\d)(?![\d/]|\.\d)(?:[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?")
_NUMERIC = re.compile(r"(?<![\d/.-])(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*((?:19|20)\d\d)(?![\d/])")
_VI_WORDS = re.compile(r"(?:ngày\s+)?(\d{1,2})\s+tháng\s+(\d{1,2})\s*(?:năm\s+|,\s*)?((?:19|20)\d\d)\b", re.I)
_CJK_DATE = re.compile(r"((?:19|20)\d\d)\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]")  # 2025年9月12日
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_TIME = re.compile(r"\b\d{1,2}\s*[:hH]\s*\d\d(?:\s*[:]\s*\d\d)?(?:\s*(?:am|pm|AM|PM|SA|CH))?(?:\s*\(?(?:GMT|UTC|ICT)\s*[+-]?\s*\d{0,2}(?::?\d\d)?\)?)?")


@cache
def _words() -> tuple[dict[str, int], re.Pattern, re.Pattern, re.Pattern]:
    d = rules.data("dates")
    months = {w: int(m) for m, words in d["months"].items() for w in words}
    alt = "|".join(sorted(map(re.escape, months), key=len, reverse=True))
    day_first = re.compile(rf"\b(\d{{1,2}})(?:er|st|nd|rd|th|\.)?\s+(?:de\s+)?({alt})\.?,?\s+(?:de\s+)?((?:19|20)\d\d)\b", re.I)
    month_first = re.compile(rf"\b({alt})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b", re.I)
    weekdays = "|".join(sorted(map(re.escape, d["weekdays"]["words"]), key=len, reverse=True))
    weekday = re.compile(rf"(?<!\w)(?:{weekdays})(?!\w)\.?,?", re.I)
    return months, day_first, month_first, weekday


def _iso(y: int, m: int, d: int) -> str | None:
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


@cache
def _languages() -> list[str]:
    import dateparser.data

    known = set(dateparser.data.languages_info.language_order)
    return [code for code in rules.data("language")["candidates"] if code in known]


def find_date(text: str) -> tuple[str, tuple[int, int]] | None:
    """The first full date in ``text`` as (ISO date, (start, end) of its match), else None."""
    months, day_first, month_first, _ = _words()
    hits = []
    for m in _ISO.finditer(text):
        hits.append((m.start(), m.end(), _iso(int(m[1]), int(m[3]), int(m[4]))))
    for m in _NUMERIC.finditer(text):
        a, b, y = int(m[1]), int(m[3]), int(m[4])
        iso = _iso(y, b, a) if b <= 12 else _iso(y, a, b)
        hits.append((m.start(), m.end(), iso))
    for m in _CJK_DATE.finditer(text):
        hits.append((m.start(), m.end(), _iso(int(m[1]), int(m[2]), int(m[3]))))
    for m in _VI_WORDS.finditer(text):
        hits.append((m.start(), m.end(), _iso(int(m[3]), int(m[2]), int(m[1]))))
    for m in day_first.finditer(text):
        hits.append((m.start(), m.end(), _iso(int(m[3]), months[m[2].lower()], int(m[1]))))
    for m in month_first.finditer(text):
        hits.append((m.start(), m.end(), _iso(int(m[3]), months[m[1].lower()], int(m[2]))))
    hits = [h for h in hits if h[2]]
    if hits:
        start, end, iso = min(hits)
        return iso, (start, end)
    return None


def parse_date(text: str | None, *, fallback: bool = True) -> str | None:
    """ISO date (YYYY-MM-DD) of the first full date written in ``text``, else None."""
    if not text:
        return None
    found = find_date(text)
    if found:
        return found[0]
    if fallback and _YEAR.search(text) and len(text) < 200:
        return _dateparser(text)
    return None


def _dateparser(text: str) -> str | None:
    """dateparser, on absolute dates only ("2 months ago 2021" is no date), in the languages
    a page may be in (language.toml): guessing among all its locales loads every one of
    them, seconds on a first call."""
    import dateparser

    settings = {"DATE_ORDER": "DMY", "REQUIRE_PARTS": ["day", "month", "year"],
                "PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False,
                "PARSERS": ["custom-formats", "absolute-time"]}
    try:
        got = dateparser.parse(text, settings=settings, languages=_languages())
    except Exception:  # dateparser raises a zoo of errors on odd strings; a non-date is None
        return None
    return got.date().isoformat() if got else None


def split_date_line(line: str, max_len: int = 120) -> tuple[str, str] | None:
    """If ``line`` is a date line ("Báo Gia Lai – 21/08/2025", "Thứ Hai, 14/07/2025 - 08:15"),
    return (ISO date, what else it says, e.g. the outlet or section); else None. A page's
    "today" clock is none; a meta line of "|" fields is one when a field is a labelled
    publication date ("Người đăng: X | Ngày đăng: 04/03/2024")."""
    found = find_date(line) if len(line) <= max_len else None
    if not found:
        return _labelled_field(line)
    iso, (start, end) = found
    rest = line[:start] + " " + line[end:]
    rest = _TIME.sub(" ", rest)
    rest = _words()[3].sub(" ", rest)
    rest = re.sub(r"\b(?:GMT|UTC|ICT)\s*[+-]?\d*\b|\b(?:lúc|at|à|le|on|publié|published|cập nhật|updated)\b", " ", rest, flags=re.I)
    rest = re.sub(r"^[\s|·•,–—:/-]+|[\s|·•,–—:/-]+$", "", rest)
    rest = re.sub(r"\s+", " ", rest)
    if rest.lower() in _today_labels():
        return None
    doubled = re.fullmatch(r"(.+?) ?\1", rest)  # portals print the outlet twice: "Báo XBáo X"
    if len((doubled.group(1) if doubled else rest).split()) > 8 or re.search(r"[.!?;]\s|\d{3,}", rest):
        return _labelled_field(line)
    return iso, rest


def has_time(line: str) -> bool:
    """Does ``line`` give a clock time ("09:04", "11:47 AM", "14h30")? A publication stamp does;
    a site's clock of today prints the date alone."""
    return bool(_TIME.search(line))


@cache
def _today_labels() -> frozenset[str]:
    return frozenset(rules.data("dates").get("labels", {}).get("today", []))


@cache
def _published_field() -> re.Pattern:
    words = rules.data("dates").get("labels", {}).get("published", [])
    published = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
    return re.compile(rf"^\s*(?:{published})\s*:?\s*(?P<date>.+)$", re.I)


def labelled_date(line: str) -> str | None:
    """The publication date a labelled meta field gives ("Ngày đăng: 11/10/2020 - …"), else None."""
    found = _labelled_field(line)
    return found[0] if found else None


def _labelled_field(line: str) -> tuple[str, str] | None:
    """The date of the field labelled as the publication date in a meta line of "|" (or " - ")
    fields: "Người đăng: X | Ngày đăng: 04/03/2024", "Ngày đăng: 11/10/2020 - Lượt xem: 109"."""
    if ("|" not in line and " - " not in line) or len(line) > 400:
        return None
    for field in re.split(r"\||\s-\s", line):
        m = _published_field().match(field)
        found = find_date(m["date"]) if m else None
        if found:
            return found[0], ""
    return None
