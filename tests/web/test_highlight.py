"""Cutting article text into highlighted segments, and evidence sentences."""
from __future__ import annotations

from extractor.web.highlight import segments, sentence_around
from extractor.web.views import evidence, external_url, quantity

TEXT = "Au 31 mars, 93,9 % des habitants de Kỳ Anh étaient assurés. La province vise 95 % en 2025."


def at(snippet: str, kind: str = "figure") -> dict:
    start = TEXT.index(snippet)
    return {"kind": kind, "start": start, "end": start + len(snippet)}


def test_segments_rebuild_the_text_and_mark_items():
    segs = segments(TEXT, [at("95 %", "target"), at("93,9 %"), at("Kỳ Anh", "locality")])
    assert "".join(s.text for s in segs) == TEXT
    assert [(s.text, s.item["kind"]) for s in segs if s.item] == [
        ("93,9 %", "figure"), ("Kỳ Anh", "locality"), ("95 %", "target")]


def test_overlapping_and_out_of_range_items_are_skipped():
    segs = segments(TEXT, [at("93,9 % des habitants", "initiative"), at("93,9 %"),
                           {"kind": "figure", "start": 500, "end": 510},
                           {"kind": "figure", "start": None, "end": 3}])
    assert "".join(s.text for s in segs) == TEXT
    assert [s.item["kind"] for s in segs if s.item] == ["initiative"]


def test_sentence_around_ignores_decimal_points():
    text = "First. Coverage rose to 9.000 cards and 93.5 per cent. Next one."
    i = text.index("93.5")
    sentence, a, b = sentence_around(text, i, i + 4)
    assert sentence == "Coverage rose to 9.000 cards and 93.5 per cent."
    assert sentence[a:b] == "93.5"


def test_evidence_prefers_the_stored_sentence():
    row = {"text": "95 %", "sentence": "La province vise 95 % en 2025."}
    assert evidence(row) == {"before": "La province vise ", "item": "95 %", "after": " en 2025."}
    start = TEXT.index("93,9 %")
    row = {"text": "93,9 %", "sentence": None, "context": TEXT[5:], "context_start": 5,
           "start": start, "end": start + 6}
    ev = evidence(row)
    assert ev["item"] == "93,9 %" and ev["after"].startswith(" des habitants")


def test_quantity():
    assert quantity({"value": 93.9, "unit": "percent"}) == "93.9 %"
    assert quantity({"value": 1210000.0, "unit": "count"}) == "1.21 million"
    assert quantity({"value": 1212400.0, "unit": "count"}) == "1,212,400"
    assert quantity({"value": 1.2e9, "unit": "currency", "currency": "VND"}) == "1.2 billion VND"
    assert quantity({"value": None, "unit": "count"}) == ""


def test_only_web_addresses_become_links():
    assert external_url("https://baohatinh.example/a.html") == "https://baohatinh.example/a.html"
    assert external_url(" javascript:alert(1)") == ""
    assert external_url("JavaScript:alert(1)") == ""
    assert external_url("data:text/html,x") == "" and external_url(None) == ""
