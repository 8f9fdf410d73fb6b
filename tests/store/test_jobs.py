"""Jobs through the command line: ingest, reprocess, update (lock, exit codes, log)."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from .records import song_hinh_vi
from .dump import dump

from extractor.cli import main
from extractor.store import open_store

FIXTURES = Path(__file__).parent / "fixtures"


def count(db, sql: str) -> int:
    store = open_store(db, readonly=True)
    try:
        return store.conn.execute(sql).fetchone()[0]
    finally:
        store.close()


def test_ingest_files_and_jsonl_idempotent(tmp_path, db, records_jsonl, capsys):
    pages = tmp_path / "pages"
    shutil.copytree(FIXTURES, pages)
    assert main(["ingest", str(pages), str(records_jsonl), "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "7 new" in out
    assert count(db, "SELECT count(*) FROM articles") == 7
    assert count(db, "SELECT count(*) FROM raw_pages") == 2
    store = open_store(db)
    before = dump(store.conn)
    store.close()
    assert main(["ingest", str(pages), str(records_jsonl), "--db", str(db), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)[0]
    assert report["unchanged"] == 7 and report["new"] == 0
    store = open_store(db)
    assert dump(store.conn) == before
    store.close()


def test_ingest_bad_inputs_one_line_each_and_keeps_the_rest(tmp_path, db, records_jsonl, capsys):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(song_hinh_vi().to_json() + "\n{not json\n" + '{"text": "x"}\n', encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    code = main(["ingest", str(tmp_path / "missing.html"), str(bad), str(empty), "--db", str(db)])
    err = capsys.readouterr().err
    assert code == 1
    lines = [line for line in err.splitlines() if line.startswith("extractor ingest:")]
    assert len(lines) == 4 and "missing.html" in lines[0] and "Traceback" not in err
    assert count(db, "SELECT count(*) FROM articles") == 1


def test_reprocess_since_version_keeps_history(tmp_path, db, capsys):
    page = (FIXTURES / "tuy-hoa-bhyt.txt").read_bytes()
    from extractor.core import extract

    old = extract(page, content_type="text/plain")
    old.input, old.extractor_version = "pages/tuy-hoa-bhyt.txt", "0.0.1"
    store = open_store(db)
    store.save_record(old, raw=page, content_type="text/plain")
    store.save_record(song_hinh_vi())  # from JSONL: no page behind it
    store.close()
    assert main(["reprocess", "--db", str(db), "--since-version", "0.0.1"]) == 0
    assert "0 new, 0 changed" in capsys.readouterr().out
    assert main(["reprocess", "--db", str(db), "--since-version", "0.1.0", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["changed"] == 1
    from extractor import __version__

    versions = [count(db, f"SELECT count(*) FROM revisions WHERE extractor_version = '{v}'") for v in ("0.0.1", __version__)]
    assert versions == [1, 2]
    assert count(db, "SELECT count(*) FROM articles WHERE input = 'pages/tuy-hoa-bhyt.txt'") == 1
    assert main(["reprocess", "--db", str(db)]) == 0  # everything current: nothing written
    assert "0 changed" in capsys.readouterr().out


class FakeReport:
    def __init__(self, failed: int):
        self.failed = failed

    def as_dict(self):  # the shape of CrawlReport.as_dict()
        totals = {"new": 3, "changed": 1, "unchanged": 5, "skipped": 0, "failed": self.failed, "requests": 9}
        return {"totals": totals, "by_host": {}, "errors": [], "interrupted": False, "finished": True}

    def render(self):
        return f"crawl: 3 new, 1 changed, 5 unchanged, {self.failed} failed"


def fake_crawl(failed=0, calls=None):
    def crawl(db_path, targets, **kw):
        if calls is not None:
            calls.append((targets, kw))
        open_store(db_path).save_record(song_hinh_vi())
        return FakeReport(failed)
    return crawl


def test_update_runs_crawl_refreshes_registry_and_logs(tmp_path):
    from extractor.jobs.update import update

    db = tmp_path / "corpus" / "corpus.db"
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "update.toml").write_text('sites = ["baohatinh.vn"]\nmax_pages = 50\ndelay = 2\n')
    calls = []
    result = update(db, crawl=fake_crawl(calls=calls), progress=False)
    assert result.code == 0 and "3 new" in result.render() and result.registry["initiatives"] == 1
    assert calls[0][0] == ["baohatinh.vn"] and calls[0][1]["max_pages"] == 50 and calls[0][1]["delay"] == 2.0
    log = (tmp_path / "corpus" / "logs" / "update.log").read_text()
    assert "update started" in log and "update finished: exit 0" in log
    assert update(db, crawl=fake_crawl(failed=2), progress=False).code == 1


def test_update_exit_codes_for_bad_config_and_crashed_crawl(tmp_path):
    from extractor.jobs.update import EXIT_CRAWL_ERROR, EXIT_USAGE, update

    db = tmp_path / "corpus.db"
    (tmp_path / "update.toml").write_text("sites = [unquoted\n")
    assert update(db, crawl=fake_crawl(), progress=False).code == EXIT_USAGE
    (tmp_path / "update.toml").write_text('sitez = ["x"]\n')
    res = update(db, crawl=fake_crawl(), progress=False)
    assert res.code == EXIT_USAGE and "sitez" in res.render()
    (tmp_path / "update.toml").unlink()

    def boom(*a, **k):
        raise ConnectionError("network unreachable")
    res = update(db, crawl=boom, progress=False)
    assert res.code == EXIT_CRAWL_ERROR and "network unreachable" in res.render()


def test_concurrent_update_is_refused_by_the_lock(tmp_path):
    from extractor.jobs.update import EXIT_LOCKED, paths_for, update

    db = tmp_path / "corpus.db"
    lock = paths_for(db)["lock"]
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import fcntl, os, sys, time
        fd = os.open({str(lock)!r}, os.O_RDWR | os.O_CREAT)
        fcntl.flock(fd, fcntl.LOCK_EX)
        os.write(fd, str(os.getpid()).encode())
        print("locked", flush=True)
        sys.stdin.read()
    """)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        calls = []
        res = update(db, crawl=fake_crawl(calls=calls), progress=False)
        assert res.code == EXIT_LOCKED and "another update is running" in res.render()
        assert str(holder.pid) in res.render() and calls == []
    finally:
        holder.stdin.close()
        holder.wait(timeout=10)
    assert update(db, crawl=fake_crawl(), progress=False).code == 0  # lock released with its holder


