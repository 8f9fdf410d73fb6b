"""Shared helpers for the reader's tests: fixture pages and a windows-1258 encoder."""
from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def to_cp1258(text: str) -> bytes:
    """Encode like a legacy Vietnamese site: base letters in cp1258, tone marks combining."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        try:
            out.append(ch.encode("cp1258"))
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
            out.append(base.encode("cp1258") + "".join(c for c in parts if c in _TONES).encode("cp1258"))
    return b"".join(out)


def fixture_pages() -> list[Path]:
    return sorted(p for p in PAGES.iterdir() if p.suffix in (".html", ".txt") and p.with_suffix("").name.count(".") == 0)


def expectations(page: Path) -> dict:
    stem = page.name.split(".")[0]
    return json.loads((PAGES / f"{stem}.expect.json").read_text(encoding="utf-8"))


@pytest.fixture
def legacy_source() -> str:
    return (PAGES / "vi-legacy.source.html").read_text(encoding="utf-8")
