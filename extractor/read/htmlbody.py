"""The body of an HTML page: which element holds the article, what inside it is furniture,
and its text block by block.

Text is weighed by what a reader reads, not by what links to elsewhere: link text does
not count in the vote for the body, and a list of headlines is furniture. Class words
come in two strengths (``models/read/furniture.toml``): a strong word ("comment",
"related", "breadcrumb") drops its element; a weak one ("widget", "meta", "hidden",
"sidebar", "pagination"), which site builders also put on the article's own wrappers,
drops it only when it is mostly links. trafilatura's lists of boxes that are never
article text (``lean.py``) drop theirs too.
"""
from __future__ import annotations

import re
from functools import lru_cache

from lxml import etree

from extractor.read import dates, lean, metadata, rules
from extractor.read.textdump import is_byline, is_signature, is_site_line, normalize_line

BLOCK = frozenset("p div section article main li ul ol dl dt dd figure figcaption blockquote h1 h2 h3 h4 h5 h6 "
                  "table thead tbody tfoot tr td th header footer aside nav pre address center body html details "
                  "summary form fieldset hr br".split())
CHROME = frozenset(("header", "footer", "nav", "aside"))
_HEADINGS = frozenset("h2 h3 h4 h5 h6 strong b p span div header".split())
_VOTERS = ("p", "div", "td", "pre", "blockquote", "section", "article", "font", "span")
_LINKY = 0.4  # share of link text above which a block is a list of links
_LINK_BOXES = frozenset(("ul", "ol", "div", "section", "p", "table", "dl"))


# class names that file a post under a taxonomy ("tag-health", "category-news" on a
# WordPress article), not furniture
_TAXONOMY = re.compile(r"(?:^|\s)(?:tag|tags|category|categories|has|type|status|format|topic|author)[-_]\S*")


def text_of(el) -> str:
    """All the text inside an element (not its tail), read by lxml in C."""
    return etree.tostring(el, method="text", encoding="unicode", with_tail=False)


def furniture_attr(el) -> str | None:
    """"strong" or "weak" when the element's class or id names it as furniture, else None."""
    cls, id_ = el.get("class"), el.get("id")
    return _furniture_words(f"{cls or ''} {id_ or ''}".lower()) if cls or id_ else None


@lru_cache(maxsize=4096)
def _furniture_words(attr: str) -> str | None:
    attr = _TAXONOMY.sub(" ", attr)
    f = rules.furniture()
    tokens = set(re.split(r"[^a-z0-9]+", attr))
    if not f["class_tokens"].isdisjoint(tokens):
        return "strong"
    squashed = re.sub(r"[^a-z0-9]+", "", attr)
    if any(s in squashed for s in f["class_substrings"]):
        return "strong"
    return "weak" if not f["weak_class_tokens"].isdisjoint(tokens) else None


def link_density(el) -> float:
    """Share of the element's text that sits in links."""
    total = len(text_of(el).strip())
    if not total:
        return 0.0
    return min(1.0, sum(len(text_of(a).strip()) for a in el.iter("a")) / total)


def _own_text(el) -> int:
    """Characters of running text the element holds itself (its inline children included,
    its block children and its links not)."""
    n = len((el.text or "").strip())
    for child in el:
        tag = child.tag
        if isinstance(tag, str) and tag not in BLOCK and tag != "a":
            n += len(text_of(child).strip())
        n += len((child.tail or "").strip())
    return n


def body_element(tree) -> tuple[object | None, int]:
    """The element whose paragraphs hold the most running text (a readability-style vote),
    and how much running text (outside links) the whole page holds."""
    scores: dict = {}
    running = 0
    for el in tree.iter(*_VOTERS):
        n = _own_text(el)
        running += n
        if n < 25:
            continue
        if el.tag == "p" or el.tag == "span":
            holder = el.getparent()
        else:  # text straight in a div, cell or section: that element is the paragraph's box
            holder = el
        if holder is None or holder.tag == "a":
            continue
        scores[holder] = scores.get(holder, 0) + n
        grand = holder.getparent()
        if grand is not None:
            scores[grand] = scores.get(grand, 0) + n / 3
    if not scores:
        return None, running
    furniture: dict = {}

    def penalty(el) -> float:
        """Text inside a header, footer, comment box or cookie notice counts a fifth."""
        if el not in furniture:
            parent = el.getparent()
            own = el.tag in CHROME or furniture_attr(el) == "strong"
            furniture[el] = 0.2 if own else penalty(parent) if parent is not None else 1.0
        return furniture[el]

    return max(scores, key=lambda el: scores[el] * penalty(el)), running


