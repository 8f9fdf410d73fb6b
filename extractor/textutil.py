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


def accents_optional(pattern: str) -> str:
    """A regex whose accented letters also match their bare letter: "sécurité" matches
    "securite", as in pages whose machine translation dropped every accent."""
    out, in_class, escaped = [], False, False
    for c in pattern:
        bare = strip_accents(c)
        if escaped:
            escaped = False
        elif c == "\\":
            escaped = True
        elif c == "[":
            in_class = True
        elif c == "]":
            in_class = False
        elif not in_class and len(bare) == 1 and bare != c:
            c = f"[{c}{bare}]"
        out.append(c)
    return "".join(out)


def fold(s: str | None) -> str:
    """Key for matching names typed any way: lower case, no diacritics, letters and digits only.

    "Hà Tĩnh", "Ha Tinh", "Ha-Tinh" and "Hatinh" all fold to "hatinh".
    """
    if not s:
        return ""
    return _NON_ALNUM.sub("", strip_accents(s).lower())
