"""The reader's rule data (``models/read/*.toml``), loaded once and compiled on first use."""
from __future__ import annotations

import re
import tomllib
from functools import cache

from extractor.paths import model_path


@cache
def data(name: str) -> dict:
    """``models/read/NAME.toml`` as a dict."""
    with open(model_path("read", f"{name}.toml"), "rb") as fh:
        return tomllib.load(fh)


def _any(patterns: list[str]) -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.I)


@cache
def furniture() -> dict:
    """Compiled furniture rules: class tokens, heading/marker/banner patterns, source and credit lines."""
    d = data("furniture")
    return {
        "class_tokens": frozenset(d["class_tokens"]),
        "weak_class_tokens": frozenset(d["weak_class_tokens"]),
        "class_substrings": tuple(d["class_substrings"]),
        "headings": _any(d["furniture_headings"]),
        "end_markers": _any(d["end_markers"]),
        "link_lines": _any(d["link_lines"]),
        "counters": _any(d["counters"]),
        "site_banners": _any(d["site_banners"]),
        "source_line": re.compile(d["source_line"], re.I),
        "byline": re.compile(d["byline"], re.I),
        "caption_credit": re.compile(d["caption_credit"]),
        "credit_line": re.compile(d["credit_line"], re.I),
        "caption_classes": tuple(c.replace("-", "") for c in d["caption_classes"]),
        "banner_titles": _any(d["banner_titles"]),
        "never_titles": _any(d["never_titles"]),
        "title_tails": _any(d["title_tails"]),
    }
