"""The record's JSON Schema, kept in the repo as ``record.schema.json`` beside this file.

It is generated from :mod:`extractor.record`, never edited by hand:
``python -m extractor.schema`` rewrites it, ``python -m extractor.schema --check``
fails when it is out of date (a test runs the same check).
"""
from __future__ import annotations

import json
from pathlib import Path

SCHEMA_PATH = Path(__file__).with_name("record.schema.json")


def render() -> str:
    """The schema file's exact content, as generated from the record models."""
    from extractor.record import json_schema

    return json.dumps(json_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def load() -> dict:
    """The schema as kept in the repo (what consumers validate against)."""
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
