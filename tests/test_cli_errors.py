"""Every command, given bad arguments: one line on stderr naming the input, a documented exit
code, never a traceback. The list is the sweep a new user's typos make."""
from __future__ import annotations

import pytest

from extractor.cli import main


@pytest.fixture(scope="module")
def places(tmp_path_factory):
    from extractor.store import open_store

    root = tmp_path_factory.mktemp("cli")
    open_store(root / "corpus.db").close()
    (root / "notes.txt").write_text("not a database\n", encoding="utf-8")
    (root / "page.html").write_text("<html><body><p>x</p></body></html>", encoding="utf-8")
    (root / "badsite.toml").write_text('sites = ["no-such-site.example"]\n', encoding="utf-8")
    (root / "logsfile").mkdir()
    (root / "logsfile" / "logs").write_text("a file where the log folder goes\n", encoding="utf-8")
    return root


CASES = [
    # (arguments, exit status); {db} is an empty corpus, {txt} a text file, {dir} a folder
    (["frobnicate"], 2),
    (["extract"], 2),
    (["extract", "--lang", "klingon", "{html}"], 2),
    (["extract", "--format", "xml", "{html}"], 2),
    (["crawl", "--since", "2025-13-45"], 2),
    (["crawl", "--max-pages", "-3"], 2),
    (["crawl", "--max-pages", "many"], 2),
    (["crawl", "--workers", "0"], 2),
    (["crawl", "--delay", "-1"], 2),
    (["crawl", "--delay", "nan"], 2),
    (["crawl", "--lang", "klingon"], 2),
    (["crawl", "--lang", ","], 2),
    (["crawl", "--max-depth", "-1"], 2),
    (["crawl", "--read-timeout", "0"], 2),
    (["crawl", "--connect-timeout", "soon"], 2),
    (["crawl", "no-such-site.example", "--db", "{db}"], 2),
    (["crawl", "http://", "--db", "{db}"], 2),
    (["crawl", "baohatinh.vn", "--db", "/dev/null"], 5),
    (["crawl", "baohatinh.vn", "--db", "{txt}"], 5),
    (["crawl", "baohatinh.vn", "--db", "{txt}/sub/corpus.db"], 5),
    (["crawl", "baohatinh.vn", "--db", "{dir}"], 5),
    (["ingest"], 2),
    (["ingest", "--lang", "klingon", "{html}"], 2),
    (["ingest", "{html}", "--db", "/dev/null"], 5),
    (["ingest", "{html}", "--db", "{txt}"], 5),
    (["ingest", "{html}", "--db", "{txt}/sub/corpus.db"], 5),
    (["update", "--config", "{dir}/missing.toml", "--db", "{dir}/u.db"], 2),
    (["update", "--config", "{dir}/badsite.toml", "--db", "{dir}/u.db"], 2),
    (["update", "--config", "{txt}", "--db", "{dir}/u.db"], 2),
    (["update", "--max-pages", "0"], 2),
    (["update", "--db", "/dev/null"], 5),
    (["update", "--db", "{txt}"], 5),
    (["update", "--db", "{dir}/logsfile/corpus.db", "--config", "{dir}/badsite.toml"], 2),
    (["update", "--db", "{dir}/logsfile/corpus.db"], 5),
    (["reprocess", "--since-version", "banana", "--db", "{db}"], 2),
    (["reprocess", "--db", "{txt}"], 1),
    (["reprocess", "--db", "/dev/null"], 1),
    (["search", "--from", "2025-13-45", "--db", "{db}"], 2),
    (["search", "--from", "2025-02-30", "--db", "{db}"], 2),
    (["search", "--from", "2025", "--to", "2024-06", "--db", "{db}"], 2),
    (["search", "--limit", "-3", "--db", "{db}"], 2),
    (["search", "--metric", "happiness", "--db", "{db}"], 2),
    (["search", "--lang", "klingon", "--db", "{db}"], 2),
    (["search", "--kind", "poem", "--db", "{db}"], 2),
    (["search", "--format", "xml", "--db", "{db}"], 2),
    (["search", "x", "--db", "{txt}"], 1),
    (["search", "x", "--db", "/dev/null"], 1),
    (["initiatives", "--db", "{dir}"], 1),
    (["province"], 2),
    (["province", "Ha Tinh", "--db", "{txt}"], 1),
    (["export", "--what", "poems", "--db", "{db}"], 2),
    (["export", "--format", "parquet", "--db", "{db}"], 2),
    (["export", "--out", "{txt}/x.csv", "--db", "{db}"], 1),
    (["serve", "--port", "99999", "--db", "{db}"], 2),
    (["serve", "--port", "http", "--db", "{db}"], 2),
    (["serve", "--db", "{txt}"], 1),
    (["search", "--limit", "99999999999999999999", "--db", "{db}"], 2),
    (["crawl", "http://[::1", "--db", "{db}"], 2),
    (["crawl", "", "--db", "{db}"], 2),
    (["ingest", "/dev/null", "--db", "{db}"], 1),
    (["export", "--out", "", "--db", "{db}"], 2),
    (["serve", "--port", "0", "--db", "{db}"], 2),
]


@pytest.mark.parametrize("argv,code", CASES, ids=[" ".join(a) for a, _ in CASES])
def test_bad_arguments_get_one_line_and_their_exit_status(argv, code, places, capsys):
    names = {"db": places / "corpus.db", "txt": places / "notes.txt", "dir": places, "html": places / "page.html"}
    argv = [a.format(**names) for a in argv]
    try:
        got = main(argv)
    except SystemExit as exc:
        got = exc.code
    out, err = capsys.readouterr()
    assert "Traceback" not in err + out
    assert got == code, err
    assert err.count("\n") == 1 and err.startswith("extractor"), err

