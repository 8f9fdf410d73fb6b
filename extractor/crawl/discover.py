"""Find article URLs: sitemaps (indexes, gzipped, ``lastmod``), RSS/Atom feeds, HTML pages
(links, ``<link rel="alternate">`` feeds, ``rel="next"`` pagination, ``rel="canonical"``).

Pure functions over fetched bytes; the crawler decides what to queue. Sitemaps are parsed
as a stream, so a 50,000-URL sitemap never sits in memory as a list.
"""
from __future__ import annotations

import gzip
import io
import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit, urlunsplit

FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/feed+json", "application/rdf+xml")


@dataclass
class Link:
    url: str
    kind: str = "link"   # sitemap | loc (a sitemap's page) | item (a feed's entry) | feed | next | link
    lastmod: str | None = None
    title: str | None = None


def normalise(url: str, base: str | None = None) -> str | None:
    """Absolute, fragment-free, tracking-free http(s) URL, or None for anything else."""
    from courlan import normalize_url

    url = (url or "").strip()
    if not url or url.startswith(("javascript:", "mailto:", "tel:", "data:", "#")):
        return None
    if base:
        url = urljoin(base, url)
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    try:
        url = normalize_url(urlunsplit(parts._replace(fragment="")))
    except ValueError:
        return None
    return url.split("#", 1)[0]


def host_of(url: str) -> str:
    """The lower-cased host (and port) of ``url``: the unit of politeness and of site ownership."""
    return urlsplit(url).netloc.lower()


def unzip(body: bytes) -> bytes:
    """Gunzip a body that is still gzipped (``.xml.gz`` served as application/gzip)."""
    if body[:2] == b"\x1f\x8b":
        try:
            return gzip.decompress(body)
        except (OSError, EOFError):
            return b""
    return body


def sniff(body: bytes) -> str:
    """What a fetched body is: "sitemap", "feed" or "html"."""
    head = unzip(body[:65536] if body[:2] != b"\x1f\x8b" else body)[:4096].lower()
    if b"<urlset" in head or b"<sitemapindex" in head:
        return "sitemap"
    if b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head:
        return "feed"
    return "html"


def sitemap_links(body: bytes) -> Iterator[Link]:
    """Entries of a sitemap (``kind="loc"``) or a sitemap index (``kind="sitemap"``), streamed."""
    from lxml import etree

    data = unzip(body)
    try:
        for _event, el in etree.iterparse(io.BytesIO(data), events=("end",), recover=True,
                                          resolve_entities=False, no_network=True):
            tag = etree.QName(el).localname if isinstance(el.tag, str) else ""
            if tag not in ("url", "sitemap"):
                continue
            loc = lastmod = title = None
            for child in el:
                if not isinstance(child.tag, str):
                    continue
                name = etree.QName(child).localname
                if name == "loc":
                    loc = (child.text or "").strip()
                elif name == "lastmod":
                    lastmod = (child.text or "").strip() or None
                elif name == "news":  # Google News sitemap: <news:news><news:title>
                    for sub in child.iter():
                        if isinstance(sub.tag, str) and etree.QName(sub).localname == "title":
                            title = (sub.text or "").strip() or None
                        elif isinstance(sub.tag, str) and etree.QName(sub).localname == "publication_date":
                            lastmod = lastmod or (sub.text or "").strip() or None
            el.clear()
            url = normalise(loc) if loc else None
            if url:
                yield Link(url, "sitemap" if tag == "sitemap" else "loc", lastmod, title)
    except etree.XMLSyntaxError:
        return


def feed_links(body: bytes, base: str) -> Iterator[Link]:
    """Entries of an RSS/Atom feed, with their dates and titles."""
    import time

    import feedparser

    parsed = feedparser.parse(body)
    for entry in parsed.entries:
        url = normalise(entry.get("link", ""), base)
        if not url:
            continue
        with warnings.catch_warnings():  # feedparser warns when "updated" falls back to "published"
            warnings.simplefilter("ignore", DeprecationWarning)
            stamp = entry.get("updated_parsed") or entry.get("published_parsed")
        lastmod = time.strftime("%Y-%m-%dT%H:%M:%SZ", stamp) if stamp else None
        yield Link(url, "item", lastmod, entry.get("title"))


@dataclass
class HtmlLinks:
    links: list[Link]
    canonical: str | None = None


_NEXT_TEXT = re.compile(r"^\s*(?:next|suivant|suivante|trang sau|sau|›|»|>)\s*$", re.I)


def html_links(body: bytes, base: str) -> HtmlLinks:
    """Links, feeds, next page and canonical URL of an HTML page (charset sniffed by lxml)."""
    import lxml.html
    from lxml import etree

    try:
        doc = lxml.html.document_fromstring(body)
    except (etree.ParserError, ValueError):
        return HtmlLinks([])
    base_el = doc.find(".//base[@href]")
    base = urljoin(base, base_el.get("href")) if base_el is not None else base
    out: list[Link] = []
    canonical = None
    for el in doc.iter("link"):
        rel = (el.get("rel") or "").lower().split()
        href = normalise(el.get("href", ""), base)
        if not href:
            continue
        if "canonical" in rel:
            canonical = canonical or href
        elif "alternate" in rel and (el.get("type") or "").lower() in FEED_TYPES:
            out.append(Link(href, "feed"))
        elif "next" in rel:
            out.append(Link(href, "next"))
    for el in doc.iter("a"):
        href = normalise(el.get("href", ""), base)
        if not href:
            continue
        rel = (el.get("rel") or "").lower().split()
        if "next" in rel or _NEXT_TEXT.match(el.text_content() or ""):
            out.append(Link(href, "next"))
        else:
            out.append(Link(href, "link", title=(el.text_content() or "").strip()[:300] or None))
    return HtmlLinks(out, canonical)
