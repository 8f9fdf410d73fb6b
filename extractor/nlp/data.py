"""Rule data for the NLP stage: the loaders (kept in :mod:`extractor.paths`, below every
stage, since the gazetteer reads the same files) and phrase lists turned into regexes."""
from __future__ import annotations

import re

from extractor.paths import load_json, load_jsonl, model_path

__all__ = ["load_json", "load_jsonl", "model_path", "phrases"]


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