def drop_furniture(root, keep: set, h1) -> None:
    """Remove furniture inside the article root (never the body or its ancestors)."""
    f = rules.furniture()
    doomed = []
    for el in root.iter():
        if not isinstance(el.tag, str) or el is root or el in keep:
            continue
        kind = furniture_attr(el)
        if el.tag in CHROME or el.tag == "form" or kind == "strong" or kind == "weak" and _linky(el):
            doomed.append(el)
        elif el.tag in _LINK_BOXES and _linky(el) and (el.tag not in ("ul", "ol") or len(el) > 1):
            doomed.append(el)  # a list of headlines, a teaser box, a row of links
        elif el.tag in _HEADINGS and len(el) <= 2:
            raw = text_of(el).strip()
            text = normalize_line(raw) if 0 < len(raw) < 100 else ""
            if text and len(text) < 60 and f["headings"].search(text):
                parent = el.getparent()
                if parent is not None and parent is not root and parent not in keep:
                    doomed.append(parent)
                else:
                    doomed.append(el)
                    sib = el.getnext()
                    while sib is not None and _linky(sib):
                        doomed.append(sib)
                        sib = sib.getnext()
    if h1 is not None and h1 is not root and any(a is root for a in h1.iterancestors()):
        doomed.append(h1)
    for el in doomed:
        if el.getparent() is not None:
            _drop(el)
    for el in lean.discarded(root, keep):  # on what is left: the lists are slow on a whole page
        if el.getparent() is not None:
            _drop(el)


def _drop(el) -> None:
    """Remove an element and what it holds, keeping the text that follows it."""
    parent, tail = el.getparent(), el.tail
    if tail:
        previous = el.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


def _linky(el) -> bool:
    """Mostly links (or no text at all): a box of other pages' headlines."""
    text = text_of(el).strip()
    if len(text) < 3:
        return True
    return sum(len(text_of(a).strip()) for a in el.iter("a")) / len(text) > _LINKY


def blocks(root) -> tuple[list[str], set[str]]:
    """The root's text, one string per block-level element, captions cleaned of credits;
    and the blocks that are table rows (cells joined by " | ")."""
    out: list[str] = []
    rows: set[str] = set()
    credit = rules.furniture()["caption_credit"]

    def emit(parts: list[str], caption: bool, row: bool = False) -> None:
        joined = "".join(parts)
        parts.clear()
        if not joined or joined.isspace():
            return
        text = normalize_line(joined)
        if caption:
            text = credit.sub("", text).strip()
        if text and not is_byline(text):
            if row:
                rows.add(text)
            out.append(text)

    def walk(el, caption: bool) -> None:
        caption = caption or el.tag in ("figcaption", "figure") or _is_caption(el)
        if el.tag == "tr":
            cells = [c for c in el if isinstance(c.tag, str)]
            texts = [normalize_line(text_of(c)) for c in cells]
            emit([" | ".join(t for t in texts if t)], caption or any(map(_is_caption, cells)), row=True)
            return
        parts = [el.text or ""]
        for child in el:
            if not isinstance(child.tag, str):
                parts.append(child.tail or "")
                continue
            if child.tag in BLOCK:
                emit(parts, caption)
                if child.tag not in ("br", "hr"):
                    walk(child, caption)
            else:
                parts.append(text_of(child))
            parts.append(child.tail or "")
        emit(parts, caption)

    walk(root, False)
    return out, rows


def _is_caption(el) -> bool:
    attr = re.sub(r"[^a-zà-ỹ]+", "", f"{el.get('class') or ''}{el.get('id') or ''}".lower())
    return bool(attr) and any(c in attr for c in rules.furniture()["caption_classes"])


def clean_blocks(blocks: list[str], rows: set[str] = frozenset()) -> tuple[list[str], str | None]:
    """Drop furniture lines from an HTML article's blocks; returns (blocks, cited source URL).

    An end marker ("Related news", "©", "Read more: …") ends the article only where less
    text follows it than came before; higher up (a photo credit under the headline, an
    inline "READ MORE:" link) only its own line goes. Table rows are never menu lines.
    """
    f = rules.furniture()
    out, source_url = [], None
    sizes = [len(b) for b in blocks]
    after = sum(sizes)
    for i, block in enumerate(blocks):
        after -= sizes[i]
        if f["end_markers"].search(block):
            if out and after < sum(map(len, out)):
                break
            continue
        is_source, url = metadata.source_from_line(block)
        if is_source:
            source_url = source_url or url
            continue
        if f["headings"].search(block) or f["counters"].search(block) or f["credit_line"].match(block) or (
                block not in rows and is_site_line(block)) or _date_only(block):
            continue
        out.append(block)
    while out and is_signature(out[-1]):
        out.pop()
    return out, source_url


def _date_only(block: str) -> bool:
    """A line that only dates the page ("Published 12 May 2024 | 10:32"), not a sentence."""
    if len(block) > 60:
        return False
    found = dates.split_date_line(block)
    return bool(found) and len(found[1].split()) <= 3
