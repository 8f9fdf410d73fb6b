"""`ingest` recognises records (JSON array, JSONL, any suffix) and refuses other JSON in one line."""
from __future__ import annotations

import json

from extractor.cli import main

from .records import all_records
from .test_jobs import count


def test_extract_json_array_is_stored_as_records(tmp_path, db, capsys):
    array = tmp_path / "records.json"
    array.write_text(json.dumps([r.to_dict() for r in all_records()], ensure_ascii=False, indent=2), encoding="utf-8")
    assert main(["ingest", str(array), "--db", str(db)]) == 0
    n = len(all_records())
    assert f"{n} new" in capsys.readouterr().out
    assert count(db, "SELECT count(*) FROM articles") == n
    assert count(db, "SELECT count(*) FROM revisions WHERE text LIKE '[%'") == 0  # no JSON as an article text
    saved_as_txt = tmp_path / "records.txt"  # records under another suffix are still records
    saved_as_txt.write_text(array.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["ingest", str(saved_as_txt), "--db", str(db)]) == 0
    assert count(db, "SELECT count(*) FROM articles") == n


def test_an_items_export_is_one_error_line(corpus, tmp_path, capsys):
    db = tmp_path / "fresh.db"
    for fmt, name in (("jsonl", "items.jsonl"), ("jsonl", "items.json")):
        out = tmp_path / name
        assert main(["export", "--db", str(corpus.path), "--what", "items", "--format", fmt, "--out", str(out)]) == 0
        capsys.readouterr()
        assert main(["ingest", str(out), "--db", str(db)]) == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "an export of items" in err and name in err
    assert count(db, "SELECT count(*) FROM articles") == 0


def test_json_that_is_no_record_is_one_line(tmp_path, db, capsys):
    other = tmp_path / "settings.json"
    other.write_text(json.dumps([{"name": "x", "value": 1}] * 30), encoding="utf-8")
    assert main(["ingest", str(other), "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not records of `extractor extract`" in err