def test_update_cli_exit_code_when_locked(tmp_path, capsys, monkeypatch):
    from extractor.jobs import update as job

    db = tmp_path / "corpus.db"
    with job.Lock(job.paths_for(db)["lock"]):
        assert main(["update", "--db", str(db)]) == job.EXIT_LOCKED
    err = capsys.readouterr().err
    assert err.startswith("extractor update: another update is running")


@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
def test_read_commands_in_every_format(corpus, capsys, fmt, monkeypatch):
    monkeypatch.setenv("COLUMNS", "300")  # a wide terminal: table cells unfolded
    db = str(corpus.path)
    assert main(["search", "--province", "Phu Yen", "--kind", "initiative", "--db", db, "--format", fmt]) == 0
    out = capsys.readouterr().out
    assert "Heo đất tương trợ" in out and "tirelire" in out
    if fmt == "json":
        rows = json.loads(out)
        assert {"item", "place", "date", "title", "url", "sentence"} <= set(rows[0])
    assert main(["initiatives", "--province", "Dak Lak", "--db", db, "--format", fmt]) == 0
    out = capsys.readouterr().out
    assert "2025-09-10" in out and "2025-09-12" in out
    assert main(["province", "Phu Yen", "--db", db, "--format", fmt]) == 0
    out = capsys.readouterr().out
    assert "94.2" in out or "94,2" in out


def test_province_plot_and_export_cli(corpus, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "300")
    db = str(corpus.path)
    png = tmp_path / "out" / "ha-tinh.png"
    assert main(["province", "Ha Tinh", "--db", db, "--plot", str(png)]) == 0
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    out = capsys.readouterr().out
    assert "Hà Tĩnh" in out and "target" in out
    assert main(["export", "--db", db, "--format", "parquet"]) == 2
    assert main(["export", "--db", db, "--format", "csv", "--what", "articles"]) == 0
    assert capsys.readouterr().out.startswith("article_uid,url,")


