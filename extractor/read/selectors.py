"""Site-specific rules: a site profile's CSS selectors, applied with BeautifulSoup.

The generic reader finds the article on most pages by itself. Where a site's layout
fools it, its profile (``models/sites/*.toml``, ``[selectors]``) names the title, date
and body elements; only pages of such sites pay for this second, selector-driven parse.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from extractor.read import dates
from extractor.read.textdump import normalize_line

_BLOCKS = ("p", "h2", "h3", "h4", "li", "figcaption", "blockquote", "td")


@dataclass
class Selected:
    """What the selectors found; None/empty where a selector is absent or matched nothing."""

    title: str | None = None
    published: str | None = None
    blocks: list[str] = field(default_factory=list)


def select(html: str, selectors: dict[str, str]) -> Selected:
    """Apply ``{"title": css, "date": css, "body": css}`` (each optional) to ``html``."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "lxml")
    out = Selected()
    if selectors.get("title") and (el := soup.select_one(selectors["title"])):
        out.title = normalize_line(el.get_text(" ")) or None
    if selectors.get("date") and (el := soup.select_one(selectors["date"])):
        out.published = dates.parse_date(el.get("datetime") or el.get("content")) or dates.parse_date(el.get_text(" "))
    if selectors.get("body") and (el := soup.select_one(selectors["body"])):
        for bad in el.select("script, style, noscript, iframe, form, nav, aside"):
            bad.decompose()
        blocks = [normalize_line(b.get_text(" ")) for b in el.find_all(_BLOCKS)
                  if not b.find_parent(_BLOCKS)]  # the outermost block only, no text twice
        out.blocks = [b for b in blocks if b] or [t for t in map(normalize_line, el.get_text("\n").split("\n")) if t]
    return out
