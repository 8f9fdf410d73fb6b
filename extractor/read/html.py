"""Main text of an HTML news page: lead, body paragraphs and image captions, no furniture.

One lxml parse serves everything. The body is the element holding the most paragraph
text (the readability idea); the article is the smallest element holding both that body
and the headline, so a lead or a figure beside the body is kept. Inside it, furniture
(breadcrumbs, related headlines, comments, tags, share bars, bylines, image credits …) is
dropped by class/id words and by section headings listed in
``models/read/furniture.toml``; what is left is read block by block. Pages with no such
structure go to trafilatura, which is good at arbitrary layouts, on the same tree.
Selectors run on lxml rather than BeautifulSoup: a second parse would halve the speed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import lxml.html
from lxml import etree

from extractor.read import dates, metadata, rules
from extractor.read.selectors import select
from extractor.read.textdump import clean_body, is_byline, normalize_line, split_head

_NOISE = ("script", "style", "noscript", "template", "svg", "iframe", "form", "button", "input", "select",
          "textarea", "object", "embed", "canvas", "video", "audio", "map", "link", "meta", "head")
_BLOCK = frozenset("p div section article main li ul ol dl dt dd figure figcaption blockquote h1 h2 h3 h4 h5 h6 "
                   "table thead tbody tfoot tr header footer aside nav pre address center body html details summary "
                   "hr br".split())
_HEADINGS = frozenset("h2 h3 h4 h5 h6 strong b p span div header".split())
_CHROME = frozenset(("header", "footer", "nav", "aside"))
_DATE_CLASSES = frozenset("date time datetime publish published pubdate publishdate ngay thoigian posted timestamp".split())
_PARSER = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, recover=True)
_MIN_TEXT = 150


@dataclass
class HtmlArticle:
    text: str
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    source_url: str | None = None
    language: str | None = None
    canonical: str | None = None
    site_name: str | None = None
    blocks: list[str] = field(default_factory=list)


def parse(text: str):
    """An lxml tree of an HTML page (already decoded to str)."""
    return lxml.html.document_fromstring(text.encode("utf-8"), parser=_PARSER)


def read_html(text: str, *, url: str | None = None, selectors: dict[str, str] | None = None) -> HtmlArticle:
    """Read the article of an HTML page; ``text`` is empty when none was found.

    ``selectors`` (a site profile's CSS selectors for title, date, body) override what
    the generic rules find, where they match.
    """
    tree = parse(text)
    meta = metadata.html_metadata(tree, url)
    page_title = tree.findtext(".//title")
    etree.strip_elements(tree, *_NOISE, with_tail=False)
    body_el = _body_element(tree)
    h1 = _headline(tree, body_el)
    root = _article_root(tree, body_el, h1)
    keep = set(body_el.iterancestors()) | {body_el} if body_el is not None else set()

    headline = h1.text_content() if h1 is not None and _inside(h1, root) else None
    published = meta["published"] or _visible_date(root)
    outlet, source_url = _visible_source(root, meta, url)
    _drop_furniture(root, keep, h1)
    blocks = _blocks(root)
    lead, line_date, line_outlet, rest = split_head(blocks, look=3)
    blocks = lead + rest
    published = published or line_date
    outlet = outlet or line_outlet
    body, cited = clean_body(blocks)
    if sum(map(len, body)) < _MIN_TEXT:
        body, cited2 = _trafilatura(tree)
        cited = cited or cited2
    if selectors:
        chosen = select(text, selectors)
        headline, published = chosen.title or headline, chosen.published or published
        if sum(map(len, chosen.blocks)) >= _MIN_TEXT:
            body, cited3 = clean_body(chosen.blocks)
            cited = cited or cited3
    source_url = source_url or cited or meta["source_url"]
    if source_url and metadata.same_site(source_url, meta["canonical"] or url):
        source_url = None
    names = [meta["site_name"], outlet, _domain(meta["canonical"] or url)]
    titles = [headline, *meta["titles"], page_title]
    title = next((t for t in (metadata.clean_title(c, names) for c in titles) if t), None)
    return HtmlArticle(text="\n\n".join(body), title=title, published=published,
                       outlet=outlet or meta["outlet"] or meta["site_name"], source_url=source_url,
                       language=meta["language"], canonical=meta["canonical"], site_name=meta["site_name"],
                       blocks=body)


def _domain(url: str | None) -> str | None:
    m = re.match(r"https?://(?:www\.)?([^/:]+)", url or "")
    return m.group(1) if m else None


def _inside(el, root) -> bool:
    return el is root or any(a is root for a in el.iterancestors())


def _furniture_attr(el) -> bool:
    """Does the element's class or id name it as furniture?"""
    attr = f"{el.get('class') or ''} {el.get('id') or ''}".lower()
    if not attr.strip():
        return False
    f = rules.furniture()
    if not f["class_tokens"].isdisjoint(re.split(r"[^a-z0-9]+", attr)):
        return True
    squashed = re.sub(r"[^a-z0-9]+", "", attr)
    return any(s in squashed for s in f["class_substrings"])


def _body_element(tree):
    """The element whose paragraphs hold the most text (a readability-style vote)."""
    scores: dict = {}
    for p in tree.iter("p", "br", "div"):
        parent = p.getparent()
        if parent is None or p.tag == "div" and any(isinstance(c.tag, str) and c.tag in _BLOCK for c in p):
            continue
        n = len(p.text_content()) if p.tag != "br" else len(p.tail or "")
        if n < 25:
            continue
        scores[parent] = scores.get(parent, 0) + n
        grand = parent.getparent()
        if grand is not None:
            scores[grand] = scores.get(grand, 0) + n / 3
    if not scores:
        return None
    candidates = [el for el in scores if not _furniture_attr(el) and el.tag not in _CHROME] or list(scores)
    return max(candidates, key=scores.get)


def _headline(tree, body_el):
    """The article's <h1>: the one nearest the body, not a logo in the site header."""
    h1s = [h for h in tree.iter("h1") if h.text_content().strip()]
    if not h1s:
        return None
    if body_el is not None:
        body_anc = list(body_el.iterancestors())
        for anc in body_anc:
            for h in h1s:
                if _inside(h, anc) and not any(a.tag in ("header", "nav") and a not in body_anc
                                               for a in h.iterancestors()):
                    return h
    return h1s[0]


def _article_root(tree, body_el, h1):
    """The smallest element holding the body and the headline (else the body's <article>)."""
    if body_el is None:
        return tree.find("body") if tree.find("body") is not None else tree
    chain = [body_el, *body_el.iterancestors()]
    if h1 is not None:
        h1_anc = set(h1.iterancestors())
        for el in chain:
            if el in h1_anc:
                if el.tag not in ("body", "html"):
                    return el
                break
    return next((el for el in chain if el.tag == "article"), body_el)


def _visible_date(root) -> str | None:
    """A date from <time> or a date-classed element inside the article."""
    for el in root.iter("time"):
        found = dates.parse_date(el.get("datetime"), fallback=False) or dates.parse_date(el.text_content())
        if found:
            return found
    for el in root.iter():
        if not isinstance(el.tag, str) or not (el.get("class") or el.get("id")):
            continue
        attr = re.split(r"[^a-z0-9]+", f"{el.get('class') or ''} {el.get('id') or ''}".lower())
        if _DATE_CLASSES.isdisjoint(attr):
            continue
        text = normalize_line(el.text_content())
        found = dates.split_date_line(text) if len(text) < 120 else None
        if found:
            return found[0]
    return _date_line_near_top(root)


def _date_line_near_top(root, look: int = 8) -> str | None:
    """A date line among the first short text elements of the article, whatever its class
    ("<p class=meta>Tuesday, 21 October 2025, 14:05</p>" under the headline)."""
    seen = 0
    for el in root.iter("p", "div", "span", "li", "small", "em", "strong"):
        if len(el) and any(child.tag in ("p", "div", "li") for child in el):
            continue
        text = normalize_line(el.text_content())
        if not text:
            continue
        found = dates.split_date_line(text) if len(text) < 120 else None
        if found:
            return found[0]
        seen += 1
        if seen >= look:
            break
    return None


def _visible_source(root, meta: dict, url: str | None) -> tuple[str | None, str | None]:
    """(outlet, source_url) from "Source : …" blocks and source-name elements in the article."""
    outlet = source_url = None
    own = meta["canonical"] or url
    for el in root.iter("p", "div", "span", "em", "footer", "cite", "a"):
        attr = f"{el.get('class') or ''}".lower()
        text = normalize_line(el.text_content())
        if not text or len(text) > 400:
            continue
        is_source, cited = metadata.source_from_line(text)
        if is_source or ("source" in attr and el.tag != "a"):
            links = [a.get("href") for a in el.iter("a") if (a.get("href") or "").startswith("http")]
            cited = cited or next((h for h in links if not metadata.same_site(h, own)), None)
            if cited and not metadata.same_site(cited, own):
                source_url = source_url or cited
            elif not is_source and not outlet and len(text.split()) <= 12:
                line = dates.split_date_line(text)
                outlet = metadata.outlet_from(line[1]) if line else metadata.outlet_from(text) or text
    return outlet, source_url


def _drop_furniture(root, keep: set, h1) -> None:
    """Remove furniture inside the article root (never the body or its ancestors)."""
    f = rules.furniture()
    doomed = []
    for el in root.iter():
        if not isinstance(el.tag, str) or el is root or el in keep:
            continue
        if el.tag in _CHROME or _furniture_attr(el):
            doomed.append(el)
        elif el.tag in _HEADINGS and len(el) <= 2:
            text = normalize_line(el.text_content())
            if text and len(text) < 60 and f["headings"].search(text):
                parent = el.getparent()
                if parent is not None and parent is not root and parent not in keep:
                    doomed.append(parent)
                else:
                    doomed.append(el)
                    sib = el.getnext()
                    while sib is not None and not (sib.tag == "p" and len(sib.text_content()) >= 80):
                        doomed.append(sib)
                        sib = sib.getnext()
    if h1 is not None and _inside(h1, root) and h1 is not root:
        doomed.append(h1)
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()


def _blocks(root) -> list[str]:
    """The text of the root, one string per block-level element, captions cleaned of credits."""
    out: list[str] = []
    credit = rules.furniture()["caption_credit"]

    def emit(parts: list[str], caption: bool) -> None:
        text = normalize_line("".join(parts))
        if caption:
            text = credit.sub("", text).strip()
        if text:
            out.append(text)
        parts.clear()

    def walk(el, caption: bool) -> None:
        caption = caption or el.tag in ("figcaption", "figure") or _is_caption(el)
        if el.tag == "tr":
            cells = [c for c in el if isinstance(c.tag, str)]
            texts = [normalize_line(c.text_content()) for c in cells]
            emit([" | ".join(t for t in texts if t)], caption or any(map(_is_caption, cells)))
            return
        parts = [el.text or ""]
        for child in el:
            if not isinstance(child.tag, str):
                parts.append(child.tail or "")
                continue
            if child.tag in _BLOCK:
                emit(parts, caption)
                if child.tag not in ("br", "hr"):
                    walk(child, caption)
            else:
                parts.append(child.text_content())
            parts.append(child.tail or "")
        emit(parts, caption)

    walk(root, False)
    return [b for b in out if not is_byline(b)]


def _is_caption(el) -> bool:
    attr = re.sub(r"[^a-zà-ỹ]+", "", f"{el.get('class') or ''}{el.get('id') or ''}".lower())
    return bool(attr) and any(c in attr for c in rules.furniture()["caption_classes"])


def _trafilatura(tree) -> tuple[list[str], str | None]:
    """Fallback for pages without a clear article element: trafilatura on the same tree."""
    from trafilatura import bare_extraction

    try:
        doc = bare_extraction(tree, include_comments=False, include_tables=True, with_metadata=False)
    except Exception:  # trafilatura fails on some degenerate trees; then there is no article
        return [], None
    text = getattr(doc, "text", None) if doc is not None else None
    if not text:
        return [], None
    return clean_body([line for line in map(normalize_line, text.splitlines()) if line])
