"""Main text of an HTML news page: lead, body paragraphs and image captions, no furniture.

One lxml parse serves everything. The body is the element holding the most running text
(the readability idea, ``htmlbody.py``); the article is the smallest element holding both
that body and the headline, so a lead or a figure beside the body is kept. Inside it,
furniture (breadcrumbs, related headlines, comments, tags, share bars, bylines, image
credits …) is dropped by class/id words and section headings listed in
``models/read/furniture.toml`` and by trafilatura's lists of boilerplate boxes
(``lean.py``); what is left is read block by block. Where that text is a small share of
the page's running text, our choice is weak and trafilatura reads the page as it came.
A site profile's selectors, where they match, override the generic choice.
Selectors run on lxml rather than BeautifulSoup: a second parse would halve the speed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from extractor.read import dates, lean, metadata
from extractor.read.htmlbody import blocks, body_element, clean_blocks, drop_furniture, text_of
from extractor.read.selectors import select
from extractor.read.textdump import clean_body, normalize_line, split_head

# never text; a <form> is not among them: ASP.NET pages hold the whole article in one
_NOISE = ("script", "style", "noscript", "template", "svg", "iframe", "button", "input", "select",
          "textarea", "object", "embed", "canvas", "video", "audio", "map", "link", "meta", "head")
_DATE_CLASSES = frozenset("date time datetime publish published pubdate publishdate ngay thoigian posted timestamp".split())
# plain lxml elements: lxml.html's element classes cost a Python call per element visited
_PARSER = etree.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, recover=True)
_EMPTY = b"<html><body></body></html>"
_MIN_TEXT = 150
# below these, our choice of the article is weak and trafilatura reads the page instead
_WEAK_CHARS, _WEAK_SHARE = _MIN_TEXT, 0.25
_SOURCE_START = re.compile(r"\W*(?:source|nguồn|theo|original|article|bài)", re.I)


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
    try:
        tree = etree.fromstring(text.encode("utf-8"), parser=_PARSER)
    except etree.XMLSyntaxError:  # nothing lxml can make a document of
        tree = None
    return tree if tree is not None else etree.fromstring(_EMPTY, parser=_PARSER)


def read_html(text: str, *, url: str | None = None, selectors: dict[str, str] | None = None) -> HtmlArticle:
    """Read the article of an HTML page; ``text`` is empty when none was found.

    ``selectors`` (a site profile's CSS selectors for title, date, body) override what
    the generic rules find, where they match.
    """
    tree = parse(text)
    meta = metadata.html_metadata(tree, url)
    page_title = tree.findtext(".//title")
    etree.strip_elements(tree, *_NOISE, with_tail=False)
    body_el, running = body_element(tree)
    h1 = _headline(tree, body_el)
    root = _article_root(tree, body_el, h1)
    keep = set(body_el.iterancestors()) | {body_el} if body_el is not None else set()

    headline = text_of(h1) if h1 is not None and _inside(h1, root) else None
    published = meta["published"] or _visible_date(root)
    outlet, source_url = _visible_source(root, meta, url)
    box = lean.content_box(root, body_el, keep)
    if box is not None:
        lean.cut_after(root, box)
    drop_furniture(root, keep, h1)
    found, rows = blocks(root)
    lead, line_date, line_outlet, rest = split_head(found, look=3)
    published = published or line_date
    outlet = outlet or line_outlet
    body, cited = clean_blocks(lead + rest, rows)
    profiled = False
    if selectors:
        chosen = select(text, selectors)
        headline, published = chosen.title or headline, chosen.published or published
        if sum(map(len, chosen.blocks)) >= _MIN_TEXT:
            body, cited3 = clean_body(chosen.blocks)
            cited, profiled = cited or cited3, True
    if not profiled and _weak(body, running):
        theirs, cited2 = _trafilatura(text)
        if theirs:
            body, cited = theirs, cited or cited2
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


def _headline(tree, body_el):
    """The article's <h1>: the one nearest the body, not a logo in the site header."""
    h1s = [h for h in tree.iter("h1") if text_of(h).strip()]
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
        found = dates.parse_date(el.get("datetime"), fallback=False) or dates.parse_date(text_of(el))
        if found:
            return found
    for el in root.iter():
        if not isinstance(el.tag, str) or not (el.get("class") or el.get("id")):
            continue
        attr = re.split(r"[^a-z0-9]+", f"{el.get('class') or ''} {el.get('id') or ''}".lower())
        if _DATE_CLASSES.isdisjoint(attr):
            continue
        text = normalize_line(text_of(el))
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
        text = normalize_line(text_of(el))
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
        raw = text_of(el)
        if len(raw) > 800 or "source" not in attr and not _SOURCE_START.match(raw):
            continue  # only a "Source: …" line or a source-classed element can cite one
        text = normalize_line(raw)
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


def _weak(body: list[str], running: int) -> bool:
    """Does our choice of the article look weak: little text, or little of the running
    text (outside links) that the page holds? (Measured on trafilatura's evaluation data:
    below these, trafilatura's reading of the page is better more often than not.)"""
    size = sum(map(len, body)) + len(body)
    return size < _WEAK_CHARS or size < _WEAK_SHARE * running


def _trafilatura(text: str) -> tuple[list[str], str | None]:
    """trafilatura on the page as it came (a fresh parse: ours has lost its noise and
    furniture by now), its lines cleaned by our rules."""
    lines = [line for line in map(normalize_line, lean.whole_page(text).splitlines()) if line]
    return clean_blocks(lines) if lines else ([], None)
