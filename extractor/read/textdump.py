"""Main text of a plain-text dump of a news page.

A dump is the page's visible text, furniture included: a site banner ("Vietnam.vn - …")
or menu, the title, maybe a lead, the outlet-and-date line, the body, "Source : …"
lines, then "Comment (0)", "Même sujet", related headlines and a category menu. The
article is the part between the date line and the first end marker; what is cut is
named in ``models/read/furniture.toml``. The same body rules clean HTML blocks too.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from extractor.read import dates, metadata, rules

CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")  # scripts written without spaces
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
# An archive's capture stamp before the page text: "date 2025-03-14 Title …", "date 2025-03 …".
_STAMP = re.compile(r"^\s*date\s+((?:19|20)\d\d-[01]\d(?:-[0-3]\d)?)\b\s*")
HEAD_LINES = 8        # how far down a page's header an unmarked headline may sit
MENU_LINES = 24       # … and a headline over its date line or printed again, under a long menu
LABEL_WORDS = 6       # a line this short printed twice in a row is a label ("Báo X\nBáo X")
MIN_TITLE_WORDS = 4   # "Sign in", "Society", "Xã hội": menu items, not headlines
MAX_TITLE_WORDS = 40
MENU_WORDS = 15       # lines above a headline longer than this are article text, not a menu
WRAP_CHARS = 60       # a line cut this long or longer, mid-sentence, by a hard-wrapping page …
WRAPS = 2             # … at least this often: the page is hard-wrapped


@dataclass
class Dump:
    """What a text dump yields before language detection."""

    text: str
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    source_url: str | None = None


def normalize_line(line: str) -> str:
    """One paragraph on one line: no invisible characters, no-break spaces made plain spaces."""
    return _SPACES.sub(" ", _INVISIBLE.sub("", line)).strip()


def is_site_line(line: str) -> bool:
    """A banner, menu or breadcrumb line of the site, not the article."""
    return bool(rules.furniture()["site_banners"].search(line))


def is_byline(line: str) -> bool:
    return bool(rules.furniture()["byline"].match(line))


def is_signature(line: str) -> bool:
    """A closing author line: "Hoài Nam", "Duy Khương (TTXVN)", "– VNA", "By Thu Trang"."""
    if is_byline(line):
        return True
    words = re.sub(r"^[-–—\s]+|\s*\((?:[A-ZĐ]{2,}|[A-ZĐ][\w.]+)\)$", "", line).split()
    if not 1 <= len(words) <= 5 or len(line) > 50 or re.search(r"[.!?:;,\d»”\"]$|\d", line):
        return False
    return all(w[0].isupper() for w in words)


def looks_like_title(line: str, *, dated: bool = False) -> bool:
    """A headline's shape; a headline may hold a date ("… by 31 October 2018") only when the
    page's date line follows it (``dated``)."""
    words = len(line.split()) + len(CJK.findall(line)) // 2  # CJK titles have no spaces
    if len(line) > 250 or words < 2 or line[0].islower() or (not dated and dates.split_date_line(line)):
        return False  # a line opening in lower case is text cut mid-sentence, never a headline
    return not line.endswith(".") or line.endswith(("...", "…"))


def clean_body(blocks: list[str]) -> tuple[list[str], str | None]:
    """Cut at the first end marker, drop "Source : …" lines (returning the URL they cite),
    links to other articles (">>…") and trailing signatures."""
    f = rules.furniture()
    out, source_url = [], None
    for k, block in enumerate(blocks):
        if out and f["end_markers"].search(block):
            break
        if _reprinted(block, blocks[k + 1:k + 2]):
            continue
        is_source, url = metadata.source_from_line(block)
        if is_source:
            source_url = source_url or url
            continue
        if f["headings"].search(block) or f["link_lines"].search(block) or is_site_line(block):
            continue
        out.append(block)
    while out and is_signature(out[-1]):
        out.pop()
    return out, source_url


def _reprinted(block: str, following: list[str]) -> bool:
    """A lead printed twice: alone, then opening the next paragraph."""
    key = block.rstrip(".…")
    return len(key) >= 20 and bool(following) and len(following[0]) > len(block) and following[0].startswith(key)


