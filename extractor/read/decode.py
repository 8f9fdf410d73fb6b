"""Bytes → str for pages whose declared charset cannot be trusted.

Vietnamese sites still serve legacy windows-1258 pages, and some declare one charset
while sending another (a ``<meta charset="utf-8">`` over cp1258 bytes, or iso-8859-1
over UTF-8). So the bytes decide: a BOM first, then strict UTF-8 (which almost never
succeeds by accident), then the declared charsets and the legacy ones, each scored on
how Vietnamese/French/English the result reads; charset-normalizer only as last resort.
"""
from __future__ import annotations

import codecs
import re
import unicodedata

from extractor.errors import ReadError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)", re.I)
_XML_ENCODING = re.compile(rb"<\?xml[^>]+encoding\s*=\s*[\"']([\w.:-]+)", re.I)
# single-byte charsets a Vietnamese, French or English page may really be in
_LEGACY = ("cp1258", "cp1252", "latin-1")
# letters only a correct Vietnamese decoding produces (cp1252 mojibake cannot)
_VIET = set("ăâđêôơưĂÂĐÊÔƠƯ")
_VIET_TONED = re.compile(r"[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.I)
# what wrong decodings produce: controls, C1 range, lone combining marks, odd symbols
_MESS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd¤¦¨¬¯´¸¹²³¼½¾×÷ÐÞðþ\u0300-\u036f]")


def charset_from_header(content_type: str | None) -> str | None:
    """The charset named in an HTTP ``Content-Type`` header, if any."""
    if not content_type:
        return None
    m = _HEADER_CHARSET.search(content_type)
    return m.group(1) if m else None


def declared_charsets(data: bytes, content_type: str | None = None) -> list[str]:
    """Charsets the response claims, most authoritative first (header, meta, XML prolog)."""
    found = [charset_from_header(content_type)]
    head = data[:4096]
    for rx in (_META_CHARSET, _XML_ENCODING):
        m = rx.search(head)
        if m:
            found.append(m.group(1).decode("ascii", "ignore"))
    out = []
    for name in found:
        codec = _codec(name)
        if codec and codec not in out:
            out.append(codec)
    return out


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().lower()).name
    except LookupError:
        return None


def score(text: str) -> float:
    """How plausible ``text`` is as a decoded news page: Vietnamese letters up, mojibake down."""
    sample = text[:20000]
    viet = sum(ch in _VIET for ch in sample) + len(_VIET_TONED.findall(sample))
    return viet - 5 * len(_MESS.findall(sample))


def decode(data: bytes, content_type: str | None = None) -> str:
    """Decode a page to NFC text; raises :class:`ReadError` when no charset makes sense of it."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return _finish(data.decode(codec))
            except UnicodeDecodeError:
                raise ReadError(f"undecodable: bytes do not match their {codec} byte-order mark") from None
    try:
        return _finish(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    candidates = [c for c in declared_charsets(data, content_type) if c != "utf-8"]
    candidates += [c for c in (_codec(n) for n in _LEGACY) if c not in candidates]
    best, best_score = None, float("-inf")
    for codec in candidates:
        try:
            text = unicodedata.normalize("NFC", data.decode(codec))
        except (UnicodeDecodeError, LookupError):
            continue
        s = score(text)
        if s > best_score:  # ties keep the earlier, i.e. the declared charset
            best, best_score = text, s
    if best is not None and best_score >= -5:
        return _finish(best)
    return _finish(_sniff(data))


def _sniff(data: bytes) -> str:
    from charset_normalizer import from_bytes

    match = from_bytes(data[:200000]).best()
    if match is None:
        raise ReadError("undecodable: no character encoding fits these bytes")
    text = str(match)
    if score(text) < -0.01 * len(text):
        raise ReadError(f"undecodable: reads as garbage in every encoding (best guess {match.encoding})")
    return text


def _finish(text: str) -> str:
    return unicodedata.normalize("NFC", text)
