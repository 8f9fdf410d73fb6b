"""Text helpers shared by every stage."""
from __future__ import annotations

import re
import unicodedata

_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def strip_accents(s: str) -> str:
    """Remove diacritics, mapping đ/Đ to d/D (NFKD does not decompose them)."""
    s = s.replace("đ", "d").replace("Đ", "D")
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def fold(s: str | None) -> str:
    """Key for matching names typed any way: lower case, no diacritics, letters and digits only.

    "Hà Tĩnh", "Ha Tinh", "Ha-Tinh" and "Hatinh" all fold to "hatinh".
    """
    if not s:
        return ""
    return _NON_ALNUM.sub("", strip_accents(s).lower())
