"""Site profiles: what to crawl on a news site, as data (``models/sites/*.toml``).

A profile names the site's hosts, its entry points (sitemaps, feeds, section pages with
their pagination) per language edition, the URL patterns of its articles, and optional CSS
selectors the reader may use. A URL with no profile gets a generic one built on the fly.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from extractor.crawl.discover import host_of
from extractor.errors import ExtractorError
from extractor.paths import model_path

SITES_DIR = model_path("sites")


@dataclass(frozen=True)
class Entry:
    """One entry point: a sitemap, a feed or a section page (``pagination`` holds ``{page}``)."""

    url: str
    kind: str  # sitemap | feed | section | entry (unknown until fetched)
    lang: str | None = None
    pagination: str | None = None
    pages: int = 1


@dataclass(frozen=True)
class Site:
    """A news site as the crawler sees it: hosts, entry points, which URLs are articles."""

    name: str
    hosts: tuple[str, ...]
    language: str | None = None
    entries: tuple[Entry, ...] = ()
    article: tuple[re.Pattern, ...] = ()
    exclude: tuple[re.Pattern, ...] = ()
    lang_prefixes: tuple[tuple[str, str], ...] = ()  # (URL prefix, language), longest first
    selectors: dict = field(default_factory=dict)
    max_depth: int = 2
    robots_sitemaps: bool = True
    generic: bool = False

    def owns(self, url: str) -> bool:
        """Whether ``url`` is on one of the site's hosts (links elsewhere are not followed)."""
        return host_of(url) in self.hosts

    def is_article(self, url: str) -> bool:
        """Whether ``url`` looks like an article page of this site (generic sites: unknown → True)."""
        if any(p.search(url) for p in self.exclude):
            return False
        if not self.article:
            return True
        return any(p.search(url) for p in self.article)

    def lang_of(self, url: str) -> str | None:
        for prefix, lang in self.lang_prefixes:
            if url.startswith(prefix):
                return lang
        return self.language


class SiteError(ExtractorError):
    """A site profile is missing or malformed."""


def _load(path: Path) -> Site:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        entries, prefixes = [], []
        for ed in data.get("edition", [{}]):
            lang = ed.get("lang", data.get("language"))
            if ed.get("prefix"):
                prefixes.append((ed["prefix"], lang))
            entries += [Entry(u, "sitemap", lang) for u in ed.get("sitemaps", [])]
            entries += [Entry(u, "feed", lang) for u in ed.get("feeds", [])]
            for sec in ed.get("section", []):
                entries.append(Entry(sec["url"], "section", lang, sec.get("pagination"), int(sec.get("pages", 1))))
        return Site(
            name=data["name"],
            hosts=tuple(h.lower() for h in data["hosts"]),
            language=data.get("language"),
            entries=tuple(entries),
            article=tuple(re.compile(p) for p in data.get("article", [])),
            exclude=tuple(re.compile(p) for p in data.get("exclude", [])),
            lang_prefixes=tuple(sorted(prefixes, key=lambda p: -len(p[0]))),
            selectors=dict(data.get("selectors", {})),
            max_depth=int(data.get("max_depth", 2)),
            robots_sitemaps=bool(data.get("robots_sitemaps", True)),
        )
    except (OSError, tomllib.TOMLDecodeError, KeyError, re.error, TypeError, ValueError) as exc:
        raise SiteError(f"{path.name}: bad site profile ({exc.__class__.__name__}: {exc})") from None


@lru_cache(maxsize=4)
def load_sites(folder: str | None = None) -> dict[str, Site]:
    """Every profile in ``folder`` (default ``models/sites``), by name."""
    sites = {}
    for path in sorted(Path(folder or SITES_DIR).glob("*.toml")):
        site = _load(path)
        sites[site.name] = site
    return sites


def site_for_url(url: str, sites: dict[str, Site] | None = None) -> Site | None:
    """The built-in profile (or one of ``sites``) whose hosts include the URL's host."""
    host = host_of(url)
    for site in (sites if sites is not None else load_sites()).values():
        if host in site.hosts:
            return site
    return None


def selectors_for(url: str | None) -> dict[str, str] | None:
    """The reader's CSS selectors for a page of a profiled site, else None."""
    site = site_for_url(url) if url else None
    return dict(site.selectors) if site and site.selectors else None


def guess_kind(url: str) -> str:
    """Entry kind from the URL alone; the crawler corrects it from the content once fetched."""
    path = urlsplit(url).path.lower()
    if "sitemap" in path or path.endswith((".xml.gz", ".xml")):
        return "sitemap" if "sitemap" in path else "entry"
    if path.endswith(("/rss", "/feed", "/atom", ".rss", ".atom")) or "/rss/" in path or "/feed/" in path:
        return "feed"
    return "section"


def generic_site(url: str) -> Site:
    """A site with no profile: crawled from ``url`` by following its links, sitemaps and feeds."""
    host = host_of(url)
    return Site(name=host, hosts=(host,), entries=(Entry(url, guess_kind(url)),), max_depth=3, generic=True)


def resolve(targets: list[str], langs: list[str] | None = None,
            sites: dict[str, Site] | None = None) -> list[Site]:
    """Site profile names or URLs → the sites to crawl (all profiles when ``targets`` is empty).

    A URL on a profiled host crawls that site from the given URL; ``langs`` keeps only the
    editions in those languages. Raises :class:`SiteError` for an unknown name.
    """
    sites = load_sites() if sites is None else sites
    chosen: list[Site] = []
    for target in targets or list(sites):
        if not target.strip():
            raise SiteError("empty site name or URL")
        if target.startswith(("http://", "https://")):
            try:
                host = urlsplit(target).hostname
            except ValueError as exc:
                raise SiteError(f"{target}: not a valid URL ({exc})") from None
            if not host:
                raise SiteError(f"{target}: not a URL with a host name")
            site = site_for_url(target, sites)
            if site:
                site = _replace(site, entries=(Entry(target, guess_kind(target), site.lang_of(target)),))
            else:
                site = generic_site(target)
        elif target in sites:
            site = sites[target]
        else:
            names = ", ".join(sorted(sites))
            raise SiteError(f"{target}: no such site profile (known: {names}; or give a URL)")
        if langs:
            site = _replace(site, entries=tuple(e for e in site.entries if e.lang is None or e.lang in langs))
        chosen.append(site)
    return chosen


def _replace(site: Site, **changes) -> Site:
    from dataclasses import replace

    return replace(site, **changes)