def split_head(blocks: list[str], *, look: int = 4) -> tuple[list[str], str | None, str | None, list[str]]:
    """Find the outlet/date line near the top: (lead before it, ISO date, outlet, the rest)."""
    for j, block in enumerate(blocks[:look]):
        found = dates.split_date_line(block)
        if found:
            rest = blocks[j + 1:]
            while rest and is_byline(rest[0]):
                rest = rest[1:]
            return blocks[:j], found[0], metadata.outlet_from(found[1]), rest
    return [], None, None, blocks


def _past_site_header(lines: list[str], i: int, look: int = 6) -> int:
    """Skip a site header the banner rules do not know ("Le Courrier du Vietnam", a menu,
    "Société") when the title sits right above the date line after a few such short lines."""
    for j in range(i + 1, min(len(lines), i + look)):
        if dates.split_date_line(lines[j]):
            header = lines[i:j - 1]
            if header and looks_like_title(lines[j - 1]) and len(lines[j - 1].split()) > 5 and all(
                    len(line.split()) <= 5 or is_site_line(line) for line in header):
                return j - 1
            return i
    return i


def _words(line: str) -> int:
    return len(line.split()) + len(CJK.findall(line)) // 2


def _repeated(j: int, lines: list[str]) -> bool:
    """The headline printed again in the page: alone, as a caption's start ("… - Ảnh 1") or
    after a label glued to it ("null Trao thẻ …")."""
    key = lines[j].rstrip(".…").lower()
    return len(key) >= 20 and any(
        k != j and (other.lower().startswith(key) or other.lower().rstrip(".…").endswith(key))
        for k, other in enumerate(lines))


def _dated(j: int, lines: list[str]) -> bool:
    """A date line follows line ``j``, maybe after a byline or an author's name."""
    after = lines[j + 1:j + 3]
    if after and dates.split_date_line(after[0]) is not None:
        return True
    return len(after) == 2 and is_signature(after[0]) and dates.split_date_line(after[1]) is not None


def _label(j: int, lines: list[str]) -> bool:
    """A short line printed twice in a row: the site's name or an author, not a headline."""
    return _words(lines[j]) <= LABEL_WORDS and lines[j] in lines[max(0, j - 1):j] + lines[j + 1:j + 2]


def _furniture(line: str) -> bool:
    """A header line that is never a headline and is no sentence of the article either."""
    return bool(rules.furniture()["never_titles"].search(line)) and not line.endswith((".", "…"))


def _headline(lines: list[str], i: int, under_date: bool = False) -> int | None:
    """Where the headline sits among the header lines from ``i``: the line a date line
    follows or that the page prints again, under a menu of any length; else the top line
    when it reads like one; else the first headline-like line past a short menu. A final
    full stop is allowed on a headline over its date line, printed again or over a longer
    lead, not on a body's first sentence. Furniture lines (a greeting banner, captions,
    contacts) of any length are no article text above it. Right ``under_date`` (the page
    opens with its date line), a line of two or three words is the headline."""
    never = rules.furniture()["never_titles"]
    head = []  # the header lines: up to the first line of article text, which may be the headline
    for j in range(i, min(len(lines), i + MENU_LINES)):
        head.append(j)
        if _words(lines[j]) > MENU_WORDS and not _furniture(lines[j]):
            break

    def plausible(j: int, stop_ok: bool, dated: bool = False) -> bool:
        line = lines[j]
        if not 2 <= _words(line) <= MAX_TITLE_WORDS or is_site_line(line) or metadata.is_banner(line) \
                or never.search(line) or _label(j, lines):
            return False
        only_date = dates.split_date_line(line)
        if only_date and not only_date[1]:
            return False  # "Chủ Nhật, 14/04/2024": a date line, however a date line follows it
        return looks_like_title(line, dated=dated) or (stop_ok and line.endswith(".") and _words(line) <= 25)

    def unmarked(j: int) -> bool:
        return _words(lines[j]) >= MIN_TITLE_WORDS and plausible(j, False)

    if under_date and i < len(lines) and _words(lines[i]) < MIN_TITLE_WORDS and plausible(i, False, True):
        return i  # "09:04, 07/04/2021" then "Improving community health"
    first = next((k for k in head if unmarked(k)), None)  # the first headline-like line
    for j in head:
        if lines[j].endswith(".") and first is not None and first < j:
            continue  # a lead sentence printed again or over the date line, under the headline
        dated = _dated(j, lines)
        if (dated or _repeated(j, lines)) and plausible(j, True, dated):
            return j
    if first == i:
        return i
    return next((j for j in head[:HEAD_LINES] if _words(lines[j]) >= MIN_TITLE_WORDS
                 and plausible(j, j + 1 < len(lines) and len(lines[j + 1]) > len(lines[j]))), None)


