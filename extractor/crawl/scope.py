"""Which discovered links enter the frontier, and as what: kind, depth, priority.

Pure decisions over a site profile and the page a link was found on. The pages of one
listing (a section's page 2, 3 …) are one depth level, up to ``LISTING_PAGES``, so an
article linked only from a section's third page is as near as one on its first.
"""
from __future__ import annotations

from collections.abc import Iterator

from extractor.crawl import discover, topic
from extractor.crawl.frontier import Candidate
from extractor.crawl.sites import Site

PRIORITY = {"entry": 50, "feed": 50, "sitemap": 40, "section": 30, "article": 10, "page": 5}
TOPIC_BONUS = 10
LISTING_PAGES = 10         # pages of one listing followed through "next" links (all one depth level)
PAGE_KINDS = ("article", "page")


def candidate(site: Site, link: discover.Link, row, depth: int, *, since: str | None = None,
              langs: list[str] | None = None) -> Candidate | None:
    """Whether and as what (kind, depth, priority) a link found on ``row``'s page enters the
    frontier; ``depth`` is an ordinary link's, a listing's next page keeps its page's."""
    url, page_no = link.url, 1
    if not site.owns(url) and discover.host_of(url) != row["host"]:
        return None  # external link
    if link.lastmod and since and link.lastmod[:10] < since:
        return None
    lang = site.lang_of(url)
    if langs and lang and lang not in langs:
        return None
    if link.kind == "sitemap":
        kind = "sitemap"
    elif link.kind == "feed":
        kind = "feed"
    elif link.kind == "next":
        if row["page_no"] >= LISTING_PAGES:
            return None
        depth, page_no = row["depth"], row["page_no"] + 1
        if site.generic:
            kind = "page"
        elif row["kind"] in ("section", "entry"):
            kind = "section"
        else:
            return None
    elif not looks_like_page(url, site):
        return None
    elif site.generic:
        if link.kind == "link" and depth > site.max_depth:
            return None
        kind = "page"
    elif site.is_article(url):
        kind = "article"
    else:
        return None
    priority = PRIORITY[kind] + (TOPIC_BONUS if kind in PAGE_KINDS and topic.matches(url, link.title) else 0)
    return Candidate(url=url, host=discover.host_of(url), kind=kind, site=site.name, lang=lang, depth=depth,
                     priority=priority, source=row["url"], title=link.title if link.kind == "item" else None,
                     lastmod=link.lastmod, page_no=page_no)


def seeds(sites: list[Site]) -> Iterator[Candidate]:
    """The sites' entry points, with their profile pagination, as the first frontier rows."""
    for site in sites:
        for entry in site.entries:
            urls = [entry.url]
            if entry.pagination:
                urls += [entry.pagination.format(page=n) for n in range(2, entry.pages + 1)]
            for page_no, url in enumerate(urls, 1):
                url = discover.normalise(url) or url
                yield Candidate(url=url, host=discover.host_of(url), kind=entry.kind, site=site.name,
                                lang=entry.lang, priority=PRIORITY.get(entry.kind, 30), source="profile",
                                page_no=page_no)


def looks_like_page(url: str, site: Site) -> bool:
    """Not a file (PDF, image …) nor a login or feed URL; profile patterns may vouch for odd extensions."""
    from courlan.filters import extension_filter, is_not_crawlable

    if is_not_crawlable(url):
        return False
    return extension_filter(url) or (bool(site.article) and site.is_article(url))
