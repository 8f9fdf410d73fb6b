"""Decide what an input is (HTML page, text dump, binary) and read its article.

Every way an input can hold no article ends in a :class:`ReadError` with a short reason
the CLI prints after the input's name: binary files, empty pages, pages with no article
text, bytes no character encoding makes sense of.
"""
from __future__ import annotations

import re

from extractor.errors import ReadError
from extractor.read import Article, decode, metadata
from extractor.read.textdump import CJK, read_dump

_MAGIC = (
    (b"%PDF", "a PDF document"), (b"PK\x03\x04", "a zip archive (or office document)"),
    (b"\x89PNG", "a PNG image"), (b"GIF8", "a GIF image"), (b"\xff\xd8\xff", "a JPEG image"),
    (b"\x1f\x8b", "gzip-compressed data"), (b"BZh", "bzip2-compressed data"), (b"7z\xbc\xaf", "a 7z archive"),
    (b"Rar!", "a RAR archive"), (b"\xd0\xcf\x11\xe0", "an old office document"), (b"\x7fELF", "an executable"),
    (b"OggS", "an audio file"), (b"ID3", "an audio file"), (b"\x00asm", "WebAssembly"),
    (b"%!PS", "a PostScript document"), (b"WARC/", "a WARC archive (use the archive commands)"),
)
_TEXT_TYPES = re.compile(r"^\s*(text/|application/(xhtml\+xml|xml|json|ld\+json|rss\+xml|atom\+xml))", re.I)
_HTML_START = re.compile(r"^\s*(<!doctype\s+html|<html|<head|<body|<\?xml[^>]*>\s*<(!doctype\s+)?html)", re.I)
_HTML_TAGS = re.compile(r"</?(html|head|body|div|p|article|section|main|span|meta|title|h1|h2|a|br)\b[^>]*>", re.I)
_PAGE_TAGS = re.compile(r"<(html|body)\b[^>]*>", re.I)
_MIN_WORDS = 8
_TITLE_NUMBER = re.compile(r"(?<![\w.,/])\d+(?:[.,]\d+)*(?![\w/])")
_YEAR = re.compile(r"(?:19|20)\d\d")


def headline_in_text(title: str | None, text: str) -> str:
    """The headline opens the text when it states a number the body does not ("… sẽ đạt
    93,57%" above a body that lists the wards' shares): that number is the article's too,
    and every item must point into the text."""
    if not title:
        return text
    numbers = [n for n in _TITLE_NUMBER.findall(title) if not _YEAR.fullmatch(n)]
    if not numbers:
        return text  # most headlines: no need to read the body's numbers
    stated = set(_TITLE_NUMBER.findall(text))  # whole numbers: "trên 12%" is not restated by "112%"
    return f"{title}\n\n{text}" if any(n not in stated for n in numbers) else text


def _enough_text(text: str) -> bool:
    """At least a sentence's worth of words; in Chinese, Japanese or Korean, of characters."""
    return len(text.split()) >= _MIN_WORDS or len(CJK.findall(text)) >= 2 * _MIN_WORDS


def binary_kind(data: bytes, content_type: str | None = None) -> str | None:
    """A short name for binary content (PDF, image, archive …), None for text."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    if data[8:12] == b"WEBP" or data[4:8] == b"ftyp":
        return "an image or video file"
    ctype = (content_type or "").split(";")[0].strip().lower()
    if ctype and not _TEXT_TYPES.match(ctype) and ctype not in ("application/octet-stream", ""):
        return f"not a web page ({ctype})"
    head = data[:8192]
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "binary data"
    return None


def is_html(text: str, content_type: str | None = None) -> bool:
    ctype = (content_type or "").lower()
    if "html" in ctype or "xml" in ctype:
        return True
    if _HTML_START.match(text[:2000]):
        return True
    head = text[:5000]
    if len(_HTML_TAGS.findall(head)) >= 3:
        return True
    # a page may open with a long <style> or <script> block before its first tag
    return bool(_PAGE_TAGS.search(text, 0, 200000))


def read_document(data: bytes | str, *, url: str | None = None, content_type: str | None = None,
                  lang: str | None = None, selectors: dict[str, str] | None = None) -> Article:
    """Read an HTML page or a plain-text dump (bytes or str) into an :class:`Article`."""
    if isinstance(data, bytes):
        kind = binary_kind(data, content_type)
        if kind:
            raise ReadError(f"binary input: {kind}, not an article")
        text = decode.decode(data, content_type)
    else:
        text = decode._finish(data)
    if not text.strip():
        raise ReadError("empty input")
    if is_html(text, content_type):
        from extractor.read.html import read_html

        page = read_html(text, url=url, selectors=selectors)
        if not _enough_text(page.text):
            raise ReadError("no article text in this HTML page")
        article = Article(text=page.text, title=page.title, published=page.published,
                          source_url=page.source_url, outlet=page.outlet, url=url or page.canonical)
        declared = page.language
    else:
        dump = read_dump(text)
        if not _enough_text(dump.text):
            raise ReadError("no article text (too short once page furniture is removed)")
        article = Article(text=dump.text, title=dump.title, published=dump.published,
                          source_url=dump.source_url, outlet=dump.outlet, url=url)
        declared = None
    article.text = headline_in_text(article.title, article.text)
    # the first 1,200 characters tell the language as well as the whole text, at a third of the cost
    article.language = metadata.language_code(lang) or metadata.choose_language(declared, article.text[:1200])
    return article
