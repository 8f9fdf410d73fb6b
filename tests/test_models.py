"""Every rule file under models/ against the schema of its kind (models/schema.json).

A row with a misspelt key, a wrong type or a value outside its kind's vocabulary would
otherwise be ignored silently by the code that loads it; a pattern that does not compile
would fail only on the first article that reaches it.
"""
from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import jsonschema
import pytest

MODELS = Path(__file__).resolve().parents[1] / "models"
SCHEMA = json.loads((MODELS / "schema.json").read_text(encoding="utf-8"))
PLAIN_TEXT = {"text", "word", "alias", "name", "surname", "lang", "term", "open", "close", "decimal",
              "currency", "unit", "kind", "position", "qualifier", "tag", "level", "month"}


def rule_files() -> list[Path]:
    return sorted(p for p in MODELS.rglob("*") if p.suffix in (".jsonl", ".json", ".toml") and p.name != "schema.json")


def kind_of(path: Path) -> tuple[str, str]:
    ext = path.suffix.lstrip(".")
    return ext, "site" if path.parent.name == "sites" else path.stem


def rows(path: Path) -> list[tuple[int, dict]]:
    ext = path.suffix
    text = path.read_text(encoding="utf-8")
    if ext == ".jsonl":
        return [(n, json.loads(line)) for n, line in enumerate(text.splitlines(), 1)
                if line.strip() and not line.startswith("//")]
    return [(1, json.loads(text) if ext == ".json" else tomllib.loads(text))]


@pytest.mark.parametrize("path", rule_files(), ids=lambda p: str(p.relative_to(MODELS)))
def test_rule_file_matches_its_schema(path: Path):
    ext, kind = kind_of(path)
    assert kind in SCHEMA[ext], f"{path.name}: no schema for kind {kind!r} in models/schema.json"
    validator = jsonschema.Draft202012Validator(SCHEMA[ext][kind])
    for n, row in rows(path):
        errors = [e.message for e in validator.iter_errors(row)]
        assert not errors, f"{path.name}:{n}: {errors[0]}"
        for key, value in row.items():
            if isinstance(value, str) and key not in PLAIN_TEXT and ext == "jsonl":
                re.compile(value)  # a pattern that does not compile fails here, not on an article


def test_every_schema_kind_is_used():
    used = {kind_of(p) for p in rule_files()}
    unused = [(ext, kind) for ext in ("jsonl", "json", "toml") for kind in SCHEMA[ext] if (ext, kind) not in used]
    assert not unused
