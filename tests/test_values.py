"""Quantities written one way on the command line, the web and --explain."""
from __future__ import annotations

from extractor import values


def test_numbers_read_like_prose():
    assert values.number(93.9) == "93.9"
    assert values.number(12500) == "12,500"
    assert values.number(86_800_000) == "86.8 million"
    assert values.number(1_100_000_000.0) == "1.1 billion"
    assert values.number(1_212_400) == "1,212,400"  # words only when they lose nothing
    assert values.number(None) == ""


def test_units_comparators_and_qualifiers():
    assert values.quantity(1.1e9, "currency", "VND") == "1.1 billion VND"
    assert values.quantity(2.5, "percentage_point") == "2.5 pp"
    assert values.comparator(">=") == "≥" and values.comparator("<=") == "≤" and values.comparator("=") == ""
    assert values.qualifier("at_least") == "≥" and values.qualifier("exact") == ""


def test_describe_a_target_and_a_figure():
    target = {"kind": "target", "value": 95.0, "unit": "percent", "comparator": ">=", "year": 2025,
              "metric": "health_insurance_coverage"}
    assert values.describe(target) == "target ≥ 95 % health insurance coverage by 2025"
    figure = {"kind": "figure", "value": 1.1e9, "unit": "currency", "currency": "VND", "qualifier": "approx",
              "metric": "other", "as_of": "2024"}
    assert values.describe(figure) == "~ 1.1 billion VND as of 2024"
