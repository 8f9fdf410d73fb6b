"""An article's metadata: title, publication date, outlet, cited source URL, language.

Structured data wins where the page has it (JSON-LD, OpenGraph/``article:*`` meta,
``<time datetime>``), because it is exact and cheap; the visible date line is read
next. A portal's banner or a " | Site name" suffix is never a title, and a page's own
canonical URL is never its ``source_url``: that is the original article a translation
or a portal re-publication cites.
"""
from __future__ import annotations

import json
import re
from functools import cache
from urllib.parse import urlsplit

from extractor.read import dates, rules

_URL = re.compile(r"https?://[^\s<>\"'«»“”)]+")
_TITLE_SEP = re.compile(r"\s+[|–—-]\s+|\s+[|]\s*|\s*[|]\s+")
_OUTLET_WORDS = re.compile(
    r"^(báo|tạp chí|đài|thông tấn|cổng thông tin|journal|le courrier|agence)\b|"
    r"(news|times|daily|post|today|press|tribune|agency|online|\.vn|\.com|\(vna\)|ttxvn|vna)$", re.I)
_ARTICLE_TYPES = {"newsarticle", "article", "reportagenewsarticle", "blogposting", "analysisnewsarticle",
                  "report", "webpage", "backgroundnewsarticle"}


def language_code(value: str | None) -> str | None:
    """``fr-FR`` / ``fr_FR`` / ``FR`` → ``fr``; None for empty or non-language values."""
    if not value:
        return None
    code = re.split(r"[-_]", value.strip().lower())[0]
    return code if re.fullmatch(r"[a-z]{2,3}", code) else None


@cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    ident.set_languages(rules.data("language")["candidates"])
    return ident


def detect_language(text: str) -> tuple[str | None, float]:
    """(language code, probability) from the text itself; (None, 0) when there is too little."""
    sample = text[:3000]
    if len(re.sub(r"\W+", "", sample)) < 12:
        return None, 0.0
    lang, prob = _identifier().classify(sample)
    return lang, float(prob)


def choose_language(declared: str | None, text: str) -> str | None:
    """The declared language unless the text clearly says otherwise (CMS templates lie)."""
    detected, prob = detect_language(text)
    if declared and (detected is None or detected == declared or prob < 0.99 or len(text) < 400):
        return declared
    return detected or declared


def is_banner(title: str) -> bool:
    return bool(rules.furniture()["banner_titles"].search(title.strip()))


def clean_title(title: str | None, site_names: list[str] = ()) -> str | None:
    """Drop a " | Site" / " - Site" suffix (or prefix) and reject a portal's banner."""
    if not title:
        return None
    title = re.sub(r"\s+", " ", title).strip()
    if is_banner(title):
        return None
    names = {_norm(n) for n in site_names if n}
    parts = _TITLE_SEP.split(title)
    if len(parts) > 1:
        if names and _norm(parts[-1]) in names or _looks_like_site(parts[-1]):
            title = title[: title.rfind(parts[-1])].rstrip(" |–—-")
        elif names and _norm(parts[0]) in names or _looks_like_site(parts[0]):
            title = title[len(parts[0]):].lstrip(" |–—-")
    if not title or is_banner(title) or _norm(title) in names:
        return None
    return title


def _norm(s: str) -> str:
    return re.sub(r"\W+", "", s.lower())


def _looks_like_site(part: str) -> bool:
    part = part.strip()
    return len(part.split()) <= 6 and bool(re.search(r"\.(vn|com|net|org)\b|\bbáo\b|điện tử$", part, re.I))


