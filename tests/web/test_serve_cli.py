"""`extractor serve` refuses bad input with one line, and serves read-only."""
from __future__ import annotations

import asyncio
import sqlite3

from extractor.cli import main


def serve_error(capsys, *argv) -> str:
    assert main(["serve", *argv]) == 1
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "Traceback" not in err
    return err


def test_missing_database(capsys, tmp_path):
    err = serve_error(capsys, "--db", str(tmp_path / "nope.db"))
    assert "nope.db" in err and "no such database" in err


def test_not_a_database_and_not_a_corpus(capsys, tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"\x00\x01 not sqlite at all" * 100)
    assert "not a readable SQLite database" in serve_error(capsys, "--db", str(junk))
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t(x)").connection.commit()
    assert "not a corpus database" in serve_error(capsys, "--db", str(other))
    assert "not a file" in serve_error(capsys, "--db", str(tmp_path))


def test_bad_host(capsys, corpus_db):
    err = serve_error(capsys, "--db", str(corpus_db), "--host", "no-such-host.invalid")
    assert "cannot listen on no-such-host.invalid" in err


def test_immutable_snapshot_and_sql_switch(corpus_db):
    from extractor.web import build_datasette

    async def run(**kw):
        ds = build_datasette(corpus_db, **kw)
        await ds.invoke_startup()
        sql = await ds.client.get("/corpus.json?sql=select+count(*)+as+n+from+articles&_shape=array")
        home = await ds.client.get("/summary.json")
        return sql.status_code, sql.json() if sql.status_code == 200 else None, home.json()["articles"]

    assert asyncio.run(run(immutable=True)) == (403, None, 8)
    assert asyncio.run(run(allow_sql=True)) == (200, [{"n": 8}], 8)
