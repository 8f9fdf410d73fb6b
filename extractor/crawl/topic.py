"""Is a URL, title or text about insurance coverage? Keyword and pattern lists in ``models/topic.jsonl``.

Everything is matched on a folded form (lower case, no diacritics, runs of non-letters as
one space), so "bảo hiểm y tế", "bao hiem y te" and the slug "bao-hiem-y-te" are one term.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache

from extractor.crawl.sites import SITES_DIR
from extractor.textutil import strip_accents

TOPIC_FILE = SITES_DIR.parent / "topic.jsonl"
_SEP = re.compile(r"[^0-9a-z]+")


def normalise(s: str) -> str:
    return " " + _SEP.sub(" ", strip_accents(s).lower()).strip() + " "


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    parts = []
    with TOPIC_FILE.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip() or line.startswith("//"):
                continue
            row = json.loads(line)
            if "regex" in row:
                parts.append(f"(?:{row['regex']})")
            else:
                parts.append(re.escape(normalise(row["term"]).strip()))
    return re.compile(r"(?<![0-9a-z])(?:" + "|".join(parts) + r")(?![0-9a-z])")


def matches(*texts: str | None) -> bool:
    """True when any of ``texts`` (URL, title, body …) names the topic."""
    pattern = _pattern()
    return any(t and pattern.search(normalise(t)) for t in texts)
