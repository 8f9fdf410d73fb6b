"""The JSON Schema in the repo is the one the models generate, and every record fits it."""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from extractor.cli import main
from extractor.schema import load, render
from extractor.schema.__main__ import main as schema_main

ROOT = Path(__file__).resolve().parents[1]
INPUTS = sorted((ROOT / "tests" / "fixtures" / "pages").glob("*.[ht][tx][mt]*")) + sorted(
    p for p in (ROOT / "corpus" / "sample").iterdir() if p.suffix in (".html", ".txt"))


def test_schema_file_is_up_to_date():
    assert (ROOT / "extractor" / "schema" / "record.schema.json").read_text(encoding="utf-8") == render(), \
        "run: python -m extractor.schema"
    assert schema_main(["--check"]) == 0


def test_schema_is_valid_json_schema():
    jsonschema.Draft202012Validator.check_schema(load())


@pytest.fixture(scope="module")
def emitted(tmp_path_factory) -> list[dict]:
    import contextlib
    import io

    missing = str(tmp_path_factory.mktemp("x") / "missing.html")
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf), contextlib.redirect_stderr(io.StringIO()):
        main(["extract", *map(str, INPUTS), missing])
    return [json.loads(line) for line in buf.getvalue().splitlines() if line.strip()]


def test_every_emitted_record_validates(emitted):
    validator = jsonschema.Draft202012Validator(load())
    assert len(emitted) == len(INPUTS) + 1
    for record in emitted:
        errors = sorted(validator.iter_errors(record), key=str)
        assert not errors, f"{record['input']}: {errors[0].message}"
    assert emitted[-1]["error"]