def test_missing_corpus_is_one_line(tmp_path, capsys):
    for cmd in (["search", "x"], ["initiatives"], ["province", "Hà Tĩnh"], ["export"], ["reprocess"]):
        assert main([*cmd, "--db", str(tmp_path / "none.db")]) == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "no corpus database" in err
    assert not (tmp_path / "none.db").exists()


def test_reprocess_reads_crawled_pages_from_the_warc(tmp_path, capsys):
    from extractor.core import extract
    from extractor.crawl.fetch import Exchange
    from extractor.crawl.warc import WarcArchive

    db = tmp_path / "corpus.db"
    body = (FIXTURES / "ha-tinh-assurance.html").read_bytes()
    url = "https://fr.example.vn/ha-tinh-assurance-volontaire"
    archive = WarcArchive(tmp_path)
    warc_file, offset = archive.write(Exchange(url=url, request_headers=[], status=200, reason="OK",
                                               headers=[("Content-Type", "text/html; charset=utf-8")], body=body))
    archive.close()
    record = extract(body, url=url, content_type="text/html")
    record.extractor_version = "0.0.1"
    store = open_store(db)
    store.save_record(record, fetched_at="2025-10-01T00:00:00Z", warc_file=warc_file, warc_offset=offset,
                      http_status=200)
    store.close()
    assert main(["reprocess", "--db", str(db), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["changed"] == 1
    assert count(db, "SELECT count(*) FROM revisions WHERE warc_file IS NOT NULL AND http_status = 200") == 2
    assert count(db, "SELECT count(*) FROM articles") == 1
    (tmp_path / warc_file).unlink()
    assert main(["reprocess", "--db", str(db), "--since-version", "99"]) == 1
    assert "no such WARC file" in capsys.readouterr().err


def test_demo_builds_and_shows_search_and_province(tmp_path, records_jsonl, capsys, monkeypatch):
    from extractor import demo

    monkeypatch.setenv("COLUMNS", "200")
    sample = tmp_path / "sample"
    sample.mkdir()
    shutil.copy(records_jsonl, sample / "records.jsonl")
    db = tmp_path / "demo.db"
    assert demo.main(["--sample", str(sample), "--db", str(db)]) == 0
    out = capsys.readouterr().out
    for expected in ("What the corpus holds", "A search", "province view of Đắk Lắk", "Sông Hinh",
                     f"extractor serve --db {db}"):
        assert expected in out
    assert demo.main(["--sample", str(sample), "--db", str(db)]) == 0  # rebuilt, same result
    assert count(db, "SELECT count(*) FROM articles") == 5


def test_bad_date_is_a_usage_error(corpus, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["search", "--from", "yesterday", "--db", str(corpus.path)])
    assert exc.value.code == 2 and "not a date" in capsys.readouterr().err


def test_update_store_error_is_an_exit_code(tmp_path, monkeypatch):
    import sqlite3

    from extractor.jobs import update as job

    def locked(*a, **k):
        raise sqlite3.OperationalError("database is locked")
    monkeypatch.setattr(job, "_refresh_quietly", locked)
    res = job.update(tmp_path / "corpus.db", crawl=lambda *a, **k: FakeReport(0), progress=False)
    assert res.code == job.EXIT_STORE_ERROR and "database is locked" in res.render()


def test_a_database_server_that_fails_is_one_line(pg_server, capsys):
    """No server there, or a database with no corpus in it: one line, the password masked."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    nowhere = f"postgresql://someone:secret@127.0.0.1:{port}/corpus"
    for cmd, code in ((["search", "x"], 1), (["provinces"], 1), (["ingest", str(FIXTURES)], 5)):
        assert main([*cmd, "--db", nowhere]) == code
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "secret" not in err and "Traceback" not in err, err
    assert main(["search", "x", "--db", pg_server]) == 1  # a database, but no corpus in it
    assert "not a corpus database" in capsys.readouterr().err


def test_extractor_db_in_the_environment_is_the_default(db, records_jsonl, monkeypatch, capsys):
    monkeypatch.setenv("EXTRACTOR_DB", db)
    assert main(["ingest", str(records_jsonl)]) == 0
    assert count(db, "SELECT count(*) FROM articles") == 5
