"""Tables that read well anywhere: piped, on an 80-column terminal; every format each
command names; the league table on the command line."""
from __future__ import annotations

import json
import re

import pytest

from extractor.cli import main


@pytest.fixture
def narrow(monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")  # what a pipe or a small terminal gets


def test_search_table_breaks_no_word_and_no_date(corpus, capsys, narrow):
    db = str(corpus.path)
    assert main(["search", "--db", db, "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert main(["search", "--db", db]) == 0
    out = capsys.readouterr().out
    assert max(map(len, out.splitlines())) <= 80
    for row in rows:
        assert row["date"] in out  # never "2025-09-1" + "0" on the next line
    words = set(re.findall(r"\w+", out))
    assert "insurance" in words and "insuranc" not in words
    assert "sentence" not in out and "url" not in out  # compact by default
    assert main(["search", "--db", db, "--full"]) == 0
    assert "sentence" in capsys.readouterr().out


def test_a_cut_result_says_so(corpus, capsys, narrow):
    db = str(corpus.path)
    assert main(["search", "--db", db, "--kind", "figure", "--limit", "2"]) == 0
    out = capsys.readouterr().out
    assert "showing 2 of 5 — use --limit" in out
    assert main(["search", "--db", db, "--kind", "figure", "--limit", "2", "--format", "json"]) == 0
    captured = capsys.readouterr()
    assert len(json.loads(captured.out)) == 2 and "showing 2 of 5" in captured.err
    assert main(["search", "--db", db, "--kind", "figure", "--limit", "0"]) == 0
    assert "showing" not in capsys.readouterr().out


def test_rows_stream_as_json_lines(corpus, capsys):
    db = str(corpus.path)
    for cmd in (["search", "--kind", "initiative"], ["initiatives"], ["provinces"]):
        assert main([*cmd, "--db", db, "--format", "jsonl"]) == 0
        lines = capsys.readouterr().out.splitlines()
        assert lines and all(isinstance(json.loads(line), dict) for line in lines)
    with pytest.raises(SystemExit) as exc:  # a nested view: table, json or csv only
        main(["province", "Ha Tinh", "--db", db, "--format", "jsonl"])
    assert exc.value.code == 2
    capsys.readouterr()


def test_provinces_command(league_corpus, capsys, narrow):
    db = str(league_corpus.path)
    assert main(["provinces", "--db", db]) == 0
    out = capsys.readouterr().out
    assert max(map(len, out.splitlines())) <= 80
    line = next(line for line in out.splitlines() if "↳ Nam Định" in line)
    assert "94.2 %" in line and "2024-12-31" in line and "≥ 95 % by 2025" in line and "+0.8" in line
    assert main(["provinces", "--db", db, "--format", "json", "--sort", "gap"]) == 0
    rows = json.loads(capsys.readouterr().out)
    gaps = [r["gap"] for r in rows if not r["parent"] and r["gap"] is not None]
    assert gaps == sorted(gaps, reverse=True)
    assert main(["export", "--db", db, "--what", "provinces", "--format", "csv"]) == 0
    assert capsys.readouterr().out.startswith("province,parent,health_rate,")


def test_province_view_lists_languages_and_plots_places_inside(corpus, capsys, tmp_path, narrow):
    png = tmp_path / "sh.png"
    assert main(["province", "Phu Yen", "--db", str(corpus.path), "--plot", str(png)]) == 0
    out = capsys.readouterr().out
    assert "fr, vi" in out and png.exists()