def _header_date(lines: list[str], lo: int, hi: int) -> str | None:
    """The publication date among the header lines above the headline: a date line with its
    time ("Chủ nhật, 19/11/2023, 11:47 AM") or a labelled one ("Ngày đăng: 11/10/2020"), the
    nearest to the headline; a bare date there is the site's clock of today."""
    for line in reversed(lines[lo:hi]):
        labelled = dates.labelled_date(line)
        if labelled:
            return labelled
        found = dates.split_date_line(line)
        if found and dates.has_time(line):
            return found[0]
    return None


def unwrap(lines: list[str]) -> list[str]:
    """Join the lines a hard-wrapping page cut mid-sentence ("… spent nearly 14" /
    "billion VND on …"): a long line ending on a word or a comma, and the next going on in
    lower case, where the page does so at least ``WRAPS`` times (a menu's one such pair stays)."""
    def cut(a: str, b: str) -> bool:
        return len(a) >= WRAP_CHARS and (a[-1].isalnum() or a[-1] == ",") and b[:1].islower()

    if sum(cut(a, b) for a, b in zip(lines, lines[1:])) < WRAPS:
        return lines
    out: list[str] = []
    for line in lines:
        if out and cut(out[-1], line):
            out[-1] += " " + line
        else:
            out.append(line)
    return out


def read_dump(text: str) -> Dump:
    """Title, date line, body and source of a plain-text page dump."""
    stamp = _STAMP.match(text)
    if stamp:
        text = text[stamp.end():]
    lines = [normalize_line(line) for line in text.splitlines()]
    lines = unwrap([line for line in lines if line])
    i = 0
    while i < len(lines) and (is_site_line(lines[i]) or metadata.is_banner(lines[i])):
        i += 1
    i = first = _past_site_header(lines, i)
    top = dates.split_date_line(lines[i]) if i < len(lines) else None
    # a stamp with its time, alone or first on its line ("19/04/2017 09:10 GMT+7 Email Print"): not a
    # headline holding a date, nor the site's clock of today ("Thứ sáu, 24/05/2024")
    top = top if top and dates.has_time(lines[i]) and (not top[1].strip() or lines[i][:1].isdigit()) else None
    if top:
        i += 1  # a date line over the headline: "11:03, 23/03/2023"
    if i < len(lines):  # "Headline hinh anh 1People wait …": the image label and caption glued to it go
        cut = rules.furniture()["title_tails"].sub("", lines[i])
        if cut != lines[i] and _words(cut) >= MIN_TITLE_WORDS:
            lines[i] = cut
    title = None
    at = _headline(lines, i, under_date=bool(top))
    if at is not None:
        title, i = lines[at], at + 1  # what sat above the headline was the site's menu
        title = rules.furniture()["title_tails"].sub("", title) or title
    lead, published, outlet, rest = split_head(lines[i:])
    body, source_url = clean_body([b for b in lead if not is_site_line(b)] + rest)
    # else a dated line above the headline (the opening time stamp among them)
    published = published or _header_date(lines, first, at if at is not None else i) \
        or (stamp.group(1) if stamp else None)
    return Dump(text="\n\n".join(body), title=title, published=published,
                outlet=outlet, source_url=source_url)
