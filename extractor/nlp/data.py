"""Load the rule data under ``models/``: language-independent rows, then the language's own."""
from __future__ import annotations

import json
import re
from functools import lru_cache

from extractor.paths import model_path


@lru_cache(maxsize=None)
def load_jsonl(name: str, lang: str | None = None) -> tuple[dict, ...]:
    """Rows of ``models/common/NAME.jsonl`` followed by ``models/LANG/NAME.jsonl`` (each optional)."""
    rows: list[dict] = []
    for folder in ("common", lang):
        if not folder:
            continue
        path = model_path(folder, f"{name}.jsonl")
        if path.exists():
            with path.open(encoding="utf-8") as fh:
                rows.extend(json.loads(line) for line in fh if line.strip() and not line.startswith("//"))
    return tuple(rows)


@lru_cache(maxsize=None)
def load_json(name: str, lang: str) -> dict:
    """``models/LANG/NAME.json`` (or ``models/common/NAME.json``) as a dict; {} when absent."""
    for folder in (lang, "common"):
        path = model_path(folder, f"{name}.json")
        if path.exists():
            return json.loads(path.read_text(encoding="utf-8"))
    return {}


SPACE = "[\\s\u00a0\u202f]"  # a space in a phrase matches any space, the no-break ones too


def phrases(texts, *, empty: str = "(?!)") -> str:
    """A regex alternation of literal phrases, longest first, so rule data can list words
    as written: a space matches any run of spaces and either apostrophe (' or ’) matches
    both. With no phrase at all it is ``empty``, by default a pattern that never matches."""
    unique = sorted({t for t in texts if t}, key=len, reverse=True)
    if not unique:
        return empty
    return "|".join(re.sub(r"\\ |['’]", _flexible, re.escape(t)) for t in unique)


def _flexible(m: re.Match) -> str:
    return SPACE + "+" if m.group(0) == "\\ " else "['’]"
