"""Each fixture page read end to end: metadata right, article text in, furniture out."""
from __future__ import annotations

import pytest

from conftest import PAGES, expectations, fixture_pages
from extractor.read import read

PAGES_WITH_EXPECT = [p for p in fixture_pages() if (PAGES / f"{p.name.split('.')[0]}.expect.json").exists()]


@pytest.mark.parametrize("page", PAGES_WITH_EXPECT, ids=lambda p: p.name)
def test_fixture_page(page):
    want = expectations(page)
    article = read(page.read_bytes())
    for key in ("title", "published", "language", "source_url", "outlet"):
        if key in want:
            assert getattr(article, key) == want[key], key
    for s in want.get("contains", []):
        assert s in article.text
    for s in want.get("not_contains", []):
        assert s not in article.text, f"furniture leaked: {s!r}"
    assert article.text.startswith(want["starts_with"])
    assert article.text.endswith(want["ends_with"])
    assert article.title not in article.text


def test_every_language_and_form_is_covered():
    kinds = {(p.name[:2], p.suffix) for p in PAGES_WITH_EXPECT}
    assert {("fr", ".html"), ("fr", ".txt"), ("en", ".html"), ("en", ".txt"), ("vi", ".html"), ("vi", ".txt")} <= kinds


def test_text_is_paragraphs_without_stray_spaces():
    article = read((PAGES / "fr-article.html").read_bytes())
    for para in article.text.split("\n\n"):
        assert para == para.strip() and "  " not in para and "\u00a0" not in para
