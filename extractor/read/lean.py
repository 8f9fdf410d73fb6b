"""What the reader takes from trafilatura rather than writing it again.

trafilatura keeps, for thousands of real sites, the class names of article containers
(``BODY_XPATH``) and of boxes that are never article text (``OVERALL_DISCARD_XPATH``:
newsletter, consent, share, teaser …). Our reader uses both lists on its own tree, so
one parse serves everything. And where our choice of the article looks weak (too little
text for the page), trafilatura reads the page as it came, with the settings of its own
benchmark. Measured on trafilatura's evaluation data (``benchmarks/bench_read_real.py``).
If a trafilatura release renames these lists, the reader goes on without them.
"""
from __future__ import annotations

from functools import cache


@cache
def _xpaths() -> tuple[list, list]:
    try:
        from trafilatura.xpaths import BODY_XPATH, OVERALL_DISCARD_XPATH, TEASER_DISCARD_XPATH
    except ImportError:  # a trafilatura without these lists: our own rules alone
        return [], []
    return list(BODY_XPATH), [*OVERALL_DISCARD_XPATH, *TEASER_DISCARD_XPATH]


def content_box(root, body_el, keep: set):
    """The element inside ``root`` that a known article-container class names, where it
    holds our body (or most of it); else None. Site builders wrap the article text in
    such a box and put author boxes, related posts and share bars after it."""
    from extractor.read.htmlbody import text_of

    if body_el is None:
        return None
    size = None
    for xpath in _xpaths()[0]:
        hits = xpath(root)
        if not hits:
            continue
        box = hits[0]
        if box is root:
            return None
        if box in keep:
            return box
        if any(a is body_el for a in box.iterancestors()):
            size = size or len(text_of(body_el))
            if len(text_of(box)) > size / 2:
                return box
    return None


def cut_after(root, box) -> None:
    """Drop what follows ``box`` inside ``root``: the article ends where its box ends,
    while a lead, date line or figure before the box stays."""
    el = box
    while el is not None and el is not root:
        for sibling in list(el.itersiblings()):
            el.getparent().remove(sibling)
        el = el.getparent()


def discarded(root, keep: set) -> list:
    """Elements inside ``root`` that trafilatura's lists name as never article text."""
    return [el for xpath in _xpaths()[1] for el in xpath(root) if el is not root and el not in keep]


def whole_page(html: str) -> str:
    """trafilatura's text of the page as it came, with its own benchmark's settings."""
    from trafilatura import extract

    try:
        return extract(html, include_comments=False, include_tables=True, include_formatting=False) or ""
    except Exception:  # trafilatura fails on some degenerate trees; then it has nothing to add
        return ""