def outlet_from(text: str | None) -> str | None:
    """The newspaper named in a date line's remainder ("Báo Đắk LắkBáo Đắk Lắk" → "Báo Đắk Lắk")."""
    if not text:
        return None
    text = re.sub(r"\s+", " ", text).strip(" -–—|·,")
    half = len(text) // 2
    if len(text) % 2 == 0 and text[:half] == text[half:]:
        text = text[:half]
    m = re.fullmatch(r"(.+?)\s*\1", text)  # doubled with a space
    if m:
        text = m.group(1)
    if "|" in text:
        text = text.split("|")[0].strip()
    return text if text and _OUTLET_WORDS.search(text) else None


def source_from_line(line: str) -> tuple[bool, str | None]:
    """Is ``line`` a "Source : …" / "Nguồn: …" line, and which URL does it cite?"""
    m = rules.furniture()["source_line"].match(line.strip())
    if not m:
        return False, None
    url = _URL.search(m.group("rest"))
    return True, url.group(0).rstrip(".,;") if url else None


def same_site(a: str | None, b: str | None) -> bool:
    ha, hb = (urlsplit(u).hostname or "" if u else "" for u in (a, b))
    strip = lambda h: h[4:] if h.startswith("www.") else h  # noqa: E731
    return bool(ha) and strip(ha) == strip(hb)


def html_metadata(tree, url: str | None = None) -> dict:
    """Metadata from an lxml HTML tree (before furniture removal): structured sources only.

    Keys: title, published, outlet, site_name, language, canonical, source_url (any may be None).
    """
    meta: dict[str, str] = {}
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or el.get("http-equiv") or "").lower()
        if key and key not in meta and el.get("content"):
            meta[key] = el.get("content").strip()
    ld = _json_ld(tree)
    canonical = meta.get("og:url")
    for link in tree.iter("link"):
        if (link.get("rel") or "").lower() == "canonical" and link.get("href"):
            canonical = link.get("href")
            break
    site_name = meta.get("og:site_name") or _name(ld.get("publisher")) or meta.get("application-name")
    published = None
    for value in (ld.get("datePublished"), meta.get("article:published_time"), meta.get("datepublished"),
                  meta.get("pubdate"), meta.get("publishdate"), meta.get("dc.date.issued"),
                  meta.get("dc.date"), meta.get("date"), meta.get("og:published_time"), ld.get("dateCreated")):
        published = dates.parse_date(value, fallback=False) if isinstance(value, str) else None
        if published:
            break
    html_el = tree if tree.tag == "html" else tree.getroottree().getroot()
    language = (language_code(html_el.get("lang") or html_el.get("{http://www.w3.org/XML/1998/namespace}lang"))
                or language_code(meta.get("content-language")) or language_code(meta.get("og:locale"))
                or language_code(ld.get("inLanguage") if isinstance(ld.get("inLanguage"), str) else None))
    titles = [meta.get("og:title"), ld.get("headline") if isinstance(ld.get("headline"), str) else None,
              meta.get("twitter:title")]
    source = ld.get("isBasedOn") or ld.get("isBasedOnUrl")
    source = source if isinstance(source, str) and not same_site(source, canonical or url) else None
    return {
        "titles": [t for t in titles if t],
        "published": published,
        "site_name": site_name,
        "outlet": _name(ld.get("sourceOrganization")) or None,
        "language": language,
        "canonical": canonical,
        "source_url": source,
    }


def _name(value) -> str | None:
    if isinstance(value, list) and value:
        value = value[0]
    if isinstance(value, dict):
        value = value.get("name")
    return value.strip() if isinstance(value, str) and value.strip() else None


def _json_ld(tree) -> dict:
    """The page's article object from JSON-LD (first NewsArticle-like node), else {}."""
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        stack = [data]
        while stack:
            node = stack.pop(0)
            if isinstance(node, list):
                stack.extend(node)
            elif isinstance(node, dict):
                types = node.get("@type")
                types = types if isinstance(types, list) else [types]
                if any(isinstance(t, str) and t.lower() in _ARTICLE_TYPES for t in types) and (
                        node.get("headline") or node.get("datePublished")):
                    return node
                stack.extend(node.get("@graph") or [])
    return {}
